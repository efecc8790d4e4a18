//! From raw articles to statements: quotations, cues and speakers found by rules and lexicons (no model, nothing downloaded), each statement marked automatic with its rule and a confidence, written in our format.

pub mod html;
pub mod input;
pub mod lexicon;
mod roles;
mod rules;
mod speakers;
mod text;
mod when;

pub use rules::Found;

use crate::date::DateSpec;
use crate::search::fold_name;
use input::RawArticle;
use lexicon::Lexicon;
use rules::Context;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::ops::Range;
use when::When;

/// Every statement the rules find in `text`, in text order; a later statement that
/// overlaps an earlier one is dropped. Each has the date its sentence names beside it
/// (outside the statements and quotations), else the one its paragraph's first sentence
/// names (the scene the paragraph reports), and reported speech running on keeps the
/// date of the statement it continues.
pub fn find(text: &str, lexicon: &Lexicon) -> Vec<Found> {
    let quotes = text::quotes(text);
    let mut context = Context::default();
    let mut out: Vec<Found> = Vec::new();
    let mut previous_end = 0;
    let mut kept_end = 0;
    let mut scene: Option<When> = None;
    for (n, sentence) in text::sentences(text, &quotes, lexicon)
        .into_iter()
        .enumerate()
    {
        let opens_paragraph = n == 0 || text[previous_end..sentence.start].contains('\n');
        if opens_paragraph {
            // A new paragraph: reported speech does not run on into it.
            context.reporting = false;
            scene = None;
        }
        previous_end = sentence.end;
        let first = out.len();
        for clause in text::clauses(text, sentence.clone(), &quotes) {
            for f in rules::clause(text, clause, &quotes, lexicon, &mut context) {
                // Statements come in text order: one starting before the end of those
                // kept overlaps one of them.
                if f.span.start >= kept_end {
                    kept_end = f.span.end;
                    out.push(f);
                }
            }
        }
        // Only a sentence with statements, or the scene a paragraph opens on, has a date
        // that matters.
        if out.len() == first && !opens_paragraph {
            continue;
        }
        let frame = frame(&sentence, &out[first..], &quotes);
        let named = when::named(text, &frame, lexicon);
        if opens_paragraph {
            scene = named.filter(|w| !matches!(w, When::Before | When::Month { .. }));
        }
        for k in first..out.len() {
            let f = &out[k];
            // Putin hatte … bereits vor Wochen erklärt: what stands between the auxiliary
            // and the participle tells when it was said.
            let inside = (f.rule == "subject-participle")
                .then(|| when::named(text, std::slice::from_ref(&f.span), lexicon))
                .flatten();
            let continues = matches!(f.rule, "konjunktiv-continuation" | "quote-continuation");
            let before = k.checked_sub(1).and_then(|p| out[p].when);
            out[k].when = inside
                .or(named)
                .or(if continues { before } else { None })
                .or(scene);
        }
    }
    out
}

/// The pieces of `sentence` outside the statements found in it and its quotations.
fn frame(sentence: &Range<usize>, found: &[Found], quotes: &[text::Quote]) -> Vec<Range<usize>> {
    let mut cuts: Vec<Range<usize>> = found.iter().map(|f| f.span.clone()).collect();
    cuts.extend(
        text::within(quotes, sentence)
            .iter()
            .map(|q| q.start..q.end),
    );
    cuts.sort_by_key(|c| c.start);
    let mut pieces = Vec::new();
    let mut at = sentence.start;
    for c in cuts {
        if c.start > at {
            pieces.push(at..c.start.min(sentence.end));
        }
        at = at.max(c.end);
    }
    if at < sentence.end {
        pieces.push(at..sentence.end);
    }
    pieces
}

/// One actor of the run: known beforehand (`--actors`), or made from a name found.
#[derive(Clone, Debug)]
struct Actor {
    id: String,
    name: String,
    kind: &'static str,
    role: Option<String>,
    aliases: Vec<String>,
}

/// The actors of one run, found by their names and aliases; reused across its articles.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    list: Vec<Actor>,
    by_name: HashMap<String, usize>,
}

/// An id from a name: lower case, ASCII letters and digits, hyphens between words.
fn slug(name: &str) -> String {
    let folded = fold_name(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "actor".into() } else { out }
}

fn kind_of(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    if lower.contains("ministerium") || lower.contains("ministry") {
        "ministry"
    } else if lower.contains("regierung")
        || lower.contains("government")
        || lower == "kreml"
        || lower == "kremlin"
    {
        "government"
    } else if name.split_whitespace().count() >= 2 {
        "person"
    } else {
        "other"
    }
}

impl Actors {
    /// The actors of a loaded corpus, with their names and aliases.
    pub fn known(store: &crate::store::Store) -> Actors {
        let mut actors = Actors::default();
        for a in &store.actors {
            actors.insert(Actor {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.as_str(),
                role: a.role.clone(),
                aliases: a.aliases.clone(),
            });
        }
        actors
    }

