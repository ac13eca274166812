//! Wall time, CPU time and peak resident memory of one child process.
//!
//! In: a program and its arguments. Out: a [`Sample`]. The benchmark runs a
//! fresh copy of itself (`--measure PROGRAM ARGS…`) for every sample; that copy
//! starts the program, waits for it and reads `getrusage(RUSAGE_CHILDREN)`.
//! Because the copy has no other children, `ru_maxrss` is the peak of exactly
//! that one command (RUSAGE_CHILDREN alone would give the maximum over every
//! child the benchmark ever waited for).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A command running longer than this is stopped and reported as timed out.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The DuckDB peer loads the CSV files into the engine before its timed
/// part: it gets longer.
pub const PEER_TIMEOUT: Duration = Duration::from_secs(900);

/// Exit code reported for a command stopped at [`TIMEOUT`].
pub const TIMED_OUT: i32 = -2;

pub struct Sample {
    pub wall: Duration,
    /// Peak resident set size in KiB; `None` where getrusage is unavailable.
    pub max_rss_kib: Option<u64>,
    /// User + system CPU time; `None` where getrusage is unavailable.
    pub cpu: Option<Duration>,
    /// What the command printed (the DuckDB peer prints its in-engine time).
    pub stdout: String,
    pub code: i32,
}

/// Measure `program args…` in a fresh copy of this binary, stopping it after
/// `timeout`.
pub fn measure(program: &str, args: &[String], timeout: Duration) -> Result<Sample, String> {
    let me = std::env::current_exe().map_err(|e| format!("cannot find myself: {e}"))?;
    let out = Command::new(me)
        .arg("--measure")
        .arg(timeout.as_secs().to_string())
        .arg(program)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the measuring process: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut f = text.split_whitespace();
    let mut next = |what: &str| -> Result<i64, String> {
        f.next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("measuring {program}: no {what} in `{text}`"))
    };
    let nanos = next("wall time")?;
    let rss = next("rss")?;
    let code = next("exit code")?;
    let cpu = next("cpu time")?;
    let stdout = f.collect::<Vec<_>>().join(" ");
    Ok(Sample {
        wall: Duration::from_nanos(nanos.unsigned_abs()),
        max_rss_kib: u64::try_from(rss).ok(),
        cpu: u64::try_from(cpu).ok().map(Duration::from_nanos),
        code: i32::try_from(code).unwrap_or(-1),
        stdout,
    })
}

/// The measuring copy: run the command, print `<wall ns> <max rss KiB or -1>
/// <exit code> <cpu ns or -1>` and then the command's last output line
/// (the rest of its output is discarded).
pub fn child_main(args: &[String]) -> Result<(), String> {
    let (timeout, args) = args.split_first().ok_or("--measure needs a time limit")?;
    let timeout = Duration::from_secs(timeout.parse().map_err(|e| format!("{timeout}: {e}"))?);
    let (program, rest) = args.split_first().ok_or("--measure needs a program")?;
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    // read the output on a thread (it can be large), keeping the last line
    let mut out = child.stdout.take();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut last = String::new();
        if let Some(out) = out.as_mut() {
            let mut lines = std::io::BufReader::new(out);
            let mut line = Vec::new();
            while lines.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
                if line.len() < 1000 {
                    last = String::from_utf8_lossy(&line).trim().to_string();
                }
                line.clear();
            }
        }
        last
    });
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code().unwrap_or(-1),
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break TIMED_OUT;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for {program}: {e}")),
        }
    };
    let wall = start.elapsed();
    let last = reader.join().unwrap_or_default();
    let (rss, cpu) = children_usage();
    println!(
        "{} {} {} {} {last}",
        wall.as_nanos(),
        rss.map_or(-1, |k| k as i64),
        code,
        cpu.map_or(-1, |c| c.as_nanos() as i64),
    );
    Ok(())
}

/// Peak RSS in KiB and user + system CPU time of the waited-for children.
#[cfg(unix)]
fn children_usage() -> (Option<u64>, Option<Duration>) {
    use nix::sys::resource::{getrusage, UsageWho};
    let Ok(usage) = getrusage(UsageWho::RUSAGE_CHILDREN) else {
        return (None, None);
    };
    let raw = u64::try_from(usage.max_rss()).ok();
    // Linux and the BSDs report KiB, macOS bytes.
    let rss = raw.map(|r| {
        if cfg!(target_os = "macos") {
            r / 1024
        } else {
            r
        }
    });
    let tv = |t: nix::sys::time::TimeVal| {
        Duration::from_secs(u64::try_from(t.tv_sec()).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec()).unwrap_or(0))
    };
    (rss, Some(tv(usage.user_time()) + tv(usage.system_time())))
}

#[cfg(not(unix))]
fn children_usage() -> (Option<u64>, Option<Duration>) {
    (None, None)
}
