//! GEPADE (SpkAtt-2023) Bundestag speeches: either JSON layout, one speech an article, each annotation with a Message a statement.

mod annotation;
mod detok;
mod layout;
mod name;
mod speaker;

pub use detok::{Detokenised, detokenise};
pub use layout::{Layout, layout};
pub use name::SpeechName;

use super::attribution::Builder;
use super::folder::Folder;
use super::pending::{Pending, PendingDoc};
use crate::diagnostic::Diagnostic;
use crate::model::{Actor, ActorKind, Article};
use annotation::{Annotated, Outcome};
use std::path::Path;

/// Parses one speech file of either layout; `dir` is its folder (for `actors.tsv`).
pub fn parse(file: &str, bytes: &[u8], layout: Layout, dir: Option<&Path>) -> Pending {
    let mut parsed = Pending::default();
    let out = &mut parsed.diagnostics;
    let Some(speech) = layout::read(file, bytes, layout, out) else {
        return parsed;
    };
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("gepade");
    let name = SpeechName::parse(stem);
    if name.is_none() {
        out.push(Diagnostic::at(
            file,
            None,
            None,
            "file name is not <session>_<agenda item>_<PARTY>_<Surname>_ID<speech id>_<DD.MM.YYYY>.json: the speech has no date, party or speaker, and first-person sources stay unresolved",
        ).warning());
    }
    let tokens = detokenise(&speech.sentences);
    let article = article(file, stem, name.as_ref(), tokens.text.clone());
    let mut folder = match dir {
        Some(d) => Folder::read(d, out),
        None => Folder::default(),
    };
    if let Some(name) = &name {
        for actor in actors(name) {
            folder.actors.entry(actor.id.clone()).or_insert(actor);
        }
    }
    let annotated = Annotated {
        article: &article.id,
        text: &tokens.text,
        tokens: &tokens,
        speech: &speech,
        name: name.as_ref(),
    };
    let mut builder = Builder::new(PendingDoc::new(article.clone(), file, None), &folder);
    // Annotations without a Message: how many, and the line of the first.
    let mut silent = (0, None);
    for (n, line, a) in &speech.annotations {
        match annotated.attribution(*n, *line, a) {
            Ok(Outcome::Statement(a)) => builder.add(file, *a, out),
            Ok(Outcome::NoMessage) => {
                silent.0 += 1;
                silent.1 = silent.1.or(Some(*line));
            }
            Err(e) => out.push(
                Diagnostic::at(file, Some(*line), None, format!("{e}; annotation skipped"))
                    .in_item(&format!("annotation a{n}"), "roles"),
            ),
        }
    }
    if let (count, Some(line)) = silent {
        out.push(
            Diagnostic::at(
                file,
                Some(line),
                None,
                format!(
                    "{count} of {} annotation(s) have no Message (a speech event without the words said, the first here): not statements",
                    speech.total
                ),
            )
            .warning(),
        );
    }
    let mut doc = builder.doc;
    doc.finish();
    parsed.push(doc);
    parsed
}

/// The speech as an article: id, title, speaker and date from the file name.
fn article(file: &str, stem: &str, name: Option<&SpeechName>, text: String) -> Article {
    Article {
        id: name.map_or(stem.to_string(), |n| n.speech_id.clone()),
        title: name.map(SpeechName::title),
        outlet: Some("Deutscher Bundestag".into()),
        author: name.map(|n| format!("{} ({})", n.surname, n.party_name())),
        url: None,
        published: name.and_then(|n| n.date),
        language: Some("de".into()),
        text,
        source: file.to_string(),
    }
}

/// The member of parliament giving the speech and their party or group.
fn actors(name: &SpeechName) -> [Actor; 2] {
    let party = name.party_name().to_string();
    [
        Actor {
            id: name.speaker_id(),
            name: name.surname.clone(),
            aliases: Vec::new(),
            kind: ActorKind::Person,
            role: Some("Mitglied des Bundestages".into()),
            affiliation: Some(party.clone()),
            country: Some("DE".into()),
        },
        Actor {
            id: name.party_id(),
            name: party,
            aliases: Vec::new(),
            kind: ActorKind::Group,
            role: Some("Fraktion im Bundestag".into()),
            affiliation: None,
            country: Some("DE".into()),
        },
    ]
}
