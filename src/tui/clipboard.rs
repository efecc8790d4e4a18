//! The terminal's clipboard: text sent as an OSC 52 sequence, which terminals (and tmux, and SSH sessions) pass to the system clipboard.

use base64::Engine;
use std::io::Write;

/// The OSC 52 sequence that sets the clipboard to `text`.
pub fn sequence(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Sends `text` to the clipboard through the terminal; a terminal without OSC 52
/// ignores it.
pub fn send(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(sequence(text).as_bytes());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_holds_the_text_in_base64() {
        let s = sequence("“Ja” — Kallas");
        assert!(s.starts_with("\x1b]52;c;") && s.ends_with('\x07'));
        let inner = &s["\x1b]52;c;".len()..s.len() - 1];
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(inner)
            .expect("base64");
        assert_eq!(String::from_utf8(decoded).expect("utf8"), "“Ja” — Kallas");
    }
}
