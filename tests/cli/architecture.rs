//! The pipeline runs one way (docs/architecture.md): `load` never calls
//! `validate`; `validate`, `analyse`, `render` and `report` never touch the file
//! system (only a plan source and the loader read files); `report` formats an
//! analysis and never computes one. These rules are checked on the source text
//! of every non-test module, so a change that breaks one fails here with the
//! file and line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One rule: modules under `dir` must not contain any of `banned`.
struct Rule {
    dir: &'static str,
    banned: &'static [&'static str],
    why: &'static str,
}

/// Ways to reach the file system from Rust code.
const FILE_ACCESS: &[&str] = &[
    "std::fs",
    "fs::read",
    "fs::write",
    "File::open",
    "File::create",
    "OpenOptions",
    "walkdir",
    "read_dir",
    "PlanSource",
    "DirSource",
    "crate::load::load(",
    "pipeline::open",
];

const RULES: &[Rule] = &[
    Rule {
        dir: "src/load",
        banned: &["crate::validate", "validate::", "crate::analyse"],
        why: "load turns bytes into raw values and never validates",
    },
    Rule {
        dir: "src/validate",
        banned: FILE_ACCESS,
        why: "validate works on what load read and never touches the disk",
    },
    Rule {
        dir: "src/analyse",
        banned: FILE_ACCESS,
        why: "analyse computes from the plan and never touches the disk",
    },
    Rule {
        dir: "src/diff",
        banned: FILE_ACCESS,
        why: "the diff compares two plans and their analyses and never touches the disk",
    },
    Rule {
        dir: "src/render",
        banned: FILE_ACCESS,
        why: "renderers write to the stream they are given",
    },
    Rule {
        dir: "src/report",
        banned: FILE_ACCESS,
        why: "report formats a plan and its analysis and never touches the disk",
    },
];

/// `.rs` files below `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Names of modules declared under `#[cfg(test)]` in `text` (`mod x;`).
fn test_only_modules(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0] == "#[cfg(test)]")
        .filter_map(|w| {
            let rest = w[1]
                .strip_prefix("pub(crate) mod ")
                .or_else(|| w[1].strip_prefix("pub mod "))
                .or_else(|| w[1].strip_prefix("mod "))?;
            rest.strip_suffix(';').map(str::to_string)
        })
        .collect()
}

/// The code of a file that is compiled outside tests: everything before its
/// first `#[cfg(test)]` line, with line comments removed; numbered lines.
fn production_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| {
            let code = l.split("//").next().unwrap_or("");
            (i + 1, code.to_string())
        })
        .collect()
}

/// Every violation of `rules` in the tree at `root`, as "file:line: …".
fn violations(root: &Path, rules: &[Rule]) -> Vec<String> {
    let mut found = Vec::new();
    for rule in rules {
        let files = rust_files(&root.join(rule.dir));
        // files that are test-only modules (`#[cfg(test)] mod proptests;`)
        let mut test_only = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let parent = f.parent().unwrap();
            test_only.extend(
                test_only_modules(&text)
                    .into_iter()
                    .map(|m| parent.join(format!("{m}.rs"))),
            );
        }
        for f in files.iter().filter(|f| !test_only.contains(f)) {
            let text = std::fs::read_to_string(f).unwrap();
            for (line, code) in production_lines(&text) {
                for banned in rule.banned {
                    if code.contains(banned) {
                        let rel = f.strip_prefix(root).unwrap_or(f).display();
                        found.push(format!("{rel}:{line}: `{banned}`: {}", rule.why));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn the_pipeline_runs_one_way() {
    let found = violations(&root(), RULES);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn report_formats_the_analysis_and_computes_none() {
    let rule = Rule {
        dir: "src/report",
        banned: &[
            "analyse(",
            "analyse_unit(",
            "unit_workforces(",
            "coverage(",
            "analyse::analyse",
            "coverage::coverage",
            "capacity_totals(",
            "quality_totals(",
            "privacy::",
        ],
        why: "report formats the analysis it is given",
    };
    let found = violations(&root(), &[rule]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The checker itself finds what it looks for, and skips test code.
#[test]
fn the_checker_finds_a_violation_and_skips_tests() {
    let dir = tempfile::tempdir().unwrap();
    let load = dir.path().join("src/load");
    std::fs::create_dir_all(&load).unwrap();
    std::fs::write(
        load.join("mod.rs"),
        "mod a;\n#[cfg(test)]\nmod t;\n// validate:: in a comment is fine\nfn f() {}\n",
    )
    .unwrap();
    std::fs::write(
        load.join("a.rs"),
        "use x;\nfn g() { crate::validate::validate(); }\n",
    )
    .unwrap();
    std::fs::write(load.join("t.rs"), "use crate::validate::x;\n").unwrap();
    std::fs::write(
        load.join("b.rs"),
        "fn h() {}\n#[cfg(test)]\nmod tests { use crate::validate::y; }\n",
    )
    .unwrap();
    let rule = Rule {
        dir: "src/load",
        banned: &["validate::"],
        why: "test",
    };
    let found = violations(dir.path(), &[rule]);
    assert_eq!(found, ["src/load/a.rs:2: `validate::`: test"]);
}
