//! `demarche topics` at scale: `--top N` bounds each side, and actors on both sides get a net position.

mod common;

use common::stdout_of;
use std::io::Write;

/// Topic `talks`: Kelm supports it three times and opposes it once; Amar opposes it;
/// twelve more actors support it once each.
fn corpus() -> tempfile::NamedTempFile {
    let mut actors = vec![
        r#"{"id":"kelm","name":"Kelm","kind":"government"}"#.to_string(),
        r#"{"id":"amar","name":"Amar","kind":"person"}"#.to_string(),
    ];
    let mut statements = Vec::new();
    let mut add = |n: usize, who: &str, stance: &str| {
        statements.push(format!(
            r#"{{"id":"s{n}","speaker":"{who}","mode":"indirect","text":"t","topics":[{{"topic":"talks","stance":"{stance}"}}]}}"#
        ))
    };
    for n in 0..3 {
        add(n, "kelm", "supports");
    }
    add(3, "kelm", "opposes");
    add(4, "amar", "opposes");
    for i in 0..12 {
        actors.push(format!(r#"{{"id":"x{i}","name":"X{i}","kind":"person"}}"#));
        add(10 + i, &format!("x{i}"), "supports");
    }
    let json = format!(
        r#"{{"format":"demarche","version":1,"article":{{"id":"a","text":"t"}},"actors":[{}],"statements":[{}]}}"#,
        actors.join(","),
        statements.join(",")
    );
    let mut file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .expect("temp");
    file.write_all(json.as_bytes()).expect("write");
    file
}

#[test]
fn table_shows_ten_actors_per_side_unless_told_and_says_how_many_more() {
    let file = corpus();
    let table = stdout_of(&["topics", "--no-cache"], file.path());
    let supports = table
        .lines()
        .find(|l| l.contains("supports"))
        .expect("supports row");
    assert_eq!(supports.matches(" (1)").count() + 1, 10, "{supports}");
    assert!(supports.ends_with("… 3 more (3 statements)"), "{supports}");

    let two = stdout_of(&["topics", "--no-cache", "--top", "2"], file.path());
    assert!(
        two.contains("Kelm (3), X0 (1), … 11 more (11 statements)"),
        "{two}"
    );
    let all = stdout_of(&["topics", "--no-cache", "--top", "0"], file.path());
    assert!(all.contains("X11 (1)") && !all.contains("more"), "{all}");
}

#[test]
fn an_actor_on_both_sides_gets_a_net_position() {
    let file = corpus();
    let table = stdout_of(&["topics", "--no-cache"], file.path());
    let net = table
        .lines()
        .find(|l| l.contains(" net "))
        .expect("net row");
    assert!(
        net.ends_with("net       Kelm +2 (3 for/1 against)"),
        "{net}"
    );
    assert!(!net.contains("Amar"), "Amar only opposes");

    let jsonl = stdout_of(&["topics", "--no-cache", "--format", "jsonl"], file.path());
    let row: serde_json::Value =
        serde_json::from_str(jsonl.lines().next().expect("row")).expect("json");
    assert_eq!(
        row["both"],
        serde_json::json!([{"id":"kelm","name":"Kelm","supports":3,"opposes":1,"net":2}])
    );
    assert_eq!(
        row["supports"].as_array().expect("list").len(),
        13,
        "jsonl keeps all"
    );
    assert_eq!(row["omitted"]["supports"], 0);

    let top = stdout_of(
        &["topics", "--no-cache", "--format", "jsonl", "--top", "1"],
        file.path(),
    );
    let row: serde_json::Value =
        serde_json::from_str(top.lines().next().expect("row")).expect("json");
    assert_eq!(row["supports"].as_array().expect("list").len(), 1);
    assert_eq!(row["omitted"]["supports"], 12);

    let csv = stdout_of(&["topics", "--no-cache", "--format", "csv"], file.path());
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("topic,stance,actor_id,actor,statements,net")
    );
    assert!(csv.contains("talks,supports,kelm,Kelm,3,2"), "{csv}");
    assert!(csv.contains("talks,opposes,kelm,Kelm,1,2"), "{csv}");
    assert!(csv.contains("talks,opposes,amar,Amar,1,-1"), "{csv}");
}
