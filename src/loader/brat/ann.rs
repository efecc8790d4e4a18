//! One `.ann` file read line by line: text-bound spans checked against the text, and
//! every other line kept for resolution; each malformed line is a diagnostic.

use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};

/// A `T` line: a typed span of the text.
#[derive(Clone, Debug)]
pub struct TextBound {
    /// Character pieces, in the order the line lists them (not always text order).
    pub pieces: Vec<(usize, usize)>,
    /// The pieces' text in the document, joined by one space in that order.
    pub text: String,
}

/// An `E` line: a trigger and role arguments.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub kind: String,
    pub trigger: Option<String>,
    pub args: Vec<(String, String)>,
    pub line: usize,
}

/// An `A`/`M` line (attribute), `R` line (relation), `N` line or `#` note.
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: String,
    pub target: String,
    /// Attribute value, relation `Arg2`, normalisation `NS:ID`, or note text.
    pub value: Option<String>,
    /// A normalisation's text.
    pub text: Option<String>,
    pub line: usize,
}

/// Every line of one file, spans already checked.
#[derive(Debug, Default)]
pub struct Annotations {
    pub spans: HashMap<String, TextBound>,
    /// Ids whose span line was malformed or did not match the text.
    pub untrusted: HashMap<String, usize>,
    pub events: Vec<Event>,
    pub attributes: Vec<Item>,
    pub relations: Vec<Item>,
    pub normalizations: Vec<Item>,
    pub notes: Vec<Item>,
}

/// The text a `.ann` file annotates.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    /// The text without its byte-order mark, if it had one.
    pub chars: &'a [char],
    /// Whether the file began with a byte-order mark. brat itself counts the mark as
    /// character 0, tools that strip it do not: each span is tried both ways, brat's first.
    pub bom: bool,
}

/// Reads `content`, the `.ann` file `file` annotating `text`.
pub fn parse(file: &str, content: &str, chars: Text, out: &mut Vec<Diagnostic>) -> Annotations {
    let mut anns = Annotations::default();
    let mut ids: HashSet<String> = HashSet::new();
    for (index, raw) in content.split('\n').enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        if let Err(message) = anns.add_line(raw, line, chars, &mut ids) {
            out.push(Diagnostic::at(file, Some(line), None, message));
        }
    }
    anns
}

/// One line split at its tabs: the id, its first character, and the fields after.
struct Line<'a> {
    id: String,
    first: char,
    body: &'a str,
    tail: Option<&'a str>,
    number: usize,
}

impl Annotations {
    /// Adds line `number`; or what is wrong with it.
    fn add_line(
        &mut self,
        raw: &str,
        number: usize,
        chars: Text,
        ids: &mut HashSet<String>,
    ) -> Result<(), String> {
        let mut fields = raw.splitn(3, '\t');
        let head = fields.next().unwrap_or_default();
        let id = head
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let body = fields.next();
        let tail = fields.next();
        let Some(first) = id.chars().next() else {
            return Err("line starts with a tab: expected an annotation id such as T1, E1, A1, R1, N1 or #1; line skipped".into());
        };
        if !matches!(first, 'T' | 'E' | 'A' | 'M' | 'R' | 'N' | '#' | '*') {
            return Err(format!(
                "unknown annotation line {id:?}: expected an id starting with T (span), E (event), A or M (attribute), R (relation), N (normalisation), * (equivalence) or # (note); line skipped"
            ));
        }
        let Some(body) = body else {
            return Err(format!(
                "{id}: no tab after the id: expected `{id}<TAB>...` (fields are separated by tabs); line skipped"
            ));
        };
        if first != '*' && !ids.insert(id.clone()) {
            return Err(format!(
                "{id} is defined twice in this file: ids must be unique; line skipped"
            ));
        }
        let line = Line {
            id,
            first,
            body,
            tail,
            number,
        };
        self.add(line, chars)
    }

    /// Adds a line whose id checked out, by its kind.
    fn add(&mut self, l: Line, chars: Text) -> Result<(), String> {
        let (id, first, body, tail, line) = (l.id, l.first, l.body, l.tail, l.number);
        let words: Vec<&str> = body.split_whitespace().collect();
        match first {
            'T' => match span(&id, &words, tail, chars) {
                Ok(t) => {
                    self.spans.insert(id, t);
                }
                Err(message) => {
                    self.untrusted.insert(id, line);
                    return Err(format!("{message}; span not trusted"));
                }
            },
            'E' => match event(&id, &words) {
                Ok(e) => self.events.push(Event { line, ..e }),
                Err(message) => return Err(format!("{message}; event skipped")),
            },
            'A' | 'M' => match words.as_slice() {
                [kind, target] | [kind, target, _] => self.attributes.push(Item {
                    kind: kind.to_string(),
                    target: target.to_string(),
                    value: words.get(2).map(|v| v.to_string()),
                    text: None,
                    line,
                }),
                _ => {
                    return Err(format!(
                        "{id}: expected `{id}<TAB>NAME TARGET [VALUE]`, found {body:?}; attribute skipped"
                    ));
                }
            },
            'R' => match relation(&id, &words) {
                Ok((kind, a1, a2)) => self.relations.push(Item {
                    kind,
                    target: a1,
                    value: Some(a2),
                    text: None,
                    line,
                }),
                Err(message) => return Err(format!("{message}; relation skipped")),
            },
            'N' => match words.as_slice() {
                [kind, target, reference] if reference.contains(':') => {
                    self.normalizations.push(Item {
                        kind: kind.to_string(),
                        target: target.to_string(),
                        value: Some(reference.to_string()),
                        text: tail.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
                        line,
                    })
                }
                _ => {
                    return Err(format!(
                        "{id}: expected `{id}<TAB>Reference TARGET NAMESPACE:ID<TAB>NAME`, found {body:?}; normalisation skipped"
                    ));
                }
            },
            '#' => match (words.as_slice(), tail) {
                ([kind, target], Some(text)) => self.notes.push(Item {
                    kind: kind.to_string(),
                    target: target.to_string(),
                    value: Some(text.to_string()),
                    text: None,
                    line,
                }),
                _ => {
                    return Err(format!(
                        "{id}: expected `{id}<TAB>AnnotatorNotes TARGET<TAB>TEXT`; note skipped"
                    ));
                }
            },
            _ => {} // `*` equivalence sets are not used.
        }
        Ok(())
    }
}

