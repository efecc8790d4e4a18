//! Screen geometry shared by drawing and by state (page sizes, mouse hits): named areas, never indices.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this the screen says "terminal too small" instead of drawing panes.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The regions of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Areas {
    pub filter: Rect,
    pub actors: Rect,
    pub quotes: Rect,
    pub timeline: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The timeline pane's inside: bars, the date axis under them, the statement list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TimelineParts {
    pub bars: Rect,
    pub axis: Rect,
    pub list: Rect,
}

/// Whether `area` is large enough for the panes.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// Splits the screen: filter bar, actors left, quotes over timeline right, status, footer.
pub fn areas(area: Rect) -> Areas {
    let [filter, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let actors_width = (body.width * 3 / 10).clamp(18, 44);
    let [actors, right] =
        Layout::horizontal([Constraint::Length(actors_width), Constraint::Min(0)]).areas(body);
    let [quotes, timeline] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Min(5)]).areas(right);
    Areas {
        filter,
        actors,
        quotes,
        timeline,
        status,
        footer,
    }
}

/// The inside of a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    pane.inner(Margin::new(1, 1))
}

/// Bars on top, an axis line, then the list when there is room for it.
pub fn timeline_parts(inner: Rect) -> TimelineParts {
    let h = inner.height;
    let bars_h = if h >= 9 {
        ((h - 2) / 2).clamp(3, 6)
    } else {
        h.saturating_sub(1).max(1)
    };
    let [bars, axis, list] = Layout::vertical([
        Constraint::Length(bars_h),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    TimelineParts { bars, axis, list }
}

/// A centred popup of `width`% and `height` rows, clamped to the screen.
pub fn popup(area: Rect, width_percent: u16, height: u16) -> Rect {
    let width = (area.width * width_percent / 100).max(area.width.min(50));
    let height = height
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width: width.min(area.width),
        height,
    }
}

/// The help popup: most of the screen.
pub fn help(area: Rect) -> Rect {
    popup(area, 70, area.height.saturating_sub(2))
}

/// The detail view: the screen less a margin, above the status and footer lines.
pub fn detail(area: Rect) -> Rect {
    let a = areas(area);
    Rect {
        x: area.x,
        y: a.filter.y,
        width: area.width,
        height: a.status.y.saturating_sub(a.filter.y),
    }
}

/// A finder popup: its frame, the input line, a summary line and the list of matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FinderParts {
    pub popup: Rect,
    pub input: Rect,
    pub info: Rect,
    pub list: Rect,
}

/// Where the finder popups draw on a screen of `area`.
pub fn finder(area: Rect) -> FinderParts {
    let popup = popup(area, 70, 18);
    let [input, info, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner(popup));
    FinderParts {
        popup,
        input,
        info,
        list,
    }
}

/// A full-screen table view (positions, shifts, an actor's course): its frame, a
/// summary line and the table under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ViewParts {
    pub frame: Rect,
    pub summary: Rect,
    pub table: Rect,
}

/// Where a table view draws on a screen of `area`: where the detail view does.
pub fn view(area: Rect) -> ViewParts {
    let frame = detail(area);
    let [summary, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner(frame));
    ViewParts {
        frame,
        summary,
        table,
    }
}
