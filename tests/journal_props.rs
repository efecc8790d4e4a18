//! Random series of edits and undos, journaled as the browser and `review` journal them, then compacted into the files: the files alone load into exactly the corpus held in memory.

use demarche::edit::{Edit, apply, inverse};
use demarche::export::statement_value;
use demarche::journal::{Entry, Journal, compact};
use demarche::store::Store;
use proptest::prelude::*;

const ARTICLE: &str = "2025-02-nato-brussels";

/// The corpus as sorted lines: equal lines, equal corpus.
fn dump(store: &Store) -> Vec<String> {
    let mut lines: Vec<String> = store
        .all_ids()
        .map(|id| statement_value(store, id).to_string())
        .collect();
    lines.extend(store.actors.iter().map(|a| format!("{a:?}")));
    lines.sort();
    lines
}

#[derive(Clone, Debug)]
enum Step {
    /// Change the mode and provenance of the n-th statement.
    Review(usize, bool),
    Delete(usize),
    /// A new statement copying the n-th one's span under a new id.
    Add(usize),
    Rename(usize),
    Merge(usize, usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..40usize, any::<bool>()).prop_map(|(n, d)| Step::Review(n, d)),
        (0..40usize).prop_map(Step::Delete),
        (0..40usize).prop_map(Step::Add),
        (0..40usize).prop_map(Step::Rename),
        (0..40usize, 0..40usize).prop_map(|(a, b)| Step::Merge(a, b)),
        Just(Step::Undo),
    ]
}

/// The edits of one step on `store`, if the step can be made there.
fn edits(store: &Store, step: &Step, n: usize) -> Option<Vec<Edit>> {
    let nth = |k: usize| store.all_ids().nth(k % store.len().max(1));
    Some(match *step {
        Step::Review(k, direct) => {
            let id = nth(k)?;
            let mut r = statement_value(store, id);
            r["mode"] = if direct { "direct" } else { "indirect" }.into();
            r["provenance"] = "reviewed".into();
            r["annotator"] = "prop".into();
            vec![Edit::Put {
                article: ARTICLE.into(),
                statement: r,
            }]
        }
        Step::Delete(k) => vec![Edit::Delete {
            article: ARTICLE.into(),
            id: store.key(nth(k)?).to_string(),
        }],
        Step::Add(k) => {
            let mut r = statement_value(store, nth(k)?);
            r["id"] = format!("new{n}").into();
            vec![Edit::Put {
                article: ARTICLE.into(),
                statement: r,
            }]
        }
        Step::Rename(k) => {
            let a = &store.actors[k % store.actors.len()];
            let mut v = demarche::export::actor_value(a);
            v["name"] = format!("{} ({n})", a.name).into();
            vec![Edit::PutActor { actor: v }]
        }
        Step::Merge(a, b) => {
            let (a, b) = (
                &store.actors[a % store.actors.len()],
                &store.actors[b % store.actors.len()],
            );
            if a.id == b.id {
                return None;
            }
            vec![Edit::Merge {
                from: a.id.clone(),
                into: b.id.clone(),
            }]
        }
        Step::Undo => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn journaled_edits_and_undos_compact_into_files_that_load_as_in_memory(steps in prop::collection::vec(step(), 1..12)) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("a.json"),
            include_str!("../assets/corpus/2025-02-nato-brussels.de.json"),
        ).expect("write");
        let mut store = demarche::load_paths(&[dir.path()]).store;
        let mut journal = Journal::open(dir.path()).expect("journal");
        let mut undo: Vec<Vec<Edit>> = Vec::new();
        let mut applied = 0;
        for (n, s) in steps.iter().enumerate() {
            let group = match s {
                Step::Undo => match undo.pop() { Some(g) => g, None => continue },
                _ => match edits(&store, s, n) { Some(g) => g, None => continue },
            };
            let Ok(back) = inverse(&store, &group) else { continue };
            let Ok(next) = apply(&store, &group) else { continue };
            journal.append(&Entry::now("prop", group)).expect("append");
            applied += 1;
            if !matches!(s, Step::Undo) {
                undo.push(back);
            }
            store = next;
        }
        drop(journal);
        let (entries, said) = demarche::journal::read(&demarche::journal::path_for(dir.path())).expect("read");
        prop_assert_eq!(entries.len(), applied, "every applied group is journaled");
        prop_assert!(said.is_empty(), "{:?}", said);
        // Every command reads the journal: the same corpus as in memory.
        let replayed = demarche::journal::load(
            &[dir.path()],
            &demarche::loader::Limits::default(),
            &demarche::loader::LoadProgress::default(),
            &demarche::cache::CacheOptions::disabled(),
        ).0;
        prop_assert_eq!(dump(&replayed.store), dump(&store));
        compact(dir.path(), &replayed.store).expect("compacted");
        let reloaded = demarche::load_paths(&[dir.path()]);
        prop_assert!(reloaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}", reloaded.diagnostics);
        prop_assert_eq!(dump(&reloaded.store), dump(&store));
    }
}
