//! The export dialog: format, path (filled with a default in the current directory), overwrite question.

use super::input::Input;
use crate::export::Format;

/// What the export will contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Marked(usize),
    /// No marks: the visible statements.
    Visible(usize),
}

#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub format: Format,
    pub path: Input,
    pub scope: Scope,
    /// The file exists: asking whether to overwrite.
    pub confirming: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            format: Format::Json,
            path: Input::default(),
            scope: Scope::Visible(0),
            confirming: false,
        }
    }
}

/// `./demarche-export-<stamp>[-n].<ext>`: the default path for the `n`th export of a session.
pub fn default_path(stamp: &str, written: usize, format: Format) -> String {
    let suffix = if written == 0 {
        String::new()
    } else {
        format!("-{}", written + 1)
    };
    format!("./demarche-export-{stamp}{suffix}.{}", format.extension())
}

impl ExportDialog {
    /// Switches format; a path ending in the old extension gets the new one.
    pub fn cycle(&mut self, forward: bool) {
        let all = Format::ALL;
        let i = all.iter().position(|&f| f == self.format).unwrap_or(0);
        let next = if forward {
            all[(i + 1) % all.len()]
        } else {
            all[(i + all.len() - 1) % all.len()]
        };
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.text().strip_suffix(&old) {
            let renamed = format!("{stem}.{}", next.extension());
            self.path.set(&renamed);
        }
        self.format = next;
    }
}
