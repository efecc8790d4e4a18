//! The one key binding table: it drives dispatch, the footer hints and the help overlay.

mod key;
mod lookup;

pub use key::Key;
pub use lookup::{FIELD_EDITS, footer, help_rows, lookup};

use super::action::Action;
use crossterm::event::KeyCode;

/// Where a binding applies. Panes add `Browse` and `Any`; overlays add `Any`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Any,
    Browse,
    Actors,
    Quotes,
    Timeline,
    Filter,
    ActorSearch,
    TextSearch,
    Detail,
    Export,
    Confirm,
    Help,
    Diagnostics,
    Positions,
    Shifts,
    Course,
    Review,
    Form,
    ActorForm,
    Select,
    Copy,
    Loading,
}

impl Context {
    pub const ALL: [Context; 22] = [
        Context::Any,
        Context::Browse,
        Context::Actors,
        Context::Quotes,
        Context::Timeline,
        Context::Filter,
        Context::ActorSearch,
        Context::TextSearch,
        Context::Detail,
        Context::Export,
        Context::Confirm,
        Context::Help,
        Context::Diagnostics,
        Context::Positions,
        Context::Shifts,
        Context::Course,
        Context::Review,
        Context::Form,
        Context::ActorForm,
        Context::Select,
        Context::Copy,
        Context::Loading,
    ];

    /// The title of the context's section in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Any => "Everywhere",
            Context::Browse => "All panes",
            Context::Actors => "Actors pane",
            Context::Quotes => "Quotes pane",
            Context::Timeline => "Timeline pane",
            Context::Filter => "Filter bar (typing)",
            Context::ActorSearch => "Actor search (typing)",
            Context::TextSearch => "Text search (typing)",
            Context::Detail => "Detail view",
            Context::Export => "Export dialog (typing the path)",
            Context::Confirm => "Overwrite question",
            Context::Help => "Help",
            Context::Diagnostics => "Load diagnostics",
            Context::Positions => "Positions (who backs what)",
            Context::Shifts => "Shifts (who changed position)",
            Context::Course => "An actor's positions over time",
            Context::Review => "Review queue (automatic statements)",
            Context::Form => "Statement form (typing)",
            Context::ActorForm => "Actor form (typing)",
            Context::Select => "Selecting text for a new statement",
            Context::Copy => "Copy before the first edit (typing the folder)",
            Context::Loading => "While loading",
        }
    }

    /// The contexts whose bindings are live when `self` is the innermost one.
    pub fn stack(self) -> Vec<Context> {
        match self {
            Context::Actors | Context::Quotes | Context::Timeline => {
                vec![self, Context::Browse, Context::Any]
            }
            Context::Any => vec![Context::Any],
            _ => vec![self, Context::Any],
        }
    }

    /// Whether printable keys type text in this context.
    pub fn is_text_field(self) -> bool {
        matches!(
            self,
            Context::Filter
                | Context::ActorSearch
                | Context::TextSearch
                | Context::Export
                | Context::Form
                | Context::ActorForm
                | Context::Copy
        )
    }
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// A word or two for the footer; empty keeps the binding out of the footer.
    pub label: &'static str,
    /// What the key does, for the help overlay.
    pub help: &'static str,
}

macro_rules! bind {
    ($ctx:ident, $key:expr, $action:expr, $label:literal, $help:literal) => {
        Binding {
            context: Context::$ctx,
            key: $key,
            action: $action,
            label: $label,
            help: $help,
        }
    };
}

use KeyCode as K;
const fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}
const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

