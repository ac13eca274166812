//! Privacy guarantees (docs/privacy.md): no staff id, respondent id or birth year
//! of an individual appears in any output of any command — stdout, stderr or
//! written files — over the demo and over a fixture with distinctive ids, also
//! when the plan has errors in its data files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use super::common::copy_plan;

/// Column `col` of every row of a CSV file (header skipped).
fn column(path: &Path, col: usize) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(col).map(str::to_string))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whole-word occurrences only (an id `s1` must not match `s10`).
fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
        boundary(before) && boundary(after)
    })
}

/// Run every command that reads a plan and collect everything it outputs.
fn all_outputs(dir: &Path) -> Vec<(String, String)> {
    let out_dir = tempfile::tempdir().unwrap();
    let mut runs: Vec<Vec<String>> = Vec::new();
    for format in ["human", "json", "github"] {
        runs.push(vec![
            "check".into(),
            "--today".into(),
            "2026-01-01".into(),
            "--format".into(),
            format.into(),
        ]);
    }
    for format in ["table", "json", "csv", "markdown"] {
        for lang in ["nb", "nn", "en"] {
            runs.push(vec![
                "analyse".into(),
                "--format".into(),
                format.into(),
                "--lang".into(),
                lang.into(),
            ]);
        }
    }
    runs.push(vec!["analyse".into(), "--excel".into()]);
    runs.push(vec![
        "analyse".into(),
        "--excel".into(),
        "--out".into(),
        out_dir.path().join("excel").display().to_string(),
    ]);
    runs.push(vec![
        "analyse".into(),
        "--format".into(),
        "csv".into(),
        "--out".into(),
        out_dir.path().join("csv").display().to_string(),
    ]);
    for lang in ["nb", "nn", "en"] {
        runs.push(vec![
            "report".into(),
            "--lang".into(),
            lang.into(),
            "-o".into(),
            out_dir
                .path()
                .join(format!("report-{lang}/kompetanseplan.md"))
                .display()
                .to_string(),
        ]);
    }
    let mut outputs = Vec::new();
    for args in runs {
        let out = super::common::plan()
            .args(&args)
            .arg(dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let label = args.join(" ");
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{label}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push((
            format!("{label} (stdout)"),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        ));
        outputs.push((
            format!("{label} (stderr)"),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ));
    }
    for entry in walkdir::WalkDir::new(out_dir.path()) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            outputs.push((entry.path().display().to_string(), text));
        }
    }
    outputs
}

fn assert_absent(outputs: &[(String, String)], words: &BTreeSet<String>, what: &str) {
    assert!(!words.is_empty());
    for (label, text) in outputs {
        for w in words {
            assert!(!contains_word(text, w), "{what} `{w}` appears in {label}");
        }
    }
}

#[test]
fn no_identifiers_in_any_output_of_the_demo() {
    let dir = Path::new("examples/demo");
    let outputs = all_outputs(dir);
    assert_absent(
        &outputs,
        &column(&dir.join("data/staff.csv"), 0),
        "staff id",
    );
    assert_absent(
        &outputs,
        &column(&dir.join("data/survey.csv"), 0),
        "respondent id",
    );
}

#[test]
fn no_identifiers_or_birth_years_with_distinctive_ids() {
    let dir = Path::new("tests/fixtures/privacy");
    let outputs = all_outputs(dir);
    assert_absent(
        &outputs,
        &column(&dir.join("data/staff.csv"), 0),
        "staff id",
    );
    assert_absent(
        &outputs,
        &column(&dir.join("data/survey.csv"), 0),
        "respondent id",
    );
    assert_absent(
        &outputs,
        &column(&dir.join("data/staff.csv"), 5),
        "birth year",
    );
}

#[test]
fn errors_in_data_files_do_not_reveal_their_rows() {
    let tmp = copy_plan("tests/fixtures/privacy");
    // A duplicate id, an unknown unit, a bad birth year and a duplicate answer.
    let staff = tmp.path().join("data/staff.csv");
    let t = std::fs::read_to_string(&staff).unwrap();
    let t = t
        .replace("QZXS02ANSATT,", "QZXS01ANSATT,")
        .replace("QZXS03ANSATT,sjoheim", "QZXS03ANSATT,sjøheim")
        .replace(",1995,", ",19x5,");
    std::fs::write(&staff, t).unwrap();
    let survey = tmp.path().join("data/survey.csv");
    let t = std::fs::read_to_string(&survey)
        .unwrap()
        .replace("SVARZK02X,", "SVARZK01X,");
    std::fs::write(&survey, t).unwrap();
    let mut words = column(&staff, 0);
    words.extend(column(&survey, 0));
    words.extend(column(&staff, 5));
    for format in ["human", "json", "github"] {
        let out = super::common::plan()
            .args(["check", "--today", "2026-01-01", "--format", format])
            .arg(tmp.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stdout);
        for code in ["duplicate-id", "unknown-reference", "csv-number"] {
            assert!(text.contains(code), "{format}: {code} missing in {text}");
        }
        for w in &words {
            assert!(!contains_word(&text, w), "{format} reveals `{w}`: {text}");
        }
    }
}
