//! The loader: every diagnostic has a fixture; what is broken is skipped and the rest loads.

mod common;

use common::{fixture, keys, load};
use demarche::Severity;

/// One fixture with the diagnostic it must produce.
struct Case {
    file: &'static str,
    severity: Severity,
    /// `Some((line, column))` where the problem is a syntax or type error.
    position: Option<(usize, Option<usize>)>,
    item: Option<(&'static str, &'static str)>,
    message: &'static str,
    statements_left: usize,
}

const fn case(file: &'static str, message: &'static str, statements_left: usize) -> Case {
    Case {
        file,
        severity: Severity::Error,
        position: None,
        item: None,
        message,
        statements_left,
    }
}

fn cases() -> Vec<Case> {
    use Severity::Warning;
    let item = |c: Case, i: &'static str, f: &'static str| Case {
        item: Some((i, f)),
        ..c
    };
    let at = |c: Case, l: usize, col: Option<usize>| Case {
        position: Some((l, col)),
        ..c
    };
    vec![
        item(case("statement-missing-id.json", "has no `id`", 2), "", ""),
        item(
            case("statement-duplicate-id.json", "duplicate id", 2),
            "statement s1",
            "id",
        ),
        item(
            case(
                "statement-missing-speaker.json",
                "missing: expected an actor id",
                2,
            ),
            "statement s2",
            "speaker",
        ),
        item(
            case(
                "statement-unknown-speaker.json",
                "unknown actor id \"nobody\"",
                2,
            ),
            "statement s2",
            "speaker",
        ),
        item(
            case(
                "statement-unknown-on-behalf-of.json",
                "unknown actor id \"ghost\"",
                2,
            ),
            "statement s2",
            "on_behalf_of",
        ),
        item(
            case(
                "statement-unknown-addressee.json",
                "unknown actor id \"ghost\"",
                2,
            ),
            "statement s1",
            "addressees",
        ),
        item(
            case(
                "statement-unknown-mode.json",
                "unknown mode \"quoted\": expected one of direct, indirect, mixed, paraphrase",
                2,
            ),
            "statement s2",
            "mode",
        ),
        item(
            case(
                "statement-missing-mode.json",
                "missing: expected one of direct",
                2,
            ),
            "statement s2",
            "mode",
        ),
        item(
            case(
                "statement-missing-text.json",
                "missing: expected the statement text",
                2,
            ),
            "statement s2",
            "text",
        ),
        item(
            case(
                "statement-span-out-of-range.json",
                "not a range inside the article text (0..125 characters)",
                2,
            ),
            "statement s1",
            "span",
        ),
        item(
            case(
                "statement-span-mismatch.json",
                "holds \"»We will talk\" but `text` is \"We will talk.\"",
                2,
            ),
            "statement s1",
            "span",
        ),
        item(
            case(
                "statement-text-not-found.json",
                "does not occur in the article text",
                2,
            ),
            "statement s2",
            "text",
        ),
        item(
            case(
                "statement-text-ambiguous.json",
                "occurs 2 times in the article: give a span",
                2,
            ),
            "statement s2",
            "span",
        ),
        item(
            case(
                "statement-invalid-date.json",
                "invalid date \"2025-02-30\"",
                2,
            ),
            "statement s2",
            "date",
        ),
        item(
            case(
                "statement-unknown-stance.json",
                "unknown stance \"against\": expected one of supports, opposes, neutral",
                2,
            ),
            "statement s2",
            "topics",
        ),
        item(
            case("statement-missing-stance.json", "has no stance", 2),
            "statement s2",
            "topics",
        ),
        Case {
            severity: Warning,
            ..item(
                case(
                    "statement-on-behalf-of-self.json",
                    "same as the speaker; ignored",
                    3,
                ),
                "statement s1",
                "on_behalf_of",
            )
        },
        at(
            case(
                "statement-wrong-type.json",
                "wrong type: invalid type: string \"26-39\"",
                2,
            ),
            76,
            Some(21),
        ),
        // On the fast path actors are recognised by their JSON; one of the wrong shape
        // is still named where it stands.
        at(
            case(
                "actor-wrong-type.json",
                "wrong type: invalid type: string \"Norland government\", expected a sequence; actor skipped",
                2,
            ),
            36,
            Some(37),
        ),
        item(
            case(
                "actor-missing-name.json",
                "expected the display name; actor skipped",
                2,
            ),
            "actor norland",
            "name",
        ),
        item(
            case("actor-unknown-kind.json", "unknown kind \"state\"", 2),
            "actor norland",
            "kind",
        ),
        item(
            case(
                "actor-defined-twice.json",
                "defined twice in this article",
                3,
            ),
            "actor berg",
            "id",
        ),
        Case {
            severity: Warning,
            ..item(
                case(
                    "article-invalid-published.json",
                    "invalid date \"March 2025\"",
                    3,
                ),
                "article fx-article",
                "published",
            )
        },
        at(
            case(
                "syntax-error.json",
                "syntax error: expected `,` or `}`; document skipped",
                0,
            ),
            67,
            Some(7),
        ),
        at(case("empty.json", "empty file", 0), 1, Some(1)),
        at(
            case("not-utf8.json", "not valid UTF-8 (byte 0xE9", 0),
            12,
            Some(29),
        ),
        at(case("deeply-nested.json", "found an array", 0), 1, Some(1)),
        case("deeply-nested-in-object.json", "expected a JSON object", 0),
        at(
            case(
                "wrong-top-level.json",
                "at the top level, found an array",
                0,
            ),
            1,
            Some(1),
        ),
        case("missing-format.json", "missing `format`", 0),
        case("unsupported-version.json", "unsupported `version` 2", 0),
        case("article-missing-id.json", "article has no `id`", 0),
        case("article-missing-text.json", "has no `text`", 0),
        at(
            case("jsonl-bad-line.jsonl", "unexpected end of input", 6),
            2,
            Some(76),
        ),
    ]
}

