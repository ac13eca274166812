//! TOML text → located [`Node`] tree, using the `toml` crate's spanned parser.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::node::{Key, Node, NodeKind};
use crate::diag::Code;

/// A syntax error, or a limit the file goes beyond: message, span and code.
#[derive(Debug)]
pub struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
    /// `parse-error`, or the limit (`too-deep`, `yaml-alias`).
    pub code: Code,
}

/// How deeply tables and lists may nest in a plan file. The format needs 5;
/// the limit keeps every recursive step over a file (on any thread) far from
/// the end of its stack.
pub const MAX_DEPTH: usize = 64;

/// The error for a file nested deeper than [`MAX_DEPTH`], at `span`.
pub fn too_deep(span: Range<usize>) -> SyntaxError {
    SyntaxError {
        message: format!("tables and lists are nested more than {MAX_DEPTH} levels deep"),
        span,
        code: Code::TooDeep,
    }
}

pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    match DeTable::parse(text) {
        Ok(table) => {
            let span = table.span();
            let node = Node::new(table_kind(table.get_ref()), span);
            match node.deeper_than(MAX_DEPTH) {
                Some(at) => Err(too_deep(at)),
                None => Ok(node),
            }
        }
        Err(e) => Err(SyntaxError {
            message: e.message().trim().to_string(),
            span: e.span().unwrap_or(0..0),
            code: Code::ParseError,
        }),
    }
}

fn table_kind(table: &DeTable<'_>) -> NodeKind {
    NodeKind::Table(
        table
            .iter()
            .map(|(k, v)| {
                (
                    Key {
                        name: k.get_ref().to_string(),
                        span: k.span(),
                    },
                    value(v),
                )
            })
            .collect(),
    )
}

fn value(v: &Spanned<DeValue<'_>>) -> Node {
    let span = v.span();
    let kind = match v.get_ref() {
        DeValue::String(s) => NodeKind::Str(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => NodeKind::Int(n),
            Err(_) => NodeKind::Str(i.as_str().to_string()),
        },
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            match text.as_str() {
                "inf" | "+inf" => NodeKind::Float(f64::INFINITY),
                "-inf" => NodeKind::Float(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => NodeKind::Float(f64::NAN),
                t => t
                    .parse()
                    .map_or(NodeKind::Str(t.to_string()), NodeKind::Float),
            }
        }
        DeValue::Boolean(b) => NodeKind::Bool(*b),
        DeValue::Datetime(d) => NodeKind::Date(d.to_string()),
        DeValue::Array(items) => NodeKind::Array(items.iter().map(value).collect()),
        DeValue::Table(t) => table_kind(t),
    };
    Node::new(kind, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_spans() {
        let text = "[[unit]]\nid = \"a\"\nfte = 1.5\nd = 2025-03-04\n";
        let n = parse(text).unwrap();
        let unit = match &n.get("unit").unwrap().kind {
            NodeKind::Array(items) => items[0].clone(),
            k => panic!("{k:?}"),
        };
        let id = unit.get("id").unwrap();
        assert_eq!(&text[id.span.clone()], "\"a\"");
        assert_eq!(unit.get("fte").unwrap().kind, NodeKind::Float(1.5));
        assert_eq!(
            unit.get("d").unwrap().kind,
            NodeKind::Date("2025-03-04".into())
        );
    }

    #[test]
    fn syntax_errors_have_spans() {
        let e = parse("a = \nb = 1").err().unwrap();
        assert!(e.span.start <= 4, "{}", e.span.start);
        assert!(!e.message.is_empty());
    }
}
