//! The actors pane widget: "all actors", then each actor's count, name and kind; only visible rows are built.

use super::pane;
use super::theme::Theme;
use crate::model::ActorKind;
use crate::tui::layout;
use crate::tui::state::{ActorSort, Focus, State};
use crate::tui::text::{clean, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn short_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Government => "gov",
        ActorKind::Ministry => "ministry",
        ActorKind::Organisation => "org",
        ActorKind::Media => "media",
        ActorKind::Group => "group",
        ActorKind::Other => "other",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let focused = state.has_keys(Focus::Actors);
    let sort = match state.actors.sort {
        ActorSort::Count => "by count",
        ActorSort::Name => "by name",
    };
    let (shown, all) = (state.actors.rows.len(), state.store.actors.len());
    let mut title = if shown < all {
        format!("Actors {shown} of {all} · {sort}")
    } else {
        format!("Actors {all} · {sort}")
    };
    if state.actors.unresolved > 0 {
        title.push_str(&format!(" · {} unresolved", state.actors.unresolved));
    }
    let block = pane(title, focused, theme);
    let inner = layout::inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let show_kind = w >= 26;
    // No actor's count exceeds the filtered total, so its width fits every row.
    let count_w = state.list.filtered.len().to_string().len();
    let rows = (state.actors.offset..state.actors.len()).take(inner.height as usize);
    let lines: Vec<Line> = rows
        .map(|row| {
            let (count, name, kind) = match row.checked_sub(1) {
                None => (
                    state.list.filtered.len(),
                    "All actors".to_string(),
                    String::new(),
                ),
                Some(i) => {
                    let r = state.actors.rows[i];
                    let actor = state.store.actor(r.actor);
                    let kind = if show_kind {
                        short_kind(actor.kind).to_string()
                    } else {
                        String::new()
                    };
                    (r.count, clean(&actor.name), kind)
                }
            };
            let name_w = w.saturating_sub(count_w + 2 + kind.len() + usize::from(show_kind));
            let name = truncate(&name, name_w);
            let pad = name_w.saturating_sub(width(&name));
            let count_style = if count == 0 { theme.dim } else { theme.count };
            let mut line = Line::from(vec![
                Span::styled(format!("{count:>count_w$} "), count_style),
                Span::styled(format!(" {name}{}", " ".repeat(pad)), theme.plain),
                Span::styled(format!(" {kind}"), theme.kind),
            ]);
            if row == state.actors.cursor {
                let style = if focused {
                    theme.cursor
                } else {
                    theme.cursor_unfocused
                };
                line = line.patch_style(style);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