#[test]
fn every_diagnostic_fixture_reports_its_problem_and_loads_the_rest() {
    for c in cases() {
        let path = format!("diagnostics/{}", c.file);
        let loaded = load(&[&path]);
        let found: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.message.contains(c.message))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{}: expected one diagnostic containing {:?}, got {:#?}",
            c.file,
            c.message,
            loaded.diagnostics
        );
        let d = found[0];
        assert_eq!(d.severity, c.severity, "{}", c.file);
        assert!(d.file.ends_with(c.file), "{}: file {}", c.file, d.file);
        if let Some((line, column)) = c.position {
            assert_eq!((d.line, d.column), (Some(line), column), "{}: {d}", c.file);
        }
        if let Some((item, field)) = c.item
            && !item.is_empty()
        {
            assert_eq!(d.statement.as_deref(), Some(item), "{}", c.file);
            assert_eq!(d.field.as_deref(), Some(field), "{}", c.file);
        }
        assert_eq!(
            loaded.store.len(),
            c.statements_left,
            "{}: statements left",
            c.file
        );
    }
}

#[test]
fn every_fixture_in_the_folder_is_covered() {
    let listed: Vec<&str> = cases().iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(fixture("diagnostics")).expect("fixture dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name != "cross-file" {
            assert!(
                listed.contains(&name.as_str()),
                "fixture {name} has no case"
            );
        }
    }
}

#[test]
fn a_broken_file_does_not_stop_the_others() {
    let loaded = load(&["diagnostics/syntax-error.json", "good/article.json"]);
    assert_eq!(
        keys(&loaded),
        ["s2", "s1", "s3"],
        "month first (its earliest day), then by day and position"
    );
    assert_eq!(loaded.diagnostics.len(), 1);
}

#[test]
fn an_actor_defined_differently_in_two_files_warns_and_keeps_the_first() {
    let loaded = load(&[
        "diagnostics/cross-file/a.json",
        "diagnostics/cross-file/b.json",
    ]);
    let warning = &loaded.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message.contains("defined differently in")
            && warning.message.contains("role differ"),
        "{warning}"
    );
    let berg = loaded.store.actor_by_key("berg").expect("berg");
    assert_eq!(
        loaded.store.actor(berg).role.as_deref(),
        Some("Foreign minister")
    );
    assert_eq!(loaded.store.len(), 6);
}

#[test]
fn a_duplicate_article_id_skips_the_second_article() {
    let loaded = load(&[
        "diagnostics/cross-file/a.json",
        "diagnostics/cross-file/c.json",
    ]);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("was already loaded from")
    );
    assert!(loaded.diagnostics[0].file.ends_with("c.json"));
    assert_eq!(loaded.store.len(), 3);
}

