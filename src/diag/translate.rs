//! Diagnostics in the reader's language.
//!
//! Findings are written in English where they are found (the English text is the
//! message id, as in gettext; keys use `format!` syntax, so the braces of a
//! message's own text are written `{{ }}`). Before rendering, [`translate`] looks each message,
//! hint and related label up in the language's catalogue (`i18n::diag_nb`, `i18n::diag_nn`): an
//! entry is the English template with `{}` holes, and the translation refers to
//! the holes as `{1}`, `{2}`, … so the word order can change. A hole is written
//! as it was found (a plan's id, key, number or file name) unless the translation
//! asks for it as `{1~}`: then what fills it is itself looked up as a phrase
//! ("capacity line `a`/`b`", "a number", or a list of such phrases joined by ", "
//! or " or "). Codes are never translated.
//!
//! A test (`every_diagnostic_template_is_translated`) reads the source of every
//! stage that reports findings and fails when a message or hint has no entry in a
//! catalogue, and the fixture tests check every case in every language, so a new
//! message cannot ship in English only.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Diagnostic;
use crate::i18n::Lang;

/// One catalogue entry, parsed: the literal pieces between the holes, and the
/// translation template.
struct Entry {
    pieces: Vec<String>,
    target: &'static str,
    /// Total literal length: a more specific template wins.
    weight: usize,
}

/// A language's catalogue, parsed once.
struct Catalogue {
    entries: Vec<Entry>,
    /// Exact phrases without holes, for fast lookup.
    exact: HashMap<String, &'static str>,
}

/// `{name}`, `{}`, `{:04X}` → hole; `{{`/`}}` → literal braces.
pub fn pieces(template: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                if let Some(s) = out.last_mut() {
                    s.push('{');
                }
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                if let Some(s) = out.last_mut() {
                    s.push('}');
                }
            }
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                out.push(String::new());
            }
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

impl Catalogue {
    fn new(pairs: &'static [(&'static str, &'static str)]) -> Self {
        let mut entries = Vec::new();
        let mut exact = HashMap::new();
        for (en, target) in pairs {
            let pieces = pieces(en);
            if pieces.len() == 1 {
                exact.insert(pieces.into_iter().next().unwrap_or_default(), *target);
                continue;
            }
            let weight = pieces.iter().map(String::len).sum();
            entries.push(Entry {
                pieces,
                target,
                weight,
            });
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.weight));
        Catalogue { entries, exact }
    }

    /// The translation of `text`, or `None` when no entry matches.
    fn lookup(&self, text: &str, depth: usize) -> Option<String> {
        if let Some(t) = self.exact.get(text) {
            return Some((*t).to_string());
        }
        if depth > 4 {
            return None;
        }
        for e in &self.entries {
            let (first, last) = match (e.pieces.first(), e.pieces.last()) {
                (Some(f), Some(l)) => (f, l),
                _ => continue,
            };
            if !text.starts_with(first.as_str()) || !text.ends_with(last.as_str()) {
                continue;
            }
            let mut caps = Vec::new();
            if match_pieces(&e.pieces, text, &mut caps) {
                return Some(fill(e.target, &caps, |c| self.phrase(c, depth + 1)));
            }
        }
        None
    }

    /// A hole's text: a phrase of the catalogue, a list of them, or as written.
    fn phrase(&self, text: &str, depth: usize) -> String {
        if let Some(t) = self.lookup(text, depth) {
            return t;
        }
        // a list of phrases: "a, b" or "a or b"
        for sep in [", ", " or "] {
            if text.contains(sep) {
                let joiner = self.exact.get(sep).copied().unwrap_or(sep);
                return text
                    .split(sep)
                    .map(|p| self.phrase(p, depth + 1))
                    .collect::<Vec<_>>()
                    .join(joiner);
            }
        }
        text.to_string()
    }
}

/// Match `text` against literal `pieces` with holes between them, collecting
/// what fills each hole (backtracking over where a piece occurs).
fn match_pieces<'t>(pieces: &[String], text: &'t str, caps: &mut Vec<&'t str>) -> bool {
    let Some((first, rest_pieces)) = pieces.split_first() else {
        return text.is_empty();
    };
    let Some(rest) = text.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some(next) = rest_pieces.first() else {
        return rest.is_empty();
    };
    if rest_pieces.len() == 1 {
        // the last hole takes everything up to the final piece
        return match rest.strip_suffix(next.as_str()) {
            Some(hole) => {
                caps.push(hole);
                true
            }
            None => false,
        };
    }
    let mut from = 0;
    while let Some(i) = rest.get(from..).and_then(|r| r.find(next.as_str())) {
        let at = from + i;
        caps.push(&rest[..at]);
        if match_pieces(rest_pieces, &rest[at..], caps) {
            return true;
        }
        caps.pop();
        from = at + next.len().max(1);
        while from < rest.len() && !rest.is_char_boundary(from) {
            from += 1;
        }
        if from > rest.len() {
            break;
        }
    }
    false
}

