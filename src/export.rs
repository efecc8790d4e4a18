//! Writers for a selection of statements (native JSON, CSV, Markdown) and the atomic file write.

mod csv;
mod csv_cell;
mod dna;
mod gexf;
mod graphml;
mod json;
mod markdown;
mod network;
mod stale;
mod target;

pub use self::csv::{HEADER as CSV_HEADER, header as csv_header, statement_key};
pub use self::csv_cell::{CsvWriter, guard};
pub use self::json::{
    ActorOut, actor_value, statement_value, write as write_corpus, write_article,
};
pub use self::network::{Kind as NetworkKind, Spec as NetworkSpec};
pub use self::stale::{staging_dir, sweep_stale};
pub use self::target::write_atomically;

use crate::model::StatementId;
use crate::store::Store;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Our own corpus document: loads back into the same statements.
    Json,
    /// One row per statement with a header, for R, pandas, spreadsheets.
    Csv,
    /// A citable list to paste into a report.
    Markdown,
    /// The actor-topic network, for Gephi, visone, networkx and R.
    Graphml,
    /// The same network with each edge's dates as spells (GEXF 1.3), for Gephi's timeline.
    Gexf,
    /// The Discourse Network Analyzer's event list (`;`-separated), for rDNA.
    DnaCsv,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Graphml,
        Format::Gexf,
        Format::DnaCsv,
    ];

    /// The file extension, without the dot.
    /// Whether it writes a network (which `Options::network` shapes).
    pub fn is_network(self) -> bool {
        matches!(self, Format::Graphml | Format::Gexf)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::DnaCsv => "dna.csv",
        }
    }

    /// The format a file name's extension names (`.json`, `.csv`, `.md`/`.markdown`,
    /// any case), if any.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".dna.csv") {
            return Some(Format::DnaCsv);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "graphml" => Some(Format::Graphml),
            "gexf" => Some(Format::Gexf),
            _ => None,
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
            Format::Graphml => "GraphML",
            Format::Gexf => "GEXF",
            Format::DnaCsv => "DNA CSV",
        }
    }
}

/// How the CSV export writes a statement's topics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvTopics {
    /// One row per statement, its topics in one `topics` cell (`topic:stance; ...`).
    #[default]
    Joined,
    /// One row per statement and topic, with `topic` and `stance` columns (a statement
    /// without a topic gets one row with both empty): coding by topic needs no split.
    Rows,
}

/// Options that change what a writer emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Prefix CSV cells a spreadsheet would run as a formula with `'`.
    pub csv_guard_formulas: bool,
    /// Topics in one cell, or one row per topic.
    pub csv_topics: CsvTopics,
    /// The network a graph format writes.
    pub network: network::Spec,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            csv_guard_formulas: true,
            csv_topics: CsvTopics::Joined,
            network: network::Spec::default(),
        }
    }
}

/// Why an export file was not written. Nothing is left behind in any case.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0} already exists; not overwritten")]
    Exists(PathBuf),
    #[error("{path} is {what}; not replaced (name a file)")]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{0} is a symbolic link to a file that does not exist; not written")]
    DanglingLink(PathBuf),
    #[error("cannot write {path}: directory {dir} does not exist")]
    NoDirectory { path: PathBuf, dir: PathBuf },
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Writes `ids` in `format` to any writer.
pub fn write(
    store: &Store,
    ids: &[StatementId],
    format: Format,
    options: Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(store, ids, out),
        Format::Csv => csv::write(store, ids, options, out),
        Format::Markdown => markdown::write(store, ids, out),
        Format::Graphml => graphml::write(store, ids, options.network, out),
        Format::Gexf => gexf::write(store, ids, options.network, out),
        Format::DnaCsv => dna::write(store, ids, options, out),
    }
}

/// Writes `ids` to `path`: a regular file atomically (a temporary file in the same
/// directory, flushed, synced and renamed; an existing one replaced only with
/// `overwrite`; a link followed), a device or pipe written through.
pub fn write_file(
    store: &Store,
    ids: &[StatementId],
    format: Format,
    options: Options,
    path: &Path,
    overwrite: bool,
) -> Result<(), ExportError> {
    write_atomically(path, overwrite, |out| {
        write(store, ids, format, options, out)
    })
}
