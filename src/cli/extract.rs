//! `demarche extract PATH... -o DIR`: reads raw articles (text, Markdown and saved web pages, folders of them), finds their statements and writes one file of our format per article, each atomically.

use crate::export::write_atomically;
use crate::extract::input::{Overrides, article};
use crate::extract::lexicon::Lexicon;
use crate::extract::{Actors, document, find};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `extract` was asked for beyond the paths.
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub output: &'a Path,
    pub overrides: Overrides,
    pub actors: Option<&'a Path>,
    pub lexicon: Option<&'a Path>,
    pub force: bool,
}

const TEXT: &[&str] = &["txt", "md", "markdown"];
const PAGES: &[&str] = &["html", "htm"];

/// The text files under `path` (itself if it is one), sorted; other files in folders
/// are passed over, a named file of another kind is said.
fn files(path: &Path, out: &mut Vec<PathBuf>, problems: &mut usize) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("demarche: {}: cannot read the folder: {e}", path.display());
                *problems += 1;
                return;
            }
        };
        entries.sort();
        for p in entries {
            if p.is_dir() || has_ext(&p, TEXT) || has_ext(&p, PAGES) {
                files(&p, out, problems);
            }
        }
    } else if has_ext(path, TEXT) || has_ext(path, PAGES) {
        out.push(path.to_path_buf());
    } else {
        eprintln!(
            "demarche: {}: not a text, Markdown or saved web page (.txt, .md, .html); skipped",
            path.display()
        );
        *problems += 1;
    }
}

fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
}

fn lexicons(extra: Option<&Path>) -> Result<[Lexicon; 2], ExitCode> {
    let mut out = [Lexicon::builtin("de"), Lexicon::builtin("en")];
    if let Some(path) = extra {
        let text = std::fs::read_to_string(path).map_err(|e| {
            eprintln!("demarche: {}: cannot read the lexicon: {e}", path.display());
            ExitCode::from(2)
        })?;
        let more = Lexicon::parse(&text).map_err(|e| {
            eprintln!("demarche: {}: {e}", path.display());
            ExitCode::from(2)
        })?;
        for l in &mut out {
            l.extend(&more);
        }
    }
    Ok(out)
}

/// The actors `--actors` names, or none.
fn known_actors(path: Option<&Path>) -> Result<Actors, ExitCode> {
    let Some(path) = path else {
        return Ok(Actors::default());
    };
    let loaded = crate::load_paths(&[path]);
    if loaded.store.actors.is_empty() {
        eprintln!(
            "demarche: {}: no actors loaded for --actors",
            path.display()
        );
        return Err(ExitCode::from(2));
    }
    Ok(Actors::known(&loaded.store))
}

/// Every article file the paths name; what is missing or of another kind is said and
/// counted in `problems`.
fn inputs(paths: &[PathBuf], problems: &mut usize) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.exists() {
            files(p, &mut out, problems);
        } else {
            eprintln!("demarche: {}: no such file or folder", p.display());
            *problems += 1;
        }
    }
    out
}

pub fn run(request: &Request) -> ExitCode {
    let (lexicons, mut actors) = match (lexicons(request.lexicon), known_actors(request.actors)) {
        (Ok(l), Ok(a)) => (l, a),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let mut problems = 0;
    let inputs = inputs(request.paths, &mut problems);
    if inputs.is_empty() {
        eprintln!("demarche: no text, Markdown or HTML article to extract from");
        return ExitCode::from(super::load::NOTHING_LOADED);
    }
    if let Err(e) = std::fs::create_dir_all(request.output) {
        eprintln!(
            "demarche: {}: cannot create the folder: {e}",
            request.output.display()
        );
        return ExitCode::from(3);
    }
    // Reading and finding run on both cores; actors are then resolved in file order, so
    // the ids are the same however the work was shared.
    use rayon::prelude::*;
    let [de, en] = &lexicons;
    let found: Vec<_> = inputs
        .par_iter()
        .map(|path| {
            let content = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read it as UTF-8 text: {e}; skipped"))?;
            let raw = if has_ext(path, PAGES) {
                crate::extract::html::article(path, &content, &request.overrides)
                    .map_err(|e| format!("{e}; skipped"))?
            } else {
                article(path, &content, &request.overrides)
            };
            let lexicon = if raw.language == "en" { en } else { de };
            let found = find(&raw.text, lexicon);
            Ok::<_, String>((raw, found))
        })
        .collect();
    let (mut articles, mut statements) = (0, 0);
    for (path, result) in inputs.iter().zip(found) {
        let written = result.and_then(|(raw, found)| {
            let doc = document(&raw, &found, &mut actors);
            let target = request.output.join(format!("{}.json", raw.id));
            write_atomically(&target, request.force, |out| {
                serde_json::to_writer_pretty(&mut *out, &doc)?;
                out.write_all(b"\n")
            })
            .map(|()| found.len())
            .map_err(|e| e.to_string())
        });
        match written {
            Ok(n) => (articles, statements) = (articles + 1, statements + n),
            Err(e) => {
                eprintln!("demarche: {}: {e}", path.display());
                problems += 1;
            }
        }
    }
    let note = if problems > 0 {
        format!("; {problems} problem(s) above")
    } else {
        String::new()
    };
    eprintln!(
        "demarche: {statements} statement(s) from {articles} article(s) written to {}{note}",
        request.output.display()
    );
    if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
