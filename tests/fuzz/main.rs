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
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let base = seed_plan();
    let markers = run::markers(&base);
    let start = first_seed();
    let mut findings = Vec::new();
    for seed in start..start + execs() {
        let mut plan = base.clone();
        let file = targets[(seed as usize) % targets.len()];
        let original = plan.get(file).unwrap().to_vec();
        let mutated = mutate::mutate(&original, seed);
        let size = mutated.len();
        plan.insert(file, mutated);
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
