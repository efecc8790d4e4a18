//! The closed set of verbs the TUI understands (`Action`) and the I/O it asks the loop to perform (`Effect`).

use crate::export::Format;
use crate::filter::DateMode;
use crate::model::StatementId;
use crate::search::text::Progress;
use crate::stances::{By, Cell, Shift};
use std::path::PathBuf;

/// An edit to the text field that has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    DeleteWord,
    Clear,
}

/// One intent, from a key, the mouse, the terminal or a finished effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    FocusActors,
    FocusQuotes,
    ShowAllActors,
    ToggleActorSort,
    ToggleTranslation,
    PrevPeriod,
    NextPeriod,
    ZoomIn,
    ZoomOut,
    FilterToPeriod,
    /// The next (previous) statement the last text search found.
    NextMatch,
    PrevMatch,
    OpenDetail,
    /// Copy the statement under the cursor, with its citation, to the clipboard.
    CopyCitation,
    /// The positions view: actors by topics, with their stances.
    OpenPositions,
    /// The shifts view: who changed position on what.
    OpenShifts,
    /// The actor under the cursor's positions over time.
    OpenCourse,
    PrevColumn,
    NextColumn,
    /// Count by principal or by speaker.
    ToggleBy,
    SortRows,
    SortColumns,
    /// Count changes to and from neutral as shifts, or not.
    ToggleNeutral,
    /// The review queue: automatic statements, lowest confidence first.
    OpenReview,
    /// In the queue: the statement is right (reviewed) or wrong (removed).
    ReviewYes,
    ReviewNo,
    /// Undo the last edit of the session, or redo the last undone.
    Undo,
    Redo,
    /// The form over the statement under the cursor (or over the selected text).
    EditStatement,
    /// Remove the statement under the cursor.
    DeleteStatement,
    /// Save the open form (checked first).
    SaveForm,
    /// The form over the selected actor: name, aliases, kind, ….
    EditActor,
    /// Choose whom the selected actor merges into.
    MergeActor,
    /// In the detail view: a cursor in the article text, to mark a new statement.
    SelectText,
    /// In the text: the cursor by a word, by a sentence; start or drop the selection.
    WordNext,
    WordPrev,
    SentenceNext,
    SentencePrev,
    Anchor,
    /// Each statement once (those several annotators marked), or every annotator's.
    ToggleOnce,
    /// Put the cursor back on this statement (or at `index`, if it is gone) after the
    /// store was rebuilt.
    Reselect {
        article: String,
        key: String,
        index: usize,
    },
    /// Write the edits the journal could not take to it again.
    RetrySave,
    /// Read the corpus again from disk (its journal replayed), as at the start.
    Reload,
    OpenActorSearch,
    OpenTextSearch,
    EditFilter,
    ClearFilter,
    OpenExport,
    OpenHelp,
    OpenDiagnostics,
    /// Esc: leave the overlay (or the field) without applying it.
    Close,
    /// Enter in a field, finder or dialog: apply it.
    Accept,
    ToggleMark,
    MarkAllVisible,
    ClearMarks,
    NextFormat,
    PrevFormat,
    ConfirmOverwrite,
    DeclineOverwrite,
    Edit(Edit),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    ExportDone(Result<ExportReport, ExportFailure>),
    /// The background text ranking has scored another chunk.
    TextRanked(Progress),
    /// A background filter run has finished.
    Filtered(FilterResult),
    /// A background count for the positions or shifts view has finished.
    Tallied(TallyResult),
    /// Give the terminal back and stop, as Ctrl-Z in a shell does.
    Suspend,
    Quit,
    /// A key with no binding where it was pressed (its label, as the help writes it).
    Unbound(String),
    /// Say this on the status line (an error when set): what an edit did, once the
    /// state is rebuilt.
    Say(String, bool),
    /// How many confirmed edits are not yet in the journal (quitting warns of them).
    Unsaved(usize),
    /// The corpus cannot be written (brat, Label Studio): ask for the folder to copy
    /// it to, offering this one.
    AskCopy(String),
}

impl Action {
    /// Whether the action is the user's (a key, the mouse), not the terminal's or a
    /// finished job's: the user's next action replaces the status line's message.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize { .. }
                | Action::ExportDone(_)
                | Action::TextRanked(_)
                | Action::Filtered(_)
                | Action::Tallied(_)
                | Action::Say(..)
                | Action::Unsaved(_)
                | Action::AskCopy(_)
        )
    }
}

