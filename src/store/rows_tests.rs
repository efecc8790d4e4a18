//! The columns give back each statement as it went in.

use super::*;
use crate::model::{Stance, TopicId};

/// A statement with every optional field set or left out according to `i`.
fn statement(i: u32) -> Statement {
    let some = |bit: u32| i & (1 << bit) != 0;
    let span = Span {
        start: i,
        end: i + 3,
    };
    Statement {
        key: format!("s{i}").into(),
        article: ArticleId(i % 3),
        speaker: ActorId(i % 5),
        on_behalf_of: some(0).then_some(ActorId(7)),
        mode: Mode::ALL[i as usize % Mode::ALL.len()],
        chars: span,
        bytes: Span {
            start: 2 * i,
            end: 2 * i + 6,
        },
        discontinuous: some(1).then(|| {
            Box::new(Discontinuous {
                chars: vec![span, span].into(),
                bytes: vec![span].into(),
                text: format!("piece {i}").into(),
            })
        }),
        cue: some(2).then(|| "sagte".into()),
        date: some(3).then(|| DateSpec::parse("2025-02").ok()).flatten(),
        place: some(4).then(|| format!("Ort {}", i % 2).into()),
        addressees: (0..i % 3).map(ActorId).collect(),
        topics: (0..i % 4)
            .map(|t| TopicStance {
                topic: TopicId(t),
                stance: Stance::ALL[t as usize % Stance::ALL.len()],
            })
            .collect(),
        // An empty translation is kept apart from none.
        translation: some(5).then(|| if i.is_multiple_of(4) { "" } else { "said" }.into()),
        notes: some(6).then(|| format!("note {i}").into()),
        annotator: some(7).then(|| "anna".into()),
        origin: some(8).then(|| {
            Box::new(Origin {
                provenance: crate::model::Provenance::Auto,
                confidence: Some(0.5),
                rule: Some("r".into()),
                edited: None,
            })
        }),
    }
}

#[test]
fn every_statement_comes_back_field_for_field() {
    let statements: Vec<Statement> = (0..300).map(statement).collect();
    let rows = Rows::of(&statements);
    assert_eq!(rows.len(), statements.len());
    for (i, s) in statements.iter().enumerate() {
        assert_eq!(&rows.get(StatementId(i as u32)), s, "statement {i}");
    }
    // Interned: "sagte", "Ort 0", "Ort 1", "anna", each once.
    assert_eq!(rows.symbols.len(), 4);
}
