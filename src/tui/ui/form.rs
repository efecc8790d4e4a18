//! The form popups: the statement form (its text, every field with the actor it names, the hint for the field being typed, warnings and the reason a save was refused) and the actor form.

use super::popup;
use super::theme::Theme;
use crate::tui::layout;
use crate::tui::state::actor_form::ACTOR_FIELDS;
use crate::tui::state::form::fields::{self, Kind};
use crate::tui::state::{ActorForm, State, StatementForm};
use crate::tui::text::{clean, truncate, width, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns the field labels take.
const LABEL: usize = 14;

/// One `label  value` row; the row with the cursor is marked and shows the terminal
/// cursor in its text.
fn row<'a>(
    label: &str,
    text: &str,
    note: Option<String>,
    focused: bool,
    theme: &Theme,
) -> Line<'a> {
    let marker = if focused { "▸ " } else { "  " };
    let mut spans = vec![
        Span::styled(marker.to_string(), theme.key),
        Span::styled(format!("{label:<LABEL$}"), theme.title),
        Span::styled(clean(text), theme.plain),
    ];
    if let Some(note) = note {
        spans.push(Span::styled(format!("   {note}"), theme.dim));
    }
    Line::from(spans)
}

/// Puts the terminal cursor in row `at` of `inner`, after `before` characters of text.
fn place_cursor(frame: &mut Frame, inner: Rect, at: usize, before: &str) {
    let x = inner.x + (2 + LABEL + width(before)) as u16;
    let y = inner.y + at as u16;
    if y < inner.bottom() {
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
    }
}

/// What an actor field's text names, to show beside it.
fn named(state: &State, form: &StatementForm, text: &str, kind: Kind) -> Option<String> {
    let one = |t: &str| match fields::resolve(state.store, &form.fresh, t) {
        Ok(id) => state.store.actor_by_key(&id).map_or_else(
            || format!("→ new actor {id}"),
            |a| {
                let a = state.store.actor(a);
                format!("→ {} · {}", a.name, a.kind)
            },
        ),
        Err(_) => "→ ? (Enter finds)".into(),
    };
    match kind {
        Kind::Actor { .. } if !text.trim().is_empty() => Some(one(text)),
        Kind::Actors if !text.trim().is_empty() => {
            Some(format!("{} actor(s)", fields::items(text).count()))
        }
        _ => None,
    }
}

pub fn statement(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let Some(form) = &state.form else { return };
    // Text (up to 3 rows), a gap, the fields, a gap, the hint, and room for what is said.
    let rows = 3 + 1 + form.fields.len() + 1 + 2 + form.warnings.len() + 3;
    let area = layout::popup(screen, 80, rows as u16 + 2);
    let title = match &form.target {
        crate::tui::state::form::Target::Existing { key, article } => {
            format!("Edit statement {key} · {article}")
        }
        crate::tui::state::form::Target::New { article, .. } => {
            format!("New statement {} · {article}", form.key())
        }
    };
    let inner = popup(frame, area, &title, theme);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = wrap(&clean(form.text()), w, 3)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.span)))
        .collect();
    lines.push(Line::default());
    let top = lines.len();
    for (i, f) in form.fields.iter().enumerate() {
        let note = named(state, form, f.input.text(), f.kind);
        lines.push(row(f.label, f.input.text(), note, i == form.cursor, theme));
    }
    lines.push(Line::default());
    let field = form.field();
    lines.push(Line::from(Span::styled(
        truncate(&field.kind.hint(), w),
        theme.dim,
    )));
    if field.kind == Kind::Topics {
        let offered = fields::topic_suggestions(state.store, field.input.text());
        if !offered.is_empty() {
            let text = format!("Enter completes: {}", offered.join(" · "));
            lines.push(Line::from(Span::styled(truncate(&text, w), theme.key)));
        }
    }
    for warning in &form.warnings {
        lines.push(Line::from(Span::styled(
            truncate(&format!("! {}", clean(warning)), w),
            theme.date_imprecise,
        )));
    }
    if let Some((_, why)) = &form.error {
        for l in wrap(&format!("Not saved: {}", clean(why)), w, 3) {
            lines.push(Line::from(Span::styled(l, theme.error)));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let before: String = field
        .input
        .text()
        .chars()
        .take(field.input.cursor())
        .collect();
    place_cursor(frame, inner, top + form.cursor, &clean(&before));
}

pub fn actor(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let Some(form) = &state.actor_form else {
        return;
    };
    let area = layout::popup(screen, 70, 14);
    let title = match &form.target {
        crate::tui::state::actor_form::ActorTarget::Existing(id) => format!("Edit actor {id}"),
        crate::tui::state::actor_form::ActorTarget::New { .. } => "New actor".to_string(),
    };
    let inner = popup(frame, area, &title, theme);
    let mut lines: Vec<Line> = Vec::new();
    for (i, ((label, _), input)) in ACTOR_FIELDS.iter().zip(&form.inputs).enumerate() {
        lines.push(row(label, input.text(), None, i == form.cursor, theme));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(hint(form), theme.dim)));
    if let Some(why) = &form.error {
        lines.push(Line::from(Span::styled(
            format!("Not saved: {}", clean(why)),
            theme.error,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let input = &form.inputs[form.cursor];
    let before: String = input.text().chars().take(input.cursor()).collect();
    place_cursor(frame, inner, form.cursor, &clean(&before));
}

fn hint(form: &ActorForm) -> String {
    match ACTOR_FIELDS[form.cursor].1 {
        "aliases" => "other spellings, separated by commas (search finds them)".into(),
        "kind" => format!("one of: {}", crate::model::ActorKind::expected()),
        "country" => {
            "ISO 3166-1 code in capitals (DE, RU, GB); empty for international bodies".into()
        }
        "name" => "the display name".into(),
        _ => "free text; empty leaves it out".into(),
    }
}
