//! Rendering diagnostics: human (rustc-like, via codespan-reporting), JSON,
//! GitHub Actions workflow commands, SARIF and GitLab Code Quality (`ci.rs`).
//! Messages arrive already in the reader's language (`diag::translate`); the few
//! words added here come from [`DiagWords`].

use std::io::{self, Write};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::i18n::{DiagWords, Lang};
use crate::source::{Loc, Sources};

/// Output format of `plan check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagFormat {
    /// Text with the lines of the plan, like a compiler.
    Human,
    /// One JSON object: counts and findings with positions.
    Json,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
    /// SARIF 2.1.0 (GitHub code scanning and other SARIF viewers).
    Sarif,
    /// GitLab Code Quality report (merge-request widget).
    Gitlab,
}

/// How to render: colour, language of the added words, and the plan directory
/// (where findings of the whole plan point in formats that need a path).
#[derive(Debug, Clone)]
pub struct Style {
    pub color: bool,
    pub lang: Lang,
    pub plan_dir: String,
}

impl Style {
    pub fn plain(lang: Lang) -> Self {
        Style {
            color: false,
            lang,
            plan_dir: String::from("."),
        }
    }
}

/// Counts shown in the summary line and the JSON output.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diags.len() - errors)
}

pub fn render(
    out: &mut dyn Write,
    format: DiagFormat,
    diags: &[Diagnostic],
    sources: &Sources,
    style: &Style,
) -> io::Result<()> {
    let words = style.lang.diag_words();
    match format {
        DiagFormat::Human => human(out, diags, sources, style.color, words),
        DiagFormat::Json => json(out, diags, sources),
        DiagFormat::Github => github(out, diags, sources, words),
        DiagFormat::Sarif => super::ci::sarif(out, diags, sources, words.help),
        DiagFormat::Gitlab => super::ci::gitlab(out, diags, sources, words.help, &style.plan_dir),
    }
}

/// Whether a character must not reach a terminal or log as it is: control
/// characters (ESC starts the sequences that retitle or clear a terminal) and
/// the bidirectional overrides that make text read otherwise than it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Text from a plan made safe for a terminal or log: every unsafe character
/// written as a visible escape (`\u{1b}`).
pub fn escape_unsafe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn human(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    sources: &Sources,
    color: bool,
    words: &DiagWords,
) -> io::Result<()> {
    let files = sources;
    let config = term::Config::default();
    let styles = term::Styles::default();
    for d in diags {
        let mut c = match d.severity {
            Severity::Error => cs::Diagnostic::error(),
            Severity::Warning => cs::Diagnostic::warning(),
        }
        .with_code(d.code.as_str())
        .with_message(escape_unsafe(&d.message));
        let mut labels = Vec::new();
        // Personal data (a roster or survey line): name the place, never print it.
        let hidden = |loc: &Loc| sources.get(loc.file).is_none_or(|f| f.personal);
        if d.redact || d.loc.as_ref().is_some_and(hidden) {
            if let Some((file, (line, col), _)) = position(d, sources) {
                c.notes.push(crate::i18n::fill(
                    words.personal_line,
                    &[("place", &format!("{}:{line}:{col}", escape_unsafe(file)))],
                ));
            }
        } else if let Some(loc) = &d.loc {
            if let Some(f) = sources.get(loc.file) {
                labels.push(cs::Label::primary(loc.file.0, f.clamp(&loc.span)));
            }
        }
        for (loc, label) in &d.related {
            match sources.get(loc.file) {
                Some(f) if !f.personal && !d.redact => labels.push(
                    cs::Label::secondary(loc.file.0, f.clamp(&loc.span))
                        .with_message(escape_unsafe(label)),
                ),
                Some(f) => {
                    let (line, col) = f.line_col(loc.span.start);
                    c.notes.push(format!(
                        "{}: {}:{line}:{col}",
                        escape_unsafe(label),
                        escape_unsafe(&f.name)
                    ));
                }
                None => {}
            }
        }
        c = c.with_labels(labels);
        if let Some(h) = &d.hint {
            c.notes.push(format!("{} {}", words.help, escape_unsafe(h)));
        }
        let res = if color {
            let mut w = term::StylesWriter::new(termcolor::Ansi::new(&mut *out), &styles);
            term::emit_to_write_style(&mut w, &config, files, &c)
        } else {
            term::emit_to_io_write(&mut *out, &config, files, &c)
        };
        res.map_err(io::Error::other)?;
    }
    let (errors, warnings) = counts(diags);
    if diags.is_empty() {
        writeln!(out, "{}", words.no_problems)
    } else {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        writeln!(
            out,
            "{}, {}",
            n(errors, words.error, words.errors),
            n(warnings, words.warning, words.warnings)
        )
    }
}

#[derive(Serialize)]
struct JsonDiag<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiag<'a>>,
}

/// File name, start and end (line, column) of a diagnostic.
type Position<'a> = (&'a str, (usize, usize), (usize, usize));

