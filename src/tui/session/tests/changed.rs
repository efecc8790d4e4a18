//! A corpus file changed by another program after it was loaded: no edit to it is saved, Ctrl-l's reload lets editing go on, and the journal is not folded into it at the end.

use super::*;

/// Another program changes the file (it grows by a line, so its size changes however
/// coarse the file system's clock).
fn change_outside(file: &Path) {
    let mut text = std::fs::read_to_string(file).expect("read");
    text.push('\n');
    std::fs::write(file, text).expect("write");
}

#[test]
fn an_edit_to_a_file_changed_since_loading_is_refused_until_it_is_reloaded() {
    let dir = corpus();
    let file = dir.path().join("a.json");
    let mut session = open(dir.path());
    let store = load(dir.path());
    change_outside(&file);
    let err = session.save(&store, reject("s03")).expect_err("refused");
    assert_eq!(
        err,
        format!(
            "{} changed on disk since it was loaded: Ctrl-l reloads (saved edits are kept in the journal)",
            file.display()
        )
    );
    assert!(!journal::path_for(dir.path()).exists(), "nothing written");
    assert_eq!(session.unsaved(), 0, "nothing kept either");
    // Ctrl-l: stamped, then read again.
    session.reloaded(Stamps::take(&[dir.path()]));
    let store = load(dir.path());
    let (after, _) = perform(&mut session, &store, reject("s03")).expect("saved");
    assert_eq!(after.len(), store.len() - 1);
}

#[test]
fn at_the_end_a_file_changed_since_loading_is_not_written_and_the_journal_is_kept() {
    let dir = corpus();
    let file = dir.path().join("a.json");
    let mut session = open(dir.path());
    let store = load(dir.path());
    let (after, _) = perform(&mut session, &store, reject("s03")).expect("saved");
    change_outside(&file);
    let theirs = std::fs::read(&file).expect("read");
    let told = session.finish(&after).expect("told");
    assert!(
        told.contains(&format!(
            "{}: changed on disk since it was loaded",
            file.display()
        )),
        "{told}"
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        theirs,
        "not overwritten"
    );
    let (entries, _) = journal::read(&journal::path_for(dir.path())).expect("read");
    assert_eq!(entries.len(), 1, "the journal is kept");
}

#[test]
fn an_unchanged_corpus_is_folded_in_as_before() {
    let dir = corpus();
    let mut session = open(dir.path());
    let store = load(dir.path());
    let (after, _) = perform(&mut session, &store, reject("s03")).expect("saved");
    let told = session.finish(&after).expect("told");
    assert!(told.contains("1 edit(s) written into 1 file(s)"), "{told}");
}
