//! The background count for the positions and shifts views: one worker thread that counts the newest `TallyRequest` and sends its result back to the loop.

use super::action::{Tallied, Tally, TallyRequest, TallyResult};
use super::worker::{Inbox, Worker};
use crate::stances;
use crate::store::Store;
use std::thread::Scope;

/// The loop's handle on the counting worker.
pub struct Tabulator<'scope>(Worker<'scope, TallyRequest, TallyResult>);

impl<'scope> Tabulator<'scope> {
    /// Starts the worker inside `scope`, counting statements of `store`.
    pub fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        store: &'env Store,
    ) -> Tabulator<'scope> {
        Tabulator(Worker::start(scope, move |inbox| work(store, &inbox)))
    }

    /// Asks for `request`; requests still waiting when the worker is free are
    /// skipped for the newest.
    pub fn ask(&self, request: TallyRequest) {
        self.0.ask(request.generation, Some(request));
    }

    pub fn cancel(&self) {
        self.0.cancel();
    }

    /// The results that arrived since the last call, oldest first.
    pub fn results(&self) -> Vec<TallyResult> {
        self.0.reports()
    }
}

impl TallyRequest {
    /// Counts (on any thread).
    pub fn run(&self, store: &Store) -> TallyResult {
        let tallied = match self.tally {
            Tally::Positions(by) => Tallied::Positions(stances::cells(store, &self.ids, by)),
            Tally::Shifts(by, neutral) => {
                Tallied::Shifts(stances::shifts(store, &self.ids, by, neutral))
            }
        };
        TallyResult {
            generation: self.generation,
            tallied,
        }
    }
}

/// For each request, the newest of those waiting: count it and send the result,
/// unless a newer one was asked for meanwhile.
fn work(store: &Store, inbox: &Inbox<TallyRequest, TallyResult>) {
    while let Some(request) = inbox.newest() {
        let result = request.run(store);
        if inbox.wanted(request.generation) && !inbox.send(result) {
            return;
        }
    }
}
