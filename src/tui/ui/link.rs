//! A terminal hyperlink (OSC 8): text drawn as usual, its cells carrying the escape that makes it clickable where the terminal supports it (and invisible where not).

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use std::num::NonZeroU16;

pub struct Hyperlink<'a> {
    text: Span<'a>,
    url: &'a str,
}

impl<'a> Hyperlink<'a> {
    /// A link to `url` shown as `text`; `None` when the URL holds anything but printable
    /// ASCII (an escape or a control character in it would reach the terminal).
    pub fn new(text: String, style: Style, url: &'a str) -> Option<Hyperlink<'a>> {
        let safe = !url.is_empty() && url.bytes().all(|b| (0x21..0x7f).contains(&b));
        safe.then(|| Hyperlink {
            text: Span::styled(text, style),
            url,
        })
    }
}

impl Widget for Hyperlink<'_> {
    /// The text as usual, then the whole link in its first cell with the width the text
    /// takes on screen (ratatui's `ForcedWidth`: the escape itself takes none) and the
    /// cells it covers skipped when the screen is updated.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = crate::tui::text::truncate(&self.text.content, area.width as usize);
        let width = crate::tui::text::width(&text) as u16;
        let style = self.text.style;
        Span::styled(text.clone(), style).render(area, buf);
        let Some(forced) = NonZeroU16::new(width) else {
            return;
        };
        let linked = format!("\x1b]8;;{}\x1b\\{text}\x1b]8;;\x1b\\", self.url);
        buf[(area.x, area.y)]
            .set_symbol(&linked)
            .set_diff_option(CellDiffOption::ForcedWidth(forced));
        for x in area.x + 1..area.x + width {
            buf[(x, area.y)].set_diff_option(CellDiffOption::Skip);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_with_control_characters_or_spaces_is_never_linked() {
        let style = Style::new();
        assert!(Hyperlink::new("x".into(), style, "https://a.example/\x1b]0;pwned\x07").is_none());
        assert!(Hyperlink::new("x".into(), style, "https://a.example/a b").is_none());
        assert!(Hyperlink::new("x".into(), style, "").is_none());
        assert!(Hyperlink::new("x".into(), style, "https://a.example/?q=1&r=2").is_some());
    }
}
