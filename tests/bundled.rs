//! The bundled corpus: the seed article, annotated completely and loading cleanly.

use demarche::model::StatementId;

const SEED: &str = include_str!("../assets/corpus/2025-02-nato-brussels.de.json");

#[test]
fn loads_without_any_diagnostic() {
    let loaded = demarche::bundled::load();
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert!(loaded.store.len() >= 20, "every statement of the article");
}

#[test]
fn every_span_equals_its_text_counted_in_characters() {
    let doc: serde_json::Value = serde_json::from_str(SEED).expect("json");
    let text: Vec<char> = doc["article"]["text"]
        .as_str()
        .expect("text")
        .chars()
        .collect();
    for s in doc["statements"].as_array().expect("statements") {
        let span = s["span"].as_array().expect("span");
        let (a, b) = (
            span[0].as_u64().expect("start") as usize,
            span[1].as_u64().expect("end") as usize,
        );
        let slice: String = text[a..b].iter().collect();
        assert_eq!(slice, s["text"].as_str().expect("text"), "{}", s["id"]);
    }
}

#[test]
fn the_article_text_is_the_seed_file_exactly() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/2025-02-nato-brussels.de.txt"
    ));
    let loaded = demarche::bundled::load();
    match seed {
        Ok(seed) => assert_eq!(
            loaded.store.article(demarche::model::ArticleId(0)).text,
            seed
        ),
        Err(_) => eprintln!("seed file not beside the checkout; comparing the caption only"),
    }
    assert!(
        loaded
            .store
            .article(demarche::model::ArticleId(0))
            .text
            .starts_with(" date 2025-02 IMAGO/Xinhua")
    );
}

#[test]
fn every_statement_is_translated_dated_and_on_a_topic_and_none_is_in_the_caption() {
    let loaded = demarche::bundled::load();
    let store = &loaded.store;
    let caption_end = store
        .article(demarche::model::ArticleId(0))
        .text
        .find('\n')
        .expect("caption line") as u32;
    for (i, s) in store.statements().enumerate() {
        assert!(s.translation.is_some(), "{} has no translation", s.key);
        assert!(!s.topics.is_empty(), "{} has no topic", s.key);
        assert!(s.date.is_some(), "{} has no date", s.key);
        assert!(s.bytes.start > caption_end, "{} lies in the caption", s.key);
        assert!(!store.text(StatementId(i as u32)).is_empty());
    }
    let article = &store.article(demarche::model::ArticleId(0));
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2025-02")
    );
    assert_eq!(article.outlet, None, "the text names no outlet");
}

#[test]
fn peskov_speaks_for_putin_and_the_direct_quote_is_his() {
    let loaded = demarche::bundled::load();
    let store = &loaded.store;
    let peskov = store.actor_by_key("peskov").expect("peskov");
    let putin = store.actor_by_key("putin").expect("putin");
    assert!(
        store
            .spoken_by(peskov)
            .iter()
            .all(|&id| store.statement(id).on_behalf_of == Some(putin))
    );
    let direct: Vec<_> = store
        .all_ids()
        .filter(|&id| store.statement(id).mode == demarche::model::Mode::Direct)
        .collect();
    assert!(
        direct
            .iter()
            .any(|&id| store.statement(id).speaker == peskov
                && store.text(id).starts_with("Es wird beides geben"))
    );
}

/// The seed names no title or outlet: the title is the annotator's, in square brackets,
/// the outlet and URL are left empty, and a Markdown citation says both plainly.
#[test]
fn the_article_reads_as_an_honest_citation() {
    let doc: serde_json::Value = serde_json::from_str(SEED).expect("json");
    let article = &doc["article"];
    let title = article["title"].as_str().expect("a descriptive title");
    assert!(title.starts_with('[') && title.ends_with(']'), "{title}");
    assert!(
        article["outlet"].is_null() && article["url"].is_null(),
        "nothing invented"
    );
    assert!(
        article["text"]
            .as_str()
            .expect("text")
            .starts_with(" date 2025-02 IMAGO/Xinhua"),
        "the caption stays verbatim"
    );
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["list", "--format", "md", "--filter", "actor:rutte"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("utf8");
    let source = md
        .lines()
        .find(|l| l.contains("Source:"))
        .expect("source line");
    assert!(
        source.contains("The title is the annotator's: the source names none."),
        "{source}"
    );
    assert!(
        source.contains("The outlet is not named in the source."),
        "{source}"
    );
}
