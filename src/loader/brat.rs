//! brat standoff: `NAME.txt` with `NAME.ann` (and `NAME_<annotator>.ann`), one article per text.

mod ann;
mod resolve;

use super::attribution::Builder;
use super::folder::Folder;
use super::pending::{Pending, PendingDoc};
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Sibling folders of an annotation folder where its texts may be instead.
const TEXT_DIRS: &[&str] = &["text", "texts", "txt"];

/// One text and its annotation sets.
pub struct BratDoc {
    /// The file stem: the article id.
    pub name: String,
    pub text: PathBuf,
    /// Each `.ann` file with its annotator (`None` for `NAME.ann`), `NAME.ann` first.
    pub sets: Vec<(PathBuf, Option<String>)>,
    pub folder: Arc<Folder>,
}

/// Pairs the `.ann` files of `dir` with their texts: for `X.ann`, the longest prefix
/// `P` such that `P.txt` exists (in `dir`, else in a sibling `text/` folder) and `X`
/// is `P` or starts with `P_`.
pub fn group(
    dir: &Path,
    anns: &[PathBuf],
    folder: Arc<Folder>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<BratDoc> {
    type Sets = Vec<(PathBuf, Option<String>)>;
    let mut docs: BTreeMap<String, (PathBuf, Sets)> = BTreeMap::new();
    // Texts beside the annotations, else in a sibling `text/` folder (PolNeAR's layout).
    let text_dirs: Vec<PathBuf> = std::iter::once(dir.to_path_buf())
        .chain(
            TEXT_DIRS
                .iter()
                .filter_map(|n| dir.parent().map(|p| p.join(n))),
        )
        .filter(|d| d.is_dir())
        .collect();
    for ann in anns {
        let Some(stem) = ann.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let text_of = |p: &str| {
            text_dirs
                .iter()
                .map(|d| d.join(format!("{p}.txt")))
                .find(|t| t.is_file())
        };
        let split = std::iter::once(stem.len())
            .chain(stem.rmatch_indices('_').map(|(i, _)| i))
            .find_map(|i| text_of(&stem[..i]).map(|t| (i, t)));
        match split {
            Some((i, text)) => {
                let annotator = (i < stem.len()).then(|| stem[i + 1..].to_string());
                docs.entry(stem[..i].to_string())
                    .or_insert_with(|| (text, Vec::new()))
                    .1
                    .push((ann.clone(), annotator));
            }
            None => diagnostics.push(Diagnostic::at(
                &ann.display().to_string(),
                None,
                None,
                format!(
                    "no text beside it: expected {stem}.txt (or NAME.txt for NAME_<annotator>.ann) here or in ../text/; annotations skipped"
                ),
            )),
        }
    }
    docs.into_iter()
        .map(|(name, (text, mut sets))| {
            sets.sort_by(|a, b| a.1.cmp(&b.1));
            BratDoc {
                text,
                name,
                sets,
                folder: folder.clone(),
            }
        })
        .collect()
}

/// Warns once about the texts among `entries` (a folder holding `.ann` files) that no
/// annotation file pairs with: brat shows them as documents with nothing marked, so
/// they are not articles here.
pub fn unannotated(entries: &[PathBuf], docs: &[BratDoc], diagnostics: &mut Vec<Diagnostic>) {
    let lone: Vec<&PathBuf> = entries
        .iter()
        .filter(|e| e.extension().is_some_and(|x| x == "txt") && e.is_file())
        .filter(|e| !docs.iter().any(|d| &d.text == *e))
        .collect();
    let Some(first) = lone.first() else { return };
    let names: Vec<String> = lone
        .iter()
        .take(5)
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    let more = lone.len() - names.len();
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    diagnostics.push(
        Diagnostic::at(
            &first.display().to_string(),
            None,
            None,
            format!(
                "{} text(s) without a .ann file: {}{more}; not loaded (no annotations to read)",
                lone.len(),
                names.join(", ")
            ),
        )
        .warning(),
    );
}

/// Reads one text and all its annotation sets into one checked article.
pub fn parse(doc: BratDoc) -> Pending {
    let mut pending = Pending::default();
    let out = &mut pending.diagnostics;
    let text_file = doc.text.display().to_string();
    let text = match read_utf8(&doc.text) {
        Ok(t) => t,
        Err(message) => {
            out.push(Diagnostic::at(
                &text_file,
                None,
                None,
                format!("{message}; document skipped"),
            ));
            return pending;
        }
    };
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    let chars: Vec<char> = text.chars().collect();
    let article = doc.folder.article(&doc.name, text, text_file.clone());
    let mut builder = Builder::new(PendingDoc::new(article, &text_file, None), &doc.folder);
    for (path, annotator) in &doc.sets {
        let file = path.display().to_string();
        let content = match read_utf8(path) {
            Ok(c) => c,
            Err(message) => {
                out.push(Diagnostic::at(
                    &file,
                    None,
                    None,
                    format!("{message}; annotations skipped"),
                ));
                continue;
            }
        };
        let mut found = Vec::new();
        let at = ann::Text { chars: &chars, bom };
        let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
        let anns = ann::parse(&file, content, at, &mut found);
        let mut attributions = resolve::attributions(
            &file,
            &anns,
            &doc.folder.mapping,
            annotator.as_deref(),
            &mut found,
        );
        super::speakers::resolve(&mut attributions, &doc.folder.known);
        for a in attributions {
            builder.add(&file, a, &mut found);
        }
        found.sort_by_key(|d| d.line);
        out.append(&mut found);
    }
    pending.push(builder.doc);
    pending
}

fn read_utf8(path: &Path) -> Result<String, String> {
    let limits = super::read::Limits::default();
    let bytes = super::read::whole(path, "", &limits).map_err(|d| d.message)?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (byte offset {}): save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
