//! The export dialog: the file's name and format agree, default names carry the time of
//! the export, and marks the filter hides are counted.

use super::Scope;
use crate::export::Format;
use crate::tui::action::{Action, Edit, Effect, ExportFailure, ExportReport};
use crate::tui::state::State;
use crate::tui::test_support::{corpus, render, state, type_text};
use std::sync::atomic::{AtomicU32, Ordering};

fn typed_path(s: &mut State, path: &str) {
    s.update(Action::Edit(Edit::Clear));
    type_text(s, path);
}

fn written(s: &mut State) {
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    s.update(Action::ExportDone(Ok(ExportReport {
        path: request.path,
        count: request.ids.len(),
        format: request.format,
    })));
}

#[test]
fn a_typed_extension_picks_the_format_whatever_was_chosen_before() {
    let loaded = corpus();
    let mut s = state(&loaded);
    // Markdown chosen last time, then Tab on past the network formats to JSON, then a
    // .csv name typed.
    s.update(Action::OpenExport);
    for _ in 0..4 {
        s.update(Action::PrevFormat);
    }
    assert_eq!(s.export.format, Format::Markdown);
    written(&mut s);
    s.update(Action::OpenExport);
    s.update(Action::NextFormat);
    assert_eq!(s.export.format, Format::Graphml);
    s.update(Action::NextFormat);
    assert_eq!(s.export.format, Format::Gexf);
    s.update(Action::NextFormat);
    assert_eq!(s.export.format, Format::DnaCsv);
    s.update(Action::NextFormat);
    assert_eq!(s.export.format, Format::Json);
    typed_path(&mut s, "two.csv");
    assert_eq!(s.export.format, Format::Csv);
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    assert_eq!(request.format, Format::Csv);
    assert_eq!(request.path.to_str(), Some("two.csv"));
    typed_path(&mut s, "report.MARKDOWN");
    assert_eq!(s.export.format, Format::Markdown);
    typed_path(&mut s, "events.dna.csv");
    assert_eq!(s.export.format, Format::DnaCsv);
    typed_path(&mut s, "report.md");
    // A name without a known extension keeps the chosen format.
    typed_path(&mut s, "notes.txt");
    assert_eq!(s.export.format, Format::Markdown);
}

static TICKS: AtomicU32 = AtomicU32::new(0);

fn ticking() -> String {
    format!(
        "20250101-00000{}",
        TICKS.fetch_add(1, Ordering::SeqCst) % 10
    )
}

fn stopped() -> String {
    "20250101-000000".into()
}

#[test]
fn the_default_name_carries_the_time_the_dialog_opened() {
    let loaded = corpus();
    let mut s = State::new(&loaded.store, &loaded.diagnostics, ticking);
    s.update(Action::OpenExport);
    let first = s.export.path.text().to_string();
    s.update(Action::Close);
    s.update(Action::OpenExport);
    assert_ne!(s.export.path.text(), first, "a later export, a later name");
}

#[test]
fn exports_within_one_second_get_numbered_names() {
    let loaded = corpus();
    let mut s = State::new(&loaded.store, &loaded.diagnostics, stopped);
    s.update(Action::OpenExport);
    assert_eq!(
        s.export.path.text(),
        "./demarche-export-20250101-000000.json"
    );
    written(&mut s);
    s.update(Action::OpenExport);
    assert_eq!(
        s.export.path.text(),
        "./demarche-export-20250101-000000-2.json"
    );
}

#[test]
fn marks_the_filter_hides_are_counted_in_the_dialog() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::ToggleMark);
    s.update(Action::ToggleMark);
    s.update(Action::EditFilter);
    type_text(&mut s, "mode:direct");
    s.update(Action::Accept);
    let visible: Vec<_> = s.list.ids.clone();
    let hidden = s.marks.iter().filter(|id| !visible.contains(id)).count();
    assert!(hidden > 0, "the filter hides a mark");
    s.update(Action::OpenExport);
    assert_eq!(s.export.scope, Scope::Marked { total: 2, hidden });
    let screen = format!("{:?}", render(&s, 120, 40).backend());
    assert!(
        screen.contains(&format!("{hidden} of them not shown now")),
        "{screen}"
    );
}

#[test]
fn the_dialog_wraps_its_text_at_80_columns() {
    let loaded = corpus();
    let mut s = crate::tui::test_support::sized(&loaded, 80, 24);
    s.update(Action::OpenExport);
    insta::assert_snapshot!("export_80x24", render(&s, 80, 24).backend());
    s.update(Action::ExportDone(Err(ExportFailure::Exists(
        "x.json".into(),
    ))));
    let screen = format!("{:?}", render(&s, 80, 24).backend());
    assert!(screen.contains("= keep it"), "{screen}");
}

#[test]
fn a_second_enter_while_the_file_is_written_does_not_write_it_again() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    assert_eq!(s.update(Action::Accept), None, "one write at a time");
    assert!(
        s.status
            .clone()
            .is_some_and(|st| st.text.contains("Still writing"))
    );
    s.update(Action::ExportDone(Ok(ExportReport {
        path: request.path,
        count: 1,
        format: request.format,
    })));
    assert_eq!(s.overlay, None);
    assert!(
        s.status
            .clone()
            .is_some_and(|st| st.text.starts_with("Wrote"))
    );
}

#[test]
fn closing_the_dialog_while_writing_still_reports_the_result() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::OpenExport);
    let Some(Effect::Export(request)) = s.update(Action::Accept) else {
        panic!("no export effect");
    };
    s.update(Action::Close);
    assert_eq!(s.overlay, None);
    s.update(Action::OpenHelp);
    s.update(Action::ExportDone(Err(ExportFailure::Exists(request.path))));
    assert!(
        matches!(s.overlay, Some(crate::tui::state::Overlay::Help(_))),
        "the result does not take over another overlay"
    );
    let status = s.status.clone().expect("a message");
    assert!(status.text.contains("not overwritten"), "{}", status.text);
}
