//! The export dialog popup: what will be written, the format choice, the path field, the overwrite question.

use super::popup;
use super::theme::Theme;
use crate::export::Format;
use crate::tui::layout;
use crate::tui::state::{ExportStep, Scope, State};
use crate::tui::text::{clean, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, screen: Rect, state: &State, step: ExportStep, theme: &Theme) {
    let d = &state.export;
    // The text wraps to the popup's width (narrow terminals), and the popup grows to fit.
    let room = layout::popup(screen, 60, 9).width.saturating_sub(2) as usize;
    let what = match d.scope {
        Scope::Marked { total, hidden: 0 } => format!("Exports the {total} marked statement(s)."),
        Scope::Marked { total, hidden } => format!(
            "Exports the {total} marked statement(s); {hidden} of them not shown now (filter or actor)."
        ),
        Scope::Visible(n) => {
            format!("No statements are marked: exports the {n} visible statement(s).")
        }
    };
    // The formats on one line, or on more (indented under the first) where it is narrow.
    let mut format_lines = vec![vec![Span::styled("Format  ", theme.title)]];
    let mut used = 8;
    let items = Format::ALL
        .iter()
        .map(|&f| {
            (
                format!(" {} ", f.label()),
                if f == d.format {
                    theme.cursor
                } else {
                    theme.dim
                },
            )
        })
        .chain([("(Tab)".to_string(), theme.dim)]);
    for (text, style) in items {
        let width = text.chars().count() + 1;
        if used + width > room + 1 && used > 8 {
            format_lines.push(vec![Span::raw("        ")]);
            used = 8;
        }
        let line = format_lines.last_mut().expect("one line at least");
        line.push(Span::styled(text, style));
        line.push(Span::raw(" "));
        used += width;
    }
    let path = clean(d.path.text());
    let mut lines: Vec<Line> = wrap(&what, room, 4)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.plain)))
        .collect();
    lines.push(Line::default());
    lines.extend(format_lines.into_iter().map(Line::from));
    let path_row = lines.len();
    lines.push(Line::from(vec![
        Span::styled("Path    ", theme.title),
        Span::styled(truncate(&path, room.saturating_sub(8)), theme.plain),
    ]));
    lines.push(Line::default());
    if step == ExportStep::Overwrite {
        let question = "The file exists. Overwrite it? y = overwrite, n = keep it";
        lines.extend(
            wrap(question, room, 3)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.error))),
        );
    } else if step == ExportStep::Writing {
        lines.push(Line::from(Span::styled("Writing…", theme.dim)));
    } else {
        lines.push(Line::from(vec![
            Span::styled("Enter", theme.key),
            Span::styled(" write atomically  ", theme.plain),
            Span::styled("Esc", theme.key),
            Span::styled(" cancel (marks kept)", theme.plain),
        ]));
    }
    let area = layout::popup(screen, 60, lines.len() as u16 + 3);
    let inner = popup(frame, area, "Export", theme);
    frame.render_widget(Paragraph::new(lines), inner);
    if step != ExportStep::Overwrite {
        let before: String = d.path.text().chars().take(d.path.cursor()).collect();
        let x = inner.x + 8 + width(&before) as u16;
        let y = inner.y + path_row as u16;
        if y < inner.bottom() {
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
}
