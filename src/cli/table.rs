//! Plain-text tables for terminals and pipes: aligned columns, control and bidi characters removed.

use std::io::IsTerminal;
use unicode_width::UnicodeWidthStr;

/// `text` on one line, without control characters (no escape sequence reaches the
/// terminal) or bidi and zero-width format characters (nothing reordered or hidden).
pub use crate::text::clean;

/// The width to cut lines at: the terminal's when stdout is one, else none.
pub fn line_limit() -> Option<usize> {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().ok().map(|(w, _)| w as usize)
    } else {
        None
    }
}

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
    let columns = header.len();
    // Cleaned before measuring: a replaced character changes a cell's width.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(columns.saturating_sub(1)) {
            widths[i] = widths[i].max(cell.width().min(40));
        }
    }
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
