//! Fuzz target: any bytes after `[{` load as a Label Studio export without panicking.
#![no_main]

use demarche::loader::{Source, SourceFormat, load_sources};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader treats a `.json` file starting with `[{` as a Label Studio export.
    let mut bytes = b"[{".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"[{").unwrap_or(data));
    let _ = load_sources(vec![Source {
        name: "fuzz.json".into(),
        bytes,
        format: SourceFormat::Json,
    }]);
});
