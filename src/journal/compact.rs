//! `demarche compact`: the journal's edits written into the corpus files themselves, each changed file replaced atomically, only after checking that no other program changed it since it was read; then the journal is removed. The files are patched as JSON (statements put or deleted, actor references merged, definitions brought up to date), so whatever else they hold stays as it was.

mod actors;

use super::{Journal, JournalError, path_for, read, sync_dir};
use crate::edit::Edit;
use crate::store::Store;
use actors::sync_actors;
use serde_json::Value;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, thiserror::Error)]
pub enum CompactError {
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(
        "{0}: changed by another program since it was read; nothing was written, the journal is kept: run compact again"
    )]
    Changed(PathBuf),
    #[error(
        "{0}: changed on disk since it was loaded; nothing was written, the journal is kept (its edits show at the next start)"
    )]
    ChangedSinceLoad(PathBuf),
    #[error(
        "article {0:?} is not in a file of our format (brat or Label Studio are never written): convert the corpus first (demarche convert); the journal is kept"
    )]
    NotNative(String),
    #[error("{path}: {message}; the journal is kept")]
    File { path: PathBuf, message: String },
}

/// A corpus file of our format as read: its documents, and how it was when read.
pub(super) struct File {
    path: PathBuf,
    lines: bool,
    /// The whole file (a document or a corpus document), or one document per line.
    pub(super) values: Vec<Value>,
    stamp: (u64, Option<SystemTime>),
}

fn stamp(path: &Path) -> (u64, Option<SystemTime>) {
    fs::metadata(path).map_or((0, None), |m| (m.len(), m.modified().ok()))
}

/// The documents of a value: itself, or a corpus document's articles.
pub(super) fn documents(v: &mut Value) -> Vec<&mut Value> {
    if v.get("articles").is_some() {
        v["articles"]
            .as_array_mut()
            .map(|a| a.iter_mut().collect())
            .unwrap_or_default()
    } else {
        vec![v]
    }
}

fn ours(v: &Value) -> bool {
    v.get("format").and_then(Value::as_str) == Some("demarche")
}

