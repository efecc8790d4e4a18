//! Exports: JSON loads back into exactly the same statements; CSV and Markdown carry every statement.

use demarche::export::{self, Format, Options};
use demarche::loader::{Source, SourceFormat, load_sources};
use demarche::model::StatementId;
use demarche::record::Record;
use demarche::{Loaded, Store};

fn records(store: &Store, ids: &[StatementId]) -> Vec<serde_json::Value> {
    ids.iter()
        .map(|&id| serde_json::to_value(Record::of(store, id)).expect("serialize"))
        .collect()
}

fn export_json(store: &Store, ids: &[StatementId]) -> Loaded {
    let mut bytes = Vec::new();
    export::write(store, ids, Format::Json, Options::default(), &mut bytes).expect("write");
    load_sources(vec![Source {
        name: "export.json".into(),
        bytes,
        format: SourceFormat::Json,
    }])
}

#[test]
fn json_export_round_trips_every_field_of_every_statement() {
    let original = demarche::bundled::load();
    let store = &original.store;
    let ids: Vec<StatementId> = store.all_ids().collect();
    let back = export_json(store, &ids);
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    let again: Vec<StatementId> = back.store.all_ids().collect();
    assert_eq!(records(store, &ids), records(&back.store, &again));
    assert_eq!(
        back.store.article(demarche::model::ArticleId(0)).text,
        store.article(demarche::model::ArticleId(0)).text
    );
}

#[test]
fn json_export_of_a_selection_holds_exactly_that_selection() {
    let original = demarche::bundled::load();
    let store = &original.store;
    let picked = demarche::filter::select(store, "actor:peskov").expect("filter");
    let chosen = vec![picked[0], picked[3]];
    let back = export_json(store, &chosen);
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    let again: Vec<StatementId> = back.store.all_ids().collect();
    assert_eq!(records(store, &chosen), records(&back.store, &again));
    let actor_ids: Vec<&str> = back.store.actors.iter().map(|a| a.id.as_str()).collect();
    assert!(actor_ids.contains(&"peskov") && actor_ids.contains(&"putin"));
}

#[test]
fn json_export_across_articles_and_files() {
    let loaded =
        demarche::load_paths(&[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good")]);
    let ids: Vec<StatementId> = loaded.store.all_ids().collect();
    let back = export_json(&loaded.store, &ids);
    assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
    assert_eq!(back.store.article_count(), 3);
    let again: Vec<StatementId> = back.store.all_ids().collect();
    assert_eq!(records(&loaded.store, &ids), records(&back.store, &again));
}

#[test]
fn csv_has_a_header_and_one_row_per_statement_and_guards_formulas() {
    let original = demarche::bundled::load();
    let store = &original.store;
    let ids: Vec<StatementId> = store.all_ids().collect();
    let mut bytes = Vec::new();
    export::write(store, &ids, Format::Csv, Options::default(), &mut bytes).expect("write");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.get(0), Some("statement"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), ids.len());
    let text = header
        .iter()
        .position(|h| h == "text")
        .expect("text column");
    assert_eq!(&rows[0][text], store.text(ids[0]));
    assert_eq!(export::guard("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert_eq!(export::guard("plain"), "plain");
}

#[test]
fn markdown_cites_quote_speaker_role_outlet_and_date() {
    let original = demarche::bundled::load();
    let store = &original.store;
    let ids = demarche::filter::select(store, "actor:peskov mode:direct").expect("filter");
    let mut bytes = Vec::new();
    export::write(
        store,
        &ids,
        Format::Markdown,
        Options::default(),
        &mut bytes,
    )
    .expect("write");
    let md = String::from_utf8(bytes).expect("utf8");
    assert!(md.contains("1. “Es wird beides geben"), "{md}");
    assert!(md.contains("**Dmitri Peskow**, Kremlin spokesman"), "{md}");
    assert!(md.contains("for Wladimir Putin"), "{md}");
    assert!(md.contains("2025-02 (month)"), "{md}");
    assert!(
        md.contains("The outlet is not named in the source."),
        "{md}"
    );
    assert!(md.contains("Translation: “"), "{md}");
    let mut reported = Vec::new();
    let kallas = demarche::filter::select(store, "actor:kallas").expect("filter");
    export::write(
        store,
        &kallas,
        Format::Markdown,
        Options::default(),
        &mut reported,
    )
    .expect("write");
    let reported = String::from_utf8(reported).expect("utf8");
    assert!(
        reported.contains("vor einer Appeasementpolitik (paraphrase, “warnte”)"),
        "{reported}"
    );
}

/// An export gets the permissions of any file the user creates there (umask applied),
/// not the owner-only ones of the temporary file it is written through.
#[cfg(unix)]
#[test]
fn an_export_is_readable_like_any_file_the_user_creates() {
    use std::os::unix::fs::PermissionsExt;
    let loaded = demarche::bundled::load();
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain.txt");
    std::fs::File::create(&plain).expect("create");
    let exported = dir.path().join("export.md");
    let ids: Vec<StatementId> = loaded.store.all_ids().collect();
    export::write_file(
        &loaded.store,
        &ids,
        Format::Markdown,
        Options::default(),
        &exported,
        false,
    )
    .expect("written");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&exported), mode(&plain));
}
