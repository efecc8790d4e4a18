//! Fuzz target: any bytes as a native `.json` file load without panicking.
#![no_main]

use demarche::loader::{Source, SourceFormat, load_sources};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = load_sources(vec![Source {
        name: "fuzz.json".into(),
        bytes: data.to_vec(),
        format: SourceFormat::Json,
    }]);
});
