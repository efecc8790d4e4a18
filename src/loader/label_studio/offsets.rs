//! Label Studio offsets: UTF-16 code units in practice, code points from other tools; the one that holds `value.text` wins.

/// `start..end` as characters, trying UTF-16 code units (what Label Studio's
/// JavaScript counts) first, then code points, and keeping the one that holds `text`.
pub fn char_range(
    chars: &[char],
    start: usize,
    end: usize,
    text: Option<&str>,
) -> Result<(usize, usize), String> {
    let mut utf16 = Vec::with_capacity(chars.len() + 1);
    let mut unit = 0;
    for c in chars {
        utf16.push(unit);
        unit += c.len_utf16();
    }
    utf16.push(unit);
    let from_utf16 = |u: usize| utf16.binary_search(&u).ok();
    let slice = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
    let as_utf16 = from_utf16(start)
        .zip(from_utf16(end))
        .filter(|(s, e)| s <= e);
    let as_chars = Some((start, end)).filter(|&(s, e)| s <= e && e <= chars.len());
    let Some(text) = text else {
        return as_utf16.or(as_chars).ok_or_else(|| {
            format!(
                "start/end {start}..{end} lie outside the text ({} characters)",
                chars.len()
            )
        });
    };
    for range in [as_utf16, as_chars].into_iter().flatten() {
        if slice(range) == text {
            return Ok(range);
        }
    }
    let shown = |r: Option<(usize, usize)>| {
        r.map_or("nothing (out of range)".to_string(), |r| {
            format!("{:?}", slice(r))
        })
    };
    Err(format!(
        "start/end {start}..{end} hold {} counted in UTF-16 units and {} counted in characters, but value.text is {text:?}",
        shown(as_utf16),
        shown(as_chars)
    ))
}

#[cfg(test)]
mod tests {
    use super::char_range;

    #[test]
    fn utf16_offsets_are_preferred_when_they_hold_the_text() {
        let chars: Vec<char> = "🙂 „Ja“".chars().collect();
        // 🙂 is two UTF-16 units: "Ja" is units 4..6 and characters 3..5.
        assert_eq!(char_range(&chars, 4, 6, Some("Ja")), Ok((3, 5)));
        assert_eq!(char_range(&chars, 3, 5, Some("Ja")), Ok((3, 5)));
        assert!(char_range(&chars, 0, 1, Some("Ja")).is_err());
    }
}
