//! A status line on stderr while a subcommand loads a corpus or writes its snapshot, shown only on a terminal and erased when the work is done.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Work that ends sooner shows nothing.
const DELAY: Duration = Duration::from_millis(250);
/// How often the line is rewritten.
const EVERY: Duration = Duration::from_millis(100);

/// Runs `work`, showing `line()` on stderr (rewritten in place) while it runs, when
/// stderr is a terminal: a pipeline's output and logs stay as they were.
pub fn while_running<T>(line: impl Fn() -> String + Sync, work: impl FnOnce() -> T) -> T {
    if !io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let shower = scope.spawn(|| show(&line, &done, &mut io::stderr(), DELAY, EVERY));
        let result = work();
        done.store(true, Ordering::Release);
        shower.thread().unpark();
        let _ = shower.join();
        result
    })
}

/// Writes `line()` to `out` every `every` once `delay` has passed, until `done`, then
/// erases it. Returns how many times it was written.
fn show(
    line: &impl Fn() -> String,
    done: &AtomicBool,
    out: &mut impl Write,
    delay: Duration,
    every: Duration,
) -> usize {
    let finished = || done.load(Ordering::Acquire);
    let start = Instant::now();
    while !finished() && start.elapsed() < delay {
        std::thread::park_timeout(delay.saturating_sub(start.elapsed()));
    }
    let mut shown = 0;
    while !finished() {
        // Carriage return and erase-line: the line is rewritten in place.
        let _ = write!(out, "\r\x1b[K{}", line());
        let _ = out.flush();
        shown += 1;
        std::thread::park_timeout(every);
    }
    if shown > 0 {
        let _ = write!(out, "\r\x1b[K");
        let _ = out.flush();
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn the_line_is_rewritten_in_place_then_erased() {
        let done = AtomicBool::new(false);
        let calls = AtomicUsize::new(0);
        let line = || {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            if n == 2 {
                done.store(true, Ordering::Release);
            }
            format!("Loading… {n}")
        };
        let mut out = Vec::new();
        let shown = show(&line, &done, &mut out, Duration::ZERO, Duration::ZERO);
        assert_eq!(shown, 3);
        let text = String::from_utf8(out).expect("utf8");
        assert_eq!(
            text,
            "\r\x1b[KLoading… 0\r\x1b[KLoading… 1\r\x1b[KLoading… 2\r\x1b[K"
        );
    }

    #[test]
    fn quick_work_shows_nothing() {
        let done = AtomicBool::new(true);
        let mut out = Vec::new();
        let shown = show(
            &|| "Loading…".to_string(),
            &done,
            &mut out,
            Duration::from_secs(60),
            EVERY,
        );
        assert_eq!(shown, 0);
        assert!(out.is_empty());
    }
}
