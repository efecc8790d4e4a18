//! The browser's editing session: the journal of the corpus it edits (taken at the first edit, so that browsing never locks), the undo and redo history, and the folding of the journal into the files on a clean exit.

use super::action::EditRequest;
use crate::edit::{self, Edit};
use crate::journal::{self, Entry, Journal};
use crate::store::Store;
use std::path::PathBuf;

/// One confirmed action: its edits, the edits that undo it, and its name.
#[derive(Clone, Debug)]
struct Group {
    edits: Vec<Edit>,
    inverse: Vec<Edit>,
    label: String,
}

pub struct Session {
    corpus: Option<PathBuf>,
    /// Why this corpus cannot be edited, if it cannot.
    read_only: Option<String>,
    journal: Option<Journal>,
    coder: String,
    undo: Vec<Group>,
    redo: Vec<Group>,
    /// Edits saved this session (undos included).
    pub saved: usize,
}

impl Session {
    pub fn new(paths: &[PathBuf], coder: String) -> Session {
        let (corpus, read_only) = match paths {
            [] => (
                None,
                Some("The bundled corpus is read-only: open a folder to edit (demarche extract … -o DIR, then demarche DIR)".to_string()),
            ),
            [one] => (Some(one.clone()), None),
            _ => (None, Some("Editing needs one corpus folder or file; several are open".to_string())),
        };
        Session {
            corpus,
            read_only,
            journal: None,
            coder,
            undo: Vec::new(),
            redo: Vec::new(),
            saved: 0,
        }
    }

