//! The scale benchmark of issues 6 and 15: `cargo bench --bench scale`.
//!
//! In: sizes (staff counts) and a number of runs. Out: a Markdown table on
//! stdout with the median wall time, median CPU time (user + system) and the
//! peak resident memory of every command per size, and the ratios: `plan
//! analyse` to the floor (the csv crate's `ByteRecord` reading both files on
//! one thread), to the DuckDB peer's in-engine time for the same rules
//! (`duckdb_peer.py`, when Python can import `duckdb`; skipped otherwise), and
//! `check` and `report` to `analyse`. Plans are generated with `plan init
//! --demo` into a temporary directory; every command runs as a child process,
//! measured by a fresh copy of this binary (see `measure.rs`), so memory is
//! per command.
//!
//! ```text
//! cargo bench --bench scale                              # 25k, 100k, 250k; 5 runs
//! PLAN_BENCH_1M=1 cargo bench --bench scale              # and 1M (slow: minutes)
//! cargo bench --bench scale -- --sizes 1000,10000 --runs 3
//! PLAN_BIN=/path/to/other/plan cargo bench --bench scale   # another build
//! PYTHON=/path/to/python3 cargo bench --bench scale        # the DuckDB peer's Python
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
const SEED: &str = "7";

struct Options {
    sizes: Vec<u32>,
    runs: usize,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        sizes: vec![25_000, 100_000, 250_000],
        runs: 5,
    };
    if std::env::var_os("PLAN_BENCH_1M").is_some_and(|v| !v.is_empty() && v != "0") {
        opts.sizes.push(1_000_000);
    }
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
            name: FLOOR,
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
    if let Some(python) = duckdb_python() {
        cases.push(Case {
            name: DUCKDB,
            program: python,
            args: vec![
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("benches/scale/duckdb_peer.py")
                    .display()
                    .to_string(),
                dir.display().to_string(),
            ],
        });
    }
    cases
}

const FLOOR: &str = "floor: csv ByteRecord, 1 thread";
const DUCKDB: &str = "DuckDB peer (in-engine)";

/// The Python that can import `duckdb` (`PYTHON`, else `python3`), if any.
fn duckdb_python() -> Option<String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    Command::new(&python)
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success())
        .then_some(python)
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
    cpu_ms: Option<f64>,
    rss_mib: Option<f64>,
    failed: Option<i32>,
}

fn run_case(case: &Case, runs: usize) -> Result<Result_, String> {
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut rss: Option<u64> = None;
    let mut failed = None;
    for _ in 0..runs {
        let Sample {
            wall,
            max_rss_kib,
            cpu,
            code,
            stdout,
        } = measure::measure(
            &case.program,
            &case.args,
            if case.name == DUCKDB {
                measure::PEER_TIMEOUT
            } else {
                measure::TIMEOUT
            },
        )?;
        // check exits 1 on findings; anything else is a failure worth showing
        if code != 0 && !(case.name == "check" && code == 1) {
            failed = Some(code);
        }
        if case.name == DUCKDB {
            // the peer's own figures: the time its SQL took in the engine
            let field = |k: &str| {
                stdout
                    .split_whitespace()
                    .find_map(|f| f.strip_prefix(k)?.parse::<f64>().ok())
            };
            walls.push(field("engine_wall_s=").unwrap_or(f64::NAN) * 1000.0);
            cpus.push(field("engine_cpu_s=").unwrap_or(f64::NAN) * 1000.0);
        } else {
            walls.push(wall.as_secs_f64() * 1000.0);
            cpus.extend(cpu.map(|c| c.as_secs_f64() * 1000.0));
        }
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
        cpu_ms: (!cpus.is_empty()).then(|| median(cpus)),
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

fn fmt_ms(v: Option<f64>) -> String {
    v.map_or("n/a".into(), |m| format!("{m:.0}"))
}

fn bench(opts: &Options) -> Result<(), String> {
    let tmp = tempfile::tempdir().map_err(|e| format!("cannot make a temporary directory: {e}"))?;
    let report = has_report();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "plan scale benchmark: {cores} cores, load average {} at start, median of {} runs{}\n",
        load_average(),
        opts.runs,
        if duckdb_python().is_some() {
            ""
        } else {
            "; DuckDB peer skipped (Python cannot import duckdb)"
        }
    );
    println!("| staff | command | median wall (ms) | median CPU (ms) | peak RSS (MiB) | note |");
    println!("|---:|---|---:|---:|---:|---|");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let small = plan_case("check", &["check", "--today", "2026-01-01"], &demo);
    let r = run_case(&small, opts.runs.max(5))?;
    println!(
        "| examples/demo | check | {:.1} | {} | {} | target ≤ 50 ms |",
        r.wall_ms,
        fmt_ms(r.cpu_ms),
        fmt_rss(r.rss_mib)
    );
    // a command stopped at the time limit is not run at larger sizes
    let mut too_slow: Vec<(&'static str, u32)> = Vec::new();
    for &staff in &opts.sizes {
        let dir = generate(tmp.path(), staff)?;
        let mut results: Vec<(&'static str, Result_)> = Vec::new();
        for case in cases(&dir, report) {
            if let Some((_, at)) = too_slow.iter().find(|(n, _)| *n == case.name) {
                println!(
                    "| {staff} | {} | – | – | – | not run: over {} s already at {at} staff |",
                    case.name,
                    measure::TIMEOUT.as_secs()
                );
                continue;
            }
            // the peer loads the CSVs into DuckDB first: fewer runs
            let runs = if case.name == DUCKDB {
                opts.runs.min(3)
            } else {
                opts.runs
            };
            let r = run_case(&case, runs)?;
            if r.failed == Some(measure::TIMED_OUT) {
                too_slow.push((case.name, staff));
            }
            results.push((case.name, r));
        }
        let get = |name: &str| {
            results
                .iter()
                .find(|(n, r)| *n == name && r.failed.is_none())
                .map(|(_, r)| r)
        };
        let analyse = get("analyse --format json");
        for (name, r) in &results {
            let mut note = String::new();
            if r.failed == Some(measure::TIMED_OUT) {
                note = format!("stopped after {} s", measure::TIMEOUT.as_secs());
            } else if let Some(code) = r.failed {
                note = format!("exit code {code}");
            } else if name.starts_with("analyse") {
                let mut parts = Vec::new();
                if let Some(f) = get(FLOOR) {
                    parts.push(format!("{:.1}× the floor", r.wall_ms / f.wall_ms));
                }
                if let Some(d) = get(DUCKDB) {
                    parts.push(format!(
                        "{:.2}× DuckDB's wall, {:.2}× its CPU",
                        r.wall_ms / d.wall_ms,
                        r.cpu_ms.zip(d.cpu_ms).map_or(f64::NAN, |(a, b)| a / b)
                    ));
                }
                note = parts.join("; ");
            } else if *name == "check" || *name == "report" {
                if let Some(a) = analyse {
                    note = format!("{:.2}× analyse", r.wall_ms / a.wall_ms);
                }
            } else if *name == DUCKDB {
                note = "SQL only, data already loaded; RSS includes loading".into();
            }
            println!(
                "| {staff} | {name} | {:.0} | {} | {} | {note} |",
                r.wall_ms,
                fmt_ms(r.cpu_ms),
                fmt_rss(r.rss_mib)
            );
        }
        if !report {
            println!("| {staff} | report | – | – | – | `plan report` not in this build |");
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
