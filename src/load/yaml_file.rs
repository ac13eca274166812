//! YAML text → located [`Node`] tree. The only module that knows the YAML crate
//! (yaml-rust2's marked event parser), so it can be swapped.

use std::collections::HashMap;
use std::ops::Range;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};
use yaml_rust2::Yaml;

use super::node::{Key, Node, NodeKind};
use super::toml_file::{too_deep, SyntaxError, MAX_DEPTH};
use crate::diag::Code;

/// How many nodes aliases may add to a file in all. A plan file needs few or
/// no aliases; without a bound, a few hundred bytes of nested aliases
/// ("billion laughs") would expand to gigabytes.
pub const MAX_ALIAS_NODES: usize = 10_000;

/// A duplicate key: message and span.
pub type Duplicate = (String, Range<usize>);

/// Parse one YAML document. Duplicate keys are reported as extra findings
/// rather than failing the whole file.
pub fn parse(text: &str) -> Result<(Node, Vec<Duplicate>), SyntaxError> {
    // yaml-rust2 marks positions in characters; map them to bytes.
    let char_to_byte: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    // YAML allows only printable characters (YAML 1.2, 5.1); the parser would
    // silently stop at a NUL byte and lose the rest of the file.
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(SyntaxError {
            message: format!(
                "control character U+{:04X} is not allowed in YAML",
                u32::from(c)
            ),
            span: at..at + c.len_utf8(),
            code: Code::ParseError,
        });
    }
    let byte = |m: &Marker| char_to_byte.get(m.index()).copied().unwrap_or(text.len());
    let mut builder = Builder {
        text,
        byte: &byte,
        stack: Vec::new(),
        docs: Vec::new(),
        anchors: HashMap::new(),
        duplicates: Vec::new(),
        aliased: 0,
        limit: None,
    };
    // Events are pulled one at a time (the parser's own `load` recurses once
    // per nesting level, which a hostile file could use to exhaust the stack).
    let mut parser = Parser::new_from_str(text);
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => break,
            Ok((ev, mark)) => builder.on_event(ev, mark),
            Err(e) => {
                if let Some(limit) = builder.limit.take() {
                    return Err(limit);
                }
                let at = byte(e.marker());
                return Err(SyntaxError {
                    message: e.info().to_string(),
                    span: at..at,
                    code: Code::ParseError,
                });
            }
        }
        if let Some(limit) = builder.limit.take() {
            return Err(limit);
        }
    }
    let duplicates = std::mem::take(&mut builder.duplicates);
    let mut docs = std::mem::take(&mut builder.docs);
    match docs.len() {
        0 => Ok((Node::new(NodeKind::Table(Vec::new()), 0..0), duplicates)),
        1 => {
            let mut doc = docs.remove(0);
            if doc.kind == NodeKind::Null {
                doc.kind = NodeKind::Table(Vec::new());
            }
            Ok((doc, duplicates))
        }
        _ => Err(SyntaxError {
            message: "more than one YAML document in a file (`---`); put each in a file of its own"
                .into(),
            span: docs[1].span.clone(),
            code: Code::ParseError,
        }),
    }
}

enum Frame {
    Seq(Vec<Node>, usize, usize),
    /// entries, pending key, start, anchor
    Map(Vec<(Key, Node)>, Option<Key>, usize, usize),
}

struct Builder<'a, F: Fn(&Marker) -> usize> {
    text: &'a str,
    byte: &'a F,
    stack: Vec<Frame>,
    docs: Vec<Node>,
    anchors: HashMap<usize, Node>,
    duplicates: Vec<Duplicate>,
    /// Nodes added by aliases so far.
    aliased: usize,
    /// A limit the file went beyond; every later event is ignored.
    limit: Option<SyntaxError>,
}

impl<F: Fn(&Marker) -> usize> Builder<'_, F> {
    fn scalar_end(&self, start: usize, value: &str, style: TScalarStyle) -> usize {
        let len = match style {
            TScalarStyle::Plain => value.len(),
            TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => value.len() + 2,
            _ => 1,
        };
        let end = (start + len).min(self.text.len());
        // stay within the line, and on a character boundary
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let mut end = end.min(line_end).max(start);
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        end
    }

    fn add(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Frame::Seq(items, _, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _, _)) => match pending.take() {
                None => {
                    let name = match &node.kind {
                        NodeKind::Str(s) | NodeKind::Date(s) => s.clone(),
                        NodeKind::Int(i) => i.to_string(),
                        NodeKind::Bool(b) => b.to_string(),
                        NodeKind::Float(f) => f.to_string(),
                        NodeKind::Null => String::new(),
                        _ => "<complex key>".to_string(),
                    };
                    if entries.iter().any(|(k, _)| k.name == name) {
                        self.duplicates.push((
                            format!("key `{name}` is given twice in the same mapping"),
                            node.span.clone(),
                        ));
                    }
                    *pending = Some(Key {
                        name,
                        span: node.span,
                    });
                }
                Some(key) => {
                    if !entries.iter().any(|(k, _)| k.name == key.name) {
                        entries.push((key, node));
                    }
                }
            },
        }
    }
}

