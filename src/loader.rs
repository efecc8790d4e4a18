//! Loading: paths and in-memory sources become a [`Store`] plus the diagnostics of what was skipped.

mod attribution;
mod brat;
mod chars;
pub mod folder;
pub mod gepade;
pub mod label_studio;
pub mod mapping;
mod merge;
pub mod native;
mod pending;
mod progress;
mod raw;
mod read;
pub mod speakers;
mod walk;

pub use progress::{LoadProgress, LoadSnapshot};
pub use read::Limits;

pub use attribution::{OWN_NAMESPACE, UNKNOWN_SOURCE, name_id};

use crate::diagnostic::Diagnostic;
use crate::store::Store;
use pending::Pending;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What a load produced: everything that passed its checks, and why the rest did not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub store: Store,
    pub diagnostics: Vec<Diagnostic>,
}

/// How a source's bytes are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// One article document or one corpus document.
    Json,
    /// One article document per line.
    JsonLines,
}

impl SourceFormat {
    /// The format a file's extension names, if it is one we read.
    pub fn of_path(path: &Path) -> Option<SourceFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(SourceFormat::Json),
            "jsonl" | "ndjson" => Some(SourceFormat::JsonLines),
            _ => None,
        }
    }
}

/// A file's contents and the name diagnostics use for it.
pub struct Source {
    pub name: String,
    pub bytes: Vec<u8>,
    pub format: SourceFormat,
}

/// Where a file's bytes come from: already in memory, or to be read when parsed.
enum Input {
    Memory(Source),
    File(PathBuf, SourceFormat),
    /// A brat text with its annotation files.
    Brat(brat::BratDoc),
}

/// Loads files and directories (recursively, `.json` and `.jsonl`), in the order given.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Loaded {
    load_paths_with(paths, &Limits::default())
}

/// [`load_paths`] with explicit memory limits.
pub fn load_paths_with<P: AsRef<Path>>(paths: &[P], limits: &Limits) -> Loaded {
    load_paths_counting(paths, limits, &LoadProgress::default())
}

/// [`load_paths_with`], counting files and bytes read in `progress` as it goes
/// (for a progress display on another thread).
pub fn load_paths_counting<P: AsRef<Path>>(
    paths: &[P],
    limits: &Limits,
    progress: &LoadProgress,
) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut inputs = Vec::new();
    let mut walk = walk::Walk::default();
    for path in paths {
        collect(
            path.as_ref(),
            true,
            &mut walk,
            &mut inputs,
            &mut diagnostics,
        );
    }
    walk.finish(&mut diagnostics);
    let bytes: u64 = inputs
        .iter()
        .map(|input| match input {
            Input::File(path, _) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Input::Memory(source) => source.bytes.len() as u64,
            Input::Brat(_) => 0,
        })
        .sum();
    progress
        .files
        .store(inputs.len() as u64, std::sync::atomic::Ordering::Relaxed);
    progress
        .bytes
        .store(bytes, std::sync::atomic::Ordering::Relaxed);
    finish(inputs, diagnostics, limits, progress)
}

/// Loads sources already in memory (the bundled corpus, tests).
pub fn load_sources(sources: Vec<Source>) -> Loaded {
    finish(
        sources.into_iter().map(Input::Memory).collect(),
        Vec::new(),
        &Limits::default(),
        &LoadProgress::default(),
    )
}

