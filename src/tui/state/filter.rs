//! The filter bar: the expression being typed, the last valid one in force, and the error of an invalid one.

use super::input::Input;
use crate::filter::{Filter, FilterError, Term};
use crate::model::StatementId;
use crate::store::Store;

#[derive(Clone, Debug, Default)]
pub struct FilterBar {
    pub input: Input,
    /// The expression whose result the panes show (the last valid one typed).
    pub applied: String,
    /// Why the typed expression is invalid, if it is.
    pub error: Option<FilterError>,
    /// The text when editing began, restored by Esc.
    pub before_edit: String,
    /// The text changed since it was last evaluated (evaluation waits for `Settle`,
    /// so a burst of keys costs one filter run, not one per key).
    pub stale: bool,
}

/// The result of parsing the typed expression.
pub enum Outcome {
    /// Valid: the new matching statements (`None` when the filter is empty).
    Apply(Option<Vec<StatementId>>),
    /// Invalid: keep the last valid result.
    Keep,
}

impl FilterBar {
    /// Starts editing the current expression.
    pub fn begin(&mut self) {
        self.before_edit = self.input.text().to_string();
    }

    /// Parses the typed text and runs it if valid.
    pub fn evaluate(&mut self, store: &Store) -> Outcome {
        self.stale = false;
        let text = self.input.text().to_string();
        match Filter::parse(&text) {
            Ok(filter) => {
                self.error = None;
                self.applied = text;
                if filter.is_empty() {
                    Outcome::Apply(None)
                } else {
                    Outcome::Apply(Some(filter.compile(store).run(store)))
                }
            }
            Err(e) => {
                self.error = Some(e);
                Outcome::Keep
            }
        }
    }
}

/// `expr` without its `since:` and `until:` terms (kept as typed otherwise).
pub fn without_dates(expr: &str) -> String {
    let Ok(filter) = Filter::parse(expr) else {
        return expr.to_string();
    };
    let mut out = expr.to_string();
    for clause in filter.clauses.iter().rev() {
        if matches!(clause.term, Term::Since(_) | Term::Until(_)) {
            out.replace_range(clause.start..clause.end, "");
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
