//! The GEXF 1.3 network export: the network of the GraphML export, each edge with the spells its statements' dates cover, so Gephi's timeline plays it over time.

use super::network::{Graph, Keys, Spec, Spell, Type};
use crate::model::StatementId;
use crate::store::Store;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::io::{self, Write};

/// Writes the network `spec` asks for over `ids` as dynamic GEXF.
pub fn write(
    store: &Store,
    ids: &[StatementId],
    spec: Spec,
    out: &mut dyn Write,
) -> io::Result<()> {
    let graph = Graph::of(store, ids, spec);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "gexf",
        &[("xmlns", "http://gexf.net/1.3"), ("version", "1.3")],
    )?;
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("creator")
            .write_text_content(quick_xml::events::BytesText::new("demarche"))?;
        Ok(())
    })?;
    let attrs = [
        ("mode", "dynamic"),
        ("defaultedgetype", "undirected"),
        ("timeformat", "date"),
    ];
    start(&mut w, "graph", &attrs)?;
    declare(&mut w, "node", graph.node_keys)?;
    declare(&mut w, "edge", graph.edge_keys)?;
    start(&mut w, "nodes", &[])?;
    for node in &graph.nodes {
        let values: Vec<(&str, &str)> = node.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let attrs = [("id", node.id.as_str()), ("label", &node.label)];
        item(&mut w, "node", &attrs, &values, &[])?;
    }
    end(&mut w, "nodes")?;
    start(&mut w, "edges", &[])?;
    for (i, e) in graph.edges.iter().enumerate() {
        let (id, weight) = (format!("e{i}"), e.weight.to_string());
        let attrs = [
            ("id", id.as_str()),
            ("source", &e.source),
            ("target", &e.target),
            ("weight", &weight),
        ];
        let values: Vec<(&str, &str)> = e.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        item(&mut w, "edge", &attrs, &values, &e.spells)?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.get_mut().write_all(b"\n")
}

fn start<W: Write>(w: &mut Writer<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

fn end<W: Write>(w: &mut Writer<W>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn declare<W: Write>(w: &mut Writer<W>, class: &str, attributes: Keys) -> io::Result<()> {
    start(w, "attributes", &[("class", class), ("mode", "static")])?;
    for (id, kind) in attributes {
        let kind = match kind {
            Type::Text => "string",
            Type::Int => "integer",
        };
        w.create_element("attribute")
            .with_attributes([("id", *id), ("title", *id), ("type", kind)])
            .write_empty()?;
    }
    end(w, "attributes")
}

/// A node or edge with its attribute values and spells.
fn item<W: Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    values: &[(&str, &str)],
    spells: &[Spell],
) -> io::Result<()> {
    start(w, name, attrs)?;
    start(w, "attvalues", &[])?;
    for (key, value) in values {
        w.create_element("attvalue")
            .with_attributes([("for", *key), ("value", *value)])
            .write_empty()?;
    }
    end(w, "attvalues")?;
    if !spells.is_empty() {
        start(w, "spells", &[])?;
        for (from, to) in spells {
            let (from, to) = (from.map(|d| d.to_string()), to.map(|d| d.to_string()));
            let mut spell = BytesStart::new("spell");
            if let Some(f) = &from {
                spell.push_attribute(("start", f.as_str()));
            }
            if let Some(t) = &to {
                spell.push_attribute(("end", t.as_str()));
            }
            w.write_event(Event::Empty(spell))?;
        }
        end(w, "spells")?;
    }
    end(w, name)
}
