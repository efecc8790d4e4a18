//! The synthetic corpus generator: loads cleanly, spans agree with texts, same seed gives the same bytes.

use demarche::generate::{Options, generate};
use demarche::model::Mode;
use std::collections::HashSet;

const STATEMENTS: usize = 2_000;

fn small(statements: usize, seed: u64) -> Options {
    let mut options = Options::new(statements, seed);
    options.statements_per_file = 700;
    options
}

fn read_all(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect()
}

#[test]
fn generated_corpus_loads_without_diagnostics_and_is_varied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let summary = generate(dir.path(), &small(STATEMENTS, 42), false).expect("generate");
    assert_eq!(summary.statements, STATEMENTS);
    assert_eq!(summary.files.len(), 3, "2000 statements at 700 per file");

    let loaded = demarche::load_paths(&[dir.path()]);
    assert!(
        loaded.diagnostics.is_empty(),
        "diagnostics: {:#?}",
        &loaded.diagnostics[..loaded.diagnostics.len().min(5)]
    );
    let store = &loaded.store;
    assert_eq!(store.len(), STATEMENTS);
    assert_eq!(store.article_count(), summary.articles);

    let mut modes = HashSet::new();
    let mut languages = HashSet::new();
    let mut precisions = HashSet::new();
    let mut by_precision: std::collections::HashMap<&str, usize> = Default::default();
    let mut on_behalf = 0;
    let mut translated = 0;
    for id in store.all_ids() {
        let s = store.statement(id);
        let text = store.text(id);
        let article = &store.article(s.article).text;
        // The span in characters selects exactly the statement's text.
        let by_chars: String = article
            .chars()
            .skip(s.chars.start as usize)
            .take((s.chars.end - s.chars.start) as usize)
            .collect();
        assert_eq!(by_chars, text, "statement {}", s.key);
        let len = text.chars().count();
        assert!(
            (80..=300).contains(&len),
            "quote of {len} characters: {text:?}"
        );
        modes.insert(s.mode);
        languages.insert(store.article(s.article).language);
        precisions.insert(s.date.map_or("unknown", |d| d.precision()));
        *by_precision.entry(store.precision(id)).or_default() += 1;
        on_behalf += usize::from(s.on_behalf_of.is_some());
        translated += usize::from(s.translation.is_some());
        assert!(!s.topics.is_empty());
    }
    assert_eq!(modes.len(), Mode::ALL.len(), "all modes: {modes:?}");
    assert!(languages.len() >= 5, "languages: {languages:?}");
    for p in ["day", "month", "year", "before", "after", "unknown"] {
        assert!(precisions.contains(p), "no {p} date among {precisions:?}");
    }
    // As in news: most statements dated to a day (their own or their article's), a
    // minority to a month or year, few open-ended.
    let share = |p: &str| by_precision.get(p).copied().unwrap_or(0) as f64 / STATEMENTS as f64;
    assert!(share("day") >= 0.8, "day-dated: {by_precision:?}");
    assert!(
        (0.05..=0.15).contains(&(share("month") + share("year"))),
        "{by_precision:?}"
    );
    assert!(
        share("before") + share("after") <= 0.06,
        "open-ended: {by_precision:?}"
    );
    assert!(on_behalf > 0, "no spokesperson speaks for a principal");
    assert!(translated > STATEMENTS / 2, "translations: {translated}");

    let texts: Vec<&str> = store.all_ids().map(|id| store.text(id)).collect();
    for needle in ["ü", "é", "ł", "ß", "д"] {
        assert!(
            texts.iter().any(|t| t.contains(needle)),
            "no statement text contains {needle:?}"
        );
    }
    assert!(store.actors.iter().any(|a| !a.name.is_ascii()));
    assert!(store.actors.iter().any(|a| {
        a.aliases
            .iter()
            .any(|x| x.chars().any(|c| ('а'..='я').contains(&c)))
    }));
    let peskov = store.actor_by_key("peskov").expect("peskov");
    assert!(store.count_for(peskov) > 0);

    // Skewed activity: the busiest actor speaks far more than the median one.
    let mut counts: Vec<usize> = (0..store.actors.len())
        .map(|i| store.spoken_by(demarche::model::ActorId(i as u32)).len())
        .collect();
    counts.sort_unstable();
    assert!(counts[counts.len() - 1] >= 20 * counts[counts.len() / 2].max(1));
}

#[test]
fn same_seed_gives_the_same_bytes() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let c = tempfile::tempdir().expect("tempdir");
    generate(a.path(), &small(1_500, 9), false).expect("generate a");
    generate(b.path(), &small(1_500, 9), false).expect("generate b");
    generate(c.path(), &small(1_500, 10), false).expect("generate c");
    assert_eq!(read_all(a.path()), read_all(b.path()));
    assert_ne!(read_all(a.path()), read_all(c.path()));
}

#[test]
fn refuses_a_non_empty_directory_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.txt"), "keep me").expect("write");
    assert!(generate(dir.path(), &small(100, 1), false).is_err());
    let summary = generate(dir.path(), &small(100, 1), true).expect("forced");
    assert_eq!(summary.statements, 100);
    assert!(
        dir.path().join("notes.txt").exists(),
        "other files are kept"
    );
    let again = generate(dir.path(), &small(50, 1), true).expect("forced again");
    assert_eq!(
        demarche::load_paths(&[dir.path()]).store.len(),
        again.statements
    );
}
