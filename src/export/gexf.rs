//! The GEXF 1.3 network export: the actor-topic network of the GraphML export, each edge with the spells its statements' dates cover, so Gephi's timeline plays it over time.

use super::network::{Network, actor_node, actor_values, combined, edge_counts, topic_node};
use crate::model::{ActorId, StatementId, TopicId};
use crate::stances::By;
use crate::store::Store;
use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A date's days: `None` is unbounded on that side.
type Spell = (Option<NaiveDate>, Option<NaiveDate>);

const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("node_kind", "string"),
    ("actor_id", "string"),
    ("actor_kind", "string"),
    ("role", "string"),
    ("affiliation", "string"),
    ("country", "string"),
    ("node_statements", "integer"),
];

const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("supports", "integer"),
    ("opposes", "integer"),
    ("neutral", "integer"),
    ("edge_statements", "integer"),
    ("stance", "string"),
];

/// Writes the actor-topic network of `ids` (principals credited) as dynamic GEXF.
pub fn write(store: &Store, ids: &[StatementId], out: &mut dyn Write) -> io::Result<()> {
    let net = Network::of(store, ids);
    let spells = spells(store, ids);
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
    let graph = [
        ("mode", "dynamic"),
        ("defaultedgetype", "undirected"),
        ("timeformat", "date"),
    ];
    start(&mut w, "graph", &graph)?;
    declare(&mut w, "node", NODE_ATTRIBUTES)?;
    declare(&mut w, "edge", EDGE_ATTRIBUTES)?;
    start(&mut w, "nodes", &[])?;
    for (&a, &n) in &net.actors {
        let actor = store.actor(a);
        let count = n.to_string();
        let mut values = actor_values(actor);
        values.push(("node_statements", &count));
        let id = format!("actor:{}", actor.id);
        item(
            &mut w,
            "node",
            &[("id", &id), ("label", &actor.name)],
            &values,
            &[],
        )?;
    }
    for (&t, &n) in &net.topics {
        let count = n.to_string();
        let id = topic_node(store, t);
        let values = [("node_kind", "topic"), ("node_statements", count.as_str())];
        item(
            &mut w,
            "node",
            &[("id", &id), ("label", store.topic(t))],
            &values,
            &[],
        )?;
    }
    end(&mut w, "nodes")?;
    start(&mut w, "edges", &[])?;
    for (i, c) in net.edges.iter().enumerate() {
        let [s, o, n, total] = edge_counts(c);
        let id = format!("e{i}");
        let (source, target) = (actor_node(store, c.actor), topic_node(store, c.topic));
        let attrs = [
            ("id", id.as_str()),
            ("source", &source),
            ("target", &target),
            ("weight", &total),
        ];
        let values = [
            ("supports", s.as_str()),
            ("opposes", o.as_str()),
            ("neutral", n.as_str()),
            ("edge_statements", total.as_str()),
            ("stance", combined(c.counts)),
        ];
        let edge_spells = spells
            .get(&(c.actor, c.topic))
            .map_or(&[][..], Vec::as_slice);
        item(&mut w, "edge", &attrs, &values, edge_spells)?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.get_mut().write_all(b"\n")
}

/// Each actor and topic's spells: the days its dated statements can stand for,
/// overlapping ones merged (GEXF wants them apart).
fn spells(store: &Store, ids: &[StatementId]) -> BTreeMap<(ActorId, TopicId), Vec<Spell>> {
    let mut all: BTreeMap<(ActorId, TopicId), Vec<Spell>> = BTreeMap::new();
    for &id in ids {
        let Some(date) = store.date_or_published(id) else {
            continue;
        };
        let actor = By::Principal.actor(store, id);
        for t in store.topics_of(id) {
            all.entry((actor, t.topic))
                .or_default()
                .push((date.earliest(), date.latest()));
        }
    }
    for list in all.values_mut() {
        *list = merged(std::mem::take(list));
    }
    all
}

/// Spells sorted by start, overlapping or touching ones joined.
fn merged(mut list: Vec<Spell>) -> Vec<Spell> {
    list.sort();
    let mut out: Vec<Spell> = Vec::with_capacity(list.len());
    for (start, end) in list {
        match out.last_mut() {
            Some(last)
                if last.1.is_none()
                    || start
                        .is_none_or(|s| last.1.is_some_and(|e| s <= e.succ_opt().unwrap_or(e))) =>
            {
                last.1 = match (last.1, end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push((start, end)),
        }
    }
    out
}

fn start<W: Write>(w: &mut Writer<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.write_event(Event::Start(
        BytesStart::new(name).with_attributes(attrs.iter().copied()),
    ))
}

fn end<W: Write>(w: &mut Writer<W>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn declare<W: Write>(
    w: &mut Writer<W>,
    class: &str,
    attributes: &[(&str, &str)],
) -> io::Result<()> {
    start(w, "attributes", &[("class", class), ("mode", "static")])?;
    for (id, kind) in attributes {
        w.create_element("attribute")
            .with_attributes([("id", *id), ("title", *id), ("type", *kind)])
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
