//! The detail overlay: its content as text (the paragraph around the statement, then
//! every field), and its keys: j/k go to the next statement, pages scroll the text.

use super::list::step;
use super::{Overlay, State};
use crate::date::DateSpec;
use crate::model::{ActorId, StatementId};
use crate::store::Store;
use crate::tui::action::Effect;
use crate::tui::layout;
use crate::tui::text::{clean, date_label, wrap};

/// The detail overlay's own state: how far its text is scrolled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailPage {
    pub scroll: u16,
}

/// Columns the field names take.
pub const NAME_WIDTH: usize = 13;

/// The paragraph around a statement, cleaned, as runs of text each marked when it is
/// the statement's: one run for a contiguous statement, one per piece (in text order,
/// whatever order the annotation listed them in) for a discontinuous one.
pub fn paragraph(store: &Store, id: StatementId) -> Vec<(String, bool)> {
    let s = store.statement(id);
    let text = &store.article(s.article).text;
    let (a, b) = (s.bytes.start as usize, s.bytes.end as usize);
    let start = text
        .get(..a)
        .and_then(|t| t.rfind("\n\n"))
        .map_or(0, |i| i + 2);
    let end = text
        .get(b..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| b + i);
    let part = |x: usize, y: usize| clean(text.get(x..y).unwrap_or_default());
    let pieces = match store.pieces(id) {
        Some(d) => d.in_text_order(),
        None => vec![s.bytes],
    };
    let mut runs = vec![(part(start, a), false)];
    let mut at = a;
    for p in pieces {
        let (p0, p1) = (p.start as usize, p.end as usize);
        if p0 > at {
            runs.push((part(at, p0), false));
        }
        runs.push((part(p0, p1), true));
        at = at.max(p1);
    }
    runs.push((part(at, end), false));
    runs
}

fn when(date: Option<DateSpec>) -> String {
    match date {
        None => "unknown".into(),
        Some(d) => format!(
            "{}  ({}; precision: {})",
            date_label(Some(d)),
            d,
            d.precision()
        ),
    }
}

/// Every field of the statement and its article, as (name, cleaned value).
pub fn fields(store: &Store, id: StatementId) -> Vec<(&'static str, String)> {
    let s = store.statement(id);
    let article = store.article(s.article);
    let actor = |a: ActorId| {
        let x = store.actor(a);
        let mut out = clean(&x.name);
        if let Some(role) = &x.role {
            out.push_str(&format!(" ({})", clean(role)));
        }
        out.push_str(&format!(" · {}", x.kind));
        out
    };
    let none = || "—".to_string();
    let or_none = |items: Vec<String>| {
        if items.is_empty() {
            none()
        } else {
            items.join(", ")
        }
    };
    let addressees = s
        .addressees
        .iter()
        .map(|&a| store.actor(a).name.to_string())
        .collect();
    let topics = s
        .topics
        .iter()
        .map(|t| format!("{} ({})", store.topic(t.topic), t.stance))
        .collect();
    let mut out = vec![
        ("Speaker", actor(s.speaker)),
        ("On behalf of", s.on_behalf_of.map_or_else(none, actor)),
        ("Mode", s.mode.to_string()),
        ("Cue", s.cue.as_deref().map_or_else(none, str::to_string)),
        ("Date", when(s.date)),
        (
            "Place",
            s.place.as_deref().map_or_else(none, str::to_string),
        ),
        ("Addressees", or_none(addressees)),
        ("Topics", or_none(topics)),
        (
            "Translation",
            s.translation
                .as_deref()
                .map_or_else(|| "(none)".to_string(), str::to_string),
        ),
    ];
    if let Some(notes) = &s.notes {
        out.push(("Notes", notes.to_string()));
    }
    if let Some(marks) = crate::compare::agree::marked_by(store, id, Default::default()) {
        let said: Vec<String> = marks
            .iter()
            .map(|(who, key)| match key {
                Some(k) => format!("{who} ({k})"),
                None => format!("not {who}"),
            })
            .collect();
        out.push(("Marked by", said.join(", ")));
    }
    if let Some(o) = &s.origin {
        let mut found = o.provenance.as_str().to_string();
        if let Some(rule) = &o.rule {
            found.push_str(&format!(" · rule {rule}"));
        }
        if let Some(c) = o.confidence {
            found.push_str(&format!(" · confidence {c:.2}"));
        }
        out.push(("Provenance", found));
    }
    out.extend([
        ("Article", article.label().to_string()),
        ("Outlet", article.outlet.map_or_else(none, str::to_string)),
        ("Published", when(article.published)),
        (
            "URL",
            article.url.map_or_else(
                || "(none: the source gives no URL)".to_string(),
                str::to_string,
            ),
        ),
        ("Source", article.source.to_string()),
    ]);
    out.into_iter().map(|(n, v)| (n, clean(&v))).collect()
}