    /// Performs `request` on `store`: the new store and what to say, or why nothing
    /// was saved (then nothing changed). An edit is checked, journaled and synced, then
    /// applied: once this returns the new store, the edit is on disk.
    pub fn perform(
        &mut self,
        store: &Store,
        request: EditRequest,
    ) -> Result<(Store, String), String> {
        if let Some(why) = &self.read_only {
            return Err(why.clone());
        }
        let (group, undoing) = match request {
            EditRequest::Do(edits, label) => {
                let edits = self.stamped(edits);
                let inverse =
                    edit::inverse(store, &edits).map_err(|e| format!("Not saved: {e}"))?;
                (
                    Group {
                        edits,
                        inverse,
                        label,
                    },
                    None,
                )
            }
            EditRequest::Undo => {
                let g = self.undo.pop().ok_or("Nothing to undo")?;
                (
                    Group {
                        edits: g.inverse.clone(),
                        inverse: g.edits.clone(),
                        label: format!("Undone: {}", g.label),
                    },
                    Some(g),
                )
            }
            EditRequest::Redo => {
                let g = self.redo.pop().ok_or("Nothing to redo")?;
                (
                    Group {
                        edits: g.edits.clone(),
                        inverse: g.inverse.clone(),
                        label: format!("Redone: {}", g.label),
                    },
                    Some(g),
                )
            }
        };
        let restore = |s: &mut Session| {
            if let Some(g) = undoing.clone() {
                // Not done: it stays where it was.
                if group.label.starts_with("Undone") {
                    s.undo.push(g)
                } else {
                    s.redo.push(g)
                }
            }
        };
        let next = match edit::apply(store, &group.edits) {
            Ok(next) => next,
            Err(e) => {
                restore(self);
                return Err(format!("Not saved: {e}"));
            }
        };
        if let Err(e) = self.append(&group.edits) {
            restore(self);
            return Err(format!("Not saved: {e}. Nothing changed; try again"));
        }
        self.saved += 1;
        let said = format!(
            "{} · saved to {}",
            group.label,
            self.journal
                .as_ref()
                .map_or(String::new(), |j| j.path().display().to_string())
        );
        match &undoing {
            Some(g) if group.label.starts_with("Undone") => self.redo.push(g.clone()),
            Some(g) => self.undo.push(g.clone()),
            None => {
                self.redo.clear();
                self.undo.push(group);
            }
        }
        Ok((next, said))
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

    fn append(&mut self, edits: &[Edit]) -> Result<(), String> {
        if self.journal.is_none() {
            let corpus = self.corpus.as_ref().ok_or("no corpus")?;
            self.journal = Some(Journal::open(corpus).map_err(|e| e.to_string())?);
        }
        let j = self.journal.as_mut().ok_or("no journal")?;
        j.append(&Entry::now(&self.coder, edits.to_vec()))
            .map_err(|e| e.to_string())
    }

    /// On a clean exit: the journal folded into the files, and what to tell the user.
    pub fn finish(mut self, store: &Store) -> Option<String> {
        let corpus = self.corpus.clone()?;
        self.journal.take();
        if !journal::path_for(&corpus).exists() {
            return None;
        }
        Some(match journal::compact(&corpus, store) {
            Ok(done) => format!(
                "{} edit(s) written into {} file(s)",
                done.entries,
                done.files.len()
            ),
            Err(e) => format!("the edits are kept in the journal, not yet in the files: {e}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("a.json"),
            include_str!("../../assets/corpus/2025-02-nato-brussels.de.json"),
        )
        .expect("write");
        dir
    }

    #[test]
    fn an_edit_is_journaled_undone_and_redone_and_folded_in_at_the_end() {
        let dir = corpus();
        let store = crate::loader::load_paths(&[dir.path()]).store;
        let mut session = Session::new(&[dir.path().to_path_buf()], "ana".into());
        let delete = Edit::Delete {
            article: "2025-02-nato-brussels".into(),
            id: "s03".into(),
        };
        let (one, said) = session
            .perform(&store, EditRequest::Do(vec![delete], "Rejected".into()))
            .expect("saved");
        assert!(said.starts_with("Rejected · saved"), "{said}");
        assert_eq!(one.len(), store.len() - 1);
        let (two, said) = session.perform(&one, EditRequest::Undo).expect("undone");
        assert!(said.starts_with("Undone: Rejected"), "{said}");
        assert_eq!(two.len(), store.len());
        let (three, _) = session.perform(&two, EditRequest::Redo).expect("redone");
        assert_eq!(three.len(), store.len() - 1);
        assert_eq!(
            session.perform(&three, EditRequest::Redo).err().as_deref(),
            Some("Nothing to redo")
        );
        let (entries, _) = journal::read(&journal::path_for(dir.path())).expect("read");
        assert_eq!(entries.len(), 3, "every edit on disk");
        let told = session.finish(&three).expect("folded in");
        assert!(told.contains("3 edit(s) written into 1 file(s)"), "{told}");
        assert_eq!(
            crate::loader::load_paths(&[dir.path()]).store.len(),
            store.len() - 1
        );
    }

    #[test]
    fn a_put_records_the_coder_and_the_time() {
        let dir = corpus();
        let store = crate::loader::load_paths(&[dir.path()]).store;
        let mut session = Session::new(&[dir.path().to_path_buf()], "ana".into());
        let id = crate::edit::find(&store, "2025-02-nato-brussels", "s03").expect("s03");
        let mut record = crate::export::statement_value(&store, id);
        record["provenance"] = "reviewed".into();
        let put = Edit::Put {
            article: "2025-02-nato-brussels".into(),
            statement: record,
        };
        let (next, _) = session
            .perform(&store, EditRequest::Do(vec![put], "Accepted".into()))
            .expect("saved");
        let id = crate::edit::find(&next, "2025-02-nato-brussels", "s03").expect("s03");
        assert_eq!(next.annotator(id), Some("ana"));
        assert!(
            next.origin(id)
                .and_then(|o| o.edited.as_deref())
                .is_some_and(|t| t.ends_with('Z'))
        );
    }

    #[test]
    fn the_bundled_corpus_and_several_paths_are_read_only_and_say_why() {
        let store = crate::bundled::load().store;
        let mut bundled = Session::new(&[], "ana".into());
        let err = bundled
            .perform(&store, EditRequest::Undo)
            .expect_err("read-only");
        assert!(err.contains("read-only"), "{err}");
        let mut two = Session::new(&["a".into(), "b".into()], "ana".into());
        let err = two
            .perform(&store, EditRequest::Undo)
            .expect_err("read-only");
        assert!(err.contains("one corpus"), "{err}");
    }
}
