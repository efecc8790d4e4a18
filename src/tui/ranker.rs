//! The background text ranking: one worker thread that builds the word index, then runs the newest `RankRequest` and sends its progress back to the loop.

use super::action::RankRequest;
use super::worker::{Inbox, Worker};
use crate::search::text::{Progress, Query, rank_text};
use crate::store::Store;
use std::thread::Scope;

/// The loop's handle on the ranking worker.
pub struct Ranker<'scope>(Worker<'scope, RankRequest, Progress>);

impl<'scope> Ranker<'scope> {
    /// Starts the worker inside `scope`, ranking statements of `store`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, store: &'env Store) -> Ranker<'scope> {
        Ranker(Worker::start(scope, move |inbox| work(store, &inbox)))
    }

    /// Cancels the running ranking and starts `request` (an empty query only cancels).
    pub fn ask(&self, request: RankRequest) {
        let generation = request.generation;
        let request = (!request.query.is_empty()).then_some(request);
        // A worker that has gone (it panicked) leaves the exact hits alone.
        self.0.ask(generation, request);
    }

    /// Stops the ranking going, if any, and any asked for later (the browser is closing).
    pub fn cancel(&self) {
        self.0.cancel();
    }

    /// The reports that arrived since the last call, oldest first.
    pub fn reports(&self) -> Vec<Progress> {
        self.0.reports()
    }
}

/// The worker: for each request (skipping those already superseded), rank and report.
fn work(store: &Store, inbox: &Inbox<RankRequest, Progress>) {
    // Meanwhile, build the word index the text finder's exact search needs, so the
    // first word typed does not wait for it.
    // Given up when the browser quits (the ranker is dropped) before it is built.
    store.prepare_search_unless(&inbox.closing());
    while let Some(request) = inbox.newest() {
        if !inbox.wanted(request.generation) {
            continue;
        }
        let query = Query::new(&request.query, &request.candidates);
        rank_text(
            store,
            &query,
            request.generation,
            inbox.current(),
            |progress| {
                let _ = inbox.send(progress.clone());
            },
        );
    }
}
