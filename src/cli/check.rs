//! `demarche check`: every diagnostic on stderr, as text or JSON Lines, and an exit code.

use super::CheckFormat;
use crate::diagnostic::tally;
use crate::loader::Loaded;
use std::io::Write;
use std::process::ExitCode;

pub fn run(loaded: &Loaded, format: CheckFormat, strict: bool) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let (errors, warnings) = tally(&loaded.diagnostics);
    for d in &loaded.diagnostics {
        let line = match format {
            CheckFormat::Text => super::table::clean(&d.to_string()),
            CheckFormat::Json => serde_json::to_string(d).unwrap_or_default(),
        };
        let _ = writeln!(err, "{line}");
    }
    if let CheckFormat::Text = format {
        let store = &loaded.store;
        let _ = writeln!(
            err,
            "{} article(s), {} actor(s), {} statement(s) loaded; {errors} error(s), {warnings} warning(s)",
            store.article_count(),
            store.actors.len(),
            store.len()
        );
        let (resolved, unresolved) = crate::loader::speakers::counts(store);
        if resolved + unresolved > 0 {
            let _ = writeln!(
                err,
                "speakers: {resolved} statement(s) resolved from a pronoun to the named source before it (notes say the source as written); {unresolved} with the speaker unresolved (filter: actor:unresolved)"
            );
        }
    }
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
