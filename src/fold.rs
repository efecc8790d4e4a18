//! Case- and accent-insensitive text folding shared by text search and actor matching.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends `text` to `out` lowercased, without diacritics, with `ß` as `ss` and
/// control characters as spaces (so folded text never holds a line break).
pub fn fold_into(text: &str, out: &mut String) {
    let table = table();
    out.reserve(text.len());
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
        }
        // Then the characters up to the next printable ASCII one, each on its own.
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            let u = c as u32;
            if (0x20..0x7f).contains(&u) {
                end = i;
                break;
            }
            match table.get((u as usize).wrapping_sub(0x80)) {
                Some(Folded::One(f)) => out.push(*f),
                Some(Folded::Many(f)) => out.push_str(f),
                None if u < 0x80 => out.push(' '),
                None => fold_char_slow(c, out),
            }
        }
        rest = &rest[end..];
    }
}

/// Characters below this are folded through [`table`]: Latin-1, the Latin
/// extensions, Greek and Cyrillic, the scripts of most text we see.
const TABLE_END: u32 = 0x500;

/// How one character folds: most into one character, a few into several.
enum Folded {
    One(char),
    Many(Box<str>),
}

/// The folding of every character `\u{80}..TABLE_END`, built on first use.
fn table() -> &'static [Folded] {
    static TABLE: std::sync::OnceLock<Vec<Folded>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..TABLE_END)
            .map(|u| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_char_slow(c, &mut folded);
                }
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (Some(one), None) => Folded::One(one),
                    _ => Folded::Many(folded.into_boxed_str()),
                }
            })
            .collect()
    })
}

/// Appends one character folded (see [`fold_into`]).
#[cfg(test)]
fn fold_char_into(c: char, out: &mut String) {
    let u = c as u32;
    match table().get((u as usize).wrapping_sub(0x80)) {
        Some(Folded::One(f)) => out.push(*f),
        Some(Folded::Many(f)) => out.push_str(f),
        None => fold_char_slow(c, out),
    }
}

/// [`fold_char_into`] worked out from the Unicode tables.
fn fold_char_slow(c: char, out: &mut String) {
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

/// How a character of two UTF-8 bytes (U+0080 to U+07FF) folds: up to 7 bytes.
#[derive(Clone, Copy, Default)]
struct TwoByte {
    len: u8,
    bytes: [u8; 7],
}

/// [`TwoByte`] for every character U+0080..U+0800, built on first use.
fn two_byte_table() -> &'static [TwoByte] {
    static TABLE: std::sync::OnceLock<Vec<TwoByte>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x800u32)
            .map(|u| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_char_slow(c, &mut folded);
                }
                let mut entry = TwoByte::default();
                // Longer foldings (none in this range today) take the slow path.
                if folded.len() <= entry.bytes.len() {
                    entry.len = folded.len() as u8;
                    entry.bytes[..folded.len()].copy_from_slice(folded.as_bytes());
                } else {
                    entry.len = u8::MAX;
                }
                entry
            })
            .collect()
    })
}

/// How each ASCII byte folds: lowercase letters, control characters as spaces.
const ASCII: [u8; 128] = {
    let mut table = [b' '; 128];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// The eight bytes lowercased, if all are printable ASCII (else `None`).
fn lowercase_printable_ascii(chunk: &[u8]) -> Option<[u8; 8]> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk.try_into().ok()?);
    // Any byte of 0x80 or more, below 0x20, or 0x7f (each sets its byte's high bit).
    let control = x.wrapping_sub(0x20 * ONES) & !x;
    let delete = (x ^ (0x7f * ONES)).wrapping_sub(ONES) & !(x ^ (0x7f * ONES));
    if (x | control | delete) & HIGH != 0 {
        return None;
    }
    // High bit set where the byte is at least 'A', and where it is above 'Z'.
    let at_least_a = x + (0x80 - 0x41) * ONES;
    let above_z = x + (0x80 - 0x5b) * ONES;
    let upper = (at_least_a ^ above_z) & HIGH;
    Some((x | (upper >> 2)).to_le_bytes())
}

/// [`fold_into`] as bytes, about three times faster (one pass, no per-character
/// encoding for ASCII and two-byte characters: Latin, Greek, Cyrillic): for the
/// scans that fold every statement. The bytes are always valid UTF-8.
pub fn fold_bytes(text: &str, out: &mut Vec<u8>) {
    let table = two_byte_table();
    let b = text.as_bytes();
    out.reserve(b.len());
    let mut folded = String::new();
    let mut i = 0;
    while i < b.len() {
        // Eight printable ASCII bytes at a time, lowercased together.
        if let Some(chunk) = b.get(i..i + 8)
            && let Some(lower) = lowercase_printable_ascii(chunk)
        {
            out.extend_from_slice(&lower);
            i += 8;
            continue;
        }
        let lead = b[i];
        if lead < 0x80 {
            out.push(ASCII[lead as usize]);
            i += 1;
            continue;
        }
        if (0xC2..0xE0).contains(&lead)
            && let Some(&next) = b.get(i + 1)
        {
            let entry = table[((usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F)) - 0x80];
            if entry.len != u8::MAX {
                out.extend_from_slice(&entry.bytes[..usize::from(entry.len)]);
                i += 2;
                continue;
            }
        }
        // Three- and four-byte characters (and anything unusual): one at a time.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        folded.clear();
        fold_char_slow(c, &mut folded);
        out.extend_from_slice(folded.as_bytes());
        i += c.len_utf8();
    }
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
                super::fold_char_slow(c, &mut by_char);
            }
            assert_eq!(fold(text), by_char, "{text:?}");
        }
    }

    #[test]
    fn folding_bytes_equals_folding_text() {
        let mut all = String::new();
        for u in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut bytes = Vec::new();
            super::fold_bytes(c.encode_utf8(&mut [0; 4]), &mut bytes);
            assert_eq!(
                bytes,
                fold(c.encode_utf8(&mut [0; 4])).as_bytes(),
                "U+{u:04X}"
            );
            all.push(c);
        }
        let samples = [
            "Mixed: Ärger über «Straße» — ŁÓDŹ\r\n\u{1}end „Zitat“ ﬁ İstanbul",
            "ПЕСКОВ заявил: «Это неприемлемо»",
            &all,
        ];
        for text in samples {
            let mut bytes = Vec::new();
            super::fold_bytes(text, &mut bytes);
            assert_eq!(bytes, fold(text).as_bytes());
        }
    }

    #[test]
    fn folding_random_mixed_text_as_bytes_equals_folding_it() {
        let alphabet: Vec<char> = (0..0x80u8)
            .map(char::from)
            .chain("ÄäÖößÉéèœŁłПЕСКОВпесков„“«»—ﬁ\u{85}".chars())
            .collect();
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2000 {
            let text: String = (0..rng.usize(0..40))
                .map(|_| {
                    if rng.u8(0..4) == 0 {
                        alphabet[rng.usize(0..alphabet.len())]
                    } else {
                        char::from(rng.u8(b'0'..b'z'))
                    }
                })
                .collect();
            let mut bytes = Vec::new();
            super::fold_bytes(&text, &mut bytes);
            assert_eq!(bytes, fold(&text).as_bytes(), "{text:?}");
        }
    }

    #[test]
    fn the_table_folds_like_the_unicode_tables() {
        for u in 0..0x600u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let (mut fast, mut slow) = (String::new(), String::new());
            super::fold_char_into(c, &mut fast);
            super::fold_char_slow(c, &mut slow);
            assert_eq!(fast, slow, "U+{u:04X}");
        }
    }
}
