//! The positions, shifts and course views rendered with TestBackend at two sizes, compared with reviewed snapshots; and their colours, which never carry meaning alone.

use super::action::Action;
use super::test_support::{act, render, select_actor, sized, stances_corpus};
use super::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

#[test]
fn positions_at_two_sizes() {
    let loaded = crate::bundled::load();
    let mut s = sized(&loaded, 120, 30);
    act(&mut s, Action::OpenPositions);
    act(&mut s, Action::Down);
    act(&mut s, Action::NextColumn);
    insta::assert_snapshot!("positions_120x30", render(&s, 120, 30).backend());
    let mut s = sized(&loaded, 60, 15);
    act(&mut s, Action::OpenPositions);
    for _ in 0..12 {
        act(&mut s, Action::Down);
        act(&mut s, Action::NextColumn);
    }
    insta::assert_snapshot!("positions_60x15", render(&s, 60, 15).backend());
}

#[test]
fn positions_by_speaker_sorted_by_name() {
    let loaded = stances_corpus();
    let mut s = sized(&loaded, 80, 14);
    act(&mut s, Action::OpenPositions);
    act(&mut s, Action::ToggleBy);
    act(&mut s, Action::SortRows);
    act(&mut s, Action::SortColumns);
    insta::assert_snapshot!("positions_by_speaker", render(&s, 80, 14).backend());
}

#[test]
fn shifts_at_two_sizes() {
    let loaded = stances_corpus();
    let mut s = sized(&loaded, 100, 20);
    act(&mut s, Action::OpenShifts);
    act(&mut s, Action::Down);
    insta::assert_snapshot!("shifts_100x20", render(&s, 100, 20).backend());
    let mut s = sized(&loaded, 60, 15);
    act(&mut s, Action::OpenShifts);
    act(&mut s, Action::ToggleNeutral);
    act(&mut s, Action::Bottom);
    act(&mut s, Action::PrevColumn);
    insta::assert_snapshot!("shifts_60x15", render(&s, 60, 15).backend());
}

#[test]
fn an_actors_course() {
    let loaded = stances_corpus();
    let mut s = sized(&loaded, 90, 14);
    select_actor(&mut s, "mira");
    act(&mut s, Action::OpenCourse);
    act(&mut s, Action::Bottom);
    insta::assert_snapshot!("course", render(&s, 90, 14).backend());
}

/// The cells of `text` on row `y` and their foreground colours.
fn colours_of(terminal: &Terminal<TestBackend>, y: u16, text: &str) -> Vec<Color> {
    let buffer = terminal.backend().buffer();
    let row: String = (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect();
    let at = row.find(text).expect("text on the row");
    let x0 = row[..at].chars().count() as u16;
    (x0..x0 + text.chars().count() as u16)
        .map(|x| buffer[(x, y)].fg)
        .collect()
}

#[test]
fn stances_are_coloured_but_read_by_their_signs_without_colour() {
    let loaded = stances_corpus();
    let mut s = sized(&loaded, 80, 14);
    act(&mut s, Action::OpenPositions);
    let draw = |color: bool| {
        let mut terminal = Terminal::new(TestBackend::new(80, 14)).expect("backend");
        terminal
            .draw(|frame| ui::draw(frame, &s, &Theme::new(color)))
            .expect("draw");
        terminal
    };
    let (colour, plain) = (draw(true), draw(false));
    // The first actor row (Tomas Mira): supports, opposes, neutral on sanctions.
    let y = 5;
    assert_eq!(colours_of(&colour, y, "+1"), [Color::Green; 2]);
    assert_eq!(colours_of(&colour, y, "-1"), [Color::Red; 2]);
    assert_eq!(colours_of(&plain, y, "+1"), [Color::Reset; 2]);
    assert_eq!(
        colour
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect::<String>(),
        plain
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect::<String>(),
        "the same characters with and without colour"
    );
}

#[test]
fn the_detail_view_links_the_article_url_for_the_terminal() {
    let loaded = crate::load_paths(&[std::path::Path::new("tests/fixtures/network")]);
    let mut s = sized(&loaded, 100, 24);
    act(&mut s, Action::OpenDetail);
    let terminal = render(&s, 100, 24);
    let buffer = terminal.backend().buffer();
    let bottom = 21; // the detail frame's bottom border, above status and footer
    let linked: Vec<&str> = (0..100)
        .map(|x| buffer[(x, bottom)].symbol())
        .filter(|sym| sym.contains("\x1b]8;;"))
        .collect();
    assert_eq!(
        linked,
        [
            "\x1b]8;;https://example.org/plans?id=1\x1b\\https://example.org/plans?id=1 \x1b]8;;\x1b\\"
        ]
    );
    let row: String = (0..100).map(|x| buffer[(x, bottom)].symbol()).collect();
    assert!(row.contains(" open ↗ "), "{row:?}");
    // A statement of an article without a URL says so in its fields, and links nothing.
    let loaded = stances_corpus();
    let mut s = sized(&loaded, 100, 24);
    act(&mut s, Action::OpenDetail);
    let screen = format!("{:?}", render(&s, 100, 24).backend());
    assert!(screen.contains("(none: the source gives no URL)"));
    assert!(!screen.contains("\\u{1b}]8"));
}
