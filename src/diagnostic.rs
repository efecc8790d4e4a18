//! Load diagnostics: what is wrong, where (file, line, column or statement and field), how bad.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a problem is: errors skip something, warnings load anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found while loading, with enough context to fix it in an editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as given (or `<bundled>/...`).
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// The statement (or actor) the problem is in.
    pub statement: Option<String>,
    /// The field at fault.
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position in a file.
    pub fn at(
        file: &str,
        line: Option<usize>,
        column: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            statement: None,
            field: None,
            message: message.into(),
        }
    }

    /// Marks the diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Names the statement (or actor) and field the problem is in.
    pub fn in_item(mut self, item: &str, field: &str) -> Self {
        self.statement = Some(item.to_string());
        self.field = Some(field.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: error: statement s3, field span: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: ")?;
        match (&self.statement, &self.field) {
            (Some(item), Some(field)) => write!(f, "{item}, field `{field}`: ")?,
            (Some(item), None) => write!(f, "{item}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// Counts of errors and warnings, for summaries and status bars.
pub fn tally(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}
