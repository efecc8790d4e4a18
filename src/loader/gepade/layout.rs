//! The two GEPADE JSON layouts, recognised by shape and read into one form: sentences of tokens, annotations with their lines.

use crate::diagnostic::Diagnostic;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};

/// Which layout a file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `{"Sentences": [{"SentenceId", "Tokens"}], "Annotations": [...]}`.
    Sentences,
    /// `{"1": {"Tokens", "Annotations"}, "2": ...}`, keyed 1-based by sentence.
    Keyed,
}

/// The layout a `.json` file has, from its first key: `Sentences` or `Annotations`
/// for the first, a number for the second. Our own format never starts so.
pub fn layout(bytes: &[u8]) -> Option<Layout> {
    let mut rest = bytes.iter().copied().skip_while(u8::is_ascii_whitespace);
    if rest.next() != Some(b'{') {
        return None;
    }
    let mut rest = rest.skip_while(u8::is_ascii_whitespace);
    if rest.next() != Some(b'"') {
        return None;
    }
    let key: Vec<u8> = rest.take_while(|&b| b != b'"').take(16).collect();
    match key.as_slice() {
        b"Sentences" | b"Annotations" => Some(Layout::Sentences),
        k if !k.is_empty() && k.len() < 16 && k.iter().all(u8::is_ascii_digit) => {
            Some(Layout::Keyed)
        }
        _ => None,
    }
}

/// One annotation: each role a list of `"<sentence>:<token>"` references.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Annotation {
    #[serde(rename = "Cue")]
    pub cue: Vec<String>,
    #[serde(rename = "PTC")]
    pub ptc: Vec<String>,
    #[serde(rename = "Source")]
    pub source: Vec<String>,
    #[serde(rename = "Message")]
    pub message: Vec<String>,
    #[serde(rename = "Addr")]
    pub addr: Vec<String>,
    #[serde(rename = "Topic")]
    pub topic: Vec<String>,
    #[serde(rename = "Medium")]
    pub medium: Vec<String>,
    #[serde(rename = "Evidence")]
    pub evidence: Vec<String>,
}

/// A speech in either layout: its sentences in order, the sentence numbers its
/// references use, and every annotation (in file order) with its number (from 1,
/// counting those that could not be read) and the line it starts on.
#[derive(Debug, Default)]
pub struct Speech {
    pub sentences: Vec<Vec<String>>,
    /// The number a reference gives a sentence, to its index in `sentences`.
    pub numbers: HashMap<u64, usize>,
    pub annotations: Vec<(usize, usize, Annotation)>,
    /// How many annotations the file has, read or not.
    pub total: usize,
}

#[derive(Deserialize)]
struct SentencesDoc<'a> {
    #[serde(rename = "Sentences")]
    sentences: Vec<Sentence>,
    #[serde(rename = "Annotations", borrow, default)]
    annotations: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Sentence {
    #[serde(rename = "SentenceId")]
    id: u64,
    #[serde(rename = "Tokens")]
    tokens: Vec<String>,
}

#[derive(Deserialize)]
struct KeyedSentence<'a> {
    #[serde(rename = "Tokens")]
    tokens: Vec<String>,
    #[serde(rename = "Annotations", borrow, default)]
    annotations: Vec<&'a RawValue>,
}

