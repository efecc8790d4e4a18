//! Fuzz target: any text and `.ann` bytes (split at the first NUL) load as brat standoff without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let (text, ann) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let (Ok(()), Ok(())) = (
        std::fs::write(dir.path().join("doc.txt"), text),
        std::fs::write(dir.path().join("doc.ann"), ann),
    ) else {
        return;
    };
    let _ = demarche::load_paths(&[dir.path()]);
});
