//! Character offsets into UTF-8 text turned into byte offsets, counting character starts eight bytes at a time.

/// Walks on from `from` (a character count and the byte where that character starts)
/// to character `index` (at or after `from`); returns it with its byte offset (the
/// text's length for the position just past the last character), or `None` past that.
///
/// A character starts at every byte that is not `0b10xx_xxxx`, so whole eight-byte
/// words are counted at once while they start no more characters than are left to pass.
pub fn walk(bytes: &[u8], from: (usize, usize), index: usize) -> Option<(usize, usize)> {
    let (mut c, mut b) = from;
    while let Some(word) = bytes
        .get(b..b + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
    {
        let w = u64::from_le_bytes(word);
        // Bit 7 of each byte that has bit 7 set and bit 6 clear: a continuation byte.
        let continuations = (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        let starts = 8 - continuations;
        if c + starts > index {
            break;
        }
        c += starts;
        b += 8;
    }
    loop {
        match bytes.get(b) {
            None => return (c == index).then_some((c, b)),
            Some(&x) if x & 0xC0 != 0x80 => {
                if c == index {
                    return Some((c, b));
                }
                c += 1;
            }
            Some(_) => {}
        }
        b += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::walk;
    use proptest::prelude::*;

    /// The byte offset of every character, and the length after the last.
    fn offsets(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect()
    }

    #[test]
    fn walks_over_mixed_widths() {
        let text = "Łódź, 12. Februar: «Пєсков» sagte 🙂 nichts";
        let want = offsets(text);
        for (index, &byte) in want.iter().enumerate() {
            assert_eq!(walk(text.as_bytes(), (0, 0), index), Some((index, byte)));
        }
        assert_eq!(walk(text.as_bytes(), (0, 0), want.len()), None);
    }

    proptest! {
        /// Walking on from any earlier character lands where `char_indices` says.
        #[test]
        fn lands_on_the_character_char_indices_gives(
            text in "[a-zäöüßéłżЁжщ🙂 ,.]{0,80}",
            picks in prop::collection::vec(0usize..100, 1..8),
        ) {
            let want = offsets(&text);
            let mut picks = picks;
            picks.sort_unstable();
            let mut from = (0, 0);
            for index in picks {
                match walk(text.as_bytes(), from, index) {
                    Some(found) => {
                        prop_assert_eq!(found, (index, want[index]));
                        from = found;
                    }
                    None => prop_assert!(index >= want.len()),
                }
            }
        }
    }
}
