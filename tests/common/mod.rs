//! Shared test helpers: fixture paths and loading.
#![allow(dead_code)]

use demarche::Loaded;
use std::path::PathBuf;

/// The path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Loads fixtures by name.
pub fn load(names: &[&str]) -> Loaded {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    demarche::load_paths(&paths)
}

/// The statement keys of a load, in store order.
pub fn keys(loaded: &Loaded) -> Vec<String> {
    loaded
        .store
        .statements()
        .map(|s| s.key.to_string())
        .collect()
}

/// The article ids of a load, in store order.
pub fn article_ids(loaded: &Loaded) -> Vec<&str> {
    loaded.store.articles().map(|a| a.id).collect()
}

/// What the real binary prints on stdout for `args` then `path`; it must succeed.
pub fn stdout_of(args: &[&str], path: &std::path::Path) -> String {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .arg(path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf8")
}

/// An XML element's attribute `name`, unescaped; empty when it is missing.
pub fn xml_attr(e: &quick_xml::events::BytesStart, name: &str) -> String {
    e.try_get_attribute(name)
        .expect("attribute parses")
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .expect("value")
                .into_owned()
        })
        .unwrap_or_default()
}

/// The statements `demarche list --format jsonl --filter FILTER PATH` prints (the edit
/// journal included), parsed.
pub fn listed(path: &std::path::Path, filter: &str) -> Vec<serde_json::Value> {
    stdout_of(
        &[
            "list",
            "--no-cache",
            "--format",
            "jsonl",
            "--filter",
            filter,
        ],
        path,
    )
    .lines()
    .map(|l| serde_json::from_str(l).expect("json"))
    .collect()
}

/// `demarche extract` of the seed article's text (the bundled corpus's, as
/// `DIR/raw/ID.de.txt`) into `DIR/out`, which it returns.
pub fn extract_seed(dir: &std::path::Path) -> PathBuf {
    let loaded = demarche::bundled::load();
    let article = loaded.store.article(demarche::model::ArticleId(0));
    let raw = dir.join("raw");
    std::fs::create_dir(&raw).expect("mkdir");
    std::fs::write(raw.join(format!("{}.de.txt", article.id)), article.text).expect("write");
    let out = dir.join("out");
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("extract")
        .arg(&raw)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    out
}

/// The statement `key` of article `article`, as a record.
pub fn record_in<'a>(loaded: &'a Loaded, article: &str, key: &str) -> demarche::record::Record<'a> {
    let store = &loaded.store;
    let id = store
        .all_ids()
        .find(|&id| {
            let s = store.statement(id);
            &*s.key == key && store.article(s.article).id == article
        })
        .unwrap_or_else(|| panic!("statement {key} of {article} loaded"));
    demarche::record::Record::of(store, id)
}
