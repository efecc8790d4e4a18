//! Screens at 80x24, the smallest common terminal: nothing a card says is dropped, and
//! the footer shows whole hints only.

use super::test_support::{corpus, render, sized};

#[test]
fn at_80x24_every_card_keeps_its_topics_and_stances() {
    let loaded = corpus();
    let s = sized(&loaded, 80, 24);
    let terminal = render(&s, 80, 24);
    insta::assert_snapshot!("start_80x24", terminal.backend());
    let screen = format!("{:?}", terminal.backend());
    for topic in ["·minsk-agreements", "−eu-participation"] {
        assert!(screen.contains(topic), "{topic} missing:\n{screen}");
    }
}

#[test]
fn the_footer_never_cuts_a_hint() {
    let loaded = corpus();
    for width in [60, 72, 80, 96] {
        let s = sized(&loaded, width, 24);
        let terminal = render(&s, width, 24);
        let footer: String = (0..width)
            .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
            .collect();
        assert!(!footer.contains('…'), "cut at {width}: {footer:?}");
        assert!(
            footer
                .trim_end()
                .ends_with(|c: char| c.is_alphanumeric() || c == '.'),
            "{footer:?}"
        );
    }
}

#[test]
fn the_copy_prompt_says_why_and_shows_the_folder_and_its_keys() {
    use crate::tui::action::Action;
    let loaded = corpus();
    let mut s = sized(&loaded, 80, 24);
    s.update(Action::AskCopy("/data/election-demarche".into()));
    let terminal = render(&s, 80, 24);
    let rows: Vec<String> = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    let screen = rows.join("\n");
    for said in [
        "Edits go to a copy",
        "never changed",
        "Folder  /data/election-demarche",
        "Enter convert there  Esc cancel the edit",
    ] {
        assert!(screen.contains(said), "{said:?} missing:\n{screen}");
    }
    let footer = &rows[23];
    assert!(
        footer.contains("convert") && footer.contains("cancel"),
        "{footer}"
    );
}
