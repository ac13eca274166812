//! `plan report --format html|docx`: the self-contained HTML checked in a real
//! headless browser (Debian's `chromium`: every table within the A4 content
//! width, no text overflowing its box, the printed PDF A4 and in the
//! document's language), the Word document's page size, language and table
//! style read from its XML, and both formats deterministic and private.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::common::plan;

const DEMO: &str = "examples/demo";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Write the demo report in `format` (and `extra` options) into a fresh folder.
fn write(format: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let doc = out.path().join(format!("kompetanseplan.{format}"));
    let mut args = vec![
        "report",
        DEMO,
        "--format",
        format,
        "-o",
        doc.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    plan().args(&args).assert().success();
    (out, doc)
}

fn column(csv: &str, name: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let i = r.headers().unwrap().iter().position(|h| h == name).unwrap();
    r.records()
        .map(|rec| rec.unwrap().get(i).unwrap().to_string())
        .collect()
}

/// No staff id, respondent id or birth year among the words of `text`.
fn assert_private(text: &str) {
    let found: BTreeSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let staff = format!("{DEMO}/data/staff.csv");
    let survey = format!("{DEMO}/data/survey.csv");
    let ids: BTreeSet<String> = column(&staff, "id")
        .into_iter()
        .chain(column(&survey, "respondent"))
        .collect();
    assert!(ids.len() > 600);
    for id in &ids {
        assert!(!found.contains(id.as_str()), "id {id} in the document");
    }
    for y in column(&staff, "birth_year") {
        assert!(
            !found.contains(y.as_str()),
            "birth year {y} in the document"
        );
    }
}

/// The text of one part of a .docx.
fn part(docx: &Path, name: &str) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn html_is_one_self_contained_file_the_same_twice() {
    let (dir, a) = write("html", &[]);
    let (_b_dir, b) = write("html", &[]);
    let text = std::fs::read_to_string(&a).unwrap();
    assert_eq!(
        text.as_bytes(),
        std::fs::read(&b).unwrap(),
        "not deterministic"
    );
    // one file: no figures folder, nothing fetched
    assert!(!dir.path().join("figurer").exists());
    assert!(!text.contains("src=") && !text.contains("url(") && !text.contains("href=\"http"));
    assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"nb-NO\">"));
    assert!(text.contains("@page { size: A4;"));
    // the demo's nine figures: four of the analysis, the WISN ratios, one per
    // demand driver (three) and the scenarios'
    assert_eq!(text.matches("<figure>").count(), 9);
    assert_eq!(text.matches("<svg ").count(), 9);
    assert!(text.contains(
        "<figcaption><span class=\"label\">Figur 8:</span> Helsefagarbeider: behovet øker fra"
    ));
    assert!(text.contains("<a href=\"#s5\">5 Kompetanse- og bemanningsanalyse</a>"));
    // the SVG namespace's "2000" is no birth year
    assert_private(&text.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""));
    let (_e, en) = write("html", &["--lang", "en"]);
    let en = std::fs::read_to_string(en).unwrap();
    assert!(en.contains("<html lang=\"en-GB\">") && en.contains(">Figure 1:</span>"));
    let (_n, nn) = write("html", &["--lang", "nn"]);
    let nn = std::fs::read_to_string(nn).unwrap();
    assert!(nn.contains("<html lang=\"nn-NO\">") && nn.contains("behovet aukar frå"));
    let (_n, nn) = write("html", &["--lang", "nn"]);
    let nn = std::fs::read_to_string(nn).unwrap();
    assert!(nn.contains("<html lang=\"nn-NO\">") && nn.contains("behovet aukar frå"));
}

