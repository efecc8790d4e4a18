//! The timeline pane widget: bars per period (imprecise shares drawn apart), the cursor's period marked, the list below.

use super::pane;
use super::theme::Theme;
use crate::tui::layout;
use crate::tui::state::{Focus, State, Zoom};
use crate::tui::text::{clean, date_label, truncate};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

fn period_label(zoom: Zoom, start: Option<chrono::NaiveDate>) -> String {
    let Some(d) = start else {
        return "?".into();
    };
    match zoom {
        Zoom::Day => d.format("%Y-%m-%d").to_string(),
        Zoom::Week => d.format("wk %Y-%m-%d").to_string(),
        Zoom::Month => d.format("%Y-%m").to_string(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.has_keys(Focus::Timeline);
    let t = &state.timeline;
    let title = format!(
        "Timeline · by {} · {} statements · ░ {} imprecise · {} undated",
        t.zoom.label(),
        state.list.len(),
        t.imprecise,
        t.undated
    );
    let parts = layout::timeline_parts(layout::inner(area));
    let scale = scale(
        state,
        parts.bars.width,
        area.width.saturating_sub(2) as usize,
    );
    let block = pane(title, focused, theme).title_bottom(Span::styled(scale, theme.dim));
    frame.render_widget(block, area);
    bars(frame.buffer_mut(), parts.bars, parts.axis, state, theme);
    list(frame, parts.list, state, theme, focused);
}

/// The chart's scale (its tallest bar) and the count of the cursor's period: dated to
/// it exactly, and the shares of imprecise dates that may fall in it. Whole parts
/// only, as many as fit in `room` columns.
fn scale(state: &State, width: u16, room: usize) -> String {
    let t = &state.timeline;
    let cursor = state.cursor_bin();
    let window = t.window(cursor, width);
    if window.count == 0 {
        return String::new();
    }
    let tallest = t.peak(window.start, window.start + window.count);
    let mut parts = vec![format!("tallest bar {}", count(tallest))];
    if let Some((i, b)) = cursor.and_then(|i| Some((i, *t.bins.get(i)?))) {
        let label = period_label(t.zoom, t.zoom.start(t.first + i as i64));
        parts.push(format!(" · ▲ {label}: {} exact", b.exact));
        if b.spread > 0.0 {
            parts.push(format!(", {} spread ░", count(b.spread)));
        }
    }
    let mut text = String::new();
    for part in parts {
        if crate::tui::text::width(&text) + crate::tui::text::width(&part) + 2 > room {
            break;
        }
        text.push_str(&part);
    }
    if text.is_empty() {
        text
    } else {
        format!(" {text} ")
    }
}

/// A count that may hold shares of imprecise dates: whole, else rounded and marked
/// `≈` (statements are counted, not measured: "11.6 statements" reads as a fault).
fn count(n: f32) -> String {
    if (n - n.round()).abs() < 0.05 {
        format!("{}", n.round() as u64)
    } else {
        format!("≈{}", n.round().max(1.0) as u64)
    }
}

fn bars(buf: &mut Buffer, area: Rect, axis: Rect, state: &State, theme: &Theme) {
    let t = &state.timeline;
    let cursor = state.cursor_bin();
    let window = t.window(cursor, area.width);
    if window.count == 0 {
        return;
    }
    let shown = &t.bins[window.start..window.start + window.count];
    let max = t.peak(window.start, window.start + window.count);
    if max <= 0.0 {
        return;
    }
    let cw = window.column_width;
    let bar_w = if cw >= 3 { cw - 1 } else { cw };
    let h = area.height as usize;
    let range = state
        .list
        .current()
        .and_then(|id| t.bins_of(state.store, id));
    let last = window.start + window.count - 1;
    for (i, bin) in shown.iter().enumerate() {
        let index = window.start + i;
        let on_cursor = range.is_some_and(|(a, b)| index >= a && index <= b);
        let scale = (h * 8) as f32 / max;
        let mut total = (bin.total() * scale).round() as usize;
        if bin.total() > 0.0 {
            total = total.max(1);
        }
        let exact = ((bin.exact as f32) * scale).round() as usize;
        let x0 = area.x + i as u16 * cw;
        for r in 0..h {
            let filled = total.saturating_sub(r * 8).min(8);
            let (symbol, style) = if filled == 0 {
                if !on_cursor || r + 1 < h {
                    if on_cursor {
                        continue;
                    }
                    break;
                }
                // The cursor's periods, marked above their bars with what no bar is
                // drawn with (so that without colour it does not read as a count):
                // filled for an exact date, hollow for an imprecise one.
                let exact_cursor = range.is_some_and(|(a, b)| a == b);
                (if exact_cursor { "▼" } else { "▽" }, theme.bar_cursor)
            } else if r * 8 >= exact {
                (
                    "░",
                    if on_cursor {
                        theme.bar_cursor
                    } else {
                        theme.bar_imprecise
                    },
                )
            } else {
                (
                    EIGHTHS[filled],
                    if on_cursor {
                        theme.bar_cursor
                    } else {
                        theme.bar
                    },
                )
            };
            let y = area.y + (h - 1 - r) as u16;
            for dx in 0..bar_w {
                buf[(x0 + dx, y)].set_symbol(symbol).set_style(style);
            }
        }
    }
    // The axis: the first and last period shown, and the cursor's period under its bar.
    let left = period_label(t.zoom, t.zoom.start(t.first + window.start as i64));
    let right = period_label(t.zoom, t.zoom.start(t.first + last as i64));
    let mut taken = vec![false; axis.width as usize];
    let mut put = |x: u16, text: &str, style, buf: &mut Buffer| {
        let (a, b) = (x as usize, x as usize + text.chars().count());
        if b > taken.len() || taken[a..b].iter().any(|&t| t) {
            return;
        }
        taken[a..b].iter_mut().for_each(|t| *t = true);
        buf.set_string(axis.x + x, axis.y, text, style);
    };
    if let (Some(a), Some(id)) = (cursor, state.list.current()) {
        let a = a.clamp(window.start, last);
        let date = crate::tui::state::date_of(state.store, id);
        let label = format!("▲{}", date_label(date));
        let x = (a - window.start) as u16 * cw;
        let x = x.min(axis.width.saturating_sub(label.chars().count() as u16));
        put(x, &label, theme.bar_cursor, buf);
    }
    put(0, &left, theme.dim, buf);
    if window.count > 1 {
        let x = axis.width.saturating_sub(right.chars().count() as u16);
        put(x, &right, theme.dim, buf);
    }
}

fn list(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, focused: bool) {
    if area.height == 0 {
        return;
    }
    let store = state.store;
    let rows = (state.timeline.offset..state.list.len()).take(area.height as usize);
    let lines: Vec<Line> = rows
        .map(|i| {
            let id = state.list.ids[i];
            let mark = if state.marks.contains(&id) {
                "●"
            } else {
                " "
            };
            let who = clean(&store.actor(store.parties_of(id).0).name);
            let text = clean(store.text(id));
            let rest = format!("{who}: {text}");
            let rest = truncate(&rest, (area.width as usize).saturating_sub(15));
            let mut line = Line::from(vec![
                Span::styled(mark, theme.mark),
                Span::styled(format!("{:<13} ", date_label(store.date(id))), theme.date),
                Span::styled(rest, theme.plain),
            ]);
            if i == state.list.cursor {
                line = line.patch_style(if focused {
                    theme.cursor
                } else {
                    theme.cursor_unfocused
                });
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
