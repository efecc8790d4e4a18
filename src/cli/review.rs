//! `demarche review` (accept or reject matching statements, each edit journaled and synced before it is printed) and `demarche compact` (the journal written into the files).

use super::load::Load;
use super::output::select;
use crate::cache::CacheOptions;
use crate::edit::Edit;
use crate::journal::{self, Entry, Journal};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `review` does to each statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    Reject,
}

pub fn run(
    path: &Path,
    filter: &str,
    verdict: Verdict,
    coder: Option<&str>,
    cache: &CacheOptions,
) -> ExitCode {
    // The lock first: nobody else edits between loading and writing.
    let mut journal = match Journal::open(path) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("demarche: {e}");
            return ExitCode::from(1);
        }
    };
    let load = match Load::reporting(&[PathBuf::from(path)], cache) {
        Ok(load) => load,
        Err(code) => return code,
    };
    let store = &load.loaded.store;
    let ids = match select(&load.loaded, filter) {
        Ok((_, ids)) => ids,
        Err(code) => return code,
    };
    let coder = journal::coder(coder);
    let mut out = io::stdout().lock();
    let (word, mut done) = match verdict {
        Verdict::Accept => ("accepted", 0),
        Verdict::Reject => ("rejected", 0),
    };
    for id in ids {
        let article = store.article(store.article_of(id)).id.to_string();
        let key = store.key(id).to_string();
        let edit = match verdict {
            Verdict::Accept => {
                let mut record = crate::export::statement_value(store, id);
                record["provenance"] = "reviewed".into();
                record["annotator"] = coder.clone().into();
                record["edited"] = journal::now().into();
                Edit::Put {
                    article: article.clone(),
                    statement: record,
                }
            }
            Verdict::Reject => Edit::Delete {
                article: article.clone(),
                id: key.clone(),
            },
        };
        if let Err(e) = journal.append(&Entry::now(&coder, vec![edit])) {
            eprintln!("demarche: {e}; {done} statement(s) {word} before it are saved");
            return ExitCode::from(1);
        }
        done += 1;
        // Printed once on disk: a script reading this knows the edit is kept.
        if writeln!(out, "{word} {article} {key}")
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
    }
    eprintln!(
        "demarche: {done} statement(s) {word} by {coder}, saved in {} (demarche compact {} writes them into the files)",
        journal.path().display(),
        path.display()
    );
    load.finish(ExitCode::SUCCESS)
}

pub fn compact(path: &Path, cache: &CacheOptions) -> ExitCode {
    if !journal::path_for(path).exists() {
        eprintln!(
            "demarche: {}: no edits to write (no journal)",
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    let load = match Load::reporting(&[PathBuf::from(path)], cache) {
        Ok(load) => load,
        Err(code) => return code,
    };
    match journal::compact(path, &load.loaded.store) {
        Ok(done) => {
            for f in &done.files {
                println!("{}", f.display());
            }
            eprintln!("demarche: {}", done.said());
            load.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("demarche: {e}");
            ExitCode::from(1)
        }
    }
}
