//! The background text ranking: one worker thread that builds the word index, then runs the newest `RankRequest` and sends its progress back to the loop.

use super::action::RankRequest;
use crate::search::text::{Progress, Query, rank_text};
use crate::store::Store;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{Scope, ScopedJoinHandle};

/// The loop's handle on the worker: send requests, collect reports.
pub struct Ranker<'scope> {
    /// The generation that may run; a worker stops between chunks once it changes.
    current: Arc<AtomicU64>,
    requests: Option<Sender<RankRequest>>,
    reports: Receiver<Progress>,
    worker: Option<ScopedJoinHandle<'scope, ()>>,
}

impl<'scope> Ranker<'scope> {
    /// Starts the worker inside `scope`, ranking statements of `store`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, store: &'env Store) -> Ranker<'scope> {
        let current = Arc::new(AtomicU64::new(0));
        let (requests, inbox) = channel::<RankRequest>();
        let (outbox, reports) = channel::<Progress>();
        let shared = Arc::clone(&current);
        let worker = scope.spawn(move || work(store, &shared, &inbox, &outbox));
        Ranker {
            current,
            requests: Some(requests),
            reports,
            worker: Some(worker),
        }
    }

    /// Cancels the running ranking and starts `request` (an empty query only cancels).
    pub fn ask(&self, request: RankRequest) {
        self.current.store(request.generation, Ordering::SeqCst);
        if !request.query.is_empty()
            && let Some(requests) = &self.requests
        {
            // A worker that has gone (it panicked) leaves the exact hits alone.
            let _ = requests.send(request);
        }
    }

    /// Stops the ranking going, if any, and any asked for later (the browser is closing).
    pub fn cancel(&self) {
        self.current.store(u64::MAX, Ordering::SeqCst);
    }

    /// The reports that arrived since the last call, oldest first.
    pub fn reports(&self) -> Vec<Progress> {
        self.reports.try_iter().collect()
    }
}

impl Drop for Ranker<'_> {
    /// Cancels the running ranking and waits for the worker to end.
    fn drop(&mut self) {
        self.cancel();
        self.requests = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The worker: for each request (skipping those already superseded), rank and report.
fn work(
    store: &Store,
    current: &AtomicU64,
    inbox: &Receiver<RankRequest>,
    outbox: &Sender<Progress>,
) {
    // Meanwhile, build the word index the text finder's exact search needs, so the
    // first word typed does not wait for it.
    // Given up when the browser quits (the ranker is dropped) before it is built.
    store.prepare_search_unless(&|| current.load(Ordering::SeqCst) == u64::MAX);
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        if current.load(Ordering::SeqCst) != request.generation {
            continue;
        }
        let query = Query::new(&request.query, &request.candidates);
        rank_text(store, &query, request.generation, current, |progress| {
            let _ = outbox.send(progress.clone());
        });
    }
}
