//! The dynamic GEXF export read back with an XML parser: declared attributes, nodes, edges, and the spells the statements' dates cover.

mod common;

use common::{fixture, stdout_of, xml_attr as attr};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeMap, BTreeSet};

/// An edge's attribute values and its spells (start, end).
type Edge = (BTreeMap<String, String>, Vec<(String, String)>);

#[derive(Default)]
struct Graph {
    mode: String,
    declared: BTreeMap<String, BTreeSet<String>>,
    nodes: BTreeSet<String>,
    /// (source, target) -> (attribute values, spells).
    edges: BTreeMap<(String, String), Edge>,
}

fn parse(xml: &str) -> Graph {
    let mut reader = Reader::from_str(xml);
    let mut g = Graph::default();
    let mut class = String::new();
    let mut edge: Option<(String, String)> = None;
    let mut values = BTreeMap::new();
    let mut spells = Vec::new();
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().into_inner() {
                "graph" => g.mode = attr(e, "mode"),
                "attributes" => class = attr(e, "class"),
                "attribute" => {
                    g.declared
                        .entry(class.clone())
                        .or_default()
                        .insert(attr(e, "id"));
                }
                "node" => {
                    assert!(g.nodes.insert(attr(e, "id")), "a node twice");
                }
                "edge" => edge = Some((attr(e, "source"), attr(e, "target"))),
                "attvalue" => {
                    let on = if edge.is_some() { "edge" } else { "node" };
                    let key = attr(e, "for");
                    assert!(
                        g.declared[on].contains(&key),
                        "undeclared {on} attribute {key}"
                    );
                    values.insert(key, attr(e, "value"));
                }
                "spell" => spells.push((attr(e, "start"), attr(e, "end"))),
                _ => {}
            },
            Event::End(e) if e.name().into_inner() == "edge" => {
                let ends = edge.take().expect("inside an edge");
                g.edges.insert(
                    ends,
                    (std::mem::take(&mut values), std::mem::take(&mut spells)),
                );
            }
            Event::End(e) if e.name().into_inner() == "node" => values.clear(),
            _ => {}
        }
    }
    g
}

fn spell(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn gexf_edges_carry_their_statements_spells() {
    let g = parse(&stdout_of(
        &["export", "--format", "gexf", "-o", "-"],
        &fixture("stances"),
    ));
    assert_eq!(g.mode, "dynamic");
    assert_eq!(g.nodes.len(), 5);
    for (s, t) in g.edges.keys() {
        assert!(g.nodes.contains(s) && g.nodes.contains(t), "{s} -> {t}");
    }
    let edge = |a: &str, t: &str| &g.edges[&(format!("actor:{a}"), format!("topic:{t}"))];
    // Two precise days a month apart: two spells.
    let (values, spells) = edge("valoria", "sanctions");
    assert_eq!(
        spells,
        &vec![
            spell("2025-01-09", "2025-01-09"),
            spell("2025-02-19", "2025-02-19")
        ]
    );
    assert_eq!(values["stance"], "mixed");
    // "2025-02" covers 10 February: one spell for the month.
    let (values, spells) = edge("osten", "ceasefire");
    assert_eq!(spells, &vec![spell("2025-02-01", "2025-02-28")]);
    assert_eq!(values["edge_statements"], "2");
    let (_, spells) = edge("mira", "sanctions");
    assert_eq!(
        spells,
        &vec![
            spell("2025-01-09", "2025-01-09"),
            spell("2025-02-01", "2025-02-28")
        ]
    );
}

#[test]
fn an_actor_actor_tie_spans_when_either_spoke_on_its_topics() {
    let args = [
        "export",
        "--format",
        "gexf",
        "--network",
        "actor-actor",
        "-o",
        "-",
    ];
    let g = parse(&stdout_of(&args, &fixture("network")));
    let (values, spells) = &g.edges[&("actor:ana".to_string(), "actor:cem".to_string())];
    assert_eq!(values["relation"], "both");
    assert_eq!(
        spells,
        &vec![
            spell("2025-03-01", "2025-03-01"),
            spell("2025-03-03", "2025-03-03"),
            spell("2025-03-10", "2025-03-11")
        ]
    );
    assert!(g.declared["edge"].contains("congruence_topics"));
}