fn plain_scalar(value: &str) -> NodeKind {
    match Yaml::from_str(value) {
        Yaml::Integer(i) => NodeKind::Int(i),
        Yaml::Real(r) => match r.parse::<f64>() {
            Ok(f) => NodeKind::Float(f),
            Err(_) => match r.to_ascii_lowercase().trim_start_matches('+') {
                ".inf" => NodeKind::Float(f64::INFINITY),
                "-.inf" => NodeKind::Float(f64::NEG_INFINITY),
                ".nan" => NodeKind::Float(f64::NAN),
                _ => NodeKind::Str(value.to_string()),
            },
        },
        Yaml::Boolean(b) => NodeKind::Bool(b),
        Yaml::Null => NodeKind::Null,
        _ => NodeKind::Str(value.to_string()),
    }
}

impl<F: Fn(&Marker) -> usize> MarkedEventReceiver for Builder<'_, F> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.limit.is_some() {
            return;
        }
        let at = (self.byte)(&mark);
        if matches!(ev, Event::SequenceStart(..) | Event::MappingStart(..))
            && self.stack.len() >= MAX_DEPTH
        {
            self.limit = Some(too_deep(at..at + 1));
            return;
        }
        match ev {
            Event::Scalar(value, style, anchor, tag) => {
                let end = self.scalar_end(at, &value, style);
                let is_str_tag = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let kind = if style == TScalarStyle::Plain && !is_str_tag {
                    plain_scalar(&value)
                } else {
                    NodeKind::Str(value)
                };
                self.add(Node::new(kind, at..end), anchor);
            }
            Event::Alias(id) => {
                let size = self.anchors.get(&id).map_or(1, Node::count);
                self.aliased = self.aliased.saturating_add(size);
                if self.aliased > MAX_ALIAS_NODES {
                    self.limit = Some(SyntaxError {
                        message: format!(
                            "aliases (`*name`) expand to more than {MAX_ALIAS_NODES} values"
                        ),
                        span: at..at + 1,
                        code: Code::YamlAlias,
                    });
                    return;
                }
                let node = self.anchors.get(&id).cloned().map_or_else(
                    || Node::new(NodeKind::Null, at..at),
                    |n| Node {
                        span: at..at + 1,
                        ..n
                    },
                );
                self.add(node, 0);
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq(Vec::new(), at, anchor)),
            Event::MappingStart(anchor, _) => {
                self.stack.push(Frame::Map(Vec::new(), None, at, anchor))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (kind, start, anchor) = match self.stack.pop() {
                    Some(Frame::Seq(items, start, anchor)) => {
                        (NodeKind::Array(items), start, anchor)
                    }
                    Some(Frame::Map(entries, _, start, anchor)) => {
                        (NodeKind::Table(entries), start, anchor)
                    }
                    None => return,
                };
                let line_end = self.text[start.min(self.text.len())..]
                    .find('\n')
                    .map_or(self.text.len(), |i| start + i);
                self.add(Node::new(kind, start..line_end.max(start)), anchor);
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_typed_and_located() {
        let text =
            "capacity:\n  - unit: sjøheim\n    fte: 6.0\n    n: 3\n    s: '5'\n    d: 2025-03-04\n";
        let (n, dups) = parse(text).unwrap();
        assert!(dups.is_empty());
        let line = match &n.get("capacity").unwrap().kind {
            NodeKind::Array(items) => items[0].clone(),
            k => panic!("{k:?}"),
        };
        let unit = line.get("unit").unwrap();
        assert_eq!(&text[unit.span.clone()], "sjøheim");
        assert_eq!(line.get("fte").unwrap().kind, NodeKind::Float(6.0));
        assert_eq!(line.get("n").unwrap().kind, NodeKind::Int(3));
        assert_eq!(line.get("s").unwrap().kind, NodeKind::Str("5".into()));
        assert_eq!(
            line.get("d").unwrap().kind,
            NodeKind::Str("2025-03-04".into())
        );
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let (_, dups) = parse("a: 1\na: 2\n").unwrap();
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].1, 5..6);
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("a: [1, 2\nb: 3\n").err().unwrap();
        assert!(!e.message.is_empty());
    }

    #[test]
    fn nesting_and_alias_expansion_are_bounded() {
        // a thousand nested block sequences: an error at the limit, not a deep tree
        let mut deep = String::from("x:\n");
        for i in 0..1000 {
            deep.push_str(&format!("{}-\n", "  ".repeat(i)));
        }
        let e = parse(&deep).err().unwrap();
        assert_eq!(e.code, Code::TooDeep);
        // "billion laughs": each level nine aliases of the one before
        let mut laughs = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 9].join(", ");
            laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse(&laughs).err().unwrap();
        assert_eq!(e.code, Code::YamlAlias);
        assert!(laughs[e.span.start..].starts_with('*'), "{e:?}");
        // a few aliases are fine
        let (n, _) = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        assert_eq!(n.get("b").unwrap().count(), 3);
    }

    #[test]
    fn empty_file_is_empty_table() {
        let (n, _) = parse("# only a comment\n").unwrap();
        assert_eq!(n.kind, NodeKind::Table(Vec::new()));
    }
}
