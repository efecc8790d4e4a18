//! Tests of the snapshot cache: fingerprints, round trips, and damaged snapshots read as misses.

use super::*;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A corpus with statements, brat folders and diagnostics of every kind.
fn corpus() -> Vec<PathBuf> {
    ["good", "diagnostics", "brat", "label-studio"]
        .iter()
        .map(|n| fixtures().join(n))
        .collect()
}

fn options(dir: &Path) -> CacheOptions {
    CacheOptions {
        enabled: true,
        dir: Some(dir.to_path_buf()),
        min_bytes: 0,
    }
}

fn load(paths: &[PathBuf], dir: &Path) -> (Loaded, Option<PendingSave>) {
    load_paths_cached(
        paths,
        &Limits::default(),
        &LoadProgress::default(),
        &options(dir),
    )
}

fn snapshots(dir: &Path) -> Vec<PathBuf> {
    list(dir)
        .expect("list")
        .into_iter()
        .map(|s| s.file)
        .collect()
}

fn assert_same(a: &Loaded, b: &Loaded) {
    assert!(a.store.statements().eq(b.store.statements()));
    assert_eq!(a.store.actors, b.store.actors);
    assert!(a.store.articles().eq(b.store.articles()));
    assert_eq!(a.store.topics, b.store.topics);
    assert_eq!(a.diagnostics, b.diagnostics);
    for id in a.store.all_ids() {
        assert_eq!(a.store.text(id), b.store.text(id));
        assert_eq!(a.store.folded(id), b.store.folded(id));
    }
}

#[test]
fn a_snapshot_reads_back_as_the_load_it_was_written_from() {
    let cache = tempfile::tempdir().expect("tempdir");
    let fresh = crate::loader::load_paths(&corpus());
    assert!(fresh.store.len() > 5 && fresh.diagnostics.len() > 20);
    let (first, save) = load(&corpus(), cache.path());
    assert_same(&fresh, &first);
    let written = save.expect("a save is due").write(&first).expect("written");
    assert_eq!(snapshots(cache.path()), vec![written.expect("a file")]);
    let progress = LoadProgress::default();
    let (cached, save) = load_paths_cached(
        &corpus(),
        &Limits::default(),
        &progress,
        &options(cache.path()),
    );
    assert!(save.is_none(), "a hit has nothing to write");
    assert!(progress.snapshot().from_cache);
    assert_same(&fresh, &cached);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn the_fingerprint_changes_with_any_input_file_but_not_hidden_ones() {
    let corpus = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("good"), corpus.path());
    let paths = [corpus.path()];
    let print = || fingerprint::fingerprint(&paths).expect("fingerprint");
    let before = print();
    assert!(before.iter().filter(|s| s.state.is_some()).count() >= 2);
    assert_eq!(print(), before, "nothing changed");

    std::fs::write(corpus.path().join(".hidden.json"), "{}").expect("write");
    assert_eq!(print(), before, "hidden files are not read");

    let article = corpus.path().join("article.json");
    let file = std::fs::File::options()
        .write(true)
        .open(&article)
        .expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("touch");
    let touched = print();
    assert_ne!(touched, before, "touched");

    std::fs::write(corpus.path().join("nested/added.jsonl"), "").expect("write");
    let added = print();
    assert_ne!(added, touched, "added");

    std::fs::remove_file(corpus.path().join("nested/added.jsonl")).expect("rm");
    assert_eq!(print(), touched, "removed again");

    std::fs::write(corpus.path().join("metadata.tsv"), "id\ttitle\n").expect("write");
    assert_ne!(print(), touched, "a side file the loader reads appeared");
}

