//! A progress bar on stderr for long runs on a terminal.
//!
//! It is drawn only when a person is watching: stderr is a terminal, the run is not in CI (the
//! `CI` variable that GitHub Actions, GitLab and most services set), there are more than
//! [`MIN_FILES`] files, and `--no-progress` was not given. Logs and pipes never see it.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Runs over fewer files than this finish before a bar would help.
pub const MIN_FILES: usize = 20;

/// Should a run over `files` files show a bar? `ci` is the value of the `CI` variable.
pub fn wanted(stderr_is_tty: bool, ci: Option<&str>, no_progress: bool, files: usize) -> bool {
    let in_ci = ci.is_some_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"));
    stderr_is_tty && !in_ci && !no_progress && files > MIN_FILES
}

/// The bar's text for `done` of `total`, `width` cells wide: `[=====>    ] 45/120 files`.
pub fn render(done: usize, total: usize, width: usize) -> String {
    let total = total.max(1);
    let filled = (done.min(total) * width) / total;
    let mut bar = "=".repeat(filled);
    if filled < width {
        bar.push('>');
        bar.push_str(&" ".repeat(width - filled - 1));
    }
    format!("[{bar}] {done}/{total} files")
}

/// A bar that worker threads tick; redrawn at most ten times a second.
pub struct Progress {
    total: usize,
    done: AtomicUsize,
    last: Mutex<Option<Instant>>,
    on: bool,
}

impl Progress {
    pub fn new(total: usize, on: bool) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            last: Mutex::new(None),
            on,
        }
    }

    /// One more file done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.on {
            return;
        }
        let Ok(mut last) = self.last.try_lock() else {
            return; // another thread is drawing
        };
        let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if due || done == self.total {
            *last = Some(Instant::now());
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}", render(done, self.total, 30));
            let _ = err.flush();
        }
    }

    /// Clears the bar so the report starts on a clean line.
    pub fn finish(&self) {
        if self.on {
            // The full bar once (the last tick may have lost the race to draw), then clear it.
            let full = render(self.total, self.total, 30);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{full}\r{}\r", " ".repeat(full.len()));
            let _ = err.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_for_people_watching_long_runs() {
        assert!(wanted(true, None, false, 21));
        assert!(!wanted(true, None, false, 20), "short runs");
        assert!(!wanted(false, None, false, 500), "pipes");
        assert!(!wanted(true, Some("true"), false, 500), "CI");
        assert!(!wanted(true, Some("1"), false, 500), "CI");
        assert!(
            wanted(true, Some("false"), false, 500),
            "CI=false is not CI"
        );
        assert!(wanted(true, Some(""), false, 500));
        assert!(!wanted(true, None, true, 500), "--no-progress");
    }

    #[test]
    fn bar_fills_with_the_count() {
        assert_eq!(render(0, 4, 8), "[>       ] 0/4 files");
        assert_eq!(render(2, 4, 8), "[====>   ] 2/4 files");
        assert_eq!(render(4, 4, 8), "[========] 4/4 files");
    }
}
