//! The session's journal side: the journal opened at the first edit, the actions it could not take yet (kept in memory, in order, and written again on request or before the next action), and the folding of the journal into the files on a clean exit, which never happens while an action is unsaved.

use super::Session;
use crate::journal::{self, Journal};
use crate::store::Store;

impl Session {
    /// How many confirmed actions the journal does not have yet.
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    /// The edits of the unsaved actions, in order: applied again over a corpus read
    /// again from disk.
    pub fn unsaved_edits(&self) -> Vec<crate::edit::Edit> {
        self.unsaved.iter().flat_map(|e| e.edits.clone()).collect()
    }

    /// Appends the unsaved actions to the journal, oldest first, each synced; stops at
    /// the first the journal refuses (it and those after it stay unsaved). The journal
    /// is opened again next time, cutting any half-written line.
    pub(super) fn write_unsaved(&mut self) -> Result<(), String> {
        while let Some(entry) = self.unsaved.front() {
            if self.journal.is_none() {
                let corpus = self.corpus.as_ref().ok_or("no corpus")?;
                self.journal = Some(Journal::open(corpus).map_err(|e| e.to_string())?);
            }
            let written = match self.journal.as_mut() {
                Some(j) => j.append(entry).map_err(|e| e.to_string()),
                None => Err("no journal".to_string()),
            };
            if let Err(e) = written {
                self.journal = None;
                return Err(e);
            }
            self.unsaved.pop_front();
        }
        Ok(())
    }

    /// `W`: writes the unsaved actions again. What to say: done, or still not (an
    /// error).
    pub fn retry(&mut self) -> Result<String, String> {
        let n = self.unsaved.len();
        if n == 0 {
            return Ok("Every edit is saved: nothing to write again".into());
        }
        match self.write_unsaved() {
            Ok(()) => Ok(format!("{n} edit(s) saved to {}", self.journal_name())),
            Err(e) => Err(self.not_saved(&e)),
        }
    }

    /// What the status line says while actions are unsaved, because of `error`: the
    /// key first, so that a long path in the error cannot push it off the line.
    pub(super) fn not_saved(&self, error: &str) -> String {
        format!(
            "Not saved, kept in memory ({} unsaved): W tries again · {error}",
            self.unsaved.len()
        )
    }

    /// The journal's file, as the status line names it.
    pub(super) fn journal_name(&self) -> String {
        match (&self.journal, &self.corpus) {
            (Some(j), _) => j.path().display().to_string(),
            (None, Some(corpus)) => journal::path_for(corpus).display().to_string(),
            (None, None) => String::new(),
        }
    }

    /// On a clean exit: the journal folded into the files, and what to tell the user.
    /// Actions still unsaved are tried once more; if the journal still refuses them,
    /// nothing is folded (the files and the journal stay as they were, the saved edits
    /// show at the next start) and the unsaved ones are printed as journal lines, so
    /// that they can still be kept by hand.
    pub fn finish(mut self, store: &Store) -> Option<String> {
        let corpus = self.corpus.clone()?;
        if let Err(e) = self.write_unsaved() {
            let lines: Vec<String> = self
                .unsaved
                .iter()
                .filter_map(|entry| serde_json::to_string(entry).ok())
                .collect();
            return Some(format!(
                "{} edit(s) not saved ({e}); the files were not changed, and the edits saved \
                 before stay in the journal. To keep the unsaved ones, append these lines to {} \
                 once it can be written:\n{}",
                lines.len(),
                self.journal_name(),
                lines.join("\n")
            ));
        }
        self.journal.take();
        if !journal::path_for(&corpus).exists() {
            return None;
        }
        let said = match journal::compact_loaded(&corpus, store, &self.stamps) {
            Ok(done) => done.said(),
            Err(e) => format!("the edits are kept in the journal, not yet in the files: {e}"),
        };
        Some(match &self.copied_to {
            Some(copy) => format!("the edits went to the copy {}: {said}", copy.display()),
            None => said,
        })
    }
}
