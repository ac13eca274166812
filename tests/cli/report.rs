//! `plan report` end to end: the whole document for examples/mini in both
//! languages, its structure (headings, table widths, figures that exist and
//! are well-formed SVG), privacy over the demo, `--unit`, output safety and
//! determinism.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::common::{copy_dir, plan, stdout};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const MINI: &str = "examples/mini";
const DEMO: &str = "examples/demo";

/// Write the report of `dir` into a fresh folder; returns (folder, document).
fn write(dir: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let doc = out.path().join("kompetanseplan.md");
    let mut args = vec!["report", dir, "-o", doc.to_str().unwrap()];
    args.extend_from_slice(extra);
    plan().args(&args).assert().success();
    (out, doc)
}

#[test]
fn mini_document_nb() {
    let text = stdout(&["report", MINI, "--no-figures", "-o", "-"]);
    insta::assert_snapshot!("mini_nb", text);
}

#[test]
fn mini_document_nn() {
    let text = stdout(&["report", MINI, "--no-figures", "-o", "-", "--lang", "nn"]);
    insta::assert_snapshot!("mini_nn", text);
}

#[test]
fn mini_document_en() {
    let text = stdout(&["report", MINI, "--no-figures", "-o", "-", "--lang", "en"]);
    insta::assert_snapshot!("mini_en", text);
}

/// What a CommonMark + GFM parser sees in a document.
#[derive(Default, Debug)]
struct Parsed {
    headings: Vec<(HeadingLevel, String)>,
    /// Per table: the cell count of the header and of every row.
    tables: Vec<Vec<usize>>,
    images: Vec<String>,
}

fn parse(text: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut cells = 0usize;
    // the pandoc front matter is a metadata block, not a heading
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for ev in Parser::new_ext(text, opts) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => p.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => p.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                p.tables.last_mut().unwrap().push(cells);
            }
            Event::Start(Tag::Image { dest_url, .. }) => p.images.push(dest_url.to_string()),
            _ => {}
        }
    }
    p
}

/// Every table's rows have the header's cell count; every image exists and
/// parses as SVG. Returns what was parsed.
fn check_structure(doc: &Path) -> Parsed {
    let text = std::fs::read_to_string(doc).unwrap();
    let p = parse(&text);
    assert!(!p.tables.is_empty());
    for (i, t) in p.tables.iter().enumerate() {
        assert!(t.len() >= 2, "table {i} has no rows");
        assert!(
            t.iter().all(|&n| n == t[0]),
            "table {i}: cells per row {t:?}"
        );
    }
    // pulldown-cmark pads short rows: count the source's pipes as well
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let unescaped = line.replace("\\|", "");
        assert!(unescaped.ends_with(" |"), "{line}");
    }
    for img in &p.images {
        assert!(
            img.starts_with("figurer/") && img.ends_with(".svg"),
            "{img}"
        );
        let path = doc.parent().unwrap().join(img);
        let svg = std::fs::read_to_string(&path).unwrap();
        let xml = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(xml.root_element().tag_name().name(), "svg", "{img}");
    }
    p
}

#[test]
fn structure_headings_tables_and_figures() {
    for lang in ["nb", "nn", "en"] {
        let (_dir, doc) = write(MINI, &["--lang", lang]);
        let p = check_structure(&doc);
        let h2: Vec<&str> = p
            .headings
            .iter()
            .filter(|(l, _)| *l == HeadingLevel::H2)
            .map(|(_, t)| t.as_str())
            .collect();
        let want: &[&str] = if lang == "nb" {
            &[
                "1 Organisering og involvering",
                "2 Forankring",
                "3 Overordnede mål og føringer",
                "4 Hva er kompetanse?",
                "5 Kompetanse- og bemanningsanalyse",
                "6 Kompetansestrategier og tiltak",
                "7 Gjennomføring, oppfølging og evaluering",
                "Vedlegg: Om tallene",
                "Vedlegg: tiltaksplaner for enhetene",
            ]
        } else if lang == "nn" {
            &[
                "1 Organisering og involvering",
                "2 Forankring",
                "3 Overordna mål og føringar",
                "4 Kva er kompetanse?",
                "5 Kompetanse- og bemanningsanalyse",
                "6 Kompetansestrategiar og tiltak",
                "7 Gjennomføring, oppfølging og evaluering",
                "Vedlegg: Om tala",
                "Vedlegg: tiltaksplanar for einingane",
            ]
        } else {
            &[
                "1 Organisation and involvement",
                "2 Anchoring",
                "3 Goals and guidelines",
                "4 What is competence?",
                "5 Competence and staffing analysis",
                "6 Competence strategies and measures",
                "7 Implementation, follow-up and evaluation",
                "Appendix: About the figures",
                "Appendix: action plans of the units",
            ]
        };
        assert_eq!(h2, want);
        let h3: BTreeSet<&str> = p
            .headings
            .iter()
            .filter(|(l, _)| *l == HeadingLevel::H3)
            .map(|(_, t)| t.as_str())
            .collect();
        let want3: &[&str] = if lang == "nb" {
            &[
                "Grunndata 2025",
                "Kompetansekrav",
                "Kompetansekapital og kompetansebehov",
                "Kartlegging",
                "Hva tallene viser",
                "Tiltaksplan",
                "Tiltak etter strategi",
                "Ansvarsfordeling",
                "Kostnader per år",
                "Behov som ingen tiltak dekker",
                "Indikatorer",
                "Rullering",
                "Vedlegg 1: Hjemmetjenesten",
                "Vedlegg 2: Sjøheim helse- og omsorgssenter",
            ]
        } else if lang == "nn" {
            &[
                "Grunndata 2025",
                "Kartlegging",
                "Kva tala viser",
                "Tiltaksplan",
                "Indikatorar",
            ]
        } else {
            &[
                "Workforce 2025",
                "Survey",
                "What the numbers show",
                "Action plan",
            ]
        };
        for h in want3 {
            assert!(h3.contains(h), "{lang}: missing heading {h}: {h3:?}");
        }
        let images: BTreeSet<&str> = p.images.iter().map(String::as_str).collect();
        let want_images = [
            "figurer/alder.svg",
            "figurer/krav-kapital.svg",
            "figurer/pensjonsalder.svg",
            "figurer/utdanning.svg",
        ];
        assert_eq!(images, want_images.into_iter().collect());
    }
}

