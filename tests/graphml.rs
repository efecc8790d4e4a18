//! The GraphML export read back with an XML parser: declared keys, unique nodes, edges between them, the stance counts of the fixture.

mod common;

use common::{fixture, stdout_of, xml_attr as attr};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default)]
struct Graph {
    /// Key id -> (for, type).
    keys: BTreeMap<String, (String, String)>,
    /// Node id -> its data.
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    /// (source, target) -> the edge's data.
    edges: BTreeMap<(String, String), BTreeMap<String, String>>,
}

fn parse(xml: &str) -> Graph {
    let mut reader = Reader::from_str(xml);
    let mut g = Graph::default();
    let mut element: Option<(bool, String, String)> = None; // (is node, id or source, target)
    let mut key = String::new();
    let mut raw = String::new();
    let mut data = BTreeMap::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Empty(e) if e.name().into_inner() == "key" => {
                let previous = g
                    .keys
                    .insert(attr(&e, "id"), (attr(&e, "for"), attr(&e, "attr.type")));
                assert!(previous.is_none(), "a key declared twice");
            }
            Event::Start(e) => match e.name().into_inner() {
                "node" => element = Some((true, attr(&e, "id"), String::new())),
                "edge" => element = Some((false, attr(&e, "source"), attr(&e, "target"))),
                "data" => key = attr(&e, "key"),
                _ => {}
            },
            // Text arrives as raw pieces and entity references (`&amp;`): joined, then unescaped.
            Event::Text(t) if !key.is_empty() => raw.push_str(&t.into_inner()),
            Event::GeneralRef(r) if !key.is_empty() => {
                raw.push_str(&format!("&{};", r.into_inner()));
            }
            Event::End(e) => match e.name().into_inner() {
                "data" => {
                    let text = quick_xml::escape::unescape(&raw).expect("known entities");
                    data.insert(std::mem::take(&mut key), text.into_owned());
                    raw.clear();
                }
                "node" | "edge" => {
                    let (is_node, a, b) = element.take().expect("inside an element");
                    let d = std::mem::take(&mut data);
                    if is_node {
                        assert!(g.nodes.insert(a, d).is_none(), "a node id twice");
                    } else {
                        assert!(g.edges.insert((a, b), d).is_none(), "an edge twice");
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    g
}

#[test]
fn graphml_reads_back_as_the_actor_topic_network() {
    let xml = stdout_of(
        &["export", "--format", "graphml", "-o", "-"],
        &fixture("stances"),
    );
    let g = parse(&xml);
    // Every datum is declared, for the element it is on, and ints parse.
    for (on, items) in [
        ("node", g.nodes.values().collect::<Vec<_>>()),
        ("edge", g.edges.values().collect()),
    ] {
        for d in items {
            for (k, v) in d {
                let (for_, kind) = g
                    .keys
                    .get(k)
                    .unwrap_or_else(|| panic!("undeclared key {k}"));
                assert_eq!(for_, on, "{k}");
                if kind == "int" {
                    v.parse::<u64>()
                        .unwrap_or_else(|_| panic!("{k}={v} is not an int"));
                }
            }
        }
    }
    let ids: BTreeSet<&str> = g.nodes.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        BTreeSet::from([
            "actor:mira",
            "actor:osten",
            "actor:valoria",
            "topic:ceasefire",
            "topic:sanctions"
        ])
    );
    for (s, t) in g.edges.keys() {
        assert!(
            ids.contains(s.as_str()) && ids.contains(t.as_str()),
            "{s} -> {t}"
        );
    }
    // Kovac speaks for Valoria: the edge is Valoria's, one support and one opposition.
    let valoria = &g.edges[&("actor:valoria".to_string(), "topic:sanctions".to_string())];
    assert_eq!(valoria["supports"], "1");
    assert_eq!(valoria["opposes"], "1");
    assert_eq!(valoria["neutral"], "0");
    assert_eq!(valoria["stance"], "mixed");
    let mira = &g.edges[&("actor:mira".to_string(), "topic:sanctions".to_string())];
    assert_eq!(mira["edge_statements"], "3");
    assert_eq!(g.nodes["actor:mira"]["role"], "Opposition leader");
    assert_eq!(g.nodes["topic:sanctions"]["node_kind"], "topic");
    assert_eq!(g.nodes["topic:sanctions"]["node_statements"], "5");
    assert_eq!(g.edges.len(), 3);
}

#[test]
fn graphml_escapes_what_the_data_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = r#"{"format":"demarche","version":1,"article":{"id":"x","text":"A & B <said> yes."},
        "actors":[{"id":"ab","name":"A & B <Ltd> \"quoted\"","kind":"organisation"}],
        "statements":[{"id":"s","speaker":"ab","mode":"direct","text":"yes","topics":[{"topic":"t<1>","stance":"supports"}]}]}"#;
    std::fs::write(dir.path().join("x.json"), doc).expect("write");
    let g = parse(&stdout_of(
        &["export", "--format", "graphml", "-o", "-"],
        dir.path(),
    ));
    assert_eq!(g.nodes["actor:ab"]["label"], "A & B <Ltd> \"quoted\"");
    assert_eq!(g.nodes["topic:t<1>"]["label"], "t<1>");
    assert_eq!(
        g.edges.values().next().expect("one edge")["stance"],
        "support"
    );
}