#[test]
fn a_changed_input_is_a_miss_that_loads_the_change() {
    let (corpus, cache) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    copy_dir(&fixtures().join("good"), corpus.path());
    let paths = vec![corpus.path().to_path_buf()];
    let (first, save) = load(&paths, cache.path());
    save.expect("due").write(&first).expect("written");
    let article = corpus.path().join("article.json");
    let text = std::fs::read_to_string(&article).expect("read");
    let first_key = first.store.key(crate::model::StatementId(0));
    std::fs::write(
        &article,
        text.replacen(&format!("\"{first_key}\""), "\"renamed\"", 1),
    )
    .expect("write");
    let (second, save) = load(&paths, cache.path());
    assert!(save.is_some(), "a miss: the snapshot is rewritten");
    assert_same(&crate::loader::load_paths(&paths), &second);
    assert!(second.store.statements().any(|s| &*s.key == "renamed"));
}

#[test]
fn damaged_or_foreign_snapshots_are_misses_and_are_removed() {
    let cache = tempfile::tempdir().expect("tempdir");
    let paths = vec![fixtures().join("good")];
    let fresh = crate::loader::load_paths(&paths);
    let (first, save) = load(&paths, cache.path());
    let file = save.expect("due").write(&first).expect("ok").expect("file");
    let good = std::fs::read(&file).expect("read");
    let mut flipped = good.clone();
    let last = flipped.len() - 10;
    flipped[last] ^= 0x40;
    let damaged: [(&str, Vec<u8>); 4] = [
        ("flipped", flipped),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "foreign",
            b"not a snapshot at all, just some bytes".to_vec(),
        ),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&file, &bytes).expect("write");
        let key = plan(&paths, &Limits::default(), &options(cache.path())).expect("plan");
        let read = snapshot::read(&file, &key.key, &LoadProgress::default());
        assert!(
            matches!(read, Err(SnapshotError::Corrupt(_))),
            "{what}: {read:?}"
        );
        let (loaded, save) = load(&paths, cache.path());
        assert!(save.is_some(), "{what}: a miss");
        assert!(!file.exists(), "{what}: removed");
        assert_same(&fresh, &loaded);
    }
}

#[test]
fn small_inputs_disabled_caches_and_the_bundled_corpus_are_not_cached() {
    let cache = tempfile::tempdir().expect("tempdir");
    let paths = vec![fixtures().join("good")];
    let mut small = options(cache.path());
    small.min_bytes = 1 << 30;
    assert!(plan(&paths, &Limits::default(), &small).is_none());
    let mut off = options(cache.path());
    off.enabled = false;
    assert!(plan(&paths, &Limits::default(), &off).is_none());
    let none: [&Path; 0] = [];
    assert!(plan(&none, &Limits::default(), &options(cache.path())).is_none());
    assert!(plan(&paths, &Limits::default(), &options(cache.path())).is_some());
}

#[test]
fn clear_removes_snapshots_only() {
    let cache = tempfile::tempdir().expect("tempdir");
    let paths = vec![fixtures().join("good")];
    let (loaded, save) = load(&paths, cache.path());
    save.expect("due").write(&loaded).expect("written");
    std::fs::write(cache.path().join("notes.txt"), "mine").expect("write");
    let info = list(cache.path()).expect("list");
    assert_eq!(info.len(), 1);
    let (version, inputs) = info[0].written_for.clone().expect("readable header");
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert_eq!(inputs, vec![paths[0].canonicalize().expect("canonical")]);
    let (files, bytes) = clear(cache.path()).expect("clear");
    assert_eq!((files, bytes), (1, info[0].bytes));
    assert!(list(cache.path()).expect("list").is_empty());
    assert!(cache.path().join("notes.txt").exists());
}

#[test]
fn a_cache_folder_inside_an_input_folder_is_refused_and_not_created() {
    let corpus = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixtures().join("good"), corpus.path());
    let paths = vec![corpus.path().to_path_buf()];
    let cache = corpus.path().join("nested/cache");
    let (loaded, save) = load(&paths, &cache);
    let refused = save.expect("due").write(&loaded);
    assert!(
        matches!(refused, Err(CacheError::InsideInput(_))),
        "{refused:?}"
    );
    assert!(!cache.exists(), "nothing created in the corpus");
}
