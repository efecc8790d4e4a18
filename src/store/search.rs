//! Text search over the store: folding statements on the fly, scans, and the word index that answers words without one.

use super::{Store, intersect_sorted, words};
use crate::fold::fold_bytes;
use crate::model::StatementId;
use memchr::memmem;
use rayon::prelude::*;

/// Separates a statement's folded text from its folded translation.
const FIELD_SEP: u8 = 1;
/// Ends a statement's region in a folded chunk.
const RECORD_SEP: u8 = b'\n';

/// Statements per chunk of the search buffer.
const FOLD_CHUNK: usize = 4096;

/// The folded text of up to [`FOLD_CHUNK`] consecutive statements, made when a scan
/// or the word index needs it and dropped after.
#[derive(Debug, Default)]
pub(super) struct FoldedChunk {
    /// Always valid UTF-8 (see [`crate::fold::fold_bytes`]).
    pub text: Vec<u8>,
    /// `text[starts[j]..starts[j + 1]]` is the region of the chunk's statement j.
    pub starts: Vec<u32>,
}

impl Store {
    /// The statement's folded text and translation (separated by `\u{1}`), for
    /// substring tests: made on each call, not kept.
    pub fn folded(&self, id: StatementId) -> String {
        self.with_folded(id, str::to_string)
    }

    /// Appends [`Store::folded`] to `out` as bytes.
    fn fold_bytes_into(&self, id: StatementId, out: &mut Vec<u8>) {
        fold_bytes(self.text(id), out);
        out.push(FIELD_SEP);
        if let Some(t) = self.translation(id) {
            fold_bytes(t, out);
        }
    }

    /// Calls `f` with [`Store::folded`], folded into a buffer of the calling thread.
    pub fn with_folded<R>(&self, id: StatementId, f: impl FnOnce(&str) -> R) -> R {
        self.with_folded_bytes(id, |bytes| f(as_text(bytes).as_ref()))
    }

