//! Writing a command's result: the filter run before it, stdout and its closed pipe, and the export and convert runners with their exit codes.

use super::ConvertFormat;
use super::dates;
use crate::export::{self, ExportError, Options};
use crate::filter::{Filter, FilterError};
use crate::loader::Loaded;
use crate::model::StatementId;
use std::io;
use std::process::ExitCode;

pub fn run_convert(
    loaded: &Loaded,
    to: ConvertFormat,
    dir: &std::path::Path,
    force: bool,
) -> ExitCode {
    let target = match to {
        ConvertFormat::Native => crate::convert::Target::Native,
        ConvertFormat::Brat => crate::convert::Target::Brat,
    };
    match crate::convert::write_dir(&loaded.store, target, dir, force) {
        Ok(paths) => {
            eprintln!(
                "demarche: wrote {} article(s), {} statement(s) as {} files to {}",
                loaded.store.article_count(),
                loaded.store.len(),
                paths.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ ExportError::Exists(_)) => {
            eprintln!("demarche: {e}; nothing written (use --force to replace)");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("demarche: {e}");
            ExitCode::from(3)
        }
    }
}

fn filter_error(expr: &str, e: &FilterError) -> ExitCode {
    eprintln!("demarche: invalid filter expression\n{}", e.pointed(expr));
    ExitCode::from(2)
}

/// Parses `expr` and runs it: the filter and the ids it matches, the note on dates
/// said on stderr; an invalid expression is said there and gives the usage exit code.
pub fn select(loaded: &Loaded, expr: &str) -> Result<(Filter, Vec<StatementId>), ExitCode> {
    let filter = Filter::parse(expr).map_err(|e| filter_error(expr, &e))?;
    let ids = filter.compile(&loaded.store).run(&loaded.store);
    dates::note_possible(&loaded.store, &filter, &ids);
    Ok((filter, ids))
}

/// Parses `expr`, runs it, and hands the matching ids to `then`.
pub fn with_filter(
    loaded: &Loaded,
    expr: &str,
    then: impl FnOnce(&Filter, &[StatementId]) -> io::Result<()>,
) -> ExitCode {
    match select(loaded, expr) {
        Ok((filter, ids)) => finish_output(then(&filter, &ids)),
        Err(code) => code,
    }
}

/// A closed pipe (`| head`) ends output quietly; other write errors are reported.
pub fn finish_output(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demarche: cannot write output: {e}");
            ExitCode::from(3)
        }
    }
}

pub fn run_export(
    loaded: &Loaded,
    expr: &str,
    format: export::Format,
    options: Options,
    output: &std::path::Path,
    force: bool,
) -> ExitCode {
    let ids = match select(loaded, expr) {
        Ok((_, ids)) => ids,
        Err(code) => return code,
    };
    if output == std::path::Path::new("-") {
        return to_stdout(loaded, &ids, format, options);
    }
    match export::write_file(&loaded.store, &ids, format, options, output, force) {
        Ok(()) => {
            eprintln!(
                "demarche: wrote {} statement(s) as {} to {}",
                ids.len(),
                format.label(),
                output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ ExportError::Exists(_)) => {
            eprintln!("demarche: {e} (use --force to replace it)");
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("demarche: {e}");
            ExitCode::from(3)
        }
    }
}

/// `-o -`: the export on standard output, for a pipe; the summary still on stderr.
fn to_stdout(
    loaded: &Loaded,
    ids: &[StatementId],
    format: export::Format,
    options: Options,
) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = export::write(&loaded.store, ids, format, options, &mut out)
        .and_then(|()| io::Write::flush(&mut out));
    let done = written.is_ok();
    let code = finish_output(written);
    if done {
        eprintln!(
            "demarche: wrote {} statement(s) as {} to standard output",
            ids.len(),
            format.label()
        );
    }
    code
}