#[test]
fn the_stange_action_table_and_the_generated_reading() {
    let text = stdout(&["report", MINI, "--no-figures", "-o", "-"]);
    assert!(text.contains("| Hovedmål | Strategier | Tiltak | Relevante indikatorer |"));
    // the reading is the analysis in words (issue 3's worked example)
    assert!(
        text.contains("Sykepleier: behovet øker fra 4,1 årsverk i 2025 til 5,1 årsverk i 2029.")
    );
    assert!(text.contains(
        "Av behovet i 2029: 2,9 kan dekkes ved å mobilisere og 2,2 må dekkes ved å rekruttere eller anskaffe (om ingen nye blir ansatt før da)."
    ));
    // the uncovered needs of `plan check`; the suppressed line without
    // numbers, and without saying whether it has a need
    assert!(text.contains("Sjøheim helse- og omsorgssenter – Helsefagarbeider: behov på 1,3 årsverk i 2025, 3,1 årsverk i 2029"));
    assert!(text.contains(
        "Hjemmetjenesten – Demensomsorg: ingen tiltak retter seg mot den; om den har et behov, er skjult"
    ));
    assert!(!text.contains("Demensomsorg: har et behov"));
    // next revision = last_revised + 12 months
    assert!(text.contains("Neste rullering skal skje senest 4. mars 2026."));
    let en = stdout(&["report", MINI, "--no-figures", "-o", "-", "--lang", "en"]);
    assert!(en.contains("Sykepleier: the need rises from 4.1 FTE in 2025 to 5.1 FTE in 2029."));
}

#[test]
fn hidden_survey_numbers_stay_hidden() {
    // hjemme has 3 answers (< 5): its share and mean need, and the municipality
    // total that would reveal them by subtraction, are hidden
    let text = stdout(&["report", MINI, "--no-figures", "-o", "-"]);
    // "•" is hidden for privacy, never "–" (not given)
    assert!(text.contains("| Demensomsorg | 3 | 9 | • | • |"));
    assert!(text.contains("| Demensomsorg | 3 | 3 | • | • |"));
    assert!(text.contains("| Demensomsorg | 3 | 6 | 33,3 % | 3,8 |"));
}

fn column(csv: &str, name: &str) -> Vec<String> {
    let mut r = csv::Reader::from_path(csv).unwrap();
    let i = r.headers().unwrap().iter().position(|h| h == name).unwrap();
    r.records()
        .map(|rec| rec.unwrap().get(i).unwrap().to_string())
        .collect()
}

fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn nothing_personal_in_the_demo_report() {
    let (dir, doc) = write(DEMO, &[]);
    let p = check_structure(&doc);
    // tables stay a page wide: at most 10 columns
    assert!(p.tables.iter().all(|t| t[0] <= 10), "{:?}", p.tables);
    let mut text = std::fs::read_to_string(&doc).unwrap();
    // the figures' text and attribute values (not the SVG namespace URL)
    for f in std::fs::read_dir(dir.path().join("figurer")).unwrap() {
        let svg = std::fs::read_to_string(f.unwrap().path()).unwrap();
        let xml = roxmltree::Document::parse(&svg).unwrap();
        for node in xml.descendants() {
            if let Some(t) = node.text() {
                text.push_str(&format!(" {t} "));
            }
            for a in node.attributes() {
                if a.name() != "xmlns" {
                    text.push_str(&format!(" {} ", a.value()));
                }
            }
        }
    }
    let found = words(&text);
    let staff = format!("{DEMO}/data/staff.csv");
    let survey = format!("{DEMO}/data/survey.csv");
    let ids: BTreeSet<String> = column(&staff, "id")
        .into_iter()
        .chain(column(&survey, "respondent"))
        .collect();
    assert!(ids.len() > 600);
    for id in &ids {
        assert!(!found.contains(id.as_str()), "id {id} in the report");
    }
    let years: BTreeSet<String> = column(&staff, "birth_year").into_iter().collect();
    for y in &years {
        assert!(!found.contains(y.as_str()), "birth year {y} in the report");
    }
}

