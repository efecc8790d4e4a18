//! The finder popups: fuzzy actor search with matched letters highlighted, and word search in statements.

use super::theme::Theme;
use super::{highlighted, popup};
use crate::tui::layout;
use crate::tui::state::{Purpose, State, highlight_positions};
use crate::tui::text::{clean, date_label, truncate};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the input line of a finder and puts the terminal cursor in it.
fn input_line(
    frame: &mut Frame,
    area: Rect,
    prompt: &str,
    text: &str,
    cursor: usize,
    theme: &Theme,
) {
    let line = Line::from(vec![
        Span::styled(prompt.to_string(), theme.key),
        Span::styled(clean(text), theme.plain),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let before: String = text.chars().take(cursor).collect();
    let x =
        area.x + crate::tui::text::width(prompt) as u16 + crate::tui::text::width(&before) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
}

fn body(frame: &mut Frame, screen: Rect, title: &str, theme: &Theme) -> (Rect, Rect, Rect) {
    let parts = layout::finder(screen);
    popup(frame, parts.popup, title, theme);
    (parts.input, parts.info, parts.list)
}

pub fn actors(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let f = &state.actor_finder;
    let (title, verb) = match f.purpose {
        Purpose::Jump => (
            "Find actor (name or alias; typos are fine)".to_string(),
            "jump",
        ),
        Purpose::Field(_) => (
            "Choose the actor (or make a new one: last row)".to_string(),
            "takes it",
        ),
        Purpose::Merge(from) => (
            format!(
                "Merge {} into… (its statements follow)",
                clean(&state.store.actor(from).name)
            ),
            "merge",
        ),
    };
    let (input, info, list) = body(frame, screen, &title, theme);
    input_line(frame, input, "/ ", f.input.text(), f.input.cursor(), theme);
    let summary = if f.input.text().trim().is_empty() {
        "Type part of a name, e.g. pskow".to_string()
    } else {
        format!(
            "{} match(es) · ↑↓ choose · Enter {verb} · Esc cancel",
            f.matches.len()
        )
    };
    frame.render_widget(Paragraph::new(Span::styled(summary, theme.dim)), info);
    let h = list.height as usize;
    let start = f.window_start(h);
    let lines: Vec<Line> = f
        .matches
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, m)| {
            let actor = state.store.actor(m.actor);
            let aliases = actor.aliases.len();
            let mut spans = vec![Span::styled(
                format!("{:>4} ", state.store.count_for(m.actor)),
                theme.count,
            )];
            if m.name == 0 {
                spans.extend(highlighted(
                    &actor.name,
                    &m.positions,
                    theme.plain,
                    theme.matched,
                ));
            } else {
                spans.push(Span::styled(clean(&actor.name), theme.plain));
                let (what, name) = if m.name <= aliases {
                    ("alias", actor.aliases[m.name - 1].as_str())
                } else {
                    ("id", actor.id.as_str())
                };
                spans.push(Span::styled(format!("  ({what}: "), theme.dim));
                spans.extend(highlighted(name, &m.positions, theme.dim, theme.matched));
                spans.push(Span::styled(")", theme.dim));
            }
            spans.push(Span::styled(format!("  {}", actor.kind), theme.kind));
            row(spans, i == f.cursor, theme)
        })
        .collect();
    let mut lines = lines;
    if f.offers_new() && lines.len() < h {
        let text = format!("   + new actor {:?}", clean(f.input.text().trim()));
        let spans = vec![Span::styled(text, theme.key)];
        lines.push(row(spans, f.cursor == f.matches.len(), theme));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

pub fn text(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let (input, info, list) = body(
        frame,
        screen,
        "Find statements by words (text or translation)",
        theme,
    );
    let f = &state.text_finder;
    input_line(
        frame,
        input,
        "words: ",
        f.input.text(),
        f.input.cursor(),
        theme,
    );
    let summary = if f.input.text().trim().is_empty() {
        format!(
            "Searches the {} visible statements",
            grouped(state.list.len())
        )
    } else {
        let ranking = match f.ranking {
            None => "ranking…".to_string(),
            Some(r) if !r.finished() => format!(
                "ranking {}% · {} fuzzy match(es)",
                r.percent(),
                grouped(r.matched)
            ),
            Some(r) => format!("{} fuzzy match(es), best first", grouped(r.matched)),
        };
        format!(
            "{} of {} contain it · {ranking} · Enter jump · Esc cancel",
            grouped(f.exact.len()),
            grouped(state.list.len())
        )
    };
    frame.render_widget(Paragraph::new(Span::styled(summary, theme.dim)), info);
    let w = list.width as usize;
    let query = f.input.text();
    let lines: Vec<Line> = f
        .hits
        .iter()
        .enumerate()
        .skip(f.offset)
        .take(list.height as usize)
        .map(|(i, &id)| {
            let store = state.store;
            let who = clean(&store.actor(store.parties_of(id).0).name);
            let mut hay = clean(store.text(id));
            let mut positions = highlight_positions(&hay, query);
            let mut english = false;
            if positions.is_empty()
                && let Some(t) = store.translation(id)
            {
                let in_translation = highlight_positions(&clean(t), query);
                if !in_translation.is_empty() {
                    hay = clean(t);
                    positions = in_translation;
                    english = true;
                }
            }
            // Show the text from a little before the match.
            let skip = positions.first().map_or(0, |p| p.saturating_sub(20));
            let shown: String = hay.chars().skip(skip).collect();
            let shifted: Vec<usize> = positions.iter().map(|p| p - skip).collect();
            let prefix = format!(
                "{:<13} {:<18} ",
                date_label(store.date(id)),
                truncate(&who, 18)
            );
            let lead = match (english, skip > 0) {
                (true, true) => "EN: …",
                (true, false) => "EN: ",
                (false, true) => "…",
                (false, false) => "",
            };
            let room = w.saturating_sub(crate::tui::text::width(&prefix) + lead.chars().count());
            let shown = truncate(&shown, room);
            let mut spans = vec![
                Span::styled(prefix, theme.dim),
                Span::styled(lead, theme.dim),
            ];
            spans.extend(highlighted(&shown, &shifted, theme.plain, theme.matched));
            row(spans, i == f.cursor, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// `1234567` as `1,234,567`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A result row, in the cursor's style when it is under the cursor.
fn row<'a>(spans: Vec<Span<'a>>, under_cursor: bool, theme: &Theme) -> Line<'a> {
    let line = Line::from(spans);
    if under_cursor {
        line.patch_style(theme.cursor)
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(super::grouped(0), "0");
        assert_eq!(super::grouped(999), "999");
        assert_eq!(super::grouped(1_000), "1,000");
        assert_eq!(super::grouped(1_234_567), "1,234,567");
    }
}
