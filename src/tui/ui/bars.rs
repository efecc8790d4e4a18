//! The one-line bars: the filter bar on top (with its error inline), the status line and the key footer.

use super::theme::Theme;
use crate::diagnostic::tally;
use crate::tui::keymap;
use crate::tui::state::{Overlay, State};
use crate::tui::text::{clean, truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn filter(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let editing = state.overlay == Some(Overlay::Filter);
    let bar = &state.filter;
    let text = clean(bar.input.text());
    // While a run goes on in the background, the count is still the last result's.
    let running = if bar.running.is_some() {
        "filtering… "
    } else {
        ""
    };
    let count = format!(
        " {running}{}/{} ",
        state.list.filtered.len(),
        state.store.len()
    );
    let label = if editing { " Filter › " } else { " Filter: " };
    let mut spans = vec![Span::styled(label, theme.title)];
    if text.is_empty() && !editing {
        spans.push(Span::styled("(none; press f)", theme.dim));
    } else if text.is_empty() {
        let keys: Vec<&str> = crate::filter::KEYS.iter().map(|(k, _)| *k).collect();
        spans.push(Span::styled(
            format!(
                "e.g. actor:peskov mode:direct since:2025-02-01, or words · keys: {}",
                keys.join(" ")
            ),
            theme.dim,
        ));
    } else {
        match &bar.error {
            Some(e) => {
                let raw = bar.input.text();
                let start = raw.get(..e.start).map_or(0, |s| s.chars().count());
                let end = raw.get(..e.end).map_or(start, |s| s.chars().count());
                let chars: Vec<char> = text.chars().collect();
                let part = |a: usize, b: usize| {
                    chars[a.min(chars.len())..b.min(chars.len())]
                        .iter()
                        .collect::<String>()
                };
                spans.push(Span::styled(part(0, start), theme.plain));
                spans.push(Span::styled(
                    part(start, end.max(start + 1)),
                    theme
                        .error
                        .add_modifier(ratatui::style::Modifier::UNDERLINED),
                ));
                spans.push(Span::styled(
                    part(end.max(start + 1), chars.len()),
                    theme.plain,
                ));
                let applied = bar.applied_label();
                spans.push(Span::styled(
                    format!("  ✗ still showing `{applied}`: {}", clean(&e.message)),
                    theme.error,
                ));
            }
            None => spans.push(Span::styled(text.clone(), theme.plain)),
        }
    }
    let room = (area.width as usize).saturating_sub(width(&count));
    let line = fit_spans(spans, room);
    frame.render_widget(Paragraph::new(line), area);
    let x = area.x + area.width.saturating_sub(width(&count) as u16);
    frame
        .buffer_mut()
        .set_string(x, area.y, &count, theme.count);
    if editing {
        let before: String = text.chars().take(bar.input.cursor()).collect();
        let cx = area.x + (label.len() as u16 - 2) + width(&before) as u16;
        frame.set_cursor_position(Position::new(
            cx.min(area.right().saturating_sub(1)),
            area.y,
        ));
    }
}

/// Cuts a line of spans to `room` columns.
pub(crate) fn fit_spans(spans: Vec<Span<'static>>, room: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for s in spans {
        let w = width(&s.content);
        if used + w <= room {
            used += w;
            out.push(s);
        } else {
            let cut = truncate(&s.content, room.saturating_sub(used));
            out.push(Span::styled(cut, s.style));
            break;
        }
    }
    Line::from(out)
}

pub fn status(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let (errors, warnings) = tally(state.diagnostics);
    let mut right = format!("{}/{} shown", state.list.len(), state.store.len());
    if let Some(dates) = state.filter.dates {
        right.push_str(&dates_note(dates));
    }
    right.push_str(&format!(" · {} marked", state.marks.len()));
    if errors + warnings > 0 {
        right.push_str(&format!(" · ⚠ {} load problem(s) (!)", errors + warnings));
    }
    let right = format!(" {right} ");
    let room = (area.width as usize).saturating_sub(width(&right));
    let (text, style) = match &state.status {
        Some(s) => (clean(&s.text), if s.error { theme.error } else { theme.ok }),
        None if !state.diagnostics.is_empty() => (
            format!(
                "{} load problem(s): ! shows them · ? for help",
                state.diagnostics.len()
            ),
            theme.error,
        ),
        None => ("Ready. ? for help".to_string(), theme.dim),
    };
    let left = fit_spans(vec![Span::styled(format!(" {text}"), style)], room);
    frame.render_widget(Paragraph::new(left), area);
    let x = area.x + area.width.saturating_sub(width(&right) as u16);
    frame
        .buffer_mut()
        .set_string(x, area.y, &right, theme.title);
}

/// Which reading of `since:`/`until:` is in force, and what the other would add.
fn dates_note(dates: crate::tui::action::Dates) -> String {
    use crate::filter::DateMode;
    match (dates.mode, dates.possible_more) {
        (DateMode::Certain, Some(more)) if more > 0 => {
            format!(" · dates certain, +{more} possible")
        }
        (DateMode::Certain, _) => " · dates certain".into(),
        (DateMode::Possible, _) => " · dates possible".into(),
    }
}

pub fn footer(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (key, label) in keymap::footer(state.context()) {
        let (key, label) = (format!(" {key}"), format!(" {label} "));
        // Whole hints only: a narrow terminal shows fewer keys, never half of one.
        used += width(&key) + width(&label);
        if used > area.width as usize {
            break;
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(label, theme.label));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
