//! The background filter run: one worker thread that runs the newest `FilterRequest` over a large store and sends its result back to the loop.

use super::action::{FilterRequest, FilterResult};
use crate::store::Store;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{Scope, ScopedJoinHandle};

/// The loop's handle on the worker: send requests, collect results.
pub struct Filterer<'scope> {
    /// The generation last asked for; a run of an older one stops between chunks.
    current: Arc<AtomicU64>,
    requests: Option<Sender<FilterRequest>>,
    results: Receiver<FilterResult>,
    worker: Option<ScopedJoinHandle<'scope, ()>>,
}

impl<'scope> Filterer<'scope> {
    /// Starts the worker inside `scope`, filtering statements of `store`.
    pub fn start<'env>(scope: &'scope Scope<'scope, 'env>, store: &'env Store) -> Filterer<'scope> {
        let current = Arc::new(AtomicU64::new(0));
        let (requests, inbox) = channel::<FilterRequest>();
        let (outbox, results) = channel::<FilterResult>();
        let shared = Arc::clone(&current);
        let worker = scope.spawn(move || work(store, &shared, &inbox, &outbox));
        Filterer {
            current,
            requests: Some(requests),
            results,
            worker: Some(worker),
        }
    }

    /// Asks for `request`: a run of an older request stops, and requests still
    /// waiting when the worker is free are skipped for the newest.
    pub fn ask(&self, request: FilterRequest) {
        self.current.store(request.generation, Ordering::SeqCst);
        if let Some(requests) = &self.requests {
            // A worker that has gone (it panicked) leaves the last result shown.
            let _ = requests.send(request);
        }
    }

    /// Stops the filter run going, if any, and any asked for later (the browser is closing).
    pub fn cancel(&self) {
        self.current.store(u64::MAX, Ordering::SeqCst);
    }

    /// The results that arrived since the last call, oldest first.
    pub fn results(&self) -> Vec<FilterResult> {
        self.results.try_iter().collect()
    }
}

impl Drop for Filterer<'_> {
    /// Stops the run going, if any, and waits for the worker to end.
    fn drop(&mut self) {
        self.cancel();
        self.requests = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The worker: for each request, the newest of those waiting, run it and send the
/// result, unless a newer request stopped it.
fn work(
    store: &Store,
    current: &AtomicU64,
    inbox: &Receiver<FilterRequest>,
    outbox: &Sender<FilterResult>,
) {
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let superseded = || current.load(Ordering::SeqCst) != request.generation;
        let Some(result) = request.run_unless(store, &superseded) else {
            continue;
        };
        if outbox.send(result).is_err() {
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
            });
            filterer.ask(FilterRequest {
                generation: 2,
                expr: "mode:direct".into(),
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
