//! The TUI's whole state: focus, overlay, panes, marks, status; `update` turns an `Action` into changes and an `Effect`.

mod actors;
pub mod detail;
mod export;
mod filter;
mod finder;
mod input;
mod list;
mod marks;
mod mouse;
mod navigate;
mod overlay;
mod period;
pub mod quotes;
mod status;
mod timeline;

pub use actors::{ActorSort, ActorsPane};
pub use export::{ExportDialog, Scope};
pub use filter::FilterBar;
pub use finder::{ActorFinder, TextFinder, highlight_positions};
pub use list::StatementList;
pub use quotes::{QuotesPane, card_lines};
pub use timeline::{Timeline, Zoom, date_of};

use super::action::{Action, Effect};
use super::input::Keyboard;
use super::keymap::Context;
use super::layout;
use crate::diagnostic::Diagnostic;
use crate::model::StatementId;
use crate::store::Store;
use ratatui::layout::Rect;
use std::collections::BTreeSet;

/// The pane that has the keyboard when no overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Actors,
    Quotes,
    Timeline,
}

/// What is drawn over the panes and takes the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Filter,
    ActorSearch,
    TextSearch,
    Detail,
    Export,
    Help,
    Diagnostics,
}

/// The status line's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Scroll positions of the read-only overlays.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pages {
    pub detail: u16,
    pub help: usize,
    pub diagnostics: usize,
    /// The context the help was opened from (its keys are listed first).
    pub help_for: Option<Context>,
}

pub struct State<'a> {
    pub store: &'a Store,
    pub diagnostics: &'a [Diagnostic],
    pub focus: Focus,
    pub overlay: Overlay,
    pub actors: ActorsPane,
    pub list: StatementList,
    pub quotes: QuotesPane,
    pub timeline: Timeline,
    pub filter: FilterBar,
    pub actor_finder: ActorFinder,
    pub text_finder: TextFinder,
    pub export: ExportDialog,
    pub pages: Pages,
    /// Marked statements, in chronological (id) order.
    pub marks: BTreeSet<StatementId>,
    pub translation: bool,
    pub status: Option<Status>,
    /// The terminal size.
    pub size: Rect,
    /// `YYYYMMDD-HHMMSS` of now, for default export names (the loop's clock, a
    /// fixed one in tests).
    clock: fn() -> String,
    /// The stamp of the last default export name and how many used it.
    last_stamp: (String, usize),
}