    /// [`Store::with_folded`] as bytes.
    pub fn with_folded_bytes<R>(&self, id: StatementId, f: impl FnOnce(&[u8]) -> R) -> R {
        thread_local! {
            static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut buffer = BUFFER.take();
        buffer.clear();
        self.fold_bytes_into(id, &mut buffer);
        let result = f(&buffer);
        BUFFER.set(buffer);
        result
    }

    /// The statements of chunk `c` of the store.
    fn chunk_ids(&self, c: usize) -> std::ops::Range<u32> {
        (c * FOLD_CHUNK) as u32..(((c + 1) * FOLD_CHUNK).min(self.len()) as u32)
    }

    /// Folds chunk `c` (statements `c * FOLD_CHUNK..`) of the store.
    fn fold_chunk(&self, c: usize) -> FoldedChunk {
        let size: usize = self
            .chunk_ids(c)
            .map(|i| {
                let id = StatementId(i);
                self.text(id).len() + self.translation(id).map_or(0, str::len) + 2
            })
            .sum();
        let mut chunk = FoldedChunk {
            text: Vec::with_capacity(size + size / 16),
            starts: Vec::with_capacity(FOLD_CHUNK + 1),
        };
        self.fold_chunk_into(c, &mut chunk);
        chunk
    }

    /// [`Store::fold_chunk`] into `chunk`, reusing its buffers: a scan folds chunk
    /// after chunk into the same memory instead of touching fresh pages for each (and
    /// does not measure each chunk first: the buffers grow to the largest and stay).
    fn fold_chunk_into(&self, c: usize, chunk: &mut FoldedChunk) {
        let ids = self.chunk_ids(c);
        let FoldedChunk { text, starts } = chunk;
        text.clear();
        starts.clear();
        // Offsets fit in u32: statement spans are u32 byte offsets, and a chunk's
        // translations would need to average 1 MB to overflow.
        let offset = |text: &Vec<u8>| u32::try_from(text.len()).expect("search chunk under 4 GB");
        for i in ids {
            starts.push(offset(text));
            self.fold_bytes_into(StatementId(i), text);
            text.push(RECORD_SEP);
        }
        starts.push(offset(text));
    }

    fn chunks(&self) -> usize {
        self.len().div_ceil(FOLD_CHUNK)
    }

    /// Every statement whose folded text or translation contains `needle`
    /// (already folded), chronologically, found by folding and scanning every statement.
    /// Once [`Store::prepare_search`] has run, a needle of letters and digits only is
    /// looked up in the word index instead.
    pub fn containing(&self, needle: &str) -> Vec<StatementId> {
        self.containing_unless(needle, &|| false)
            .unwrap_or_default()
    }

    /// [`Store::containing`] that gives up (`None`) soon after `cancelled` turns true,
    /// should it have to scan (see [`Store::scan_containing_unless`]).
    pub fn containing_unless(
        &self,
        needle: &str,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<StatementId>> {
        // The word index has nothing for an empty needle; the scan answers it at once.
        match self.indexed_containing(needle) {
            Some(found) => Some(found),
            None => self.scan_containing_unless(needle, cancelled),
        }
    }

    /// [`Store::containing`] through the word index, when it is built and `needle` has
    /// a word in it. A needle of several words (`"nuclear d"`) occurs only in statements
    /// that hold each of its words inside one of theirs: those few are checked in full.
    pub fn indexed_containing(&self, needle: &str) -> Option<Vec<StatementId>> {
        let index = self.word_index.get()?;
        if words::is_word(needle) {
            return Some(index.containing(needle));
        }
        // A piece with a separator before it in the needle begins a word of the text,
        // one with a separator after it ends one.
        let pieces: Vec<&str> = needle.split(|c: char| !c.is_alphanumeric()).collect();
        let last = pieces.len() - 1;
        let mut lists: Vec<Vec<StatementId>> = pieces
            .iter()
            .enumerate()
            .filter(|(_, w)| !w.is_empty())
            .map(|(i, w)| index.containing_aligned(w, i > 0, i < last))
            .collect();
        lists.sort_by_key(Vec::len);
        let mut lists = lists.into_iter();
        let mut candidates = lists.next()?;
        for list in lists {
            candidates = intersect_sorted(&candidates, &list);
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        Some(
            candidates
                .into_par_iter()
                .filter(|&id| self.with_folded_bytes(id, |f| finder.find(f).is_some()))
                .collect(),
        )
    }

    /// Builds the word index, after which single-word searches no longer scan the
    /// whole search buffer: worth it for interactive use (the TUI can call this in the
    /// background right after loading), not for one search from the command line.
    pub fn prepare_search(&self) {
        self.word_index.get_or_init(|| {
            words::WordIndex::build(
                self.chunks(),
                &|c| self.fold_chunk(c),
                FOLD_CHUNK,
                self.len(),
                &|| false,
            )
            .unwrap_or_default()
        });
    }

    /// [`Store::prepare_search`] that gives up (leaving the store without a word index)
    /// soon after `cancelled` turns true: a browser quitting does not wait for it.
    pub fn prepare_search_unless(&self, cancelled: &(dyn Fn() -> bool + Sync)) {
        if self.word_index.get().is_some() {
            return;
        }
        if let Some(index) = words::WordIndex::build(
            self.chunks(),
            &|c| self.fold_chunk(c),
            FOLD_CHUNK,
            self.len(),
            cancelled,
        ) {
            let _ = self.word_index.set(index);
        }
    }

    /// [`Store::containing`] by one scan of the whole search buffer, without the word index.
    pub fn scan_containing(&self, needle: &str) -> Vec<StatementId> {
        self.scan_containing_unless(needle, &|| false)
            .unwrap_or_default()
    }

    /// [`Store::scan_containing`] that gives up (`None`) soon after `cancelled` turns
    /// true: it is asked between chunks of [`FOLD_CHUNK`] statements (about a
    /// millisecond each), so a run nobody waits for any more stops at once.
    pub fn scan_containing_unless(
        &self,
        needle: &str,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<StatementId>> {
        if needle.is_empty() {
            return Some(self.all_ids().collect());
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        let found: Option<Vec<Vec<StatementId>>> = (0..self.chunks())
            .into_par_iter()
            .map_init(FoldedChunk::default, |chunk, c| {
                if cancelled() {
                    return None;
                }
                self.fold_chunk_into(c, chunk);
                let mut out: Vec<StatementId> = Vec::new();
                let hay = chunk.text.as_slice();
                let first = c * FOLD_CHUNK;
                let mut from = 0;
                while let Some(pos) = finder.find(&hay[from..]) {
                    let at = (from + pos) as u32;
                    let j = chunk.starts.partition_point(|&start| start <= at) - 1;
                    out.push(StatementId((first + j) as u32));
                    from = chunk.starts[j + 1] as usize;
                }
                Some(out)
            })
            .collect();
        found.map(|parts| parts.concat())
    }
}

/// Folded bytes as text: they are valid UTF-8 by construction, checked here (with
/// SIMD, a fraction of the folding's cost) because the crate uses no `unsafe`.
pub(crate) fn as_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
