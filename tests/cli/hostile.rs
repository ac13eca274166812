//! A plan from a pull request is untrusted input (docs/privacy.md, "Security
//! model"): its files must never make `plan` read outside the plan directory,
//! print the environment, or die. One test per attack found by fuzzing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::common::{copy_plan, plan};

const BASE: &str = "tests/fixtures/check/base";

/// Replace `find` in `file` of the plan at `dir`.
fn patch(dir: &std::path::Path, file: &str, find: &str, replace: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(find), "{find:?} not in {file}");
    std::fs::write(&path, text.replacen(find, replace, 1)).unwrap();
}

#[test]
fn the_environment_never_reaches_the_output() {
    let secret = "s3cr3t-token-value-7f9c";
    for staff in [
        "/proc/self/environ",
        "../../../../../../../../proc/self/environ",
        "data/../../../../../../../../../proc/self/environ",
    ] {
        let dir = copy_plan(BASE);
        patch(
            dir.path(),
            "plan.toml",
            "staff = \"data/staff.csv\"",
            &format!("staff = \"{staff}\""),
        );
        for format in ["human", "json", "github"] {
            let out = plan()
                .env("MY_CI_TOKEN", secret)
                .args(["check", "--format", format])
                .arg(dir.path())
                .output()
                .unwrap();
            let all = [out.stdout, out.stderr].concat();
            let text = String::from_utf8_lossy(&all);
            assert_eq!(out.status.code(), Some(1), "{text}");
            assert!(text.contains("path-outside-plan"), "{text}");
            assert!(!text.contains(secret), "{staff} {format}: {text}");
            assert!(!text.contains("MY_CI_TOKEN"), "{staff} {format}: {text}");
        }
    }
}

#[cfg(unix)]
#[test]
fn links_that_lead_out_are_refused_and_links_inside_are_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "[[unit]]\nid = \"hemmelig-enhet\"\nname = \"x\"\n").unwrap();
    let dir = copy_plan(BASE);
    std::os::unix::fs::symlink(&secret, dir.path().join("extra.toml")).unwrap();
    // a data file linked from inside the plan is fine
    std::fs::rename(
        dir.path().join("data/staff.csv"),
        dir.path().join("roster.csv"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("roster.csv"),
        dir.path().join("data/staff.csv"),
    )
    .unwrap();
    let out = plan()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["path-outside-plan"], "{text}");
    assert!(!text.contains("hemmelig"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_is_not_read() {
    let dir = copy_plan(BASE);
    std::fs::remove_file(dir.path().join("data/staff.csv")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("data/staff.csv")).unwrap();
    let fifo = dir.path().join("data/survey.csv");
    std::fs::remove_file(&fifo).unwrap();
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let out = plan()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("path-outside-plan"), "{text}");
    assert!(
        text.contains("missing-data-file"),
        "the FIFO is not a file: {text}"
    );
}

#[test]
fn huge_numbers_are_refused_before_any_figure_can_overflow() {
    let dir = copy_plan(BASE);
    patch(dir.path(), "requirements.yaml", "fte: 6.0", "fte: 1.7e308");
    let out = plan()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("out-of-range"), "{text}");
    // the commands that would compute with it refuse the plan, quickly
    for args in [
        vec!["analyse", "--format", "markdown"],
        vec!["report", "-o", "-"],
    ] {
        let out = plan()
            .args(&args)
            .arg(dir.path())
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let all = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).to_lowercase();
        assert!(
            !all.contains("inf") && !all.contains("nan"),
            "{args:?}: {all}"
        );
    }
}

#[test]
fn a_flood_of_unknown_references_is_reported_quickly() {
    // 2 000 staff rows naming 2 000 different unknown units, and a header with
    // 1 001 columns: linear work, every finding reported, no stall
    let dir = copy_plan(BASE);
    let staff = dir.path().join("data/staff.csv");
    let mut text = std::fs::read_to_string(&staff).unwrap();
    for i in 0..2000 {
        text.push_str(&format!("x{i},ukjent-enhet-{i},sykepleier,100,,1980,,,\n"));
    }
    std::fs::write(&staff, text).unwrap();
    let survey = dir.path().join("data/survey.csv");
    let wide: Vec<String> = (0..1001).map(|i| format!("c{i}")).collect();
    std::fs::write(&survey, wide.join(",") + "\n").unwrap();
    // the timeout guards against a stall (minutes before), not speed
    let out = plan()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unknown = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unknown-reference")
        .count();
    assert_eq!(unknown, 2000);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1001 kolonner"), "{text}");
    assert!(
        !text.contains("ukjent-enhet"),
        "values of data rows are not echoed"
    );
}

#[test]
fn a_failed_report_leaves_nothing_behind() {
    let plan_dir = copy_plan(BASE);
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("existing")).unwrap();
    for target in ["existing", "new/", "existing/"] {
        let assert = plan()
            .arg("report")
            .arg(plan_dir.path())
            .arg("-o")
            .arg(out.path().join(target))
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(err.contains("is a directory"), "{target}: {err}");
    }
    // nothing written anywhere: no figures, no temporaries, no new folder
    let written: Vec<String> = walkdir::WalkDir::new(out.path())
        .min_depth(1)
        .into_iter()
        .map(|e| {
            e.unwrap()
                .path()
                .strip_prefix(out.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(written, ["existing"]);
    // and a good run writes the document and every figure
    plan()
        .arg("report")
        .arg(plan_dir.path())
        .arg("-o")
        .arg(out.path().join("rapport/plan.md"))
        .assert()
        .success();
    assert!(out.path().join("rapport/plan.md").is_file());
    let figures = std::fs::read_dir(out.path().join("rapport/figurer"))
        .unwrap()
        .count();
    assert!(figures >= 3, "{figures}");
}

/// Every output of `plan check` in every format, as one text.
fn check_outputs(dir: &std::path::Path) -> String {
    let mut all = String::new();
    for format in ["human", "json", "github"] {
        let out = plan()
            .args(["check", "--format", format])
            .arg(dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        all.push_str(&String::from_utf8_lossy(&[out.stdout, out.stderr].concat()));
    }
    all
}

#[test]
fn a_roster_without_its_header_row_is_not_echoed() {
    let dir = copy_plan("tests/fixtures/privacy");
    for file in ["data/staff.csv", "data/survey.csv"] {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let body: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
        std::fs::write(&path, body).unwrap();
    }
    let all = check_outputs(dir.path());
    assert!(all.contains("ser ut som data, ikke en overskrift"), "{all}");
    for id in ["QZXS", "SVARZK", "1961", "1985"] {
        assert!(!all.contains(id), "{id} echoed:\n{all}");
    }
}

#[test]
fn control_bytes_in_a_data_header_neither_echo_nor_inject() {
    let dir = copy_plan("tests/fixtures/privacy");
    let path = dir.path().join("data/survey.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    // a control byte glued the first id onto the header; an escape sequence follows
    let first = text.lines().nth(1).unwrap().to_string();
    let broken = text.replacen(
        "need\n",
        &format!("need\u{1a}{first},\u{1b}]0;pwned\u{7}\n"),
        1,
    );
    std::fs::write(&path, broken).unwrap();
    let all = check_outputs(dir.path());
    assert!(!all.contains("SVARZK"), "{all}");
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
}
