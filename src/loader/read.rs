//! Reading input files within memory limits: whole `.json` documents up to a size, `.jsonl` in blocks of lines; counting the bytes read.

use super::native;
use super::pending::Pending;
use super::progress::LoadProgress;
use crate::diagnostic::Diagnostic;
use std::io::Read;
use std::path::Path;

/// How much of a file the loader holds in memory at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest `.json` file (one document) read whole; larger ones are refused.
    pub max_document: u64,
    /// The longest `.jsonl` line (one article); longer lines are skipped.
    pub max_line: usize,
    /// `.jsonl` files are parsed in blocks of about this many bytes of whole lines.
    pub block: usize,
    /// At most this many diagnostics are kept for one `.jsonl` file; the rest are counted.
    pub max_listed: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document: 512 << 20,
            max_line: 256 << 20,
            block: 64 << 20,
            max_listed: 1_000,
        }
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// Makes an I/O error on file `name` a diagnostic.
fn cannot_read(name: &str) -> impl Fn(std::io::Error) -> Box<Diagnostic> + Copy + '_ {
    move |e| {
        Box::new(Diagnostic::at(
            name,
            None,
            None,
            format!("cannot read: {e}"),
        ))
    }
}

/// Opens `path` for reading if it is a regular file (its links followed). A named
/// pipe is opened without waiting for a writer, so that it is refused, not waited on;
/// the check is made on the file opened, so a file swapped for a pipe after the walk
/// looked at it is refused too.
pub fn open_regular(path: &Path, name: &str) -> Result<std::fs::File, Box<Diagnostic>> {
    let cannot = cannot_read(name);
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    match super::walk::Kind::of(&meta) {
        super::walk::Kind::File => Ok(file),
        super::walk::Kind::Folder => Err(cannot(std::io::ErrorKind::IsADirectory.into())),
        super::walk::Kind::Special(what) => Err(Box::new(Diagnostic::at(
            name,
            None,
            None,
            super::walk::special_message(what, true),
        ))),
    }
}

/// Reads a `.json` file whole, refusing one larger than `limits.max_document`.
pub fn whole(path: &Path, name: &str, limits: &Limits) -> Result<Vec<u8>, Box<Diagnostic>> {
    let cannot = cannot_read(name);
    let file = open_regular(path, name)?;
    let size = file.metadata().map_err(cannot)?.len();
    if size > limits.max_document {
        return Err(Box::new(Diagnostic::at(
            name,
            None,
            None,
            format!(
                "file is {}; a .json document may be at most {}: write one article per line in a .jsonl file instead; file skipped",
                megabytes(size),
                megabytes(limits.max_document)
            ),
        )));
    }
    // Never more than the limit, should the file grow while it is read.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_document)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    Ok(bytes)
}

/// Parses a `.jsonl` file block by block, so memory holds one block of lines
/// (plus the store being built) however large the file is.
pub fn json_lines(path: &Path, name: &str, limits: &Limits, progress: &LoadProgress) -> Pending {
    let mut file = match open_regular(path, name) {
        Ok(f) => f,
        Err(d) => {
            let mut out = Pending::default();
            out.diagnostics.push(*d);
            return out;
        }
    };
    // Read straight into the block, sized once for the whole file (up to a block and
    // one read more), so that its bytes are neither copied again nor reallocated as it grows.
    let step = (limits.block / 4).clamp(1, 4 << 20);
    let size = file
        .metadata()
        .map_or(0, |m| m.len())
        .min(limits.block as u64) as usize;
    let mut blocks = Blocks {
        name,
        limits,
        block: Vec::with_capacity(size.saturating_add(step)),
        first_line: 1,
        skipping: None,
        any_content: false,
        unlisted: 0,
        out: Pending::default(),
    };
    loop {
        let before = blocks.block.len();
        match file
            .by_ref()
            .take(step as u64)
            .read_to_end(&mut blocks.block)
        {
            Ok(0) => break,
            Ok(n) => progress.read(n),
            Err(e) => {
                let error = format!("read error: {e}; the rest of the file is skipped");
                let at = Diagnostic::at(name, Some(blocks.first_line), None, error);
                blocks.out.diagnostics.push(at);
                return blocks.out;
            }
        }
        blocks.took(before);
    }
    blocks.finish()
}

