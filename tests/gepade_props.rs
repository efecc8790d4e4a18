//! GEPADE detokenisation under random tokens: every token's span holds exactly the token, and nothing panics.

use demarche::loader::gepade::detokenise;
use proptest::prelude::*;

/// Tokens as GEPADE has them (words, punctuation, quotation marks, brackets,
/// dashes) and anything else, spaces, empty strings and multi-byte letters included.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            ",",
            ".",
            ":",
            "!",
            "?",
            "„",
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "‚",
            "(",
            ")",
            "-",
            "/",
            "…",
            "%",
            "Wir",
            "Präsidentin",
            "E‑Privacy",
        ])
        .prop_map(String::from),
        "\\PC{0,6}",
        ".{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_its_token(sentences in prop::collection::vec(prop::collection::vec(token(), 0..12), 0..6)) {
        let d = detokenise(&sentences);
        let chars: Vec<char> = d.text.chars().collect();
        prop_assert_eq!(d.spans.len(), sentences.len());
        let mut previous_end = 0;
        for ((sentence, spans), bytes) in sentences.iter().zip(&d.spans).zip(&d.byte_spans) {
            prop_assert_eq!(spans.len(), sentence.len());
            for ((token, &(s, e)), &(bs, be)) in sentence.iter().zip(spans).zip(bytes) {
                prop_assert!(s >= previous_end && e <= chars.len());
                prop_assert_eq!(&chars[s..e].iter().collect::<String>(), token);
                prop_assert_eq!(&d.text[bs..be], token.as_str());
                previous_end = e;
            }
        }
        // Nothing but the tokens and single spaces between them.
        let tokens: usize = sentences.iter().flatten().map(|t| t.chars().count()).sum();
        let gaps = sentences.iter().flatten().count().saturating_sub(1);
        prop_assert!(chars.len() >= tokens && chars.len() <= tokens + gaps);
    }

    #[test]
    fn the_text_does_not_depend_on_where_sentences_break(tokens in prop::collection::vec(token(), 0..20), cut in 0usize..20) {
        let cut = cut.min(tokens.len());
        let whole = detokenise(std::slice::from_ref(&tokens)).text;
        let split = detokenise(&[tokens[..cut].to_vec(), tokens[cut..].to_vec()]).text;
        prop_assert_eq!(whole, split);
    }
}
