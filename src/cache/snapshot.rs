//! The snapshot file: a versioned header naming what it was built from, then the store's parts in checksummed postcard frames decoded in parallel.
//!
//! Layout: `MAGIC`, [`FORMAT`] (u32 LE), the header's length (u64 LE), the header
//! (postcard), then the frames back to back: actors, topics and diagnostics in one,
//! then the articles and the statements in chunks, each listed in the header with its
//! length and CRC-32.

use super::fingerprint::{FileState, Stamp};
use crate::diagnostic::Diagnostic;
use crate::loader::{LoadProgress, Loaded};
use crate::model::{Actor, Article, Statement};
use crate::store::Store;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::Ordering;

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"DMRCHSNP";
/// Bumped whenever the layout or the serialised model changes.
pub const FORMAT: u32 = 2;
/// What snapshot files are named `HASH.EXT` with.
pub const EXT: &str = "demarche-snapshot";

const PREFIX: usize = 8 + 4 + 8;
/// A header is a few bytes per input file; anything larger is not one of ours.
const MAX_HEADER: u64 = 1 << 30;
const ARTICLES_PER_FRAME: usize = 4096;
const STATEMENTS_PER_FRAME: usize = 16384;

/// What a snapshot is only valid for: the same program reading the same files the same way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// The crate version.
    pub version: String,
    /// The executable that wrote it (a rebuilt loader may load differently).
    pub build: Option<FileState>,
    /// The loader's limits (they decide what is skipped).
    pub limits: [u64; 4],
    /// Each path as given and canonicalised, in the order given.
    pub inputs: Vec<(Vec<u8>, Vec<u8>)>,
    /// Every file the load may read (see [`super::fingerprint`]).
    pub files: Vec<Stamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Frame {
    len: u64,
    crc: u32,
}

/// The key and where each frame is.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    pub key: Key,
    /// The frame of actors, topics and diagnostics, then the article and statement frames.
    frames: Vec<Frame>,
    article_frames: u32,
}

impl Header {
    fn body_len(&self) -> u64 {
        self.frames
            .iter()
            .fold(0u64, |sum, f| sum.saturating_add(f.len))
    }
}

#[derive(Serialize)]
struct RestRef<'a> {
    actors: &'a [Actor],
    topics: &'a [String],
    diagnostics: &'a [Diagnostic],
}

#[derive(Deserialize)]
struct Rest {
    actors: Vec<Actor>,
    topics: Vec<String>,
    diagnostics: Vec<Diagnostic>,
}

/// Why a snapshot could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("not a valid snapshot: {0}")]
    Corrupt(String),
}

fn corrupt(what: impl Into<String>) -> SnapshotError {
    SnapshotError::Corrupt(what.into())
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Result<(Vec<u8>, Frame), SnapshotError> {
    let bytes = postcard::to_stdvec(value).map_err(|e| corrupt(e.to_string()))?;
    let frame = Frame {
        len: bytes.len() as u64,
        crc: crc32fast::hash(&bytes),
    };
    Ok((bytes, frame))
}

/// Items `0..n` (made by `item`), `per_frame` items a frame, frames encoded in parallel.
fn encode_rows<T: Serialize>(
    n: usize,
    per_frame: usize,
    item: impl Fn(usize) -> T + Sync,
) -> Result<Vec<(Vec<u8>, Frame)>, SnapshotError> {
    (0..n.div_ceil(per_frame))
        .into_par_iter()
        .map(|c| {
            let items: Vec<T> = (c * per_frame..((c + 1) * per_frame).min(n))
                .map(&item)
                .collect();
            encode(&items)
        })
        .collect()
}

/// Writes `loaded` as a snapshot for `key` to `file`: a temporary file in the same
/// folder, renamed over `file` once complete, so a reader never sees half a snapshot.
pub fn write(file: &Path, key: Key, loaded: &Loaded) -> Result<(), SnapshotError> {
    let store = &loaded.store;
    let rest = RestRef {
        actors: &store.actors,
        topics: &store.topics,
        diagnostics: &loaded.diagnostics,
    };
    let (rest, (articles, statements)) = rayon::join(
        || encode(&rest),
        || {
            rayon::join(
                || {
                    encode_rows(store.article_count(), ARTICLES_PER_FRAME, |i| {
                        store.article(crate::model::ArticleId(i as u32))
                    })
                },
                || {
                    encode_rows(store.len(), STATEMENTS_PER_FRAME, |i| {
                        store.statement(crate::model::StatementId(i as u32))
                    })
                },
            )
        },
    );
    let (articles, statements) = (articles?, statements?);
    let article_frames = u32::try_from(articles.len()).map_err(|e| corrupt(e.to_string()))?;
    let parts: Vec<(Vec<u8>, Frame)> = std::iter::once(rest?)
        .chain(articles)
        .chain(statements)
        .collect();
    let header = Header {
        key,
        frames: parts.iter().map(|(_, f)| *f).collect(),
        article_frames,
    };
    let header = postcard::to_stdvec(&header).map_err(|e| corrupt(e.to_string()))?;
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".")
        .suffix(&format!(".{EXT}"))
        .tempfile_in(dir)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, temp);
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    out.write_all(&(header.len() as u64).to_le_bytes())?;
    out.write_all(&header)?;
    for (bytes, _) in &parts {
        out.write_all(bytes)?;
    }
    let temp = out.into_inner().map_err(|e| e.into_error())?;
    // No fsync: after a crash a snapshot may be short or hold zeros, but its length,
    // magic and frame checksums make that a miss, and it is a cache; syncing would
    // slow every first run (BENCHMARKS.md, section 6).
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// Reads the header of the snapshot in `file`, leaving the reader at the first frame.
pub fn read_header(file: &mut std::fs::File) -> Result<Header, SnapshotError> {
    let len = file.metadata()?.len();
    let mut prefix = [0u8; PREFIX];
    file.read_exact(&mut prefix)
        .map_err(|_| corrupt("shorter than its prefix"))?;
    if &prefix[..8] != MAGIC {
        return Err(corrupt("no snapshot magic"));
    }
    let format = u32::from_le_bytes([prefix[8], prefix[9], prefix[10], prefix[11]]);
    if format != FORMAT {
        return Err(corrupt(format!("format {format}, not {FORMAT}")));
    }
    let mut size = [0u8; 8];
    size.copy_from_slice(&prefix[12..]);
    let header_len = u64::from_le_bytes(size);
    if header_len > MAX_HEADER || header_len > len.saturating_sub(PREFIX as u64) {
        return Err(corrupt("header longer than the file"));
    }
    let mut header = vec![0u8; header_len as usize];
    file.read_exact(&mut header)?;
    let header: Header = postcard::from_bytes(&header).map_err(|e| corrupt(e.to_string()))?;
    if Some(len) != (PREFIX as u64 + header_len).checked_add(header.body_len()) {
        return Err(corrupt("the file's length does not match its header"));
    }
    Ok(header)
}

