//! The copy prompt popup: why the corpus is copied, the folder field, its keys.

use super::popup;
use super::theme::Theme;
use crate::tui::layout;
use crate::tui::state::State;
use crate::tui::text::{clean, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The label before the field, and its width.
const LABEL: &str = "Folder  ";

pub fn draw(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let room = layout::popup(screen, 60, 8).width.saturating_sub(2) as usize;
    let why = "This corpus is read from brat or Label Studio files, which are never changed. \
               Edits go to a copy in our format.";
    let mut lines: Vec<Line> = wrap(why, room, 4)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.plain)))
        .collect();
    lines.push(Line::default());
    let field_row = lines.len();
    let folder = clean(state.copy.folder.text());
    lines.push(Line::from(vec![
        Span::styled(LABEL, theme.title),
        Span::styled(
            truncate(&folder, room.saturating_sub(LABEL.len())),
            theme.plain,
        ),
    ]));
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Enter", theme.key),
        Span::styled(" convert there  ", theme.plain),
        Span::styled("Esc", theme.key),
        Span::styled(" cancel the edit", theme.plain),
    ]));
    let area = layout::popup(screen, 60, lines.len() as u16 + 2);
    let inner = popup(frame, area, "Edits go to a copy", theme);
    frame.render_widget(Paragraph::new(lines), inner);
    let field = &state.copy.folder;
    let before: String = field.text().chars().take(field.cursor()).collect();
    let x = inner.x + LABEL.len() as u16 + width(&before) as u16;
    let y = inner.y + field_row as u16;
    if y < inner.bottom() {
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
    }
}
