//! Wall time and peak resident memory of one child process.
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

/// Exit code reported for a command stopped at [`TIMEOUT`].
pub const TIMED_OUT: i32 = -2;

pub struct Sample {
    pub wall: Duration,
    /// Peak resident set size in KiB; `None` where getrusage is unavailable.
    pub max_rss_kib: Option<u64>,
    pub code: i32,
}

/// Measure `program args…` in a fresh copy of this binary.
pub fn measure(program: &str, args: &[String]) -> Result<Sample, String> {
    let me = std::env::current_exe().map_err(|e| format!("cannot find myself: {e}"))?;
    let out = Command::new(me)
        .arg("--measure")
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
    Ok(Sample {
        wall: Duration::from_nanos(nanos.unsigned_abs()),
        max_rss_kib: u64::try_from(rss).ok(),
        code: i32::try_from(code).unwrap_or(-1),
    })
}

/// The measuring copy: run the command (output discarded), print
/// `<wall ns> <max rss KiB or -1> <exit code>`.
pub fn child_main(args: &[String]) -> Result<(), String> {
    let (program, rest) = args.split_first().ok_or("--measure needs a program")?;
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code().unwrap_or(-1),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break TIMED_OUT;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for {program}: {e}")),
        }
    };
    let wall = start.elapsed();
    println!(
        "{} {} {}",
        wall.as_nanos(),
        children_max_rss_kib().map_or(-1, |k| k as i64),
        code
    );
    Ok(())
}

#[cfg(unix)]
fn children_max_rss_kib() -> Option<u64> {
    use nix::sys::resource::{getrusage, UsageWho};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).ok()?;
    let raw = u64::try_from(usage.max_rss()).ok()?;
    // Linux and the BSDs report KiB, macOS bytes.
    Some(if cfg!(target_os = "macos") {
        raw / 1024
    } else {
        raw
    })
}

#[cfg(not(unix))]
fn children_max_rss_kib() -> Option<u64> {
    None
}
