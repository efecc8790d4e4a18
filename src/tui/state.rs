//! The TUI's whole state: focus, overlay, panes, marks, status; `update` turns an `Action` into changes and an `Effect`.

mod actor_finder;
pub mod actor_form;
mod actors;
mod clipboard;
mod copy;
mod counting;
pub mod course;
pub mod detail;
mod diagnostics;
mod export;
mod filter;
pub mod form;
mod help;
mod input;
mod leaving;
mod list;
mod marks;
mod once;
mod overlay;
pub mod positions;
pub mod quotes;
pub mod review;
mod route;
pub mod selection;
pub mod shifts;
mod status;
mod text_finder;
mod timeline;

pub use actor_finder::{ActorFinder, Purpose};
pub use actor_form::ActorForm;
pub use actors::{ActorSort, ActorsPane};
pub use copy::CopyPrompt;
pub use course::{CourseLine, CourseView};
pub use detail::DetailPage;
pub use diagnostics::DiagnosticsPage;
pub use export::{ExportDialog, ExportStep, Scope};
pub use filter::FilterBar;
pub use form::StatementForm;
pub use help::HelpPage;
pub use leaving::Leaving;
pub use list::StatementList;
pub use overlay::{Back, Focus, Overlay, Status};
pub use positions::{Geometry, PositionsView};
pub use quotes::{QuotesPane, card_lines};
pub use review::ReviewQueue;
pub use selection::TextSelection;
pub use shifts::ShiftsView;
pub use text_finder::{TextFinder, highlight_positions};
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

