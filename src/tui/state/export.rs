//! The export dialog: format, path (filled with a default in the current directory), overwrite question, the write awaited; and its keys.

use super::input::Input;
use super::{Overlay, State};
use crate::export::Format;
use crate::model::StatementId;
use crate::tui::action::{Edit, Effect, ExportFailure, ExportReport, ExportRequest};
use crate::tui::keymap::Context;
use std::path::{Path, PathBuf};

/// What the export will contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The marks, `hidden` of them not shown under the current filter and actor.
    Marked { total: usize, hidden: usize },
    /// No marks: the visible statements.
    Visible(usize),
}

#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub format: Format,
    pub path: Input,
    pub scope: Scope,
    /// The stamp of the default name offered when the dialog opened.
    stamp: String,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            format: Format::Json,
            path: Input::default(),
            scope: Scope::Visible(0),
            stamp: String::new(),
        }
    }
}

/// Where the open dialog is: the overlay's own state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportStep {
    /// Choosing the format and typing the path.
    Path,
    /// The file exists: asking whether to overwrite it.
    Overwrite,
    /// The file is being written: another Enter waits for it.
    Writing,
}

impl ExportStep {
    /// The keymap context of the step.
    pub fn context(self) -> Context {
        match self {
            ExportStep::Path | ExportStep::Writing => Context::Export,
            ExportStep::Overwrite => Context::Confirm,
        }
    }
}

/// `./demarche-export-<stamp>[-n].<ext>`: the default path when `written` exports
/// already took names with this stamp (several in one second).
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

    /// Applies an edit to the path; an extension typed there picks its format, so the
    /// file's name and contents always agree.
    pub fn edit_path(&mut self, edit: Edit) {
        if self.path.apply(edit)
            && let Some(format) = Format::of_path(Path::new(self.path.text().trim()))
        {
            self.format = format;
        }
    }
}

impl State<'_> {
    /// The statements an export writes: the marked ones, else the visible ones.
    fn export_ids(&self) -> Vec<StatementId> {
        if self.marks.is_empty() {
            self.list.ids.clone()
        } else {
            self.marks.iter().copied().collect()
        }
    }

    /// Recounts what the export will write: the marks (and how many of them the filter
    /// or actor hides), else the visible statements.
    pub(super) fn refresh_scope(&mut self) {
        self.export.scope = if self.marks.is_empty() {
            Scope::Visible(self.list.len())
        } else {
            let shown = |id: &&StatementId| self.list.ids.binary_search(id).is_ok();
            Scope::Marked {
                total: self.marks.len(),
                hidden: self.marks.len() - self.marks.iter().filter(shown).count(),
            }
        };
    }

    pub(super) fn open_export(&mut self) -> Option<Effect> {
        self.refresh_scope();
        if self.marks.is_empty() && self.list.len() == 0 {
            self.say("Nothing to export: no statement is visible".into(), true);
            return None;
        }
        // Named for the time of this export, not of the session's start.
        self.export.stamp = (self.clock)();
        let earlier = match &self.last_stamp {
            (stamp, n) if *stamp == self.export.stamp => *n,
            _ => 0,
        };
        let path = default_path(&self.export.stamp, earlier, self.export.format);
        self.export.path.set(&path);
        self.overlay = Some(Overlay::Export(ExportStep::Path));
        None
    }

    /// Enter: writes the file (once: another Enter while it is written waits).
    pub(super) fn accept_export(&mut self, step: ExportStep) -> Option<Effect> {
        match step {
            ExportStep::Path | ExportStep::Overwrite => self.export_request(false),
            ExportStep::Writing => {
                self.say("Still writing the export: a moment".into(), false);
                None
            }
        }
    }

    /// `y` at the overwrite question.
    pub(super) fn confirm_overwrite(&mut self) -> Option<Effect> {
        self.export_request(true)
    }

    /// `n` or Esc at the overwrite question: back to the path.
    pub(super) fn decline_overwrite(&mut self) -> Option<Effect> {
        self.overlay = Some(Overlay::Export(ExportStep::Path));
        self.say("Not overwritten: edit the path or Esc".into(), false);
        None
    }

    /// Esc: closes the dialog, keeping the marks; a write going on still reports.
    pub(super) fn close_export(&mut self, step: ExportStep) -> Option<Effect> {
        self.overlay = None;
        let kept = match self.marks.len() {
            0 => String::new(),
            n => format!("; {n} mark(s) kept"),
        };
        match step {
            ExportStep::Path | ExportStep::Overwrite => {
                self.say(format!("Export cancelled{kept}"), false);
            }
            ExportStep::Writing => {
                self.say(
                    format!("The export goes on; its result will show here{kept}"),
                    false,
                );
            }
        }
        None
    }

    pub(super) fn edit_export(&mut self, _step: ExportStep, edit: Edit) -> Option<Effect> {
        self.export.edit_path(edit);
        None
    }

    /// Tab / Shift-Tab: the next (previous) format.
    pub(super) fn cycle_format(&mut self, forward: bool) -> Option<Effect> {
        self.export.cycle(forward);
        None
    }

    fn export_request(&mut self, overwrite: bool) -> Option<Effect> {
        let path = self.export.path.text().trim().to_string();
        if path.is_empty() {
            self.say("Type a path to write to".into(), true);
            return None;
        }
        self.overlay = Some(Overlay::Export(ExportStep::Writing));
        Some(Effect::Export(ExportRequest {
            ids: self.export_ids(),
            format: self.export.format,
            path: PathBuf::from(path),
            overwrite,
        }))
    }

    /// Whether the export dialog is open.
    fn exporting(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Export(_)))
    }

    pub(super) fn export_done(
        &mut self,
        result: Result<ExportReport, ExportFailure>,
    ) -> Option<Effect> {
        match result {
            Ok(report) => {
                if self.last_stamp.0 == self.export.stamp {
                    self.last_stamp.1 += 1;
                } else {
                    self.last_stamp = (self.export.stamp.clone(), 1);
                }
                if self.exporting() {
                    self.overlay = None;
                }
                let which = match self.export.scope {
                    Scope::Marked { .. } => "marked",
                    Scope::Visible(_) => "visible; none marked",
                };
                self.say(
                    format!(
                        "Wrote {} ({} statement(s), {which}, {})",
                        crate::tui::text::clean(&report.path.display().to_string()),
                        report.count,
                        report.format.label(),
                    ),
                    false,
                );
            }
            Err(ExportFailure::Exists(path)) => {
                let path = crate::tui::text::clean(&path.display().to_string());
                if self.exporting() {
                    self.overlay = Some(Overlay::Export(ExportStep::Overwrite));
                    self.say(format!("{path} exists: overwrite? y/n"), true);
                } else {
                    self.say(format!("{path} exists: not overwritten"), true);
                }
            }
            Err(ExportFailure::Failed(message)) => {
                if self.exporting() {
                    self.overlay = Some(Overlay::Export(ExportStep::Path));
                }
                self.say(
                    format!("Export failed: {}", crate::tui::text::clean(&message)),
                    true,
                );
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