#[test]
fn docx_is_a4_norwegian_with_a_table_style_the_same_twice() {
    let (_a_dir, a) = write("docx", &[]);
    let (_b_dir, b) = write("docx", &[]);
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "not deterministic"
    );
    let doc = part(&a, "word/document.xml");
    let styles = part(&a, "word/styles.xml");
    let xml = roxmltree::Document::parse(&doc).unwrap();
    roxmltree::Document::parse(&styles).unwrap();
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let pg = xml
        .descendants()
        .find(|n| n.has_tag_name((w, "pgSz")))
        .expect("no page size");
    assert_eq!(pg.attribute((w, "w")), Some("11906"));
    assert_eq!(pg.attribute((w, "h")), Some("16838"));
    assert!(styles.contains("<w:lang w:val=\"nb-NO\""), "not Norwegian");
    let tables: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name((w, "tbl")))
        .collect();
    assert!(tables.len() > 30, "{} tables", tables.len());
    for t in &tables {
        let style = t
            .descendants()
            .find(|n| n.has_tag_name((w, "tblStyle")))
            .and_then(|n| n.attribute((w, "val")));
        assert_eq!(style, Some("Tabell"));
    }
    assert!(styles.contains("w:type=\"table\" w:styleId=\"Tabell\""));
    // the five figures, embedded as PNG, each with its caption
    let bytes = std::fs::read(&a).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let media: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 9, "{media:?}");
    assert!(doc.contains(
        "Figur 8: </w:t></w:r><w:r><w:t xml:space=\"preserve\">Helsefagarbeider: behovet øker"
    ));
    let text: String = xml
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert_private(&text);
    for (lang, tag) in [("nn", "nn-NO"), ("en", "en-GB")] {
        let (_e, other) = write("docx", &["--lang", lang, "--no-figures"]);
        assert!(part(&other, "word/styles.xml").contains(&format!("<w:lang w:val=\"{tag}\"")));
    }
}

/// The measurements a browser makes of the HTML: added before `</body>` of a
/// copy, written into the DOM for `--dump-dom`.
const MEASURE: &str = r#"<script>
(function () {
  var mm = 96 / 25.4, width = 170 * mm, bad = [];
  document.querySelectorAll('table').forEach(function (t, i) {
    var w = t.getBoundingClientRect().width;
    if (w > width + 1) bad.push('table ' + i + ' is ' + (w / mm).toFixed(1) + ' mm wide');
  });
  document.querySelectorAll('th, td, p, li, h1, h2, h3, h4, figcaption').forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1)
      bad.push(e.tagName + ' overflows: ' + e.textContent.slice(0, 60));
  });
  if (document.documentElement.scrollWidth > window.innerWidth)
    bad.push('the page scrolls sideways');
  var out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = 'tables=' + document.querySelectorAll('table').length + '\n' + bad.join('\n');
  document.body.appendChild(out);
})();
</script>"#;

fn chromium(args: &[&str]) -> std::process::Output {
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .args(["--disable-background-networking", "--window-size=900,1200"])
        .args(args)
        .output()
        .expect("cannot run chromium")
}

#[test]
fn html_fits_a4_in_a_real_browser_and_prints_as_a4_in_its_language() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("SKIPPED: {CHROMIUM} is absent (Debian: apt-get install -y chromium); the HTML was not checked in a browser");
        return;
    }
    for (lang, tag) in [("nb", "nb-NO"), ("nn", "nn-NO"), ("en", "en-GB")] {
        let (dir, html) = write("html", &["--lang", lang]);
        // tables and text within A4's content width (170 mm)
        let text = std::fs::read_to_string(&html).unwrap();
        let probe = dir.path().join("probe.html");
        std::fs::write(
            &probe,
            text.replace("</body>", &format!("{MEASURE}</body>")),
        )
        .unwrap();
        let out = chromium(&["--dump-dom", &format!("file://{}", probe.display())]);
        let dom = String::from_utf8_lossy(&out.stdout);
        let measured = dom
            .split("<pre id=\"measured\">")
            .nth(1)
            .and_then(|s| s.split("</pre>").next())
            .unwrap_or_else(|| {
                panic!(
                    "the browser did not run the check: {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
        let mut lines = measured.lines();
        let tables: usize = lines
            .next()
            .unwrap()
            .trim_start_matches("tables=")
            .parse()
            .unwrap();
        assert!(tables > 30, "{tables} tables measured");
        let bad: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
        assert!(bad.is_empty(), "{lang}: {bad:#?}");
        // printed: A4 pages, the document's language in the PDF
        let pdf = dir.path().join("k.pdf");
        let out = chromium(&[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", html.display()),
        ]);
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&out.stderr)));
        let pdf_text = String::from_utf8_lossy(&bytes);
        let boxes: Vec<&str> = pdf_text
            .split("/MediaBox [")
            .skip(1)
            .filter_map(|s| s.split(']').next())
            .collect();
        assert!(boxes.len() > 20, "{} pages", boxes.len());
        for b in &boxes {
            let v: Vec<f64> = b.split_whitespace().map(|x| x.parse().unwrap()).collect();
            // A4 = 595.28 × 841.89 pt; Chromium rounds to its device pixels
            assert!(
                (v[2] - v[0] - 595.0).abs() < 1.0 && (v[3] - v[1] - 842.0).abs() < 1.0,
                "page {b} is not A4"
            );
        }
        assert!(
            pdf_text.contains(&format!("/Lang ({tag})")),
            "the PDF is not marked {tag}"
        );
    }
}
