//! Property tests for brat discontinuous spans: pieces in any order over random text
//! load with brat's surface text intact, and random offsets never panic.

use proptest::prelude::*;

/// Characters of the random texts: letters of several scripts, quotation marks,
/// an emoji, line ends (LF and CR) and a tab.
const ALPHABET: &[char] = &[
    'a', 'b', 'Z', 'é', 'ß', 'Ж', 'λ', '中', ' ', ' ', '“', '”', '„', '»', '«', '😀', '🇬', '🇷',
    '\n', '\r', '\t', '.', ',',
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 2..120)
        .prop_map(|cs| cs.into_iter().collect())
}

/// A text and up to five non-overlapping, non-empty pieces of it, in a shuffled order.
fn text_and_pieces() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    text()
        .prop_flat_map(|t| {
            let n = t.chars().count();
            let cuts = prop::collection::btree_set(0..=n, 2..=10);
            (Just(t), cuts, any::<u64>())
        })
        .prop_map(|(t, cuts, seed)| {
            let cuts: Vec<usize> = cuts.into_iter().collect();
            let mut pieces: Vec<(usize, usize)> = cuts
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| (c[0], c[1]))
                .collect();
            fastrand::Rng::with_seed(seed).shuffle(&mut pieces);
            (t, pieces)
        })
}

/// A brat document in a fresh folder: the text, and one event whose content is
/// `offsets` with `surface` as its text.
fn load(text: &str, offsets: &str, surface: &str) -> (tempfile::TempDir, demarche::Loaded) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("doc.txt"), text).expect("write text");
    let ann = format!("T1\tContent {offsets}\t{surface}\nE1\tAttribution:T1 Content:T1\n");
    std::fs::write(dir.path().join("doc.ann"), ann).expect("write ann");
    let loaded = demarche::load_paths(&[dir.path().to_path_buf()]);
    (dir, loaded)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn pieces_in_any_order_load_with_the_surface_text((text, pieces) in text_and_pieces()) {
        let chars: Vec<char> = text.chars().collect();
        let part = |&(s, e): &(usize, usize)| chars[s..e].iter().collect::<String>();
        // brat's surface text: the pieces in the listed order, one space between.
        let surface = pieces.iter().map(part).collect::<Vec<_>>().join(" ");
        let offsets = pieces
            .iter()
            .map(|(s, e)| format!("{s} {e}"))
            .collect::<Vec<_>>()
            .join(";");
        let written = surface.replace(['\n', '\r', '\t'], " ");
        let (_dir, loaded) = load(&text, &offsets, &written);
        let store = &loaded.store;
        if surface.trim().is_empty() {
            // Blank text is no statement; it must be said, not panic.
            return Ok(());
        }
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        prop_assert_eq!(store.len(), 1);
        let id = store.all_ids().next().expect("one statement");
        prop_assert_eq!(store.text(id), surface.as_str());
        let listed: Vec<[u32; 2]> = pieces.iter().map(|&(s, e)| [s as u32, e as u32]).collect();
        let record = demarche::record::Record::of(store, id);
        match record.pieces {
            Some(p) => prop_assert_eq!(p, listed),
            None => prop_assert_eq!(vec![record.span], listed),
        }
        let first = pieces.iter().map(|p| p.0).min().unwrap_or(0) as u32;
        let last = pieces.iter().map(|p| p.1).max().unwrap_or(0) as u32;
        prop_assert_eq!(record.span, [first, last]);
    }

    #[test]
    fn random_offsets_never_panic(
        text in text(),
        pieces in prop::collection::vec((0usize..200, 0usize..200), 1..5),
        surface in "[a-z “”\n]{0,20}",
    ) {
        let offsets = pieces
            .iter()
            .map(|(s, e)| format!("{s} {e}"))
            .collect::<Vec<_>>()
            .join(";");
        let (_dir, loaded) = load(&text, &offsets, &surface.replace('\n', " "));
        // Either the span holds the text and loads, or the problem is reported.
        prop_assert!(loaded.store.len() == 1 || !loaded.diagnostics.is_empty());
    }
}
