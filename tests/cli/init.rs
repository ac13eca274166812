//! `plan init`: the skeleton and the demo generator, driven through the real CLI.
//!
//! The committed `examples/demo` must be exactly what `plan init --demo` writes
//! today; when the generator (or the schema it embeds) changes, regenerate it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use super::common::plan;
use kompetanseplan::pipeline::open_dir;

const REGENERATE: &str = "rm -rf examples/demo && cargo run -- init --demo examples/demo";

/// Every file below `dir` (hidden ones included), by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn init(args: &[&str], dir: &Path) {
    plan().arg("init").args(args).arg(dir).assert().success();
}

/// `plan check --strict` with the date CI uses: exit 0 and no findings at all.
fn assert_clean(dir: &Path, today: &str) {
    let out = plan()
        .args(["check", "--strict", "--format", "json", "--today", today])
        .arg(dir)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON from plan check ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(
        report["diagnostics"].as_array().map(Vec::len),
        Some(0),
        "plan check --strict found problems in {}:\n{report:#}",
        dir.display()
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn examples_demo_is_what_init_demo_writes() {
    let fresh = tempfile::tempdir().unwrap();
    let dir = fresh.path().join("demo");
    init(&["--demo"], &dir);
    let expected = tree(&dir);
    let committed = tree(Path::new("examples/demo"));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&expected),
        "examples/demo has other files than `plan init --demo` writes; regenerate it with\n    {REGENERATE}"
    );
    for (path, bytes) in &expected {
        assert!(
            committed.get(path) == Some(bytes),
            "examples/demo/{path} differs from a fresh `plan init --demo`; regenerate it with\n    {REGENERATE}"
        );
    }
}

#[test]
fn demo_passes_the_strict_check() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    init(&["--demo"], &demo);
    assert_clean(&demo, "2026-01-01");
}

#[test]
fn skeleton_passes_the_strict_check_and_follows_the_seven_steps() {
    let dir = tempfile::tempdir().unwrap();
    init(&[], dir.path());
    let files = tree(dir.path());
    for f in [
        "plan.toml",
        "requirements.yaml",
        "data/staff.csv",
        "data/survey.csv",
        "data/README.md",
        ".schemas/plan-file.schema.json",
    ] {
        assert!(files.contains_key(f), "skeleton lacks {f}");
    }
    let text: String = files
        .iter()
        .filter(|(p, _)| p.ends_with(".toml") || p.ends_with(".yaml"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    for step in 1..=7 {
        assert!(
            text.contains(&format!("Steg {step} –")),
            "no comment for step {step}"
        );
    }
    let yaml = String::from_utf8_lossy(&files["requirements.yaml"]).into_owned();
    assert!(yaml.starts_with("# yaml-language-server: $schema=./.schemas/plan-file.schema.json\n"));
    // the skeleton is dated today, so the check runs against today's date
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string();
    assert_clean(dir.path(), &today);
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("measures.toml");
    std::fs::write(&kept, "# mine\n").unwrap();
    for args in [&[][..], &["--demo"][..]] {
        let out = plan()
            .arg("init")
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("measures.toml") && err.contains("refusing to overwrite"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "# mine\n");
        assert_eq!(
            tree(dir.path()).len(),
            1,
            "init wrote files next to an existing one"
        );
    }
    // an existing but empty directory is fine
    let empty = tempfile::tempdir().unwrap();
    init(&[], empty.path());
}

#[test]
fn same_seed_same_files_other_seed_other_roster() {
    let dir = tempfile::tempdir().unwrap();
    let gen = |name: &str, seed: &str| {
        let d = dir.path().join(name);
        init(&["--demo", "--staff", "300", "--seed", seed], &d);
        tree(&d)
    };
    let a = gen("a", "7");
    assert_eq!(
        a,
        gen("b", "7"),
        "same seed and size must give identical files"
    );
    let c = gen("c", "8");
    assert_ne!(
        a["data/staff.csv"], c["data/staff.csv"],
        "another seed must give another roster"
    );
}

#[test]
fn ten_thousand_staff_load_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("big");
    init(&["--demo", "--staff", "10000"], &demo);
    let staff = std::fs::read_to_string(demo.join("data/staff.csv")).unwrap();
    let rows = staff.lines().count() - 1;
    assert!((9_900..=10_100).contains(&rows), "{rows} staff rows");
    let units = tree(&demo)
        .keys()
        .filter(|p| p.starts_with("requirements/"))
        .count();
    assert_eq!(units, 80, "about one unit per 125 staff");
    let loaded = open_dir(&demo).unwrap();
    assert!(
        loaded.diagnostics.is_empty(),
        "the 10 000-staff demo does not load cleanly: {:?}",
        loaded.diagnostics
    );
    let plan = loaded.plan.expect("a validated plan");
    assert_eq!(plan.staff.len(), rows);
    let answers = plan.survey.len() as f64 / (rows as f64 * 15.0);
    assert!((0.65..0.75).contains(&answers), "survey response {answers}");
}
