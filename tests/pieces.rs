//! Native format extensions: discontinuous spans as lists of pieces, and the `annotator` field.

use demarche::export::{self, Format, Options};
use demarche::loader::{Source, SourceFormat, load_sources};
use demarche::model::StatementId;
use demarche::record::Record;

fn load(json: &str) -> demarche::Loaded {
    load_sources(vec![Source {
        name: "pieces.json".into(),
        bytes: json.as_bytes().to_vec(),
        format: SourceFormat::Json,
    }])
}

const DOC: &str = r#"{"format":"demarche","version":1,
 "article":{"id":"p","text":"„Wir werden“, sagte Berg 🙂, „nicht nachgeben.“"},
 "actors":[{"id":"berg","name":"Berg","kind":"person"}],
 "statements":[
  {"id":"s1","speaker":"berg","mode":"direct","text":"Wir werden nicht nachgeben.","span":[[1,11],[29,45]],"annotator":"ann"},
  {"id":"s2","speaker":"berg","mode":"direct","text":"Wir werden","span":[1,11]}
 ]}"#;

#[test]
fn a_list_of_pieces_loads_with_the_joined_text() {
    let loaded = load(DOC);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let store = &loaded.store;
    let s1 = store
        .all_ids()
        .find(|&id| &*store.statement(id).key == "s1");
    let s1 = s1.expect("s1 loaded");
    assert_eq!(store.text(s1), "Wir werden nicht nachgeben.");
    let record = Record::of(store, s1);
    assert_eq!(record.span, [1, 45]);
    assert_eq!(record.pieces, Some(vec![[1, 11], [29, 45]]));
    assert_eq!(record.annotator, Some("ann"));
}

#[test]
fn pieces_that_do_not_join_to_the_text_are_reported() {
    let loaded = load(&DOC.replace("[[1,11],[29,45]]", "[[1,11],[28,45]]"));
    assert_eq!(loaded.store.len(), 1);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.field.as_deref(), Some("span"));
    assert!(d.message.contains("pieces joined by one space"), "{d}");
}

#[test]
fn overlapping_pieces_are_reported() {
    let loaded = load(&DOC.replace("[[1,11],[29,45]]", "[[1,11],[5,45]]"));
    assert_eq!(loaded.store.len(), 1);
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("pieces [1, 11] and [5, 45] overlap")
    );
}

#[test]
fn a_span_mixing_numbers_and_pieces_is_a_type_error() {
    let loaded = load(&DOC.replace("[[1,11],[29,45]]", "[1,[29,45]]"));
    assert_eq!(loaded.store.len(), 1);
    assert!(
        loaded.diagnostics[0].message.contains("[start, end]"),
        "{}",
        loaded.diagnostics[0]
    );
}

#[test]
fn the_annotator_filter_selects_one_annotation_set() {
    let loaded = load(DOC);
    let ids = demarche::filter::select(&loaded.store, "annotator:ANN").expect("filter");
    assert_eq!(ids.len(), 1);
    let none = demarche::filter::select(&loaded.store, "annotator:an").expect("filter");
    assert!(none.is_empty());
}

#[test]
fn json_export_writes_pieces_and_annotator_and_loads_back() {
    let loaded = load(DOC);
    let ids: Vec<StatementId> = loaded.store.all_ids().collect();
    let mut bytes = Vec::new();
    export::write(
        &loaded.store,
        &ids,
        Format::Json,
        Options::default(),
        &mut bytes,
    )
    .expect("write");
    let text = String::from_utf8(bytes).expect("utf8");
    assert!(text.contains("\"annotator\": \"ann\""));
    let back = load(&text);
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    let again: Vec<StatementId> = back.store.all_ids().collect();
    let a: Vec<_> = ids.iter().map(|&i| Record::of(&loaded.store, i)).collect();
    let b: Vec<_> = again.iter().map(|&i| Record::of(&back.store, i)).collect();
    assert_eq!(a, b);
}