#[cfg(test)]
impl Action {
    /// Every action that carries no data, for tests that walk them all.
    pub const SIMPLE: &'static [Action] = &[
        Action::Up,
        Action::Down,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusActors,
        Action::FocusQuotes,
        Action::ShowAllActors,
        Action::ToggleActorSort,
        Action::ToggleTranslation,
        Action::PrevPeriod,
        Action::NextPeriod,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::FilterToPeriod,
        Action::NextMatch,
        Action::PrevMatch,
        Action::OpenDetail,
        Action::CopyCitation,
        Action::OpenPositions,
        Action::OpenShifts,
        Action::OpenCourse,
        Action::PrevColumn,
        Action::NextColumn,
        Action::ToggleBy,
        Action::SortRows,
        Action::SortColumns,
        Action::ToggleNeutral,
        Action::OpenReview,
        Action::ReviewYes,
        Action::ReviewNo,
        Action::Undo,
        Action::Redo,
        Action::EditStatement,
        Action::DeleteStatement,
        Action::SaveForm,
        Action::EditActor,
        Action::MergeActor,
        Action::SelectText,
        Action::WordNext,
        Action::WordPrev,
        Action::SentenceNext,
        Action::SentencePrev,
        Action::Anchor,
        Action::ToggleOnce,
        Action::RetrySave,
        Action::Reload,
        Action::OpenActorSearch,
        Action::OpenTextSearch,
        Action::EditFilter,
        Action::ClearFilter,
        Action::OpenExport,
        Action::OpenHelp,
        Action::OpenDiagnostics,
        Action::Close,
        Action::Accept,
        Action::ToggleMark,
        Action::MarkAllVisible,
        Action::ClearMarks,
        Action::NextFormat,
        Action::PrevFormat,
        Action::ConfirmOverwrite,
        Action::DeclineOverwrite,
        Action::Suspend,
        Action::Quit,
    ];
}

/// I/O that `update` asks for; the loop performs it and feeds the result back.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Export(ExportRequest),
    /// Put this text on the terminal's clipboard (OSC 52).
    Clipboard(String),
    /// Start ranking statements for the text finder, cancelling the previous ranking.
    RankText(RankRequest),
    /// Run a filter in the background, superseding the one asked for before.
    Filter(FilterRequest),
    /// Count stances in the background, superseding the count asked for before.
    Tally(TallyRequest),
    /// Save these edits (journaled, then shown), or undo or redo the last.
    Edit(EditRequest),
    /// Read the corpus again from disk.
    Reload,
    Suspend,
    Quit,
}

/// What the user asked to change; the session journals it and rebuilds the store.
#[derive(Clone, Debug, PartialEq)]
pub enum EditRequest {
    /// Edits and what to say once they are saved (`Accepted`).
    Do(Vec<crate::edit::Edit>, String),
    Undo,
    Redo,
    /// Write the edits kept in memory (the journal refused them) again.
    Retry,
    /// Convert the corpus into this folder, then save the edit that asked for it there.
    Convert(PathBuf),
}

/// Write these statements to `path`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub ids: Vec<StatementId>,
    pub format: Format,
    pub path: PathBuf,
    pub overwrite: bool,
}

/// A written export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportReport {
    pub path: PathBuf,
    pub count: usize,
    pub format: Format,
}

/// Why an export was not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFailure {
    /// The file exists and overwriting was not asked for.
    Exists(PathBuf),
    /// Any other error, as a sentence.
    Failed(String),
}

/// A filter to run off the UI thread; its result is only taken if no newer one was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterRequest {
    pub generation: u64,
    /// A valid expression (checked before it was asked for).
    pub expr: String,
    /// Run on the filter worker (a large store), not on the loop's thread once the
    /// pending input is consumed.
    pub background: bool,
}

/// The statements a background run found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterResult {
    pub generation: u64,
    pub ids: Vec<StatementId>,
    pub dates: Option<Dates>,
}

/// How the filter in force reads `since:`/`until:`, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    pub mode: DateMode,
    /// Under [`DateMode::Certain`], how many more statements may fall in the dates.
    pub possible_more: Option<usize>,
}

/// Rank these statements for this query in the background (an empty query only
/// cancels the previous search).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRequest {
    pub generation: u64,
    pub query: String,
    pub candidates: Vec<StatementId>,
}

/// What to count over the statements of a [`TallyRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tally {
    Positions(By),
    /// By whom, and whether changes to and from neutral count.
    Shifts(By, bool),
}

/// Count these statements off the UI thread; the result is taken only if no newer
/// count was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyRequest {
    pub generation: u64,
    pub ids: Vec<StatementId>,
    pub tally: Tally,
}

/// What a count found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tallied {
    Positions(Vec<Cell>),
    Shifts(Vec<Shift>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyResult {
    pub generation: u64,
    pub tallied: Tallied,
}
