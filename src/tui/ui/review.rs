//! The review queue: how many are left, the statement under review with what the machine chose (speaker, mode, cue, date, rule, confidence), and its article paragraph with the statement marked.

use super::popup;
use super::theme::Theme;
use crate::tui::layout;
use crate::tui::state::State;
use crate::tui::state::detail::paragraph;
use crate::tui::state::quotes::speaker_label;
use crate::tui::text::date_label;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let parts = layout::view(area);
    let q = &state.review;
    popup(
        frame,
        parts.frame,
        "Review · automatic statements, lowest confidence first",
        theme,
    );
    let Some(id) = q.current() else {
        frame.render_widget(
            Paragraph::new(Span::styled("Nothing left to review.", theme.dim)),
            parts.summary,
        );
        return;
    };
    let summary = format!(
        "{} of {} · {} left to review",
        q.cursor + 1,
        q.ids.len(),
        q.ids.len()
    );
    frame.render_widget(
        Paragraph::new(Span::styled(summary, theme.dim)),
        parts.summary,
    );
    let store = state.store;
    let origin = store.origin(id);
    let confidence = origin
        .and_then(|o| o.confidence)
        .map_or_else(|| "-".to_string(), |c| format!("{c:.2}"));
    let rule = origin.and_then(|o| o.rule.as_deref()).unwrap_or("-");
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name:<11}"), theme.dim),
            Span::styled(value, theme.plain),
        ])
    };
    let runs = paragraph(store, id);
    let mut lines = vec![
        field("Speaker", speaker_label(store, id)),
        field("Mode", store.mode(id).as_str().to_string()),
        field("Cue", store.cue(id).unwrap_or("-").to_string()),
        field("Date", date_label(store.date_or_published(id))),
        field("Found by", format!("rule {rule} · confidence {confidence}")),
        field(
            "Article",
            store
                .article(store.article_of(id))
                .title
                .unwrap_or(store.article(store.article_of(id)).id)
                .to_string(),
        ),
        Line::default(),
        super::paragraph_line(runs, theme),
    ];
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "y accept · n reject · Enter read it in the article · u undo · Esc back",
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        parts.table,
    );
}
