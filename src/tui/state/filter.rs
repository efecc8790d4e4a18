//! The filter bar: the expression being typed, the last valid one in force, the error of an invalid one, the run awaited from the background; and its keys (`f`, typing, Enter, Esc, `F`).

use super::input::Input;
use super::{Overlay, State};
use crate::filter::{Filter, FilterError, Term};
use crate::model::StatementId;
use crate::store::Store;
use crate::tui::action::{Dates, Edit, Effect, FilterRequest, FilterResult};

/// Over this many statements a filter runs off the UI thread, as a large store's can
/// take longer than a frame (BENCHMARKS.md); smaller stores are filtered in place.
pub const INLINE_LIMIT: usize = 100_000;

#[derive(Clone, Debug)]
pub struct FilterBar {
    pub input: Input,
    /// The expression whose result the panes show (the last valid one typed).
    pub applied: String,
    /// Why the typed expression is invalid, if it is.
    pub error: Option<FilterError>,
    /// The text when editing began, restored by Esc.
    pub before_edit: String,
    /// The run the panes wait for (asked for by typing, or in the background over a
    /// large store): its generation and expression.
    pub running: Option<(u64, String)>,
    /// The last generation asked for.
    generation: u64,
    /// Stores larger than this are filtered in the background ([`INLINE_LIMIT`]).
    pub inline_limit: usize,
    /// How the expression shown reads dates, if it bounds them: [`Dates`].
    pub dates: Option<Dates>,
}

impl Default for FilterBar {
    fn default() -> Self {
        FilterBar {
            input: Input::default(),
            applied: String::new(),
            error: None,
            before_edit: String::new(),
            running: None,
            generation: 0,
            inline_limit: INLINE_LIMIT,
            dates: None,
        }
    }
}

/// The result of parsing the typed expression.
pub enum Outcome {
    /// Valid: the new matching statements (`None` when the filter is empty).
    Apply(Option<Vec<StatementId>>),
    /// Valid, over a large store: run it in the background.
    Run(FilterRequest),
    /// Invalid, or what is already shown: keep the result in force.
    Keep,
}

impl FilterBar {
    /// The filter in force, as the status and the bar name it: `none` when empty.
    pub fn applied_label(&self) -> String {
        if self.applied.is_empty() {
            "none".to_string()
        } else {
            crate::tui::text::clean(&self.applied)
        }
    }

    /// Starts editing the current expression.
    pub fn begin(&mut self) {
        self.before_edit = self.input.text().to_string();
    }

    /// The typed text changed: its error, or the run that brings its result. The run is
    /// deferred until the pending input is consumed, so a burst of keys costs one run.
    pub fn edited(&mut self, store: &Store) -> Outcome {
        let text = self.input.text().to_string();
        match Filter::parse(&text) {
            Ok(_) if text == self.applied => {
                self.error = None;
                self.running = None;
                Outcome::Keep
            }
            Ok(_) => {
                self.error = None;
                Outcome::Run(self.ask(text, store))
            }
            Err(e) => {
                // A run asked for an earlier text is no longer wanted: the panes keep
                // the result in force, as the status line says.
                self.error = Some(e);
                self.running = None;
                Outcome::Keep
            }
        }
    }

    /// A run of `text`, awaited from now on.
    fn ask(&mut self, text: String, store: &Store) -> FilterRequest {
        self.generation += 1;
        self.running = Some((self.generation, text.clone()));
        FilterRequest {
            generation: self.generation,
            expr: text,
            background: store.len() > self.inline_limit,
        }
    }

    /// Whether a run asked for by typing is still awaited and would run here: Enter
    /// then applies it at once.
    pub fn awaited_inline(&self, store: &Store) -> bool {
        self.running.is_some() && store.len() <= self.inline_limit
    }