/// The load stored in `file` if it was written for `key`; `Ok(None)` when it was
/// written for other inputs (or another build), an error when it is unreadable or
/// damaged. Counts the bytes read in `progress`. Frames are read one at a time and
/// decoded in parallel as they arrive, so reading overlaps decoding.
pub fn read(
    file: &Path,
    key: &Key,
    progress: &LoadProgress,
) -> Result<Option<Loaded>, SnapshotError> {
    let mut file = std::fs::File::open(file)?;
    let header = read_header(&mut file)?;
    if header.key != *key {
        return Ok(None);
    }
    progress.from_cache.store(true, Ordering::Relaxed);
    progress.bytes.store(header.body_len(), Ordering::Relaxed);
    let mut at = file.stream_position()?;
    let mut frames = Vec::with_capacity(header.frames.len());
    for frame in &header.frames {
        frames.push((at, *frame));
        at += frame.len;
    }
    let Some((rest, frames)) = frames.split_first() else {
        return Err(corrupt("no frames"));
    };
    let (articles, statements) =
        frames.split_at((header.article_frames as usize).min(frames.len()));
    let reader = Frames {
        file: Mutex::new(file),
        progress,
    };
    let (rest, (articles, statements)) = rayon::join(
        || reader.decode::<Rest>(*rest),
        || {
            rayon::join(
                || reader.decode_all::<Article>(articles),
                || reader.decode_all::<Statement>(statements),
            )
        },
    );
    let (rest, articles, statements) = (rest?, articles?, statements?);
    progress.merging.store(true, Ordering::Relaxed);
    super::validate::check(&articles, &rest.actors, &rest.topics, &statements).map_err(corrupt)?;
    let store = Store::build(articles, rest.actors, rest.topics, statements);
    Ok(Some(Loaded {
        store,
        diagnostics: rest.diagnostics,
    }))
}

/// The open snapshot, read frame by frame from any thread.
struct Frames<'a> {
    file: Mutex<std::fs::File>,
    progress: &'a LoadProgress,
}

impl Frames<'_> {
    /// The frame's bytes, checked against its checksum.
    fn bytes(&self, (offset, frame): (u64, Frame)) -> Result<Vec<u8>, SnapshotError> {
        let len = usize::try_from(frame.len).map_err(|e| corrupt(e.to_string()))?;
        let mut bytes = vec![0u8; len];
        {
            let mut file = self.file.lock().map_err(|_| corrupt("a reader panicked"))?;
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut bytes)?;
        }
        self.progress.read(len);
        if crc32fast::hash(&bytes) != frame.crc {
            return Err(corrupt("checksum mismatch"));
        }
        Ok(bytes)
    }

    fn decode<T: DeserializeOwned>(&self, frame: (u64, Frame)) -> Result<T, SnapshotError> {
        match postcard::take_from_bytes(&self.bytes(frame)?) {
            Ok((value, [])) => Ok(value),
            Ok(_) => Err(corrupt("trailing bytes in a frame")),
            Err(e) => Err(corrupt(e.to_string())),
        }
    }

    fn decode_all<T: DeserializeOwned + Send>(
        &self,
        frames: &[(u64, Frame)],
    ) -> Result<Vec<T>, SnapshotError> {
        let parts: Vec<Vec<T>> = frames
            .par_iter()
            .map(|f| self.decode::<Vec<T>>(*f))
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            out.extend(part);
        }
        Ok(out)
    }
}
