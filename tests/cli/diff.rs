//! `plan diff` over a throwaway git repository and over plan directories: the
//! changes reported are exactly those made, with the right need deltas; the
//! work tree and the index are untouched; a figure hidden in either revision
//! stays hidden.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command as Std;

use super::common::{copy_dir, plan};
use serde_json::Value;

const BASE: &str = "tests/fixtures/check/base";

/// Run git in `dir` (only to build the repository; `plan` reads it itself).
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Std::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn edit(path: &Path, find: &str, replace: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(find), "`{find}` not in {}", path.display());
    std::fs::write(path, text.replacen(find, replace, 1)).unwrap();
}

/// A repository with two commits of `plans/eksempel`: a changed requirement
/// (hjemme/sykepleier 3 → 4 FTE), one new measure and a new roster (one more
/// helsefagarbeider in hjemme).
fn repository() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let dir = root.join("plans/eksempel");
    copy_dir(Path::new(BASE), &dir);
    std::fs::write(root.join("README.md"), "kompetanseplan\n").unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "vedtatt plan"]);
    edit(
        &dir.join("requirements.yaml"),
        "  - unit: hjemme\n    position: sykepleier\n    title: Sykepleier\n    fte: 3.0\n",
        "  - unit: hjemme\n    position: sykepleier\n    title: Sykepleier\n    fte: 4.0\n",
    );
    let mut measures = std::fs::read_to_string(dir.join("measures.toml")).unwrap();
    measures.push_str(
        "\n[[measure]]\nid = \"veiledning\"\ngoal = \"heltid\"\ntitle = \"Veiledning av nyansatte\"\nstrategy = \"develop\"\ncompetences = [\"sykepleier\"]\nresponsible = [\"forstelinjeleder\"]\nstart = 2026\nend = 2027\nindicators = [\"heltid\"]\n",
    );
    std::fs::write(dir.join("measures.toml"), measures).unwrap();
    let mut staff = std::fs::read_to_string(dir.join("data/staff.csv")).unwrap();
    staff.push_str("h05,hjemme,fagarbeider,100,helsefagarbeider,1995,,,\n");
    std::fs::write(dir.join("data/staff.csv"), staff).unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "rullering 2026"]);
    tmp
}

