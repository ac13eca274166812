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

/// The privacy plan with the demand and workload keys: a population
/// projection (`file`), two drivers and two scenarios in `demand.toml`, a
/// driven capacity line and a WISN workload whose line has no `fte`.
fn demand_plan(population_file: &str, population: &[u8]) -> MemSource {
    let mut base = seed_plan();
    let demand = format!(
        r#"[population]
file = "{population_file}"
region = "9999"

[[driver]]
id = "hjemmetjeneste"
title = "Hjemmetjenester"
rates = {{ "67-79" = 0.06, "80-89" = 0.25, "90+" = 0.5 }}

[[driver]]
id = "eldre"
title = "Innbyggere 80+"
ages = "80+"

[[scenario]]
id = "lav"
title = "Lav vekst"
alternative = "LLML"

[[scenario]]
id = "avgang"
title = "Høyere turnover"
assumptions = {{ turnover_rate = 0.12, efficiency = 0.01 }}
rates.hjemmetjeneste = {{ "80-89" = 0.22 }}
"#
    );
    base.insert("demand.toml", demand.into_bytes());
    let req = String::from_utf8(base.get("requirements.yaml").unwrap().to_vec()).unwrap();
    let req = req
        .replacen(
            "    fte: 3.0\n    accepts: [sykepleier]\n",
            "    fte: 3.0\n    accepts: [sykepleier]\n    driver: hjemmetjeneste\n",
            1,
        )
        .replacen(
            "  - unit: hjemme\n    position: fagarbeider\n    title: Helsefagarbeider\n    fte: 2.0\n",
            "  - unit: hjemme\n    position: fagarbeider\n    title: Helsefagarbeider\n",
            1,
        );
    let req = format!(
        "{req}workload:\n  - unit: hjemme\n    position: fagarbeider\n    working_days: 260\n    hours_per_day: 7.5\n    absence_days: {{ holidays: 10, vacation: 25, sick: 20 }}\n    activities:\n      - {{ name: Stell, minutes: 30, per_year: 4000, driver: eldre }}\n      - {{ name: Tilsyn, minutes: 10, per_year: 3000 }}\n    support:\n      - {{ name: Rapport, hours: 0.25, per: day }}\n      - {{ name: Fagmøte, hours: 1, per: week }}\n    individual:\n      - {{ name: Verneombud, hours_per_year: 100, staff: 1 }}\n"
    );
    base.insert("requirements.yaml", req.into_bytes());
    base.insert(population_file, population.to_vec());
    base
}

/// A small tidy projection (region 9999, MMMM and LLML, both sexes, ages
/// 0–100, 2025–2029): every row of the fixture that is not HHMH.
fn tidy_population() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/population/tidy.csv");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.contains("HHMH"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .into_bytes()
}

/// Mutations of the demand keys, the workload and the population CSV; the
/// base plan is valid and uses all three.
#[test]
fn fuzz_demand_workload_and_population_csv() {
    let base = demand_plan("data/befolkning.csv", &tidy_population());
    assert_base_is_valid(&base);
    let targets = ["demand.toml", "requirements.yaml", "data/befolkning.csv"];
    run_campaign("demand", &base, |seed| {
        let file = targets[(seed as usize) % targets.len()];
        let original = base.get(file).unwrap().to_vec();
        (file.to_string(), mutate::mutate(&original, seed))
    });
}

/// Mutations of a JSON-stat2 projection as SSB's API returns it.
#[test]
fn fuzz_population_json_stat() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/population/jsonstat2.json");
    let base = demand_plan("data/befolkning.json", &std::fs::read(path).unwrap());
    assert_base_is_valid(&base);
    run_campaign("jsonstat", &base, |seed| {
        let original = base.get("data/befolkning.json").unwrap().to_vec();
        (
            "data/befolkning.json".to_string(),
            mutate::mutate(&original, seed),
        )
    });
}

/// A campaign's base plan loads without errors (else the mutations would
/// only ever test the error path).
fn assert_base_is_valid(base: &MemSource) {
    let loaded = kompetanseplan::pipeline::open(base).unwrap();
    let errors: Vec<String> = loaded
        .diagnostics
        .finish()
        .iter()
        .filter(|d| d.severity == kompetanseplan::diag::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    assert!(loaded.plan.is_some() && errors.is_empty(), "{errors:#?}");
    let plan = loaded.plan.unwrap();
    assert!(!plan.workloads.is_empty() && plan.drivers.len() == 2 && plan.scenarios.len() == 2);
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

/// The fuzz finding `staff-8000180`, made deterministic: a roster of 1 500
/// rows (37 KB) that are each wrong in seven columns gives about ten
/// thousand findings. Every report of them must stay within the bound; SARIF
/// built a JSON tree of about 10 KB per finding and peaked at twice the bound.
#[test]
fn a_roster_of_ten_thousand_findings_stays_within_the_memory_bound() {
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut plan = seed_plan();
    let markers = run::markers(&plan);
    let mut roster = String::from(
        "id,unit,position,percent,education,birth_year,wanted_percent,studying,study_done\n",
    );
    for _ in 0..1_500 {
        roster.push_str(",,08,5991,x,06,y,z,TTA\n");
    }
    let size = roster.len();
    plan.insert("data/staff.csv", roster.into_bytes());
    let loaded = kompetanseplan::pipeline::open(&plan).unwrap();
    let findings = loaded.diagnostics.finish().len();
    assert!(findings >= 9_000, "{findings} findings");
    run::exec(&plan, &markers, size).unwrap();
}
