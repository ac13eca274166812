//! `plan check` over fixture plans: every diagnostic code has a case that
//! triggers it, asserting code, file and line. See tests/fixtures/check/README.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::common::copy_dir;
use kompetanseplan::diag::Code;
use serde::Deserialize;

const FIXTURES: &str = "tests/fixtures/check";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    description: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    patch: Vec<Patch>,
    #[serde(default)]
    write: Vec<Write>,
    #[serde(default)]
    remove: Vec<String>,
    exit: i32,
    expect: Vec<Expect>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Patch {
    file: String,
    find: String,
    replace: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Write {
    file: String,
    #[serde(default)]
    content: String,
    /// Raw bytes, for encodings that TOML strings cannot hold.
    #[serde(default)]
    bytes: Vec<u8>,
    /// Write the content this many times (large files without a large fixture).
    #[serde(default = "once")]
    repeat: usize,
}

fn once() -> usize {
    1
}

#[derive(Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, Clone)]
#[serde(deny_unknown_fields)]
struct Expect {
    code: String,
    file: Option<String>,
    line: Option<usize>,
}

/// Build the case's plan in a temporary directory: the base plan with the case's
/// patches, written files and removals applied.
fn build(case: &Case, name: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(FIXTURES).join("base"), tmp.path());
    for p in &case.patch {
        let path = tmp.path().join(&p.file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&p.find),
            "{name}: `{}` not found in {}",
            p.find,
            p.file
        );
        std::fs::write(&path, text.replacen(&p.find, &p.replace, 1)).unwrap();
    }
    for w in &case.write {
        let path = tmp.path().join(&w.file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let bytes = if w.bytes.is_empty() {
            w.content.as_bytes().to_vec()
        } else {
            w.bytes.clone()
        };
        std::fs::write(path, bytes.repeat(w.repeat)).unwrap();
    }
    for r in &case.remove {
        std::fs::remove_file(tmp.path().join(r)).unwrap();
    }
    tmp
}

fn cases() -> Vec<(String, Case)> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && p.file_name().unwrap() != "base")
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(dir.join("case.toml")).unwrap();
        let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
        out.push((name, case));
    }
    out
}

