//! Where in a file a document and the values nested in it start, for diagnostics.

use crate::diagnostic::Diagnostic;
use serde_json::value::RawValue;

/// Where in a file a document starts, to place diagnostics.
pub struct Position<'a> {
    pub file: &'a str,
    /// The line and byte column the current document starts at.
    pub line: usize,
    pub column: usize,
    /// The current document's bytes, to locate nested values.
    base: &'a [u8],
    /// The line diagnostics about items report, if known.
    report_line: Option<usize>,
    jsonl: bool,
}

impl<'a> Position<'a> {
    pub fn new(file: &'a str, line: usize, base: &'a [u8], jsonl: bool) -> Self {
        Position {
            file,
            line,
            column: 1,
            base,
            report_line: jsonl.then_some(line),
            jsonl,
        }
    }

    /// `file` or `file:line` for JSON Lines: where the article came from.
    pub fn label(&self) -> String {
        if self.jsonl {
            format!("{}:{}", self.file, self.line)
        } else {
            self.file.to_string()
        }
    }

    /// The position of a value nested in the current document.
    pub fn nested(&self, raw: &'a RawValue) -> Position<'a> {
        let (line, column) = self.locate_raw(raw);
        Position {
            file: self.file,
            line,
            column,
            base: raw.get().as_bytes(),
            report_line: Some(line),
            jsonl: self.jsonl,
        }
    }

    /// The same position, reporting `line` for items when known (and the
    /// document's line only in JSON Lines, where it is the item's line too).
    pub fn maybe_line(&self, line: Option<usize>) -> Position<'a> {
        Position {
            report_line: line.or(if self.jsonl { Some(self.line) } else { None }),
            ..*self
        }
    }

    /// The line and column where `raw` starts.
    pub fn locate_raw(&self, raw: &RawValue) -> (usize, usize) {
        let offset = (raw.get().as_ptr() as usize).wrapping_sub(self.base.as_ptr() as usize);
        let Some(before) = self.base.get(..offset) else {
            return (self.line, self.column);
        };
        let newlines = memchr::memchr_iter(b'\n', before).count();
        match memchr::memrchr(b'\n', before) {
            None => (self.line, self.column + before.len()),
            Some(last) => (self.line + newlines, before.len() - last),
        }
    }

    /// The line item diagnostics report, if any.
    pub fn line_reported(&self) -> Option<usize> {
        self.report_line
    }

    /// An error at this position.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.report_line, None, message)
    }

    /// A serde error inside a value that starts at `line`:`column`, with what was skipped.
    pub fn serde_error(
        &self,
        e: &serde_json::Error,
        line: usize,
        column: usize,
        skipped: &str,
    ) -> Diagnostic {
        let (l, c) = if e.line() <= 1 {
            (line, column + e.column().saturating_sub(1))
        } else {
            (line + e.line() - 1, e.column())
        };
        let text = e.to_string();
        let message = text.find(" at line ").map_or(text.as_str(), |i| &text[..i]);
        let kind = match e.classify() {
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "wrong type",
            serde_json::error::Category::Eof => "unexpected end of input",
            serde_json::error::Category::Io => "read error",
        };
        Diagnostic::at(
            self.file,
            Some(l),
            Some(c),
            format!("{kind}: {message}; {skipped} skipped"),
        )
    }
}
