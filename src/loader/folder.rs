//! What a folder of annotation files shares: the name mapping, article metadata
//! (`metadata.tsv` / `metadata.csv`) and actor definitions (`actors.tsv`).

use super::mapping::Mapping;
use crate::date::DateSpec;
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorKind, Article};
use std::collections::HashMap;
use std::path::Path;

/// The metadata files looked for, in this order.
pub const METADATA_FILES: &[&str] = &["metadata.tsv", "metadata.csv"];
/// The actor definitions file (written by `demarche convert --to brat`).
pub const ACTORS_FILE: &str = "actors.tsv";

/// Everything the annotation files of one folder share.
#[derive(Clone, Debug, Default)]
pub struct Folder {
    pub mapping: Mapping,
    /// Metadata by document name (file stem), as an article without text or
    /// source; an empty id means the document's name is the id.
    pub metadata: HashMap<String, Article>,
    /// Actor definitions by id.
    pub actors: HashMap<String, Actor>,
    /// Their folded names and aliases, to their ids: what speaker spans resolve to.
    pub known: HashMap<String, String>,
}

impl Folder {
    /// Reads the mapping, metadata and actor files for the annotation files in `dir`;
    /// each is optional and is looked for in `dir`, then in its parent and grandparent
    /// (PolNeAR keeps `data/metadata.tsv` above `data/dev/attributions/`).
    pub fn read(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Folder {
        let mapping_dir = find_up(dir, &[super::mapping::MAPPING_FILE])
            .and_then(|p| p.parent().map(Path::to_path_buf));
        let mut folder = Folder {
            mapping: mapping_dir
                .map_or_else(Mapping::default, |d| Mapping::in_dir(&d, diagnostics)),
            ..Folder::default()
        };
        if let Some(path) = find_up(dir, METADATA_FILES) {
            folder.read_metadata(&path, diagnostics);
        }
        if let Some(path) = find_up(dir, &[ACTORS_FILE]) {
            folder.read_actors(&path, diagnostics);
        }
        folder.known = super::speakers::known_names(folder.actors.values());
        folder
    }

    /// The article for document `name` with `text`: metadata from the folder's
    /// metadata file, else a publication date from an ISO date in the name.
    pub fn article(&self, name: &str, text: String, source: String) -> Article {
        let mut article = self.metadata.get(name).cloned().unwrap_or_default();
        if article.id.is_empty() {
            article.id = name.to_string();
        }
        if article.published.is_none() {
            article.published = date_in_name(name);
        }
        Article {
            text,
            source,
            ..article
        }
    }

    fn read_metadata(&mut self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        let file = path.display().to_string();
        let Some(rows) = read_table(path, &file, diagnostics) else {
            return;
        };
        let (header, rows) = rows;
        let column = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| header.iter().position(|h| h == n))
        };
        let Some(key) = column(&["filename", "file", "name", "document", "doc", "id"]) else {
            diagnostics.push(Diagnostic::at(
                &file,
                Some(1),
                None,
                "no column naming the file: expected a header with `filename` or `file`; metadata ignored",
            ));
            return;
        };
        let id = column(&["article_id"]);
        let title = column(&["title", "headline"]);
        let outlet = column(&["publisher", "outlet", "source", "publication"]);
        let author = column(&["author", "authors", "byline"]);
        let url = column(&["url", "link"]);
        let date = column(&["publication_date", "date", "published", "pub_date"]);
        let language = column(&["language", "lang"]);
        for (line, row) in rows {
            let cell = |i: Option<usize>| {
                i.and_then(|i| row.get(i))
                    .map(|c| c.trim().to_string())
                    .filter(|c| !is_blank(c))
            };
            let Some(name) = cell(Some(key)) else {
                continue;
            };
            let published =
                cell(date).and_then(|d| {
                    let parsed = DateSpec::parse(&d)
                        .ok()
                        .or_else(|| d.get(..10).and_then(|day| DateSpec::parse(day).ok()));
                    if parsed.is_none() {
                        diagnostics.push(
                        Diagnostic::at(&file, Some(line), None, format!(
                            "publication date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD; ignored"
                        ))
                        .warning(),
                    );
                    }
                    parsed
                });
            let name = Path::new(&name)
                .file_name()
                .and_then(|n| n.to_str())
                .map_or(name.as_str(), |n| n)
                .to_string();
            let stem = name
                .strip_suffix(".txt")
                .or_else(|| name.strip_suffix(".ann"))
                .or_else(|| name.strip_suffix(".json"))
                .unwrap_or(&name)
                .to_string();
            self.metadata.insert(
                stem,
                Article {
                    id: cell(id).unwrap_or_default(),
                    title: cell(title),
                    outlet: cell(outlet),
                    author: cell(author),
                    url: cell(url),
                    published,
                    language: cell(language),
                    ..Article::default()
                },
            );
        }
    }

    fn read_actors(&mut self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        let file = path.display().to_string();
        let Some((header, rows)) = read_table(path, &file, diagnostics) else {
            return;
        };
        let column = |name: &str| header.iter().position(|h| h == name);
        let (Some(id), Some(name)) = (column("id"), column("name")) else {
            diagnostics.push(Diagnostic::at(
                &file,
                Some(1),
                None,
                "expected the columns id, name, kind, role, affiliation, country, aliases; actors ignored",
            ));
            return;
        };
        let (kind, role, affiliation, country, aliases) = (
            column("kind"),
            column("role"),
            column("affiliation"),
            column("country"),
            column("aliases"),
        );
        for (line, row) in rows {
            let cell = |i: Option<usize>| {
                i.and_then(|i| row.get(i))
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
            };
            let (Some(id), Some(name)) = (cell(Some(id)), cell(Some(name))) else {
                diagnostics.push(Diagnostic::at(
                    &file,
                    Some(line),
                    None,
                    "an actor needs an id and a name; row skipped",
                ));
                continue;
            };
            let kind = match cell(kind) {
                None => ActorKind::Other,
                Some(k) => match ActorKind::parse(&k) {
                    Some(k) => k,
                    None => {
                        diagnostics.push(Diagnostic::at(
                            &file,
                            Some(line),
                            None,
                            format!(
                                "unknown kind {k:?}: expected one of {}; row skipped",
                                ActorKind::expected()
                            ),
                        ));
                        continue;
                    }
                },
            };
            let actor = Actor {
                id: id.clone(),
                name,
                aliases: cell(aliases)
                    .map(|a| {
                        a.split('|')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default(),
                kind,
                role: cell(role),
                affiliation: cell(affiliation),
                country: cell(country),
            };
            self.actors.insert(id, actor);
        }
    }
}

/// The first of `names` in `dir`, its parent or its grandparent.
fn find_up(dir: &Path, names: &[&str]) -> Option<std::path::PathBuf> {
    dir.ancestors()
        .take(3)
        .find_map(|d| names.iter().map(|n| d.join(n)).find(|p| p.is_file()))
}

/// Cells that mean "no value" in metadata tables.
fn is_blank(cell: &str) -> bool {
    matches!(
        cell.to_ascii_lowercase().as_str(),
        "" | "none" | "na" | "n/a" | "null" | "nan" | "-"
    )
}

type Table = (Vec<String>, Vec<(usize, Vec<String>)>);

/// A tab- or comma-separated file (by extension) with a header: lowercased
/// header names and each row with its line number.
fn read_table(path: &Path, file: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Table> {
    let delimiter = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        b','
    } else {
        b'\t'
    };
    let mut reader = match csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .quoting(delimiter == b',')
        .from_path(path)
    {
        Ok(r) => r,
        Err(e) => {
            diagnostics.push(Diagnostic::at(
                file,
                None,
                None,
                format!("cannot read: {e}"),
            ));
            return None;
        }
    };
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            diagnostics.push(Diagnostic::at(
                file,
                Some(1),
                None,
                format!("{e}; file ignored"),
            ));
            return None;
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                rows.push((line, r.iter().map(String::from).collect()));
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                diagnostics.push(Diagnostic::at(
                    file,
                    line,
                    None,
                    format!("{e}; row skipped"),
                ));
            }
        }
    }
    Some((header, rows))
}

/// The first ISO date `YYYY-MM-DD` in a file name (`nyt_2016-09-12_visa-program`).
pub fn date_in_name(name: &str) -> Option<DateSpec> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let window = &bytes[i..i + 10];
        let shape = window.iter().enumerate().all(|(j, b)| match j {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        let alone = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_digit());
        let bounded =
            alone(i.checked_sub(1).and_then(|p| bytes.get(p))) && alone(bytes.get(i + 10));
        if !(shape && bounded) {
            return None;
        }
        std::str::from_utf8(window)
            .ok()
            .and_then(|d| DateSpec::parse(d).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::date_in_name;

    #[test]
    fn an_iso_date_in_a_file_name_is_found() {
        let d = date_in_name("nyt_2016-09-12_visa-program").expect("date");
        assert_eq!(d.to_string(), "2016-09-12");
        assert!(date_in_name("report-2016-13-45").is_none());
        assert!(date_in_name("x12016-09-12").is_none());
        assert!(date_in_name("short").is_none());
    }
}