fn run_check(dir: &Path, extra: &[String]) -> (i32, serde_json::Value) {
    let out = super::common::plan()
        .arg("check")
        .arg(dir)
        .args(["--format", "json", "--today", "2026-01-01"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

fn findings(json: &serde_json::Value, root: &Path) -> BTreeSet<Expect> {
    let prefix = format!("{}/", root.display());
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Expect {
            code: d["code"].as_str().unwrap().to_string(),
            file: d["file"]
                .as_str()
                .map(|f| f.strip_prefix(&prefix).unwrap_or(f).to_string()),
            line: d["line"].as_u64().map(|l| l as usize),
        })
        .collect()
}

#[test]
fn base_fixture_is_clean_under_strict() {
    let (code, json) = run_check(
        Path::new(FIXTURES).join("base").as_path(),
        &["--strict".into()],
    );
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{json:#}");
    assert_eq!(code, 0);
}

#[test]
fn every_case_reports_exactly_its_findings() {
    let mut failures = Vec::new();
    for (name, case) in cases() {
        let dir = build(&case, &name);
        let (code, json) = run_check(dir.path(), &case.args);
        let got = findings(&json, dir.path());
        let want: BTreeSet<Expect> = case.expect.iter().cloned().collect();
        if got != want || code != case.exit {
            failures.push(format!(
                "{name} ({}):\n  want exit {} {want:?}\n  got  exit {code} {got:?}\n  {json}",
                case.description, case.exit
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_code_has_a_fixture() {
    let covered: BTreeSet<String> = cases()
        .iter()
        .flat_map(|(_, c)| c.expect.iter().map(|e| e.code.clone()))
        .collect();
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !covered.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a fixture under {FIXTURES}: {missing:?}"
    );
}

#[test]
fn every_code_is_documented_and_every_documented_code_exists() {
    let doc = std::fs::read_to_string("docs/checks.md").unwrap();
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("### `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let undocumented: Vec<_> = codes.difference(&documented).collect();
    let unknown: Vec<_> = documented.difference(&codes).collect();
    assert!(
        undocumented.is_empty(),
        "codes missing from docs/checks.md: {undocumented:?}"
    );
    assert!(
        unknown.is_empty(),
        "docs/checks.md lists codes the tool does not have: {unknown:?}"
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let (code, json) = run_check(Path::new("examples/mini"), &[]);
    assert_eq!(code, 0, "{json:#}");
    assert!(json["warnings"].as_u64().unwrap() > 0);
    let (code, json) = run_check(Path::new("examples/mini"), &["--strict".into()]);
    assert_eq!(code, 1);
    assert_eq!(json["warnings"], 0);
}

#[test]
fn missing_directory_is_a_usage_error() {
    super::common::plan()
        .args(["check", "does/not/exist"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("does/not/exist"));
}

#[test]
fn human_format_shows_location_excerpt_and_hint() {
    let case = Case {
        description: String::new(),
        args: vec![],
        patch: vec![Patch {
            file: "requirements.yaml".into(),
            find: "  - unit: hjemme\n    position: sykepleier".into(),
            replace: "  - unit: hjeme\n    position: sykepleier".into(),
        }],
        write: vec![],
        remove: vec![],
        exit: 1,
        expect: vec![],
    };
    let dir = build(&case, "human");
    let out = super::common::plan()
        .arg("check")
        .arg(dir.path())
        .args(["--today", "2026-01-01"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("error[unknown-reference]: ukjent enhet `hjeme`"),
        "{text}"
    );
    assert!(text.contains("requirements.yaml:13:11"), "{text}");
    assert!(text.contains("- unit: hjeme"), "{text}");
    assert!(text.contains("hjelp: mente du `hjemme`?"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour when not a terminal: {text}"
    );
}

#[test]
fn github_format_emits_workflow_commands() {
    let out = super::common::plan()
        .args([
            "check",
            "examples/mini",
            "--format",
            "github",
            "--today",
            "2026-01-01",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l
            .starts_with("::warning file=examples/mini/measures.toml,line=37,col=6")
            && l.contains("title=measure-without-indicator")),
        "{text}"
    );
}

#[test]
fn allow_keeps_a_code_a_warning_under_strict() {
    // fifteen months after its last revision the base plan is due: an error under
    // --strict, unless the code is allowed
    let base = Path::new(FIXTURES).join("base");
    let run = |extra: &[&str]| {
        super::common::plan()
            .args(["check", "--strict", "--today", "2026-06-01"])
            .args(extra)
            .arg(&base)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(1));
    let allowed = run(&["--allow", "revision-due"]);
    assert_eq!(allowed.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&allowed.stdout).contains("warning[revision-due]"));
    let typo = run(&["--allow", "revison-due"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("did you mean `revision-due`"));
}

/// Every finding of every fixture, and its hint, has a bokmål and a nynorsk translation: no
/// message reaches a Norwegian reader in English. (The source scan in
/// `diag::translate` covers the templates; this covers the messages that are
/// put together from several parts.)
#[test]
fn every_fixture_finding_is_translated() {
    use kompetanseplan::diag::translate::is_translated;
    use kompetanseplan::i18n::Lang;
    let mut untranslated = BTreeSet::new();
    for (name, case) in cases() {
        let dir = build(&case, &name);
        let mut args = case.args.clone();
        args.extend(["--lang".to_string(), "en".to_string()]);
        let (_, json) = run_check(dir.path(), &args);
        for d in json["diagnostics"].as_array().unwrap() {
            for key in ["message", "hint"] {
                if let Some(text) = d[key].as_str() {
                    for lang in [Lang::Nb, Lang::Nn] {
                        if !is_translated(text, lang) {
                            untranslated.insert(format!("{lang:?} {name}: {text}"));
                        }
                    }
                }
            }
        }
    }
    assert!(untranslated.is_empty(), "{untranslated:#?}");
}

/// `--lang` decides, and without it the locale does: bokmål by default.
#[test]
fn messages_follow_lang_and_the_locale() {
    let case = Case {
        description: String::new(),
        args: vec![],
        patch: vec![Patch {
            file: "requirements.yaml".into(),
            find: "  - unit: hjemme\n    position: sykepleier".into(),
            replace: "  - unit: hjeme\n    position: sykepleier".into(),
        }],
        write: vec![],
        remove: vec![],
        exit: 1,
        expect: vec![],
    };
    let dir = build(&case, "lang");
    let run = |args: &[&str], lang_env: &str| {
        let out = super::common::plan()
            .arg("check")
            .arg(dir.path())
            .args(["--today", "2026-01-01"])
            .args(args)
            .env("LANG", lang_env)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    let nb = run(&[], "C.UTF-8");
    assert!(nb.contains("ukjent enhet `hjeme`"), "{nb}");
    assert!(nb.contains("hjelp: mente du `hjemme`?"), "{nb}");
    assert!(nb.contains("1 feil, 0 advarsler"), "{nb}");
    let en = run(&[], "en_GB.UTF-8");
    assert!(en.contains("unknown unit `hjeme`"), "{en}");
    assert!(en.contains("1 error, 0 warnings"), "{en}");
    assert_eq!(run(&["--lang", "nb"], "en_GB.UTF-8"), nb);
    let nn = run(&[], "nn_NO.UTF-8");
    assert!(nn.contains("1 feil, 0 åtvaringar"), "{nn}");
    assert!(!nn.contains("unknown unit"), "{nn}");
    // codes stay English in every language
    assert!(nb.contains("error[unknown-reference]"), "{nb}");
}