pub(crate) fn position<'a>(d: &Diagnostic, sources: &'a Sources) -> Option<Position<'a>> {
    let loc = d.loc.as_ref()?;
    let f = sources.get(loc.file)?;
    let span = f.clamp(&loc.span);
    Some((&f.name, f.line_col(span.start), f.line_col(span.end)))
}

fn json(out: &mut dyn Write, diags: &[Diagnostic], sources: &Sources) -> io::Result<()> {
    let (errors, warnings) = counts(diags);
    let report = JsonReport {
        errors,
        warnings,
        diagnostics: diags
            .iter()
            .map(|d| {
                let pos = position(d, sources);
                JsonDiag {
                    code: d.code.as_str(),
                    severity: d.severity,
                    message: &d.message,
                    file: pos.map(|p| p.0),
                    line: pos.map(|p| p.1 .0),
                    column: pos.map(|p| p.1 .1),
                    end_line: pos.map(|p| p.2 .0),
                    end_column: pos.map(|p| p.2 .1),
                    hint: d.hint.as_deref(),
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
    writeln!(out)
}

fn escape_data(s: &str) -> String {
    escape_unsafe(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    sources: &Sources,
    words: &DiagWords,
) -> io::Result<()> {
    for d in diags {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = Vec::new();
        if let Some((file, (line, col), (end_line, end_col))) = position(d, sources) {
            props.push(format!("file={}", escape_property(file)));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
        props.push(format!("title={}", escape_property(d.code.as_str())));
        let mut msg = d.message.clone();
        if let Some(h) = &d.hint {
            msg.push('\n');
            msg.push_str(words.help);
            msg.push(' ');
            msg.push_str(h);
        }
        writeln!(out, "::{kind} {}::{}", props.join(","), escape_data(&msg))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::source::SourceFile;

    fn setup() -> (Sources, Vec<Diagnostic>) {
        let mut s = Sources::default();
        let f = s.add(SourceFile::new(
            "plan/units.toml".into(),
            "units.toml".into(),
            "[[unit]]\nid = \"a\"\nnavn = \"x\"\n".into(),
        ));
        let d = Diagnostic::new(Code::UnknownKey, "unknown key `navn`")
            .at(Loc::new(f, 18..22))
            .hint("did you mean `name`?");
        (s, vec![d])
    }

    #[test]
    fn github_format_names_file_line_and_column() {
        let (s, d) = setup();
        let mut out = Vec::new();
        render(
            &mut out,
            DiagFormat::Github,
            &d,
            &s,
            &Style::plain(Lang::En),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "::error file=plan/units.toml,line=3,col=1,endColumn=5,title=unknown-key::unknown key `navn`%0Ahelp: did you mean `name`?\n"
        );
    }

    #[test]
    fn human_format_shows_excerpt_code_and_hint() {
        let (s, d) = setup();
        let mut out = Vec::new();
        render(&mut out, DiagFormat::Human, &d, &s, &Style::plain(Lang::En)).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("error[unknown-key]: unknown key `navn`"),
            "{text}"
        );
        assert!(text.contains("plan/units.toml:3:1"), "{text}");
        assert!(text.contains("navn = \"x\""), "{text}");
        assert!(text.contains("help: did you mean `name`?"), "{text}");
        assert!(text.ends_with("1 error, 0 warnings\n"), "{text}");
    }

    #[test]
    fn terminal_escapes_from_a_plan_never_reach_the_terminal() {
        let mut s = Sources::default();
        let f = s.add(SourceFile::new(
            "units.toml".into(),
            "units.toml".into(),
            "[[unit]]\nid = \"a\"\n\u{1b}]0;pwned\u{7}x = \"\u{1b}[2J\u{202e}\"\n".into(),
        ));
        let d = Diagnostic::new(Code::UnknownKey, "unknown key `\u{1b}]0;pwned\u{7}x`")
            .at(Loc::new(f, 17..31))
            .hint("remove `\u{1b}[2J`");
        for format in [DiagFormat::Human, DiagFormat::Github, DiagFormat::Json] {
            let mut out = Vec::new();
            render(
                &mut out,
                format,
                std::slice::from_ref(&d),
                &s,
                &Style::plain(Lang::En),
            )
            .unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.contains('\u{1b}'), "{format:?}: {text:?}");
            assert!(!text.contains('\u{7}'), "{format:?}: {text:?}");
            assert!(!text.contains('\u{202e}'), "{format:?}: {text:?}");
        }
        let mut out = Vec::new();
        render(
            &mut out,
            DiagFormat::Human,
            &[d],
            &s,
            &Style::plain(Lang::En),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("unknown key `\\u{1b}]0;pwned\\u{7}x`"),
            "{text}"
        );
    }

    #[test]
    fn json_format_has_positions() {
        let (s, d) = setup();
        let mut out = Vec::new();
        render(&mut out, DiagFormat::Json, &d, &s, &Style::plain(Lang::En)).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["errors"], 1);
        assert_eq!(v["diagnostics"][0]["line"], 3);
        assert_eq!(v["diagnostics"][0]["code"], "unknown-key");
    }
}
