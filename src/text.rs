//! Display-safe text for terminals and reports: control characters, bidi controls and other invisible format characters become spaces.
//!
//! Data comes from many hands. A control character can carry a terminal escape
//! sequence; a bidi override (U+202E) or isolate reorders what is shown, and a
//! zero-width character hides a difference (Trojan Source, CVE-2021-42574). The TUI,
//! the CLI tables and the Markdown export show text through [`clean`]; JSON and CSV
//! are data formats and keep every character as loaded.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// `text` with every unsafe character ([`is_unsafe`]) replaced by a space: one
/// character for one, so character offsets into the text still hold.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if is_unsafe(c) { ' ' } else { c })
        .collect()
}

/// Whether `c` must not be shown as it is: a control character (C0, DEL, C1) or a
/// format character (general category Cf: the bidi embeddings, overrides, isolates
/// and marks U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C; the zero-width U+200B–
/// U+200D, U+2060; the BOM U+FEFF; soft hyphen, tags and the like).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || (!c.is_ascii() && c.general_category() == GeneralCategory::Format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_controls_become_spaces() {
        assert_eq!(clean("a\u{1b}[2Jb\n"), "a [2Jb ");
        assert_eq!(clean("x\u{202E}y\u{9b}"), "x y ");
    }

    #[test]
    fn every_format_character_goes_and_visible_text_stays() {
        for c in [
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{FEFF}',
            '\u{061C}',
            '\u{2060}',
            '\u{00AD}',
            '\u{E0041}',
        ] {
            assert!(is_unsafe(c), "{:04X}", c as u32);
        }
        let visible = "Brüssel Песков 北京 مرحبا 🇪🇺 «»–—…";
        assert_eq!(clean(visible), visible);
        assert_eq!(clean("a\u{200B}b").chars().count(), 3, "one for one");
    }
}