    fn insert(&mut self, actor: Actor) -> usize {
        let i = self.list.len();
        for n in std::iter::once(&actor.name).chain(&actor.aliases) {
            self.by_name.entry(fold_name(n)).or_insert(i);
        }
        self.list.push(actor);
        i
    }

    /// The actor a name found in the text means: a known name or alias; a surname of a
    /// known full name (Peskow after Dmitri Peskow) or the full name of a known surname;
    /// else a new actor.
    fn resolve(&mut self, name: &str, role: Option<&str>) -> usize {
        let key = fold_name(name);
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        let last = |n: &str| fold_name(n.split_whitespace().last().unwrap_or(n));
        let single = !name.contains(' ');
        // Only names that read as a person's: every word capitalised.
        let personal = |n: &str| {
            n.split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        let surname = self.list.iter().position(|a| {
            if !personal(&a.name) {
                return false;
            }
            let known_single = !a.name.contains(' ');
            if single {
                // Peskow after Dmitri Peskow.
                !known_single && kind_of(&a.name) == "person" && last(&a.name) == key
            } else {
                // Mark Rutte after Rutte.
                known_single && fold_name(&a.name) == last(name)
            }
        });
        if let Some(i) = surname {
            self.list[i].aliases.push(name.to_string());
            self.by_name.insert(key, i);
            return i;
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.list.iter().any(|a| a.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.insert(Actor {
            id,
            name: name.to_string(),
            kind: kind_of(name),
            role: role.map(str::to_string),
            aliases: Vec::new(),
        })
    }
}

/// The article and its statements as a document of our format (the actors it uses
/// included), each statement `provenance: auto` with its rule and confidence.
pub fn document(article: &RawArticle, found: &[Found], actors: &mut Actors) -> Value {
    let text = &article.text;
    // Character offsets, counted on from the last one asked (statements come in order).
    let mut counted = (0usize, 0usize);
    let mut chars = |byte: usize| {
        let (b, c) = if byte >= counted.0 { counted } else { (0, 0) };
        let n = c + text[b..byte].chars().count();
        counted = (byte, n);
        n
    };
    let published = article
        .date
        .as_deref()
        .and_then(|d| DateSpec::parse(d).ok());
    let mut used: Vec<usize> = Vec::new();
    let mut statements = Vec::new();
    // A spokesperson stays one for the rest of the article (sein Sprecher Peskow …
    // sagte Peskow).
    let mut speaks_for: HashMap<usize, usize> = HashMap::new();
    for (n, f) in found.iter().enumerate() {
        let speaker = actors.resolve(&f.speaker.name, f.speaker.role.as_deref());
        used.push(speaker);
        let mut s = json!({
            "id": format!("x{}", n + 1),
            "speaker": actors.list[speaker].id,
            "mode": f.mode.as_str(),
            "text": &text[f.span.clone()],
            "span": [chars(f.span.start), chars(f.span.end)],
            "provenance": "auto",
            "confidence": (f64::from(f.confidence) * 100.0).round() / 100.0,
            "rule": f.rule,
        });
        let principal = match &f.speaker.principal {
            Some(p) => Some(actors.resolve(p, None)).filter(|&p| p != speaker),
            None => speaks_for.get(&speaker).copied(),
        };
        if let Some(p) = principal {
            speaks_for.insert(speaker, p);
            used.push(p);
            s["on_behalf_of"] = json!(actors.list[p].id);
        }
        if let Some(cue) = &f.cue {
            s["cue"] = json!(cue);
        }
        // The date the sentence names, read against the article's; else the article's,
        // with the precision it has.
        let named = f.when.and_then(|w| when::resolve(w, published));
        if let Some(date) = named
            .map(|d| d.to_string())
            .or_else(|| article.date.clone())
        {
            s["date"] = json!(date);
        }
        statements.push(s);
    }
    used.sort_unstable();
    used.dedup();
    let actor_list: Vec<Value> = used
        .iter()
        .map(|&i| {
            let a = &actors.list[i];
            let mut v = json!({"id": a.id, "name": a.name, "kind": a.kind});
            if let Some(r) = &a.role {
                v["role"] = json!(r);
            }
            if !a.aliases.is_empty() {
                v["aliases"] = json!(a.aliases);
            }
            v
        })
        .collect();
    let mut meta = json!({"id": article.id, "language": article.language, "text": text});
    for (key, value) in [
        ("title", &article.title),
        ("published", &article.date),
        ("outlet", &article.outlet),
        ("author", &article.author),
        ("url", &article.url),
    ] {
        if let Some(v) = value {
            meta[key] = json!(v);
        }
    }
    json!({"format": "demarche", "version": 1, "article": meta, "actors": actor_list, "statements": statements})
}