/// Adds what `path` holds to `inputs`: a folder's files (recursively, links followed,
/// each file and folder once), or the file itself. `explicit`: named by the user, so
/// read whatever its extension.
fn collect(
    path: &Path,
    explicit: bool,
    walk: &mut walk::Walk,
    inputs: &mut Vec<Input>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            diagnostics.push(Diagnostic::at(
                &name,
                None,
                None,
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    let kind = walk::Kind::of(&meta);
    if let walk::Kind::Special(what) = kind {
        // Only files the walk would read are worth a word: `notes.fifo` is not ours.
        if explicit || SourceFormat::of_path(path).is_some() || has_extension(path, "ann") {
            let message = walk::special_message(what, explicit);
            let found = Diagnostic::at(&name, None, None, message);
            diagnostics.push(if explicit { found } else { found.warning() });
        }
        return;
    }
    if !walk.first_visit(&name, &meta) {
        return;
    }
    if kind == walk::Kind::Folder {
        collect_folder(path, walk, inputs, diagnostics);
        return;
    }
    if explicit && has_extension(path, "ann") {
        collect_ann(path, inputs, diagnostics);
        return;
    }
    match SourceFormat::of_path(path) {
        Some(format) => inputs.push(Input::File(path.to_path_buf(), format)),
        None if explicit => inputs.push(Input::File(path.to_path_buf(), SourceFormat::Json)),
        None => {}
    }
}

/// Adds a folder's files to `inputs`: its `.ann` files grouped as brat documents,
/// the rest (not hidden) collected one by one.
fn collect_folder(
    path: &Path,
    walk: &mut walk::Walk,
    inputs: &mut Vec<Input>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = path.display().to_string();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            diagnostics.push(Diagnostic::at(
                &name,
                None,
                None,
                format!("cannot list directory: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    let anns: Vec<PathBuf> = entries
        .iter()
        .filter(|e| has_extension(e, "ann") && e.is_file())
        .cloned()
        .collect();
    if !anns.is_empty() {
        let folder = std::sync::Arc::new(folder::Folder::read(path, diagnostics));
        let docs = brat::group(path, &anns, folder, diagnostics);
        brat::unannotated(&entries, &docs, diagnostics);
        inputs.extend(docs.into_iter().map(Input::Brat));
    }
    for entry in entries {
        let mapping_file = entry
            .file_name()
            .is_some_and(|n| n == mapping::MAPPING_FILE);
        if mapping_file || (!anns.is_empty() && has_extension(&entry, "ann")) {
            continue;
        }
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect(&entry, false, walk, inputs, diagnostics);
        }
    }
}

/// Adds one `.ann` file named by the user, with its folder's shared files.
fn collect_ann(path: &Path, inputs: &mut Vec<Input>, diagnostics: &mut Vec<Diagnostic>) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folder = std::sync::Arc::new(folder::Folder::read(&dir, diagnostics));
    for doc in brat::group(&dir, &[path.to_path_buf()], folder, diagnostics) {
        inputs.push(Input::Brat(doc));
    }
}

/// Parses every input (in parallel), then merges them into one store.
fn finish(
    inputs: Vec<Input>,
    mut diagnostics: Vec<Diagnostic>,
    limits: &Limits,
    progress: &LoadProgress,
) -> Loaded {
    let parsed: Vec<Pending> = inputs
        .into_par_iter()
        .map(|input| {
            let pending = parse_input(input, limits, progress);
            progress
                .files_done
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            pending
        })
        .collect();
    rayon::broadcast(|_| native::forget_checked_actors());
    progress
        .merging
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let pending = Pending::concat(parsed);
    diagnostics.extend(pending.diagnostics);
    let (store, merge_diagnostics) = merge::merge(pending.docs, pending.statements);
    diagnostics.extend(merge_diagnostics);
    Loaded { store, diagnostics }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn parse_input(input: Input, limits: &Limits, progress: &LoadProgress) -> Pending {
    let mut dir = None;
    let source = match input {
        Input::Brat(doc) => return brat::parse(doc),
        Input::Memory(source) => source,
        Input::File(path, SourceFormat::JsonLines) => {
            return read::json_lines(&path, &path.display().to_string(), limits, progress);
        }
        Input::File(path, format) => {
            dir = path.parent().map(Path::to_path_buf);
            let name = path.display().to_string();
            match read::whole(&path, &name, limits) {
                Ok(bytes) => {
                    progress.read(bytes.len());
                    Source {
                        name,
                        bytes,
                        format,
                    }
                }
                Err(d) => {
                    let mut pending = Pending::default();
                    pending.diagnostics.push(*d);
                    return pending;
                }
            }
        }
    };
    if source.bytes.iter().all(u8::is_ascii_whitespace) {
        let mut pending = Pending::default();
        pending.diagnostics.push(Diagnostic::at(
            &source.name,
            Some(1),
            Some(1),
            "empty file: expected a demarche article document; file skipped",
        ));
        return pending;
    }
    match source.format {
        SourceFormat::Json if label_studio::is_export(&source.bytes) => {
            label_studio::parse(&source.name, &source.bytes, dir.as_deref())
        }
        SourceFormat::Json => match gepade::layout(&source.bytes) {
            Some(layout) => gepade::parse(&source.name, &source.bytes, layout, dir.as_deref()),
            None => native::parse_json(&source.name, &source.bytes),
        },
        SourceFormat::JsonLines => native::parse_jsonl(&source.name, &source.bytes, 1),
    }
}