impl<'a> State<'a> {
    /// A state over `store`, with all actors and no filter; `clock` stamps default export names.
    pub fn new(
        store: &'a Store,
        diagnostics: &'a [Diagnostic],
        clock: fn() -> String,
    ) -> State<'a> {
        let mut state = State {
            store,
            diagnostics,
            focus: Focus::Quotes,
            overlay: Overlay::None,
            actors: ActorsPane::new(store),
            list: StatementList::default(),
            quotes: QuotesPane::default(),
            timeline: Timeline::default(),
            filter: FilterBar::default(),
            actor_finder: ActorFinder::default(),
            text_finder: TextFinder::default(),
            export: ExportDialog::default(),
            pages: Pages::default(),
            marks: BTreeSet::new(),
            translation: false,
            status: None,
            size: Rect::new(0, 0, 80, 24),
            clock,
            last_stamp: (String::new(), 0),
        };
        state.list.filtered = store.all_ids().collect();
        state.renarrow();
        if !diagnostics.is_empty() {
            state.say(
                format!(
                    "{} load problem(s): press ! to see them; the rest loaded",
                    diagnostics.len()
                ),
                true,
            );
        }
        state
    }

    /// The keymap context that has the keyboard.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::None => match self.focus {
                Focus::Actors => Context::Actors,
                Focus::Quotes => Context::Quotes,
                Focus::Timeline => Context::Timeline,
            },
            Overlay::Filter => Context::Filter,
            Overlay::ActorSearch => Context::ActorSearch,
            Overlay::TextSearch => Context::TextSearch,
            Overlay::Detail => Context::Detail,
            Overlay::Export if self.export.confirming => Context::Confirm,
            Overlay::Export => Context::Export,
            Overlay::Help => Context::Help,
            Overlay::Diagnostics => Context::Diagnostics,
        }
    }

    /// Where the keyboard is, for mapping input: the context, and the pane's under an overlay.
    pub fn keyboard(&self) -> Keyboard {
        let pane = match self.focus {
            Focus::Actors => Context::Actors,
            Focus::Quotes => Context::Quotes,
            Focus::Timeline => Context::Timeline,
        };
        Keyboard {
            context: self.context(),
            pane,
        }
    }

    /// Whether a pane waits for work asked of the effects (a ranking, a filter run).
    pub fn awaiting(&self) -> bool {
        self.text_finder.ranking_pending() || self.filter.running.is_some()
    }

    /// Applies one action; returns the I/O it asks for.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if action.is_input() {
            // A message lasts until the user's next key: it never outlives what it describes.
            self.status = None;
        }
        let effect = match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::HalfPageUp => self.step(-self.half_page()),
            Action::HalfPageDown => self.step(self.half_page()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::FocusNext => self.set_focus(match self.focus {
                Focus::Actors => Focus::Quotes,
                Focus::Quotes => Focus::Timeline,
                Focus::Timeline => Focus::Actors,
            }),
            Action::FocusPrev => self.set_focus(match self.focus {
                Focus::Actors => Focus::Timeline,
                Focus::Quotes => Focus::Actors,
                Focus::Timeline => Focus::Quotes,
            }),
            Action::FocusActors => self.set_focus(Focus::Actors),
            Action::FocusQuotes => self.set_focus(Focus::Quotes),
            Action::ShowAllActors => {
                self.actors.cursor = 0;
                self.renarrow();
                self.say(format!("All actors: {} statements", self.list.len()), false);
                None
            }
            Action::ToggleActorSort => {
                self.actors.toggle_sort();
                None
            }
            Action::ToggleTranslation => {
                self.translation = !self.translation;
                let shown = if self.translation { "shown" } else { "hidden" };
                self.say(format!("Translations {shown}"), false);
                None
            }
            Action::PrevPeriod => self.jump_period(false),
            Action::NextPeriod => self.jump_period(true),
            Action::ZoomIn => self.zoom(self.timeline.zoom.zoom_in()),
            Action::ZoomOut => self.zoom(self.timeline.zoom.zoom_out()),
            Action::FilterToPeriod => self.filter_to_period(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OpenDetail => {
                if self.list.current().is_some() {
                    self.pages.detail = 0;
                    self.overlay = Overlay::Detail;
                }
                None
            }
            Action::OpenActorSearch => {
                self.actor_finder.open();
                self.overlay = Overlay::ActorSearch;
                None
            }
            Action::OpenTextSearch => {
                self.text_finder.open();
                self.overlay = Overlay::TextSearch;
                None
            }
            Action::EditFilter => {
                self.filter.begin();
                self.overlay = Overlay::Filter;
                None
            }
            Action::ClearFilter => {
                self.filter.input.set("");
                let effect = self.evaluate_filter();
                self.say("Filter cleared".into(), false);
                effect
            }
            Action::OpenExport => self.open_export(),
            Action::OpenHelp => {
                self.pages.help_for = Some(self.context());
                self.pages.help = 0;
                self.overlay = Overlay::Help;
                None
            }
            Action::OpenDiagnostics => {
                self.pages.diagnostics = 0;
                self.overlay = Overlay::Diagnostics;
                None
            }
            Action::Close => self.close(),
            Action::Accept => self.accept(),
            Action::ToggleMark => self.toggle_mark(),
            Action::MarkAllVisible => self.mark_all_visible(),
            Action::ClearMarks => self.clear_marks(),
            Action::NextFormat => {
                self.export.cycle(true);
                None
            }
            Action::PrevFormat => {
                self.export.cycle(false);
                None
            }
            Action::ConfirmOverwrite => self.export_request(true),
            Action::DeclineOverwrite => {
                self.export.confirming = false;
                self.say("Not overwritten: edit the path or Esc".into(), false);
                None
            }
            Action::Edit(edit) => self.edit(edit),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                None
            }
            Action::Filtered(result) => {
                if let Some(ids) = self.filter.finished(result) {
                    self.show_filtered(ids);
                }
                None
            }
            Action::ExportDone(result) => self.export_done(result),
            Action::TextRanked(progress) => {
                self.text_finder.ranked(progress);
                None
            }
            Action::Unbound(key) => self.unbound(&key),
            Action::Suspend => Some(Effect::Suspend),
            Action::Quit => Some(Effect::Quit),
        };
        self.scroll_panes();
        effect
    }

    fn set_focus(&mut self, focus: Focus) -> Option<Effect> {
        self.focus = focus;
        None
    }

    /// The typed filter changed: says why it is invalid, or asks for its run.
    fn filter_edited(&mut self) -> Option<Effect> {
        match self.filter.edited(self.store) {
            filter::Outcome::Run(request) => Some(Effect::Filter(request)),
            filter::Outcome::Apply(_) | filter::Outcome::Keep => None,
        }
    }

    /// Re-runs the typed filter, here or (over a large store) by asking for a background
    /// run; an invalid one keeps the last valid result.
    fn evaluate_filter(&mut self) -> Option<Effect> {
        match self.filter.evaluate(self.store) {
            filter::Outcome::Apply(ids) => {
                self.show_filtered(ids);
                None
            }
            filter::Outcome::Run(request) => Some(Effect::Filter(request)),
            filter::Outcome::Keep => None,
        }
    }

    /// Shows a filter's result (`None`: every statement) in every pane.
    fn show_filtered(&mut self, ids: Option<Vec<StatementId>>) {
        self.actors.recount(self.store, ids.as_deref());
        self.list.filtered = ids.unwrap_or_else(|| self.store.all_ids().collect());
        self.renarrow();
        // A background result can arrive with the export dialog open: it then counts
        // what it will now write.
        self.refresh_scope();
    }

    /// Narrows the filtered statements to the actor under the cursor and recounts the timeline.
    fn renarrow(&mut self) {
        self.list.narrow(self.store, self.actors.selected());
        self.timeline.rebuild(self.store, &self.list.ids);
    }

    /// The timeline bin of the period the statement under the cursor is sorted under.
    pub fn cursor_bin(&self) -> Option<usize> {
        let id = self.list.current()?;
        self.timeline.sort_bin(self.store, id)
    }

    /// Keeps every cursor inside its pane after any change.
    fn scroll_panes(&mut self) {
        let a = layout::areas(self.size);
        let actors = layout::inner(a.actors);
        self.actors.scroll(actors.height as usize);
        let quotes = layout::inner(a.quotes);
        self.quotes.scroll(
            self.store,
            &self.list.ids,
            self.list.cursor,
            quotes.width,
            quotes.height,
            self.translation,
        );
        let list = layout::timeline_parts(layout::inner(a.timeline)).list;
        self.timeline.offset =
            actors::scroll_offset(self.timeline.offset, self.list.cursor, list.height as usize);
        let finder_rows = layout::finder(self.size).list.height as usize;
        self.text_finder.offset = actors::scroll_offset(
            self.text_finder.offset,
            self.text_finder.cursor,
            finder_rows,
        );
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
