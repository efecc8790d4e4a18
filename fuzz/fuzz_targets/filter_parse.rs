//! Fuzz target: any string parses as a filter (or is refused) and runs on the bundled corpus without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static CORPUS: OnceLock<demarche::Loaded> = OnceLock::new();
    let loaded = CORPUS.get_or_init(demarche::bundled::load);
    if let Ok(expr) = std::str::from_utf8(data) {
        match demarche::Filter::parse(expr) {
            Ok(filter) => {
                let _ = filter.compile(&loaded.store).run(&loaded.store);
            }
            Err(e) => {
                assert!(e.start <= e.end && e.end <= expr.len());
                let _ = e.pointed(expr);
            }
        }
    }
});
