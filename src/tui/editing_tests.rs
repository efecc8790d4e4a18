//! The loop between two stores, without a terminal: what an edit, a refused journal or a corpus that is not ours make the next run start with.

use super::*;
use crate::tui::state::State;
use std::path::Path;

fn loaded(path: &Path) -> Arc<Loaded> {
    let cache = CacheOptions::disabled();
    let (loaded, _) = crate::journal::load(
        &[path],
        &Limits::default(),
        &LoadProgress::default(),
        &cache,
    );
    Arc::new(loaded)
}

fn editor<'c>(path: &Path, cache: &'c CacheOptions) -> Editor<'c> {
    let session = Session::new(&[path.to_path_buf()], "ana".into(), Stamps::take(&[path]));
    Editor {
        session,
        cache,
        first: Vec::new(),
        making: None,
        asked: None,
    }
}

/// Rejects the first statement of `store`.
fn reject_first(store: &crate::store::Store) -> EditRequest {
    let id = store.all_ids().next().expect("a statement");
    let article = store.article(store.article_of(id)).id.to_string();
    let delete = Edit::Delete {
        article,
        id: store.key(id).to_string(),
    };
    EditRequest::Do(vec![delete], "Rejected".into())
}

/// What arrives from the thread making the next store.
fn arrived(ed: &mut Editor) -> Fresh {
    let (rx, ..) = ed.making.take().expect("making a store");
    rx.recv().expect("sent").expect("made")
}

#[test]
fn an_edit_the_journal_refuses_is_shown_and_the_next_quit_warns() {
    let dir = crate::journal::tests::corpus_dir();
    let cache = CacheOptions::disabled();
    let current = loaded(dir.path());
    let mut ed = editor(dir.path(), &cache);
    std::fs::create_dir(crate::journal::path_for(dir.path())).expect("block the journal");
    ed.edit(&current, reject_first(&current.store));
    assert!(ed.first.contains(&Action::Unsaved(1)), "{:?}", ed.first);
    let fresh = arrived(&mut ed);
    assert_eq!(fresh.loaded.store.len(), current.store.len() - 1, "shown");
    let mut state = State::new(&fresh.loaded.store, &[], String::new);
    for action in std::mem::take(&mut ed.first) {
        state.update(action);
    }
    assert_eq!(state.update(Action::Quit), None, "warned first");
    assert_eq!(
        state.status.map(|s| s.text).as_deref(),
        Some("1 edit(s) not saved: W tries again; q again quits without them")
    );
}

#[test]
fn the_first_edit_of_a_brat_corpus_asks_for_a_folder_and_then_goes_to_the_copy() {
    let root = tempfile::tempdir().expect("tempdir");
    let corpus = root.path().join("election");
    std::fs::create_dir(&corpus).expect("mkdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brat/election");
    for entry in std::fs::read_dir(fixture).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
    }
    let cache = CacheOptions::disabled();
    let current = loaded(&corpus);
    let mut ed = editor(&corpus, &cache);
    ed.edit(&current, reject_first(&current.store));
    let folder = root.path().join("election-demarche");
    assert_eq!(
        ed.first,
        [Action::AskCopy(folder.display().to_string())],
        "asked, nothing saved yet"
    );
    assert!(ed.making.is_none());
    ed.first.clear();
    // A folder that is not empty: said, and asked again.
    ed.convert(&current, corpus.clone());
    assert!(
        matches!(&ed.first[..], [Action::Say(text, true), Action::AskCopy(_)] if text.contains("is not empty")),
        "{:?}",
        ed.first
    );
    ed.first.clear();
    ed.convert(&current, folder.clone());
    let (_, said, error) = ed.making.as_ref().expect("reading the copy");
    assert!(
        said.starts_with(&format!(
            "Converted to {}; edits go there",
            folder.display()
        )),
        "{said}"
    );
    assert!(!error);
    let fresh = arrived(&mut ed);
    assert!(fresh.stamps.is_some(), "the copy's files stamped");
    assert_eq!(fresh.loaded.store.len(), current.store.len() - 1);
    assert!(
        crate::journal::path_for(&folder).is_file(),
        "journal in the copy"
    );
    assert!(
        !crate::journal::path_for(&corpus).exists(),
        "none in the original"
    );
}