/// A `.jsonl` file being parsed: the lines read and not yet parsed, and what is
/// known of the file so far.
struct Blocks<'a> {
    name: &'a str,
    limits: &'a Limits,
    block: Vec<u8>,
    /// The line number of the first line in `block`.
    first_line: usize,
    /// Skipping the rest of an overlong line, which started on this line number.
    skipping: Option<usize>,
    any_content: bool,
    /// Diagnostics dropped past the file's limit.
    unlisted: usize,
    out: Pending,
}

impl Blocks<'_> {
    /// Takes the bytes read into the block after `before`: parses its whole lines
    /// once it is full, and drops a line longer than the limit.
    fn took(&mut self, before: usize) {
        let (name, limits) = (self.name, self.limits);
        if !self.any_content {
            self.any_content = self.block[before..]
                .iter()
                .any(|b| !b.is_ascii_whitespace());
        }
        if let Some(line) = self.skipping {
            let Some(end) = memchr::memchr(b'\n', &self.block[before..]) else {
                self.block.truncate(before);
                return;
            };
            self.skipping = None;
            self.first_line = line + 1;
            self.block.drain(before..=before + end);
        }
        if self.block.len() >= limits.block
            && let Some(end) = memchr::memrchr(b'\n', &self.block)
        {
            self.first_line =
                parse_block(name, &self.block[..=end], self.first_line, &mut self.out);
            self.block.drain(..=end);
            self.unlisted += cap(&mut self.out.diagnostics, limits.max_listed);
        }
        // What is left is whole lines shorter than a block, or the start of one line.
        if self.block.len() > limits.max_line && memchr::memchr(b'\n', &self.block).is_none() {
            self.out
                .diagnostics
                .push(overlong(name, self.first_line, limits));
            self.skipping = Some(self.first_line);
            self.block.clear();
        }
    }

    /// Parses the last lines and says what was left unlisted, or that the file is empty.
    fn finish(mut self) -> Pending {
        let name = self.name;
        if !self.block.is_empty() && self.skipping.is_none() {
            parse_block(name, &self.block, self.first_line, &mut self.out);
        }
        let unlisted = self.unlisted + cap(&mut self.out.diagnostics, self.limits.max_listed);
        if unlisted > 0 {
            self.out.diagnostics.push(Diagnostic::at(
                name,
                None,
                None,
                format!("{unlisted} more problem(s) in this file not listed; fix the ones above and check again"),
            ));
        }
        if !self.any_content {
            self.out.diagnostics.push(Diagnostic::at(
                name,
                Some(1),
                Some(1),
                "empty file: expected one demarche article document per line; file skipped",
            ));
        }
        self.out
    }
}

/// Drops diagnostics past the first `max`, returning how many were dropped.
fn cap(diagnostics: &mut Vec<Diagnostic>, max: usize) -> usize {
    let extra = diagnostics.len().saturating_sub(max);
    diagnostics.truncate(max);
    extra
}

fn overlong(name: &str, line: usize, limits: &Limits) -> Diagnostic {
    Diagnostic::at(
        name,
        Some(line),
        Some(1),
        format!(
            "line is longer than {}: one article per line may be at most that long; line skipped",
            megabytes(limits.max_line as u64)
        ),
    )
}

/// Parses whole lines starting at `first_line`; returns the line number after them.
fn parse_block(name: &str, block: &[u8], first_line: usize, out: &mut Pending) -> usize {
    let (parsed, ends) = native::parse_lines(name, block, first_line);
    out.append(parsed);
    first_line + ends
}
