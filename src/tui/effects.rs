//! Performs the `Effect`s `update` asks for, apart from the loop: text ranking, filtering, stance counts and exports run beside it, and their results come back as actions.

use super::action::{Action, Effect, ExportFailure, ExportReport, ExportRequest, FilterRequest};
use super::filterer::Filterer;
use super::ranker::Ranker;
use super::tabulator::Tabulator;
use crate::export::{self, ExportError, Options};
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::Scope;

/// Whether the loop goes on after an effect.
#[derive(Clone, Debug, PartialEq)]
pub enum Flow {
    Go,
    Quit,
    /// An edit to save: the loop ends, the session saves it and starts again on the
    /// new store.
    Edit(super::action::EditRequest),
    /// The corpus to read again from disk: the loop ends, and starts again on it.
    Reload,
}

/// The threads beside the loop, and the filter run waiting for the input to settle.
pub struct Effects<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    store: &'env Store,
    ranker: Ranker<'scope>,
    filterer: Filterer<'scope>,
    tabulator: Tabulator<'scope>,
    /// A filter asked to run on the loop's thread (a small store) runs once the pending
    /// input is consumed: a burst of keys costs one run, the newest.
    inline: Option<FilterRequest>,
    exports: (Sender<Action>, Receiver<Action>),
    /// Exports being written.
    writing: usize,
}

impl<'scope, 'env> Effects<'scope, 'env> {
    /// Starts the workers inside `scope`, over `store`.
    pub fn start(scope: &'scope Scope<'scope, 'env>, store: &'env Store) -> Self {
        Effects {
            scope,
            store,
            ranker: Ranker::start(scope, store),
            filterer: Filterer::start(scope, store),
            tabulator: Tabulator::start(scope, store),
            inline: None,
            exports: channel(),
            writing: 0,
        }
    }

    /// Performs `effect`, or hands it to the thread that does.
    pub fn perform(&mut self, effect: Effect) -> Flow {
        match effect {
            Effect::Quit => return Flow::Quit,
            Effect::Suspend => super::suspend::request(),
            Effect::RankText(request) => self.ranker.ask(request),
            Effect::Filter(request) if request.background => {
                self.inline = None;
                self.filterer.ask(request);
            }
            Effect::Filter(request) => self.inline = Some(request),
            Effect::Tally(request) => self.tabulator.ask(request),
            Effect::Export(request) => self.export(request),
            Effect::Clipboard(text) => super::clipboard::send(&text),
            Effect::Edit(request) => return Flow::Edit(request),
            Effect::Reload => return Flow::Reload,
        }
        Flow::Go
    }

    /// Writes an export on its own thread, so that a large one does not freeze the screen.
    fn export(&mut self, request: ExportRequest) {
        let (store, done) = (self.store, self.exports.0.clone());
        self.writing += 1;
        self.scope.spawn(move || {
            let _ = done.send(Action::ExportDone(perform_export(store, &request)));
        });
    }

    /// What finished since the last call, as actions; with `idle` (no input pending),
    /// also the result of the filter run that waited for it.
    pub fn results(&mut self, idle: bool) -> Vec<Action> {
        let mut out: Vec<Action> = self
            .ranker
            .reports()
            .into_iter()
            .map(Action::TextRanked)
            .collect();
        out.extend(self.filterer.results().into_iter().map(Action::Filtered));
        out.extend(self.tabulator.results().into_iter().map(Action::Tallied));
        let exported: Vec<Action> = self.exports.1.try_iter().collect();
        self.writing -= exported.len();
        out.extend(exported);
        if idle && let Some(request) = self.inline.take() {
            out.push(Action::Filtered(request.run(self.store)));
        }
        out
    }

    /// Whether a result is on its way that the loop should wake soon to show.
    pub fn busy(&self) -> bool {
        self.writing > 0 || self.inline.is_some()
    }
}

impl Drop for Effects<'_, '_> {
    /// Stops both workers before waiting for either: they share the thread pool, so
    /// one waited for while the other still runs would wait for that run too.
    fn drop(&mut self) {
        self.ranker.cancel();
        self.filterer.cancel();
        self.tabulator.cancel();
    }
}

/// `~/x` as `$HOME/x`, as a shell would; other paths as they are.
fn expand_home(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// Writes an export file atomically and reports the outcome as data.
pub fn perform_export(
    store: &Store,
    request: &ExportRequest,
) -> Result<ExportReport, ExportFailure> {
    let path = expand_home(&request.path);
    if path == Path::new("-") {
        return Err(ExportFailure::Failed(
            "`-` is standard output, which the browser is drawing on: type a file name".into(),
        ));
    }
    match export::write_file(
        store,
        &request.ids,
        request.format,
        Options::default(),
        &path,
        request.overwrite,
    ) {
        Ok(()) => Ok(ExportReport {
            path,
            count: request.ids.len(),
            format: request.format,
        }),
        Err(ExportError::Exists(path)) => Err(ExportFailure::Exists(path)),
        Err(e) => Err(ExportFailure::Failed(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;

    #[test]
    fn an_export_is_written_and_an_existing_file_is_kept() {
        let loaded = crate::bundled::load();
        let dir = tempfile::tempdir().expect("temp dir");
        let request = ExportRequest {
            ids: loaded.store.all_ids().take(2).collect(),
            format: Format::Json,
            path: dir.path().join("out.json"),
            overwrite: false,
        };
        let report = perform_export(&loaded.store, &request).expect("written");
        assert_eq!(report.count, 2);
        let again = perform_export(&loaded.store, &request);
        assert_eq!(again, Err(ExportFailure::Exists(request.path.clone())));
        let forced = ExportRequest {
            overwrite: true,
            ..request
        };
        assert!(perform_export(&loaded.store, &forced).is_ok());
    }

    #[test]
    fn an_export_runs_beside_the_loop_and_comes_back_as_an_action() {
        let loaded = crate::bundled::load();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.csv");
        let request = ExportRequest {
            ids: loaded.store.all_ids().collect(),
            format: Format::Csv,
            path: path.clone(),
            overwrite: false,
        };
        std::thread::scope(|scope| {
            let mut effects = Effects::start(scope, &loaded.store);
            assert_eq!(effects.perform(Effect::Export(request)), Flow::Go);
            assert!(effects.busy());
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
            let mut got = Vec::new();
            while got.is_empty() && std::time::Instant::now() < deadline {
                got = effects.results(false);
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            assert!(matches!(&got[..], [Action::ExportDone(Ok(r))] if r.path == path));
            assert!(!effects.busy());
        });
        assert!(path.is_file());
    }

    #[test]
    fn over_a_small_store_a_burst_of_filter_runs_is_one_run_once_idle() {
        let loaded = crate::bundled::load();
        std::thread::scope(|scope| {
            let mut effects = Effects::start(scope, &loaded.store);
            for (generation, expr) in [(1, "mode:indirect"), (2, "mode:direct")] {
                let request = FilterRequest {
                    generation,
                    expr: expr.into(),
                    background: false,
                };
                effects.perform(Effect::Filter(request));
            }
            assert_eq!(effects.results(false), vec![], "input still pending");
            let got = effects.results(true);
            assert!(
                matches!(&got[..], [Action::Filtered(r)] if r.generation == 2 && r.ids.len() == 1)
            );
            assert_eq!(effects.results(true), vec![]);
        });
    }

    #[test]
    fn a_tilde_path_means_home() {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        if let Some(home) = home {
            assert_eq!(expand_home(Path::new("~/x.json")), home.join("x.json"));
        }
        assert_eq!(
            expand_home(Path::new("./x.json")),
            PathBuf::from("./x.json")
        );
    }
}