/// The rows the detail text takes wrapped to `width` (at least, as word wrapping
/// may break a line earlier than this count assumes: one row of slack is added).
pub fn rows(store: &Store, id: StatementId, width: u16) -> usize {
    let width = width as usize;
    let paragraph: String = paragraph(store, id).into_iter().map(|(t, _)| t).collect();
    let count = |text: &str| wrap(text, width, usize::MAX).len().max(1);
    let fields: usize = fields(store, id)
        .iter()
        .map(|(name, value)| count(&format!("{name:<NAME_WIDTH$}{value}")))
        .sum();
    count(&paragraph) + 1 + fields + 1
}

impl State<'_> {
    /// Enter: shows the statement under the cursor in its article, from the top.
    pub(super) fn open_detail(&mut self) -> Option<Effect> {
        if self.list.current().is_some() {
            self.return_to = None;
            self.overlay = Some(Overlay::Detail(DetailPage::default()));
        }
        None
    }

    /// Esc in the detail or help: back to the panes, or to the view it was opened from.
    pub(super) fn close_detail(&mut self) -> Option<Effect> {
        self.overlay = self.return_to.take();
        None
    }

    /// One row moves to the neighbouring statement (from its top); more scrolls the
    /// text, never past its last row.
    pub(super) fn step_detail(&mut self, page: DetailPage, delta: isize) -> Option<Effect> {
        let scroll = if delta.abs() == 1 {
            self.list.step(delta);
            0
        } else {
            let inner = layout::inner(layout::detail(self.size));
            let rows = self
                .list
                .current()
                .map_or(0, |id| rows(self.store, id, inner.width));
            let max = rows.saturating_sub(inner.height as usize);
            let at = step(page.scroll as usize, delta, max + 1);
            u16::try_from(at).unwrap_or(u16::MAX)
        };
        self.overlay = Some(Overlay::Detail(DetailPage { scroll }));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::paragraph;
    use crate::loader::{Source, SourceFormat, load_sources};

    #[test]
    fn pieces_listed_out_of_order_are_each_highlighted_where_they_lie() {
        // The second quotation is listed first: the text keeps that order, the
        // highlight follows the article.
        let doc = r#"{"format": "demarche", "version": 1,
          "article": {"id": "a", "text": "Intro.\n\n“Not yet,” he said. “Soon.” End.\n\nNext."},
          "actors": [{"id": "p", "name": "P", "kind": "person"}],
          "statements": [{"id": "s1", "speaker": "p", "mode": "direct",
            "text": "Soon. Not yet,", "span": [[29, 34], [9, 17]]}]}"#;
        let loaded = load_sources(vec![Source {
            name: "a.json".into(),
            bytes: doc.as_bytes().to_vec(),
            format: SourceFormat::Json,
        }]);
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let store = &loaded.store;
        let id = store.all_ids().next().expect("one statement");
        assert_eq!(store.text(id), "Soon. Not yet,");
        let runs = paragraph(store, id);
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["Not yet,", "Soon."]);
        let whole: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(whole, "“Not yet,” he said. “Soon.” End.");
    }
}
