//! The progress bar of long commands (`users import`, `users export`): on stderr, when it is a
//! terminal or `--progress` asks for it, never on stdout; and Ctrl-C, which such a command
//! answers by rolling back rather than dying half-way.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

/// A bar, or nothing where nobody is watching.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    rows: AtomicUsize,
    /// Bytes of the input read so far, and its size, when that is known (a file).
    input: Option<(Arc<AtomicU64>, u64)>,
}

impl Progress {
    /// `show`: `--progress` (true), `--no-progress` (false), or neither (when stderr is a
    /// terminal).
    pub fn new(show: Option<bool>, what: &str) -> Progress {
        let target = match show {
            Some(false) => ProgressDrawTarget::hidden(),
            // Asked for: drawn even where stderr is not a terminal.
            Some(true) => ProgressDrawTarget::term_like(Box::new(console::Term::stderr())),
            None => ProgressDrawTarget::stderr(),
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(style("{prefix} {spinner} {msg} ({elapsed})"));
        bar.set_prefix(what.to_string());
        Progress {
            bar,
            started: Instant::now(),
            rows: AtomicUsize::new(0),
            input: None,
        }
    }

    /// Measures the first pass by the bytes read of an input of `size` bytes.
    pub fn reading(mut self, read: Arc<AtomicU64>, size: Option<u64>) -> Progress {
        if let Some(size) = size.filter(|s| *s > 0) {
            self.bar.set_length(size);
            self.bar
                .set_style(style("{prefix} [{bar:30}] {percent:>3}% {msg}, {eta} left"));
            self.input = Some((read, size));
        }
        self
    }

    /// A known number of rows to go, counted with [`Progress::rows_done`].
    pub fn rows_to_go(&self, what: &str, rows: u64) {
        self.bar.set_prefix(what.to_string());
        self.bar.set_style(style(
            "{prefix} [{bar:30}] {human_pos}/{human_len} rows, {per_sec}, {eta} left",
        ));
        self.bar.set_length(rows);
        self.bar.set_position(0);
        self.bar.reset_eta();
    }

    pub fn rows_done(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Rows read and checked in the first pass.
    pub fn rows_read(&self, n: usize) {
        let rows = self.rows.fetch_add(n, Ordering::Relaxed) + n;
        let rate = rows as f64 / self.started.elapsed().as_secs_f64().max(0.001);
        self.bar
            .set_message(format!("{rows} rows checked, {rate:.0} rows/s"));
        match &self.input {
            Some((read, _)) => self.bar.set_position(read.load(Ordering::Relaxed)),
            None => self.bar.tick(),
        }
    }

    /// Runs `f` with the bar out of the way (to print on the same terminal).
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match self.bar.is_hidden() {
            true => f(),
            false => self.bar.suspend(f),
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .expect("the templates are fixed")
        .progress_chars("=> ")
}

/// Ctrl-C from here on sets the returned flag instead of killing the process, so a command
/// can stop, roll back and say so; a second Ctrl-C ends it at once (exit 130), and the
/// database rolls back the open transaction itself.
pub fn catch_interrupts() -> Arc<AtomicBool> {
    use signal_hook::consts::SIGINT;
    let flag = Arc::new(AtomicBool::new(false));
    // Registered first, so it sees the flag as it was before this Ctrl-C.
    signal_hook::flag::register_conditional_shutdown(SIGINT, 130, flag.clone()).ok();
    signal_hook::flag::register(SIGINT, flag.clone()).ok();
    flag
}

/// A reader that counts what passes through it, for the bar.
pub struct Counted<R> {
    pub inner: R,
    pub read: Arc<AtomicU64>,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
