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
/// exists and `overwrite` is off; each file is written atomically.
pub fn write_dir(
    store: &Store,
    target: Target,
    dir: &Path,
    overwrite: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let files = files(store, target).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let paths: Vec<PathBuf> = files.iter().map(|f| dir.join(&f.name)).collect();
    if let Some(existing) = paths.iter().find(|p| !overwrite && p.exists()) {
        return Err(ExportError::Exists(existing.clone()));
    }
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for (file, path) in files.iter().zip(&paths) {
        export::write_atomically(path, overwrite, |out| out.write_all(&file.contents))?;
    }
    Ok(paths)
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
            let clean = if clean.is_empty() || clean.starts_with('.') {
                format!("article{clean}")
            } else {
                clean
            };
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
