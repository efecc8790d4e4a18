//! The forms' transitions: what a saved form asks of the session (and that it applies), what it refuses and where, the actor finder filling a field or making an actor, a new statement from selected text, delete, rename and merge.

use crate::edit::{self, Edit};
use crate::tui::action::{Action, Edit as Typing, EditRequest, Effect};
use crate::tui::state::{Focus, Overlay, State};
use crate::tui::test_support::{corpus, state};

fn typed(s: &mut State, text: &str) {
    for c in text.chars() {
        s.update(Action::Edit(Typing::Insert(c)));
    }
}

/// The form's field named `label` gets `text` in place of what it held.
fn set(s: &mut State, label: &str, text: &str) {
    let at = (s.form.as_ref().expect("form").fields.iter())
        .position(|f| f.label == label)
        .expect("field");
    s.form.as_mut().expect("form").cursor = at;
    s.update(Action::Edit(Typing::Clear));
    typed(s, text);
}

/// The edits a save asked for.
fn saved(effect: Option<Effect>) -> Vec<Edit> {
    match effect {
        Some(Effect::Edit(EditRequest::Do(edits, _))) => edits,
        other => panic!("expected an edit, got {other:?}"),
    }
}

/// The statement the quotes cursor is on after moving to `key` of the seed article.
fn on(s: &mut State, key: &str) {
    let id = edit::find(s.store, "2025-02-nato-brussels", key).expect("statement");
    assert!(s.list.select(id));
}

#[test]
fn a_saved_form_puts_the_statement_with_every_changed_field_and_it_applies() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s03");
    s.update(Action::EditStatement);
    assert_eq!(s.overlay, Some(Overlay::Form));
    set(&mut s, "Speaker", "Pistorius");
    set(&mut s, "Mode", "paraphrase");
    set(&mut s, "Date", "before 2025-02-14");
    set(&mut s, "Place", "Brüssel");
    set(&mut s, "Addressees", "trump, Kaja Kallas");
    set(&mut s, "Topics", "nato-defence-spending:+, talks:opposes");
    set(&mut s, "Notes", "checked");
    let edits = saved(s.update(Action::SaveForm));
    let next = edit::apply(s.store, &edits).expect("applies");
    let id = edit::find(&next, "2025-02-nato-brussels", "s03").expect("kept");
    let record = crate::export::statement_value(&next, id);
    assert_eq!(
        record["speaker"], "pistorius",
        "a name resolves to its actor"
    );
    assert_eq!(record["mode"], "paraphrase");
    assert_eq!(record["date"], "before 2025-02-14");
    assert_eq!(record["place"], "Brüssel");
    assert_eq!(record["addressees"], serde_json::json!(["trump", "kallas"]));
    assert_eq!(record["topics"][0]["stance"], "supports");
    assert_eq!(
        record["topics"][1]["topic"], "talks",
        "a new topic is allowed"
    );
    assert_eq!(record["notes"], "checked");
    assert_eq!(next.len(), s.store.len());
}

#[test]
fn an_invalid_value_is_refused_in_the_form_at_its_field_and_nothing_is_asked() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s03");
    s.update(Action::EditStatement);
    set(&mut s, "Date", "13.02.2025");
    set(&mut s, "Notes", "x");
    assert_eq!(s.update(Action::SaveForm), None);
    let form = s.form.as_ref().expect("still open");
    assert_eq!(
        form.field().label,
        "Date",
        "the cursor goes to the bad field"
    );
    let (_, why) = form.error.as_ref().expect("reason");
    assert!(why.contains("expected YYYY-MM-DD"), "{why}");
    set(&mut s, "Date", "2025-02-13");
    set(&mut s, "Speaker", "nobody-here");
    assert_eq!(s.update(Action::SaveForm), None);
    let why = &s
        .form
        .as_ref()
        .expect("open")
        .error
        .as_ref()
        .expect("why")
        .1;
    assert!(why.contains("no actor"), "{why}");
    set(&mut s, "Speaker", "rutte");
    set(&mut s, "Mode", "shouted");
    assert_eq!(s.update(Action::SaveForm), None);
    s.update(Action::Close);
    assert_eq!(s.overlay, None, "Esc leaves unsaved");
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.text.contains("Not saved"))
    );
}

#[test]
fn enter_on_an_actor_field_picks_with_the_finder_or_makes_a_new_actor() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s03");
    s.update(Action::EditStatement);
    set(&mut s, "Speaker", "");
    s.update(Action::Accept);
    assert_eq!(s.overlay, Some(Overlay::ActorSearch));
    typed(&mut s, "sikor");
    s.update(Action::Accept);
    assert_eq!(s.overlay, Some(Overlay::Form), "back in the form");
    assert_eq!(
        s.form.as_ref().expect("form").field().input.text(),
        "sikorski"
    );
    // A name nobody has: the last row makes an actor.
    set(&mut s, "On behalf of", "");
    s.update(Action::Accept);
    typed(&mut s, "Jan Novak");
    let rows = s.actor_finder.rows();
    s.actor_finder.cursor = rows - 1;
    s.update(Action::Accept);
    assert_eq!(s.overlay, Some(Overlay::ActorForm));
    s.update(Action::SaveForm);
    assert_eq!(s.overlay, Some(Overlay::Form));
    assert_eq!(
        s.form.as_ref().expect("form").field().input.text(),
        "jan-novak"
    );
    let edits = saved(s.update(Action::SaveForm));
    assert!(matches!(&edits[0], Edit::PutActor { actor } if actor["name"] == "Jan Novak"));
    let next = edit::apply(s.store, &edits).expect("applies");
    let id = edit::find(&next, "2025-02-nato-brussels", "s03").expect("s03");
    assert_eq!(
        next.actor(next.parties_of(id).1.expect("principal")).name,
        "Jan Novak"
    );
}

