//! Diagnostics for code-review systems: SARIF 2.1.0 (GitHub code scanning and
//! every SARIF viewer) and GitLab Code Quality.
//!
//! Both name files by the path the user gave (`examples/demo/units.toml` when
//! `plan check examples/demo` runs from the repository root), so annotations land
//! on the right lines of a pull request. Personal data never reaches them: a
//! finding's message never quotes a roster or survey value, and neither format
//! carries source snippets.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::render::{escape_unsafe, position};
use super::{Code, Diagnostic, Severity};
use crate::source::Sources;

/// Where each code is explained; SARIF viewers show it beside the finding.
const CHECKS_DOC: &str = "docs/checks.md";

/// The message with its hint, as one plain text.
fn full_text(d: &Diagnostic, help: &str) -> String {
    let mut text = escape_unsafe(&d.message).into_owned();
    if let Some(h) = &d.hint {
        text.push('\n');
        text.push_str(help);
        text.push(' ');
        text.push_str(&escape_unsafe(h));
    }
    text
}

/// A relative path as a URI reference (RFC 3986): every byte outside the
/// unreserved set and `/` percent-encoded, so `hjemmetjenesten ø.toml` stays valid.
fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let (prefix, rest) = match path.strip_prefix('/') {
        Some(rest) => ("file:///", rest.to_string()),
        None => ("", path),
    };
    let mut out = String::from(prefix);
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A stable 64-bit FNV-1a hash in hex: identifies a finding across runs (GitLab
/// uses it to tell new findings from fixed ones), deterministic on every platform.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// SARIF 2.1.0: one run of the tool `plan`, one rule per code that occurs (in
/// code order), one result per finding.
pub fn sarif(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    sources: &Sources,
    help: &str,
) -> io::Result<()> {
    let mut codes: Vec<Code> = diags.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "defaultConfiguration": { "level": sarif_level(c.default_severity()) },
                "help": { "text": format!("{CHECKS_DOC}#{}", c.as_str()) },
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let index = codes.iter().position(|c| *c == d.code).unwrap_or(0);
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": index,
                "level": sarif_level(d.severity),
                "message": { "text": full_text(d, help) },
            });
            if let Some((file, (line, col), (end_line, end_col))) = position(d, sources) {
                result["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_reference(file) },
                        "region": {
                            "startLine": line,
                            "startColumn": col,
                            "endLine": end_line,
                            "endColumn": end_col.max(if end_line == line { col } else { 1 }),
                        }
                    }
                }]);
                result["partialFingerprints"] = json!({
                    "planFinding/v1": fingerprint(&[d.code.as_str(), file, &d.message]),
                });
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "plan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

/// GitLab Code Quality: a JSON array of issues (`description`, `check_name`,
/// `fingerprint`, `severity`, `location.path` + `location.lines.begin`), shown in
/// merge requests. Errors are `major`, warnings `minor`; a finding of the whole
/// plan (no file of its own) points at line 1 of the plan directory.
pub fn gitlab(
    out: &mut dyn Write,
    diags: &[Diagnostic],
    sources: &Sources,
    help: &str,
    plan_dir: &str,
) -> io::Result<()> {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let issues: Vec<Value> = diags
        .iter()
        .map(|d| {
            let (path, line, col) = match position(d, sources) {
                Some((file, (line, col), _)) => (file.to_string(), line, col),
                None => (plan_dir.to_string(), 1, 1),
            };
            // Two identical findings on one line still get distinct fingerprints.
            let base = fingerprint(&[d.code.as_str(), &path, &d.message]);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let fp = if *n == 1 {
                base
            } else {
                fingerprint(&[&base, &n.to_string()])
            };
            json!({
                "type": "issue",
                "description": full_text(d, help),
                "check_name": d.code.as_str(),
                "fingerprint": fp,
                "severity": match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                "location": {
                    "path": path.replace('\\', "/"),
                    "positions": { "begin": { "line": line, "column": col } },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri_reference("examples/demo/units.toml"),
            "examples/demo/units.toml"
        );
        assert_eq!(uri_reference("plan/ø a.toml"), "plan/%C3%B8%20a.toml");
        assert_eq!(uri_reference("/tmp/p/x.toml"), "file:///tmp/p/x.toml");
        assert_eq!(uri_reference("a\\b.toml"), "a/b.toml");
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&[]).len(), 16);
    }
}