pub struct State<'a> {
    pub store: &'a Store,
    pub diagnostics: &'a [Diagnostic],
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub actors: ActorsPane,
    pub list: StatementList,
    pub quotes: QuotesPane,
    pub timeline: Timeline,
    pub filter: FilterBar,
    pub actor_finder: ActorFinder,
    pub text_finder: TextFinder,
    pub export: ExportDialog,
    pub positions: PositionsView,
    pub shifts: ShiftsView,
    pub course: CourseView,
    pub review: ReviewQueue,
    /// The statement form, while it is open.
    pub form: Option<StatementForm>,
    pub actor_form: Option<ActorForm>,
    /// With `A`: for every statement, the one that stands for it (each shown once).
    pub once: Option<Vec<StatementId>>,
    /// The caret in an article's text, while selecting a new statement.
    pub selection: Option<TextSelection>,
    pub copy: CopyPrompt,
    /// Where Esc in the panes returns to, if a view sent the user there.
    pub back: Option<Back>,
    /// The view the detail or help overlay was opened from, which Esc returns to.
    pub return_to: Option<Overlay>,
    /// Marked statements, in chronological (id) order.
    pub marks: BTreeSet<StatementId>,
    pub translation: bool,
    pub status: Option<Status>,
    /// The edits not yet saved, which quitting warns of.
    pub leaving: Leaving,
    /// The terminal size.
    pub size: Rect,
    /// `YYYYMMDD-HHMMSS` of now, for default export names (the loop's clock, a
    /// fixed one in tests).
    clock: fn() -> String,
    /// The stamp of the last default export name and how many used it.
    last_stamp: (String, usize),
    /// The last generation of background count asked for.
    tallies: u64,
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
            overlay: None,
            actors: ActorsPane::new(store),
            list: StatementList::default(),
            quotes: QuotesPane::default(),
            timeline: Timeline::default(),
            filter: FilterBar::default(),
            actor_finder: ActorFinder::default(),
            text_finder: TextFinder::default(),
            export: ExportDialog::default(),
            positions: PositionsView::default(),
            shifts: ShiftsView::default(),
            course: CourseView::default(),
            review: ReviewQueue::default(),
            form: None,
            actor_form: None,
            selection: None,
            once: None,
            copy: CopyPrompt::default(),
            back: None,
            return_to: None,
            marks: BTreeSet::new(),
            translation: false,
            status: None,
            leaving: Leaving::default(),
            size: Rect::new(0, 0, 80, 24),
            clock,
            last_stamp: (String::new(), 0),
            tallies: 0,
        };
        state.list.filtered = store.all_ids().collect();
        state.renarrow();
        state.greet();
        state
    }

    /// The keymap context that has the keyboard.
    pub fn context(&self) -> Context {
        match self.overlay {
            None => self.focus.context(),
            Some(Overlay::Filter) => Context::Filter,
            Some(Overlay::ActorSearch) => Context::ActorSearch,
            Some(Overlay::TextSearch) => Context::TextSearch,
            Some(Overlay::Detail(_)) => Context::Detail,
            Some(Overlay::Export(step)) => step.context(),
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Diagnostics(_)) => Context::Diagnostics,
            Some(Overlay::Positions) => Context::Positions,
            Some(Overlay::Shifts) => Context::Shifts,
            Some(Overlay::Course) => Context::Course,
            Some(Overlay::Review) => Context::Review,
            Some(Overlay::Form) => Context::Form,
            Some(Overlay::ActorForm) => Context::ActorForm,
            Some(Overlay::Select) => Context::Select,
            Some(Overlay::Copy) => Context::Copy,
        }
    }

    /// Where the keyboard is, for mapping input: the context, and the pane's under an overlay.
    pub fn keyboard(&self) -> Keyboard {
        Keyboard {
            context: self.context(),
            pane: self.focus.context(),
        }
    }

    /// Whether a pane waits for work asked of the effects (a ranking, a filter run).
    pub fn awaiting(&self) -> bool {
        self.text_finder.ranking_pending()
            || self.filter.running.is_some()
            || self.positions.counting.pending()
            || self.shifts.counting.pending()
    }

    /// Applies one action; returns the I/O it asks for. Each arm hands the action to
    /// the pane or overlay that owns it (or, for the verbs that act on whatever has
    /// the keyboard, to the router in `route.rs`).
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if action.is_input() {
            // A message lasts until the user's next key: it never outlives what it describes.
            self.status = None;
            self.unwarn(&action);
        }
        let effect = match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::HalfPageUp => self.step(-self.half_page()),
            Action::HalfPageDown => self.step(self.half_page()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::FocusActors => self.set_focus(Focus::Actors),
            Action::FocusQuotes => self.set_focus(Focus::Quotes),
            Action::ShowAllActors => self.show_all_actors(),
            Action::ToggleActorSort => self.sort_actors(),
            Action::ToggleTranslation => self.toggle_translation(),
            Action::PrevPeriod => self.jump_period(false),
            Action::NextPeriod => self.jump_period(true),
            Action::ZoomIn => self.zoom(self.timeline.zoom.zoom_in()),
            Action::ZoomOut => self.zoom(self.timeline.zoom.zoom_out()),
            Action::FilterToPeriod => self.filter_to_period(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::OpenDetail => self.open_detail(),
            Action::CopyCitation => self.copy_citation(),
            Action::OpenPositions => self.open_positions(),
            Action::OpenShifts => self.open_shifts(),
            Action::OpenCourse => self.open_course(),
            Action::PrevColumn => self.step_column(-1),
            Action::NextColumn => self.step_column(1),
            Action::ToggleBy => self.toggle_by(),
            Action::SortRows => self.sort_positions(true),
            Action::SortColumns => self.sort_positions(false),
            Action::ToggleNeutral => self.toggle_neutral(),
            Action::OpenReview => self.open_review(),
            Action::ReviewYes => self.review_yes(),
            Action::ReviewNo => self.review_no(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::EditStatement => self.edit_statement(),
            Action::DeleteStatement => self.delete_statement(),
            Action::SaveForm => self.save(),
            Action::EditActor => self.open_actor_form(),
            Action::MergeActor => self.pick_merge_target(),
            Action::SelectText => self.open_selection(),
            Action::WordNext => self.move_caret(selection::next_word),
            Action::WordPrev => self.move_caret(selection::prev_word),
            Action::SentenceNext => self.move_caret(selection::next_sentence),
            Action::SentencePrev => self.move_caret(selection::prev_sentence),
            Action::Anchor => self.toggle_anchor(),
            Action::ToggleOnce => self.toggle_once(),
            Action::Reselect {
                article,
                key,
                index,
            } => self.reselect(&article, &key, index),
            Action::RetrySave => self.retry_save(),
            Action::Reload => self.reload(),
            Action::OpenActorSearch => self.open_actor_finder(),
            Action::OpenTextSearch => self.open_text_finder(),
            Action::EditFilter => self.open_filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::OpenExport => self.open_export(),
            Action::OpenHelp => self.open_help(),
            Action::OpenDiagnostics => self.open_diagnostics(),
            Action::Close => self.close(),
            Action::Accept => self.accept(),
            Action::ToggleMark => self.toggle_mark(),
            Action::MarkAllVisible => self.mark_all_visible(),
            Action::ClearMarks => self.clear_marks(),
            Action::NextFormat => self.cycle_format(true),
            Action::PrevFormat => self.cycle_format(false),
            Action::ConfirmOverwrite => self.confirm_overwrite(),
            Action::DeclineOverwrite => self.decline_overwrite(),
            Action::Edit(edit) => self.edit(edit),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Filtered(result) => self.filtered(result),
            Action::Tallied(result) => self.tallied(&result),
            Action::ExportDone(result) => self.export_done(result),
            Action::TextRanked(progress) => self.text_ranked(progress),
            Action::Unbound(key) => self.unbound(&key),
            Action::Say(text, error) => self.told(text, error),
            Action::Unsaved(n) => self.set_unsaved(n),
            Action::AskCopy(folder) => self.ask_copy(folder),
            Action::Suspend => Some(Effect::Suspend),
            Action::Quit => self.quit(),
        };
        self.scroll_panes();
        effect
    }

    /// The next generation of background count.
    fn next_tally(&mut self) -> u64 {
        self.tallies += 1;
        self.tallies
    }

    /// A background count arrived: the view that awaits it takes it.
    fn tallied(&mut self, result: &super::action::TallyResult) -> Option<Effect> {
        self.positions_counted(result.generation, &result.tallied);
        self.shifts_counted(result.generation, &result.tallied);
        None
    }

    /// The statements on screen changed: the open view counts them again.
    fn recount_view(&mut self) -> Option<Effect> {
        match self.overlay {
            Some(Overlay::Positions) => self.count_positions(),
            Some(Overlay::Shifts) => self.count_shifts(),
            _ => None,
        }
    }

    fn set_focus(&mut self, focus: Focus) -> Option<Effect> {
        self.focus = focus;
        None
    }

    fn resize(&mut self, width: u16, height: u16) -> Option<Effect> {
        self.size = Rect::new(0, 0, width, height);
        None
    }

    /// Closes the overlay that has nothing to undo or apply.
    fn close_overlay(&mut self) -> Option<Effect> {
        self.overlay = None;
        None
    }

    /// Whether the pane `focus` has the keyboard (it is focused and no overlay is open).
    pub fn has_keys(&self, focus: Focus) -> bool {
        self.focus == focus && self.overlay.is_none()
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
        self.keep_once();
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
            list::scroll_offset(self.timeline.offset, self.list.cursor, list.height as usize);
        let table = layout::view(self.size).table;
        self.positions.scroll(self.store, table);
        self.shifts.scroll(table);
        self.course.scroll(table);
        let finder_rows = layout::finder(self.size).list.height as usize;
        self.text_finder.offset = list::scroll_offset(
            self.text_finder.offset,
            self.text_finder.cursor,
            finder_rows,
        );
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
