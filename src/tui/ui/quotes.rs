//! The quotes pane widget: one card per statement (date, mode, speaker "for" principal, wrapped text), visible cards only.

use super::theme::Theme;
use super::{pane, quoted};
use crate::model::Mode;
use crate::model::Provenance;
use crate::tui::layout;
use crate::tui::state::quotes::{HEAD, speaker_label, topics_fit_beside, topics_label};
use crate::tui::state::{Focus, State, card_lines};
use crate::tui::text::{clean, date_label, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.has_keys(Focus::Quotes);
    let store = state.store;
    let who = match state.actors.selected() {
        Some(a) => clean(&store.actor(a).name),
        None => "all actors".to_string(),
    };
    let position = match state.list.current() {
        Some(_) => format!("{} of {}", state.list.cursor + 1, state.list.len()),
        None => "0".to_string(),
    };
    let title = format!("Quotes · {who} · {position}");
    frame.render_widget(pane(title, focused, theme), area);
    let inner = layout::inner(area);
    if state.list.ids.is_empty() {
        let why = if store.is_empty() {
            "No statements loaded. Run `demarche check PATH` to see why, or open other files."
        } else {
            "No statement matches. Press F to clear the filter or a for all actors."
        };
        frame.render_widget(
            Paragraph::new(why)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    for i in state.quotes.offset..state.list.len() {
        if lines.len() >= inner.height as usize {
            break;
        }
        let id = state.list.ids[i];
        // One field at a time from the store's columns: no record built per row and frame.
        let (date, mode) = (store.date(id), store.mode(id));
        let is_cursor = i == state.list.cursor;
        let mark = if state.marks.contains(&id) {
            "● "
        } else {
            "  "
        };
        let date_style = if date.is_some_and(|d| d.is_precise()) {
            theme.date
        } else {
            theme.date_imprecise
        };
        let width_all = inner.width as usize;
        let speaker = truncate(&speaker_label(store, id), width_all.saturating_sub(HEAD));
        // Topics right-aligned beside the speaker when they fit whole, else on their own lines.
        let mut topics = if topics_fit_beside(store, id, inner.width) {
            topics_label(store, id)
        } else {
            String::new()
        };
        // A statement a machine found and nobody reviewed says so, in words.
        if let Some(o) = store
            .origin(id)
            .filter(|o| o.provenance == Provenance::Auto)
        {
            let sure = o.confidence.map_or(String::new(), |c| format!(" {c:.2}"));
            topics = format!("{topics} [auto{sure}]").trim_start().to_string();
        }
        let gap = width_all.saturating_sub(HEAD + width(&speaker) + width(&topics));
        let mut header = Line::from(vec![
            Span::styled(mark, theme.mark),
            Span::styled(format!("{:<13}", date_label(date)), date_style),
            Span::styled(format!("{:<11}", mode.as_str()), theme.kind),
            Span::styled(speaker, theme.speaker),
            Span::raw(" ".repeat(gap)),
            Span::styled(topics, theme.kind),
        ]);
        if is_cursor {
            header = header.patch_style(if focused {
                theme.cursor
            } else {
                theme.cursor_unfocused
            });
        }
        lines.push(header);
        let card = card_lines(store, id, inner.width, state.translation);
        let gutter = if is_cursor { "▎ " } else { "  " };
        for t in card.topics {
            lines.push(Line::from(vec![
                Span::styled(gutter, theme.border_focused),
                Span::styled(t, theme.kind),
            ]));
        }
        let style = theme.mode(mode);
        let mut inside = false;
        for t in card.text {
            let mut line = if mode == Mode::Mixed {
                quoted(&t, style, theme.quoted_fragment, &mut inside)
            } else {
                Line::from(Span::styled(t, style))
            };
            line.spans
                .insert(0, Span::styled(gutter, theme.border_focused));
            lines.push(line);
        }
        for t in card.english {
            lines.push(Line::from(vec![
                Span::styled(gutter, theme.border_focused),
                Span::styled(t, theme.dim),
            ]));
        }
        lines.push(Line::default());
    }
    lines.truncate(inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}
