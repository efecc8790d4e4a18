//! Every style the TUI draws with: the terminal's own text colour plus modifiers, ANSI accents safe on dark and light, none under NO_COLOR.

use crate::model::{Mode, Stance};
use ratatui::style::{Color, Modifier, Style};

/// The styles of one session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub plain: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub cursor: Style,
    pub cursor_unfocused: Style,
    pub speaker: Style,
    pub date: Style,
    pub date_imprecise: Style,
    pub direct: Style,
    pub indirect: Style,
    pub paraphrase: Style,
    pub quoted_fragment: Style,
    pub mark: Style,
    pub count: Style,
    pub kind: Style,
    pub matched: Style,
    pub span: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    pub label: Style,
    pub bar: Style,
    pub bar_imprecise: Style,
    pub bar_cursor: Style,
    pub heading: Style,
    /// A stance's count in the positions view (the sign says which without colour).
    pub supports: Style,
    pub opposes: Style,
    pub neutral: Style,
    /// A hyperlink (underlined, so it reads as one without colour).
    pub link: Style,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set and not empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color)
    }

    /// The theme with or without colours; without, emphasis uses bold, underline and reverse.
    pub fn new(color: bool) -> Theme {
        let fg = |c: Color| {
            if color {
                Style::new().fg(c)
            } else {
                Style::new()
            }
        };
        let bold = Modifier::BOLD;
        Theme {
            plain: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Blue).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            speaker: Style::new().add_modifier(bold),
            date: Style::new(),
            date_imprecise: Style::new().add_modifier(Modifier::ITALIC),
            direct: fg(Color::Magenta).add_modifier(bold),
            indirect: Style::new().add_modifier(Modifier::ITALIC),
            paraphrase: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            quoted_fragment: fg(Color::Magenta).add_modifier(bold),
            mark: fg(Color::Green).add_modifier(bold),
            count: Style::new(),
            kind: Style::new().add_modifier(Modifier::DIM),
            matched: if color {
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold)
            } else {
                Style::new().add_modifier(bold | Modifier::UNDERLINED)
            },
            span: if color {
                Style::new().fg(Color::Black).bg(Color::Cyan)
            } else {
                Style::new().add_modifier(Modifier::REVERSED)
            },
            error: fg(Color::Red).add_modifier(bold),
            ok: fg(Color::Green),
            key: Style::new().add_modifier(bold),
            label: Style::new(),
            bar: fg(Color::Blue),
            bar_imprecise: fg(Color::Cyan).add_modifier(Modifier::DIM),
            bar_cursor: fg(Color::Magenta).add_modifier(bold),
            heading: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            supports: fg(Color::Green).add_modifier(bold),
            opposes: fg(Color::Red).add_modifier(bold),
            neutral: fg(Color::Blue),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
        }
    }

    /// How a stance's count looks.
    pub fn stance(&self, stance: Stance) -> Style {
        match stance {
            Stance::Supports => self.supports,
            Stance::Opposes => self.opposes,
            Stance::Neutral => self.neutral,
        }
    }

    /// How a statement's text looks in its mode.
    pub fn mode(&self, mode: Mode) -> Style {
        match mode {
            Mode::Direct => self.direct,
            Mode::Indirect | Mode::Mixed => self.indirect,
            Mode::Paraphrase => self.paraphrase,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_uses_no_colour_at_all() {
        let t = Theme::new(false);
        let all = [
            t.plain,
            t.dim,
            t.border,
            t.border_focused,
            t.title,
            t.cursor,
            t.cursor_unfocused,
            t.speaker,
            t.date,
            t.date_imprecise,
            t.direct,
            t.indirect,
            t.paraphrase,
            t.quoted_fragment,
            t.mark,
            t.count,
            t.kind,
            t.matched,
            t.span,
            t.error,
            t.ok,
            t.key,
            t.label,
            t.bar,
            t.bar_imprecise,
            t.bar_cursor,
            t.heading,
        ];
        for style in all {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_ne!(t.direct, t.indirect, "modes differ without colour too");
        assert_ne!(t.indirect, t.paraphrase);
        assert_ne!(t.matched, t.plain);
    }
}
