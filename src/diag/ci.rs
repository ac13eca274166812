//! Diagnostics for code-review systems: SARIF 2.1.0 (GitHub code scanning and
//! every SARIF viewer) and GitLab Code Quality.
//!
//! Both name files by the path the user gave (`examples/demo/units.toml` when
//! `plan check examples/demo` runs from the repository root), so annotations land
//! on the right lines of a pull request. Personal data never reaches them: a
//! finding's message never quotes a roster or survey value, and neither format
//! carries source snippets.

use std::io::{self, Write};

use serde::Serialize;

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

/// A sequence serialised item by item from an iterator: a report of ten
/// thousand findings is written without first building ten thousand JSON
/// trees (a `serde_json::Value` per finding took about 10 KB, so a hostile
/// roster could make `--format sarif` take over 100 MB).
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

// The SARIF and GitLab structures below list their fields in alphabetical
// order: that is the order the reports have always had (they were built as
// `serde_json::Value` maps, which sort their keys), so the output is unchanged.

#[derive(Serialize)]
struct SarifLog<R: Serialize> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [SarifRun<R>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<R: Serialize> {
    column_kind: &'static str,
    results: R,
    tool: SarifTool,
}

#[derive(Serialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifDriver {
    name: &'static str,
    rules: Vec<SarifRule>,
    semantic_version: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    default_configuration: SarifLevel,
    help: SarifText,
    id: &'static str,
}

#[derive(Serialize)]
struct SarifLevel {
    level: &'static str,
}

#[derive(Serialize)]
struct SarifText {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    locations: Option<[SarifLocation; 1]>,
    message: SarifText,
    #[serde(skip_serializing_if = "Option::is_none")]
    partial_fingerprints: Option<SarifFingerprints>,
    rule_id: &'static str,
    rule_index: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: SarifPhysical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysical {
    artifact_location: SarifArtifact,
    region: SarifRegion,
}

#[derive(Serialize)]
struct SarifArtifact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

#[derive(Serialize)]
struct SarifFingerprints {
    #[serde(rename = "planFinding/v1")]
    plan_finding: String,
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
    let rules = codes
        .iter()
        .map(|c| SarifRule {
            default_configuration: SarifLevel {
                level: sarif_level(c.default_severity()),
            },
            help: SarifText {
                text: format!("{CHECKS_DOC}#{}", c.as_str()),
            },
            id: c.as_str(),
        })
        .collect();
    let result = |d: &Diagnostic| {
        let rule_index = codes.binary_search(&d.code).unwrap_or(0);
        let place = position(d, sources);
        SarifResult {
            level: sarif_level(d.severity),
            locations: place.map(|(file, (line, col), (end_line, end_col))| {
                [SarifLocation {
                    physical_location: SarifPhysical {
                        artifact_location: SarifArtifact {
                            uri: uri_reference(file),
                        },
                        region: SarifRegion {
                            end_column: end_col.max(if end_line == line { col } else { 1 }),
                            end_line,
                            start_column: col,
                            start_line: line,
                        },
                    },
                }]
            }),
            message: SarifText {
                text: full_text(d, help),
            },
            partial_fingerprints: place.map(|(file, _, _)| SarifFingerprints {
                plan_finding: fingerprint(&[d.code.as_str(), file, &d.message]),
            }),
            rule_id: d.code.as_str(),
            rule_index,
        }
    };
    let log = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [SarifRun {
            column_kind: "unicodeCodePoints",
            results: Seq(|| diags.iter().map(result)),
            tool: SarifTool {
                driver: SarifDriver {
                    name: "plan",
                    rules,
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

#[derive(Serialize)]
struct GitlabIssue<'a> {
    check_name: &'static str,
    description: String,
    fingerprint: String,
    location: GitlabLocation<'a>,
    severity: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct GitlabLocation<'a> {
    path: std::borrow::Cow<'a, str>,
    positions: GitlabPositions,
}

#[derive(Serialize)]
struct GitlabPositions {
    begin: GitlabPosition,
}

#[derive(Serialize)]
struct GitlabPosition {
    column: usize,
    line: usize,
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
    let place = |d: &Diagnostic| match position(d, sources) {
        Some((file, (line, col), _)) => (file, line, col),
        None => (plan_dir, 1, 1),
    };
    // Two identical findings on one line still get distinct fingerprints; they
    // depend on the findings before, so they are made first (16 bytes each).
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let fingerprints: Vec<String> = diags
        .iter()
        .map(|d| {
            let (path, _, _) = place(d);
            let base = fingerprint(&[d.code.as_str(), path, &d.message]);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                base
            } else {
                fingerprint(&[&base, &n.to_string()])
            }
        })
        .collect();
    drop(seen);
    let issue = |(d, fp): (&Diagnostic, &String)| {
        let (path, line, col) = place(d);
        GitlabIssue {
            check_name: d.code.as_str(),
            description: full_text(d, help),
            fingerprint: fp.clone(),
            location: GitlabLocation {
                path: if path.contains('\\') {
                    path.replace('\\', "/").into()
                } else {
                    path.into()
                },
                positions: GitlabPositions {
                    begin: GitlabPosition { column: col, line },
                },
            },
            severity: match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
            },
            kind: "issue",
        }
    };
    let issues = Seq(|| diags.iter().zip(&fingerprints).map(issue));
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
