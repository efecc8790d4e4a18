//! The one CSV writer every CSV output goes through (export, `list`, `actors`, `topics`, the browser): cells a spreadsheet would run as a formula are guarded.

use std::borrow::Cow;
use std::io::{self, Write};

/// Prefixes a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR: OWASP's
/// list against CSV injection) with `'`, which spreadsheets read as "this is text".
/// A plain negative number (`-3`, `-0.5`) is left alone: it evaluates to itself, and
/// guarding it would turn a numeric column (`topics`' `net`) into text.
pub fn guard(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('-') if is_negative_number(cell) => cell.into(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// `-` then digits, with at most one `.` between digits.
fn is_negative_number(cell: &str) -> bool {
    let digits = &cell[1..];
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    let all = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all(whole) && all(fraction)
}

/// A CSV writer (the `csv` crate's, RFC 4180 quoting) whose every cell, header
/// included, passes [`guard`] unless the guard is turned off. The only place the
/// crate may use `csv::Writer` (clippy.toml disallows it elsewhere).
#[allow(clippy::disallowed_types)]
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    guard_formulas: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer to `out`; `guard_formulas` is false only for pipelines that read the
    /// cells as data (`export --no-formula-guard`).
    #[allow(clippy::disallowed_types)]
    pub fn new(out: W, guard_formulas: bool) -> Self {
        Self::with_delimiter(out, guard_formulas, b',')
    }

    /// [`CsvWriter::new`] with another separator (DNA writes `;`).
    #[allow(clippy::disallowed_types)]
    pub fn with_delimiter(out: W, guard_formulas: bool, delimiter: u8) -> Self {
        CsvWriter {
            inner: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(out),
            guard_formulas,
        }
    }

    /// Writes one record.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> io::Result<()> {
        for cell in cells {
            let cell = cell.as_ref();
            if self.guard_formulas {
                self.inner.write_field(guard(cell).as_bytes())?;
            } else {
                self.inner.write_field(cell)?;
            }
        }
        // An empty record ends the one the fields began.
        self.inner.write_record(None::<&[u8]>)?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(guard_formulas: bool, rows: &[&[&str]]) -> String {
        let mut bytes = Vec::new();
        let mut w = CsvWriter::new(&mut bytes, guard_formulas);
        for row in rows {
            w.row(row.iter()).expect("row");
        }
        w.flush().expect("flush");
        drop(w);
        String::from_utf8(bytes).expect("utf8")
    }

    #[test]
    fn formula_cells_are_prefixed_and_quoted_cells_stay_whole() {
        let rows: &[&[&str]] = &[&[
            "=1+1", "+a", "-2+3", "@SUM(1)", "\tx", "\ry", "plain", "a,\"b\"",
        ]];
        assert_eq!(
            written(true, rows),
            "'=1+1,'+a,'-2+3,'@SUM(1),'\tx,\"'\ry\",plain,\"a,\"\"b\"\"\"\n"
        );
        let numbers: &[&[&str]] = &[&["-2", "-0.5", "-", "-.5", "-1.", "-1e3", "-1-1"]];
        assert_eq!(
            written(true, numbers),
            "-2,-0.5,'-,'-.5,'-1.,'-1e3,'-1-1\n",
            "a plain negative number stays a number"
        );
        assert_eq!(written(false, &[&["=1", ""]]), "=1,\n");
        assert_eq!(
            written(true, &[&[""]]),
            "\"\"\n",
            "one empty cell is still a record"
        );
    }
}
