//! Terminal events to actions: a pure function of one event and where the keyboard is, touching no state.

use super::action::Action;
use super::keymap::{self, Context, Key};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Where the keyboard is: the innermost context, and the pane's under any overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keyboard {
    pub context: Context,
    pub pane: Context,
}

impl Keyboard {
    /// The context the keyboard is in once `action` is applied, as far as input needs to
    /// know it: Esc's actions leave an overlay (or the overwrite question).
    fn after(self, action: &Action) -> Keyboard {
        let context = match action {
            Action::Close => self.pane,
            Action::DeclineOverwrite => Context::Export,
            _ => self.context,
        };
        Keyboard { context, ..self }
    }
}

/// The actions a terminal event means, in order. Terminals send Alt+key as Esc followed
/// by the key, so a quick Esc then key arrives as Alt+key: unbound, it is taken as both,
/// the key looked up where the Esc leads.
pub fn actions(event: Event, at: Keyboard) -> Vec<Action> {
    if let Event::Key(key) = event
        && key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::ALT)
        && keymap::lookup(at.context, key).is_none()
    {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let close = keymap::lookup(at.context, esc);
        let then = close.as_ref().map_or(at, |action| at.after(action));
        let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
        return close
            .into_iter()
            .chain(keymap::lookup(then.context, plain))
            .collect();
    }
    action(event, at.context).into_iter().collect()
}

/// What a terminal event means in `context`.
fn action(event: Event, context: Context) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::lookup(context, key).or_else(|| match key.code {
                // A modifier alone is not a key the user meant.
                KeyCode::Modifier(_) | KeyCode::Null => None,
                _ => Some(Action::Unbound(Key::of(key).label())),
            })
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::ModifierKeyCode;

    const QUOTES: Keyboard = Keyboard {
        context: Context::Quotes,
        pane: Context::Quotes,
    };

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn an_unbound_key_becomes_an_action_that_says_so_and_a_lone_modifier_does_not() {
        let x = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(actions(x, QUOTES), vec![Action::Unbound("x".into())]);
        let shift = key(
            KeyCode::Modifier(ModifierKeyCode::LeftShift),
            KeyModifiers::SHIFT,
        );
        assert_eq!(actions(shift, QUOTES), vec![]);
    }

    #[test]
    fn alt_key_in_an_overlay_closes_it_then_is_the_key_in_the_pane() {
        let filter = Keyboard {
            context: Context::Filter,
            pane: Context::Quotes,
        };
        let alt_j = key(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(actions(alt_j, filter), vec![Action::Close, Action::Down]);
    }

    #[test]
    fn alt_key_at_the_overwrite_question_declines_then_types_into_the_path() {
        let confirm = Keyboard {
            context: Context::Confirm,
            pane: Context::Quotes,
        };
        let alt_x = key(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(
            actions(alt_x, confirm),
            vec![
                Action::DeclineOverwrite,
                Action::Edit(crate::tui::action::Edit::Insert('x'))
            ]
        );
    }

    #[test]
    fn alt_key_in_a_pane_is_esc_then_the_plain_key() {
        // Esc in a pane only goes back to a view that sent the user there.
        let alt_j = key(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(actions(alt_j, QUOTES), vec![Action::Close, Action::Down]);
    }

    #[test]
    fn the_mouse_and_resizes_become_actions() {
        assert_eq!(
            actions(Event::Resize(100, 30), QUOTES),
            vec![Action::Resize {
                width: 100,
                height: 30
            }]
        );
    }
}
