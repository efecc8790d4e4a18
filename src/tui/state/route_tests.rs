//! Scrolling the read-only overlays: the detail text and the help, by page and to either end.

use crate::tui::action::Action;
use crate::tui::help_text;
use crate::tui::keymap::Context;
use crate::tui::layout;
use crate::tui::state::{Overlay, State};
use crate::tui::test_support::{corpus, sized};

fn detail_scroll(s: &State) -> u16 {
    match s.overlay {
        Some(Overlay::Detail(page)) => page.scroll,
        other => panic!("the detail view is not open: {other:?}"),
    }
}

fn help_scroll(s: &State) -> usize {
    match s.overlay {
        Some(Overlay::Help(page)) => page.scroll,
        other => panic!("the help is not open: {other:?}"),
    }
}

#[test]
fn the_detail_text_scrolls_by_page_and_to_its_ends_but_never_past_them() {
    let loaded = corpus();
    let mut s = sized(&loaded, 80, 24);
    s.update(Action::OpenDetail);
    let id = s.list.current().expect("a statement");
    let inner = layout::inner(layout::detail(s.size));
    let rows = crate::tui::state::detail::rows(&loaded.store, id, inner.width);
    let end = rows - inner.height as usize;
    assert!(end > 0, "the text is longer than the view at 80x24");
    s.update(Action::HalfPageDown);
    assert!(detail_scroll(&s) > 0, "PgDn scrolls");
    s.update(Action::Bottom);
    assert_eq!(
        detail_scroll(&s) as usize,
        end,
        "End shows the last row at the bottom"
    );
    s.update(Action::HalfPageDown);
    assert_eq!(detail_scroll(&s) as usize, end, "never past the end");
    s.update(Action::HalfPageUp);
    assert!(
        (detail_scroll(&s) as usize) < end,
        "PgUp right after End scrolls back"
    );
    s.update(Action::Top);
    assert_eq!(detail_scroll(&s), 0);
    s.update(Action::Down);
    assert_eq!(s.list.cursor, 1, "j still steps to the next statement");
    assert_eq!(detail_scroll(&s), 0);
}

#[test]
fn help_jumps_to_its_end_and_back() {
    let loaded = corpus();
    let mut s = sized(&loaded, 80, 24);
    s.update(Action::OpenHelp);
    let lines = help_text::lines(Context::Quotes).len();
    let shown = layout::inner(layout::help(s.size)).height as usize;
    s.update(Action::Bottom);
    assert_eq!(
        help_scroll(&s),
        lines - shown,
        "G shows the last page, full"
    );
    s.update(Action::Up);
    assert_eq!(
        help_scroll(&s),
        lines - shown - 1,
        "k right after G scrolls"
    );
    s.update(Action::Top);
    assert_eq!(help_scroll(&s), 0);
}
