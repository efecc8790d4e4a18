//! The help text every command shares (the exit code table, the snapshot cache) and clap's tip for a mistyped command.

/// The exit code table, for every command's `--help`.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  success (check: no errors; with --strict, no warnings either)
  1  check found errors (or warnings, with --strict)
  2  usage error: bad arguments or an invalid --filter expression
  3  export or convert not written: a file exists (use --force) or cannot be written;
     or the snapshot cache could not be cleared
  4  a PATH does not exist, or the PATHs load no article"
    };
}

pub const EXIT_CODES: &str = exit_codes!();

pub const MAIN_AFTER_HELP: &str = concat!(
    exit_codes!(),
    "

Snapshot cache: a corpus of 64 MiB or more is, once parsed, kept as a binary snapshot
(in $DEMARCHE_CACHE_DIR, else $XDG_CACHE_HOME/demarche, else ~/.cache/demarche) and read
back while its files are unchanged. --no-cache or DEMARCHE_NO_CACHE=1 turns it off;
DEMARCHE_CACHE_MIN_BYTES sets the size; `demarche cache info|clear` manages it."
);

/// Clap's tip for a word that is no subcommand (`lsit` → `list`), if it has one.
pub fn suggestion(word: &str) -> Option<String> {
    use clap::CommandFactory;
    let commands = clap::Command::new("demarche")
        .subcommands(super::Cli::command().get_subcommands().cloned());
    let error = commands.try_get_matches_from(["demarche", word]).err()?;
    let rendered = error.render().to_string();
    rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("tip: ").map(str::to_string))
}
