//! Case- and accent-insensitive text folding shared by text search and actor matching.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends `text` to `out` lowercased, without diacritics, with `ß` as `ss` and
/// control characters as spaces (so folded text never holds a line break).
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // A run of printable ASCII only needs lowercasing: copy it whole.
        let run = rest
            .bytes()
            .position(|b| !(0x20..0x7f).contains(&b))
            .unwrap_or(rest.len());
        if run > 0 {
            let start = out.len();
            out.push_str(&rest[..run]);
            out[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char_into(c, out);
        }
        rest = chars.as_str();
    }
}

/// Appends one character folded (see [`fold_into`]).
fn fold_char_into(c: char, out: &mut String) {
    if c.is_control() {
        out.push(' ');
        return;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(plain) = without_decomposition(c) {
        out.push_str(plain);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                out.push(l);
            }
        }
    });
}

/// Letters that carry a diacritic but have no Unicode decomposition.
fn without_decomposition(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        _ => return None,
    })
}

/// `text` folded into a new string.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_sharp_s() {
        assert_eq!(fold("Sébastien LECORNU"), "sebastien lecornu");
        assert_eq!(fold("Außenministerium"), "aussenministerium");
        assert_eq!(fold("Radosław"), "radoslaw");
        assert_eq!(fold("Brüssel"), "brussel");
        assert_eq!(fold("ПЕСКОВ"), "песков");
        assert_eq!(fold("A\tB\nÉ\u{85}x\u{7f}Z"), "a b e x z");
    }

    #[test]
    fn bulk_ascii_runs_fold_like_single_characters() {
        let samples = [
            "Plain ASCII, with Punctuation!",
            "Mixed: Ärger über «Straße» — ŁÓDŹ\r\n\u{1}end",
            "\u{7f}\u{80}\u{9f}\u{a0}ﬁ İstanbul ǅ",
            "",
        ];
        for text in samples {
            let mut by_char = String::new();
            for c in text.chars() {
                super::fold_char_into(c, &mut by_char);
            }
            assert_eq!(fold(text), by_char, "{text:?}");
        }
    }
}