fn json_diff(args: &[&str], cwd: &Path, code: i32) -> Value {
    let out = plan()
        .args(args)
        .args(["--format", "json"])
        .current_dir(cwd)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn index_state(root: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let index = root.join(".git/index");
    (
        std::fs::read(&index).unwrap(),
        std::fs::metadata(&index).unwrap().modified().unwrap(),
    )
}

#[test]
fn two_commits_give_exactly_their_changes() {
    let repo = repository();
    let root = repo.path();
    // a dirty work tree: an unstaged edit and an untracked file
    std::fs::write(root.join("README.md"), "kompetanseplan, utkast\n").unwrap();
    std::fs::write(root.join("notat.txt"), "x\n").unwrap();
    // git status may refresh the index itself: not with --no-optional-locks
    let status = || git(root, &["--no-optional-locks", "status", "--porcelain"]);
    let status_before = status();
    let index_before = index_state(root);
    std::thread::sleep(std::time::Duration::from_millis(20));

    let d = json_diff(&["diff", "HEAD~1", "HEAD", "-C", "plans/eksempel"], root, 1);

    // the plan files: exactly the changed requirement and the new measure
    let plan_changes: Vec<(String, String, String)> = d["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["key"].as_str().unwrap().to_string(),
                c["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        plan_changes,
        [
            (
                "capacity".into(),
                "hjemme/sykepleier".into(),
                "changed".into()
            ),
            ("measure".into(), "veiledning".into(), "added".into()),
        ]
    );
    let fte = &d["plan"][0]["fields"];
    assert_eq!(fte.as_array().unwrap().len(), 1, "{fte}");
    assert_eq!(fte[0]["key"], "fte");
    assert_eq!(fte[0]["old"], 3.0);
    assert_eq!(fte[0]["new"], 4.0);
    assert_eq!(d["assumptions"], Value::Array(vec![]));
    // the data apart from the plan: the roster changed, the survey did not
    assert_eq!(
        d["data"],
        serde_json::json!([{ "kind": "staff", "change": "changed" }])
    );
    // need deltas: +1 FTE for hjemme/sykepleier in every year, nowhere else
    let years: Vec<i64> = d["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y.as_i64().unwrap())
        .collect();
    assert_eq!(years, [2025, 2026, 2027, 2028, 2029]);
    let mut need_changes = Vec::new();
    for row in d["capacity"].as_array().unwrap() {
        let need = row["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "need")
            .unwrap();
        let delta = need["delta"].as_f64().unwrap();
        if delta.abs() > 1e-9 {
            need_changes.push((
                row["unit"].as_str().unwrap().to_string(),
                row["position"].as_str().unwrap().to_string(),
                row["year"].as_i64().unwrap(),
                delta,
            ));
        }
    }
    let expected: Vec<_> = (2025..=2029)
        .map(|y| ("hjemme".to_string(), "sykepleier".to_string(), y, 1.0))
        .collect();
    assert_eq!(need_changes, expected);
    // the new helsefagarbeider: more available and a surplus in hjemme/fagarbeider
    let fag = d["capacity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "hjemme" && r["position"] == "fagarbeider" && r["year"] == 2025)
        .unwrap();
    let figure = |key: &str| {
        fag["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .unwrap()["delta"]
            .as_f64()
            .unwrap()
    };
    assert_eq!((figure("available"), figure("surplus")), (1.0, 1.0));
    // the summary leads with that line
    assert_eq!(d["summary"][0]["unit"], "hjemme");
    assert_eq!(d["summary"][0]["delta"], 1.0);
    assert_eq!(d["summary"].as_array().unwrap().len(), 1);
    // workforce: one more person
    let headcount = d["workforce"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["metric"] == "headcount")
        .unwrap();
    assert_eq!(
        (headcount["old"].as_f64(), headcount["new"].as_f64()),
        (Some(13.0), Some(14.0))
    );
    // no staff id anywhere
    let text = d.to_string();
    for id in ["h05", "s01", "h01", "r01"] {
        assert!(!text.contains(id), "{id} in the diff");
    }

    // the work tree and the index are untouched
    assert_eq!(index_state(root), index_before);
    assert_eq!(status(), status_before);
    assert!(status_before.contains(" M README.md") && status_before.contains("?? notat.txt"));
}

#[test]
fn a_revision_against_the_work_tree_and_the_human_summary() {
    let repo = repository();
    let root = repo.path();
    let dir = root.join("plans/eksempel");
    // nothing changed since HEAD: exit 0
    let out = plan()
        .args(["diff", "-C"])
        .arg(&dir)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("Ingen endringer"));
    // one revision: compared with the directory on disk
    let out = plan()
        .args(["diff", "HEAD~1"])
        .current_dir(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let summary = text.find("Sammendrag").unwrap();
    let details = text.find("Endringer i planen").unwrap();
    assert!(summary < details, "summary first:\n{text}");
    assert!(
        text.contains("Hjemmetjenesten / Sykepleier, 2025: 1,5 → 2,5 (+1,0)"),
        "{text}"
    );
    assert!(text.contains("bemanningsoversikten: endret"), "{text}");
    // English on request
    let out = plan()
        .args(["diff", "HEAD~1", "--lang", "en"])
        .current_dir(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out)
        .unwrap()
        .contains("The largest changes in need"));
    // Markdown parses as tables
    let out = plan()
        .args(["diff", "HEAD~1", "HEAD", "--format", "markdown", "-C"])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.starts_with("# Endringer fra HEAD"), "{md}");
    assert!(
        md.contains("| endret | bemanningsplan | hjemme/sykepleier | fte | 3 | 4 |"),
        "{md}"
    );
}

#[test]
fn trouble_is_exit_2_with_a_clear_message() {
    let repo = repository();
    let dir = repo.path().join("plans/eksempel");
    let out = plan()
        .args(["diff", "no-such-rev", "-C"])
        .arg(&dir)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("`no-such-rev` is neither a plan directory nor a revision"),
        "{err}"
    );
    // outside a repository
    let plain = tempfile::tempdir().unwrap();
    copy_dir(Path::new(BASE), plain.path());
    plan()
        .args(["diff", "HEAD", "-C"])
        .arg(plain.path())
        .assert()
        .code(2);
    // a plan with errors on one side
    let broken = tempfile::tempdir().unwrap();
    copy_dir(Path::new(BASE), broken.path());
    edit(
        &broken.path().join("units.toml"),
        "id = \"hjemme\"",
        "id = 7",
    );
    plan()
        .arg("diff")
        .arg(plain.path())
        .arg(broken.path())
        .assert()
        .code(2);
}

#[test]
fn a_revision_is_confined_to_the_plan_directory() {
    let repo = repository();
    let root = repo.path();
    let dir = root.join("plans/eksempel");
    // a data path that climbs out, and a link that leads out, committed
    std::fs::write(root.join("secret.csv"), "id,unit\nx,y\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("../../secret.csv", dir.join("data/link.csv")).unwrap();
    edit(
        &dir.join("plan.toml"),
        "staff = \"data/staff.csv\"",
        "staff = \"../../secret.csv\"",
    );
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "ut av planen"]);
    let out = plan()
        .args(["diff", "HEAD~1", "HEAD", "-C"])
        .arg(&dir)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("path-outside-plan") || err.contains("outside"),
        "{err}"
    );
    assert!(err.contains("HEAD:plans/eksempel/plan.toml"), "{err}");
    #[cfg(unix)]
    {
        edit(
            &dir.join("plan.toml"),
            "staff = \"../../secret.csv\"",
            "staff = \"data/link.csv\"",
        );
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "lenke ut"]);
        let out = plan()
            .args(["diff", "HEAD~1", "HEAD", "-C"])
            .arg(&dir)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        assert!(err.contains("outside"), "{err}");
    }
}

