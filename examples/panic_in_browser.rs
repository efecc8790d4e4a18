//! Panics while holding the terminal as the browser does, for the end-to-end test that the terminal is restored and the message readable (a test-only program: `cargo test` builds it; the shipped binary has no such switch).

fn main() -> std::io::Result<()> {
    demarche::tui::with_terminal(|terminal| {
        terminal.draw(|frame| {
            frame.render_widget("demarche is about to panic", frame.area());
        })?;
        panic!("deliberate panic inside the browser");
    })
}
