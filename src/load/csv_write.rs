//! Writing v1 CSV text: the header of a layout and fields quoted as the csv
//! crate (and Excel) quote them — only when they hold a comma, a quote or a
//! line end.
//!
//! In: a layout's column names, or one field's text. Out: text appended to a
//! `String` (the demo generator writes a national roster this way, fast).

/// The header line of a layout, with its line end.
pub fn header(names: &[&str]) -> String {
    let mut out = names.join(",");
    out.push('\n');
    out
}

/// Append a field: a comma before it unless it is the first of its row, and
/// quotes (with inner quotes doubled) only when it needs them.
pub fn field(out: &mut String, text: &str, first: bool) {
    if !first {
        out.push(',');
    }
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        field(&mut s, "a", true);
        field(&mut s, "b c", false);
        field(&mut s, "x,\"y\"", false);
        field(&mut s, "", false);
        assert_eq!(s, "a,b c,\"x,\"\"y\"\"\",");
        assert_eq!(header(&["a", "b"]), "a,b\n");
    }
}
