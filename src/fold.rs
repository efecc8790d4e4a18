//! Case- and accent-insensitive text folding shared by text search and actor matching.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends one character folded: lowercased, without diacritics, `ß` as `ss`, a
/// control character as a space (so folded text never holds a line break). The
/// reference every faster path is tested against.
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

/// The eight bytes lowercased, and how many of them, from the first, are printable
/// ASCII: only those are valid in the result (the count is 8 when all are).
fn lowercase_ascii_prefix(chunk: [u8; 8]) -> ([u8; 8], usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk);
    // Any byte of 0x80 or more, below 0x20, or 0x7f (each sets its byte's high bit).
    // Carries and borrows only run towards later bytes, and the printable bytes before
    // the first flagged one cause none, so that byte and all before it are exact.
    let control = x.wrapping_sub(0x20 * ONES) & !x;
    let delete = (x ^ (0x7f * ONES)).wrapping_sub(ONES) & !(x ^ (0x7f * ONES));
    let flagged = (x | control | delete) & HIGH;
    let printable = (flagged.trailing_zeros() / 8) as usize;
    // High bit set where the byte is at least 'A', and where it is above 'Z'.
    let at_least_a = x.wrapping_add((0x80 - 0x41) * ONES);
    let above_z = x.wrapping_add((0x80 - 0x5b) * ONES);
    let upper = (at_least_a ^ above_z) & HIGH;
    ((x | (upper >> 2)).to_le_bytes(), printable)
}

/// Appends `text` folded (see [`fold_char_slow`]) to `out` as bytes, in one pass:
/// runs of printable ASCII eight bytes at a time, two-byte characters (Latin, Greek, Cyrillic) from a
/// table, the rest one by one. The bytes are always valid UTF-8.
pub fn fold_bytes(text: &str, out: &mut Vec<u8>) {
    let table = two_byte_table();
    let b = text.as_bytes();
    out.reserve(b.len());
    let mut folded = String::new();
    let mut i = 0;
    while i < b.len() {
        // Printable ASCII eight bytes at a time, lowercased together, up to the first
        // byte that is not (which the code below takes on its own).
        if let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let (lower, printable) = lowercase_ascii_prefix(chunk);
            // All eight copied (a fixed-size copy), the invalid tail cut off again.
            let end = out.len() + printable;
            out.extend_from_slice(&lower);
            if printable == 8 {
                i += 8;
                continue;
            }
            out.truncate(end);
            i += printable;
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
                // A fixed-size copy, then the unused bytes cut off.
                let end = out.len() + usize::from(entry.len);
                out.extend_from_slice(&entry.bytes);
                out.truncate(end);
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
    let mut out = Vec::with_capacity(text.len());
    fold_bytes(text, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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

    /// The reference: `text` folded one character at a time.
    fn by_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            super::fold_char_slow(c, &mut out);
        }
        out
    }

    #[test]
    fn every_character_folds_like_the_unicode_tables() {
        let mut all = String::new();
        for u in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let text = c.encode_utf8(&mut [0; 4]).to_string();
            assert_eq!(fold(&text), by_char(&text), "U+{u:04X}");
            all.push(c);
        }
        assert_eq!(fold(&all), by_char(&all));
    }

    #[test]
    fn the_ascii_prefix_stops_at_the_first_byte_that_is_not_printable_ascii() {
        for position in 0..8 {
            for value in 0..=255u8 {
                let mut chunk = *b"AbZz@[`{";
                chunk[position] = value;
                let (lower, printable) = super::lowercase_ascii_prefix(chunk);
                let expected = if (0x20..0x7f).contains(&value) {
                    8
                } else {
                    position
                };
                assert_eq!(printable, expected, "{value:#x} at {position}");
                let want: Vec<u8> = chunk[..printable]
                    .iter()
                    .map(u8::to_ascii_lowercase)
                    .collect();
                assert_eq!(&lower[..printable], &want[..], "{value:#x} at {position}");
            }
        }
    }

    #[test]
    fn mixed_text_folds_like_single_characters() {
        let samples = [
            "Plain ASCII, with Punctuation!",
            "Mixed: Ärger über «Straße» — ŁÓDŹ\r\n\u{1}end „Zitat“",
            "\u{7f}\u{80}\u{9f}\u{a0}ﬁ İstanbul ǅ",
            "ПЕСКОВ заявил: «Это неприемлемо»",
            "",
        ];
        for text in samples {
            assert_eq!(fold(text), by_char(text), "{text:?}");
        }
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
            assert_eq!(fold(&text), by_char(&text), "{text:?}");
        }
    }
}
