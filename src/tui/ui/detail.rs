//! The detail view: the statement inside its article paragraph with its span highlighted, then every field.

use super::link::Hyperlink;
use super::popup;
use super::theme::Theme;
use crate::tui::state::{DetailPage, State, detail};
use crate::tui::text::{clean, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, page: DetailPage, theme: &Theme) {
    let Some(id) = state.list.current() else {
        return;
    };
    let store = state.store;
    let s = store.statement(id);
    let title = format!(
        "Statement {} · {} of {}{}",
        clean(&s.key),
        state.list.cursor + 1,
        state.list.len(),
        if state.marks.contains(&id) {
            " · ● marked"
        } else {
            ""
        }
    );
    let inner = popup(frame, area, &title, theme);
    let runs = detail::paragraph(store, id);
    let mut lines = vec![super::paragraph_line(runs, theme), Line::default()];
    for (name, value) in detail::fields(store, id) {
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<w$}", w = detail::NAME_WIDTH), theme.title),
            Span::styled(value, theme.plain),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((page.scroll, 0)),
        inner,
    );
    link(frame, area, store.article(s.article).url, theme);
}

/// The article's URL on the bottom border, as a hyperlink the terminal can open (OSC 8).
fn link(frame: &mut Frame, area: Rect, url: Option<&str>, theme: &Theme) {
    let Some(url) = url else { return };
    if area.height < 3 || area.width < 12 {
        return;
    }
    let label = " open ↗ ";
    let room = area
        .width
        .saturating_sub(4 + label.chars().count() as u16 + 1);
    let shown = format!("{} ", truncate(&clean(url), room as usize));
    let y = area.bottom() - 1;
    let start = Rect::new(area.x + 2, y, label.chars().count() as u16, 1);
    frame.render_widget(Span::styled(label, theme.title), start);
    let at = Rect::new(
        start.right(),
        y,
        area.right().saturating_sub(start.right() + 1),
        1,
    );
    if let Some(linked) = Hyperlink::new(shown, theme.link, url) {
        frame.render_widget(linked, at);
    }
}
