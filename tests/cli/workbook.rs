//! Excel workbooks wherever a CSV is accepted (issue 10): a roster and a survey
//! saved as `.xlsx` give byte-identical analysis to their CSV twins; garbage
//! with a workbook's name is a finding, not a crash. The workbooks are written
//! here, from the CSV files, with a minimal SpreadsheetML writer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::Path;

use super::common::{copy_plan, plan};

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Column letters of a 0-based index (A, B, …, Z, AA, …).
fn column(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            return s;
        }
        i = i / 26 - 1;
    }
}

/// An .xlsx with one sheet named `sheet` holding `rows`; numbers become number
/// cells, everything else inline strings (as Excel stores typed-in values).
fn xlsx(sheet: &str, rows: &[Vec<String>]) -> Vec<u8> {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let at = format!("{}{}", column(c), r + 1);
            if value.parse::<f64>().is_ok() && !value.starts_with('0') || value == "0" {
                data.push_str(&format!("<c r=\"{at}\"><v>{value}</v></c>"));
            } else {
                data.push_str(&format!(
                    "<c r=\"{at}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    xml_escape(value)
                ));
            }
        }
        data.push_str("</row>");
    }
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#, xml_escape(sheet))),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>"#)),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

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
