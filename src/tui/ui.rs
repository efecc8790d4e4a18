//! Drawing: the root layout into named areas, each pane, then the open overlay; reads `&State` only.

mod actors;
mod bars;
mod copy;
mod course;
mod detail;
mod export;
mod finder;
mod form;
mod help;
mod link;
pub mod loading;
mod positions;
mod quotes;
mod review;
mod select;
mod shifts;
pub mod theme;
mod timeline;

use super::layout;
use super::state::{Overlay, State};
use super::text::clean;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use theme::Theme;

/// Draws the whole screen for `state`.
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme) {
    let area = frame.area();
    if !layout::fits(area) {
        too_small(frame, area, theme);
        return;
    }
    let a = layout::areas(area);
    bars::filter(frame, a.filter, state, theme);
    actors::draw(frame, a.actors, state, theme);
    quotes::draw(frame, a.quotes, state, theme);
    timeline::draw(frame, a.timeline, state, theme);
    bars::status(frame, a.status, state, theme);
    bars::footer(frame, a.footer, state, theme);
    let Some(overlay) = state.overlay else {
        return;
    };
    match overlay {
        Overlay::Filter => {}
        Overlay::ActorSearch => finder::actors(frame, area, state, theme),
        Overlay::TextSearch => finder::text(frame, area, state, theme),
        Overlay::Detail(page) => detail::draw(frame, layout::detail(area), state, page, theme),
        Overlay::Export(step) => export::draw(frame, area, state, step, theme),
        Overlay::Help(page) => help::draw(frame, area, page, theme),
        Overlay::Diagnostics(page) => help::diagnostics(frame, area, state, page, theme),
        Overlay::Positions => positions::draw(frame, area, state, theme),
        Overlay::Shifts => shifts::draw(frame, area, state, theme),
        Overlay::Course => course::draw(frame, area, state, theme),
        Overlay::Review => review::draw(frame, area, state, theme),
        Overlay::Form => form::statement(frame, area, state, theme),
        Overlay::ActorForm => form::actor(frame, area, state, theme),
        Overlay::Select => select::draw(frame, area, state, theme),
        Overlay::Copy => copy::draw(frame, area, state, theme),
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Terminal too small: {}x{} (needs {}x{}). Enlarge it, or press q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.error)
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// A bordered pane with its title; the focused pane's border is thick (visible without colour too).
pub(crate) fn pane<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let kind = if focused {
        BorderType::Thick
    } else {
        BorderType::Plain
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Span::styled(format!(" {} ", clean(&title)), theme.title))
}

/// Clears `area` and draws a popup frame over it; returns the inside.
pub(crate) fn popup(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    let block = pane(title.to_string(), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The paragraph around a statement as one line, the statement's runs in `theme.span`.
pub(crate) fn paragraph_line(runs: Vec<(String, bool)>, theme: &Theme) -> Line<'static> {
    Line::from(
        runs.into_iter()
            .map(|(text, marked)| Span::styled(text, if marked { theme.span } else { theme.plain }))
            .collect::<Vec<_>>(),
    )
}

/// `text` as spans with the characters at `positions` in `hit` style.
pub(crate) fn highlighted<'a>(
    text: &str,
    positions: &[usize],
    base: Style,
    hit: Style,
) -> Vec<Span<'a>> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in clean(text).chars().enumerate() {
        let is_hit = positions.contains(&i);
        if is_hit != run_hit && !run.is_empty() {
            let style = if run_hit { hit } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hit } else { base }));
    }
    spans
}

/// A line of statement text with quoted fragments (»…«, „…“, “…”, "…") set apart;
/// `inside` carries an open quotation across wrapped lines.
pub(crate) fn quoted<'a>(text: &str, base: Style, fragment: Style, inside: &mut bool) -> Line<'a> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        let opens = matches!(c, '»' | '„' | '“' | '«') && !*inside;
        let closes = matches!(c, '«' | '“' | '”' | '»') && *inside;
        let straight = c == '"';
        if opens || (straight && !*inside) {
            if !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), base));
            }
            *inside = true;
            run.push(c);
        } else if closes || (straight && *inside) {
            run.push(c);
            spans.push(Span::styled(std::mem::take(&mut run), fragment));
            *inside = false;
        } else {
            run.push(c);
        }
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if *inside { fragment } else { base }));
    }
    Line::from(spans)
}
