//! The extractor's word lists: sectioned text files (`assets/lexicon/de.txt`, `en.txt`) a user can read and extend, parsed into sets.

// foldhash: every word of a text is looked up, several times; SipHash was a tenth of the time.
use foldhash::{HashMap, HashSet};

/// A language's word lists, by section.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    sections: HashMap<String, Vec<String>>,
    words: HashMap<String, HashSet<String>>,
    /// Cue entries (cue verbs, then source-first cues) by their first word, lower-cased
    /// first letter too, so that the rules look up one word instead of every entry.
    cues: HashMap<String, Vec<String>>,
    /// `NAME NUMBER` entries (weekdays, months, day offsets) by section and name.
    numbers: HashMap<String, HashMap<String, i64>>,
    /// `*suffix` entries (titles, role nouns), lower-cased, by section.
    suffixes: HashMap<String, Vec<String>>,
}

/// A lexicon's text that does not parse: the line and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

pub const GERMAN: &str = include_str!("../../assets/lexicon/de.txt");
pub const ENGLISH: &str = include_str!("../../assets/lexicon/en.txt");

impl Lexicon {
    /// The built-in lexicon of `language` (`de` or `en`).
    pub fn builtin(language: &str) -> Lexicon {
        let text = if language == "en" { ENGLISH } else { GERMAN };
        // The built-in files are part of the build and tested to parse.
        Lexicon::parse(text).unwrap_or_default()
    }

    /// Parses `[section]` headings and one entry per line; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        let mut section: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(name.trim().to_string());
                lexicon.sections.entry(name.trim().to_string()).or_default();
                continue;
            }
            let Some(name) = &section else {
                return Err(LexiconError {
                    line: i + 1,
                    message: format!("`{line}` stands before any [section]"),
                });
            };
            lexicon.add(name, line);
        }
        Ok(lexicon)
    }

    fn add(&mut self, section: &str, entry: &str) {
        self.sections
            .entry(section.to_string())
            .or_default()
            .push(entry.to_string());
        self.words
            .entry(section.to_string())
            .or_default()
            .insert(entry.to_string());
        if let Some((name, n)) = entry.rsplit_once(' ')
            && let Ok(n) = n.parse::<i64>()
        {
            self.numbers
                .entry(section.to_string())
                .or_default()
                .insert(name.to_string(), n);
        }
        if let Some(suffix) = entry.strip_prefix('*') {
            self.suffixes
                .entry(section.to_string())
                .or_default()
                .push(suffix.to_lowercase());
        }
        if matches!(section, "cue-verbs" | "source-first") {
            let first = entry.split(' ').next().unwrap_or(entry).to_string();
            self.cues.entry(first).or_default().push(entry.to_string());
        }
    }

    /// The cues (cue verbs and source-first cues) whose first word is `word`.
    pub fn cues_from(&self, word: &str) -> &[String] {
        self.cues.get(word).map_or(&[], Vec::as_slice)
    }

    /// Adds every entry of `other` (a user's additions).
    pub fn extend(&mut self, other: &Lexicon) {
        for (section, entries) in &other.sections {
            for e in entries {
                self.add(section, e);
            }
        }
    }

    /// Whether `word` is an entry of `section` (as written).
    pub fn has(&self, section: &str, word: &str) -> bool {
        self.words.get(section).is_some_and(|s| s.contains(word))
    }

    /// The entries of `section`, in file order.
    pub fn entries(&self, section: &str) -> &[String] {
        self.sections.get(section).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` is a title: an entry, or it ends with a `*suffix` entry
    /// (Bundesverteidigungsminister by `*minister`).
    pub fn is_title(&self, word: &str) -> bool {
        self.matches("titles", word)
    }

    /// Whether `word` names a speaker by role after `der`/`the` (der Minister, the
    /// official): a title, or an entry of `role-nouns` (`*suffix` as for titles).
    pub fn is_role(&self, word: &str) -> bool {
        self.is_title(word) || self.matches("role-nouns", word)
    }

    fn matches(&self, section: &str, word: &str) -> bool {
        if self.has(section, word) {
            return true;
        }
        let Some(suffixes) = self.suffixes.get(section) else {
            return false;
        };
        // Word endings compared without allocating: the suffixes are lower case.
        suffixes.iter().any(|suffix| {
            let mut tail = word.chars().rev().flat_map(char::to_lowercase);
            suffix.chars().rev().all(|c| tail.next() == Some(c))
        })
    }

    /// The number of `name` in a section of `NAME NUMBER` entries.
    pub fn number(&self, section: &str, name: &str) -> Option<i64> {
        self.numbers.get(section)?.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicons_parse_and_hold_their_sections() {
        for text in [GERMAN, ENGLISH] {
            let lexicon = Lexicon::parse(text).expect("parses");
            for section in ["cue-verbs", "titles", "spokesperson", "not-names"] {
                assert!(!lexicon.entries(section).is_empty(), "{section}");
            }
        }
        let de = Lexicon::builtin("de");
        assert!(de.has("cue-verbs", "fügte hinzu"));
        assert!(de.is_title("Bundesverteidigungsminister"));
        assert!(de.is_title("NATO-Generalsekretär"));
        assert!(!de.is_title("Boris"));
    }

    #[test]
    fn an_entry_before_any_section_is_an_error_with_its_line() {
        let err = Lexicon::parse("# comment\nsagte\n").expect_err("no section");
        assert_eq!(err.line, 2);
    }
}
