//! The command-line grammar (clap): the top-level arguments, every subcommand with its options, and their value types.

use super::help::{EXIT_CODES, MAIN_AFTER_HELP};
use crate::export;
use crate::stances::By;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod formats;
pub use formats::*;

/// Browse diplomatic statements from annotated news articles.
///
/// With no subcommand, opens the terminal browser on PATHs (files or
/// directories of .json/.jsonl articles, brat .txt/.ann folders, Label Studio
/// exports) or, with none, on the bundled corpus.
#[derive(Parser, Debug)]
#[command(
    name = "demarche",
    version,
    after_help = MAIN_AFTER_HELP,
    override_usage = "demarche [--no-cache] [--coder NAME] [PATHS]...\n       demarche [--no-cache] <COMMAND>"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or directories to browse (default: the bundled corpus)
    pub paths: Vec<PathBuf>,
    /// Neither read nor write the snapshot cache (also: DEMARCHE_NO_CACHE=1)
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Who edits or reviews, recorded in each statement changed (default:
    /// DEMARCHE_CODER, else the login name)
    #[arg(long, global = true)]
    pub coder: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check annotated articles and report every problem on stderr
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// How diagnostics are printed
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Print matching statements in chronological order
    #[command(after_help = EXIT_CODES)]
    List {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Filter expression, e.g. 'actor:peskov mode:direct since:2025-02-01'
        // A value may start with `-`: a negated term (`-kind:person`), not an option.
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// In the table, show the English translation instead of the original text
        #[arg(short, long)]
        translation: bool,
    },
    /// Print actors with their statement counts
    #[command(after_help = EXIT_CODES)]
    Actors {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Count only statements matching this filter expression
        // A value may start with `-`: a negated term (`-kind:person`), not an option.
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        #[arg(long, value_enum, default_value_t = ActorsFormat::Table)]
        format: ActorsFormat,
    },
    /// Compare positions: for each topic, who supports, opposes or is neutral
    ///
    /// A statement made on someone's behalf counts for the principal (the
    /// president a spokesperson speaks for, the state a ministry speaks for).
    #[command(after_help = EXIT_CODES)]
    Topics {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Count only statements matching this filter expression
        // A value may start with `-`: a negated term (`-kind:person`), not an option.
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        #[arg(long, value_enum, default_value_t = TopicsFormat::Table)]
        format: TopicsFormat,
        /// At most N actors per side, most statements first (default: 10 in table
        /// form, all in jsonl and csv; 0 for all)
        #[arg(long, value_name = "N")]
        top: Option<usize>,
    },
    /// The stance matrix: per actor and topic, statements that support, oppose or are neutral
    ///
    /// One row per actor and topic with at least one statement. By default a statement
    /// made on someone's behalf counts for the principal; `--by speaker` counts it for
    /// the one who spoke.
    #[command(after_help = EXIT_CODES)]
    Stances {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Count only statements matching this filter expression
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        /// Whom a statement counts for
        #[arg(long, value_enum, default_value_t = By::Principal)]
        by: By,
        #[arg(long, value_enum, default_value_t = StancesFormat::Table)]
        format: StancesFormat,
    },
    /// Changes of position: an actor's consecutive statements on a topic with opposite stances
    ///
    /// Newest first (by the latest possible date of the later statement). Where two
    /// statements' possible dates overlap, `order_certain` is false: which came first
    /// is not known. Undated statements are left out.
    #[command(after_help = EXIT_CODES)]
    Shifts {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Look only at statements matching this filter expression
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        /// Whom a statement counts for
        #[arg(long, value_enum, default_value_t = By::Principal)]
        by: By,
        /// Count changes to and from neutral as shifts too
        #[arg(long)]
        include_neutral: bool,
        #[arg(long, value_enum, default_value_t = ShiftsFormat::Table)]
        format: ShiftsFormat,
    },
    /// Find statements in raw articles (text, Markdown, saved web pages) and write them in our format
    ///
    /// One file per article in DIR, each written atomically; every statement is marked
    /// `provenance: auto` with the rule that found it and a confidence. Metadata comes
    /// from a front-matter block (title, date, outlet, author, url, language), else the
    /// file name (a date such as 2025-02-13 or 20250213), else the flags.
    #[command(after_help = EXIT_CODES)]
    Extract {
        /// Files or folders of articles (.txt, .md, .html)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write to (created if missing)
        #[arg(short, long)]
        output: PathBuf,
        /// The date of every article (YYYY, YYYY-MM or YYYY-MM-DD)
        #[arg(long)]
        date: Option<String>,
        /// The outlet of every article
        #[arg(long)]
        outlet: Option<String>,
        /// The language of every article (de or en; detected otherwise)
        #[arg(long, value_parser = ["de", "en"])]
        language: Option<String>,
        /// Known actors with their aliases: any corpus file or folder of ours
        #[arg(long)]
        actors: Option<PathBuf>,
        /// More lexicon entries, in the format of assets/lexicon/de.txt
        #[arg(long)]
        lexicon: Option<PathBuf>,
        /// Replace files that exist in the output folder
        #[arg(long)]
        force: bool,
    },
    /// Compare two codings of the same articles: precision, recall and F1 by span
    ///
    /// PRED's statements are matched to GOLD's one to one, exactly (the same
    /// characters) and by overlap (the shared characters at least --overlap of the
    /// shorter statement; best overlaps first). Articles are paired by id and text,
    /// else by text. Speaker and mode accuracy are over the statements matched by
    /// overlap; speakers agree by id, or by a name or alias they share.
    #[command(after_help = EXIT_CODES)]
    Eval {
        /// The reference coding (a file or folder)
        gold: PathBuf,
        /// The coding to score (an extractor's output, another annotator)
        pred: PathBuf,
        /// The share of the shorter statement two must share to match by overlap (0-1]
        #[arg(long, default_value_t = 0.5)]
        overlap: f64,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
    },
    /// How far the annotators agree, per article and overall
    ///
    /// For every article coded by two or more annotators (brat NAME_<annotator>.ann
    /// files, Label Studio annotations, our format's `annotator` field), every pair
    /// of annotators is compared as `eval` compares two codings: F1 of spans,
    /// exactly and by overlap, and the share of matched statements with the same
    /// speaker; Krippendorff's alpha (nominal) for mode and for stance on the
    /// topics both gave a matched statement. Overall sums all pairs.
    #[command(after_help = EXIT_CODES)]
    Agree {
        /// Corpus files or folders
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The share of the shorter statement two must share to match by overlap (0-1]
        #[arg(long, default_value_t = 0.5)]
        overlap: f64,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
    },
    /// Accept or reject statements without the browser, for scripts
    ///
    /// Every statement matching --filter (default: the automatic ones) becomes
    /// `reviewed` by the coder, now (--accept), or is removed (--reject). Each is
    /// recorded in the corpus's edit journal and synced to disk before it is
    /// printed; every command reads the journal, `demarche compact` writes it
    /// into the files.
    #[command(after_help = EXIT_CODES)]
    Review {
        /// The corpus: one folder or file of our format
        path: PathBuf,
        #[arg(
            short,
            long,
            default_value = "provenance:auto",
            allow_hyphen_values = true
        )]
        filter: String,
        /// Mark them reviewed
        #[arg(long, conflicts_with = "reject", required_unless_present = "reject")]
        accept: bool,
        /// Remove them
        #[arg(long)]
        reject: bool,
    },
    /// Write a corpus's edit journal into its files and remove the journal
    ///
    /// Each changed file is replaced atomically, after checking that no other
    /// program changed it since it was read; anything else the files hold is kept.
    #[command(after_help = EXIT_CODES)]
    Compact {
        /// The corpus: one folder or file of our format
        path: PathBuf,
    },
    /// Write matching statements to a file (atomically; never overwrites without --force)
    #[command(after_help = EXIT_CODES)]
    Export {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// Filter expression selecting the statements to export
        // A value may start with `-`: a negated term (`-kind:person`), not an option.
        #[arg(short, long, default_value = "", allow_hyphen_values = true)]
        filter: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write; `-` is standard output. A link is followed (the file it
        /// points to is replaced, the link kept); a device or pipe is written to, never
        /// replaced; a directory or socket is refused
        #[arg(short, long, allow_hyphen_values = true)]
        output: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
        /// Keep CSV cells that start with = + - @ as they are (for pipelines, not spreadsheets)
        #[arg(long)]
        no_formula_guard: bool,
        /// CSV: topics joined in one `topics` cell, or one row per statement and topic
        /// (`topic` and `stance` columns; a statement without one gets one row)
        #[arg(long, value_enum, default_value_t = CsvTopicsArg::Joined)]
        topics: CsvTopicsArg,
        /// GraphML and GEXF: actors linked to topics (default), or actors linked to
        /// actors by congruence and conflict
        #[arg(long, value_enum)]
        network: Option<export::NetworkKind>,
        /// GraphML and GEXF: count a statement for its principal (default) or its speaker
        #[arg(long, value_enum)]
        by: Option<By>,
    },
    /// Convert articles (our format, brat, Label Studio) to our format or to brat standoff
    #[command(after_help = EXIT_CODES)]
    Convert {
        /// Files or directories (default: the bundled corpus)
        paths: Vec<PathBuf>,
        /// The format to write
        #[arg(long, value_enum)]
        to: ConvertFormat,
        /// The directory to write into (created if missing)
        #[arg(short, long)]
        output: PathBuf,
        /// Replace files that exist
        #[arg(long)]
        force: bool,
    },
    /// Write a deterministic synthetic corpus (JSON Lines) for tests and benchmarks
    Generate {
        /// Number of statements in the corpus
        #[arg(long, default_value_t = 10_000)]
        statements: usize,
        /// Seed: the same seed and size give the same bytes
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory to write part-NNNN.jsonl files into
        #[arg(short, long)]
        output: PathBuf,
        /// Write into a non-empty directory (replacing earlier part-*.jsonl files)
        #[arg(long)]
        force: bool,
    },
    /// Show or clear the snapshot cache of large corpora
    ///
    /// A corpus of at least 64 MiB (DEMARCHE_CACHE_MIN_BYTES) is, once parsed, kept
    /// as a binary snapshot in $DEMARCHE_CACHE_DIR, else $XDG_CACHE_HOME/demarche,
    /// else ~/.cache/demarche, and read back instead of parsed while every file
    /// under its paths keeps its size and times. --no-cache or DEMARCHE_NO_CACHE=1
    /// turns reading and writing off.
    #[command(after_help = EXIT_CODES)]
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Subcommand, Debug, Clone, Copy)]
pub enum CacheAction {
    /// Where the cache is, whether it is on, and each snapshot's size, age and paths
    Info,
    /// Delete demarche's snapshots (nothing else in the folder)
    Clear,
}
