//! A brat or Label Studio corpus is never written: its first edit asks for a folder, the corpus is converted there, and the edits go to the copy.

use super::*;

/// A copy of the brat fixture in a folder of its own, and that folder.
fn brat_corpus() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().expect("tempdir");
    let corpus = root.path().join("election");
    std::fs::create_dir(&corpus).expect("mkdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brat/election");
    for entry in std::fs::read_dir(fixture).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, corpus.join(path.file_name().expect("name"))).expect("copy");
    }
    (root, corpus)
}

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = std::fs::read(&path).expect("read");
            (path, bytes)
        })
        .collect();
    all.sort();
    all
}

/// Rejects the first statement of `store`.
fn reject_first(store: &Store) -> EditRequest {
    let id = store.all_ids().next().expect("a statement");
    let article = store.article(store.article_of(id)).id.to_string();
    let delete = Edit::Delete {
        article,
        id: store.key(id).to_string(),
    };
    EditRequest::Do(vec![delete], "Rejected".into())
}

#[test]
fn a_brat_corpus_is_copied_at_the_first_edit_and_the_edit_goes_to_the_copy() {
    let (root, corpus) = brat_corpus();
    let before = contents(&corpus);
    let store = load(&corpus);
    let mut session = open(&corpus);
    let offered = session.copy_needed(&store).expect("asks for a copy");
    assert_eq!(offered, root.path().join("election-demarche"));
    let said = session.convert(&store, &offered).expect("converted");
    assert_eq!(
        said,
        format!("Converted to {}; edits go there", offered.display())
    );
    assert_eq!(session.copy_needed(&store), None, "asked once");
    let saved = session.save(&store, reject_first(&store)).expect("saved");
    assert!(!saved.kept, "{}", saved.said);
    assert!(
        saved.said.contains(&offered.display().to_string()),
        "{}",
        saved.said
    );
    let copy = load(&offered);
    assert_eq!(copy.len(), store.len() - 1, "the copy has the edit");
    let told = session.finish(&copy).expect("folded in");
    assert!(
        told.starts_with(&format!("the edits went to the copy {}", offered.display())),
        "{told}"
    );
    assert!(told.contains("1 edit(s) written into 1 file(s)"), "{told}");
    assert_eq!(load(&offered).len(), store.len() - 1);
    assert_eq!(contents(&corpus), before, "the brat files are untouched");
    assert_eq!(load(&corpus).len(), store.len());
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_nothing_is_written() {
    let (root, corpus) = brat_corpus();
    let store = load(&corpus);
    let mut session = open(&corpus);
    let taken = root.path().join("taken");
    std::fs::create_dir(&taken).expect("mkdir");
    std::fs::write(taken.join("notes.txt"), "mine").expect("write");
    let err = session.convert(&store, &taken).expect_err("refused");
    assert_eq!(
        err,
        format!(
            "{} is not empty: name a new or empty folder (nothing is overwritten)",
            taken.display()
        )
    );
    assert_eq!(contents(&taken).len(), 1);
    assert!(session.copy_needed(&store).is_some(), "still to be copied");
}

#[test]
fn the_offered_folder_is_one_not_taken() {
    let (root, corpus) = brat_corpus();
    std::fs::create_dir(root.path().join("election-demarche")).expect("mkdir");
    std::fs::write(root.path().join("election-demarche/x"), "x").expect("write");
    let store = load(&corpus);
    let mut session = open(&corpus);
    assert_eq!(
        session.copy_needed(&store),
        Some(root.path().join("election-demarche-2"))
    );
}

#[test]
fn a_label_studio_export_is_copied_and_our_own_corpus_is_not() {
    let ls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/label-studio/export.json");
    let store = load(&ls);
    let mut session = open(&ls);
    let offered = session.copy_needed(&store).expect("a copy");
    assert!(
        offered.ends_with("export-demarche"),
        "{}",
        offered.display()
    );
    let dir = corpus();
    let store = load(dir.path());
    assert_eq!(open(dir.path()).copy_needed(&store), None);
}
