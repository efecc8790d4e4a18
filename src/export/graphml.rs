//! The GraphML network export: plain GraphML with a typed `<key>` for every attribute, the actor-topic or actor-actor network (see `network.rs`).

use super::network::{Graph, Spec, Type};
use crate::model::StatementId;
use crate::store::Store;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io::{self, Write};

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Text => "string",
        Type::Int => "int",
    }
}

/// Writes the network `spec` asks for over `ids`.
pub fn write(
    store: &Store,
    ids: &[StatementId],
    spec: Spec,
    out: &mut dyn Write,
) -> io::Result<()> {
    let graph = Graph::of(store, ids, spec);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
    ])))?;
    let keys = [("label", Type::Text)]
        .iter()
        .chain(graph.node_keys)
        .map(|k| (k, "node"))
        .chain(
            [("weight", Type::Int)]
                .iter()
                .chain(graph.edge_keys)
                .map(|k| (k, "edge")),
        );
    for ((id, kind), on) in keys {
        w.create_element("key")
            .with_attributes([
                ("id", *id),
                ("for", on),
                ("attr.name", *id),
                ("attr.type", type_name(*kind)),
            ])
            .write_empty()?;
    }
    w.write_event(Event::Start(
        BytesStart::new("graph")
            .with_attributes([("id", "demarche"), ("edgedefault", "undirected")]),
    ))?;
    for node in &graph.nodes {
        let mut data = vec![("label", node.label.as_str())];
        data.extend(node.values.iter().map(|(k, v)| (*k, v.as_str())));
        element(&mut w, "node", &[("id", &node.id)], &data)?;
    }
    for (i, e) in graph.edges.iter().enumerate() {
        let (id, weight) = (format!("e{i}"), e.weight.to_string());
        let mut data = vec![("weight", weight.as_str())];
        data.extend(e.values.iter().map(|(k, v)| (*k, v.as_str())));
        let attrs = [
            ("id", id.as_str()),
            ("source", &e.source),
            ("target", &e.target),
        ];
        element(&mut w, "edge", &attrs, &data)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.get_mut().write_all(b"\n")
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
