//! The forms and the text selection rendered with TestBackend, compared with reviewed snapshots: every field, the actor a field names, the hint, a refusal and an overlap warning.

use super::action::{Action, Edit};
use super::test_support::{act, render, sized};

fn on_s03(s: &mut super::state::State) {
    let id = crate::edit::find(s.store, "2025-02-nato-brussels", "s03").expect("s03");
    assert!(s.list.select(id));
}

#[test]
fn the_statement_form_shows_every_field_and_refuses_a_bad_date_in_place() {
    let loaded = crate::bundled::load();
    let mut s = sized(&loaded, 100, 30);
    on_s03(&mut s);
    act(&mut s, Action::EditStatement);
    for _ in 0..4 {
        act(&mut s, Action::Down);
    }
    act(&mut s, Action::Edit(Edit::Clear));
    for c in "Donnerstag".chars() {
        act(&mut s, Action::Edit(Edit::Insert(c)));
    }
    act(&mut s, Action::SaveForm);
    let screen = render(&s, 100, 30);
    insta::assert_snapshot!("form_refused", screen.backend());
}

#[test]
fn a_selection_shows_in_its_paragraph_and_the_new_form_flags_the_overlap() {
    let loaded = crate::bundled::load();
    let mut s = sized(&loaded, 100, 30);
    on_s03(&mut s);
    act(&mut s, Action::OpenDetail);
    act(&mut s, Action::SelectText);
    act(&mut s, Action::Anchor);
    for _ in 0..3 {
        act(&mut s, Action::WordNext);
    }
    insta::assert_snapshot!("selecting", render(&s, 100, 30).backend());
    act(&mut s, Action::EditStatement);
    insta::assert_snapshot!("new_statement_form", render(&s, 100, 30).backend());
}

#[test]
fn the_actor_finder_offers_a_new_actor_for_a_field() {
    let loaded = crate::bundled::load();
    let mut s = sized(&loaded, 100, 30);
    on_s03(&mut s);
    act(&mut s, Action::EditStatement);
    act(&mut s, Action::Down);
    act(&mut s, Action::Accept);
    for c in "Jan Novak".chars() {
        act(&mut s, Action::Edit(Edit::Insert(c)));
    }
    let screen = render(&s, 100, 30);
    let text = format!("{:?}", screen.backend());
    assert!(text.contains("+ new actor \"Jan Novak\""), "{text}");
    act(&mut s, Action::Accept);
    insta::assert_snapshot!("new_actor_form", render(&s, 100, 30).backend());
}
