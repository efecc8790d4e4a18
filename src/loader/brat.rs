//! brat standoff: `NAME.txt` with `NAME.ann` (and `NAME_<annotator>.ann`), one article per text.

mod ann;

use super::attribution::{Attribution, Builder, Mention, reference_id};
use super::folder::Folder;
use super::mapping::{Mapping, Role};
use super::pending::{Pending, PendingDoc};
use crate::diagnostic::Diagnostic;
use ann::{Annotations, Item};
use std::collections::{BTreeMap, HashMap, HashSet};
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
        let anns = ann::parse(&file, &content, &chars, &mut found);
        for a in attributions(
            &file,
            &anns,
            &doc.folder.mapping,
            annotator.as_deref(),
            &mut found,
        ) {
            builder.add(&file, a, &mut found);
        }
        found.sort_by_key(|d| d.line);
        out.append(&mut found);
    }
    pending.docs.push(builder.doc);
    pending
}

fn read_utf8(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (byte offset {}): save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// What an annotation id names, for messages about references.
enum Target<'a> {
    Span(&'a ann::TextBound),
    Untrusted(usize),
    Event(usize),
    Missing,
}

/// Resolves every attribution event of one file.
fn attributions(
    file: &str,
    anns: &Annotations,
    mapping: &Mapping,
    annotator: Option<&str>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Attribution> {
    let events: HashMap<&str, usize> = anns
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let target = |id: &str| match (anns.spans.get(id), anns.untrusted.get(id), events.get(id)) {
        (Some(t), _, _) => Target::Span(t),
        (_, Some(&line), _) => Target::Untrusted(line),
        (_, _, Some(&i)) => Target::Event(i),
        _ => Target::Missing,
    };
    let err = |line: usize, message: String| Diagnostic::at(file, Some(line), None, message);

    // Normalisations by target: spans get a reference, events a speaker.
    let mut references: HashMap<&str, (String, Option<String>)> = HashMap::new();
    for n in &anns.normalizations {
        let Some((namespace, id)) = n.value.as_deref().and_then(|v| v.split_once(':')) else {
            continue;
        };
        match target(&n.target) {
            Target::Missing => out.push(err(
                n.line,
                format!(
                    "normalisation of {}: no annotation with that id in this file; skipped",
                    n.target
                ),
            )),
            _ if id.is_empty() => out.push(err(
                n.line,
                format!(
                    "normalisation of {}: empty id in {:?}; skipped",
                    n.target,
                    n.value.as_deref().unwrap_or_default()
                ),
            )),
            _ => {
                references.insert(&n.target, (reference_id(namespace, id), n.text.clone()));
            }
        }
    }
    let mention = |span: &ann::TextBound, id: &str| Mention {
        text: span.text.clone(),
        reference: references.get(id).cloned(),
    };

    // Which events a span stands for (as Content, Source or trigger), for A/R/# lines.
    let mut by_span: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut results: Vec<Option<Attribution>> = Vec::with_capacity(anns.events.len());
    for (i, e) in anns.events.iter().enumerate() {
        let mut content: Vec<&ann::TextBound> = Vec::new();
        let mut cues: Vec<&ann::TextBound> = Vec::new();
        let mut source: Option<(&ann::TextBound, &str)> = None;
        let mut broken = false;
        for (role_name, id) in &e.args {
            let role = mapping.role(role_name);
            if role.is_some() {
                link(&mut by_span, id, i);
            }
            let span = match target(id) {
                Target::Span(t) => t,
                Target::Untrusted(line) => {
                    out.push(err(e.line, format!(
                        "{}: {role_name}:{id} is the span on line {line}, which is not trusted; event skipped",
                        e.id
                    )));
                    broken = true;
                    continue;
                }
                Target::Event(_) | Target::Missing => {
                    out.push(err(
                        e.line,
                        format!(
                            "{}: {role_name}:{id} names no text span in this file; event skipped",
                            e.id
                        ),
                    ));
                    broken = true;
                    continue;
                }
            };
            match role {
                Some(Role::Content) => content.push(span),
                Some(Role::Cue) => cues.push(span),
                Some(Role::Source) if source.is_none() => source = Some((span, id)),
                Some(Role::Source) => out.push(
                    err(
                        e.line,
                        format!(
                            "{}: a second source {role_name}:{id}; the first is used",
                            e.id
                        ),
                    )
                    .warning(),
                ),
                _ => {}
            }
        }
        if let Some(trigger) = &e.trigger {
            link(&mut by_span, trigger, i);
        }
        let attribution = mapping.is_attribution(&e.kind) || !content.is_empty();
        if broken || !attribution {
            results.push(None);
            continue;
        }
        if content.is_empty() {
            out.push(err(e.line, format!(
                "{}: an attribution without content: expected a {}:T<n> argument; event skipped",
                e.id,
                mapping.content.first().map_or("Content", String::as_str)
            )));
            results.push(None);
            continue;
        }
        let mut pieces: Vec<(usize, usize)> = content
            .iter()
            .flat_map(|t| t.pieces.iter().copied())
            .collect();
        pieces.sort_unstable();
        let chars_text = content_text(&content, &pieces);
        let Some(text) = chars_text else {
            out.push(err(
                e.line,
                format!("{}: its content spans overlap; event skipped", e.id),
            ));
            results.push(None);
            continue;
        };
        let speaker = match (source, references.get(e.id.as_str())) {
            (_, Some(reference)) => Some(Mention {
                text: source.map_or_else(
                    || reference.1.clone().unwrap_or_else(|| reference.0.clone()),
                    |(s, _)| s.text.clone(),
                ),
                reference: Some(reference.clone()),
            }),
            (Some((span, id)), None) => Some(mention(span, id)),
            (None, None) => None,
        };
        let key = match annotator {
            Some(a) => format!("{a}/{}", e.id),
            None => e.id.clone(),
        };
        results.push(Some(Attribution {
            key,
            line: Some(e.line),
            content: pieces,
            text,
            cue: (!cues.is_empty()).then(|| {
                cues.iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            speaker,
            annotator: annotator.map(String::from),
            ..Attribution::default()
        }));
    }

    // The events an A, R or # line's target stands for.
    let events_of = |item: &Item, what: &str, out: &mut Vec<Diagnostic>| -> Vec<usize> {
        match target(&item.target) {
            Target::Event(i) => vec![i],
            Target::Span(_) => by_span
                .get(item.target.as_str())
                .cloned()
                .unwrap_or_default(),
            Target::Untrusted(_) => Vec::new(),
            Target::Missing => {
                out.push(err(
                    item.line,
                    format!(
                        "{what} on {}: no annotation with that id in this file; skipped",
                        item.target
                    ),
                ));
                Vec::new()
            }
        }
    };
    let is = |name: &str, wanted: &str| name.eq_ignore_ascii_case(wanted);
    for a in &anns.attributes {
        let targets = events_of(a, "attribute", out);
        let value = a.value.as_deref().unwrap_or_default();
        for i in targets {
            let Some(s) = results[i].as_mut() else {
                continue;
            };
            if is(&a.kind, &mapping.mode) {
                match mapping.mode(value) {
                    Some(m) => s.mode = Some(m),
                    None => out.push(err(a.line, format!(
                        "unknown mode {value:?}: expected one of {} (or a name mapped in `modes`); the mode is inferred instead",
                        crate::model::Mode::expected()
                    )).warning()),
                }
            } else if is(&a.kind, &mapping.topic) {
                let (topic, stance) = match value.rsplit_once(':') {
                    Some((t, st)) if mapping.stance(st).is_some() => (t, mapping.stance(st)),
                    _ => (value, None),
                };
                if topic.is_empty() {
                    out.push(err(
                        a.line,
                        "a topic attribute without a value; ignored".into(),
                    ));
                } else {
                    s.topics.push((topic.to_string(), stance));
                }
            } else if is(&a.kind, &mapping.stance) {
                match mapping.stance(value) {
                    Some(st) => s.stance = Some(st),
                    None => out.push(err(a.line, format!(
                        "unknown stance {value:?}: expected one of {} (or a name mapped in `stances`); ignored",
                        crate::model::Stance::expected()
                    )).warning()),
                }
            }
        }
    }
    for r in &anns.relations {
        let role = mapping.role(&r.kind);
        if !matches!(role, Some(Role::Addressee | Role::OnBehalfOf)) {
            continue;
        }
        let arg2 = r.value.as_deref().unwrap_or_default();
        let actor = match target(arg2) {
            Target::Span(t) => mention(t, arg2),
            Target::Untrusted(line) => {
                out.push(err(r.line, format!("{}: Arg2:{arg2} is the span on line {line}, which is not trusted; relation skipped", r.kind)));
                continue;
            }
            Target::Event(_) | Target::Missing => {
                out.push(err(
                    r.line,
                    format!(
                        "{}: Arg2:{arg2} names no text span in this file; relation skipped",
                        r.kind
                    ),
                ));
                continue;
            }
        };
        for i in events_of(r, "relation", out) {
            let Some(s) = results[i].as_mut() else {
                continue;
            };
            match role {
                Some(Role::Addressee) => s.addressees.push(actor.clone()),
                _ => s.on_behalf_of = Some(actor.clone()),
            }
        }
    }
    // Several notes of one text type on one event are lines of one text.
    let mut noted: HashSet<(usize, String)> = HashSet::new();
    for n in &anns.notes {
        let text = n.value.as_deref().unwrap_or_default().to_string();
        let kind = n.kind.to_ascii_lowercase();
        for i in events_of(n, "note", out) {
            let Some(s) = results[i].as_mut() else {
                continue;
            };
            let first = noted.insert((i, kind.clone()));
            let field = match kind.as_str() {
                "annotatornotes" => &mut s.notes,
                "translation" => &mut s.translation,
                "place" => &mut s.place,
                "date" => &mut s.date,
                "cue" => &mut s.cue,
                "key" | "id" => {
                    s.key = text.trim().to_string();
                    continue;
                }
                "addressee" => {
                    s.addressees.push(note_actor(text.trim()));
                    continue;
                }
                "onbehalfof" => {
                    s.on_behalf_of = Some(note_actor(text.trim()));
                    continue;
                }
                _ => continue,
            };
            match field {
                Some(lines) if !first => {
                    lines.push('\n');
                    lines.push_str(&text);
                }
                _ => *field = Some(text.clone()),
            }
        }
    }
    results.into_iter().flatten().collect()
}

/// Records that span `id` stands for event `i` (once).
fn link<'a>(by_span: &mut HashMap<&'a str, Vec<usize>>, id: &'a str, i: usize) {
    let list = by_span.entry(id).or_default();
    if !list.contains(&i) {
        list.push(i);
    }
}

/// The content's text: pieces joined by one space (`None` if they overlap).
fn content_text(content: &[&ann::TextBound], pieces: &[(usize, usize)]) -> Option<String> {
    if pieces.windows(2).any(|w| w[1].0 < w[0].1) {
        return None;
    }
    if let [single] = content {
        return Some(single.text.clone());
    }
    // Several Content arguments: each span's pieces in text order.
    let mut texts: Vec<(usize, &str)> = content
        .iter()
        .map(|t| (t.pieces[0].0, t.text.as_str()))
        .collect();
    texts.sort_unstable();
    Some(
        texts
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// An actor given in a note: `NAMESPACE:ID Name`, or just a name.
fn note_actor(text: &str) -> Mention {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    match first.split_once(':') {
        Some((namespace, id)) if !namespace.is_empty() && !id.is_empty() => Mention {
            text: rest.trim().to_string(),
            reference: Some((
                reference_id(namespace, id),
                Some(rest.trim().to_string()).filter(|r| !r.is_empty()),
            )),
        },
        _ => Mention::text(text),
    }
}
