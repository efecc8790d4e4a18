//! Plain-text tables for terminals and pipes: aligned columns, control and bidi characters removed.

use unicode_width::UnicodeWidthStr;

/// `text` on one line, without control characters (no escape sequence reaches the
/// terminal) or bidi and zero-width format characters (nothing reordered or hidden).
pub use crate::text::clean;

/// `text` cut to `width` display columns (with `…`), or padded to it.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width.saturating_sub(1)
            && used + w + remaining_width(text, out.len() + c.len_utf8()) > width
        {
            out.push('…');
            used += 1;
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

fn remaining_width(text: &str, from: usize) -> usize {
    text.get(from..).map_or(0, UnicodeWidthStr::width)
}

/// Rows of cells as aligned columns; the last column is never padded and is
/// cut at `limit` display columns when given.
pub fn render(header: &[&str], rows: &[Vec<String>], limit: Option<usize>) -> Vec<String> {
    let rows = cleaned(rows);
    let widths = widths(header, &rows);
    lines(header, rows, &widths, limit)
}

/// Like [`render`], but a last cell longer than the line is wrapped at spaces onto
/// continuation lines (earlier cells blank) instead of cut, when the line leaves it
/// room enough to be read; otherwise cut as [`render`] does.
pub fn render_wrapped(header: &[&str], rows: &[Vec<String>], limit: Option<usize>) -> Vec<String> {
    let rows = cleaned(rows);
    let widths = widths(header, &rows);
    let prefix: usize = widths[..widths.len().saturating_sub(1)]
        .iter()
        .map(|w| w + 2)
        .sum();
    let room = match limit {
        Some(max) if max >= prefix + 20 => max - prefix,
        _ => return lines(header, rows, &widths, limit),
    };
    let mut wrapped = Vec::with_capacity(rows.len());
    for mut row in rows {
        let Some(last) = row.pop() else { continue };
        for (i, part) in wrap_words(&last, room).into_iter().enumerate() {
            let mut line = if i == 0 {
                row.clone()
            } else {
                vec![String::new(); row.len()]
            };
            line.push(part);
            wrapped.push(line);
        }
    }
    lines(header, wrapped, &widths, limit)
}

/// `text` broken into parts of at most `width` display columns: between list items
/// (after `, `) where possible, else at spaces (a word longer than that stands alone
/// and is cut later).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut parts = vec![String::new()];
    let items: Vec<&str> = text.split_inclusive(", ").collect();
    for item in items {
        let current = parts.last_mut().expect("one part");
        let item_width = item.trim_end().width();
        if current.width() + item_width <= width {
            current.push_str(item);
        } else if item_width <= width {
            parts.push(item.to_string());
        } else {
            for word in item.split(' ').filter(|w| !w.is_empty()) {
                let current = parts.last_mut().expect("one part");
                if current.is_empty() || current.trim_end().width() + 1 + word.width() <= width {
                    if !current.is_empty() && !current.ends_with(' ') {
                        current.push(' ');
                    }
                    current.push_str(word);
                } else {
                    parts.push(word.to_string());
                }
            }
            parts.last_mut().expect("one part").push(' ');
        }
    }
    parts.iter().map(|p| p.trim_end().to_string()).collect()
}

/// Cells cleaned before measuring: a replaced character changes a cell's width.
fn cleaned(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect()
}

/// Each column's width: its widest cell, at most 40 columns; the last is not padded.
fn widths(header: &[&str], rows: &[Vec<String>]) -> Vec<usize> {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns.saturating_sub(1)) {
            widths[i] = widths[i].max(cell.width().min(40));
        }
    }
    widths
}

fn lines(
    header: &[&str],
    rows: Vec<Vec<String>>,
    widths: &[usize],
    limit: Option<usize>,
) -> Vec<String> {
    let columns = header.len();
    let line = |cells: Vec<String>| -> String {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 < columns {
                out.push_str(&fit(cell, widths[i]));
                out.push_str("  ");
            } else {
                out.push_str(cell);
            }
        }
        match limit {
            Some(max) if out.width() > max => fit(&out, max).trim_end().to_string(),
            _ => out.trim_end().to_string(),
        }
    };
    let mut lines = vec![line(header.iter().map(|h| h.to_string()).collect())];
    lines.extend(rows.into_iter().map(line));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(last: &str) -> Vec<Vec<String>> {
        vec![vec!["talks".to_string(), last.to_string()]]
    }

    #[test]
    fn a_long_last_cell_wraps_between_items_under_its_column() {
        let cell = "Anna Alpha (1), Bert Beta (22), Carla Gamma (3), Dora Delta (4)";
        let lines = render_wrapped(&["TOPIC", "ACTORS"], &rows(cell), Some(40));
        assert_eq!(
            lines,
            [
                "TOPIC  ACTORS",
                "talks  Anna Alpha (1), Bert Beta (22),",
                "       Carla Gamma (3), Dora Delta (4)",
            ]
        );
        assert!(lines.iter().all(|l| l.width() <= 40));
    }

    #[test]
    fn an_item_wider_than_the_column_breaks_at_spaces_and_nothing_is_lost() {
        let cell = "a very long single item that cannot fit in one line at all, x (1)";
        let lines = render_wrapped(&["TOPIC", "ACTORS"], &rows(cell), Some(30));
        assert!(lines.iter().all(|l| l.width() <= 30), "{lines:?}");
        let joined: Vec<&str> = lines[1..]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect();
        assert_eq!(joined.join(" "), format!("talks {cell}"));
    }

    #[test]
    fn without_room_or_a_limit_the_cell_is_cut_or_kept_whole() {
        let cell = "Anna Alpha (1), Bert Beta (22), Carla Gamma (3)";
        assert_eq!(
            render_wrapped(&["TOPIC", "ACTORS"], &rows(cell), None)[1],
            format!("talks  {cell}")
        );
        let narrow = render_wrapped(&["TOPIC", "ACTORS"], &rows(cell), Some(20));
        assert_eq!(narrow.len(), 2);
        assert!(
            narrow[1].ends_with('…') && narrow[1].width() <= 20,
            "{narrow:?}"
        );
    }
}
