//! The brat standoff writer: texts, `.ann` files per annotation set, `metadata.tsv` and `actors.tsv`,
//! in the form the brat reader maps back to the same statements.

use super::File;
use crate::loader::{OWN_NAMESPACE, UNKNOWN_SOURCE};
use crate::model::{ActorId, ArticleId, Span, Statement, StatementId};
use crate::store::Store;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// Every file for the store: per article its text and annotation sets, then the
/// metadata and actor tables.
pub fn files(store: &Store, names: &[String]) -> Vec<File> {
    let mut files = Vec::new();
    let mut metadata = String::from(
        "filename\tarticle_id\ttitle\tpublication_date\tpublisher\tauthor\turl\tlanguage\n",
    );
    let mut actors: BTreeSet<ActorId> = BTreeSet::new();
    for (i, article) in store.articles().enumerate() {
        let id = ArticleId(i as u32);
        let name = &names[i];
        files.push(File {
            name: format!("{name}.txt"),
            contents: article.text.as_bytes().to_vec(),
        });
        let mut sets: BTreeMap<Option<&str>, Vec<StatementId>> = BTreeMap::new();
        sets.entry(None).or_default();
        for &s in store.in_article(id) {
            sets.entry(store.annotator(s)).or_default().push(s);
            let (speaker, principal) = store.parties_of(s);
            actors.insert(speaker);
            actors.extend(principal);
            actors.extend(store.addressees_of(s).iter().copied());
        }
        for (annotator, mut ids) in sets {
            ids.sort_by_key(|&s| store.chars(s).start);
            let file = match annotator {
                None => format!("{name}.ann"),
                Some(a) => format!(
                    "{name}_{}.ann",
                    super::shortened(a.replace(['/', '\\'], "_"))
                ),
            };
            files.push(File {
                name: file,
                contents: Ann::new(store, id).write(&ids, annotator).into_bytes(),
            });
        }
        let row = [
            format!("{name}.txt"),
            cell(Some(article.id)),
            cell(article.title),
            article.published.map(|d| d.to_string()).unwrap_or_default(),
            cell(article.outlet),
            cell(article.author),
            cell(article.url),
            cell(article.language),
        ];
        metadata.push_str(&row.join("\t"));
        metadata.push('\n');
    }
    files.push(File {
        name: "metadata.tsv".into(),
        contents: metadata.into_bytes(),
    });
    let mut table = String::from("id\tname\tkind\trole\taffiliation\tcountry\taliases\n");
    for a in actors {
        let actor = store.actor(a);
        let row = [
            cell(Some(&actor.id)),
            cell(Some(&actor.name)),
            actor.kind.as_str().to_string(),
            cell(actor.role.as_deref()),
            cell(actor.affiliation.as_deref()),
            cell(actor.country.as_deref()),
            actor
                .aliases
                .iter()
                .map(|a| cell(Some(a)))
                .collect::<Vec<_>>()
                .join("|"),
        ];
        table.push_str(&row.join("\t"));
        table.push('\n');
    }
    files.push(File {
        name: "actors.tsv".into(),
        contents: table.into_bytes(),
    });
    files
}

/// A TSV cell: tabs and line breaks as spaces.
fn cell(value: Option<&str>) -> String {
    value.unwrap_or_default().replace(['\t', '\n', '\r'], " ")
}

type SpanKey = (&'static str, Vec<(u32, u32)>, Option<ActorId>);

/// One `.ann` file being written.
struct Ann<'a> {
    store: &'a Store,
    chars: Vec<char>,
    out: String,
    next: HashMap<char, usize>,
    /// Spans already written, by type, pieces and the actor they name, to share them.
    spans: HashMap<SpanKey, String>,
}

impl<'a> Ann<'a> {
    fn new(store: &'a Store, article: ArticleId) -> Self {
        Ann {
            store,
            chars: store.article(article).text.chars().collect(),
            out: String::new(),
            next: HashMap::new(),
            spans: HashMap::new(),
        }
    }

    fn id(&mut self, prefix: char) -> String {
        let n = self.next.entry(prefix).or_insert(0);
        *n += 1;
        format!("{prefix}{n}")
    }

