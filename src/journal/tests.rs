//! The journal on disk: entries read back, an unfinished last line left out and cut, a bad line said with its place, the lock, compaction refusing a file changed meanwhile.

use super::*;

/// A folder holding the bundled corpus's file, to edit (also for the browser's tests).
pub(crate) fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.json"),
        include_str!("../../assets/corpus/2025-02-nato-brussels.de.json"),
    )
    .expect("write");
    dir
}

fn delete(id: &str) -> Entry {
    Entry::now(
        "ana",
        vec![Edit::Delete {
            article: "2025-02-nato-brussels".into(),
            id: id.into(),
        }],
    )
}

#[test]
fn appended_entries_read_back_and_an_unfinished_line_is_cut() {
    let dir = corpus_dir();
    let mut j = Journal::open(dir.path()).expect("open");
    j.append(&delete("s01")).expect("append");
    j.append(&delete("s02")).expect("append");
    drop(j);
    let path = path_for(dir.path());
    // A process killed in the middle of writing a third.
    let mut f = OpenOptions::new().append(true).open(&path).expect("open");
    f.write_all(br#"{"at":"2026-12-07T12:00:00Z","coder":"ana","ed"#)
        .expect("write");
    drop(f);
    let (entries, said) = read(&path).expect("read");
    assert_eq!(entries.len(), 2);
    assert!(said.is_empty(), "an unfinished line is no error: {said:?}");
    let mut j = Journal::open(dir.path()).expect("open again");
    j.append(&delete("s03")).expect("append");
    drop(j);
    let (entries, said) = read(&path).expect("read");
    assert_eq!(
        entries.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(said.is_empty(), "{said:?}");
}

#[test]
fn a_bad_line_is_said_with_its_line_and_column_and_the_rest_is_read() {
    let dir = corpus_dir();
    let path = path_for(dir.path());
    let good = serde_json::to_string(&delete("s01")).expect("json");
    std::fs::write(&path, format!("{good}\n{{\"at\": 5}}\n{good}\n")).expect("write");
    let (entries, said) = read(&path).expect("read");
    assert_eq!(entries.len(), 2);
    assert_eq!(said.len(), 1);
    assert_eq!(said[0].line, Some(2));
    assert!(said[0].column.is_some());
    assert!(!said[0].message.contains("at line"), "{}", said[0].message);
}

#[test]
fn a_second_editor_is_refused_with_a_message_saying_so() {
    let dir = corpus_dir();
    let _first = Journal::open(dir.path()).expect("open");
    let Err(err) = Journal::open(dir.path()) else {
        panic!("a second editor got the lock")
    };
    let text = err.to_string();
    assert!(text.contains("being edited by another demarche"), "{text}");
    assert!(text.contains(&std::process::id().to_string()), "{text}");
}

#[test]
fn replayed_edits_show_in_what_is_loaded_and_compaction_writes_them() {
    let dir = corpus_dir();
    let mut j = Journal::open(dir.path()).expect("open");
    j.append(&delete("s01")).expect("append");
    drop(j);
    let cache = crate::cache::CacheOptions::disabled();
    let progress = crate::loader::LoadProgress::default();
    let limits = crate::loader::Limits::default();
    let (loaded, _) = load(&[dir.path()], &limits, &progress, &cache);
    assert_eq!(loaded.store.len(), 21, "{:?}", loaded.diagnostics);
    let done = compact(dir.path(), &loaded.store).expect("compacted");
    assert_eq!(done.files.len(), 1);
    assert!(!path_for(dir.path()).exists(), "the journal is gone");
    let again = crate::loader::load_paths(&[dir.path()]);
    assert_eq!(again.store.len(), 21);
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten_and_the_journal_is_kept() {
    let dir = corpus_dir();
    let mut j = Journal::open(dir.path()).expect("open");
    j.append(&delete("s01")).expect("append");
    drop(j);
    let loaded = crate::loader::load_paths(&[dir.path()]);
    let plan = Plan::new(dir.path(), &loaded.store).expect("planned");
    // Another program rewrites the file after compaction read it.
    let file = dir.path().join("a.json");
    let theirs = std::fs::read_to_string(&file)
        .expect("read")
        .replace("Appeasementpolitik", "Appeasement-Politik");
    std::fs::write(&file, format!("{theirs} ")).expect("write");
    let Err(err) = plan.write() else {
        panic!("a changed file was overwritten")
    };
    assert!(
        matches!(&err, CompactError::Changed(p) if p == &file),
        "{err}"
    );
    assert!(
        err.to_string().contains("changed by another program"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        format!("{theirs} ")
    );
    assert!(path_for(dir.path()).exists(), "the journal is kept");
}

#[test]
fn a_journal_with_lines_that_do_not_read_is_kept_aside_not_thrown_away() {
    let dir = corpus_dir();
    let mut j = Journal::open(dir.path()).expect("open");
    j.append(&delete("s01")).expect("append");
    drop(j);
    let path = path_for(dir.path());
    let mut f = OpenOptions::new().append(true).open(&path).expect("open");
    f.write_all(b"edited by hand\n").expect("write");
    drop(f);
    let loaded = crate::loader::load_paths(&[dir.path()]);
    let done = compact(dir.path(), &loaded.store).expect("compacted");
    let kept = done.kept.clone().expect("kept aside");
    assert!(!path.exists(), "no journal to replay again");
    assert!(
        std::fs::read_to_string(&kept)
            .expect("read")
            .contains("edited by hand")
    );
    assert!(done.said().contains("kept as"), "{}", done.said());
}

#[test]
fn an_article_source_names_its_file_without_the_line() {
    assert_eq!(source_file("dir/a.jsonl:12"), Path::new("dir/a.jsonl"));
    assert_eq!(source_file("dir/a.json"), Path::new("dir/a.json"));
    assert_eq!(source_file("dir/a:b.json"), Path::new("dir/a:b.json"));
}

#[test]
fn the_files_an_edit_touches_are_stamped_and_a_change_is_found() {
    let dir = corpus_dir();
    let stamps = Stamps::take(&[dir.path()]);
    let store = crate::loader::load_paths(&[dir.path()]).store;
    let file = dir.path().join("a.json");
    let touched = touched(&store, &delete("s01").edits);
    assert_eq!(
        touched.into_iter().collect::<Vec<_>>(),
        std::slice::from_ref(&file)
    );
    assert_eq!(stamps.any_changed(), None);
    std::fs::write(&file, "{}").expect("write");
    assert_eq!(stamps.first_changed([file.as_path()]), Some(file.clone()));
    assert_eq!(stamps.any_changed(), Some(file));
}

#[test]
fn only_brat_and_label_studio_corpora_are_foreign() {
    let dir = corpus_dir();
    assert_eq!(
        foreign(&crate::loader::load_paths(&[dir.path()]).store),
        None
    );
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for other in ["brat/election", "label-studio/export.json"] {
        let store = crate::loader::load_paths(&[fixtures.join(other)]).store;
        assert!(foreign(&store).is_some(), "{other}");
    }
}
