//! Tests of the filter syntax: keys, values, negation, phrases and where errors point.

use super::*;

#[test]
fn unknown_key_points_at_the_key_and_lists_the_valid_ones() {
    let err = parse("mode:direct speeker:peskov").expect_err("invalid");
    assert_eq!((err.start, err.end), (12, 20));
    assert!(err.message.contains("actor:"), "{}", err.message);
}

#[test]
fn negation_and_phrases() {
    let clauses = parse("-mode:direct \"Frieden durch\" Stärke").expect("valid");
    assert!(clauses[0].negated);
    assert_eq!(clauses[1].term, Term::Text("frieden durch".into()));
    assert_eq!(clauses[2].term, Term::Text("starke".into()));
}

#[test]
fn a_lone_minus_asks_for_a_term() {
    for expr in ["grenze -", "grenze - ultimatum", "-"] {
        let e = parse(expr).expect_err(expr);
        assert!(e.message.contains("needs a term"), "{expr}: {}", e.message);
        assert_eq!(&expr[e.start..e.end], "-", "{expr}");
    }
    let clauses = parse("-grenze cessez-le-feu").expect("valid");
    assert!(clauses[0].negated);
    assert_eq!(clauses[1].term, Term::Text("cessez-le-feu".into()));
}

#[test]
fn a_unique_prefix_names_a_mode_stance_or_kind() {
    let clauses = parse("mode:dir stance:OPP kind:gov").expect("valid");
    assert_eq!(clauses[0].term, Term::Mode(Mode::Direct));
    assert_eq!(clauses[1].term, Term::Stance(Stance::Opposes));
    assert_eq!(clauses[2].term, Term::Kind(ActorKind::Government));
    // `m` could be ministry or media; `mixed` is whole.
    let e = parse("kind:m").expect_err("ambiguous");
    assert!(e.message.contains("expected one of"), "{}", e.message);
    assert_eq!(
        parse("mode:mixed").expect("valid")[0].term,
        Term::Mode(Mode::Mixed)
    );
}

#[test]
fn a_colon_after_digits_is_text() {
    let clauses = parse("12:30").expect("valid");
    assert_eq!(clauses[0].term, Term::Text("12:30".into()));
}

#[test]
fn until_a_month_means_its_last_day() {
    let clauses = parse("until:2025-02").expect("valid");
    assert_eq!(
        clauses[0].term,
        Term::Until(NaiveDate::from_ymd_opt(2025, 2, 28).expect("date"))
    );
}

#[test]
fn dates_and_precision_take_their_values_and_refuse_others() {
    let clauses = parse("dates:poss precision:DAY").expect("valid");
    assert_eq!(clauses[0].term, Term::Dates(DateMode::Possible));
    assert_eq!(clauses[1].term, Term::Precision("day"));
    assert!(parse("dates:maybe").is_err());
    assert!(parse("precision:hour").is_err());
    let e = parse("-dates:possible").expect_err("negated mode");
    assert!(e.message.contains("cannot be negated"), "{}", e.message);
    assert!(parse("-precision:day").is_ok());
}

#[test]
fn the_caret_stands_under_the_term_after_wide_characters() {
    let expr = "习近平 speeker:x";
    let e = parse(expr).expect_err("unknown key");
    let pointed = e.pointed(expr);
    let caret = pointed.lines().nth(1).expect("caret line");
    // 习近平 takes six columns, then a space: the key starts at column 7.
    assert_eq!(caret, format!("{}{}", " ".repeat(7), "^".repeat(8)));
}

#[test]
fn an_expression_of_too_many_terms_is_refused_at_the_first_one_over() {
    let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
    let expr = words.join(" ");
    let e = parse(&expr).expect_err("too many");
    assert!(e.message.contains("at most 64"), "{}", e.message);
    assert_eq!(&expr[e.start..e.end], "w64");
    assert!(parse(&words[..64].join(" ")).is_ok());
}
