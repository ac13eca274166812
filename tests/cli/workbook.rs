//! Excel workbooks wherever a CSV is accepted (issue 10): a roster and a survey
//! saved as `.xlsx` give byte-identical analysis to their CSV twins; garbage
//! with a workbook's name is a finding, not a crash. The workbooks are written
//! here, from the CSV files, with a minimal SpreadsheetML writer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use super::common::{copy_plan, plan};
use super::xlsx::xlsx;

/// A CSV file as rows of fields.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn analyse_json(dir: &Path) -> Vec<u8> {
    let out = plan()
        .args(["analyse", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn a_workbook_gives_the_same_analysis_as_its_csv_twin() {
    let csv = copy_plan("examples/mini");
    let book = copy_plan("examples/mini");
    for (name, sheet) in [("staff", "Ansatte"), ("survey", "Kartlegging")] {
        let data = rows(&book.path().join(format!("data/{name}.csv")));
        std::fs::write(
            book.path().join(format!("data/{name}.xlsx")),
            xlsx(sheet, &data),
        )
        .unwrap();
        std::fs::remove_file(book.path().join(format!("data/{name}.csv"))).unwrap();
    }
    let plan_toml = book.path().join("plan.toml");
    let text = std::fs::read_to_string(&plan_toml).unwrap();
    let text = text
        .replace("staff = \"data/staff.csv\"", "staff = \"data/staff.xlsx\"")
        .replace(
            "survey = \"data/survey.csv\"",
            "survey = { path = \"data/survey.xlsx\", sheet = \"Kartlegging\" }",
        );
    std::fs::write(&plan_toml, text).unwrap();
    assert_eq!(analyse_json(book.path()), analyse_json(csv.path()));
    // a sheet that is not there is a finding naming the sheets there are
    let text = std::fs::read_to_string(&plan_toml).unwrap();
    std::fs::write(&plan_toml, text.replace("\"Kartlegging\"", "\"Ark2\"")).unwrap();
    let out = plan()
        .args(["check", "--format", "json"])
        .arg(book.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("har ikke noe ark `Ark2`") && text.contains("Kartlegging"),
        "{text}"
    );
}

#[test]
fn garbage_with_a_workbook_name_is_one_finding() {
    for (bytes, says) in [
        (
            &b"PK\x03\x04this is no zip at all"[..],
            "cannot be read as a workbook",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage",
            "cannot be read as a workbook",
        ),
        (b"%PDF-1.7 a report", "looks like a PDF document"),
        (b"id,unit\n", "named like a workbook"),
    ] {
        let dir = copy_plan("tests/fixtures/check/base");
        std::fs::write(dir.path().join("data/staff.xlsx"), bytes).unwrap();
        let plan_toml = dir.path().join("plan.toml");
        let text = std::fs::read_to_string(&plan_toml).unwrap();
        std::fs::write(
            &plan_toml,
            text.replace("data/staff.csv", "data/staff.xlsx"),
        )
        .unwrap();
        let out = plan()
            .args(["check", "--format", "json", "--lang", "en"])
            .arg(dir.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains(says), "{says}: {text}");
        assert!(
            !text.contains("PK\\u0003"),
            "no bytes of the file in messages: {text}"
        );
    }
}