/// Reads a file of either layout; an error (the file is skipped) when its shape is
/// not the layout's. An annotation that is not of the expected shape is reported and
/// skipped, the rest are kept.
pub fn read(file: &str, bytes: &[u8], layout: Layout, out: &mut Vec<Diagnostic>) -> Option<Speech> {
    let fail = |e: serde_json::Error, what: &str| {
        Diagnostic::at(
            file,
            Some(e.line()),
            Some(e.column()).filter(|&c| c > 0),
            format!("not a GEPADE speech ({what}): {e}; file skipped"),
        )
    };
    let mut speech = Speech::default();
    let raw = match layout {
        Layout::Sentences => {
            let doc: SentencesDoc = serde_json::from_slice(bytes)
                .map_err(|e| {
                    out.push(fail(
                        e,
                        "`Sentences` with `SentenceId` and `Tokens`, and `Annotations`",
                    ))
                })
                .ok()?;
            for (i, s) in doc.sentences.into_iter().enumerate() {
                if let std::collections::hash_map::Entry::Vacant(e) = speech.numbers.entry(s.id) {
                    e.insert(i);
                } else {
                    let twice = format!(
                        "SentenceId {} is given twice; references to it mean the first",
                        s.id
                    );
                    out.push(Diagnostic::at(file, None, None, twice).warning());
                }
                speech.sentences.push(s.tokens);
            }
            doc.annotations
        }
        Layout::Keyed => {
            let doc: BTreeMap<String, KeyedSentence> = serde_json::from_slice(bytes)
                .map_err(|e| {
                    out.push(fail(
                        e,
                        "sentences keyed by number, each with `Tokens` and `Annotations`",
                    ))
                })
                .ok()?;
            let mut numbered = Vec::with_capacity(doc.len());
            for (key, sentence) in doc {
                match key.parse::<u64>() {
                    Ok(n) => numbered.push((n, sentence)),
                    Err(_) => {
                        out.push(Diagnostic::at(
                            file,
                            None,
                            None,
                            format!("key {key:?} is not a sentence number: expected sentences keyed 1, 2, 3, ...; file skipped"),
                        ));
                        return None;
                    }
                }
            }
            numbered.sort_by_key(|(n, _)| *n);
            let mut raw = Vec::new();
            for (i, (n, sentence)) in numbered.into_iter().enumerate() {
                speech.numbers.insert(n, i);
                speech.sentences.push(sentence.tokens);
                raw.extend(sentence.annotations);
            }
            raw
        }
    };
    speech.total = raw.len();
    for (n, annotation) in raw.into_iter().enumerate() {
        let line = line_of(bytes, annotation);
        match serde_json::from_str::<Annotation>(annotation.get()) {
            Ok(a) => speech.annotations.push((n + 1, line, a)),
            Err(e) => out.push(
                Diagnostic::at(
                    file,
                    Some(line),
                    None,
                    format!(
                        "{}: expected roles as lists of \"<sentence>:<token>\" strings; annotation skipped",
                        without_position(&e)
                    ),
                )
                .in_item(&format!("annotation a{}", n + 1), "roles"),
            ),
        }
    }
    Some(speech)
}

/// The line on which `raw`, a slice of `bytes`, starts.
fn line_of(bytes: &[u8], raw: &RawValue) -> usize {
    let offset = (raw.get().as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
    1 + bytes
        .get(..offset)
        .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
}

/// A serde error without its ` at line L column C` (the annotation's line is given).
fn without_position(e: &serde_json::Error) -> String {
    let e = e.to_string();
    e.find(" at line ")
        .map_or(e.clone(), |i| e[..i].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_tells_the_layout() {
        assert_eq!(layout(b" {\n \"Sentences\": []}"), Some(Layout::Sentences));
        assert_eq!(layout(b"{\"Annotations\": []}"), Some(Layout::Sentences));
        assert_eq!(layout(b"{ \"1\": {}}"), Some(Layout::Keyed));
        assert_eq!(layout(b"{\"format\": \"demarche\"}"), None);
        assert_eq!(layout(b"{\"article\": {}}"), None);
        assert_eq!(layout(b"[{\"id\": 1}]"), None);
        assert_eq!(layout(b""), None);
    }

    #[test]
    fn both_layouts_read_the_same_speech() {
        let a = br#"{"Sentences": [{"SentenceId": 0, "Tokens": ["Ich", "sage", "Ja", "."]}],
            "Annotations": [{"Cue": ["0:1"], "Source": ["0:0"], "Message": ["0:2"]}]}"#;
        let b = br#"{"1": {"Tokens": ["Ich", "sage", "Ja", "."],
            "Annotations": [{"Cue": ["1:1"], "Source": ["1:0"], "Message": ["1:2"]}]}}"#;
        let mut out = Vec::new();
        let a = read("a.json", a, Layout::Sentences, &mut out).expect("read");
        let b = read("b.json", b, Layout::Keyed, &mut out).expect("read");
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(a.sentences, b.sentences);
        assert_eq!(a.numbers[&0], 0);
        assert_eq!(b.numbers[&1], 0);
        assert_eq!((a.annotations[0].1, b.annotations[0].1), (2, 2));
        assert_eq!(b.annotations[0].2.message, ["1:2"]);
    }
}
