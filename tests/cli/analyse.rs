//! `plan analyse` end to end: the worked example of issue 3, formats, filters,
//! errors, privacy, determinism, and `plan check`'s logic warnings.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use super::common::{copy_dir, plan, stdout};
use serde_json::Value;

const MINI: &str = "examples/mini";

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

fn capacity<'a>(a: &'a Value, unit: &str, position: &str, year: i64) -> &'a Value {
    a["capacity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == unit && r["position"] == position && r["year"] == year)
        .unwrap_or_else(|| panic!("no row {unit}/{position}/{year}"))
}

fn assert_row(a: &Value, unit: &str, position: &str, year: i64, want: &[(&str, f64)]) {
    let r = capacity(a, unit, position, year);
    for (field, v) in want {
        assert!(
            close(&r[field], *v),
            "{unit}/{position} {year} {field}: {} != {v}",
            r[field]
        );
    }
}

#[test]
fn json_matches_the_worked_example() {
    let a = json(&["analyse", MINI, "--format", "json"]);
    assert_eq!(
        (a["base_year"].as_i64(), a["end_year"].as_i64()),
        (Some(2025), Some(2029))
    );
    assert_row(
        &a,
        "sjoheim",
        "sykepleier",
        2025,
        &[
            ("required", 6.0),
            ("available", 3.4),
            ("need", 2.6),
            ("mobilise", 0.4),
            ("develop", 1.0),
            ("acquire", 1.2),
            ("surplus", 0.0),
        ],
    );
    assert_row(
        &a,
        "sjoheim",
        "sykepleier",
        2027,
        &[
            ("available", 2.4),
            ("need", 3.6),
            ("mobilise", 1.4),
            ("develop", 0.0),
            ("acquire", 2.2),
        ],
    );
    assert_row(
        &a,
        "sjoheim",
        "fagarbeider",
        2025,
        &[
            ("required", 5.0),
            ("available", 3.75),
            ("unqualified", 0.5),
            ("acquire", 1.25),
        ],
    );
    assert_row(
        &a,
        "sjoheim",
        "fagarbeider",
        2029,
        &[
            ("required", 5.0 * 1.05f64.powi(4)),
            ("available", 3.0),
            ("acquire", 5.0 * 1.05f64.powi(4) - 3.0),
        ],
    );
    assert!(
        (capacity(&a, "sjoheim", "fagarbeider", 2029)["required"]
            .as_f64()
            .unwrap()
            - 6.0775)
            .abs()
            < 1e-4
    );
    assert_row(
        &a,
        "hjemme",
        "sykepleier",
        2025,
        &[("need", 1.5), ("mobilise", 1.5), ("acquire", 0.0)],
    );
    for y in 2025..=2029 {
        assert_row(&a, "hjemme", "fagarbeider", y, &[("need", 0.0)]);
    }
    // every capacity row carries exactly the documented fields
    let fields: Vec<&str> = a["capacity"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = [
        "unit",
        "position",
        "year",
        "required",
        "available",
        "unqualified",
        "gap",
        "need",
        "surplus",
        "mobilise",
        "develop",
        "acquire",
    ];
    want.sort_unstable();
    assert_eq!(fields, want);
    assert_eq!(a["capacity"].as_array().unwrap().len(), 4 * 5);

    let q = &a["quality"];
    let sj = q
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "sjoheim")
        .unwrap();
    assert_eq!(
        (
            &sj["headcount"],
            &sj["respondents"],
            &sj["required"],
            &sj["available"],
            &sj["need"],
            &sj["develop"],
            &sj["acquire"],
            &sj["suppressed"]
        ),
        (
            &Value::from(9),
            &Value::from(6),
            &Value::from(5),
            &Value::from(3),
            &Value::from(2),
            &Value::from(2),
            &Value::from(0),
            &Value::from(false)
        )
    );
    let hj = q
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "hjemme")
        .unwrap();
    assert_eq!(hj["suppressed"], true);
    assert_eq!(hj["respondents"], 3);
    for f in ["available", "need", "develop", "acquire"] {
        assert!(hj[f].is_null(), "{f} of a suppressed row must be null");
    }

    let ind = |id: &str| {
        a["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let value = |i: &Value, y: i64| {
        i["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["year"] == y)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    let hs = ind("andel-hoyskole");
    assert_eq!(hs["metric"], "education_share");
    assert!((value(&hs, 2025) - 5.9 / 10.65).abs() < 1e-9);
    assert!((value(&hs, 2025) - 0.5540).abs() < 5e-5);
    assert!((value(&hs, 2029) - 0.6629).abs() < 5e-5);
    assert_eq!(hs["met"], true);
    let ht = ind("heltid");
    // the JSON rounds floats to 10⁻⁹ (no floating-point noise)
    assert!((value(&ht, 2025) - 8.0 / 13.0).abs() <= 5e-10);
    assert_eq!(value(&ht, 2025), 0.615384615);
    let om = ind("omgjorte-stillinger");
    assert!(om["metric"].is_null());
    assert_eq!(om["met"], false);
    assert_eq!(
        om["values"].as_array().unwrap().last().unwrap()["year"],
        2026
    );

    let w = &a["workforce"];
    assert_eq!(w["headcount"], 13);
    assert!(close(&w["fte"], 11.15));
    assert!((w["mean_age"].as_f64().unwrap() - 44.31).abs() < 0.005);
    assert!(close(&w["part_time_share"], 5.0 / 13.0));
}

#[test]
fn check_reports_exactly_the_two_uncovered_needs() {
    let out = plan()
        .args(["check", MINI, "--today", "2026-01-01", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let uncovered: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "uncovered-need")
        .collect();
    assert_eq!(uncovered.len(), 2, "{uncovered:#?}");
    let msgs: Vec<&str> = uncovered
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    let sj = msgs
        .iter()
        .find(|m| m.contains("`sjoheim`/`fagarbeider`"))
        .unwrap();
    // the default language is bokmål, numbers as the plan writes them
    assert!(sj.contains("1.3 årsverk i 2025"), "{sj}");
    let hj = msgs
        .iter()
        .find(|m| m.contains("`hjemme`/`demensomsorg`"))
        .unwrap();
    assert!(
        !hj.chars().any(|c| c.is_ascii_digit()),
        "suppressed row leaks a number: {hj}"
    );
    for code in ["strategy-mismatch", "target-unreachable"] {
        assert!(
            !v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == code),
            "{code}"
        );
    }
    // warnings only: exit 0, and 1 under --strict
    assert!(out.status.success());
    plan()
        .args(["check", MINI, "--today", "2026-01-01", "--strict"])
        .assert()
        .code(1);
}

#[test]
fn table_snapshot_nb() {
    insta::assert_snapshot!(
        "mini_table_nb",
        stdout(&["analyse", MINI, "--format", "table"])
    );
}

#[test]
fn table_snapshot_en() {
    insta::assert_snapshot!(
        "mini_table_en",
        stdout(&["analyse", MINI, "--format", "table", "--lang", "en"])
    );
}

#[test]
fn table_snapshot_nn() {
    insta::assert_snapshot!(
        "mini_table_nn",
        stdout(&["analyse", MINI, "--format", "table", "--lang", "nn"])
    );
}

#[test]
fn markdown_snapshot_nn() {
    insta::assert_snapshot!(
        "mini_markdown_nn",
        stdout(&["analyse", MINI, "--format", "markdown", "--lang", "nn"])
    );
}

#[test]
fn markdown_snapshot_en() {
    insta::assert_snapshot!(
        "mini_markdown_en",
        stdout(&["analyse", MINI, "--format", "markdown", "--lang", "en"])
    );
}

/// `--excel --out DIR`: four files, each with its byte-order mark; `--excel`
/// with another format is a usage error.
#[test]
fn excel_files_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("excel");
    plan()
        .args(["analyse", MINI, "--excel", "--out", out.to_str().unwrap()])
        .assert()
        .success();
    for f in [
        "capacity.csv",
        "quality.csv",
        "indicators.csv",
        "workforce.csv",
    ] {
        let text = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(text.starts_with('\u{feff}'), "{f}");
        assert!(text.lines().next().unwrap().contains(';'), "{f}");
    }
    let ind = std::fs::read_to_string(out.join("indicators.csv")).unwrap();
    assert!(
        ind.contains("\nheltid;Andel ansatte i heltidsstilling;"),
        "{ind}"
    );
    assert!(ind.contains(";on_track"), "{ind}");
    plan()
        .args(["analyse", MINI, "--excel", "--format", "json"])
        .assert()
        .code(2);
}

/// `--excel`: `;`, decimal comma, BOM, names beside ids, rounded as the tables.
#[test]
fn excel_snapshot() {
    let text = stdout(&["analyse", MINI, "--excel"]);
    assert!(text.starts_with('\u{feff}'), "no byte-order mark");
    assert_eq!(text.matches('\u{feff}').count(), 1);
    assert!(text.contains("unit;unit_name;position;position_name;year;"));
    assert!(!text.contains("29.16"), "decimal point in Excel's CSV");
    insta::assert_snapshot!("mini_excel", text);
}

#[test]
fn markdown_snapshot_nb() {
    insta::assert_snapshot!(
        "mini_markdown_nb",
        stdout(&["analyse", MINI, "--format", "markdown"])
    );
}

#[test]
fn default_format_off_a_terminal_is_json() {
    let v = json(&["analyse", MINI]);
    assert!(v["capacity"].is_array());
}

#[test]
fn csv_to_stdout_and_to_files() {
    let text = stdout(&["analyse", MINI, "--format", "csv"]);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 4);
    assert!(blocks[0].starts_with(
        "unit,position,year,required,available,unqualified,gap,need,surplus,mobilise,develop,acquire\n"
    ));
    assert!(blocks[0].contains("\nsjoheim,fagarbeider,2025,5,3.75,0.5,1.25,1.25,0,0,0,1.25\n"));
    assert!(blocks[1].contains("\nhjemme,demensomsorg,3,4,3,2,,,,,true\n"));

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ut");
    plan()
        .args(["analyse", MINI, "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    for f in [
        "capacity.csv",
        "quality.csv",
        "indicators.csv",
        "workforce.csv",
    ] {
        let s = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(text.contains(&s), "{f} differs from the stdout CSV");
    }
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(names.len(), 4, "temporary files left behind");
}

#[test]
fn out_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan");
    copy_dir(Path::new(MINI), &p);
    // the roster is called capacity.csv and lives where --out points
    std::fs::rename(p.join("data/staff.csv"), p.join("data/capacity.csv")).unwrap();
    let toml = std::fs::read_to_string(p.join("plan.toml")).unwrap();
    std::fs::write(
        p.join("plan.toml"),
        toml.replace("data/staff.csv", "data/capacity.csv"),
    )
    .unwrap();
    let before = std::fs::read(p.join("data/capacity.csv")).unwrap();
    plan()
        .args(["analyse"])
        .arg(&p)
        .arg("--out")
        .arg(p.join("data"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("input file"));
    assert_eq!(std::fs::read(p.join("data/capacity.csv")).unwrap(), before);
    assert!(!p.join("data/quality.csv").exists());
}

#[test]
fn year_and_unit_filters() {
    let a = json(&["analyse", MINI, "--year", "2027", "--unit", "sjoheim"]);
    let rows = a["capacity"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows
        .iter()
        .all(|r| r["year"] == 2027 && r["unit"] == "sjoheim"));
    assert_eq!(a["quality"].as_array().unwrap().len(), 1);
    assert_eq!(a["workforce"]["headcount"], 9);
    for i in a["indicators"].as_array().unwrap() {
        assert!(i["values"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["year"] == 2027));
    }
    let t = stdout(&["analyse", MINI, "--year", "2027", "--format", "table"]);
    assert!(t.contains("Bemanning 2027") && !t.contains("Bemanning 2025"));

    plan()
        .args(["analyse", MINI, "--unit", "sjoheimm"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `sjoheim`"));
    plan()
        .args(["analyse", MINI, "--year", "2030"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "outside the analysed years 2025–2029",
        ));
    plan()
        .args(["analyse", MINI, "--out", "x", "--format", "json"])
        .assert()
        .code(2);
}

#[test]
fn errors_in_the_plan_are_diagnostics_and_exit_1() {
    plan()
        .args(["analyse", "tests/fixtures/analyse/broken"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("period"));
    plan()
        .args(["analyse", "tests/fixtures/analyse/does-not-exist"])
        .assert()
        .code(2);
}

#[test]
fn no_person_can_be_read_from_any_output() {
    let staff = std::fs::read_to_string(format!("{MINI}/data/staff.csv")).unwrap();
    let survey = std::fs::read_to_string(format!("{MINI}/data/survey.csv")).unwrap();
    let mut secrets: Vec<String> = Vec::new();
    for line in staff.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        secrets.push(f[0].to_string());
        secrets.push(f[5].to_string()); // birth year
    }
    for line in survey.lines().skip(1) {
        secrets.push(line.split(',').next().unwrap().to_string());
    }
    for format in ["table", "json", "csv", "markdown"] {
        let text = stdout(&["analyse", MINI, "--format", format]);
        for token in text.split(|c: char| !c.is_alphanumeric()) {
            assert!(
                !secrets.iter().any(|s| s == token),
                "{format} output shows `{token}`"
            );
        }
    }
}

#[test]
fn output_is_byte_identical_whatever_the_file_layout() {
    let first = stdout(&["analyse", MINI, "--format", "json"]);
    assert_eq!(first, stdout(&["analyse", MINI, "--format", "json"]));
    // the same plan with CSV rows reversed and the requirements moved into another file
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    copy_dir(Path::new(MINI), p);
    for f in ["data/staff.csv", "data/survey.csv"] {
        let text = std::fs::read_to_string(p.join(f)).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].reverse();
        std::fs::write(p.join(f), lines.join("\n") + "\n").unwrap();
    }
    std::fs::create_dir(p.join("zz")).unwrap();
    std::fs::rename(p.join("requirements.yaml"), p.join("zz/requirements.yaml")).unwrap();
    let second = stdout(&["analyse", p.to_str().unwrap(), "--format", "json"]);
    assert_eq!(first, second);
    // every human format and Excel's CSV, in every language
    for args in [
        &["--format", "table", "--lang", "nn"][..],
        &["--format", "markdown", "--lang", "nn"],
        &["--format", "markdown", "--lang", "en"],
        &["--excel"],
    ] {
        let run = |dir: &str| stdout(&[&["analyse", dir][..], args].concat());
        assert_eq!(run(MINI), run(p.to_str().unwrap()), "{args:?}");
    }
}

/// The figures of issue 9 in the JSON, against docs/method.md's worked example.
#[test]
fn json_has_totals_survey_costs_and_coverage_of_the_worked_example() {
    let a = json(&["analyse", MINI, "--format", "json"]);
    // capacity totals: the «Sum» rows; helsefagarbeider 2025 = sjoheim 5 + hjemme 2
    let total = a["capacity_totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["competence"] == "helsefagarbeider" && t["year"] == 2025)
        .unwrap();
    assert!(close(&total["required"], 7.0) && close(&total["available"], 5.75));
    assert!(close(&total["need"], 1.25) && close(&total["acquire"], 1.25));
    assert_eq!(a["capacity_totals"].as_array().unwrap().len(), 2 * 5);
    // quality total: exactly one suppressed row (hjemme), so its hidden columns are null
    let q = &a["quality_totals"][0];
    assert_eq!((&q["required"], &q["respondents"]), (&7.into(), &9.into()));
    assert!(q["available"].is_null() && q["need"].is_null());

    // survey: sjoheim 6 answers, 2 at level ≥ 3, needs sum to 23
    let units = a["survey"]["units"].as_array().unwrap();
    let sjoheim = units.iter().find(|r| r["unit"] == "sjoheim").unwrap();
    assert_eq!(sjoheim["respondents"], 6);
    assert!(close(&sjoheim["share_at_level"], 2.0 / 6.0));
    assert!(close(&sjoheim["mean_need"], 23.0 / 6.0));
    assert_eq!(sjoheim["suppressed"], false);
    // hjemme has 3 answers: hidden, as in the report, with only its count shown
    let hjemme = units.iter().find(|r| r["unit"] == "hjemme").unwrap();
    assert_eq!(
        (&hjemme["respondents"], &hjemme["suppressed"]),
        (&3.into(), &true.into())
    );
    assert!(hjemme["share_at_level"].is_null() && hjemme["mean_need"].is_null());
    // one hidden unit group hides the municipality's row
    let m = &a["survey"]["municipality"][0];
    assert_eq!(
        (&m["respondents"], &m["suppressed"]),
        (&9.into(), &true.into())
    );
    assert!(m["share_at_level"].is_null() && m["mean_need"].is_null());

    // costs: sykepleierutdanning, 100 000 kr a year 2025–2028
    let costs = &a["costs"];
    let years = costs["years"].as_array().unwrap();
    let develop: Vec<f64> = years
        .iter()
        .map(|y| y["develop"].as_f64().unwrap())
        .collect();
    assert_eq!(develop, [1e5, 1e5, 1e5, 1e5, 0.0]);
    assert!(close(&costs["total"]["develop"], 4e5) && close(&costs["total"]["total"], 4e5));
    assert_eq!(costs["measures_without_cost"], 2);

    // coverage: the two uncovered needs of `plan check examples/mini`
    let unc = a["coverage"]["uncovered"].as_array().unwrap();
    assert_eq!(unc.len(), 2);
    assert_eq!(
        (&unc[0]["kind"], &unc[0]["unit"], &unc[0]["position"]),
        (&"capacity".into(), &"sjoheim".into(), &"fagarbeider".into())
    );
    assert!(close(&unc[0]["size"]["first"]["need"], 1.25));
    assert_eq!(unc[0]["size"]["peak"]["year"], 2029);
    assert!(close(&unc[0]["size"]["peak"]["need"], 6.07753125 - 3.0));
    assert_eq!(
        (&unc[1]["kind"], &unc[1]["suppressed"]),
        (&"quality".into(), &true.into())
    );
    assert!(unc[1]["size"].is_null());
    assert!(a["coverage"]["mismatches"].as_array().unwrap().is_empty());
    assert!(a["coverage"]["target_misses"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn costs_per_year_sum_to_the_totals() {
    for dir in [MINI, "examples/demo"] {
        let a = json(&["analyse", dir, "--format", "json"]);
        let years = a["costs"]["years"].as_array().unwrap();
        assert!(!years.is_empty());
        for key in ["mobilise", "develop", "acquire", "phase_out", "total"] {
            let sum: f64 = years.iter().map(|y| y[key].as_f64().unwrap()).sum();
            assert!(close(&a["costs"]["total"][key], sum), "{dir} {key}");
        }
        for y in years {
            let parts: f64 = ["mobilise", "develop", "acquire", "phase_out"]
                .iter()
                .map(|k| y[k].as_f64().unwrap())
                .sum();
            assert!(close(&y["total"], parts), "{dir} {y}");
        }
    }
}

#[test]
fn unit_filter_keeps_the_units_survey_rows_and_findings() {
    let a = json(&["analyse", MINI, "--unit", "hjemme", "--format", "json"]);
    let units = a["survey"]["units"].as_array().unwrap();
    assert!(units.len() == 1 && units[0]["unit"] == "hjemme");
    let unc = a["coverage"]["uncovered"].as_array().unwrap();
    assert!(unc.len() == 1 && unc[0]["unit"] == "hjemme");
    // totals over the unit's rows only
    let t = a["capacity_totals"].as_array().unwrap();
    assert!(t
        .iter()
        .any(|t| t["competence"] == "sykepleier" && close(&t["required"], 3.0)));
    // municipality-wide figures stay whole
    assert_eq!(a["survey"]["municipality"][0]["respondents"], 9);
    assert_eq!(a["costs"]["measures_without_cost"], 2);
}
