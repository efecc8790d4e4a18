//! Case- and accent-insensitive text folding shared by text search and actor matching.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends `text` to `out` lowercased, without diacritics, with `ß` as `ss` and
/// control characters as spaces (so folded text never holds a line break).
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if let Some(plain) = without_decomposition(c) {
            out.push_str(plain);
            continue;
        }
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        });
    }
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
    }
}
