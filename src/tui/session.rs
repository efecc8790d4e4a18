//! The browser's editing session: the edits checked and put in the undo and redo history, then journaled (`session/unsaved.rs`: the journal, taken at the first edit so that browsing never locks, the edits it could not take yet, the folding into the files on a clean exit).

use super::action::EditRequest;
use crate::edit::{self, Edit};
use crate::journal::{self, Entry, Journal, Stamps};
use crate::store::Store;
use std::collections::VecDeque;
use std::path::PathBuf;

mod copy;
mod unsaved;

/// One confirmed action: its edits, the edits that undo it, and its name.
#[derive(Clone, Debug)]
struct Group {
    edits: Vec<Edit>,
    inverse: Vec<Edit>,
    label: String,
}

/// Where a saved group came from in the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum History {
    New,
    Undo,
    Redo,
}

pub struct Session {
    /// What was opened, to read again on Ctrl-l.
    paths: Vec<PathBuf>,
    corpus: Option<PathBuf>,
    /// The files as they were loaded: an edit to a file changed since is refused.
    stamps: Stamps,
    /// Why this corpus cannot be edited, if it cannot.
    read_only: Option<String>,
    journal: Option<Journal>,
    /// Actions confirmed and shown but not yet in the journal (it could not be
    /// written), oldest first: appended before anything newer.
    unsaved: VecDeque<Entry>,
    /// The first article not in a file of our format, once looked for.
    foreign: Option<Option<String>>,
    /// The folder a brat or Label Studio corpus was converted to at its first edit.
    copied_to: Option<PathBuf>,
    coder: String,
    undo: Vec<Group>,
    redo: Vec<Group>,
}

/// A confirmed action: the edits to apply to the store, what to say, and whether it is
/// kept in memory only (the journal could not take it: said as an error).
#[derive(Debug)]
pub struct Saved {
    pub edits: Vec<Edit>,
    pub said: String,
    pub kept: bool,
}

impl Session {
    /// The session over `paths`, loaded when their files were as `stamps` says.
    pub fn new(paths: &[PathBuf], coder: String, stamps: Stamps) -> Session {
        let (corpus, read_only) = match paths {
            [] => (
                None,
                Some("The bundled corpus is read-only: open a folder to edit (demarche extract … -o DIR, then demarche DIR)".to_string()),
            ),
            [one] => (Some(one.clone()), None),
            _ => (None, Some("Editing needs one corpus folder or file; several are open".to_string())),
        };
        Session {
            paths: paths.to_vec(),
            corpus,
            stamps,
            read_only,
            journal: None,
            unsaved: VecDeque::new(),
            foreign: None,
            copied_to: None,
            coder,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Saves `request` made on `store`: checked (without rebuilding the store), put in
    /// the history, journaled and synced after the actions still unsaved. Returns the
    /// edits to apply to `store` for the new one and what to say; when the journal
    /// cannot take it, it is kept in memory to write again ([`Session::retry`]). An
    /// error is why nothing was done (then nothing changed, in memory or on disk).
    pub fn save(&mut self, store: &Store, request: EditRequest) -> Result<Saved, String> {
        if let Some(why) = &self.read_only {
            return Err(why.clone());
        }
        let not_saved = |e: edit::EditError| format!("Not saved: {e}");
        let (group, from) = match request {
            EditRequest::Do(edits, label) => {
                let edits = self.stamped(edits);
                edit::check(store, &edits).map_err(not_saved)?;
                let inverse = edit::inverse(store, &edits).map_err(not_saved)?;
                (
                    Group {
                        edits,
                        inverse,
                        label,
                    },
                    History::New,
                )
            }
            EditRequest::Undo => {
                let g = self.undo.last().ok_or("Nothing to undo")?;
                let label = format!("Undone: {}", g.label);
                (
                    Group {
                        edits: g.inverse.clone(),
                        inverse: g.edits.clone(),
                        label,
                    },
                    History::Undo,
                )
            }
            EditRequest::Convert(_) => return Err("No edit waits for a copy".into()),
            EditRequest::Retry => {
                let said = self.retry()?;
                return Ok(Saved {
                    edits: Vec::new(),
                    said,
                    kept: false,
                });
            }
            EditRequest::Redo => {
                let g = self.redo.last().ok_or("Nothing to redo")?;
                let label = format!("Redone: {}", g.label);
                (
                    Group {
                        edits: g.edits.clone(),
                        inverse: g.inverse.clone(),
                        label,
                    },
                    History::Redo,
                )
            }
        };
        if from != History::New {
            edit::check(store, &group.edits).map_err(not_saved)?;
        }
        self.check_unchanged(store, &group.edits)?;
        self.unsaved
            .push_back(Entry::now(&self.coder, group.edits.clone()));
        let written = self.write_unsaved();
        let said = match &written {
            Ok(()) => format!("{} · saved to {}", group.label, self.journal_name()),
            Err(e) => format!("{} · {}", group.label, self.not_saved(e)),
        };
        let edits = group.edits.clone();
        match from {
            History::New => {
                self.redo.clear();
                self.undo.push(group);
            }
            History::Undo => self.redo.extend(self.undo.pop()),
            History::Redo => self.undo.extend(self.redo.pop()),
        }
        Ok(Saved {
            edits,
            said,
            kept: written.is_err(),
        })
    }

    /// Refuses `edits` when a file they write to changed on disk since it was loaded:
    /// they were made on what the browser shows, which is no longer what is there.
    fn check_unchanged(&self, store: &Store, edits: &[Edit]) -> Result<(), String> {
        let touched = journal::touched(store, edits);
        match self
            .stamps
            .first_changed(touched.iter().map(PathBuf::as_path))
        {
            Some(file) => Err(format!(
                "{} changed on disk since it was loaded: Ctrl-l reloads (saved edits are kept in the journal)",
                file.display()
            )),
            None => Ok(()),
        }
    }

    /// What Ctrl-l reads again: the paths opened.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// After a reload: the files as they are now loaded.
    pub fn reloaded(&mut self, stamps: Stamps) {
        self.stamps = stamps;
    }

    /// The edits with the coder and the time in every statement they put.
    fn stamped(&self, mut edits: Vec<Edit>) -> Vec<Edit> {
        let now = journal::now();
        for e in &mut edits {
            if let Edit::Put { statement, .. } = e {
                statement["annotator"] = self.coder.clone().into();
                statement["edited"] = now.clone().into();
            }
        }
        edits
    }
}

#[cfg(test)]
mod tests;
