//! `plan analyse --workload` (WISN) over the check fixtures' base plan with the
//! worked example of docs/method.md as a workload: the figures in every
//! format, the capacity line that takes its requirement from the workload,
//! and independence of how the plan is split into files and ordered.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use crate::common::{copy_plan, stdout};

const BASE: &str = "tests/fixtures/check/base";
const WORKED: &str = "tests/fixtures/workload/worked-example.toml";

/// The base plan with the worked example as the workload of hjemme /
/// sykepleier, whose capacity line gives no `fte`.
fn plan_with_workload() -> tempfile::TempDir {
    let dir = copy_plan(BASE);
    let req = dir.path().join("requirements.yaml");
    let text = std::fs::read_to_string(&req).unwrap();
    let without = text.replacen("    fte: 3.0\n", "", 1);
    assert_ne!(text, without);
    std::fs::write(&req, without).unwrap();
    std::fs::copy(WORKED, dir.path().join("workload.toml")).unwrap();
    dir
}

fn analyse(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["analyse", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    stdout(&args)
}

fn near(v: &serde_json::Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 5e-8)
}

#[test]
fn the_worked_example_in_json_and_as_the_capacity_requirement() {
    let dir = plan_with_workload();
    let json: serde_json::Value =
        serde_json::from_str(&analyse(dir.path(), &["--workload", "--format", "json"])).unwrap();
    let w = &json["workloads"][0];
    assert_eq!(w["unit"], "hjemme");
    assert_eq!(w["available_hours"], 1537.5);
    assert!(near(&w["activity_staff"], 4.5528455), "{w}");
    assert!(near(&w["category_allowance"], 1.1149384), "{w}");
    assert!(near(&w["individual_allowance"], 0.2276423), "{w}");
    assert!(near(&w["required"], 5.3037844), "{w}");
    // h01 100 % and h02 50 % are employed as sykepleier in hjemme
    assert_eq!(w["existing"], 1.5);
    assert!(near(&w["ratio"], 1.5 / 5.3037844), "{w}");
    assert_eq!(w["sets_requirement"], true);
    // the whole analysis: the line's requirement is W(B) in every year
    let all: serde_json::Value =
        serde_json::from_str(&analyse(dir.path(), &["--format", "json"])).unwrap();
    let rows: Vec<&serde_json::Value> = all["capacity"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["unit"] == "hjemme" && r["position"] == "sykepleier")
        .collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| near(&r["required"], 5.3037844)));
    assert_eq!(all["workloads"], json["workloads"]);
}

#[test]
fn tables_markdown_and_csv_in_both_languages() {
    let dir = plan_with_workload();
    let nb = analyse(dir.path(), &["--workload", "--format", "table"]);
    assert!(nb.contains("Bemanningsberegning (WISN) 2025"), "{nb}");
    // a person reads names; the ids stay in JSON and CSV
    assert!(
        nb.contains("Hjemmetjenesten") && !nb.contains(" hjemme "),
        "{nb}"
    );
    assert!(nb.contains("5,30") && nb.contains("1,115") && nb.contains("1\u{a0}537,5"));
    let en = analyse(
        dir.path(),
        &["--workload", "--format", "markdown", "--lang", "en"],
    );
    assert!(
        en.contains("## Workload-based staffing (WISN) 2025"),
        "{en}"
    );
    assert!(
        en.contains("| Hjemmetjenesten | Sykepleier | Medisinering | 3,000 | 42\\.9% |"),
        "{en}"
    );
    let csv = analyse(dir.path(), &["--workload", "--format", "csv"]);
    assert!(csv.starts_with("unit,position,available_hours,activity_hours,activity_staff,"));
    assert!(csv.contains("\nhjemme,sykepleier,1537.5,"), "{csv}");
    // the capacity table marks the line, and says why
    let cap = analyse(dir.path(), &["--format", "table", "--year", "2025"]);
    assert!(
        cap.contains("Sykepleier (WISN)") && cap.contains("beregnet fra arbeidsmengden"),
        "{cap}"
    );
    // --out writes the three workload tables
    let out = tempfile::tempdir().unwrap();
    analyse(
        dir.path(),
        &["--workload", "--out", out.path().to_str().unwrap()],
    );
    for f in [
        "workload.csv",
        "workload_activities.csv",
        "workload_years.csv",
    ] {
        assert!(out.path().join(f).is_file(), "{f}");
    }
}

#[test]
fn a_plan_without_workloads_has_no_workload_key_and_an_empty_workload_view() {
    let json = stdout(&["analyse", BASE, "--format", "json"]);
    assert!(!json.contains("workload"), "{json}");
    let view = stdout(&["analyse", BASE, "--workload", "--format", "table"]);
    assert!(view.contains("(ingen arbeidsmengder)"), "{view}");
}

