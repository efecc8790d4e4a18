//! Markdown reports show what the corpus holds and run nothing: links, HTML, table pipes and
//! backticks from the data are escaped, and only http(s) URLs become links.

mod common;

/// A link to `javascript:`, raw HTML, pipes, backticks and a `javascript:` article URL.
const CORPUS: &str = r#"{"format":"demarche","version":1,
"article":{"id":"a`b","title":"<script>alert(1)</script>","outlet":"[click](javascript:alert(1))","url":"javascript:alert(2)","published":"2025-02-14",
"text":"Mallory said <img src=x onerror=alert(3)>. Mallory said *this* | that."},
"actors":[{"id":"mallory","name":"Mallory <b>","kind":"person","role":"[x](javascript:y)"}],
"statements":[
{"id":"s1","speaker":"mallory","mode":"direct","text":"<img src=x onerror=alert(3)>","translation":"`code` | cell"},
{"id":"s2","speaker":"mallory","mode":"direct","text":"*this* | that"}]}"#;

fn markdown(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, CORPUS).expect("fixture");
    common::stdout_of(args, &path)
}

#[test]
fn no_link_html_or_markup_from_the_data_survives_in_markdown() {
    for md in [
        markdown(&["list", "--format", "md"]),
        markdown(&["export", "--format", "md", "-o", "-"]),
    ] {
        for raw in [
            "<script",
            "<img",
            "<b>",
            "](javascript",
            "<javascript",
            "* | that",
        ] {
            assert!(!md.contains(raw), "{raw:?} survived in\n{md}");
        }
        assert!(md.contains(r"&lt;img src=x onerror=alert\(3\)&gt;"), "{md}");
        assert!(
            md.contains(r"“\*this\* \| that”"),
            "a quote still reads as one: {md}"
        );
        assert!(
            md.contains(r"URL (not linked): javascript:alert\(2\)"),
            "{md}"
        );
        assert!(md.contains("(article `` a`b ``"), "{md}");
    }
}

/// Only a bracketed title is called the annotator's; a headline is cited as it is.
#[test]
fn a_headline_is_not_called_supplied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.json");
    std::fs::write(
        &path,
        r#"{"format":"demarche","version":1,"article":{"id":"a","title":"Talks resume","outlet":"Wire","text":"t"},"actors":[{"id":"k","name":"K","kind":"person"}],"statements":[{"id":"s1","speaker":"k","mode":"indirect","text":"t"}]}"#,
    )
    .expect("write");
    let md = common::stdout_of(&["list", "--no-cache", "--format", "md"], &path);
    assert!(md.contains("Source: Wire, Talks resume"), "{md}");
    assert!(
        !md.contains("annotator") && !md.contains("not named"),
        "{md}"
    );
}