/// `{1}`, `{2}`, … in `target` replaced by the holes' texts as found, `{1~}` by
/// their translation as a phrase.
fn fill(target: &str, args: &[&str], phrase: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(target.len() + 32);
    let mut rest = target;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let hole = after.find('}').and_then(|j| {
            let spec = &after[..j];
            let (num, translate) = match spec.strip_suffix('~') {
                Some(n) => (n, true),
                None => (spec, false),
            };
            let n = num.parse::<usize>().ok().filter(|n| *n >= 1)?;
            Some((j, n, translate))
        });
        match hole {
            Some((j, n, translate)) => {
                let arg = args.get(n - 1).copied().unwrap_or("");
                if translate {
                    out.push_str(&phrase(arg));
                } else {
                    out.push_str(arg);
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn catalogue(lang: Lang) -> Option<&'static Catalogue> {
    static NB: OnceLock<Catalogue> = OnceLock::new();
    static NN: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::Nb => Some(NB.get_or_init(|| Catalogue::new(crate::i18n::diag_nb::CATALOGUE))),
        Lang::Nn => Some(NN.get_or_init(|| Catalogue::new(crate::i18n::diag_nn::CATALOGUE))),
        Lang::En => None,
    }
}

/// Whether `text` (a message, hint or label) has an entry in `lang`'s catalogue.
pub fn is_translated(text: &str, lang: Lang) -> bool {
    catalogue(lang).is_none_or(|c| c.lookup(text, 0).is_some())
}

/// Whether `template` (English, with holes) is an entry of `lang`'s catalogue.
pub fn has_template(template: &str, lang: Lang) -> bool {
    let Some(c) = catalogue(lang) else {
        return true;
    };
    let p = pieces(template);
    if p.len() == 1 {
        return p.first().is_some_and(|s| c.exact.contains_key(s));
    }
    c.entries.iter().any(|e| e.pieces == p)
}

/// Every message, hint and related label of `diags` in `lang`; text without an
/// entry stays in English.
pub fn translate(diags: &mut [Diagnostic], lang: Lang) {
    let Some(cat) = catalogue(lang) else { return };
    let mut memo: HashMap<String, String> = HashMap::new();
    let mut tr = |s: &mut String| {
        if let Some(t) = memo.get(s.as_str()) {
            s.clone_from(t);
            return;
        }
        if let Some(t) = cat.lookup(s, 0) {
            memo.insert(std::mem::take(s), t.clone());
            *s = t;
        }
    };
    for d in diags {
        tr(&mut d.message);
        if let Some(h) = &mut d.hint {
            tr(h);
        }
        for (_, label) in &mut d.related {
            tr(label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> Catalogue {
        Catalogue::new(&[
            ("unknown {kind} `{id}`", "ukjent {1~} `{2}`"),
            ("unit", "enhet"),
            (
                "capacity line `{unit}`/`{position}`",
                "bemanningslinjen `{1}`/`{2}`",
            ),
            (
                "{who} has a need of {amount} that no measure addresses",
                "{1~} har et behov på {2~} som ingen tiltak dekker",
            ),
            ("{} FTE in {fy}", "{1} årsverk i {2}"),
            ("add {}", "legg til {1~}"),
            (
                "capacity or quality lines",
                "bemanningslinjer eller kvalitetslinjer",
            ),
            ("a {{ b }} {}", "c {{ {1} }}"),
        ])
    }

    #[test]
    fn holes_are_filled_and_phrases_translated_again() {
        let c = cat();
        assert_eq!(
            c.lookup("unknown unit `unit`", 0).as_deref(),
            Some("ukjent enhet `unit`")
        );
        assert_eq!(
            c.lookup("capacity line `a`/`b` has a need of 3.5 FTE in 2027 that no measure addresses", 0).as_deref(),
            Some("bemanningslinjen `a`/`b` har et behov på 3.5 årsverk i 2027 som ingen tiltak dekker")
        );
        assert_eq!(
            c.lookup("add plan.owner, capacity or quality lines", 0)
                .as_deref(),
            Some("legg til plan.owner, bemanningslinjer eller kvalitetslinjer")
        );
        assert_eq!(c.lookup("something else", 0), None);
        // a hole without `~` is written as found, even when it is a phrase
        let c = Catalogue::new(&[("allowed: {}", "tillatt: {1}"), ("unit", "enhet")]);
        assert_eq!(
            c.lookup("allowed: unit, goal", 0).as_deref(),
            Some("tillatt: unit, goal")
        );
    }

    /// The English templates of the stages that report findings: the string
    /// literal (or `format!` string) given to `Diagnostic::new`, `.hint` and
    /// `.related`.
    fn templates_in_source() -> Vec<(String, String)> {
        let mut out = Vec::new();
        let roots = ["src/load", "src/validate", "src/checks", "src/pipeline.rs"];
        let mut files = Vec::new();
        for r in roots {
            for e in walkdir::WalkDir::new(r) {
                let e = e.unwrap();
                if e.path().extension().is_some_and(|x| x == "rs") {
                    files.push(e.path().to_path_buf());
                }
            }
        }
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for call in ["Diagnostic::new(", ".hint(", ".related("] {
                let mut from = 0;
                while let Some(i) = code[from..].find(call) {
                    let start = from + i + call.len();
                    from = start;
                    let mut rest = &code[start..];
                    // the first argument of new/related is not the text
                    if call != ".hint(" {
                        let mut depth = 0;
                        let mut cut = None;
                        for (j, ch) in rest.char_indices() {
                            match ch {
                                '(' | '[' | '{' => depth += 1,
                                ')' | ']' | '}' if depth == 0 => break,
                                ')' | ']' | '}' => depth -= 1,
                                ',' if depth == 0 => {
                                    cut = Some(j + 1);
                                    break;
                                }
                                _ => {}
                            }
                        }
                        match cut {
                            Some(j) => rest = &rest[j..],
                            None => continue,
                        }
                    }
                    let rest = rest.trim_start();
                    let (rest, format) = match rest.strip_prefix("format!(") {
                        Some(r) => (r.trim_start(), true),
                        None => (rest, false),
                    };
                    if let Some(lit) = rest.strip_prefix('"') {
                        let text = unescape(lit);
                        // a plain literal's braces are text: a key writes them `{{`
                        let text = if format {
                            text
                        } else {
                            text.replace('{', "{{").replace('}', "}}")
                        };
                        out.push((f.display().to_string(), text));
                    }
                }
            }
        }
        out
    }

    /// A Rust string literal's text up to its closing quote.
    fn unescape(lit: &str) -> String {
        let mut out = String::new();
        let mut chars = lit.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('\n') => {
                        while chars.peek().is_some_and(|c| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    Some(o) => out.push(o),
                    None => {}
                },
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn every_diagnostic_template_is_translated() {
        let found = templates_in_source();
        assert!(
            found.len() > 150,
            "the scan finds the messages: {}",
            found.len()
        );
        for lang in Lang::ALL {
            let missing: Vec<String> = found
                .iter()
                .filter(|(_, t)| !has_template(t, lang))
                .map(|(f, t)| format!("{f}: {t}"))
                .collect();
            assert!(
                missing.is_empty(),
                "{lang:?} has no entry for:\n{}",
                missing.join("\n")
            );
        }
    }

    #[test]
    fn every_catalogue_entry_keeps_its_holes() {
        for (lang, cat) in [
            (Lang::Nb, crate::i18n::diag_nb::CATALOGUE),
            (Lang::Nn, crate::i18n::diag_nn::CATALOGUE),
        ] {
            for (en, target) in cat {
                let holes = pieces(en).len() - 1;
                for n in 1..=holes {
                    assert!(
                        target.contains(&format!("{{{n}}}"))
                            || target.contains(&format!("{{{n}~}}")),
                        "{lang:?}: `{target}` drops hole {n} of `{en}`"
                    );
                }
                assert!(
                    !target.contains(&format!("{{{}}}", holes + 1)),
                    "{lang:?}: `{target}`"
                );
            }
        }
    }

    #[test]
    fn escaped_braces_are_literal() {
        assert_eq!(pieces("a {{ b }} {}"), vec!["a { b } ", ""]);
        assert_eq!(pieces("x {name:>4} y"), vec!["x ", " y"]);
        assert_eq!(
            fill("{2}-{1~}-{3}", &["a", "b"], |s| s.to_uppercase()),
            "b-A-"
        );
    }

    #[test]
    fn backtracking_finds_the_right_split() {
        let pieces = pieces("`{a}` in `{b}` is outside 1–5");
        let mut caps = Vec::new();
        assert!(match_pieces(
            &pieces,
            "`x` in `y` z` in `w` is outside 1–5",
            &mut caps
        ));
        assert_eq!(caps, vec!["x", "y` z` in `w"]);
    }
}