    /// Parses the typed text and, if valid, runs it here or asks for a background run.
    pub fn evaluate(&mut self, store: &Store) -> Outcome {
        let text = self.input.text().to_string();
        match Filter::parse(&text) {
            Ok(_) if text == self.applied => {
                // Back to what is shown (Esc, or typed and erased): nothing to run, and
                // a run still going for another text is no longer wanted.
                self.error = None;
                self.running = None;
                Outcome::Keep
            }
            Ok(filter) if !filter.is_empty() && store.len() > self.inline_limit => {
                self.error = None;
                Outcome::Run(self.ask(text, store))
            }
            Ok(filter) => {
                self.error = None;
                self.running = None;
                self.applied = text;
                if filter.is_empty() {
                    self.dates = None;
                    Outcome::Apply(None)
                } else {
                    let ids = filter.compile(store).run(store);
                    self.dates = Dates::of(store, &filter, &ids, &|| false).flatten();
                    Outcome::Apply(Some(ids))
                }
            }
            Err(e) => {
                self.error = Some(e);
                Outcome::Keep
            }
        }
    }

    /// The expression the panes show, or the one a background run is bringing.
    pub fn wanted(&self) -> &str {
        self.running
            .as_ref()
            .map_or(&self.applied, |(_, text)| text)
    }

    /// Takes a run's result: if it is the run awaited, its statements (`Some(None)`:
    /// the filter is empty, every statement); an older one, superseded by later typing,
    /// is dropped.
    pub fn finished(&mut self, result: FilterResult) -> Option<Option<Vec<StatementId>>> {
        match self.running.take() {
            Some((generation, text)) if generation == result.generation => {
                let empty = Filter::parse(&text).is_ok_and(|f| f.is_empty());
                self.applied = text;
                self.dates = result.dates;
                Some((!empty).then_some(result.ids))
            }
            other => {
                self.running = other;
                None
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

impl State<'_> {
    /// `f`: edits the expression in force.
    pub(super) fn open_filter(&mut self) -> Option<Effect> {
        self.filter.begin();
        self.overlay = Some(Overlay::Filter);
        None
    }

    /// Esc: back to the text before editing, and its result.
    pub(super) fn close_filter(&mut self) -> Option<Effect> {
        let before = self.filter.before_edit.clone();
        self.filter.input.set(&before);
        self.overlay = None;
        self.evaluate_filter()
    }

    /// Enter: keeps the text; a run it awaits applies at once over a small store.
    pub(super) fn accept_filter(&mut self) -> Option<Effect> {
        self.overlay = None;
        let effect = if self.filter.awaited_inline(self.store) {
            self.evaluate_filter()
        } else {
            None
        };
        if self.filter.error.is_some() {
            let label = self.filter.applied_label();
            self.say(format!("Invalid filter; still showing `{label}`"), true);
        }
        effect
    }

    /// Typing: says why the text is invalid, or asks for its run.
    pub(super) fn edit_filter(&mut self, edit: Edit) -> Option<Effect> {
        if !self.filter.input.apply(edit) {
            return None;
        }
        match self.filter.edited(self.store) {
            Outcome::Run(request) => Some(Effect::Filter(request)),
            Outcome::Apply(_) | Outcome::Keep => None,
        }
    }

    /// `F`: every statement again.
    pub(super) fn clear_filter(&mut self) -> Option<Effect> {
        self.filter.input.set("");
        let effect = self.evaluate_filter();
        self.say("Filter cleared".into(), false);
        effect
    }

    /// A run finished: shown if it is the one awaited.
    pub(super) fn filtered(&mut self, result: FilterResult) -> Option<Effect> {
        if let Some(ids) = self.filter.finished(result) {
            self.show_filtered(ids);
            return self.recount_view();
        }
        None
    }

    /// Re-runs the typed filter, here or (over a large store) by asking for a background
    /// run; an invalid one keeps the last valid result.
    pub(super) fn evaluate_filter(&mut self) -> Option<Effect> {
        match self.filter.evaluate(self.store) {
            Outcome::Apply(ids) => {
                self.show_filtered(ids);
                None
            }
            Outcome::Run(request) => Some(Effect::Filter(request)),
            Outcome::Keep => None,
        }
    }
}
