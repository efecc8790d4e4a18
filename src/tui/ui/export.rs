//! The export dialog popup: what will be written, the format choice, the path field, the overwrite question.

use super::popup;
use super::theme::Theme;
use crate::export::Format;
use crate::tui::layout;
use crate::tui::state::{Scope, State};
use crate::tui::text::{clean, truncate, width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let area = layout::popup(screen, 60, 9);
    let inner = popup(frame, area, "Export", theme);
    let d = &state.export;
    let what = match d.scope {
        Scope::Marked(n) => format!("Exports the {n} marked statement(s)."),
        Scope::Visible(n) => {
            format!("No statements are marked: exports the {n} visible statement(s).")
        }
    };
    let mut formats = vec![Span::styled("Format  ", theme.title)];
    for f in Format::ALL {
        let style = if f == d.format {
            theme.cursor
        } else {
            theme.dim
        };
        formats.push(Span::styled(format!(" {} ", f.label()), style));
        formats.push(Span::raw(" "));
    }
    formats.push(Span::styled("(Tab)", theme.dim));
    let path = clean(d.path.text());
    let room = (inner.width as usize).saturating_sub(8);
    let mut lines = vec![
        Line::from(Span::styled(what, theme.plain)),
        Line::default(),
        Line::from(formats),
        Line::from(vec![
            Span::styled("Path    ", theme.title),
            Span::styled(truncate(&path, room), theme.plain),
        ]),
        Line::default(),
    ];
    if d.confirming {
        lines.push(Line::from(Span::styled(
            "The file exists. Overwrite it? y = overwrite, n = keep it",
            theme.error,
        )));
    } else {
        lines.push(Line::from(vec![
            Span::styled("Enter", theme.key),
            Span::styled(" write atomically  ", theme.plain),
            Span::styled("Esc", theme.key),
            Span::styled(" cancel (marks kept)", theme.plain),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if !d.confirming {
        let before: String = d.path.text().chars().take(d.path.cursor()).collect();
        let x = inner.x + 8 + width(&before) as u16;
        let y = inner.y + 3;
        if y < inner.bottom() {
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
}
