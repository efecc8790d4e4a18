//! `demarche stances` and `demarche shifts` on a fixture with known counts and shifts: a spokesperson counted for the principal, a neutral change that is no shift, an imprecise date whose order is uncertain.

mod common;

use common::{fixture, stdout_of};
use serde_json::Value;

fn stances(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["stances", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout_of(&all, &fixture("stances"))).expect("json")
}

/// (actor, topic, supports, opposes, neutral) of every row, in order.
fn counts(rows: &[Value]) -> Vec<(String, String, u64, u64, u64)> {
    rows.iter()
        .map(|r| {
            (
                r["actor"].as_str().unwrap_or_default().to_string(),
                r["topic"].as_str().unwrap_or_default().to_string(),
                r["supports"].as_u64().unwrap_or(99),
                r["opposes"].as_u64().unwrap_or(99),
                r["neutral"].as_u64().unwrap_or(99),
            )
        })
        .collect()
}

fn row(actor: &str, topic: &str, s: u64, o: u64, n: u64) -> (String, String, u64, u64, u64) {
    (actor.into(), topic.into(), s, o, n)
}

#[test]
fn stances_count_for_the_principal_by_default() {
    let rows = stances(&[]);
    assert_eq!(
        counts(&rows),
        vec![
            row("osten", "ceasefire", 1, 1, 0),
            row("mira", "sanctions", 1, 1, 1),
            row("valoria", "sanctions", 1, 1, 0),
        ]
    );
    assert_eq!(rows[0]["actor_name"], "Osten government");
}

#[test]
fn stances_by_speaker_count_the_spokesperson() {
    assert_eq!(
        counts(&stances(&["--by", "speaker"])),
        vec![
            row("kovac", "sanctions", 1, 1, 0),
            row("osten-mfa", "ceasefire", 1, 1, 0),
            row("mira", "sanctions", 1, 1, 1),
        ]
    );
}

#[test]
fn stances_follow_the_filter_and_write_csv() {
    let rows = stances(&["--filter", "topic:ceasefire"]);
    assert_eq!(counts(&rows), vec![row("osten", "ceasefire", 1, 1, 0)]);
    let csv = stdout_of(&["stances", "--format", "csv"], &fixture("stances"));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "actor,actor_name,topic,supports,opposes,neutral");
    assert_eq!(lines[1], "osten,Osten government,ceasefire,1,1,0");
    assert_eq!(lines.len(), 4);
}

#[test]
fn stances_table_says_whom_it_counts_for() {
    let table = stdout_of(&["stances"], &fixture("stances"));
    assert!(table.starts_with("ACTOR (BY PRINCIPAL)"), "{table}");
    assert!(table.contains("Valoria government"), "{table}");
}

fn shifts(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["shifts", "--format", "jsonl"];
    all.extend_from_slice(args);
    stdout_of(&all, &fixture("stances"))
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// (actor, earlier id, later id, order certain) of every shift, in order.
fn pairs(found: &[Value]) -> Vec<(String, String, String, bool)> {
    found
        .iter()
        .map(|s| {
            (
                s["actor"].as_str().unwrap_or_default().to_string(),
                s["earlier"]["id"].as_str().unwrap_or_default().to_string(),
                s["later"]["id"].as_str().unwrap_or_default().to_string(),
                s["order_certain"].as_bool().unwrap_or(true),
            )
        })
        .collect()
}

#[test]
fn shifts_are_consecutive_opposite_stances_newest_first() {
    let found = shifts(&[]);
    let p = pairs(&found);
    assert_eq!(p.len(), 3, "{p:?}");
    // Valoria (through its spokesperson) turned in February, after January: certain.
    let valoria = p.iter().position(|s| s.0 == "valoria").expect("valoria");
    assert_eq!(
        p[valoria],
        ("valoria".into(), "a1s1".into(), "a2s1".into(), true)
    );
    // Mira's neutral statement is passed over: opposes in January, supports on 14 February.
    let mira = p.iter().position(|s| s.0 == "mira").expect("mira");
    assert_eq!(p[mira], ("mira".into(), "a1s2".into(), "a3s1".into(), true));
    assert!(
        valoria < mira,
        "the later statement of 19 February comes first: {p:?}"
    );
    // "2025-02" and "2025-02-10" overlap: which came first is not known.
    let osten = p.iter().find(|s| s.0 == "osten").expect("osten");
    assert!(!osten.3, "{p:?}");
    let v = &found[valoria];
    assert_eq!(v["topic"], "sanctions");
    assert_eq!(v["earlier"]["stance"], "supports");
    assert_eq!(v["later"]["stance"], "opposes");
    assert_eq!(v["later"]["date"], "2025-02-19");
    assert_eq!(v["later"]["mode"], "indirect");
    assert_eq!(v["later"]["article"]["id"], "a2");
    assert_eq!(
        v["later"]["text"],
        "the government now rejects the sanctions"
    );
}

#[test]
fn shifts_include_neutral_changes_on_request() {
    let p = pairs(&shifts(&["--include-neutral"]));
    let mira: Vec<_> = p.iter().filter(|s| s.0 == "mira").collect();
    assert_eq!(mira.len(), 2, "{p:?}");
    assert!(mira.iter().any(|s| s.1 == "a1s2" && s.2 == "a2s2" && s.3));
    // "2025-02" (neutral) and 14 February overlap.
    assert!(mira.iter().any(|s| s.1 == "a2s2" && s.2 == "a3s1" && !s.3));
}

#[test]
fn shifts_by_speaker_and_filtered() {
    let p = pairs(&shifts(&["--by", "speaker", "--filter", "topic:sanctions"]));
    let actors: Vec<&str> = p.iter().map(|s| s.0.as_str()).collect();
    assert!(
        actors.contains(&"kovac") && actors.contains(&"mira"),
        "{p:?}"
    );
    assert_eq!(p.len(), 2, "{p:?}");
}

#[test]
fn shifts_table_marks_an_uncertain_order() {
    let table = stdout_of(&["shifts"], &fixture("stances"));
    assert!(table.contains("uncertain"), "{table}");
    assert!(table.contains("Osten government"), "{table}");
}

#[test]
fn the_same_files_give_the_same_output() {
    let a = stdout_of(
        &["shifts", "--format", "jsonl", "--include-neutral"],
        &fixture("stances"),
    );
    let b = stdout_of(
        &["shifts", "--format", "jsonl", "--include-neutral"],
        &fixture("stances"),
    );
    assert_eq!(a, b);
    assert!(!a.is_empty());
}
