//! Index-backed and column-backed filtering gives exactly what a brute-force scan of the store gives.

use demarche::filter::{Role, Term};
use demarche::fold::fold;
use demarche::generate::{Options, generate};
use demarche::model::{ActorId, StatementId};
use demarche::search::match_actors;
use demarche::{Filter, Store};

/// Whether a `topic:` value names topic `name`: `=x` exactly, else by containing it.
fn names(name: &str, value: &str) -> bool {
    match value.strip_prefix('=') {
        Some(exact) => fold(name) == exact,
        None => fold(name).contains(value),
    }
}

/// One clause evaluated directly from the statement, without indices or precomputed columns.
fn brute(
    store: &Store,
    id: StatementId,
    term: &Term,
    scope: &[String],
    actors: &[ActorId],
    certain: bool,
) -> bool {
    let s = store.statement(id);
    match term {
        Term::Text(needle) => {
            fold(store.text(id)).contains(needle.as_str())
                || s.translation
                    .as_deref()
                    .is_some_and(|t| fold(t).contains(needle.as_str()))
        }
        Term::Topic(t) => s.topics.iter().any(|x| names(store.topic(x.topic), t)),
        Term::Mode(m) => s.mode == *m,
        Term::Stance(stance) => s.topics.iter().any(|x| {
            x.stance == *stance
                && (scope.is_empty() || scope.iter().any(|n| names(store.topic(x.topic), n)))
        }),
        Term::Since(d) | Term::Until(d) => {
            let (since, until) = match term {
                Term::Since(_) => (Some(*d), None),
                _ => (None, Some(*d)),
            };
            let published = store.article(s.article).published;
            let Some((earliest, latest)) = demarche::date::bounds(s.date, published) else {
                return false;
            };
            if certain {
                since.is_none_or(|d| earliest.is_some_and(|e| e >= d))
                    && until.is_none_or(|d| latest.is_some_and(|l| l <= d))
            } else {
                since.is_none_or(|d| latest.is_none_or(|l| l >= d))
                    && until.is_none_or(|d| earliest.is_none_or(|e| e <= d))
            }
        }
        Term::Dates(_) => true,
        Term::Precision(p) => {
            let date = s.date.or(store.article(s.article).published);
            date.map_or("undated", |d| d.precision()) == *p
        }
        Term::Kind(kind) => {
            store.actor(s.speaker).kind == *kind
                || s.on_behalf_of.is_some_and(|p| store.actor(p).kind == *kind)
        }
        Term::Actor(role, _) => actors.iter().any(|&a| match role {
            Role::Any => s.involves(a),
            Role::Speaker => s.speaker == a,
            Role::Principal => s.on_behalf_of == Some(a),
            Role::Holder => s.on_behalf_of.unwrap_or(s.speaker) == a,
            Role::Addressee => s.addressees.contains(&a),
        }),
        other => panic!("no brute-force check for {other:?}"),
    }
}

fn brute_select(store: &Store, expr: &str) -> Vec<StatementId> {
    let filter = Filter::parse(expr).expect("valid expression");
    let scope: Vec<String> = filter
        .clauses
        .iter()
        .filter_map(|c| match (&c.term, c.negated) {
            (Term::Topic(t), false) => Some(t.clone()),
            _ => None,
        })
        .collect();
    // Actor names resolve once per clause, as the filter does.
    let actors: Vec<Vec<ActorId>> = filter
        .clauses
        .iter()
        .map(|c| match &c.term {
            Term::Actor(_, name) => match store.actor_by_key(name) {
                Some(a) => vec![a],
                None => match_actors(store, name),
            },
            _ => Vec::new(),
        })
        .collect();
    let certain = filter.date_mode() == demarche::filter::DateMode::Certain;
    store
        .all_ids()
        .filter(|&id| {
            filter
                .clauses
                .iter()
                .zip(&actors)
                .all(|(c, a)| brute(store, id, &c.term, &scope, a, certain) != c.negated)
        })
        .collect()
}

