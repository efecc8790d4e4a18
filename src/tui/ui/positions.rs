//! The positions view: actors down, topics across, each cell's supports (+), opposes (-) and neutral (~) counts; row and column names stay in view as it scrolls.

use super::popup;
use super::theme::Theme;
use crate::model::Stance;
use crate::stances::{Counts, Grid};
use crate::tui::layout;
use crate::tui::state::{Geometry, State};
use crate::tui::text::{clean, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme) {
    let parts = layout::view(area);
    let p = &state.positions;
    let title = format!(
        "Positions by {} · rows by {} · topics by {}",
        p.by.label(),
        p.rows.label(),
        p.cols.label()
    );
    popup(frame, parts.frame, &title, theme);
    let Some(grid) = &p.grid else {
        frame.render_widget(
            Paragraph::new(Span::styled("Counting…", theme.dim)),
            parts.summary,
        );
        return;
    };
    frame.render_widget(
        Paragraph::new(summary(state, grid, parts.summary.width, theme)),
        parts.summary,
    );
    if grid.rows.is_empty() {
        let none = "No statement here has a topic with a stance: widen the filter (F clears it).";
        frame.render_widget(Paragraph::new(Span::styled(none, theme.dim)), parts.table);
        return;
    }
    let g = Geometry::of(state.store, grid, parts.table);
    let mut lines = header(state, grid, g, theme);
    let r0 = p.offset.0;
    for r in r0..(r0 + g.rows).min(grid.rows.len()) {
        lines.push(row(state, grid, g, r, theme));
    }
    frame.render_widget(Paragraph::new(lines), parts.table);
}

/// The cell under the cursor spelled out, how much is counted, and the legend.
fn summary<'a>(state: &State, grid: &Grid, width: u16, theme: &Theme) -> Line<'a> {
    let p = &state.positions;
    let busy = if p.counting.pending() {
        " · updating…"
    } else {
        ""
    };
    let counted = format!(
        "{} actors × {} topics · {} stances{busy}",
        grid.rows.len(),
        grid.cols.len(),
        grid.total
    );
    let Some((actor, topic)) = p.current() else {
        return Line::from(Span::styled(counted, theme.dim));
    };
    let c = grid.at(p.cursor.0, p.cursor.1).unwrap_or([0; 3]);
    let (actor, topic) = (
        clean(&state.store.actor(actor).name),
        clean(state.store.topic(topic)),
    );
    let long = format!(
        "{actor} on {topic}: {} supports (+), {} opposes (-), {} neutral (~)",
        c[0], c[1], c[2]
    );
    if crate::tui::text::width(&long) + 2 > width as usize {
        return Line::from(vec![
            Span::styled(truncate(&actor, 20), theme.speaker),
            Span::raw(" · "),
            Span::styled(truncate(&topic, 20), theme.title),
            Span::raw(": "),
            Span::styled(format!("+{}", c[0]), theme.supports),
            Span::raw(" "),
            Span::styled(format!("-{}", c[1]), theme.opposes),
            Span::raw(" "),
            Span::styled(format!("~{}", c[2]), theme.neutral),
        ]);
    }
    Line::from(vec![
        Span::styled(actor, theme.speaker),
        Span::raw(" on "),
        Span::styled(topic, theme.title),
        Span::raw(": "),
        Span::styled(format!("{} supports (+)", c[0]), theme.supports),
        Span::raw(", "),
        Span::styled(format!("{} opposes (-)", c[1]), theme.opposes),
        Span::raw(", "),
        Span::styled(format!("{} neutral (~)", c[2]), theme.neutral),
        Span::styled(format!("   {counted}"), theme.dim),
    ])
}

/// A name over two lines of `width`: broken after a hyphen or space where one
/// falls in the first line, the rest cut with `…`.
fn two_lines(name: &str, width: usize) -> (String, String) {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= width {
        return (name.to_string(), String::new());
    }
    let cut = chars[..width]
        .iter()
        .rposition(|c| matches!(c, '-' | ' ' | '_' | '/'))
        .map_or(width, |i| i + 1);
    let first: String = chars[..cut].iter().collect();
    let rest: String = chars[cut..].iter().collect();
    (
        first.trim_end().to_string(),
        truncate(rest.trim_start(), width),
    )
}

/// A name over two lines, the second next to the cells when one is enough.
fn header_lines(name: &str, width: usize) -> (String, String) {
    match two_lines(name, width) {
        (first, second) if second.is_empty() => (String::new(), first),
        both => both,
    }
}

/// The topic names over their columns, on two lines.
fn header<'a>(state: &State, grid: &Grid, g: Geometry, theme: &Theme) -> Vec<Line<'a>> {
    let p = &state.positions;
    let w = g.cell as usize - 1;
    let mut lines = [
        vec![Span::styled(
            format!("{:<l$}", "", l = g.label as usize),
            theme.dim,
        )],
        vec![Span::styled(
            format!("{:<l$}", "actor \\ topic", l = g.label as usize),
            theme.dim,
        )],
    ];
    let c0 = p.offset.1;
    for c in c0..(c0 + g.cols).min(grid.cols.len()) {
        let (first, second) = header_lines(&clean(state.store.topic(grid.cols[c].key)), w);
        let style = if c == p.cursor.1 {
            theme.heading
        } else {
            theme.title
        };
        for (line, part) in lines.iter_mut().zip([first, second]) {
            line.push(Span::styled(format!("{part:<w$}"), style));
            line.push(Span::raw(" "));
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// One actor's row: the name, then a cell per topic in view.
fn row<'a>(state: &State, grid: &Grid, g: Geometry, r: usize, theme: &Theme) -> Line<'a> {
    let p = &state.positions;
    let name = truncate(
        &clean(&state.store.actor(grid.rows[r].key).name),
        g.label as usize - 1,
    );
    let name_style = if r == p.cursor.0 {
        theme.heading
    } else {
        theme.speaker
    };
    let mut spans = vec![
        Span::styled(format!("{name:<w$}", w = g.label as usize - 1), name_style),
        Span::raw(" "),
    ];
    let c0 = p.offset.1;
    for c in c0..(c0 + g.cols).min(grid.cols.len()) {
        let here = (r, c) == p.cursor;
        let cell = cell(grid.at(r, c), g.cell as usize - 1, theme);
        if here {
            spans.extend(
                cell.into_iter()
                    .map(|s| Span::styled(s.content, s.style.patch(theme.cursor))),
            );
        } else {
            spans.extend(cell);
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// A cell `width` wide as three slots `+n -n ~n` (an absent stance leaves its slot
/// blank), or a centred dot when the actor said nothing on the topic.
fn cell<'a>(counts: Option<Counts>, width: usize, theme: &Theme) -> Vec<Span<'a>> {
    let part = (width - 2) / 3;
    let Some(c) = counts else {
        let pad = width / 2;
        return vec![
            Span::raw(" ".repeat(pad)),
            Span::styled("·", theme.dim),
            Span::raw(" ".repeat(width - pad - 1)),
        ];
    };
    let mut spans = Vec::new();
    for (i, (sign, stance)) in [
        ('+', Stance::Supports),
        ('-', Stance::Opposes),
        ('~', Stance::Neutral),
    ]
    .into_iter()
    .enumerate()
    {
        let text = if c[i] == 0 {
            String::new()
        } else {
            format!("{sign}{}", c[i])
        };
        let style: Style = theme.stance(stance);
        let w = if i == 2 { width - 2 - 2 * part } else { part };
        spans.push(Span::styled(format!("{text:<w$}"), style));
        if i < 2 {
            spans.push(Span::raw(" "));
        }
    }
    spans
}