    /// A `T` line for `pieces`, shared by every use with the same type, pieces and
    /// actor when `share`; the bool says whether it was written just now.
    fn span(
        &mut self,
        kind: &'static str,
        pieces: Vec<Span>,
        share: Option<Option<ActorId>>,
    ) -> (String, bool) {
        let key: Vec<(u32, u32)> = pieces.iter().map(|p| (p.start, p.end)).collect();
        if let Some(id) = share.and_then(|actor| self.spans.get(&(kind, key.clone(), actor))) {
            return (id.clone(), false);
        }
        let id = self.id('T');
        let offsets = pieces
            .iter()
            .map(|p| format!("{} {}", p.start, p.end))
            .collect::<Vec<_>>()
            .join(";");
        let text = pieces
            .iter()
            .map(|p| {
                self.chars[p.start as usize..p.end as usize]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['\n', '\r', '\t'], " ");
        let _ = writeln!(self.out, "{id}\t{kind} {offsets}\t{text}");
        if let Some(actor) = share {
            self.spans.insert((kind, key, actor), id.clone());
        }
        (id, true)
    }

    /// A `#` note line per line of `text`.
    fn note(&mut self, kind: &str, target: &str, text: &str) {
        for line in text.split('\n') {
            let id = self.id('#');
            let line = line.strip_suffix('\r').unwrap_or(line);
            let _ = writeln!(self.out, "{id}\t{kind} {target}\t{line}");
        }
    }

    /// The mention of `actor` (name or alias, whole words) nearest to `near`.
    fn mention(&self, actor: ActorId, near: u32) -> Option<Span> {
        let a = self.store.actor(actor);
        let mut best: Option<(u32, Span)> = None;
        for name in a.names() {
            let needle: Vec<char> = name.chars().collect();
            if needle.is_empty() || needle.len() > self.chars.len() {
                continue;
            }
            for start in 0..=self.chars.len() - needle.len() {
                let end = start + needle.len();
                let word = |i: Option<usize>| {
                    i.and_then(|i| self.chars.get(i))
                        .is_none_or(|c| !c.is_alphanumeric())
                };
                if self.chars[start..end] == needle[..]
                    && word(start.checked_sub(1))
                    && word(Some(end))
                {
                    let distance = (start as u32).abs_diff(near);
                    if best.is_none_or(|(d, _)| distance < d) {
                        best = Some((
                            distance,
                            Span {
                                start: start as u32,
                                end: end as u32,
                            },
                        ));
                    }
                }
            }
        }
        best.map(|(_, s)| s)
    }

    /// The nearest occurrence of `text` to `near`, as characters.
    fn find(&self, text: &str, near: u32) -> Option<Span> {
        let needle: Vec<char> = text.chars().collect();
        if needle.is_empty() || needle.len() > self.chars.len() {
            return None;
        }
        (0..=self.chars.len() - needle.len())
            .filter(|&s| self.chars[s..s + needle.len()] == needle[..])
            .min_by_key(|&s| (s as u32).abs_diff(near))
            .map(|s| Span {
                start: s as u32,
                end: (s + needle.len()) as u32,
            })
    }

    fn reference(&self, actor: ActorId) -> String {
        let a = self.store.actor(actor);
        format!("{OWN_NAMESPACE}:{}\t{}", a.id, cell(Some(&a.name)))
    }

    fn write(mut self, ids: &[StatementId], annotator: Option<&str>) -> String {
        for &id in ids {
            let s = self.store.statement(id);
            self.statement(&s, annotator);
        }
        self.out
    }

    fn statement(&mut self, s: &Statement, annotator: Option<&str>) {
        let store = self.store;
        let pieces: Vec<Span> = match &s.discontinuous {
            Some(d) => d.chars.to_vec(),
            None => vec![s.chars],
        };
        let near = s.chars.start;
        let (content, _) = self.span("Content", pieces, None);
        let cue = s.cue.as_deref().and_then(|c| self.find(c, near));
        let cue_id = cue.map(|span| self.span("Cue", vec![span], Some(None)).0);
        let speaker = (store.actor(s.speaker).id != UNKNOWN_SOURCE).then_some(s.speaker);
        let source = speaker.and_then(|a| self.mention(a, near).map(|m| (a, m)));
        let source_id = source.map(|(a, m)| {
            let (t, new) = self.span("Source", vec![m], Some(Some(a)));
            if new {
                let n = self.id('N');
                let _ = writeln!(self.out, "{n}\tReference {t} {}", self.reference(a));
            }
            t
        });
        let event = self.id('E');
        let trigger = cue_id.as_deref().unwrap_or(&content).to_string();
        let kind = if speaker.is_some() {
            "Attribution"
        } else {
            "Attribution-no-source"
        };
        let mut line = format!("{event}\t{kind}:{trigger} Content:{content}");
        if let Some(c) = &cue_id {
            let _ = write!(line, " Cue:{c}");
        }
        if let Some(t) = &source_id {
            let _ = write!(line, " Source:{t}");
        }
        let _ = writeln!(self.out, "{line}");
        if let (Some(a), None) = (speaker, &source_id) {
            let n = self.id('N');
            let _ = writeln!(self.out, "{n}\tReference {event} {}", self.reference(a));
        }
        let default_key = match annotator {
            Some(a) => format!("{a}/{event}"),
            None => event.clone(),
        };
        if *s.key != default_key {
            self.note("Id", &event, &s.key);
        }
        let a = self.id('A');
        let _ = writeln!(self.out, "{a}\tMode {event} {}", s.mode);
        match s.topics.as_ref() {
            [one] => {
                let (a, b) = (self.id('A'), self.id('A'));
                let _ = writeln!(self.out, "{a}\tTopic {event} {}", store.topic(one.topic));
                let _ = writeln!(self.out, "{b}\tStance {event} {}", one.stance);
            }
            many => {
                for t in many {
                    let a = self.id('A');
                    let _ = writeln!(
                        self.out,
                        "{a}\tTopic {event} {}:{}",
                        store.topic(t.topic),
                        t.stance
                    );
                }
            }
        }
        // Relations to a mention where every actor has one, else notes (keeping the order).
        let principal = s.on_behalf_of.map(|p| (p, self.mention(p, near)));
        let addressees: Vec<(ActorId, Option<Span>)> = s
            .addressees
            .iter()
            .map(|&a| (a, self.mention(a, near)))
            .collect();
        if let Some((p, mention)) = principal {
            self.relation("OnBehalfOf", &content, &event, p, mention);
        }
        let all_mentioned = addressees.iter().all(|(_, m)| m.is_some());
        for (a, mention) in addressees {
            self.relation(
                "Addressee",
                &content,
                &event,
                a,
                mention.filter(|_| all_mentioned),
            );
        }
        if let (Some(c), None) = (s.cue.as_deref(), &cue_id) {
            self.note("Cue", &event, c);
        }
        if let Some(d) = s.date {
            self.note("Date", &event, &d.to_string());
        }
        for (kind, value) in [
            ("Place", s.place.as_deref()),
            ("Translation", s.translation.as_deref()),
            ("AnnotatorNotes", s.notes.as_deref()),
        ] {
            if let Some(v) = value {
                self.note(kind, &event, v);
            }
        }
    }

    /// An `R` line from the content to a mention of `actor`, or a note naming it.
    fn relation(
        &mut self,
        kind: &str,
        content: &str,
        event: &str,
        actor: ActorId,
        mention: Option<Span>,
    ) {
        match mention {
            Some(m) => {
                let (t, new) = self.span("Actor", vec![m], Some(Some(actor)));
                if new {
                    let n = self.id('N');
                    let _ = writeln!(self.out, "{n}\tReference {t} {}", self.reference(actor));
                }
                let r = self.id('R');
                let _ = writeln!(self.out, "{r}\t{kind} Arg1:{content} Arg2:{t}");
            }
            None => {
                let a = self.store.actor(actor);
                let text = format!("{OWN_NAMESPACE}:{} {}", a.id, cell(Some(&a.name)));
                self.note(kind, event, &text);
            }
        }
    }
}
