//! `plan check --format sarif|gitlab`: the reports code-review systems read.
//! SARIF is validated against the OASIS SARIF 2.1.0 JSON schema (fetched by
//! `.ci/run` from PyPI, see `schema_path`); GitLab's Code Quality report against
//! the shape GitLab documents (docs.gitlab.com, "Code Quality report format").

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde_json::Value;

use super::common::{copy_plan, plan};

/// A plan with errors and warnings of several kinds, some in files of personal data.
fn broken_plan() -> tempfile::TempDir {
    let dir = copy_plan("tests/fixtures/check/base");
    let req = dir.path().join("requirements.yaml");
    let text = std::fs::read_to_string(&req).unwrap();
    std::fs::write(
        &req,
        text.replacen("  - unit: hjemme\n", "  - unit: hjeme\n", 1),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ø enhet.toml"),
        "[[unit]]\nid = \"ny\"\nname = \"Ny\"\nnavn = \"x\"\n",
    )
    .unwrap();
    let staff = dir.path().join("data/staff.csv");
    let text = std::fs::read_to_string(&staff).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let bad = lines[1].replacen(",100,", ",1x0,", 1);
    lines[1] = &bad;
    std::fs::write(&staff, lines.join("\n") + "\n").unwrap();
    dir
}

fn check(dir: &std::path::Path, format: &str, lang: &str) -> Value {
    let out = plan()
        .current_dir(dir)
        .args([
            "check",
            ".",
            "--today",
            "2026-01-01",
            "--format",
            format,
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// The schema: `PLAN_SARIF_SCHEMA`, or the copy `.ci/run` puts in target/. A
/// developer without it sees the test skipped; CI (`PLAN_REQUIRE_SCHEMAS=1`)
/// fails instead.
fn schema_path() -> Option<PathBuf> {
    let path = std::env::var_os("PLAN_SARIF_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/ci-schemas/sarif-schema-2.1.0.json"));
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("PLAN_REQUIRE_SCHEMAS").is_none(),
        "the SARIF schema is required but missing at {}",
        path.display()
    );
    None
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let dir = broken_plan();
    for lang in ["nb", "en"] {
        let log = check(dir.path(), "sarif", lang);
        assert_eq!(log["version"], "2.1.0");
        let results = log["runs"][0]["results"].as_array().unwrap();
        let codes: Vec<&str> = results
            .iter()
            .map(|r| r["ruleId"].as_str().unwrap())
            .collect();
        for code in ["unknown-reference", "unknown-key", "csv-number"] {
            assert!(codes.contains(&code), "{code}: {codes:?}");
        }
        // every result points at its rule, and at a line of a file of the plan
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
        let unknown = results
            .iter()
            .find(|r| r["ruleId"] == "unknown-reference")
            .unwrap();
        let loc = &unknown["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "requirements.yaml");
        assert_eq!(loc["region"]["startLine"], 13);
        assert_eq!(loc["region"]["startColumn"], 11);
        // a file name outside ASCII is a valid URI reference
        let key = results
            .iter()
            .find(|r| r["ruleId"] == "unknown-key")
            .unwrap();
        assert_eq!(
            key["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "%C3%B8%20enhet.toml"
        );
        // the roster's line is located but never quoted
        let text = serde_json::to_string(&log).unwrap();
        assert!(!text.contains("1x0"), "{text}");
        if let Some(path) = schema_path() {
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let validator = jsonschema::draft4::new(&schema).expect("a valid draft-04 schema");
            let errors: Vec<String> = validator
                .iter_errors(&log)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{lang}: {errors:#?}");
            // and the validator does reject what is not SARIF
            let mut broken = log.clone();
            broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
            assert!(!validator.is_valid(&broken));
        } else {
            eprintln!("skipped the schema validation: no SARIF schema (see .ci/run)");
        }
    }
}

#[test]
fn gitlab_code_quality_has_the_documented_shape() {
    let dir = broken_plan();
    let issues = check(dir.path(), "gitlab", "nb");
    let issues = issues.as_array().unwrap();
    assert!(issues.len() >= 3);
    let mut fingerprints = std::collections::BTreeSet::new();
    for i in issues {
        // required by GitLab: description, check_name, fingerprint, severity,
        // location.path, and location.lines.begin or location.positions.begin.line
        assert!(
            i["description"].as_str().is_some_and(|s| !s.is_empty()),
            "{i}"
        );
        assert!(i["check_name"].as_str().is_some(), "{i}");
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap()),
            "{i}"
        );
        assert!(i["location"]["path"].as_str().is_some(), "{i}");
        assert!(
            i["location"]["positions"]["begin"]["line"]
                .as_u64()
                .unwrap()
                >= 1,
            "{i}"
        );
        assert!(
            fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()),
            "{i}"
        );
    }
    let unknown = issues
        .iter()
        .find(|i| i["check_name"] == "unknown-reference")
        .unwrap();
    assert_eq!(unknown["severity"], "major");
    assert_eq!(unknown["location"]["path"], "requirements.yaml");
    assert!(
        unknown["description"]
            .as_str()
            .unwrap()
            .starts_with("ukjent enhet `hjeme`"),
        "{unknown}"
    );
    // the same plan gives the same fingerprints (GitLab compares runs by them)
    assert_eq!(
        check(dir.path(), "gitlab", "nb"),
        Value::Array(issues.clone())
    );
}
