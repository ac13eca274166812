//! Bad bytes never crash `plan`: truncated and garbage input in every file kind
//! (TOML, YAML, staff CSV, survey CSV) gives diagnostics and exit 1, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use super::common::copy_plan;
use proptest::prelude::*;

const BASE: &str = "tests/fixtures/check/base";
const FILES: [&str; 4] = [
    "plan.toml",
    "requirements.yaml",
    "data/staff.csv",
    "data/survey.csv",
];

/// Load and check in-process; every diagnostic location must lie inside its file.
fn load_and_check(dir: &Path) -> bool {
    let loaded = kompetanseplan::pipeline::open_dir(dir).unwrap();
    let mut diags = loaded.diagnostics;
    if let Some(plan) = &loaded.plan {
        let analysis = kompetanseplan::analyse::analyse(plan, &plan.assumptions);
        kompetanseplan::checks::logic(plan, &analysis.coverage, &mut diags);
    }
    let failed = diags.has_errors();
    for d in diags.finish() {
        if let Some(loc) = &d.loc {
            let file = loaded.sources.get(loc.file).unwrap();
            assert!(loc.span.start <= file.text.len(), "{d:?}");
        }
    }
    failed
}

#[test]
fn garbage_in_every_file_kind_is_exit_1_with_the_file_named() {
    let garbage: &[&[u8]] = &[
        b"\xff\xfe\x00garbage\x80\x81",
        b"\x00\x00\x00\x00",
        b"{{{{ ]]]] :::: ,,,, \"\"\"",
    ];
    for file in FILES {
        for bytes in garbage {
            let tmp = copy_plan(BASE);
            std::fs::write(tmp.path().join(file), bytes).unwrap();
            let out = super::common::plan()
                .args(["check", "--format", "json", "--today", "2026-01-01"])
                .arg(tmp.path())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{file}: {stderr}");
            assert_eq!(
                out.status.code(),
                Some(1),
                "{file} with {bytes:?}: {}",
                String::from_utf8_lossy(&out.stdout)
            );
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.contains(file), "{file} is not named: {stdout}");
        }
    }
}

#[test]
fn truncation_mid_token_is_exit_1() {
    // Cut every file kind in the middle of a value.
    let cuts = [
        ("plan.toml", "period = { from = 20"),
        ("requirements.yaml", "    accepts: [helsefagarbeider, hjelp"),
        ("data/staff.csv", "s05,sjoheim,fagarbeider,1"),
        ("data/survey.csv", "r04,sjoheim,demenso"),
    ];
    for (file, until) in cuts {
        let tmp = copy_plan(BASE);
        let path = tmp.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let end = text.find(until).unwrap() + until.len();
        std::fs::write(&path, &text[..end]).unwrap();
        let out = super::common::plan()
            .args(["check", "--today", "2026-01-01"])
            .arg(tmp.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{file}: {stdout}");
        assert!(stdout.contains(file), "{file}: {stdout}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any truncation or byte flip of any file: loading and checking never panic.
    #[test]
    fn mutated_files_never_panic(
        which in 0..FILES.len(),
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..4),
    ) {
        let tmp = copy_plan(BASE);
        let path = tmp.path().join(FILES[which]);
        let mut bytes = std::fs::read(&path).unwrap();
        let len = (bytes.len() as f64 * cut) as usize;
        bytes.truncate(len);
        for (at, b) in flips {
            if !bytes.is_empty() {
                let i = ((bytes.len() - 1) as f64 * at) as usize;
                bytes[i] = b;
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let result = std::panic::catch_unwind(|| load_and_check(tmp.path()));
        prop_assert!(result.is_ok(), "panic on {} truncated to {len} bytes", FILES[which]);
    }
}
