//! `convert`: writes a store as our own article documents or as brat standoff, one article per file set.

mod brat;

use crate::export::{self, ExportError};
use crate::model::ArticleId;
use crate::store::Store;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// What `convert` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One `ARTICLE_ID.json` article document per article.
    Native,
    /// `ARTICLE_ID.txt` with `ARTICLE_ID.ann` (and `ARTICLE_ID_<annotator>.ann`),
    /// plus `metadata.tsv` and `actors.tsv`.
    Brat,
}

/// One file to write: its name in the output directory and its contents.
pub struct File {
    pub name: String,
    pub contents: Vec<u8>,
}

/// The files `target` gives for every article of `store`, in article order.
pub fn files(store: &Store, target: Target) -> io::Result<Vec<File>> {
    let names = file_names(store);
    match target {
        Target::Native => (0..store.article_count())
            .map(|i| {
                let id = ArticleId(i as u32);
                let mut contents = Vec::new();
                export::write_article(store, id, store.in_article(id), &mut contents)?;
                Ok(File {
                    name: format!("{}.json", names[i]),
                    contents,
                })
            })
            .collect(),
        Target::Brat => Ok(brat::files(store, &names)),
    }
}

/// Writes every file into `dir` (created if missing). Nothing is written when a file
/// exists and `overwrite` is off. The files are written first into a hidden folder
/// beside or inside `dir`, then moved into place: a conversion that fails or is killed
/// leaves no part of itself where the user looks (and its hidden folder is swept by
/// the next one).
pub fn write_dir(
    store: &Store,
    target: Target,
    dir: &Path,
    overwrite: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    let files = files(store, target).map_err(io_error(dir))?;
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    if let Some(existing) = paths.iter().find(|p| !overwrite && p.exists()) {
        return Err(ExportError::Exists(existing.clone()));
    }
    // Staged beside `dir` when it is new (then renamed whole), else inside it.
    let fresh = !dir.exists();
    let parent = match dir.parent() {
        Some(p) if fresh && !p.as_os_str().is_empty() => p.to_path_buf(),
        _ if fresh => PathBuf::from("."),
        _ => dir.to_path_buf(),
    };
    std::fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    export::sweep_stale(&parent);
    let stage = export::staging_dir(&parent).map_err(io_error(&parent))?;
    for file in &files {
        export::write_atomically(&stage.path().join(&file.name), false, |out| {
            out.write_all(&file.contents)
        })?;
    }
    if fresh {
        let staged = stage.keep();
        return match std::fs::rename(&staged, dir) {
            Ok(()) => Ok(paths),
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staged);
                Err(io_error(dir)(e))
            }
        };
    }
    for (file, path) in files.iter().zip(&paths) {
        let from = stage.path().join(&file.name);
        if overwrite {
            std::fs::rename(&from, path).map_err(io_error(path))?;
        } else {
            // A link fails where a file appeared since the check: never replaced unasked.
            std::fs::hard_link(&from, path).map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => ExportError::Exists(path.clone()),
                _ => io_error(path)(e),
            })?;
        }
    }
    Ok(paths)
}

/// The longest file name stem written: the rest of an id is kept as a hash, well under
/// the 255 bytes file systems allow once `.json`, `.ann` or `_annotator.ann` is added.
const MAX_STEM: usize = 100;

/// `clean` cut to [`MAX_STEM`] bytes, its end replaced by a hash of the whole, so that
/// long ids stay distinct and the same id always gives the same name.
fn shortened(clean: String) -> String {
    if clean.len() <= MAX_STEM {
        return clean;
    }
    let mut cut = MAX_STEM - 9;
    while !clean.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}-{:08x}",
        &clean[..cut],
        crc32fast::hash(clean.as_bytes())
    )
}

/// A file name for each article: its id with characters unsafe in file names as `_`,
/// made unique with `-2`, `-3`, ... where two ids clean to the same name.
fn file_names(store: &Store) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    store
        .articles()
        .map(|a| {
            let clean: String =
                a.id.chars()
                    .map(|c| {
                        if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
            let clean = shortened(if clean.is_empty() || clean.starts_with('.') {
                format!("article{clean}")
            } else {
                clean
            });
            let mut name = clean.clone();
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{clean}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}
