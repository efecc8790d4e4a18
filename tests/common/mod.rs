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