/// Two plan directories whose survey differs so that the quality line of
/// sjoheim is shown in the old and suppressed in the new (4 answers < 5),
/// while hjemme's (3 answers) is suppressed in both and changes underneath.
#[test]
fn a_figure_hidden_in_either_revision_stays_hidden() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    copy_dir(Path::new(BASE), old.path());
    copy_dir(Path::new(BASE), new.path());
    let survey = new.path().join("data/survey.csv");
    edit(
        &survey,
        "r05,sjoheim,demensomsorg,1,5\nr06,sjoheim,demensomsorg,1,4\n",
        "",
    );
    edit(
        &survey,
        "r09,hjemme,demensomsorg,1,5",
        "r09,hjemme,demensomsorg,5,1",
    );
    // the old analysis shows sjoheim's figures
    let a: Value = serde_json::from_slice(
        &plan()
            .args(["analyse", "--format", "json"])
            .arg(old.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let sjoheim_old = a["quality"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "sjoheim")
        .unwrap()
        .clone();
    assert_eq!(sjoheim_old["suppressed"], false);

    let d = json_diff(
        &[
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
        ],
        Path::new("."),
        1,
    );
    let quality = d["quality"].as_array().unwrap();
    // hidden in both: not listed, not even the fact that it changed
    assert!(quality.iter().all(|r| r["unit"] != "hjemme"), "{quality:?}");
    let sjoheim = quality.iter().find(|r| r["unit"] == "sjoheim").unwrap();
    assert_eq!(sjoheim["suppressed"], serde_json::json!([false, true]));
    for f in sjoheim["figures"].as_array().unwrap() {
        if f["key"] == "required" {
            continue; // from the headcount, shown in both analyses
        }
        assert_eq!(f["hidden"], true, "{f}");
        assert_eq!(
            (&f["old"], &f["new"], &f["delta"]),
            (&Value::Null, &Value::Null, &Value::Null)
        );
    }
    // no total may give the hidden cells away
    for t in d["quality_totals"].as_array().unwrap() {
        for f in t["figures"].as_array().unwrap() {
            if f["key"] != "required" {
                assert!(f["hidden"] == true || f["delta"].is_null(), "{t}");
            }
        }
    }
    // the human output shows "skjult", never the old figures of the line
    let out = plan()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Sjøheim helse- og omsorgssenter") && l.contains("Demensomsorg"))
        .collect();
    assert!(!lines.is_empty(), "{text}");
    for l in lines {
        if l.contains("krav") {
            continue;
        }
        assert!(l.contains("skjult"), "{l}");
    }
}

#[test]
fn the_report_since_a_revision_tells_what_changed() {
    let repo = repository();
    let root = repo.path();
    let out = plan()
        .args([
            "report",
            "plans/eksempel",
            "--since",
            "HEAD~1",
            "-o",
            "-",
            "--no-figures",
        ])
        .current_dir(root)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).unwrap();
    let at = md
        .find("### Endringer siden forrige rullering")
        .unwrap_or_else(|| panic!("{md}"));
    let since = &md[at..];
    assert!(
        since.contains("Sammenlignet med planen slik den var i HEAD"),
        "{since}"
    );
    assert!(
        since.contains("Hjemmetjenesten / Sykepleier, 2025: 1,5 → 2,5 (+1,0)"),
        "{since}"
    );
    assert!(
        since.contains("| lagt til | tiltak | veiledning |"),
        "{since}"
    );
    // step 7 lists the measures with their status
    assert!(
        md.contains("| Veiledning av nyansatte | planlagt | – | – |"),
        "{md}"
    );
    // a revision that does not exist is trouble
    plan()
        .args(["report", "plans/eksempel", "--since", "v1999", "-o", "-"])
        .current_dir(root)
        .assert()
        .code(2);
}

