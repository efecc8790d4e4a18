//! The background filter run: one worker thread that runs the newest `FilterRequest` over a large store and sends its result back to the loop.

use super::action::{Dates, FilterRequest, FilterResult};
use super::worker::{Inbox, Worker};
use crate::filter::{Filter, possible_more};
use crate::model::StatementId;
use crate::store::Store;
use std::thread::Scope;

/// The loop's handle on the filter worker.
pub struct Filterer<'scope>(Worker<'scope, FilterRequest, FilterResult>);

impl<'scope> Filterer<'scope> {
    /// Starts the worker inside `scope`, filtering statements of `store`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, store: &'env Store) -> Filterer<'scope> {
        Filterer(Worker::start(scope, move |inbox| work(store, &inbox)))
    }

    /// Asks for `request`: a run of an older request stops, and requests still
    /// waiting when the worker is free are skipped for the newest.
    pub fn ask(&self, request: FilterRequest) {
        self.0.ask(request.generation, Some(request));
    }

    /// Stops the filter run going, if any, and any asked for later (the browser is closing).
    pub fn cancel(&self) {
        self.0.cancel();
    }

    /// The results that arrived since the last call, oldest first.
    pub fn results(&self) -> Vec<FilterResult> {
        self.0.reports()
    }
}

impl FilterRequest {
    /// Runs the filter (on any thread).
    pub fn run(&self, store: &Store) -> FilterResult {
        let result = self.run_unless(store, &|| false);
        result.unwrap_or(FilterResult {
            generation: self.generation,
            ids: Vec::new(),
            dates: None,
        })
    }

    /// [`FilterRequest::run`] that gives up (`None`) soon after `cancelled` turns true.
    pub fn run_unless(
        &self,
        store: &Store,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<FilterResult> {
        // The expression parsed when it was asked for; should it not, nothing matches.
        let (ids, dates) = match Filter::parse(&self.expr) {
            // Every statement: the taker shows them without a list.
            Ok(filter) if filter.is_empty() => (Vec::new(), None),
            Ok(filter) => {
                let ids = filter.compile(store).run_unless(store, cancelled)?;
                let dates = Dates::of(store, &filter, &ids, cancelled)?;
                (ids, dates)
            }
            Err(_) => (Vec::new(), None),
        };
        Some(FilterResult {
            generation: self.generation,
            ids,
            dates,
        })
    }
}

impl Dates {
    /// What `filter` matched as `ids`, read for the status line (`None`: no date bounds).
    pub fn of(
        store: &Store,
        filter: &Filter,
        ids: &[StatementId],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Option<Dates>> {
        if !filter.bounds_dates() {
            return Some(None);
        }
        Some(Some(Dates {
            mode: filter.date_mode(),
            possible_more: possible_more(store, filter, ids, cancelled)?,
        }))
    }
}

/// The worker: for each request, the newest of those waiting, run it and send the
/// result, unless a newer request stopped it.
fn work(store: &Store, inbox: &Inbox<FilterRequest, FilterResult>) {
    while let Some(request) = inbox.newest() {
        let Some(result) = request.run_unless(store, &inbox.superseded(request.generation)) else {
            continue;
        };
        if !inbox.send(result) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_waiting_request_is_run_and_its_result_comes_back() {
        let loaded = crate::bundled::load();
        let store = &loaded.store;
        let expected = crate::filter::select(store, "mode:direct").expect("valid");
        std::thread::scope(|scope| {
            let filterer = Filterer::start(scope, store);
            filterer.ask(FilterRequest {
                generation: 1,
                expr: "mode:indirect".into(),
                background: true,
            });
            filterer.ask(FilterRequest {
                generation: 2,
                expr: "mode:direct".into(),
                background: true,
            });
            let mut results = Vec::new();
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while results
                .last()
                .is_none_or(|r: &FilterResult| r.generation != 2)
                && std::time::Instant::now() < deadline
            {
                results.extend(filterer.results());
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            let last = results.last().expect("a result within 10 s");
            assert_eq!(last.generation, 2);
            assert_eq!(last.ids, expected);
            assert!(!expected.is_empty());
            assert!(results.len() <= 2);
        });
    }
}
