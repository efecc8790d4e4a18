//! The GraphML network export: actors and topics as nodes, one edge per actor and topic with its stance counts and combined stance.

use super::network::{Network, actor_node, actor_values, combined, edge_counts, topic_node};
use crate::model::StatementId;
use crate::stances::Cell;
use crate::store::Store;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io::{self, Write};

/// Every attribute written, with the element it belongs to and its GraphML type.
const KEYS: &[(&str, &str, &str)] = &[
    ("label", "node", "string"),
    ("node_kind", "node", "string"),
    ("actor_id", "node", "string"),
    ("actor_kind", "node", "string"),
    ("role", "node", "string"),
    ("affiliation", "node", "string"),
    ("country", "node", "string"),
    ("node_statements", "node", "int"),
    ("supports", "edge", "int"),
    ("opposes", "edge", "int"),
    ("neutral", "edge", "int"),
    ("edge_statements", "edge", "int"),
    ("stance", "edge", "string"),
];

/// Writes the actor-topic network of `ids`, each statement counted for its principal.
pub fn write(store: &Store, ids: &[StatementId], out: &mut dyn Write) -> io::Result<()> {
    let net = Network::of(store, ids);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
    ])))?;
    for (id, on, kind) in KEYS {
        w.create_element("key")
            .with_attributes([
                ("id", *id),
                ("for", *on),
                ("attr.name", *id),
                ("attr.type", *kind),
            ])
            .write_empty()?;
    }
    w.write_event(Event::Start(
        BytesStart::new("graph")
            .with_attributes([("id", "demarche"), ("edgedefault", "undirected")]),
    ))?;
    for (&a, &n) in &net.actors {
        let actor = store.actor(a);
        let mut data = vec![("label", actor.name.as_str())];
        data.extend(actor_values(actor));
        let count = n.to_string();
        data.push(("node_statements", &count));
        element(&mut w, "node", &[("id", &actor_node(store, a))], &data)?;
    }
    for (&t, &n) in &net.topics {
        let count = n.to_string();
        let data = [
            ("label", store.topic(t)),
            ("node_kind", "topic"),
            ("node_statements", count.as_str()),
        ];
        element(&mut w, "node", &[("id", &topic_node(store, t))], &data)?;
    }
    for (i, c) in net.edges.iter().enumerate() {
        edge(&mut w, store, i, c)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.get_mut().write_all(b"\n")
}

fn edge<W: Write>(w: &mut Writer<W>, store: &Store, i: usize, c: &Cell) -> io::Result<()> {
    let [s, o, n, total] = edge_counts(c);
    let id = format!("e{i}");
    let (source, target) = (actor_node(store, c.actor), topic_node(store, c.topic));
    let data = [
        ("supports", s.as_str()),
        ("opposes", o.as_str()),
        ("neutral", n.as_str()),
        ("edge_statements", total.as_str()),
        ("stance", combined(c.counts)),
    ];
    element(
        w,
        "edge",
        &[("id", &id), ("source", &source), ("target", &target)],
        &data,
    )
}

/// `<name attrs...>` holding one `<data key=...>` per pair in `data`.
fn element<W: Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    data: &[(&str, &str)],
) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))?;
    for (key, value) in data {
        w.create_element("data")
            .with_attribute(("key", *key))
            .write_text_content(BytesText::new(value))?;
    }
    w.write_event(Event::End(BytesEnd::new(name)))
}
