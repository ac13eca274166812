//! A format-neutral value tree with source spans.
//!
//! In: a TOML or YAML file, parsed by [`super::toml_file`] or [`super::yaml_file`].
//! Out: a [`Node`] tree whose every value and key knows its byte span, so that
//! every later problem (a bad type, an unknown id) can point at the exact place.

use std::ops::Range;

use serde_json::Value;

/// A key of a table with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A TOML date or datetime, kept as its text (`2025-03-04`).
    Date(String),
    Array(Vec<Node>),
    Table(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Range<usize>,
}

impl Node {
    pub fn new(kind: NodeKind, span: Range<usize>) -> Self {
        Node { kind, span }
    }

    /// The entry `key` of a table.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key and value of entry `key` of a table.
    pub fn entry(&self, key: &str) -> Option<(&Key, &Node)> {
        match &self.kind {
            NodeKind::Table(entries) => entries
                .iter()
                .find(|(k, _)| k.name == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A short span to point at for a whole table: its `id` value, else its first
    /// key, else the table's own span. Keeps diagnostics to one line.
    pub fn anchor(&self) -> Range<usize> {
        if let Some(id) = self.get("id") {
            return id.span.clone();
        }
        match &self.kind {
            NodeKind::Table(entries) if !entries.is_empty() => entries[0].0.span.clone(),
            _ => self.span.clone(),
        }
    }

    /// The name of this node's type, as users know it.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Int(_) => "integer",
            NodeKind::Float(_) => "float",
            NodeKind::Str(_) => "string",
            NodeKind::Date(_) => "date",
            NodeKind::Array(_) => "array",
            NodeKind::Table(_) => "table",
        }
    }

    /// The span of a node nested more than `max` levels below this one, if
    /// any (without recursion, so any depth can be measured).
    pub fn deeper_than(&self, max: usize) -> Option<Range<usize>> {
        let mut stack: Vec<(&Node, usize)> = vec![(self, 0)];
        while let Some((node, depth)) = stack.pop() {
            if depth > max {
                return Some(node.span.clone());
            }
            match &node.kind {
                NodeKind::Array(items) => stack.extend(items.iter().map(|n| (n, depth + 1))),
                NodeKind::Table(entries) => {
                    stack.extend(entries.iter().map(|(_, n)| (n, depth + 1)));
                }
                _ => {}
            }
        }
        None
    }

    /// How many nodes the tree holds (this one included).
    pub fn count(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            n += 1;
            match &node.kind {
                NodeKind::Array(items) => stack.extend(items),
                NodeKind::Table(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        n
    }

    /// Convert to JSON, the input of serde deserialisation of the raw types.
    pub fn to_json(&self) -> Value {
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Int(i) => Value::from(*i),
            NodeKind::Float(f) => serde_json::Number::from_f64(*f)
                .map_or_else(|| Value::from(f.to_string()), Value::Number),
            NodeKind::Str(s) | NodeKind::Date(s) => Value::String(s.clone()),
            NodeKind::Array(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Table(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// Every node on a serde path, from this one down, as far as it resolves.
    pub fn tables_along(&self, path: &serde_path_to_error::Path) -> Vec<&Node> {
        use serde_path_to_error::Segment;
        let mut out = vec![self];
        let mut node = self;
        for seg in path.iter() {
            let next = match (seg, &node.kind) {
                (Segment::Seq { index }, NodeKind::Array(items)) => items.get(*index),
                (Segment::Map { key }, NodeKind::Table(_)) => node.get(key),
                _ => None,
            };
            match next {
                Some(n) => {
                    out.push(n);
                    node = n;
                }
                None => break,
            }
        }
        out
    }

    /// Follow a serde path (from `serde_path_to_error`) as far as it goes; returns
    /// the deepest node reached and, when the path ends at a table key, that key.
    pub fn locate(&self, path: &serde_path_to_error::Path) -> &Node {
        self.tables_along(path).pop().unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(kind: NodeKind, at: usize) -> Node {
        Node::new(kind, at..at + 1)
    }

    #[test]
    fn locate_follows_paths_and_stops_at_missing_parts() {
        let tree = Node::new(
            NodeKind::Table(vec![(
                Key {
                    name: "accepts".into(),
                    span: 0..7,
                },
                Node::new(
                    NodeKind::Array(vec![
                        leaf(NodeKind::Str("a".into()), 10),
                        leaf(NodeKind::Int(3), 14),
                    ]),
                    9..16,
                ),
            )]),
            0..16,
        );
        let v = tree.to_json();
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            accepts: Vec<String>,
        }
        let err = serde_path_to_error::deserialize::<_, T>(v).unwrap_err();
        assert_eq!(tree.locate(err.path()).span, 14..15);
    }
}
