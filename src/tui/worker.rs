//! A thread beside the loop: it takes the newest of the requests waiting, is told to stop by a generation number, and sends back what it makes.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{Scope, ScopedJoinHandle};

/// The generation that means "stop everything": the browser is closing.
const CLOSING: u64 = u64::MAX;

/// The loop's handle on one worker: ask, cancel, collect what it sent.
pub struct Worker<'scope, Request, Report> {
    /// The generation asked for last; work for an older one stops between chunks.
    current: Arc<AtomicU64>,
    requests: Option<Sender<Request>>,
    reports: Receiver<Report>,
    thread: Option<ScopedJoinHandle<'scope, ()>>,
}

/// The worker's side: its requests, the generation in force, and where reports go.
pub struct Inbox<Request, Report> {
    current: Arc<AtomicU64>,
    requests: Receiver<Request>,
    reports: Sender<Report>,
}

impl<Request, Report> Inbox<Request, Report> {
    /// Waits for a request and returns the newest of those waiting (`None` once the
    /// loop has gone).
    pub fn newest(&self) -> Option<Request> {
        let mut request = self.requests.recv().ok()?;
        while let Ok(newer) = self.requests.try_recv() {
            request = newer;
        }
        Some(request)
    }

    /// Whether work for `generation` is still wanted.
    pub fn wanted(&self, generation: u64) -> bool {
        self.current.load(Ordering::SeqCst) == generation
    }

    /// A check, for work running on other threads too, that turns true once
    /// `generation` is no longer the one in force.
    pub fn superseded(&self, generation: u64) -> impl Fn() -> bool + Sync + '_ {
        let current = &*self.current;
        move || current.load(Ordering::SeqCst) != generation
    }

    /// A check that turns true once the browser is closing.
    pub fn closing(&self) -> impl Fn() -> bool + Sync + '_ {
        let current = &*self.current;
        move || current.load(Ordering::SeqCst) == CLOSING
    }

    /// The generation in force, for work that checks it itself.
    pub fn current(&self) -> &AtomicU64 {
        &self.current
    }

    /// Sends a report; false once the loop has gone.
    pub fn send(&self, report: Report) -> bool {
        self.reports.send(report).is_ok()
    }
}

impl<'scope, Request: Send + 'scope, Report: Send + 'scope> Worker<'scope, Request, Report> {
    /// Starts `work` on a thread inside `scope`.
    pub fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        work: impl FnOnce(Inbox<Request, Report>) + Send + 'scope,
    ) -> Self {
        let current = Arc::new(AtomicU64::new(0));
        let (requests, inbox) = channel();
        let (outbox, reports) = channel();
        let inbox = Inbox {
            current: Arc::clone(&current),
            requests: inbox,
            reports: outbox,
        };
        let thread = scope.spawn(move || work(inbox));
        Worker {
            current,
            requests: Some(requests),
            reports,
            thread: Some(thread),
        }
    }

    /// Makes `generation` the one in force (work for older ones stops) and sends
    /// `request`, if any. A worker that has gone (it panicked) takes no more.
    pub fn ask(&self, generation: u64, request: Option<Request>) {
        self.current.store(generation, Ordering::SeqCst);
        if let (Some(requests), Some(request)) = (&self.requests, request) {
            let _ = requests.send(request);
        }
    }

    /// Stops the work going, if any, and any asked for later (the browser is closing).
    pub fn cancel(&self) {
        self.current.store(CLOSING, Ordering::SeqCst);
    }

    /// The reports that arrived since the last call, oldest first.
    pub fn reports(&self) -> Vec<Report> {
        self.reports.try_iter().collect()
    }
}

impl<Request, Report> Drop for Worker<'_, Request, Report> {
    /// Stops the work going and waits for the thread to end.
    fn drop(&mut self) {
        self.current.store(CLOSING, Ordering::SeqCst);
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
