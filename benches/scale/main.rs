//! The scale benchmark of issue 6: `cargo bench --bench scale`.
//!
//! In: sizes (staff counts) and a number of runs. Out: a Markdown table on
//! stdout with the median wall time and the peak resident memory of every
//! command per size, and the ratio of `plan analyse` to the parse-only
//! baseline. Plans are generated with `plan init --demo` into a temporary
//! directory; every command runs as a child process, measured by a fresh
//! copy of this binary (see `measure.rs`), so memory is per command.
//!
//! ```text
//! cargo bench --bench scale                              # 1k, 10k, 100k, 250k; 5 runs
//! cargo bench --bench scale -- --sizes 1000,10000 --runs 3
//! PLAN_BIN=/path/to/other/plan cargo bench --bench scale   # another build
//! ```
//!
//! docs/benchmarks.md has the results on the reference machine.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod baseline;
mod measure;

use std::path::{Path, PathBuf};
use std::process::Command;

use measure::Sample;

/// The `plan` built with this benchmark; `PLAN_BIN=path` measures another build
/// (e.g. an older one, for before/after numbers).
fn plan_bin() -> String {
    std::env::var("PLAN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_plan").to_string())
}
const SEED: &str = "2025";

struct Options {
    sizes: Vec<u32>,
    runs: usize,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        sizes: vec![1_000, 10_000, 100_000, 250_000],
        runs: 5,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--sizes" => {
                let v = it.next().ok_or("--sizes needs a value, e.g. 1000,10000")?;
                opts.sizes = v
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<u32>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--sizes {v}: {e}"))?;
            }
            "--runs" => {
                let v = it.next().ok_or("--runs needs a number")?;
                opts.runs = v.parse().map_err(|e| format!("--runs {v}: {e}"))?;
                opts.runs = opts.runs.max(1);
            }
            // `cargo bench` passes `--bench`; a filter argument is ignored.
            _ => {}
        }
    }
    Ok(opts)
}

/// One line of the table: a command on one plan.
struct Case {
    name: &'static str,
    program: String,
    args: Vec<String>,
}

fn plan_case(name: &'static str, args: &[&str], dir: &Path) -> Case {
    let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    a.push(dir.display().to_string());
    Case {
        name,
        program: plan_bin(),
        args: a,
    }
}

/// Whether `plan report` exists in this build (it is being written in parallel).
fn has_report() -> bool {
    Command::new(plan_bin())
        .args(["report", "--help"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn cases(dir: &Path, report: bool) -> Vec<Case> {
    let me = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut cases = vec![
        Case {
            name: "parse-only baseline",
            program: me,
            args: vec!["--baseline".into(), dir.display().to_string()],
        },
        plan_case("check", &["check", "--today", "2026-01-01"], dir),
        plan_case(
            "analyse --format json",
            &["analyse", "--format", "json"],
            dir,
        ),
    ];
    if report {
        cases.push(plan_case("report", &["report", "-o", "-"], dir));
    }
    cases
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

struct Result_ {
    wall_ms: f64,
    rss_mib: Option<f64>,
    failed: Option<i32>,
}

fn run_case(case: &Case, runs: usize) -> Result<Result_, String> {
    let mut walls = Vec::new();
    let mut rss: Option<u64> = None;
    let mut failed = None;
    for _ in 0..runs {
        let Sample {
            wall,
            max_rss_kib,
            code,
        } = measure::measure(&case.program, &case.args)?;
        // check exits 1 on findings; anything else is a failure worth showing
        if code != 0 && !(case.name == "check" && code == 1) {
            failed = Some(code);
        }
        walls.push(wall.as_secs_f64() * 1000.0);
        rss = match (rss, max_rss_kib) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if code == measure::TIMED_OUT {
            break; // once is enough
        }
    }
    Ok(Result_ {
        wall_ms: median(walls),
        rss_mib: rss.map(|k| k as f64 / 1024.0),
        failed,
    })
}

fn generate(root: &Path, staff: u32) -> Result<PathBuf, String> {
    let dir = root.join(format!("staff-{staff}"));
    let out = Command::new(plan_bin())
        .args(["init", "--demo"])
        .arg(&dir)
        .args(["--staff", &staff.to_string(), "--seed", SEED])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", plan_bin()))?;
    if !out.status.success() {
        return Err(format!(
            "plan init --demo --staff {staff} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(dir)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn fmt_rss(r: Option<f64>) -> String {
    r.map_or("n/a".into(), |m| format!("{m:.0}"))
}

fn bench(opts: &Options) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| format!("cannot make a temporary directory: {e}"))?;
    let report = has_report();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "plan scale benchmark: {cores} cores, load average {} at start, median of {} runs\n",
        load_average(),
        opts.runs
    );
    println!("| staff | command | median wall (ms) | peak RSS (MiB) | note |");
    println!("|---:|---|---:|---:|---|");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let small = plan_case("check", &["check", "--today", "2026-01-01"], &demo);
    let r = run_case(&small, opts.runs.max(5))?;
    println!(
        "| examples/demo | check | {:.1} | {} | target ≤ 50 ms |",
        r.wall_ms,
        fmt_rss(r.rss_mib)
    );
    // a command stopped at the time limit is not run at larger sizes
    let mut too_slow: Vec<(&'static str, u32)> = Vec::new();
    for &staff in &opts.sizes {
        let dir = generate(tmp.path(), staff)?;
        let mut baseline_ms = None;
        for case in cases(&dir, report) {
            if let Some((_, at)) = too_slow.iter().find(|(n, _)| *n == case.name) {
                println!(
                    "| {staff} | {} | – | – | not run: over {} s already at {at} staff |",
                    case.name,
                    measure::TIMEOUT.as_secs()
                );
                continue;
            }
            let r = run_case(&case, opts.runs)?;
            if r.failed == Some(measure::TIMED_OUT) {
                too_slow.push((case.name, staff));
            }
            let mut note = String::new();
            if r.failed == Some(measure::TIMED_OUT) {
                note = format!("stopped after {} s", measure::TIMEOUT.as_secs());
            } else if let Some(code) = r.failed {
                note = format!("exit code {code}");
            } else if case.name == "parse-only baseline" {
                baseline_ms = Some(r.wall_ms);
            } else if case.name.starts_with("analyse") {
                if let Some(b) = baseline_ms {
                    note = format!("{:.2}× baseline", r.wall_ms / b);
                }
            }
            println!(
                "| {staff} | {} | {:.0} | {} | {note} |",
                case.name,
                r.wall_ms,
                fmt_rss(r.rss_mib)
            );
        }
        if !report {
            println!("| {staff} | report | – | – | `plan report` not in this build yet; measured automatically once it exists |");
        }
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    println!("\nload average at end: {}", load_average());
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--measure") => measure::child_main(&args[1..]),
        Some("--baseline") => baseline::main(&args[1..]),
        _ => options(&args).and_then(|o| bench(&o)),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
