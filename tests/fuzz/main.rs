//! Mutation fuzzing of everything a plan's files go through: a plan from a pull
//! request is untrusted input (docs/privacy.md, "Security model").
//!
//! Each target mutates one kind of file of a small plan with distinctive
//! pseudonymous ids (tests/fixtures/privacy) — TOML plan files, the YAML
//! requirements, the staff roster, the survey — and runs the whole pipeline in
//! process on the result: load and validate, every check, every diagnostics
//! format, and for a valid plan the analysis in every format and language and
//! the report with its figures. For every input it asserts: no panic; no
//! staff or respondent id in any output; no terminal control character in the
//! human output; and memory within a bound of the input's size.
//!
//! `cargo test --test fuzz` runs a short campaign (what CI runs);
//! `PLAN_FUZZ_EXECS=250000 cargo test --release --test fuzz` runs a long one
//! (docs/testing.md). A finding is written to `target/fuzz-findings/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod alloc;
mod mutate;
mod run;
#[path = "../support/xlsx.rs"]
mod xlsx;

use std::path::Path;
use std::sync::Mutex;

use kompetanseplan::plan_source::MemSource;

/// One campaign at a time: the allocation counter is process-wide.
static SERIAL: Mutex<()> = Mutex::new(());

/// How many inputs each target runs (`PLAN_FUZZ_EXECS`, default 100).
fn execs() -> u64 {
    std::env::var("PLAN_FUZZ_EXECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// The first seed (`PLAN_FUZZ_SEED`, default 1): a long run can be resumed or
/// spread over machines.
fn first_seed() -> u64 {
    std::env::var("PLAN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

fn seed_plan() -> MemSource {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/privacy");
    MemSource::from_dir(&dir).unwrap()
}

/// Run `execs()` mutated inputs of the files `targets` picks from.
fn campaign(name: &str, targets: &[&str]) {
    let base = seed_plan();
    run_campaign(name, &base, |seed| {
        let file = targets[(seed as usize) % targets.len()];
        let original = base.get(file).unwrap().to_vec();
        (file.to_string(), mutate::mutate(&original, seed))
    });
}

/// Run `execs()` inputs: `input(seed)` gives the file to replace in `base`
/// and its new bytes.
fn run_campaign(name: &str, base: &MemSource, input: impl Fn(u64) -> (String, Vec<u8>)) {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let markers = run::markers(base);
    let start = first_seed();
    let mut findings = Vec::new();
    for seed in start..start + execs() {
        let mut plan = base.clone();
        let (file, mutated) = input(seed);
        let size = mutated.len();
        plan.insert(&file, mutated);
        if let Err(why) = run::exec(&plan, &markers, size) {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/fuzz-findings")
                .join(format!("{name}-{seed}"));
            for (rel, bytes) in plan.files() {
                let path = dir.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            findings.push(format!(
                "seed {seed} ({file}): {why}\n  input kept in {}",
                dir.display()
            ));
            if findings.len() >= 5 {
                break;
            }
        }
    }
    assert!(findings.is_empty(), "{name}:\n{}", findings.join("\n"));
}

#[test]
fn fuzz_toml_plan_files() {
    campaign(
        "toml",
        &[
            "plan.toml",
            "units.toml",
            "competences.toml",
            "measures.toml",
        ],
    );
}

#[test]
fn fuzz_yaml_requirements() {
    campaign("yaml", &["requirements.yaml"]);
}

#[test]
fn fuzz_staff_roster() {
    campaign("staff", &["data/staff.csv"]);
}

#[test]
fn fuzz_survey() {
    campaign("survey", &["data/survey.csv"]);
}

/// The roster as an Excel workbook: half the inputs mutate the sheet's XML
/// inside a well-formed package (what a parser of SpreadsheetML sees), half
/// the package's bytes (what the zip reader sees).
#[test]
fn fuzz_workbook_roster() {
    let mut base = seed_plan();
    let csv = String::from_utf8(base.get("data/staff.csv").unwrap().to_vec()).unwrap();
    let rows: Vec<Vec<String>> = csv
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    let parts = xlsx::parts("Ansatte", &rows);
    let plan_toml = String::from_utf8(base.get("plan.toml").unwrap().to_vec()).unwrap();
    assert!(plan_toml.contains("\"data/staff.csv\""));
    base.insert(
        "plan.toml",
        plan_toml
            .replace("\"data/staff.csv\"", "\"data/staff.xlsx\"")
            .into_bytes(),
    );
    base.insert("data/staff.xlsx", xlsx::zip_parts(&parts));
    run_campaign("workbook", &base, |seed| {
        let bytes = if seed % 2 == 0 {
            let mut parts = parts.clone();
            let sheet = parts
                .iter_mut()
                .find(|(name, _)| *name == "xl/worksheets/sheet1.xml")
                .unwrap();
            sheet.1 = mutate::mutate(&sheet.1, seed);
            xlsx::zip_parts(&parts)
        } else {
            mutate::mutate(&xlsx::zip_parts(&parts), seed)
        };
        ("data/staff.xlsx".to_string(), bytes)
    });
}

/// The harness finds what it looks for: an id in the output is a finding.
#[test]
fn the_harness_sees_a_leak_and_a_control_character() {
    let base = seed_plan();
    let markers = run::markers(&base);
    assert!(markers.iter().any(|m| m.starts_with("QZXS")), "{markers:?}");
    assert!(run::check_output(b"all fine", false, &markers).is_ok());
    let leak = format!("unknown unit for {}", markers[0]);
    assert!(run::check_output(leak.as_bytes(), false, &markers).is_err());
    assert!(run::check_output(b"title \x1b]0;x\x07", true, &markers).is_err());
}