/// The same plan with its workload split over two files, its lists in
/// another order, and one part in YAML: the analysis is byte-identical.
#[test]
fn splitting_and_reordering_the_workload_changes_nothing() {
    let one = plan_with_workload();
    let split = plan_with_workload();
    std::fs::remove_file(split.path().join("workload.toml")).unwrap();
    std::fs::write(
        split.path().join("workload-a.toml"),
        r#"[[workload]]
unit = "hjemme"
position = "sykepleier"
absence_days = { other = 5, sick = 15, vacation = 25, holidays = 10 }
individual = [
  { name = "Fagutvikling", hours_per_year = 200 },
  { name = "Verneombud", hours_per_year = 150, staff = 1 },
]
support = [
  { name = "Kurs", hours = 15, per = "year" },
  { name = "Rapport", hours = 0.5, per = "day" },
  { name = "Fagmøte", hours = 1, per = "week" },
]
activities = [
  { name = "Sårstell", minutes = 30, per_year = 2000 },
  { name = "Personlig stell", minutes = 45, per_year = 4000 },
  { name = "Medisinering", minutes = 15, per_year = 12000 },
]
"#,
    )
    .unwrap();
    // a second workload, in YAML, in its own file, checked the same way
    let second = "workload:\n  - unit: hjemme\n    position: fagarbeider\n    activities:\n      - { name: Stell, minutes: 40, per_year: 3000 }\n      - { name: Tilsyn, minutes: 10, per_year: 5000 }\n";
    std::fs::write(split.path().join("workload-b.yaml"), second).unwrap();
    std::fs::write(
        one.path().join("workload.toml"),
        format!(
            "{}\n[[workload]]\nunit = \"hjemme\"\nposition = \"fagarbeider\"\nactivities = [\n  {{ name = \"Tilsyn\", minutes = 10, per_year = 5000 }},\n  {{ name = \"Stell\", minutes = 40, per_year = 3000 }},\n]\n",
            std::fs::read_to_string(WORKED).unwrap()
        ),
    )
    .unwrap();
    for extra in [
        &["--format", "json"][..],
        &["--workload", "--format", "json"],
    ] {
        let a = analyse(one.path(), extra);
        let b = analyse(split.path(), extra);
        assert!(a.contains("fagarbeider") && a.contains("Tilsyn"));
        assert_eq!(a, b, "{extra:?}");
    }
}

#[test]
fn the_report_explains_the_workload_in_both_languages() {
    let dir = plan_with_workload();
    let out = tempfile::tempdir().unwrap();
    for (lang, heading, reading) in [
        (
            "nb",
            "### Bemanningsberegning (WISN)",
            "WISN-ratioen 0,28 betyr at de ansatte har om lag 28,3 % av tiden oppgavene krever.",
        ),
        (
            "en",
            "### Workload-based staffing (WISN)",
            "The WISN ratio of 0.28 means staff have about 28.3% of the time the tasks require.",
        ),
    ] {
        let doc = out.path().join(format!("{lang}.md"));
        stdout(&[
            "report",
            dir.path().to_str().unwrap(),
            "--lang",
            lang,
            "-o",
            doc.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&doc)
            .unwrap()
            .replace('\u{a0}', " ");
        assert!(text.contains(heading), "{lang}");
        assert!(text.contains(reading), "{lang}: {text}");
        assert!(text.contains("(figurer/wisn.svg)"), "{lang}");
        // the bemanningsplan shows W(B) for the line without `fte`
        assert!(
            text.contains("5,3 (WISN)") || text.contains("5\\.3 (WISN)"),
            "{lang}"
        );
        let svg = std::fs::read_to_string(out.path().join("figurer/wisn.svg")).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
        assert!(svg.contains("0.28") || svg.contains("0,28"));
    }
    // a plan without workloads has no such section
    let doc = out.path().join("base.md");
    stdout(&["report", BASE, "-o", doc.to_str().unwrap()]);
    assert!(!std::fs::read_to_string(doc).unwrap().contains("WISN"));
}

/// The demo's home care: nurses short of the workload, helsefagarbeidere
/// matching it; the helsefagarbeider line takes its requirement from it.
#[test]
fn the_demo_reads_short_and_balanced_staffing() {
    let out = tempfile::tempdir().unwrap();
    let doc = out.path().join("demo.md");
    stdout(&[
        "report",
        "examples/demo",
        "--no-figures",
        "-o",
        doc.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&doc).unwrap();
    assert!(text.contains("betyr at bemanningen svarer til arbeidsmengden"));
    assert!(text.contains("betyr at de ansatte har om lag"));
    assert!(text
        .contains("Bemanningsplanens krav for Helsefagarbeider er satt til det beregnede behovet"));
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "analyse",
        "examples/demo",
        "--workload",
        "--format",
        "json",
    ]))
    .unwrap();
    let rows = json["workloads"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    for r in rows {
        let ratio = r["ratio"].as_f64().unwrap();
        assert!((0.8..=1.1).contains(&ratio), "{r}");
        assert_eq!(r["sets_requirement"], r["position"] == "helsefagarbeider");
    }
}
