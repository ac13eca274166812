//! A spinner on stderr for runs that take a while (a region-sized plan takes
//! seconds): it appears only after about a second, only when stderr is a
//! terminal, and is cleared before anything else is printed — so piped output,
//! CI logs and quick runs are never touched.

use std::io::IsTerminal;
use std::sync::{mpsc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run may take before the spinner shows.
const DELAY: Duration = Duration::from_millis(1000);

/// The spinner of this run, if one is running: whoever prints to stderr in
/// the middle of a run (diagnostics of a plan that does not load) clears it
/// first with [`clear_active`], so the two never interleave.
static ACTIVE: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Clear the running spinner, if any, before printing to stderr.
pub fn clear_active() {
    if let Some(bar) = ACTIVE.lock().ok().and_then(|mut a| a.take()) {
        bar.finish_and_clear();
    }
}

pub struct Progress {
    bar: ProgressBar,
    done: Option<mpsc::Sender<()>>,
}

impl Progress {
    /// Start timing a run described by `message`; shows nothing yet.
    pub fn start(message: &str) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        if !std::io::stderr().is_terminal() {
            return Progress { bar, done: None };
        }
        if let Ok(mut active) = ACTIVE.lock() {
            *active = Some(bar.clone());
        }
        let (tx, rx) = mpsc::channel::<()>();
        let shown = bar.clone();
        // detached: it ends when the run ends (message or dropped sender) or shows
        // the spinner once, which then ticks on its own
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(DELAY) {
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(Duration::from_millis(120));
                }
            }
        });
        Progress {
            bar,
            done: Some(tx),
        }
    }

    /// What the run is doing now.
    pub fn stage(&self, message: &str) {
        self.bar.set_message(message.to_string());
    }

    /// Print something on stderr with the spinner out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clear the spinner (before the run prints its result).
    pub fn finish(mut self) {
        self.clear();
    }

    fn clear(&mut self) {
        if let Some(tx) = self.done.take() {
            let _ = tx.send(());
            clear_active();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
