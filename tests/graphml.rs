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