/// Every binding. Dispatch, the footer and the help all read this table.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind!(Any, Key::ctrl('c'), Action::Quit, "", "quit (restores the terminal)"),
    bind!(Any, Key::ctrl('z'), Action::Suspend, "", "suspend to the shell (fg resumes)"),
    bind!(Browse, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Browse, ch('j'), Action::Down, "", "next row"),
    bind!(Browse, k(K::Down), Action::Down, "", "next row"),
    bind!(Browse, ch('k'), Action::Up, "", "previous row"),
    bind!(Browse, k(K::Up), Action::Up, "", "previous row"),
    bind!(Browse, ch('g'), Action::Top, "", "first row"),
    bind!(Browse, k(K::Home), Action::Top, "", "first row"),
    bind!(Browse, ch('G'), Action::Bottom, "", "last row"),
    bind!(Browse, k(K::End), Action::Bottom, "", "last row"),
    bind!(Browse, Key::ctrl('d'), Action::HalfPageDown, "", "half a page down"),
    bind!(Browse, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Browse, Key::ctrl('u'), Action::HalfPageUp, "", "half a page up"),
    bind!(Browse, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Browse, k(K::Tab), Action::FocusNext, "pane", "next pane"),
    bind!(Browse, k(K::BackTab), Action::FocusPrev, "", "previous pane"),
    bind!(Browse, ch('/'), Action::OpenActorSearch, "actor", "find an actor by name or alias (fuzzy)"),
    bind!(Browse, ch('s'), Action::OpenTextSearch, "text", "find statements by words, then fuzzy-ranked matches"),
    bind!(Browse, ch('n'), Action::NextMatch, "", "next match of the last text search (after Enter)"),
    bind!(Browse, ch('N'), Action::PrevMatch, "", "previous match of the last text search"),
    bind!(Browse, ch('f'), Action::EditFilter, "filter", "edit the filter expression"),
    bind!(Browse, ch('F'), Action::ClearFilter, "", "clear the filter"),
    bind!(Browse, ch('a'), Action::ShowAllActors, "all", "back to all actors"),
    bind!(Browse, ch(' '), Action::ToggleMark, "mark", "mark or unmark the statement, then move to the next"),
    bind!(Browse, ch('*'), Action::MarkAllVisible, "", "mark every visible statement"),
    bind!(Browse, ch('U'), Action::ClearMarks, "", "clear all marks"),
    bind!(Browse, ch('R'), Action::OpenReview, "", "review automatic statements, lowest confidence first"),
    bind!(Browse, ch('u'), Action::Undo, "", "undo the last edit (accept, reject, …)"),
    bind!(Browse, Key::ctrl('r'), Action::Redo, "", "redo the last undone edit"),
    bind!(Actors, ch('r'), Action::EditActor, "edit", "edit the actor: rename, add aliases, kind, role, country"),
    bind!(Actors, ch('m'), Action::MergeActor, "merge", "merge the actor into another (its statements follow; its names become aliases)"),
    bind!(Browse, ch('W'), Action::RetrySave, "", "write the unsaved edits again (the journal refused them)"),
    bind!(Browse, Key::ctrl('l'), Action::Reload, "", "read the corpus again from disk (a file changed)"),
    bind!(Browse, ch('A'), Action::ToggleOnce, "", "each statement once: a passage several annotators marked shows once, naming them"),
    bind!(Browse, ch('e'), Action::OpenExport, "export", "export marked (or visible) statements"),
    bind!(Browse, ch('P'), Action::OpenPositions, "positions", "positions: actors by topics, who supports and opposes what"),
    bind!(Browse, ch('S'), Action::OpenShifts, "", "shifts: who changed position on what"),
    bind!(Browse, k(K::Esc), Action::Close, "", "back to the positions view a cell was entered from"),
    bind!(Browse, ch('t'), Action::ToggleTranslation, "transl.", "show or hide English translations"),
    bind!(Browse, ch('!'), Action::OpenDiagnostics, "", "show load diagnostics"),
    bind!(Browse, ch('?'), Action::OpenHelp, "help", "help: every key"),
    bind!(Actors, ch('o'), Action::ToggleActorSort, "sort", "sort actors by count or by name"),
    bind!(Actors, ch('p'), Action::OpenCourse, "over time", "the actor's positions over time, topic by topic"),
    bind!(Actors, ch('l'), Action::FocusQuotes, "", "go to the quotes pane"),
    bind!(Actors, k(K::Right), Action::FocusQuotes, "", "go to the quotes pane"),
    bind!(Actors, k(K::Enter), Action::FocusQuotes, "", "go to the actor's quotes"),
    bind!(Quotes, k(K::Enter), Action::OpenDetail, "detail", "open the statement in its article"),
    bind!(Quotes, ch('y'), Action::CopyCitation, "", "copy the statement with its citation (OSC 52 clipboard)"),
    bind!(Quotes, ch('c'), Action::EditStatement, "edit", "edit the statement: speaker, mode, date, topics, … in a form"),
    bind!(Quotes, ch('d'), Action::DeleteStatement, "", "delete the statement (u undoes)"),
    bind!(Quotes, ch('h'), Action::FocusActors, "", "go to the actors pane"),
    bind!(Quotes, k(K::Left), Action::FocusActors, "", "go to the actors pane"),
    bind!(Timeline, k(K::Enter), Action::OpenDetail, "detail", "open the statement in its article"),
    bind!(Timeline, ch('y'), Action::CopyCitation, "", "copy the statement with its citation (OSC 52 clipboard)"),
    bind!(Timeline, ch('c'), Action::EditStatement, "", "edit the statement in a form"),
    bind!(Timeline, ch('d'), Action::DeleteStatement, "", "delete the statement (u undoes)"),
    bind!(Timeline, ch('h'), Action::PrevPeriod, "", "previous period with statements"),
    bind!(Timeline, k(K::Left), Action::PrevPeriod, "", "previous period with statements"),
    bind!(Timeline, ch('l'), Action::NextPeriod, "", "next period with statements"),
    bind!(Timeline, k(K::Right), Action::NextPeriod, "", "next period with statements"),
    bind!(Timeline, ch('+'), Action::ZoomIn, "zoom", "zoom in (month → week → day)"),
    bind!(Timeline, ch('='), Action::ZoomIn, "", "zoom in"),
    bind!(Timeline, ch('-'), Action::ZoomOut, "", "zoom out (day → week → month)"),
    bind!(Timeline, ch('p'), Action::FilterToPeriod, "period", "filter to the cursor's day / week / month (since: until:)"),
    bind!(Filter, k(K::Enter), Action::Accept, "keep", "keep the filter and leave the bar"),
    bind!(Filter, k(K::Esc), Action::Close, "undo", "restore the filter as it was and leave the bar"),
    bind!(ActorSearch, k(K::Enter), Action::Accept, "jump", "jump to the actor"),
    bind!(ActorSearch, k(K::Esc), Action::Close, "cancel", "close the search"),
    bind!(ActorSearch, k(K::Down), Action::Down, "", "next match"),
    bind!(ActorSearch, Key::ctrl('n'), Action::Down, "", "next match"),
    bind!(ActorSearch, k(K::Up), Action::Up, "", "previous match"),
    bind!(ActorSearch, Key::ctrl('p'), Action::Up, "", "previous match"),
    bind!(TextSearch, k(K::Enter), Action::Accept, "jump", "jump to the statement"),
    bind!(TextSearch, k(K::Esc), Action::Close, "cancel", "close the search"),
    bind!(TextSearch, k(K::Down), Action::Down, "", "next match"),
    bind!(TextSearch, Key::ctrl('n'), Action::Down, "", "next match"),
    bind!(TextSearch, k(K::Up), Action::Up, "", "previous match"),
    bind!(TextSearch, Key::ctrl('p'), Action::Up, "", "previous match"),
    bind!(Detail, k(K::Esc), Action::Close, "back", "back to the list"),
    bind!(Detail, k(K::Enter), Action::Close, "", "back to the list"),
    bind!(Detail, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Detail, ch('j'), Action::Down, "next", "next statement"),
    bind!(Detail, k(K::Down), Action::Down, "", "next statement"),
    bind!(Detail, ch('k'), Action::Up, "prev", "previous statement"),
    bind!(Detail, k(K::Up), Action::Up, "", "previous statement"),
    bind!(Detail, k(K::PageDown), Action::HalfPageDown, "scroll", "scroll the text down"),
    bind!(Detail, Key::ctrl('d'), Action::HalfPageDown, "", "scroll the text down"),
    bind!(Detail, k(K::PageUp), Action::HalfPageUp, "", "scroll the text up"),
    bind!(Detail, Key::ctrl('u'), Action::HalfPageUp, "", "scroll the text up"),
    bind!(Detail, ch('G'), Action::Bottom, "", "scroll to the end of the text"),
    bind!(Detail, k(K::End), Action::Bottom, "", "scroll to the end of the text"),
    bind!(Detail, ch('g'), Action::Top, "", "scroll to the start of the text"),
    bind!(Detail, k(K::Home), Action::Top, "", "scroll to the start of the text"),
    bind!(Detail, ch(' '), Action::ToggleMark, "mark", "mark or unmark this statement"),
    bind!(Detail, ch('t'), Action::ToggleTranslation, "transl.", "show or hide the translation"),
    bind!(Detail, ch('c'), Action::EditStatement, "edit", "edit the statement in a form"),
    bind!(Detail, ch('d'), Action::DeleteStatement, "", "delete the statement (u undoes)"),
    bind!(Detail, ch('v'), Action::SelectText, "select", "a caret in the text: select a passage to make a new statement"),
    bind!(Detail, ch('u'), Action::Undo, "", "undo the last edit"),
    bind!(Detail, Key::ctrl('r'), Action::Redo, "", "redo the last undone edit"),
    bind!(Select, ch('h'), Action::PrevColumn, "", "caret one character left"),
    bind!(Select, k(K::Left), Action::PrevColumn, "", "caret one character left"),
    bind!(Select, ch('l'), Action::NextColumn, "", "caret one character right"),
    bind!(Select, k(K::Right), Action::NextColumn, "", "caret one character right"),
    bind!(Select, ch('w'), Action::WordNext, "word", "caret to the next word"),
    bind!(Select, ch('b'), Action::WordPrev, "", "caret to the previous word"),
    bind!(Select, ch(')'), Action::SentenceNext, "sentence", "caret to the next sentence"),
    bind!(Select, ch('('), Action::SentencePrev, "", "caret to the start of the sentence (or the one before)"),
    bind!(Select, ch('v'), Action::Anchor, "mark start", "start the selection at the caret (again: drop it)"),
    bind!(Select, ch('c'), Action::EditStatement, "new statement", "a new statement of the selected text, in the form"),
    bind!(Select, k(K::Enter), Action::EditStatement, "", "a new statement of the selected text, in the form"),
    bind!(Select, k(K::Esc), Action::Close, "back", "back to the detail view"),
    bind!(Select, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Form, Key::ctrl('s'), Action::SaveForm, "save", "save the statement (every field is checked first)"),
    bind!(Form, k(K::Tab), Action::Down, "next", "next field"),
    bind!(Form, k(K::Down), Action::Down, "", "next field"),
    bind!(Form, k(K::BackTab), Action::Up, "", "previous field"),
    bind!(Form, k(K::Up), Action::Up, "", "previous field"),
    bind!(Form, k(K::Enter), Action::Accept, "choose", "actor field: find or make an actor; topics: complete the name; else next field"),
    bind!(Form, k(K::Esc), Action::Close, "cancel", "close the form without saving"),
    bind!(ActorForm, Key::ctrl('s'), Action::SaveForm, "save", "save the actor (checked first)"),
    bind!(ActorForm, k(K::Tab), Action::Down, "next", "next field"),
    bind!(ActorForm, k(K::Down), Action::Down, "", "next field"),
    bind!(ActorForm, k(K::Enter), Action::Down, "", "next field"),
    bind!(ActorForm, k(K::BackTab), Action::Up, "", "previous field"),
    bind!(ActorForm, k(K::Up), Action::Up, "", "previous field"),
    bind!(ActorForm, k(K::Esc), Action::Close, "cancel", "close without saving"),
    bind!(Export, k(K::Enter), Action::Accept, "write", "write the file"),
    bind!(Export, k(K::Esc), Action::Close, "cancel", "cancel (marks are kept)"),
    bind!(Export, k(K::Tab), Action::NextFormat, "format", "next format"),
    bind!(Export, k(K::BackTab), Action::PrevFormat, "", "previous format"),
    bind!(Confirm, ch('y'), Action::ConfirmOverwrite, "overwrite", "overwrite the existing file"),
    bind!(Confirm, ch('n'), Action::DeclineOverwrite, "keep", "keep the file; edit the path"),
    bind!(Confirm, k(K::Esc), Action::DeclineOverwrite, "", "keep the file; edit the path"),
    bind!(Help, k(K::Esc), Action::Close, "close", "close the help"),
    bind!(Help, ch('?'), Action::Close, "", "close the help"),
    bind!(Help, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Help, ch('j'), Action::Down, "", "scroll down"),
    bind!(Help, k(K::Down), Action::Down, "", "scroll down"),
    bind!(Help, ch('k'), Action::Up, "", "scroll up"),
    bind!(Help, k(K::Up), Action::Up, "", "scroll up"),
    bind!(Help, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Help, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Help, ch('G'), Action::Bottom, "", "to the end"),
    bind!(Help, k(K::End), Action::Bottom, "", "to the end"),
    bind!(Help, ch('g'), Action::Top, "", "to the start"),
    bind!(Help, k(K::Home), Action::Top, "", "to the start"),
    bind!(Diagnostics, k(K::Esc), Action::Close, "close", "close the list"),
    bind!(Diagnostics, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Diagnostics, ch('j'), Action::Down, "", "scroll down"),
    bind!(Diagnostics, k(K::Down), Action::Down, "", "scroll down"),
    bind!(Diagnostics, ch('k'), Action::Up, "", "scroll up"),
    bind!(Diagnostics, k(K::Up), Action::Up, "", "scroll up"),
    bind!(Diagnostics, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Diagnostics, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Diagnostics, ch('G'), Action::Bottom, "", "to the end"),
    bind!(Diagnostics, k(K::End), Action::Bottom, "", "to the end"),
    bind!(Diagnostics, ch('g'), Action::Top, "", "to the start"),
    bind!(Diagnostics, k(K::Home), Action::Top, "", "to the start"),
    bind!(Positions, k(K::Enter), Action::Accept, "statements", "the cell's statements in the quotes pane (Esc comes back)"),
    bind!(Positions, k(K::Esc), Action::Close, "back", "back to the panes"),
    bind!(Positions, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Positions, ch('b'), Action::ToggleBy, "by", "count by principal (for whom) or by speaker"),
    bind!(Positions, ch('o'), Action::SortRows, "rows", "order the actors by count, name, or how divided they are"),
    bind!(Positions, ch('O'), Action::SortColumns, "cols", "order the topics by count or name"),
    bind!(Positions, ch('S'), Action::OpenShifts, "shifts", "the shifts of the same statements"),
    bind!(Positions, ch('j'), Action::Down, "", "next actor"),
    bind!(Positions, k(K::Down), Action::Down, "", "next actor"),
    bind!(Positions, ch('k'), Action::Up, "", "previous actor"),
    bind!(Positions, k(K::Up), Action::Up, "", "previous actor"),
    bind!(Positions, ch('l'), Action::NextColumn, "", "next topic"),
    bind!(Positions, k(K::Right), Action::NextColumn, "", "next topic"),
    bind!(Positions, ch('h'), Action::PrevColumn, "", "previous topic"),
    bind!(Positions, k(K::Left), Action::PrevColumn, "", "previous topic"),
    bind!(Positions, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Positions, Key::ctrl('d'), Action::HalfPageDown, "", "half a page down"),
    bind!(Positions, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Positions, Key::ctrl('u'), Action::HalfPageUp, "", "half a page up"),
    bind!(Positions, ch('g'), Action::Top, "", "first actor"),
    bind!(Positions, ch('G'), Action::Bottom, "", "last actor"),
    bind!(Positions, ch('?'), Action::OpenHelp, "help", "help: every key"),
    bind!(Shifts, k(K::Enter), Action::Accept, "open", "open the chosen statement in its article (Esc comes back)"),
    bind!(Shifts, k(K::Esc), Action::Close, "back", "back to the panes"),
    bind!(Shifts, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Shifts, ch('h'), Action::PrevColumn, "earlier", "choose the earlier statement"),
    bind!(Shifts, k(K::Left), Action::PrevColumn, "", "choose the earlier statement"),
    bind!(Shifts, ch('l'), Action::NextColumn, "later", "choose the later statement"),
    bind!(Shifts, k(K::Right), Action::NextColumn, "", "choose the later statement"),
    bind!(Shifts, ch('i'), Action::ToggleNeutral, "neutral", "count changes to and from neutral, or not"),
    bind!(Shifts, ch('b'), Action::ToggleBy, "by", "by principal (for whom) or by speaker"),
    bind!(Shifts, ch('P'), Action::OpenPositions, "positions", "the positions of the same statements"),
    bind!(Shifts, ch('j'), Action::Down, "", "next shift"),
    bind!(Shifts, k(K::Down), Action::Down, "", "next shift"),
    bind!(Shifts, ch('k'), Action::Up, "", "previous shift"),
    bind!(Shifts, k(K::Up), Action::Up, "", "previous shift"),
    bind!(Shifts, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Shifts, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Shifts, ch('g'), Action::Top, "", "newest shift"),
    bind!(Shifts, ch('G'), Action::Bottom, "", "oldest shift"),
    bind!(Shifts, ch('?'), Action::OpenHelp, "help", "help: every key"),
    bind!(Course, k(K::Enter), Action::Accept, "open", "open the statement in its article (Esc comes back)"),
    bind!(Course, k(K::Esc), Action::Close, "back", "back to the panes"),
    bind!(Course, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Course, ch('b'), Action::ToggleBy, "by", "by principal (for whom) or by speaker"),
    bind!(Course, ch('j'), Action::Down, "", "next statement"),
    bind!(Course, k(K::Down), Action::Down, "", "next statement"),
    bind!(Course, ch('k'), Action::Up, "", "previous statement"),
    bind!(Course, k(K::Up), Action::Up, "", "previous statement"),
    bind!(Course, k(K::PageDown), Action::HalfPageDown, "", "half a page down"),
    bind!(Course, k(K::PageUp), Action::HalfPageUp, "", "half a page up"),
    bind!(Course, ch('g'), Action::Top, "", "first statement"),
    bind!(Course, ch('G'), Action::Bottom, "", "last statement"),
    bind!(Course, ch('?'), Action::OpenHelp, "help", "help: every key"),
    bind!(Review, ch('y'), Action::ReviewYes, "accept", "the statement is right: mark it reviewed (by you, now)"),
    bind!(Review, ch('n'), Action::ReviewNo, "reject", "the statement is wrong: remove it"),
    bind!(Review, k(K::Enter), Action::EditStatement, "edit", "edit it in the form (saving marks it reviewed)"),
    bind!(Review, ch('o'), Action::Accept, "open", "open it in its article (Esc comes back)"),
    bind!(Review, ch('d'), Action::DeleteStatement, "", "delete it (as n does)"),
    bind!(Review, ch('u'), Action::Undo, "undo", "undo the last edit"),
    bind!(Review, Key::ctrl('r'), Action::Redo, "", "redo the last undone edit"),
    bind!(Review, ch('W'), Action::RetrySave, "", "write the unsaved edits again"),
    bind!(Review, Key::ctrl('l'), Action::Reload, "", "read the corpus again from disk"),
    bind!(Review, ch('j'), Action::Down, "", "next statement"),
    bind!(Review, k(K::Down), Action::Down, "", "next statement"),
    bind!(Review, ch('k'), Action::Up, "", "previous statement"),
    bind!(Review, k(K::Up), Action::Up, "", "previous statement"),
    bind!(Review, k(K::Esc), Action::Close, "back", "back to the panes"),
    bind!(Review, ch('q'), Action::Quit, "quit", "quit"),
    bind!(Review, ch('?'), Action::OpenHelp, "help", "help: every key"),
    bind!(Copy, k(K::Enter), Action::Accept, "convert", "convert the corpus there (a new or empty folder)"),
    bind!(Copy, k(K::Esc), Action::Close, "cancel", "cancel the edit (the corpus is left as it was)"),
    bind!(Loading, ch('q'), Action::Quit, "quit", "stop loading and quit"),
];

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