/// Every file of our format under `corpus`.
fn files(corpus: &Path) -> Result<Vec<File>, CompactError> {
    let mut paths = Vec::new();
    let mut stack = vec![corpus.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = fs::read_dir(&p)
                .map_err(|e| CompactError::File {
                    path: p.clone(),
                    message: e.to_string(),
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            stack.extend(entries.into_iter().rev());
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("json" | "jsonl")
        ) {
            paths.push(p);
        }
    }
    let mut out = Vec::new();
    for path in paths {
        let stamp = stamp(&path);
        let text = fs::read_to_string(&path).map_err(|e| CompactError::File {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let lines = path.extension().is_some_and(|e| e == "jsonl");
        let values: Vec<Value> = if lines {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        } else {
            serde_json::from_str(&text).into_iter().collect()
        };
        if values.iter().any(ours) {
            out.push(File {
                path,
                lines,
                values,
                stamp,
            });
        }
    }
    Ok(out)
}

fn statements(doc: &mut Value) -> Option<&mut Vec<Value>> {
    doc.get_mut("statements").and_then(Value::as_array_mut)
}

fn article_of(doc: &Value) -> Option<&str> {
    doc.get("article")?.get("id")?.as_str()
}

/// Applies the statement edits to one document; whether any applied.
fn patch(doc: &mut Value, edits: &[Edit]) -> bool {
    let id = article_of(doc).map(str::to_string);
    let mut changed = false;
    for edit in edits {
        match edit {
            Edit::Put { article, statement } if Some(article) == id.as_ref() => {
                let key = statement.get("id").cloned();
                if let Some(list) = statements(doc) {
                    match list.iter_mut().find(|s| s.get("id") == key.as_ref()) {
                        Some(s) => *s = statement.clone(),
                        None => list.push(statement.clone()),
                    }
                    changed = true;
                }
            }
            Edit::Delete { article, id: key } if Some(article) == id.as_ref() => {
                if let Some(list) = statements(doc) {
                    let before = list.len();
                    list.retain(|s| s.get("id").and_then(Value::as_str) != Some(key));
                    changed |= list.len() != before;
                }
            }
            Edit::Merge { from, into } => {
                for s in statements(doc).into_iter().flatten() {
                    changed |= merge_refs(s, from, into);
                }
            }
            _ => {}
        }
    }
    changed
}

fn merge_refs(s: &mut Value, from: &str, into: &str) -> bool {
    let mut changed = false;
    for key in ["speaker", "on_behalf_of"] {
        if s.get(key).and_then(Value::as_str) == Some(from) {
            s[key] = into.into();
            changed = true;
        }
    }
    if s.get("on_behalf_of").is_some() && s.get("on_behalf_of") == s.get("speaker") {
        s.as_object_mut().map(|o| o.remove("on_behalf_of"));
    }
    if let Some(list) = s.get_mut("addressees").and_then(Value::as_array_mut) {
        let mut seen = HashSet::new();
        let before = list.clone();
        for a in list.iter_mut() {
            if a.as_str() == Some(from) {
                *a = into.into();
            }
        }
        list.retain(|a| seen.insert(a.to_string()));
        changed |= *list != before;
    }
    changed
}

/// What compacting did: the files rewritten and the edits folded in.
#[derive(Debug, Default)]
pub struct Compacted {
    pub files: Vec<PathBuf>,
    pub entries: usize,
    /// Where the journal was kept instead of removed, because some of its lines did not
    /// read (edited by hand?): nothing of it is thrown away.
    pub kept: Option<PathBuf>,
}

impl Compacted {
    /// What was done, for the user.
    pub fn said(&self) -> String {
        let mut text = format!(
            "{} edit(s) written into {} file(s)",
            self.entries,
            self.files.len()
        );
        if let Some(kept) = &self.kept {
            text.push_str(&format!(
                "; the journal had lines that do not read: kept as {}",
                kept.display()
            ));
        }
        text
    }
}

/// Folds the journal of `corpus` (a folder or a file of our format) into its files:
/// `store` is the corpus as loaded with the journal replayed.
pub fn compact(corpus: &Path, store: &Store) -> Result<Compacted, CompactError> {
    Plan::new(corpus, store)?.write()
}

/// [`compact`] at the end of a browser's session: also refused (nothing written, the
/// journal kept) when any file the browser loaded is no longer as `loaded` says, not
/// only those compaction itself reads and writes.
pub fn compact_loaded(
    corpus: &Path,
    store: &Store,
    loaded: &super::Stamps,
) -> Result<Compacted, CompactError> {
    let plan = Plan::new(corpus, store)?;
    if let Some(file) = loaded.any_changed() {
        return Err(CompactError::ChangedSinceLoad(file));
    }
    plan.write()
}

/// The files patched in memory, not yet written; the journal locked.
pub struct Plan {
    corpus: PathBuf,
    journal: Journal,
    files: Vec<File>,
    changed: Vec<bool>,
    entries: usize,
    /// Lines of the journal that did not read.
    unread: usize,
}

impl Plan {
    pub fn new(corpus: &Path, store: &Store) -> Result<Plan, CompactError> {
        let journal = Journal::open(corpus)?;
        let (entries, unread) = read(journal.path()).map_err(|e| CompactError::File {
            path: journal.path().to_path_buf(),
            message: e.to_string(),
        })?;
        let edits: Vec<Edit> = entries.iter().flat_map(|(_, e)| e.edits.clone()).collect();
        let mut files = if edits.is_empty() {
            Vec::new()
        } else {
            files(corpus)?
        };
        let native: HashSet<String> = files
            .iter_mut()
            .flat_map(|f| f.values.iter_mut())
            .flat_map(|v| {
                documents(v)
                    .into_iter()
                    .filter_map(|d| article_of(d).map(str::to_string))
                    .collect::<Vec<_>>()
            })
            .collect();
        for e in &edits {
            if let Edit::Put { article, .. } | Edit::Delete { article, .. } = e
                && !native.contains(article)
            {
                return Err(CompactError::NotNative(article.clone()));
            }
        }
        let mut changed: Vec<bool> = files
            .iter_mut()
            .map(|f| {
                f.values
                    .iter_mut()
                    .flat_map(documents)
                    .fold(false, |c, d| patch(d, &edits) | c)
            })
            .collect();
        if !edits.is_empty() {
            for (c, s) in changed.iter_mut().zip(sync_actors(&mut files, store)) {
                *c |= s;
            }
        }
        Ok(Plan {
            corpus: corpus.to_path_buf(),
            journal,
            files,
            changed,
            entries: entries.len(),
            unread: unread.len(),
        })
    }

    /// Writes the changed files (every one checked unchanged on disk first), then
    /// removes the journal.
    pub fn write(self) -> Result<Compacted, CompactError> {
        let changed = || {
            self.files
                .iter()
                .zip(&self.changed)
                .filter(|(_, c)| **c)
                .map(|(f, _)| f)
        };
        for file in changed() {
            if stamp(&file.path) != file.stamp {
                return Err(CompactError::Changed(file.path.clone()));
            }
        }
        let mut done = Compacted {
            files: Vec::new(),
            entries: self.entries,
            kept: None,
        };
        for file in changed() {
            write(file)?;
            done.files.push(file.path.clone());
        }
        drop(self.journal);
        let journal = path_for(&self.corpus);
        if self.unread > 0 {
            // Its readable edits are in the files now; the rest is kept for a person.
            let kept = journal.with_extension("unread");
            fs::rename(&journal, &kept).map_err(|e| CompactError::File {
                path: journal.clone(),
                message: e.to_string(),
            })?;
            done.kept = Some(kept);
        }
        remove(&journal);
        Ok(done)
    }
}

fn write(file: &File) -> Result<(), CompactError> {
    let err = |message: String| CompactError::File {
        path: file.path.clone(),
        message,
    };
    crate::export::write_atomically(&file.path, true, |out| {
        if file.lines {
            for v in &file.values {
                serde_json::to_writer(&mut *out, v)?;
                out.write_all(b"\n")?;
            }
        } else if let Some(v) = file.values.first() {
            serde_json::to_writer_pretty(&mut *out, v)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
    .map_err(|e| err(e.to_string()))
}

/// Removes the journal (and its lock) once folded in, and syncs their folder.
fn remove(journal: &Path) {
    let _ = fs::remove_file(journal);
    let _ = fs::remove_file(journal.with_extension("lock"));
    sync_dir(journal);
}
