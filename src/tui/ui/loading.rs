//! The screen shown while the corpus loads: files and megabytes read (or the snapshot's megabytes), a bar, and how to quit.

use super::theme::Theme;
use crate::loader::LoadSnapshot;
use crate::tui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};

pub fn draw(frame: &mut Frame, seen: &LoadSnapshot, theme: &Theme) {
    let area = frame.area();
    let [_, text, bar, hint, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let inset = |r: Rect| {
        let [_, mid, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Max(60),
            Constraint::Fill(1),
        ])
        .areas(r);
        mid
    };
    frame.render_widget(
        Paragraph::new(Span::styled(seen.summary(), theme.title)),
        inset(text),
    );
    let ratio = if seen.merging || seen.bytes == 0 {
        1.0
    } else {
        (seen.bytes_read as f64 / seen.bytes as f64).clamp(0.0, 1.0)
    };
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.bar)
            .ratio(ratio)
            .label(format!("{:.0}%", ratio * 100.0)),
        inset(bar),
    );
    let hints: Vec<Span> = keymap::footer(Context::Loading)
        .into_iter()
        .flat_map(|(key, label)| {
            [
                Span::styled(format!("{key} "), theme.key),
                Span::styled(format!("{label}  "), theme.dim),
            ]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(hints)), inset(hint));
}
