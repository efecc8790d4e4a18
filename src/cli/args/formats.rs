//! The value types of the command-line options: output formats and their choices.

use crate::export;
use clap::ValueEnum;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ConvertFormat {
    /// One ARTICLE_ID.json article document per article
    Native,
    /// ARTICLE_ID.txt + ARTICLE_ID.ann (+ _<annotator>.ann), metadata.tsv, actors.tsv
    Brat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
    Csv,
    Md,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ActorsFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StancesFormat {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ShiftsFormat {
    Table,
    Jsonl,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TopicsFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CsvTopicsArg {
    Joined,
    Rows,
}

impl From<CsvTopicsArg> for export::CsvTopics {
    fn from(t: CsvTopicsArg) -> Self {
        match t {
            CsvTopicsArg::Joined => export::CsvTopics::Joined,
            CsvTopicsArg::Rows => export::CsvTopics::Rows,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
    /// The actor-topic network (principals credited): nodes for actors and topics,
    /// an edge per actor and topic with supports/opposes/neutral counts and a
    /// combined stance (support, oppose, mixed, neutral)
    Graphml,
    /// The same network as GEXF 1.3, each edge with the spells its statements' dates
    /// cover (Gephi's timeline plays it over time)
    Gexf,
    /// The Discourse Network Analyzer's event list: `;`-separated, one row per statement
    /// and topic, DNA's columns (statement_id, time, person, organization, concept,
    /// agreement, positions, text, coder, document_*) then every other attribute
    DnaCsv,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Json => export::Format::Json,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Md => export::Format::Markdown,
            ExportFormat::Graphml => export::Format::Graphml,
            ExportFormat::Gexf => export::Format::Gexf,
            ExportFormat::DnaCsv => export::Format::DnaCsv,
        }
    }
}
