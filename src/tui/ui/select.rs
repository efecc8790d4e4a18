//! The text selection view: the paragraph the caret is in, with the statements already coded in it, the selection and the caret set apart.

use super::popup;
use super::theme::Theme;
use crate::tui::layout;
use crate::tui::state::State;
use crate::tui::text::clean;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The character range of the paragraph (between blank lines) around `at`.
fn paragraph(text: &[char], at: usize) -> (usize, usize) {
    let blank = |i: usize| i + 1 < text.len() && text[i] == '\n' && text[i + 1] == '\n';
    let start = (0..at.min(text.len()))
        .rev()
        .find(|&i| blank(i))
        .map_or(0, |i| i + 2);
    let end = (at..text.len()).find(|&i| blank(i)).unwrap_or(text.len());
    (start, end)
}

pub fn draw(frame: &mut Frame, screen: Rect, state: &State, theme: &Theme) {
    let Some(sel) = state.selection else { return };
    let store = state.store;
    let article = store.article(sel.article);
    let text: Vec<char> = article.text.chars().collect();
    let span = sel.span(&text);
    let coded: Vec<(usize, usize)> = store
        .in_article(sel.article)
        .iter()
        .map(|&id| {
            let c = store.chars(id);
            (c.start as usize, c.end as usize)
        })
        .collect();
    let selected = match span {
        Some(s) => format!("{} character(s) selected", s.end - s.start),
        None if sel.anchor.is_some() => "selection started: move the caret to its end".into(),
        None => "v marks where the statement starts".into(),
    };
    let title = format!(
        "Select text · {} · caret at {} of {} · {selected}",
        article.label(),
        sel.caret,
        text.len()
    );
    let inner = popup(frame, layout::detail(screen), &title, theme);
    let (start, end) = paragraph(&text, sel.caret);
    let style_at = |i: usize| -> Style {
        if i == sel.caret {
            theme.cursor.add_modifier(Modifier::REVERSED)
        } else if span.is_some_and(|s| (s.start as usize..s.end as usize).contains(&i)) {
            theme.matched.add_modifier(Modifier::REVERSED)
        } else if coded.iter().any(|&(a, b)| (a..b).contains(&i)) {
            theme.span
        } else {
            theme.plain
        }
    };
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_style = style_at(start);
    // The caret after the last character shows as a reversed space.
    for i in start..end.max(sel.caret + 1) {
        let c = text.get(i).copied().unwrap_or(' ');
        let style = style_at(i);
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(clean(&std::mem::take(&mut run)), run_style));
        }
        run_style = style;
        run.push(if c == '\n' { ' ' } else { c });
    }
    if !run.is_empty() {
        spans.push(Span::styled(clean(&run), run_style));
    }
    let legend = Line::from(vec![
        Span::styled("coded statements", theme.span),
        Span::styled(" · ", theme.dim),
        Span::styled("selection", theme.matched.add_modifier(Modifier::REVERSED)),
        Span::styled(
            " · overlapping a coded one is allowed; the form says so",
            theme.dim,
        ),
    ]);
    let lines = vec![Line::from(spans), Line::default(), legend];
    // Keeps the caret's row in view (word wrapping makes this an estimate).
    let caret_row = (sel.caret - start) / (inner.width.max(1) as usize);
    let scroll = caret_row.saturating_sub(inner.height.saturating_sub(4) as usize);
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}
