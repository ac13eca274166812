//! Demand from population projections end to end: the three file forms give
//! the same analysis, drivers grow the requirement, scenarios side by side,
//! `--set`, and plans without the new keys are unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use super::common::{copy_plan, plan, stdout};
use serde_json::Value;

const BASE: &str = "tests/fixtures/check/base";
const FORMS: &str = "tests/fixtures/population";

const DEMAND: &str = r#"
[population]
file = "data/befolkning.csv"
region = "9999"

[[driver]]
id = "hjemmetjeneste"
title = "Hjemmetjenester"
rates = { "67-79" = 0.06, "80-89" = 0.25, "90+" = 0.5 }

[[driver]]
id = "sykehjem"
title = "Sykehjem"
rates = { "67-79" = 0.0, "80-89" = 0.08, "90+" = 0.3 }

[[scenario]]
id = "ssb-lav"
title = "Lav befolkningsvekst"
alternative = "LLML"

[[scenario]]
id = "avgang"
title = "Høyere turnover og effektivisering"
assumptions = { turnover_rate = 0.12, efficiency = 0.01 }
rates.hjemmetjeneste = { "80-89" = 0.22 }
"#;

/// The base plan with the demand keys, its home care and nursing home
/// nurses driven, and the population file in `form`.
fn demand_plan(form: &str) -> tempfile::TempDir {
    let dir = copy_plan(BASE);
    std::fs::write(dir.path().join("demand.toml"), DEMAND).unwrap();
    let req = dir.path().join("requirements.yaml");
    let text = std::fs::read_to_string(&req).unwrap();
    let text = text
        .replacen(
            "    fte: 6.0\n    accepts: [sykepleier]\n",
            "    fte: 6.0\n    accepts: [sykepleier]\n    driver: sykehjem\n",
            1,
        )
        .replacen(
            "    fte: 3.0\n    accepts: [sykepleier]\n",
            "    fte: 3.0\n    accepts: [sykepleier]\n    driver: hjemmetjeneste\n",
            1,
        );
    std::fs::write(&req, text).unwrap();
    std::fs::copy(
        Path::new(FORMS).join(form),
        dir.path().join("data/befolkning.csv"),
    )
    .unwrap();
    dir
}

fn dir_str(d: &tempfile::TempDir) -> &str {
    d.path().to_str().unwrap()
}

