//! Text helpers shared by state and drawing: word wrapping, truncation, date labels (cleaning is the core's, `crate::text`).

use crate::date::DateSpec;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Untrusted text never reaches the terminal raw: no escape sequences, no reordered
/// or hidden display (see [`crate::text`]).
pub use crate::text::clean;

/// The display width of `text` after cleaning.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` display columns, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Word-wraps cleaned `text` to `width` columns; at most `max_lines` lines, the
/// last ending in `…` when text was left out. Words longer than a line are split.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut cut = false;
    for word in clean(text).split_whitespace() {
        let w = word.width();
        let needed = if used == 0 { w } else { used + 1 + w };
        if needed <= width {
            if used > 0 {
                line.push(' ');
            }
            line.push_str(word);
            used = needed;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used = w;
        } else {
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        if lines.len() > max_lines {
            cut = true;
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        cut = true;
    }
    if cut && let Some(last) = lines.last_mut() {
        let mut kept = String::new();
        let mut used = 0;
        for c in last.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            kept.push(c);
            used += w;
        }
        *last = format!("{kept}…");
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `2025-02-13`, `2025-02 ~`, `2025 ~`, `<2025-02-13`, `>2025-01-01`, or `?`:
/// imprecise dates never look like a day.
pub fn date_label(date: Option<DateSpec>) -> String {
    match date {
        None => "?".into(),
        Some(DateSpec::Day(d)) => d.format("%Y-%m-%d").to_string(),
        Some(DateSpec::Month { year, month }) => format!("{year:04}-{month:02} ~"),
        Some(DateSpec::Year(y)) => format!("{y:04} ~"),
        Some(DateSpec::Before(d)) => format!("<{}", d.format("%Y-%m-%d")),
        Some(DateSpec::After(d)) => format!(">{}", d.format("%Y-%m-%d")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_words_and_marks_cuts() {
        assert_eq!(wrap("aa bb cc", 5, 9), vec!["aa bb", "cc"]);
        assert_eq!(wrap("aa bb cc dd", 5, 1), vec!["aa b…"]);
        assert_eq!(wrap("abcdefg", 3, 9), vec!["abc", "def", "g"]);
    }

    #[test]
    fn wrapped_text_is_cleaned() {
        assert_eq!(wrap("a\u{202E}b\u{200B}c", 9, 9), vec!["a b c"]);
    }

    #[test]
    fn imprecise_dates_do_not_look_like_days() {
        let month = DateSpec::parse("2025-02").ok();
        assert_eq!(date_label(month), "2025-02 ~");
        let before = DateSpec::parse("before 2025-02-13").ok();
        assert_eq!(date_label(before), "<2025-02-13");
    }
}