#[test]
fn enter_in_topics_completes_an_existing_topic_fuzzily() {
    let loaded = corpus();
    let mut s = state(&loaded);
    s.update(Action::EditStatement);
    set(&mut s, "Topics", "");
    let topic = s.store.topics[0].clone();
    typed(&mut s, &topic[..topic.len() - 2]);
    s.update(Action::Accept);
    let text = s
        .form
        .as_ref()
        .expect("form")
        .field()
        .input
        .text()
        .to_string();
    assert_eq!(text, format!("{topic}:"), "ready for the stance");
}

#[test]
fn a_selection_in_the_text_opens_a_new_statement_with_a_guessed_speaker() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s03");
    s.update(Action::OpenDetail);
    s.update(Action::SelectText);
    assert_eq!(s.overlay, Some(Overlay::Select));
    s.update(Action::EditStatement);
    assert_eq!(s.overlay, Some(Overlay::Select), "nothing selected yet");
    s.update(Action::Anchor);
    for _ in 0..4 {
        s.update(Action::WordNext);
    }
    s.update(Action::EditStatement);
    assert_eq!(s.overlay, Some(Overlay::Form));
    let form = s.form.as_ref().expect("form");
    assert!(
        !form.fields[0].input.text().is_empty(),
        "a speaker is guessed"
    );
    assert!(
        form.warnings.iter().any(|w| w.contains("overlaps s03")),
        "{:?}",
        form.warnings
    );
    let key = form.key().to_string();
    let edits = saved(s.update(Action::SaveForm));
    let next = edit::apply(s.store, &edits).expect("applies");
    assert_eq!(next.len(), s.store.len() + 1);
    let id = edit::find(&next, "2025-02-nato-brussels", &key).expect("new");
    let old = edit::find(s.store, "2025-02-nato-brussels", "s03").expect("s03");
    assert_eq!(next.chars(id).start, s.store.chars(old).start);
}

#[test]
fn d_deletes_r_renames_and_m_merges_through_the_session() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s03");
    let edits = saved(s.update(Action::DeleteStatement));
    assert_eq!(
        edits,
        [Edit::Delete {
            article: "2025-02-nato-brussels".into(),
            id: "s03".into()
        }]
    );
    s.update(Action::FocusActors);
    let trump = s.store.actor_by_key("trump").expect("trump");
    s.actors.cursor = s.actors.row_of(trump);
    s.update(Action::EditActor);
    assert_eq!(s.overlay, Some(Overlay::ActorForm));
    s.actor_form.as_mut().expect("form").cursor = 1;
    s.update(Action::Edit(Typing::Clear));
    typed(&mut s, "Mr. Trump, Trump");
    let edits = saved(s.update(Action::SaveForm));
    let next = edit::apply(s.store, &edits).expect("applies");
    let aliases = &next
        .actor(next.actor_by_key("trump").expect("kept"))
        .aliases;
    assert_eq!(aliases, &["Mr. Trump", "Trump"]);
    s.overlay = None;
    s.update(Action::MergeActor);
    assert_eq!(s.overlay, Some(Overlay::ActorSearch));
    typed(&mut s, "us government");
    let edits = saved(s.update(Action::Accept));
    assert_eq!(
        edits,
        [Edit::Merge {
            from: "trump".into(),
            into: "us-government".into()
        }]
    );
    let merged = edit::apply(s.store, &edits).expect("applies");
    assert!(merged.actor_by_key("trump").is_none());
    let us = merged.actor(merged.actor_by_key("us-government").expect("us"));
    assert!(
        us.aliases.contains(&"Donald Trump".to_string()),
        "{:?}",
        us.aliases
    );
}

#[test]
fn after_an_edit_the_cursor_and_the_view_come_back() {
    let loaded = corpus();
    let mut s = state(&loaded);
    on(&mut s, "s05");
    s.update(Action::OpenDetail);
    s.update(Action::EditStatement);
    set(&mut s, "Notes", "seen");
    let edits = saved(s.update(Action::SaveForm));
    let carried = s.carried();
    let next = edit::apply(s.store, &edits).expect("applies");
    let diagnostics = Vec::new();
    let mut again = State::new(&next, &diagnostics, || "x".into());
    for action in carried {
        again.update(action);
    }
    assert_eq!(again.focus, Focus::Quotes);
    assert!(
        matches!(again.overlay, Some(Overlay::Detail(_))),
        "{:?}",
        again.overlay
    );
    let id = again.list.current().expect("cursor");
    assert_eq!(next.key(id), "s05");
    assert_eq!(next.notes(id), Some("seen"));
}