#[test]
fn every_form_gives_the_same_analysis() {
    let forms = [
        "tidy.csv",
        "statbank_long_text.csv",
        "statbank_long_codes.csv",
        "statbank_wide.csv",
        "jsonstat2.json",
        // the alternative as the statistic (`statistikkvariabel`), no
        // alternative column or dimension: how 14288 may come
        "statbank_statistic_alternative.csv",
        "jsonstat2_statistic_alternative.json",
    ];
    let outputs: Vec<String> = forms
        .iter()
        .map(|f| {
            let d = demand_plan(f);
            stdout(&["analyse", dir_str(&d), "--format", "json"])
        })
        .collect();
    for (f, o) in forms.iter().zip(&outputs) {
        assert!(o == &outputs[0], "{f} differs from {}", forms[0]);
    }
    let a: Value = serde_json::from_str(&outputs[0]).unwrap();
    let drivers = a["drivers"].as_array().unwrap();
    assert_eq!(drivers.len(), 2 * 5);
    // a driven line: required = fte × G(y), and the row names its driver
    let row = a["capacity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "hjemme" && r["position"] == "sykepleier" && r["year"] == 2029)
        .unwrap();
    assert_eq!(row["driver"], "hjemmetjeneste");
    let g = drivers
        .iter()
        .find(|d| d["driver"] == "hjemmetjeneste" && d["year"] == 2029)
        .unwrap()["index"]
        .as_f64()
        .unwrap();
    assert!(
        g > 1.05,
        "the elderly grow in the synthetic projection: {g}"
    );
    assert!((row["required"].as_f64().unwrap() - 3.0 * g).abs() < 1e-9);
    assert!((row["index"].as_f64().unwrap() - g).abs() < 1e-12);
}

/// The alternatives read from a statistic column or dimension are the same
/// alternatives: every scenario (one of them under SSB's low alternative)
/// gives the same comparison as from the file with an alternative column.
#[test]
fn alternatives_given_as_the_statistic_are_the_alternatives() {
    let compare = |form: &str| {
        let d = demand_plan(form);
        stdout(&["analyse", dir_str(&d), "--compare", "--format", "json"])
    };
    let reference = compare("statbank_long_text.csv");
    assert!(reference.contains("ssb-lav"), "{reference}");
    for form in [
        "statbank_statistic_alternative.csv",
        "jsonstat2_statistic_alternative.json",
    ] {
        assert!(compare(form) == reference, "{form} differs");
    }
}

#[test]
fn a_plan_without_the_new_keys_is_unchanged() {
    // the committed snapshot of examples/mini's JSON is the one before this change
    let d = copy_plan(BASE);
    let out = stdout(&["analyse", dir_str(&d), "--format", "json"]);
    assert!(!out.contains("\"drivers\"") && !out.contains("\"scenario\""));
    assert!(!out.contains("\"driver\"") && !out.contains("\"population\""));
}

#[test]
fn scenarios_side_by_side_in_every_format() {
    let d = demand_plan("tidy.csv");
    let c: Value = serde_json::from_str(&stdout(&[
        "analyse",
        dir_str(&d),
        "--compare",
        "--format",
        "json",
    ]))
    .unwrap();
    let ids: Vec<&str> = c["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["basis", "avgang", "ssb-lav"]);
    let need = |s: &str, y: i64, k: &str| {
        c["years"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["scenario"] == s && r["year"] == y)
            .unwrap()[k]
            .as_f64()
            .unwrap()
    };
    // a lower population needs less; more turnover leaves less available
    assert!(need("ssb-lav", 2029, "required") < need("basis", 2029, "required"));
    assert!(need("avgang", 2029, "available") < need("basis", 2029, "available"));
    assert_eq!(
        need("basis", 2025, "required"),
        need("ssb-lav", 2025, "required")
    );
    // one scenario analysed alone gives the same totals as in the comparison
    let one: Value = serde_json::from_str(&stdout(&[
        "analyse",
        dir_str(&d),
        "--scenario",
        "ssb-lav",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(one["scenario"]["id"], "ssb-lav");
    let total: f64 = one["capacity"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["year"] == 2029)
        .map(|r| r["required"].as_f64().unwrap())
        .sum();
    assert!((total - need("ssb-lav", 2029, "required")).abs() < 1e-9);
    // a chosen list, every format, both languages, deterministic
    for format in ["table", "csv", "markdown", "json"] {
        for lang in ["nb", "en"] {
            let args = [
                "analyse",
                dir_str(&d),
                "--compare",
                "basis,ssb-lav",
                "--format",
                format,
                "--lang",
                lang,
            ];
            let a = stdout(&args);
            assert_eq!(a, stdout(&args));
            assert!(
                !a.contains("avgang"),
                "{format}: only the scenarios asked for"
            );
        }
    }
    let md = stdout(&[
        "analyse",
        dir_str(&d),
        "--compare",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert!(md.contains("Scenarios side by side") && md.contains("Lav befolkningsvekst"));
    plan()
        .args(["analyse", dir_str(&d), "--compare", "basis,nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown scenario `nope`"));
}

#[test]
fn set_overrides_an_assumption_and_says_so() {
    let d = demand_plan("jsonstat2.json");
    let a: Value = serde_json::from_str(&stdout(&[
        "analyse",
        dir_str(&d),
        "--set",
        "assumptions.turnover_rate=0.5",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(a["scenario"]["set"][0], "assumptions.turnover_rate=0.5");
    let table = stdout(&[
        "analyse",
        dir_str(&d),
        "--set",
        "assumptions.efficiency=0.02",
        "--format",
        "table",
    ]);
    assert!(
        table.contains("Endret: assumptions.efficiency=0.02"),
        "{table}"
    );
    for bad in [
        "assumptions.min_group_size=1",
        "assumptions.turnover_rate=2",
        "x",
    ] {
        plan()
            .args(["analyse", dir_str(&d), "--set", bad])
            .assert()
            .code(2);
    }
}

#[test]
fn the_report_shows_the_population_and_the_scenarios_in_both_languages() {
    let d = demand_plan("statbank_long_codes.csv");
    for (lang, population, scenarios, basis) in [
        (
            "nb",
            "Befolkningsutvikling og etterspørsel",
            "### Scenarier",
            "Planen (basis)",
        ),
        (
            "en",
            "Population and demand",
            "### Scenarios",
            "The plan (basis)",
        ),
    ] {
        let out = d.path().join(format!("out-{lang}/plan.md"));
        let args = [
            "report",
            dir_str(&d),
            "--lang",
            lang,
            "-o",
            out.to_str().unwrap(),
        ];
        plan().args(args).assert().success();
        let md = std::fs::read_to_string(&out).unwrap();
        let (pop, scen) = (md.find(population).unwrap(), md.find(scenarios).unwrap());
        // step 3 before step 5
        assert!(pop < scen, "{lang}");
        assert!(md.contains("| 90+ | 0"), "{lang}: the bands' table");
        assert!(md.contains(basis) && md.contains("Lav befolkningsvekst"));
        assert!(
            md.contains("LLML") && md.contains("12"),
            "{lang}: what each scenario assumes"
        );
        let figures = out.parent().unwrap().join("figurer");
        let svg = std::fs::read_to_string(figures.join("scenarier.svg")).unwrap();
        assert!(
            svg.contains("Lav befolkningsvekst"),
            "the legend names the scenarios"
        );
        assert!(figures.join("befolkning-hjemmetjeneste.svg").exists());
        // deterministic
        plan().args(args).assert().success();
        assert_eq!(md, std::fs::read_to_string(&out).unwrap());
    }
}

#[test]
fn compare_examples_demo_from_a_clean_clone() {
    for lang in ["nb", "en"] {
        let a = stdout(&[
            "analyse",
            "--compare",
            "examples/demo",
            "--format",
            "markdown",
            "--lang",
            lang,
        ]);
        assert!(a.contains("SSB LLML") && a.contains("SSB HHMH"), "{a}");
        assert_eq!(
            a,
            stdout(&[
                "analyse",
                "--compare",
                "examples/demo",
                "--format",
                "markdown",
                "--lang",
                lang
            ])
        );
    }
    let c: Value = serde_json::from_str(&stdout(&[
        "analyse",
        "examples/demo",
        "--compare",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(c["scenarios"].as_array().unwrap().len(), 4);
}
