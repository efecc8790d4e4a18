//! Edits the journal refuses: kept in memory and in the history, written again in order once it can be, never folded in while unsaved.

use super::*;

/// Makes the journal impossible to open, as a full or read-only disk would, even for
/// root: a folder where its file goes. Removing it lets the journal be written again.
fn block_journal(dir: &Path) -> PathBuf {
    let journal = journal::path_for(dir);
    std::fs::create_dir(&journal).expect("a folder in the journal's place");
    journal
}

#[test]
fn an_edit_the_journal_refuses_is_kept_undone_and_written_again_on_request() {
    let dir = corpus();
    let store = load(dir.path());
    let mut session = open(dir.path());
    let blocked = block_journal(dir.path());
    let saved = session.save(&store, reject("s03")).expect("kept");
    assert!(saved.kept);
    assert!(
        saved
            .said
            .starts_with("Rejected · Not saved, kept in memory (1 unsaved): W tries again · ")
            && saved.said.contains(".demarche-journal"),
        "{}",
        saved.said
    );
    let one = edit::apply(&store, &saved.edits).expect("applies");
    assert_eq!(one.len(), store.len() - 1, "shown as if saved");
    let (two, said) = perform(&mut session, &one, reject("s02")).expect("kept");
    assert!(said.contains("(2 unsaved)"), "{said}");
    let (three, said) = perform(&mut session, &two, EditRequest::Undo).expect("undone");
    assert!(said.starts_with("Undone: Rejected"), "{said}");
    assert_eq!(three.len(), store.len() - 1);
    assert_eq!(session.unsaved(), 3);
    let still = session.retry().expect_err("still blocked");
    assert!(still.contains("kept in memory (3 unsaved)"), "{still}");
    std::fs::remove_dir(&blocked).expect("unblock");
    let said = session.retry().expect("written");
    assert!(said.starts_with("3 edit(s) saved to "), "{said}");
    assert_eq!(session.unsaved(), 0);
    assert_eq!(
        records(&load(dir.path())),
        records(&three),
        "the journal replays to what was shown"
    );
    let told = session.finish(&three).expect("folded in");
    assert!(told.contains("3 edit(s) written into 1 file(s)"), "{told}");
    assert_eq!(records(&load(dir.path())), records(&three));
}

#[test]
fn the_next_edit_writes_the_unsaved_ones_first_in_order() {
    let dir = corpus();
    let store = load(dir.path());
    let mut session = open(dir.path());
    let blocked = block_journal(dir.path());
    let (one, _) = perform(&mut session, &store, reject("s03")).expect("kept");
    std::fs::remove_dir(&blocked).expect("unblock");
    let saved = session.save(&one, reject("s02")).expect("saved");
    assert!(!saved.kept, "{}", saved.said);
    assert!(
        saved.said.starts_with("Rejected · saved to"),
        "{}",
        saved.said
    );
    let (entries, _) = journal::read(&journal::path_for(dir.path())).expect("read");
    let deleted: Vec<String> = entries
        .iter()
        .flat_map(|(_, e)| &e.edits)
        .map(|e| match e {
            Edit::Delete { id, .. } => id.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(deleted, ["s03", "s02"]);
}

#[test]
fn at_the_end_unsaved_edits_are_not_folded_in_and_are_printed_to_keep() {
    let dir = corpus();
    let file = dir.path().join("a.json");
    let before = std::fs::read(&file).expect("read");
    let store = load(dir.path());
    let mut session = open(dir.path());
    block_journal(dir.path());
    let (one, _) = perform(&mut session, &store, reject("s03")).expect("kept");
    let told = session.finish(&one).expect("told");
    assert!(told.starts_with("1 edit(s) not saved"), "{told}");
    assert!(told.contains(r#""id":"s03""#), "the edit, to keep: {told}");
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "files untouched"
    );
}

#[test]
fn with_nothing_unsaved_w_says_so() {
    let dir = corpus();
    let mut session = open(dir.path());
    let said = session.retry().expect("nothing to do");
    assert_eq!(said, "Every edit is saved: nothing to write again");
}