/// The words of `plan diff` in every language, between two plan directories.
#[test]
fn diff_snapshots_in_every_language() {
    for lang in ["nb", "nn", "en"] {
        let out = plan()
            .args([
                "diff",
                "examples/mini",
                BASE,
                "--format",
                "markdown",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(format!("mini_to_base_{lang}"), text);
    }
}

/// The rullering of a plan with demand drivers, workloads, scenarios and a
/// population projection: each edit shows as its own change, keyed so a
/// reader finds it (one activity of a workload, not the whole list).
#[test]
fn drivers_workloads_scenarios_and_the_population_are_compared() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/demo"), old.path());
    copy_dir(Path::new("examples/demo"), new.path());
    let n = new.path();
    edit(
        &n.join("demand.toml"),
        "\"80-89\" = 0.25",
        "\"80-89\" = 0.27",
    );
    edit(
        &n.join("demand.toml"),
        "title = \"Lav befolkningsvekst (SSB LLML)\"",
        "title = \"Lav vekst (SSB LLML)\"",
    );
    edit(
        &n.join("requirements/hjemme-sor.yaml"),
        "{ name: \"Injeksjoner og prøvetaking\", minutes: 15,",
        "{ name: \"Injeksjoner og prøvetaking\", minutes: 20,",
    );
    let csv = std::fs::read(n.join("data/befolkning.csv")).unwrap();
    let text = String::from_utf8_lossy(&csv).replacen(";156\r\n", ";157\r\n", 1);
    assert_ne!(text.as_bytes(), &csv[..], "the projection has a 156");
    std::fs::write(n.join("data/befolkning.csv"), text).unwrap();

    let args = ["diff", old.path().to_str().unwrap(), n.to_str().unwrap()];
    let d = json_diff(&args, Path::new("."), 1);
    let changes: Vec<(String, String, Vec<String>)> = d["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["key"].as_str().unwrap().to_string(),
                c["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["key"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    let expect =
        |k: &str, key: &str, f: &str| (k.to_string(), key.to_string(), vec![f.to_string()]);
    assert_eq!(
        changes,
        vec![
            expect("driver", "hjemmetjeneste", "rates"),
            expect(
                "workload",
                "hjemme-sor/sykepleier",
                "activities: Injeksjoner og prøvetaking"
            ),
            expect("scenario", "ssb-lav", "title"),
        ]
    );
    let rates = &d["plan"][0]["fields"][0];
    assert_eq!(rates["old"]["80-89"], 0.25);
    assert_eq!(rates["new"]["80-89"], 0.27);
    let act = &d["plan"][1]["fields"][0];
    assert_eq!(
        (
            act["old"]["minutes"].as_f64(),
            act["new"]["minutes"].as_f64()
        ),
        (Some(15.0), Some(20.0))
    );
    assert_eq!(
        d["data"],
        serde_json::json!([{ "kind": "population", "change": "changed" }])
    );
    // the human diff names the kinds in words
    let human = plan()
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(human).unwrap();
    assert!(
        human.contains("arbeidsmengde (WISN)")
            && human.contains("befolkningsframskrivingen: endret"),
        "{human}"
    );
}