/// `Type START END[;START END]...` and the stored text, checked against the document.
fn span(id: &str, words: &[&str], tail: Option<&str>, doc: Text) -> Result<TextBound, String> {
    let expected = format!("expected `{id}<TAB>TYPE START END[;START END]<TAB>TEXT`");
    let Some((_kind, offsets)) = words.split_first() else {
        return Err(format!("{id}: no type: {expected}"));
    };
    let Some(text) = tail else {
        return Err(format!("{id}: no text after the offsets: {expected}"));
    };
    let offsets = offsets.join(" ");
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for piece in offsets.split(';') {
        let numbers: Vec<Option<usize>> =
            piece.split_whitespace().map(|n| n.parse().ok()).collect();
        let (start, end) = match numbers.as_slice() {
            [Some(s), Some(e)] => (*s, *e),
            _ => {
                return Err(format!(
                    "{id}: bad offsets {offsets:?}: {expected} with character offsets"
                ));
            }
        };
        let len = doc.chars.len() + usize::from(doc.bom);
        if start > end || end > len {
            return Err(format!(
                "{id}: offsets {start} {end} are not a range inside the text (0..{len} characters)"
            ));
        }
        pieces.push((start, end));
    }
    // Pieces may be listed in any order (brat keeps the order they were selected in);
    // they may not share characters.
    if let Some((a, b)) = overlap(&pieces) {
        return Err(format!(
            "{id}: pieces {} {} and {} {} overlap: a character can be in one piece only",
            a.0, a.1, b.0, b.1
        ));
    }
    // brat writes line breaks inside a span's text as spaces.
    let said = text.replace('\t', " ");
    let mut first_found = None;
    for shift in [usize::from(doc.bom), 0] {
        let Some(found) = pieces_text(doc.chars, &pieces, shift) else {
            continue;
        };
        if found.replace(['\n', '\r', '\t'], " ") == said {
            let pieces = pieces
                .iter()
                .map(|&(s, e)| (s - shift, e - shift))
                .collect();
            return Ok(TextBound {
                pieces,
                text: found,
            });
        }
        first_found.get_or_insert(found);
    }
    Err(format!(
        "{id}: offsets {offsets} hold {:?} in the text but the line says {:?} (offsets count Unicode characters)",
        preview(&first_found.unwrap_or_default()),
        preview(text)
    ))
}

/// The text of `pieces` counted `shift` characters late, joined by one space in their
/// order; `None` if one falls outside the text.
fn pieces_text(chars: &[char], pieces: &[(usize, usize)], shift: usize) -> Option<String> {
    let texts = pieces
        .iter()
        .map(|&(s, e)| {
            let range = s.checked_sub(shift)?..e.checked_sub(shift)?;
            chars.get(range).map(|c| c.iter().collect::<String>())
        })
        .collect::<Option<Vec<_>>>()?;
    Some(texts.join(" "))
}

/// Two pieces that share characters, if any (pieces in any order).
pub fn overlap(pieces: &[(usize, usize)]) -> Option<((usize, usize), (usize, usize))> {
    let mut sorted = pieces.to_vec();
    sorted.sort_unstable();
    sorted
        .windows(2)
        .find(|w| w[1].0 < w[0].1)
        .map(|w| (w[0], w[1]))
}

/// `Type:Trigger Role:Id ...`.
fn event(id: &str, words: &[&str]) -> Result<Event, String> {
    let Some((head, args)) = words.split_first() else {
        return Err(format!(
            "{id}: expected `{id}<TAB>TYPE:TRIGGER ROLE:ID ...`"
        ));
    };
    let (kind, trigger) = match head.split_once(':') {
        Some((k, t)) => (k, Some(t.to_string()).filter(|t| !t.is_empty())),
        None => (*head, None),
    };
    let mut out = Vec::new();
    for arg in args {
        match arg.split_once(':') {
            Some((role, target)) if !role.is_empty() && !target.is_empty() => {
                out.push((role.to_string(), target.to_string()))
            }
            _ => return Err(format!("{id}: argument {arg:?} is not ROLE:ID")),
        }
    }
    Ok(Event {
        id: id.to_string(),
        kind: kind.to_string(),
        trigger,
        args: out,
        line: 0,
    })
}

/// `Type Arg1:Id Arg2:Id`.
fn relation(id: &str, words: &[&str]) -> Result<(String, String, String), String> {
    let target = |w: &str| {
        w.split_once(':')
            .map(|(_, t)| t.to_string())
            .filter(|t| !t.is_empty())
    };
    match words {
        [kind, a1, a2] => match (target(a1), target(a2)) {
            (Some(a1), Some(a2)) => Ok((kind.to_string(), a1, a2)),
            _ => Err(format!("{id}: arguments must be `Arg1:ID Arg2:ID`")),
        },
        _ => Err(format!("{id}: expected `{id}<TAB>TYPE Arg1:ID Arg2:ID`")),
    }
}

fn preview(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
