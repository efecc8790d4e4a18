//! A word index over the folded statement text, built on first use: which statements hold each folded word.

use super::search::FoldedChunk;
use crate::model::StatementId;
use memchr::memmem;
use rayon::prelude::*;
use std::collections::HashMap;

/// The word maps hash with foldhash: SipHash made building the index at 1M take twice as
/// long (one lookup per word of every statement).
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Separates the words of the vocabulary buffer (never part of a word).
const WORD_SEP: char = '\n';

/// For every maximal run of alphanumeric characters ("word") in any statement's folded
/// text or translation, the statements holding it. A needle made only of alphanumeric
/// characters occurs in a region exactly when it occurs inside one of the region's
/// words, so such needles are answered from the (small) vocabulary instead of a scan.
///
/// The lists are stored compactly: a word in at least one statement in eight as a
/// bitmap (one bit per statement), every other word as the gaps between its
/// statements in LEB128 (one byte per gap below 128), all in one buffer.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Every distinct word, each followed by [`WORD_SEP`].
    vocabulary: String,
    /// `vocabulary[starts[w]..starts[w + 1] - 1]` is word `w`.
    starts: Vec<u32>,
    postings: Vec<Postings>,
    /// The gap lists of every [`Postings::Gaps`] word, one after another.
    gaps: Vec<u8>,
    bitmaps: Vec<Box<[u64]>>,
    statements: usize,
}

/// Where one word's statements are.
#[derive(Clone, Copy, Debug)]
enum Postings {
    /// `count` statements, as gaps at `gaps[at..]`.
    Gaps { at: u64, count: u32 },
    /// `bitmaps[i]`.
    Bits(u32),
}

/// Whether a needle can be answered from the word index.
pub fn is_word(needle: &str) -> bool {
    !needle.is_empty() && needle.chars().all(char::is_alphanumeric)
}

fn words(region: &str) -> impl Iterator<Item = &str> {
    Words { rest: region }
}

/// The maximal runs of alphanumeric characters of a text, ASCII bytes classified
/// without decoding (the same runs as splitting at every non-alphanumeric character).
struct Words<'a> {
    rest: &'a str,
}

impl<'a> Words<'a> {
    /// The length of the run of characters at the start of `text` that are (or are not)
    /// alphanumeric.
    fn run(text: &str, alphanumeric: bool) -> usize {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() != alphanumeric {
                    return i;
                }
                i += 1;
            } else if (0xC2..0xE0).contains(&b)
                && let Some(&next) = bytes.get(i + 1)
            {
                // A two-byte character (Latin, Greek, Cyrillic): from a table.
                let u = (usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F);
                if two_byte_alphanumeric()[u - 0x80] != alphanumeric {
                    return i;
                }
                i += 2;
            } else {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    return i;
                };
                if c.is_alphanumeric() != alphanumeric {
                    return i;
                }
                i += c.len_utf8();
            }
        }
        bytes.len()
    }
}

/// Whether each character U+0080..U+0800 is alphanumeric.
fn two_byte_alphanumeric() -> &'static [bool] {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x800u32)
            .map(|u| char::from_u32(u).is_some_and(char::is_alphanumeric))
            .collect()
    })
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let skip = Words::run(self.rest, false);
        let rest = self.rest.get(skip..)?;
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let len = Words::run(rest, true);
        let (word, after) = rest.split_at(len);
        self.rest = after;
        Some(word)
    }
}

/// Appends the ascending `ids` to `out` as LEB128 gaps (the first from -1).
fn encode(ids: &[u32], out: &mut Vec<u8>) {
    let mut prev: i64 = -1;
    for &id in ids {
        let mut gap = (i64::from(id) - prev - 1) as u64;
        prev = i64::from(id);
        while gap >= 0x80 {
            out.push((gap as u8 & 0x7f) | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
    }
}

/// Calls `f` with each of the `count` ids encoded at the start of `bytes`.
fn decode(bytes: &[u8], count: u32, mut f: impl FnMut(u32)) {
    let mut at = 0;
    let mut next: u32 = 0;
    for _ in 0..count {
        let mut gap: u32 = 0;
        let mut shift = 0;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            gap |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                break;
            }
        }
        let id = next + gap;
        f(id);
        next = id + 1;
    }
}

