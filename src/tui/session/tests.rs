//! The editing session: edits saved, undone and redone, kept in memory when the journal refuses them, folded into the files at the end.

use super::*;
use std::path::{Path, PathBuf};

/// What the browser does: save, then apply.
pub(super) fn perform(
    session: &mut Session,
    store: &Store,
    request: EditRequest,
) -> Result<(Store, String), String> {
    let saved = session.save(store, request)?;
    Ok((
        edit::apply(store, &saved.edits).expect("applies"),
        saved.said,
    ))
}

pub(super) use crate::journal::tests::corpus_dir as corpus;

mod changed;
mod copy;
mod unsaved;

/// The session a browser opens on the corpus at `dir`, its files stamped as now.
pub(super) fn open(dir: &Path) -> Session {
    Session::new(&[dir.to_path_buf()], "ana".into(), Stamps::take(&[dir]))
}

/// The corpus at `dir` as the browser loads it: its journal replayed.
pub(super) fn load(dir: &Path) -> Store {
    let (loaded, _) = journal::load(
        &[dir],
        &crate::loader::Limits::default(),
        &crate::loader::LoadProgress::default(),
        &crate::cache::CacheOptions::disabled(),
    );
    loaded.store
}

/// Every statement of `store` as a record, in order: two stores hold the same corpus
/// when these are equal.
pub(super) fn records(store: &Store) -> Vec<String> {
    let mut all: Vec<String> = store
        .all_ids()
        .map(|id| crate::export::statement_value(store, id).to_string())
        .collect();
    all.sort();
    all
}

/// Deletes statement `id` of the test article.
pub(super) fn reject(id: &str) -> EditRequest {
    let delete = Edit::Delete {
        article: "2025-02-nato-brussels".into(),
        id: id.into(),
    };
    EditRequest::Do(vec![delete], "Rejected".into())
}

#[test]
fn an_edit_is_journaled_undone_and_redone_and_folded_in_at_the_end() {
    let dir = corpus();
    let store = crate::loader::load_paths(&[dir.path()]).store;
    let mut session = open(dir.path());
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
    let mut session = open(dir.path());
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
    let mut bundled = Session::new(&[], "ana".into(), Stamps::default());
    let err = perform(&mut bundled, &store, EditRequest::Undo).expect_err("read-only");
    assert!(err.contains("read-only"), "{err}");
    let mut two = Session::new(&["a".into(), "b".into()], "ana".into(), Stamps::default());
    let err = perform(&mut two, &store, EditRequest::Undo).expect_err("read-only");
    assert!(err.contains("one corpus"), "{err}");
}
