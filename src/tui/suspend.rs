//! Suspend and resume (SIGTSTP, Ctrl-Z): the terminal is given back before the process stops and taken again, redrawn, when it continues.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Watches SIGTSTP on its own thread: restores the terminal, stops the process as the
/// default action would, and on continuing (`fg`, SIGCONT) re-enters raw mode, the
/// alternate screen and mouse capture and sets `redraw` for the loop to repaint.
#[cfg(unix)]
pub fn watch(redraw: Arc<AtomicBool>) {
    use signal_hook::consts::SIGTSTP;
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTSTP]) else {
        return; // The default action (stopping without restoring) still applies.
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            super::restore();
            // Stops here until SIGCONT.
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
            if super::enter().is_ok() {
                redraw.store(true, Ordering::SeqCst);
            }
        }
    });
}

#[cfg(not(unix))]
pub fn watch(_redraw: Arc<AtomicBool>) {}

/// Suspends the browser as the shell's Ctrl-Z would (raw mode keeps the key from
/// reaching the terminal driver as a signal, so it is sent here).
pub fn request() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}
