//! The detail view: the statement inside its article paragraph with its span highlighted, then every field.

use super::popup;
use super::theme::Theme;
use crate::date::DateSpec;
use crate::store::Store;
use crate::tui::state::State;
use crate::tui::text::{clean, date_label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The paragraph around a statement: (before, span, after), cleaned.
fn paragraph(store: &Store, id: crate::model::StatementId) -> (String, String, String) {
    let s = store.statement(id);
    let text = &store.article(s.article).text;
    let (a, b) = (s.bytes.start as usize, s.bytes.end as usize);
    let start = text
        .get(..a)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2);
    let end = text
        .get(b..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| b + i);
    let part = |x: usize, y: usize| clean(text.get(x..y).unwrap_or_default());
    (part(start, a), part(a, b), part(b, end))
}

fn when(date: Option<DateSpec>) -> String {
    match date {
        None => "unknown".into(),
        Some(d) => format!(
            "{}  ({}; precision: {})",
            date_label(Some(d)),
            d,
            d.precision()
        ),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let Some(id) = state.list.current() else {
        return;
    };
    let store = state.store;
    let s = store.statement(id);
    let article = store.article(s.article);
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
    let (before, span, after) = paragraph(store, id);
    let actor = |a: crate::model::ActorId| {
        let x = store.actor(a);
        let mut out = clean(&x.name);
        if let Some(role) = &x.role {
            out.push_str(&format!(" ({})", clean(role)));
        }
        out.push_str(&format!(" · {}", x.kind));
        out
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(before, theme.plain),
            Span::styled(span, theme.span),
            Span::styled(after, theme.plain),
        ]),
        Line::default(),
    ];
    let mut field = |name: &str, value: String| {
        lines.push(Line::from(vec![
            Span::styled(format!("{name:<13}"), theme.title),
            Span::styled(clean(&value), theme.plain),
        ]));
    };
    let none = || "—".to_string();
    field("Speaker", actor(s.speaker));
    field("On behalf of", s.on_behalf_of.map_or_else(none, actor));
    field("Mode", s.mode.to_string());
    field("Cue", s.cue.as_deref().map_or_else(none, str::to_string));
    field("Date", when(s.date));
    field(
        "Place",
        s.place.as_deref().map_or_else(none, str::to_string),
    );
    let addressees: Vec<String> = s
        .addressees
        .iter()
        .map(|&a| clean(&store.actor(a).name))
        .collect();
    field(
        "Addressees",
        if addressees.is_empty() {
            none()
        } else {
            addressees.join(", ")
        },
    );
    let topics: Vec<String> = s
        .topics
        .iter()
        .map(|t| format!("{} ({})", store.topic(t.topic), t.stance))
        .collect();
    field(
        "Topics",
        if topics.is_empty() {
            none()
        } else {
            topics.join(", ")
        },
    );
    field(
        "Translation",
        s.translation
            .as_deref()
            .map_or_else(|| "(none)".to_string(), str::to_string),
    );
    if let Some(notes) = &s.notes {
        field("Notes", notes.to_string());
    }
    field("Article", article.label().to_string());
    field("Outlet", article.outlet.map_or_else(none, str::to_string));
    field("Published", when(article.published));
    field("URL", article.url.map_or_else(none, str::to_string));
    field("Source", article.source.to_string());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((state.pages.detail, 0)),
        inner,
    );
}
