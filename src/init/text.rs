//! Small writers for TOML and YAML text: quoted strings and inline lists.
//!
//! In: plain Rust strings and numbers. Out: literals that parse back to exactly
//! the same value (JSON string syntax is valid in TOML basic strings and YAML
//! double-quoted scalars).

use std::fmt::Write;

/// A quoted string literal, valid in TOML and YAML.
pub(crate) fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}

/// An inline list of quoted strings: `["a", "b"]`.
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::from("[");
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&q(s.as_ref()));
    }
    out.push(']');
    out
}

/// A list of bare words (ids that need no quoting in YAML flow style): `[a, b]`.
pub(crate) fn bare_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::from("[");
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(s.as_ref());
    }
    out.push(']');
    out
}

/// Comment lines (`# ...`) for a block of text, one per line.
pub(crate) fn comment(out: &mut String, text: &str) {
    for line in text.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            let _ = writeln!(out, "# {line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_round_trip_through_toml() {
        let s = "Sjøheim \"nord\" \\ 70/30";
        let text = format!("x = {}\ny = {}\n", q(s), list(&["a", s]));
        let v: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(v["x"].as_str(), Some(s));
        assert_eq!(v["y"][1].as_str(), Some(s));
        assert_eq!(bare_list(&["a", "b"]), "[a, b]");
    }
}
