//! The shifts view: each change of position as the actor and topic, then the earlier and the later statement one under the other (date, stance, mode, outlet, text).

use super::popup;
use super::theme::Theme;
use crate::model::{Stance, StatementId};
use crate::stances::Shift;
use crate::tui::layout;
use crate::tui::state::State;
use crate::tui::state::shifts::{WIDE, shift_rows};
use crate::tui::text::{self, clean, date_label, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let parts = layout::view(area);
    let v = &state.shifts;
    let neutral = if v.include_neutral {
        "with neutral"
    } else {
        "without neutral"
    };
    let title = format!("Shifts by {} · {neutral}", v.by.label());
    popup(frame, parts.frame, &title, theme);
    let Some(shifts) = &v.shifts else {
        frame.render_widget(
            Paragraph::new(Span::styled("Counting…", theme.dim)),
            parts.summary,
        );
        return;
    };
    let busy = if v.counting.pending() {
        " · updating…"
    } else {
        ""
    };
    let summary = if shifts.is_empty() {
        "No shifts here: no actor took one stance on a topic and later another.".to_string()
    } else {
        format!(
            "{} of {} shifts, newest first{busy}",
            v.cursor + 1,
            shifts.len()
        )
    };
    frame.render_widget(
        Paragraph::new(Span::styled(summary, theme.dim)),
        parts.summary,
    );
    let visible = (parts.table.height / shift_rows(parts.table.width)).max(1) as usize;
    let mut lines = Vec::new();
    for (i, s) in shifts.iter().enumerate().skip(v.offset).take(visible) {
        let chosen = (i == v.cursor).then_some(v.earlier);
        lines.extend(shift_lines(state, s, chosen, parts.table.width, theme));
    }
    frame.render_widget(Paragraph::new(lines), parts.table);
}

/// A shift's lines; `chosen`: under the cursor, with the earlier statement chosen or not.
fn shift_lines<'a>(
    state: &State,
    s: &Shift,
    chosen: Option<bool>,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let store = state.store;
    let order = if s.order_certain {
        ""
    } else {
        " · order uncertain (dates overlap)"
    };
    let heading = if chosen.is_some() {
        theme.heading
    } else {
        theme.speaker
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(clean(&store.actor(s.actor).name), heading),
        Span::raw(" on "),
        Span::styled(clean(store.topic(s.topic)), theme.title),
        Span::raw(": "),
        Span::styled(s.earlier.1.to_string(), theme.stance(s.earlier.1)),
        Span::raw(" → "),
        Span::styled(s.later.1.to_string(), theme.stance(s.later.1)),
        Span::styled(order.to_string(), theme.date_imprecise),
    ])];
    lines.extend(statement_lines(
        state,
        "earlier",
        s.earlier,
        chosen == Some(true),
        width,
        theme,
    ));
    lines.extend(statement_lines(
        state,
        "later",
        s.later,
        chosen == Some(false),
        width,
        theme,
    ));
    lines.push(Line::default());
    lines
}

/// `  earlier  2025-02-12  supports  direct    FAZ  text…`, reversed when chosen; the
/// text on a line of its own when the table is narrow.
fn statement_lines<'a>(
    state: &State,
    which: &str,
    (id, stance): (StatementId, Stance),
    chosen: bool,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let store = state.store;
    let article = store.article(store.article_of(id));
    let outlet = truncate(&clean(article.outlet.unwrap_or("—")), 14);
    let fields = format!(
        "  {which:<8}{:<13}{:<9}{:<11}{outlet:<15}",
        date_label(store.date_or_published(id)),
        stance.to_string(),
        store.mode(id).to_string(),
    );
    let wide = width >= WIDE;
    let indent = if wide { "" } else { "    " };
    let room = if wide {
        (width as usize).saturating_sub(text::width(&fields))
    } else {
        (width as usize).saturating_sub(indent.len())
    };
    let text = format!("{indent}{}", truncate(&clean(store.text(id)), room));
    let patch = |style: ratatui::style::Style| {
        if chosen {
            style.patch(theme.cursor)
        } else {
            style
        }
    };
    let fields = Span::styled(fields, patch(theme.date));
    let text = Span::styled(text, patch(theme.mode(store.mode(id))));
    if wide {
        vec![Line::from(vec![fields, text])]
    } else {
        vec![Line::from(fields), Line::from(text)]
    }
}
