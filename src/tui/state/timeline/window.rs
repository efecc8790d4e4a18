//! Which timeline bins fit in the chart's width, around the cursor's, and which bin a column shows.

use super::Timeline;

/// The bins that fit in the chart's width, around the cursor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first bin shown.
    pub start: usize,
    /// How many bins are shown.
    pub count: usize,
    /// Columns per bin (a bar and, when wide, a gap).
    pub column_width: u16,
}

impl Window {
    /// The bin drawn at `dx` columns from the chart's left edge.
    pub fn bin_at(&self, dx: u16) -> Option<usize> {
        let i = (dx / self.column_width.max(1)) as usize;
        (i < self.count).then_some(self.start + i)
    }
}

impl Timeline {
    /// Which bins a chart `width` columns wide shows, centred on `cursor_bin`.
    pub fn window(&self, cursor_bin: Option<usize>, width: u16) -> Window {
        let n = self.bins.len();
        if n == 0 || width == 0 {
            return Window {
                start: 0,
                count: 0,
                column_width: 1,
            };
        }
        let column_width = (width as usize / n).clamp(1, 6) as u16;
        let count = (width / column_width) as usize;
        let count = count.min(n);
        let centre = cursor_bin.unwrap_or(0);
        let start = centre.saturating_sub(count / 2).min(n - count);
        Window {
            start,
            count,
            column_width,
        }
    }
}
