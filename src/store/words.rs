//! A word index over the search buffer, built on first use: which statements hold each folded word.

use super::FoldedChunk;
use crate::model::StatementId;
use memchr::memmem;
use rayon::prelude::*;
use std::collections::HashMap;

/// Separates the words of the vocabulary buffer (never part of a word).
const WORD_SEP: char = '\n';

/// For every maximal run of alphanumeric characters ("word") in any statement's folded
/// text or translation, the statements holding it. A needle made only of alphanumeric
/// characters occurs in a region exactly when it occurs inside one of the region's
/// words, so such needles are answered from the (small) vocabulary instead of a scan.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Every distinct word, each followed by [`WORD_SEP`].
    vocabulary: String,
    /// `vocabulary[starts[w]..starts[w + 1] - 1]` is word `w`.
    starts: Vec<u32>,
    postings: Vec<Postings>,
    statements: usize,
}

/// The statements holding one word, ascending: a list when few, a bitmap when many.
#[derive(Debug)]
enum Postings {
    List(Box<[u32]>),
    Bits(Box<[u64]>),
}

/// Whether a needle can be answered from the word index.
pub fn is_word(needle: &str) -> bool {
    !needle.is_empty() && needle.chars().all(char::is_alphanumeric)
}

fn words(region: &str) -> impl Iterator<Item = &str> {
    region
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl WordIndex {
    /// Indexes the chunks of the search buffer (`chunk_len` statements per chunk), or
    /// stops early and returns `None` once `cancelled` says so.
    pub fn build(
        chunks: &[FoldedChunk],
        chunk_len: usize,
        statements: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<WordIndex> {
        let partial: Vec<HashMap<&str, Vec<u32>>> = chunks
            .par_iter()
            .enumerate()
            .map(|(c, chunk)| {
                let mut map: HashMap<&str, Vec<u32>> = HashMap::new();
                if cancelled() {
                    return map;
                }
                for (j, bounds) in chunk.starts.windows(2).enumerate() {
                    let id = (c * chunk_len + j) as u32;
                    let region = &chunk.text[bounds[0] as usize..bounds[1] as usize];
                    for word in words(region) {
                        let list = map.entry(word).or_default();
                        if list.last() != Some(&id) {
                            list.push(id);
                        }
                    }
                }
                map
            })
            .collect();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut vocabulary = String::new();
        let mut starts = Vec::new();
        for map in partial {
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
                lists[w].extend_from_slice(&list);
            }
        }
        starts.push(vocabulary.len() as u32);
        let postings = lists
            .into_par_iter()
            .map(|list| {
                if cancelled() {
                    return Postings::List(Box::default());
                }
                if list.len() > statements / 32 {
                    let mut bits = vec![0u64; statements.div_ceil(64)];
                    for id in list {
                        bits[id as usize / 64] |= 1 << (id % 64);
                    }
                    Postings::Bits(bits.into())
                } else {
                    Postings::List(list.into())
                }
            })
            .collect();
        (!cancelled()).then_some(WordIndex {
            vocabulary,
            starts,
            postings,
            statements,
        })
    }

    /// Every statement with a word containing `needle` (see [`is_word`]), ascending.
    pub fn containing(&self, needle: &str) -> Vec<StatementId> {
        let finder = memmem::Finder::new(needle.as_bytes());
        let hay = self.vocabulary.as_bytes();
        let mut found: Vec<usize> = Vec::new();
        let mut from = 0;
        while let Some(pos) = finder.find(&hay[from..]) {
            let at = (from + pos) as u32;
            let w = self.starts.partition_point(|&s| s <= at) - 1;
            found.push(w);
            from = self.starts[w + 1] as usize;
        }
        match found.as_slice() {
            [] => Vec::new(),
            [w] => match &self.postings[*w] {
                Postings::List(list) => list.iter().map(|&i| StatementId(i)).collect(),
                Postings::Bits(bits) => collect_bits(bits),
            },
            _ => {
                let mut bits = vec![0u64; self.statements.div_ceil(64)];
                for &w in &found {
                    match &self.postings[w] {
                        Postings::List(list) => {
                            for &i in list.iter() {
                                bits[i as usize / 64] |= 1 << (i % 64);
                            }
                        }
                        Postings::Bits(other) => {
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
