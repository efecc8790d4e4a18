//! The bundled corpus, embedded in the binary so `demarche` works from any directory.

use crate::loader::{Loaded, Source, SourceFormat, load_sources};

/// The name diagnostics use for the bundled files.
pub const PREFIX: &str = "<bundled>";

/// Every bundled file: name and contents.
pub const FILES: &[(&str, &str)] = &[(
    "2025-02-nato-brussels.de.json",
    include_str!("../assets/corpus/2025-02-nato-brussels.de.json"),
)];

/// Loads the bundled corpus.
pub fn load() -> Loaded {
    load_sources(
        FILES
            .iter()
            .map(|(name, text)| Source {
                name: format!("{PREFIX}/{name}"),
                bytes: text.as_bytes().to_vec(),
                format: SourceFormat::Json,
            })
            .collect(),
    )
}
