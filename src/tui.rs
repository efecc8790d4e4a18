//! The terminal browser: the only place that owns the terminal (init, restore on every exit path, panic hook, signals).

mod action;
mod app;
#[cfg(feature = "bench")]
pub mod bench;
mod clipboard;
mod editing;
mod effects;
mod filterer;
mod help_text;
mod input;
mod keymap;
mod layout;
mod loading;
mod ranker;
mod session;
mod state;
mod suspend;
mod tabulator;
#[cfg(test)]
mod test_support;
mod text;
mod ui;
mod worker;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// Opens the browser on `paths` (or the bundled corpus), read from and saved to the
/// snapshot cache as `cache` says, and returns the exit code.
pub fn run(paths: &[PathBuf], cache: &crate::cache::CacheOptions, coder: Option<&str>) -> ExitCode {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "demarche: the browser needs a terminal; for scripts use `demarche list`, `actors` or `export` (see --help)"
        );
        return ExitCode::from(2);
    }
    let theme = ui::theme::Theme::from_env();
    let stop = Arc::new(AtomicBool::new(false));
    let caught = Arc::new(AtomicI32::new(0));
    let redraw = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), Arc::clone(&caught));
    suspend::watch(Arc::clone(&redraw));
    let mut saving = None;
    let mut finished = None;
    let result = with_terminal(|terminal| {
        // The first frame (the loading screen) is drawn before anything is read.
        let Some((loaded, save, stamps)) = loading::load(terminal, paths, cache, &theme, &stop)?
        else {
            return Ok(());
        };
        let loaded = Arc::new(loaded);
        if let Some(save) = save {
            // Written while the user browses; waited for after the terminal is restored.
            let loaded = Arc::clone(&loaded);
            saving = Some(std::thread::spawn(move || save.write(&loaded)));
        }
        let session = session::Session::new(paths, crate::journal::coder(coder), stamps);
        finished = editing::browse(
            terminal,
            loaded,
            (session, cache),
            &theme,
            (&stop, &redraw),
            now_stamp,
        )?;
        Ok(())
    });
    if let Some(text) = finished {
        eprintln!("demarche: {text}");
    }
    if let Some(saving) = saving {
        if !saving.is_finished() {
            eprintln!("demarche: finishing the snapshot cache…");
        }
        if let Ok(Err(e)) = saving.join() {
            eprintln!("demarche: warning: {e}");
        }
    }
    match result {
        Ok(()) if stop.load(Ordering::SeqCst) => {
            ExitCode::from(128_u8.saturating_add(caught.load(Ordering::SeqCst) as u8))
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demarche: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `YYYYMMDD-HHMMSS` (UTC) of now, naming default export files.
fn now_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0).map_or_else(
        || "session".to_string(),
        |t| t.format("%Y%m%d-%H%M%S").to_string(),
    )
}

/// Runs `f` on the terminal in raw mode, on the alternate screen, with the mouse
/// captured, and gives the terminal back on every path out: return, error or panic
/// (the panic's message is printed on the normal screen).
pub fn with_terminal<T>(
    f: impl FnOnce(&mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<T>,
) -> io::Result<T> {
    install_panic_hook();
    let result = init().and_then(|mut terminal| f(&mut terminal));
    restore();
    result
}

/// Raw mode, the alternate screen and mouse capture.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// [`enter`], and the terminal drawn on.
fn init() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    Ok(terminal)
}

/// Undoes `init`; safe to call at any point, also twice.
fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// On SIGTERM or SIGHUP, asks the loop to stop, and ends the process itself if the
/// loop does not get there: crossterm's `poll` can spin forever once the terminal is
/// gone (crossterm-rs/crossterm#793), which is exactly when SIGHUP arrives.
fn watch_signals(stop: Arc<AtomicBool>, caught: Arc<AtomicI32>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        return; // The default action (ending the process) still applies.
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            caught.store(signal, Ordering::SeqCst);
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(600));
            restore();
            std::process::exit(128 + signal);
        }
    });
}

/// Restores the terminal before the panic message is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(test)]
#[path = "tui/form_screens_tests.rs"]
mod form_screens_tests;
#[cfg(test)]
mod property_tests;
#[cfg(test)]
#[path = "tui/screens_small_tests.rs"]
mod screens_small_tests;
#[cfg(test)]
#[path = "tui/screens_tests.rs"]
mod screens_tests;
#[cfg(test)]
#[path = "tui/views_screens_tests.rs"]
mod views_screens_tests;