#[test]
fn directories_load_recursively_with_json_lines() {
    let loaded = load(&["good"]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ids = common::article_ids(&loaded);
    assert_eq!(ids, ["fx-article", "fx-second", "fx-third"]);
    assert_eq!(loaded.store.len(), 7);
    assert!(
        loaded
            .store
            .article(demarche::model::ArticleId(2))
            .source
            .ends_with("more.jsonl:3")
    );
}

#[test]
fn a_missing_path_is_a_diagnostic() {
    let loaded = load(&["no/such/file.json"]);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(loaded.diagnostics[0].message.starts_with("cannot read"));
}

#[test]
fn a_statement_without_span_gets_its_offsets_from_the_text() {
    let loaded = load(&["good/article.json"]);
    let store = &loaded.store;
    let s2 = store
        .all_ids()
        .find(|&id| store.key(id) == "s2")
        .expect("s2");
    let s = store.statement(s2);
    let text = &store.article(s.article).text;
    let by_chars: String = text
        .chars()
        .skip(s.chars.start as usize)
        .take((s.chars.end - s.chars.start) as usize)
        .collect();
    assert_eq!(by_chars, "it rejects the plan");
    assert_eq!(store.text(s2), "it rejects the plan");
}

#[test]
fn diagnostics_render_file_line_column_and_item() {
    let loaded = load(&[
        "diagnostics/syntax-error.json",
        "diagnostics/statement-unknown-mode.json",
    ]);
    let lines: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        lines[0].ends_with(
            "syntax-error.json:67:7: error: syntax error: expected `,` or `}`; document skipped"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains(
            "statement-unknown-mode.json: error: statement s2, field `mode`: unknown mode"
        ),
        "{}",
        lines[1]
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    use demarche::loader::{Source, SourceFormat, load_sources};
    let inputs: Vec<Vec<u8>> = vec![
        vec![0xff, 0xfe, 0x00],
        b"{".to_vec(),
        b"{\"format\":\"demarche\",\"version\":1,\"article\":{\"id\":\"a\",\"text\":\"x\"},\"statements\":[{\"id\":\"s\",\"speaker\":\"q\",\"mode\":\"direct\",\"text\":\"x\",\"span\":[-1,4294967296]}]}".to_vec(),
        b"{\"format\":\"demarche\",\"version\":1.5}".to_vec(),
        "{\"format\":\"demarche\",\"version\":1,\"articles\":[{\"format\":\"demarche\",\"version\":1,\"articles\":[]}]}".as_bytes().to_vec(),
    ];
    for (i, bytes) in inputs.into_iter().enumerate() {
        for format in [SourceFormat::Json, SourceFormat::JsonLines] {
            let loaded = load_sources(vec![Source {
                name: format!("input-{i}"),
                bytes: bytes.clone(),
                format,
            }]);
            assert!(
                !loaded.diagnostics.is_empty(),
                "input {i} gave no diagnostic"
            );
        }
    }
}

#[test]
fn spans_out_of_text_order_in_non_ascii_text_resolve() {
    // Statements listed back to front, with umlauts, curly quotes, an arrow and an emoji
    // (outside the Basic Multilingual Plane) before their spans.
    let loaded = load(&["unordered-spans.json"]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let store = &loaded.store;
    let found: Vec<(String, u32, String)> = store
        .all_ids()
        .map(|id| {
            let s = store.statement(id);
            (s.key.to_string(), s.chars.start, store.text(id).to_string())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("s4".to_string(), 0, "Ä".to_string()),
            ("s2".to_string(), 2, "„eins“".to_string()),
            ("s3".to_string(), 11, "😀 zwei".to_string()),
            ("nospan".to_string(), 18, "→ drei".to_string()),
            ("s1".to_string(), 20, "drei".to_string()),
            ("s0".to_string(), 27, "vier".to_string()),
        ]
    );
}

#[test]
fn a_counted_load_reads_every_byte_of_every_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = demarche::generate::Options::new(300, 1);
    demarche::generate::generate(dir.path(), &options, true).expect("generate");
    let progress = demarche::loader::LoadProgress::default();
    let loaded = demarche::loader::load_paths_counting(
        &[dir.path()],
        &demarche::loader::Limits::default(),
        &progress,
    );
    assert_eq!(loaded.store.len(), 300);
    let seen = progress.snapshot();
    assert!(seen.files > 0 && seen.bytes > 0);
    assert_eq!(seen.files_done, seen.files);
    assert_eq!(seen.bytes_read, seen.bytes);
    assert!(seen.merging);
}