impl WordIndex {
    /// Indexes `chunks` chunks of folded text (`fold(c)` folds chunk `c`, of
    /// `chunk_len` statements), or stops early and returns `None` once `cancelled`
    /// says so.
    pub fn build(
        chunks: usize,
        fold: &(dyn Fn(usize) -> FoldedChunk + Sync),
        chunk_len: usize,
        statements: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<WordIndex> {
        let partial: Vec<Map<Box<str>, Vec<u32>>> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                let mut map: Map<Box<str>, Vec<u32>> = Map::default();
                if cancelled() {
                    return map;
                }
                let chunk = fold(c);
                let text = super::search::as_text(&chunk.text);
                for (j, bounds) in chunk.starts.windows(2).enumerate() {
                    let id = (c * chunk_len + j) as u32;
                    let region = text
                        .get(bounds[0] as usize..bounds[1] as usize)
                        .unwrap_or_default();
                    for word in words(region) {
                        if let Some(list) = map.get_mut(word) {
                            if list.last() != Some(&id) {
                                list.push(id);
                            }
                        } else {
                            map.insert(word.into(), vec![id]);
                        }
                    }
                }
                map
            })
            .collect();
        let mut ids: Map<&str, usize> = Map::default();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut vocabulary = String::new();
        let mut starts = Vec::new();
        for map in &partial {
            if cancelled() {
                return None;
            }
            for (word, list) in map {
                let w = *ids.entry(word).or_insert_with(|| {
                    starts.push(vocabulary.len() as u32);
                    vocabulary.push_str(word);
                    vocabulary.push(WORD_SEP);
                    lists.push(Vec::new());
                    lists.len() - 1
                });
                lists[w].extend_from_slice(list);
            }
        }
        drop(ids);
        drop(partial);
        starts.push(vocabulary.len() as u32);
        let mut postings = Vec::with_capacity(lists.len());
        let mut gaps = Vec::new();
        let mut bitmaps = Vec::new();
        for list in lists {
            if cancelled() {
                return None;
            }
            if list.len().saturating_mul(8) >= statements {
                let mut bits = vec![0u64; statements.div_ceil(64)];
                for id in list {
                    bits[id as usize / 64] |= 1 << (id % 64);
                }
                postings.push(Postings::Bits(bitmaps.len() as u32));
                bitmaps.push(bits.into_boxed_slice());
            } else {
                postings.push(Postings::Gaps {
                    at: gaps.len() as u64,
                    count: list.len() as u32,
                });
                encode(&list, &mut gaps);
            }
        }
        gaps.shrink_to_fit();
        vocabulary.shrink_to_fit();
        Some(WordIndex {
            vocabulary,
            starts,
            postings,
            gaps,
            bitmaps,
            statements,
        })
    }

    /// Every statement with a word containing `needle` (see [`is_word`]), ascending.
    pub fn containing(&self, needle: &str) -> Vec<StatementId> {
        self.containing_aligned(needle, false, false)
    }

    /// [`WordIndex::containing`], counting only words that begin with `needle` when
    /// `start` and end with it when `end` (both: the word itself). A piece of a phrase
    /// with a space before it can only lie at the start of a word, and so on.
    pub fn containing_aligned(&self, needle: &str, start: bool, end: bool) -> Vec<StatementId> {
        let finder = memmem::Finder::new(needle.as_bytes());
        let hay = self.vocabulary.as_bytes();
        let mut found: Vec<usize> = Vec::new();
        let mut from = 0;
        while let Some(pos) = finder.find(&hay[from..]) {
            let at = (from + pos) as u32;
            let w = self.starts.partition_point(|&s| s <= at) - 1;
            let word = &hay[self.starts[w] as usize..self.starts[w + 1] as usize - 1];
            if (!start || word.starts_with(needle.as_bytes()))
                && (!end || word.ends_with(needle.as_bytes()))
            {
                found.push(w);
            }
            from = self.starts[w + 1] as usize;
        }
        match found.as_slice() {
            [] => Vec::new(),
            [w] => match self.postings[*w] {
                Postings::Gaps { at, count } => {
                    let mut out = Vec::with_capacity(count as usize);
                    decode(&self.gaps[at as usize..], count, |id| {
                        out.push(StatementId(id));
                    });
                    out
                }
                Postings::Bits(b) => collect_bits(&self.bitmaps[b as usize]),
            },
            _ => {
                let mut bits = vec![0u64; self.statements.div_ceil(64)];
                for &w in &found {
                    match self.postings[w] {
                        Postings::Gaps { at, count } => {
                            decode(&self.gaps[at as usize..], count, |i| {
                                bits[i as usize / 64] |= 1 << (i % 64);
                            });
                        }
                        Postings::Bits(b) => {
                            let other = &self.bitmaps[b as usize];
                            for (b, o) in bits.iter_mut().zip(other.iter()) {
                                *b |= o;
                            }
                        }
                    }
                }
                collect_bits(&bits)
            }
        }
    }
}

/// The positions of the set bits, ascending, as statement ids.
pub fn collect_bits(bits: &[u64]) -> Vec<StatementId> {
    let mut out = Vec::with_capacity(bits.iter().map(|b| b.count_ones() as usize).sum());
    for (k, &word) in bits.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            let bit = rest.trailing_zeros();
            out.push(StatementId((k * 64) as u32 + bit));
            rest &= rest - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for text in [
            "",
            "die gespräche, «Gespräch» -- nato-gipfel 2025!",
            "  leading and trailing  ",
            "песков\u{1}заявил\nя",
            "ﬁ ǅ İ x²y ٣٤ 中文 a_b ßłø€ĳ",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn gaps_round_trip() {
        let ids = [0, 1, 2, 127, 128, 300, 70_000, 4_000_000, u32::MAX - 1];
        let mut bytes = Vec::new();
        encode(&ids, &mut bytes);
        let mut back = Vec::new();
        decode(&bytes, ids.len() as u32, |id| back.push(id));
        assert_eq!(back, ids);
        // Consecutive ids take one byte each.
        let mut dense = Vec::new();
        encode(&[5, 6, 7, 8], &mut dense);
        assert_eq!(dense, [5, 0, 0, 0]);
    }
}
