//! Messages for native files that are not what the format expects at all: not an object, not UTF-8, nested too deep, with their line and column.

use super::super::pending::Position;
use crate::diagnostic::Diagnostic;

pub(super) fn nesting_error(at: &Position) -> Diagnostic {
    at.error("a corpus document cannot nest another `articles` list; skipped")
}

/// The 1-based line and column of byte `offset` in a document starting at `at`.
pub(super) fn line_column(at: &Position, bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = at.line + memchr::memchr_iter(b'\n', before).count();
    let column = 1 + offset - memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    (line, column)
}

/// A document must be a JSON object; name what was found instead.
pub(super) fn not_an_object(at: &Position, bytes: &[u8]) -> Option<Diagnostic> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let found = match bytes[first] {
        b'{' => return None,
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'-' | b'0'..=b'9' => "a number",
        0xEF if bytes[first..].starts_with(&[0xEF, 0xBB, 0xBF]) => {
            "a byte order mark (save the file as UTF-8 without BOM)"
        }
        _ => "something that is not JSON",
    };
    let (line, column) = line_column(at, bytes, first);
    Some(Diagnostic::at(
        at.file,
        Some(line),
        Some(column),
        format!(
            "expected a JSON object {{\"format\": \"demarche\", ...}} at the top level, found {found}; document skipped"
        ),
    ))
}

/// Names the first byte that is not UTF-8, if any.
pub(super) fn not_utf8(at: &Position, bytes: &[u8]) -> Option<Diagnostic> {
    let e = std::str::from_utf8(bytes).err()?;
    let offset = e.valid_up_to();
    let (line, column) = line_column(at, bytes, offset);
    Some(Diagnostic::at(
        at.file,
        Some(line),
        Some(column),
        format!(
            "not valid UTF-8 (byte 0x{:02X} at offset {offset}): save the file as UTF-8; document skipped",
            bytes[offset]
        ),
    ))
}
