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

/// Where a saved group came from in the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum History {
    New,
    Undo,
    Redo,
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

    /// Saves `request` made on `store`: checked (without rebuilding the store),
    /// journaled and synced. Returns the edits to apply to `store` for the new one and
    /// what to say, or why nothing was saved (then nothing changed, in memory or on
    /// disk).
    pub fn save(
        &mut self,
        store: &Store,
        request: EditRequest,
    ) -> Result<(Vec<Edit>, String), String> {
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
        self.append(&group.edits)
            .map_err(|e| format!("Not saved: {e}. Nothing changed; try again"))?;
        self.saved += 1;
        let where_ = self
            .journal
            .as_ref()
            .map_or(String::new(), |j| j.path().display().to_string());
        let said = format!("{} · saved to {where_}", group.label);
        let edits = group.edits.clone();
        match from {
            History::New => {
                self.redo.clear();
                self.undo.push(group);
            }
            History::Undo => self.redo.extend(self.undo.pop()),
            History::Redo => self.undo.extend(self.redo.pop()),
        }
        Ok((edits, said))
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
            Ok(done) => done.said(),
            Err(e) => format!("the edits are kept in the journal, not yet in the files: {e}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the browser does: save, then apply.
    fn perform(
        session: &mut Session,
        store: &Store,
        request: EditRequest,
    ) -> Result<(Store, String), String> {
        let (edits, said) = session.save(store, request)?;
        Ok((edit::apply(store, &edits).expect("applies"), said))
    }

    use crate::journal::tests::corpus_dir as corpus;

    #[test]
    fn an_edit_is_journaled_undone_and_redone_and_folded_in_at_the_end() {
        let dir = corpus();
        let store = crate::loader::load_paths(&[dir.path()]).store;
        let mut session = Session::new(&[dir.path().to_path_buf()], "ana".into());
        let delete = Edit::Delete {
            article: "2025-02-nato-brussels".into(),
            id: "s03".into(),
        };
        let (one, said) = perform(
            &mut session,
            &store,
            EditRequest::Do(vec![delete], "Rejected".into()),
        )
        .expect("saved");
        assert!(said.starts_with("Rejected · saved"), "{said}");
        assert_eq!(one.len(), store.len() - 1);
        let (two, said) = perform(&mut session, &one, EditRequest::Undo).expect("undone");
        assert!(said.starts_with("Undone: Rejected"), "{said}");
        assert_eq!(two.len(), store.len());
        let (three, _) = perform(&mut session, &two, EditRequest::Redo).expect("redone");
        assert_eq!(three.len(), store.len() - 1);
        assert_eq!(
            perform(&mut session, &three, EditRequest::Redo)
                .err()
                .as_deref(),
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
        let (next, _) = perform(
            &mut session,
            &store,
            EditRequest::Do(vec![put], "Accepted".into()),
        )
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
        let err = perform(&mut bundled, &store, EditRequest::Undo).expect_err("read-only");
        assert!(err.contains("read-only"), "{err}");
        let mut two = Session::new(&["a".into(), "b".into()], "ana".into());
        let err = perform(&mut two, &store, EditRequest::Undo).expect_err("read-only");
        assert!(err.contains("one corpus"), "{err}");
    }
}
