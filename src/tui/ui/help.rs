//! The help popup (every key of the current context first, generated from the keymap) and the load diagnostics list.

use super::popup;
use super::theme::Theme;
use crate::tui::help_text::{self, HelpLine};
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::state::{DiagnosticsPage, HelpPage, State};
use crate::tui::text::{clean, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The help text, styled: the current context's sections first, then every other context.
pub fn lines(current: Context, theme: &Theme) -> Vec<Line<'static>> {
    help_text::lines(current)
        .into_iter()
        .map(|l| match l {
            HelpLine::Others => Line::from(Span::styled("Other contexts", theme.title)),
            HelpLine::Heading(h) => Line::from(Span::styled(h, theme.heading)),
            HelpLine::Row(keys, help) => Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.key),
                Span::styled(help, theme.plain),
            ]),
            HelpLine::Blank => Line::default(),
            HelpLine::Mouse(text) => Line::from(Span::styled(text, theme.plain)),
        })
        .collect()
}

pub fn draw(frame: &mut Frame, screen: Rect, page: HelpPage, theme: &Theme) {
    let area = layout::help(screen);
    let inner = popup(
        frame,
        area,
        "Help · j/k scroll · g/G ends · Esc close",
        theme,
    );
    let all = lines(page.from, theme);
    let top = page
        .scroll
        .min(all.len().saturating_sub(inner.height as usize));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(top)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

pub fn diagnostics(
    frame: &mut Frame,
    screen: Rect,
    state: &State,
    page: DiagnosticsPage,
    theme: &Theme,
) {
    let area = layout::popup(screen, 80, screen.height.saturating_sub(2));
    let title = format!(
        "Load diagnostics · {} · skipped items are not shown · Esc close",
        state.diagnostics.len()
    );
    let inner = popup(frame, area, &title, theme);
    if state.diagnostics.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled("Everything loaded: no problems.", theme.ok)),
            inner,
        );
        return;
    }
    let mut out: Vec<Line> = Vec::new();
    for d in state.diagnostics.iter().skip(page.scroll) {
        if out.len() >= inner.height as usize {
            break;
        }
        let style = if d.is_error() {
            theme.error
        } else {
            theme.plain
        };
        for (i, l) in wrap(
            &clean(&d.to_string()),
            (inner.width as usize).saturating_sub(2),
            4,
        )
        .into_iter()
        .enumerate()
        {
            let lead = if i == 0 { "• " } else { "  " };
            out.push(Line::from(vec![Span::raw(lead), Span::styled(l, style)]));
        }
    }
    out.truncate(inner.height as usize);
    frame.render_widget(Paragraph::new(out), inner);
}