#[test]
fn unit_writes_only_that_units_action_plan() {
    let (_dir, doc) = write(MINI, &["--unit", "sjoheim"]);
    let p = check_structure(&doc);
    let text = std::fs::read_to_string(&doc).unwrap();
    assert_eq!(
        p.headings.first().map(|h| h.1.as_str()),
        Some("Tiltaksplan for Sjøheim helse- og omsorgssenter")
    );
    assert!(!text.contains("Hjemmetjenesten"), "another unit's name");
    assert!(!text.contains("Organisering og involvering"));
    assert!(text.contains("Tilrettelegge for at helsefagarbeidere kan ta sykepleierutdanning"));
    assert!(text.contains("| Sykepleier | 2027 | 6,0 | 2,4 |"));
    assert_eq!(
        p.images,
        vec!["figurer/krav-kapital-sjoheim.svg".to_string()]
    );
    plan()
        .args(["report", MINI, "--unit", "sjohiem", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `sjoheim`"));
}

#[test]
fn inputs_are_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mini");
    copy_dir(Path::new(MINI), &dir);
    let d = dir.to_str().unwrap();
    for target in [
        "plan.toml",
        "data/staff.csv",
        "requirements.yaml",
        "new.yml",
    ] {
        let path = dir.join(target);
        let before = std::fs::read(&path).ok();
        plan()
            .args(["report", d, "-o", path.to_str().unwrap()])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("refusing to write"));
        assert_eq!(std::fs::read(&path).ok(), before, "{target} changed");
    }
    // a .md inside the plan is never read back: the plan still loads the same
    let inside = dir.join("kompetanseplan.md");
    plan()
        .args(["report", d, "-o", inside.to_str().unwrap()])
        .assert()
        .success();
    assert!(dir.join("figurer/utdanning.svg").exists());
    plan().args(["check", d]).assert().code(0);
}

#[test]
fn byte_identical_on_two_runs() {
    for lang in ["nn", "en"] {
        let (_x, doc_x) = write(DEMO, &["--lang", lang, "--no-figures"]);
        let (_y, doc_y) = write(DEMO, &["--lang", lang, "--no-figures"]);
        assert_eq!(
            std::fs::read(&doc_x).unwrap(),
            std::fs::read(&doc_y).unwrap()
        );
    }
    let (a, doc_a) = write(DEMO, &[]);
    let (b, doc_b) = write(DEMO, &[]);
    assert_eq!(
        std::fs::read(&doc_a).unwrap(),
        std::fs::read(&doc_b).unwrap()
    );
    let names = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d.join("figurer"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let (fa, fb) = (names(a.path()), names(b.path()));
    // education, age, retirement, required vs available, WISN ratios (issue 12),
    // one per demand driver (3) and the scenarios' (issue 11)
    assert_eq!(fa.len(), 9);
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(x.file_name(), y.file_name());
        assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
    }
}

#[test]
fn stdout_has_no_figure_links_and_says_so() {
    let out = plan().args(["report", MINI, "-o", "-"]).assert().success();
    let o = out.get_output();
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(parse(&text).images.is_empty());
    assert!(String::from_utf8(o.stderr.clone())
        .unwrap()
        .contains("figures are left out"));
}

/// A command that writes files says so in one line, in the user's language,
/// naming the document and counting the figures it actually wrote.
#[test]
fn success_is_one_line_in_the_users_language() {
    let out = tempfile::tempdir().unwrap();
    let doc = out.path().join("kompetanseplan.md");
    let doc_arg = doc.to_str().unwrap();
    for (lang, words) in [
        ("nb", ["skrev ", " og ", " figurer i "]),
        ("nn", ["skreiv ", " og ", " figurar i "]),
        ("en", ["wrote ", " and ", " figures in "]),
    ] {
        let run = plan()
            .args(["report", MINI, "-o", doc_arg, "--lang", lang])
            .assert()
            .success();
        let o = run.get_output();
        assert!(o.stdout.is_empty(), "the summary belongs on stderr");
        let err = String::from_utf8(o.stderr.clone()).unwrap();
        let figures = std::fs::read_dir(out.path().join("figurer"))
            .unwrap()
            .count();
        assert!(figures > 1);
        let expected = format!(
            "{}{doc_arg}{}{figures}{}{}\n",
            words[0],
            words[1],
            words[2],
            out.path().join("figurer").display()
        );
        assert_eq!(err, expected, "--lang {lang}");
    }
    // the locale decides when --lang is not given
    let run = plan()
        .env("LANG", "en_GB.UTF-8")
        .args(["analyse", MINI, "--out", out.path().to_str().unwrap()])
        .assert()
        .success();
    let err = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with("wrote ") && err.ends_with(&format!(" in {}\n", out.path().display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}
