//! A corpus read from brat or Label Studio is never written: the first edit asks for a folder, the corpus is converted there into our format (as `demarche convert` does), and the session edits the copy from then on (its journal in the copy).

use super::Session;
use crate::journal::{self, Stamps};
use crate::store::Store;
use std::path::{Path, PathBuf};

impl Session {
    /// Where to offer to copy the corpus to, when `store` (the corpus of this session)
    /// has an article that is not in a file of our format and no copy was made yet.
    pub fn copy_needed(&mut self, store: &Store) -> Option<PathBuf> {
        if self.read_only.is_some() || self.copied_to.is_some() {
            return None;
        }
        let corpus = self.corpus.as_ref()?;
        let foreign = self
            .foreign
            .get_or_insert_with(|| journal::foreign(store))
            .is_some();
        foreign.then(|| default_copy(corpus))
    }

    /// Converts `store` into `folder` (new, or empty: nothing is ever overwritten) and
    /// makes it the corpus this session edits. What to say, or why not.
    pub fn convert(&mut self, store: &Store, folder: &Path) -> Result<String, String> {
        if folder.as_os_str().is_empty() {
            return Err("Type the folder the copy goes to".into());
        }
        if folder.is_file() {
            return Err(format!("{} is a file: name a folder", folder.display()));
        }
        if folder.is_dir() && !is_empty(folder) {
            return Err(format!(
                "{} is not empty: name a new or empty folder (nothing is overwritten)",
                folder.display()
            ));
        }
        crate::convert::write_dir(store, crate::convert::Target::Native, folder, false)
            .map_err(|e| format!("Not converted: {e}"))?;
        self.paths = vec![folder.to_path_buf()];
        self.corpus = Some(folder.to_path_buf());
        self.journal = None;
        self.stamps = Stamps::take(&[folder]);
        self.foreign = Some(None);
        self.copied_to = Some(folder.to_path_buf());
        Ok(format!("Converted to {}; edits go there", folder.display()))
    }
}

fn is_empty(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_none())
}

/// `CORPUS-demarche` beside the corpus (a folder, or a file without its extension),
/// or `CORPUS-demarche-2`, `-3`, … when that one is taken.
pub fn default_copy(corpus: &Path) -> PathBuf {
    let name = if corpus.is_dir() {
        corpus.file_name()
    } else {
        corpus.file_stem()
    };
    let name = name.map_or_else(|| "corpus".into(), |n| n.to_string_lossy().into_owned());
    let beside = |suffix: &str| corpus.with_file_name(format!("{name}-demarche{suffix}"));
    let free = |p: &PathBuf| !p.exists() || (p.is_dir() && is_empty(p));
    std::iter::once(String::new())
        .chain((2..100).map(|n| format!("-{n}")))
        .map(|suffix| beside(&suffix))
        .find(free)
        .unwrap_or_else(|| beside(""))
}