#[test]
fn indexed_filtering_equals_a_brute_force_scan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut options = Options::new(8_000, 3);
    options.statements_per_file = 3_000;
    generate(dir.path(), &options, false).expect("generate");
    let loaded = demarche::load_paths(&[dir.path()]);
    assert!(loaded.diagnostics.is_empty());
    let store = &loaded.store;

    let expressions = [
        "grenze",
        "ultimatum",
        "Straße",
        "граница",
        "bezpieczeństwo",
        "\"the talks\"",
        "ensemble sécurité",
        "-grenze mode:indirect",
        "zzzz-not-there",
        "topic:sanctions",
        "topic:sanc topic:energy",
        "-topic:sanctions mode:mixed",
        "topic:sanctions stance:opposes",
        "mode:direct topic:sanctions stance:opposes",
        "stance:neutral",
        "since:2020-01-01 until:2020-06-30",
        "since:2024",
        "until:2016-03",
        "-since:2018-01-01",
        "since:2020-01-06 until:2020-01-12 dates:possible",
        "-until:2019-06 dates:possible",
        "precision:day since:2021",
        "-precision:before -precision:after",
        "precision:month dates:possible until:2018",
        "since:2019-02-28 grenze",
        "actor:peskov",
        "actor:peskov grenze",
        "actor:pskow topic:ceasefire",
        "speaker:zakharova",
        "for:putin since:2022",
        "to:kallas",
        // Whose position it is (principal, else speaker), and a topic by its whole name.
        "holder:putin",
        "holder:kallas",
        "holder:putin topic:=sanctions",
        "topic:=sanctions stance:supports",
        "-topic:=sanc mode:direct",
        "-topic:=sanctions holder:p",
        // Many actors or topics at once (unions of hundreds of lists).
        "actor:p",
        "speaker:a mode:direct",
        "topic:s",
        "topic:s -topic:sanctions",
        // Several text clauses, negated ones, phrases, through the word index.
        "ultimatum -grenze",
        "grenze ultimatum",
        "ultimatum -actor:p",
        "\"the talks\" -actor:p",
        "cessez-le-feu",
        // Phrases whose pieces the word index narrows by where they sit in a word.
        "\"die gespräche\"",
        "\"e g\"",
        "\"ie ges\"",
        "\"le c\"",
        "\" le \"",
        "\"n d\"",
        "\"-le-\"",
        "-l'europe since:2020",
        // Column scans without an index: mode, stance, kind; addressees by their index.
        "mode:direct",
        "-mode:paraphrase",
        "stance:opposes",
        "kind:ministry",
        "-kind:person mode:indirect",
        "to:p",
        "ultimatum -to:kallas",
    ];
    let mut non_empty = 0;
    let slow: Vec<Vec<StatementId>> = expressions
        .iter()
        .map(|expr| brute_select(store, expr))
        .collect();
    // Scanning the search buffer, then with the word index.
    for prepared in [false, true] {
        if prepared {
            store.prepare_search();
        }
        for (expr, slow) in expressions.iter().zip(&slow) {
            let fast = demarche::filter::select(store, expr).expect("valid");
            assert_eq!(
                &fast,
                slow,
                "{expr} ({prepared}): {} vs {}",
                fast.len(),
                slow.len()
            );
            non_empty += usize::from(!slow.is_empty() && prepared);
        }
    }
    assert!(non_empty >= expressions.len() - 2, "too many empty results");

    // The word index answers exactly what a scan of the search buffer answers.
    for needle in [
        "grenze",
        "gren",
        "e",
        "ss",
        "strasse",
        "ultimatum",
        "граница",
        "гран",
        "л",
        "lodz",
        "bezpieczenstwo",
        "1",
        "2019",
        "zzzz",
        "the talks",
        "l'europe",
        "cessez-le-feu",
        // Pieces narrowed by where they sit in a word (folded, as the filter passes them).
        "die gesprache",
        "e g",
        "ie ges",
        " le ",
        "n d",
        "-le-",
        ",",
    ] {
        assert_eq!(
            store.containing(needle),
            store.scan_containing(needle),
            "{needle}"
        );
    }
}

/// A run asked to stop gives up instead of answering; one never asked gives exactly
/// what `select` gives.
#[test]
fn a_cancelled_run_gives_up_and_an_uncancelled_one_answers() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir().expect("tempdir");
    generate(dir.path(), &Options::new(6_000, 5), false).expect("generate");
    let loaded = demarche::load_paths(&[dir.path()]);
    let store = &loaded.store;
    assert!(
        store.len() > 4096,
        "two chunks of the search buffer at least"
    );
    for expr in [
        "grenze",
        "\"le c\"",
        "mode:direct",
        "grenze mode:direct",
        "-grenze",
    ] {
        let matcher = Filter::parse(expr).expect("valid").compile(store);
        let expected = demarche::filter::select(store, expr).expect("valid");
        assert!(!expected.is_empty(), "{expr}");
        assert_eq!(
            matcher.run_unless(store, &|| false),
            Some(expected),
            "{expr}"
        );
        assert_eq!(matcher.run_unless(store, &|| true), None, "{expr}");
    }
    // Cancelled after the first chunk of a scan of the search buffer: the rest is skipped.
    let checks = AtomicUsize::new(0);
    let after_one = || checks.fetch_add(1, Ordering::SeqCst) > 0;
    assert_eq!(store.scan_containing_unless("grenze", &after_one), None);
    assert_eq!(
        store.scan_containing_unless("grenze", &|| false),
        Some(store.scan_containing("grenze"))
    );
    // An empty needle is in every statement, with the word index or without it.
    let all: Vec<_> = store.all_ids().collect();
    assert_eq!(store.containing(""), all);
    store.prepare_search();
    assert_eq!(store.containing(""), all);
    assert_eq!(store.containing_unless("", &|| true), Some(all));
}