/// The actor-actor edge between two actor ids, whichever way round it was written.
fn tie<'a>(g: &'a Graph, a: &str, b: &str) -> Option<&'a BTreeMap<String, String>> {
    let (a, b) = (format!("actor:{a}"), format!("actor:{b}"));
    g.edges
        .get(&(a.clone(), b.clone()))
        .or_else(|| g.edges.get(&(b, a)))
}

#[test]
fn the_actor_actor_network_links_by_congruence_and_conflict() {
    let args = [
        "export",
        "--format",
        "graphml",
        "--network",
        "actor-actor",
        "-o",
        "-",
    ];
    let g = parse(&stdout_of(&args, &fixture("network")));
    // Every actor who spoke on a topic is a node, the neutral-only one too; the
    // spokesperson counts for the one he speaks for.
    let nodes: BTreeSet<&str> = g.nodes.keys().map(String::as_str).collect();
    assert_eq!(
        nodes,
        BTreeSet::from(["actor:ana", "actor:ben", "actor:cem", "actor:dia"])
    );
    assert_eq!(g.edges.len(), 3, "no tie through a neutral statement");
    let ab = tie(&g, "ana", "ben").expect("ana-ben");
    assert_eq!(
        (
            ab["congruence"].as_str(),
            ab["conflict"].as_str(),
            ab["relation"].as_str()
        ),
        ("1", "1", "both")
    );
    assert_eq!(ab["congruence_topics"], "plan-one");
    assert_eq!(ab["conflict_topics"], "plan-two");
    let bc = tie(&g, "ben", "cem").expect("ben-cem");
    assert_eq!(bc["relation"], "conflict");
    assert_eq!(bc["conflict_topics"], "plan-one; plan-two");
    assert_eq!(bc["weight"], "2");
    for (id, (on, kind)) in &g.keys {
        assert!(on == "node" || on == "edge", "{id}");
        assert!(kind == "string" || kind == "int", "{id}: {kind}");
    }
    for data in g.edges.values() {
        for key in data.keys() {
            assert_eq!(g.keys[key].0, "edge", "{key} declared for edges");
        }
    }
}

#[test]
fn by_speaker_the_spokesperson_has_his_own_ties() {
    let args = [
        "export",
        "--format",
        "graphml",
        "--network",
        "actor-actor",
        "--by",
        "speaker",
        "-o",
        "-",
    ];
    let g = parse(&stdout_of(&args, &fixture("network")));
    assert!(g.nodes.contains_key("actor:eli"));
    assert_eq!(
        tie(&g, "ana", "ben").expect("ana-ben")["relation"],
        "congruence"
    );
    assert_eq!(
        tie(&g, "ana", "eli").expect("ana-eli")["conflict_topics"],
        "plan-two"
    );
    assert_eq!(tie(&g, "ben", "cem").expect("ben-cem")["conflict"], "1");
    // By speaker the actor-topic network credits him too.
    let args = [
        "export", "--format", "graphml", "--by", "speaker", "-o", "-",
    ];
    let g = parse(&stdout_of(&args, &fixture("network")));
    assert!(
        g.edges
            .contains_key(&("actor:eli".to_string(), "topic:plan-two".to_string()))
    );
}

#[test]
fn network_options_on_a_format_that_is_no_network_are_refused() {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args([
            "export",
            "--format",
            "csv",
            "--network",
            "actor-actor",
            "-o",
            "-",
        ])
        .arg(fixture("network"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--network and --by shape the graph formats"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}
