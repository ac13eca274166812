//! Real exports in: every import fixture (Excel with Norwegian locale, UTF-8 with
//! BOM, a Nettskjema-style wide export, a Forms-style export with preamble) loads
//! to exactly the analysis of its clean v1 twin, examples/mini; bad bytes never
//! panic; `plan import` shows what the tool understood.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use super::common::copy_dir;
use proptest::prelude::*;

const FIXTURES: &str = "tests/fixtures/import";
const KINDS: [&str; 4] = ["excel-nb", "bom-utf8", "nettskjema-wide", "forms-wide"];

/// examples/mini without its data and plan.toml, with the fixture on top.
fn plan_dir(kind: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/mini"), tmp.path());
    std::fs::remove_dir_all(tmp.path().join("data")).unwrap();
    std::fs::remove_file(tmp.path().join("plan.toml")).unwrap();
    copy_dir(&Path::new(FIXTURES).join(kind), tmp.path());
    tmp
}

fn plan(args: &[&str], dir: &Path) -> std::process::Output {
    super::common::plan()
        .args(args)
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn every_export_gives_the_analysis_of_its_clean_twin() {
    let twin = plan(&["analyse", "--format", "json"], Path::new("examples/mini"));
    assert!(twin.status.success());
    for kind in KINDS {
        let dir = plan_dir(kind);
        let out = plan(&["analyse", "--format", "json"], dir.path());
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(twin.stdout.clone()).unwrap(),
            "{kind} differs from examples/mini"
        );
        let check = plan(&["check", "--today", "2026-01-01"], dir.path());
        assert_eq!(
            check.status.code(),
            Some(0),
            "{kind}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn import_prints_the_mapped_v1_csv() {
    let dir = plan_dir("excel-nb");
    let out = super::common::plan()
        .current_dir(dir.path())
        .args([
            "import",
            "staff",
            "data/ansatte.csv",
            "--mapping",
            "plan.toml",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    let want = std::fs::read_to_string("examples/mini/data/staff.csv").unwrap();
    // Same roster; only the ids differ (S01 in the export, s01 in the twin).
    let strip = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest).to_string())
            .collect()
    };
    assert_eq!(strip(&got), strip(&want));

    let dir = plan_dir("nettskjema-wide");
    let out = super::common::plan()
        .current_dir(dir.path())
        .args([
            "import",
            "survey",
            "data/kartlegging.csv",
            "--mapping",
            "plan.toml",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    assert!(
        got.starts_with("respondent,unit,competence,level,need\n"),
        "{got}"
    );
    // Nine answers: "Vet ikke" and blank answers are no answer, not zero.
    assert_eq!(got.lines().count(), 10, "{got}");
    assert!(got.contains(",sjoheim,demensomsorg,4,2\n"), "{got}");
    // The extra timestamp column is reported, not silently dropped.
    assert!(String::from_utf8_lossy(&out.stderr).contains("raw-export"));
}

#[test]
fn ambiguous_numbers_and_wrong_encodings_are_located_errors() {
    let dir = plan_dir("excel-nb");
    let path = dir.path().join("data/ansatte.csv");
    let bytes = std::fs::read(&path).unwrap();
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    let text = text.replacen("100,0", "1.000", 1);
    std::fs::write(&path, encoding_rs::WINDOWS_1252.encode(&text).0).unwrap();
    let out = plan(&["check", "--today", "2026-01-01"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("error[csv-number]: `percent` er tvetydig"),
        "{stdout}"
    );
    assert!(stdout.contains("data/ansatte.csv:2:"), "{stdout}");

    // Declaring UTF-8 for a Windows-1252 file is refused, not decoded into U+FFFD.
    let dir = plan_dir("excel-nb");
    let plan_toml = dir.path().join("plan.toml");
    let t = std::fs::read_to_string(&plan_toml).unwrap();
    std::fs::write(
        &plan_toml,
        t.replace(
            "path = \"data/ansatte.csv\"",
            "path = \"data/ansatte.csv\"\nencoding = \"utf-8\"",
        ),
    )
    .unwrap();
    let out = plan(&["check", "--today", "2026-01-01"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error[unreadable-file]"), "{stdout}");
    assert!(!stdout.contains('\u{FFFD}'), "{stdout}");
}

#[test]
fn mixed_delimiters_are_errors_with_lines() {
    let dir = plan_dir("bom-utf8");
    let path = dir.path().join("data/staff.csv");
    let t = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        t.replacen(
            "s03,sjoheim,sykepleier,100,sykepleier,1990,,,",
            "s03;sjoheim;sykepleier;100;sykepleier;1990;;;",
            1,
        ),
    )
    .unwrap();
    let out = plan(&["check", "--today", "2026-01-01"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error[csv-field-count]"), "{stdout}");
    assert!(stdout.contains("data/staff.csv:4:1"), "{stdout}");
}

#[test]
fn national_identity_numbers_in_exports_are_refused_and_never_echoed() {
    let fnr = "15076500565";
    let dir = plan_dir("excel-nb");
    let path = dir.path().join("data/ansatte.csv");
    let bytes = std::fs::read(&path).unwrap();
    let text = encoding_rs::WINDOWS_1252
        .decode(&bytes)
        .0
        .into_owned()
        .replacen("S03;", &format!("{fnr};"), 1);
    std::fs::write(&path, encoding_rs::WINDOWS_1252.encode(&text).0).unwrap();
    for format in ["human", "json", "github"] {
        let out = plan(
            &["check", "--today", "2026-01-01", "--format", format],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1));
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("personal-data"), "{all}");
        assert!(all.contains("ansatte.csv"), "{all}");
        assert!(!all.contains(fnr), "{format} echoes the number: {all}");
    }
    let out = super::common::plan()
        .current_dir(dir.path())
        .args([
            "import",
            "staff",
            "data/ansatte.csv",
            "--mapping",
            "plan.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(!String::from_utf8_lossy(&out.stderr).contains(fnr));
}

fn load_without_panic(dir: &Path) {
    let loaded = kompetanseplan::pipeline::open_dir(dir).unwrap();
    for d in loaded.diagnostics.finish() {
        if let Some(loc) = &d.loc {
            let file = loaded.sources.get(loc.file).unwrap();
            assert!(loc.span.start <= file.text.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The CSV reader and the mapping layer survive truncation and byte flips of
    /// every kind of export.
    #[test]
    fn mutated_exports_never_panic(
        which in 0..4usize,
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..6),
    ) {
        let (kind, file) = [
            ("excel-nb", "data/ansatte.csv"),
            ("bom-utf8", "data/staff.csv"),
            ("nettskjema-wide", "data/kartlegging.csv"),
            ("forms-wide", "data/forms.csv"),
        ][which];
        let dir = plan_dir(kind);
        let path = dir.path().join(file);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.truncate((bytes.len() as f64 * cut) as usize);
        for (at, b) in flips {
            if !bytes.is_empty() {
                let i = ((bytes.len() - 1) as f64 * at) as usize;
                bytes[i] = b;
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let result = std::panic::catch_unwind(|| load_without_panic(dir.path()));
        prop_assert!(result.is_ok(), "panic on mutated {kind}");
    }
}
