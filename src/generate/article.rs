//! One synthetic article: text assembled sentence by sentence, with every statement's span counted as it is written.

use super::actors::GenActor;
use super::words::{LANGUAGES, PLACES, TOPICS, cues, filler, outlets, quote_marks, vocabulary};
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// Samples indices `0..n` with probability falling as `1 / (i + 1)^s`: a few are drawn a lot.
pub struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cdf = (0..n)
            .map(|i| {
                total += 1.0 / ((i + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cdf }
    }

    pub fn sample(&self, rng: &mut fastrand::Rng) -> usize {
        let total = self.cdf.last().copied().unwrap_or(0.0);
        let x = rng.f64() * total;
        self.cdf
            .partition_point(|&c| c <= x)
            .min(self.cdf.len() - 1)
    }
}

/// The article document as written: our own format, field order as in the docs.
#[derive(Serialize)]
pub struct Doc<'a> {
    pub format: &'static str,
    pub version: u32,
    pub article: ArticleOut,
    pub actors: Vec<&'a GenActor>,
    pub statements: Vec<StatementOut>,
}

#[derive(Serialize)]
pub struct ArticleOut {
    pub id: String,
    pub title: String,
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub language: &'static str,
    pub text: String,
}

#[derive(Serialize)]
pub struct TopicOut {
    pub topic: &'static str,
    pub stance: &'static str,
}

#[derive(Serialize)]
pub struct StatementOut {
    pub id: String,
    pub speaker: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    pub mode: &'static str,
    pub text: String,
    pub span: [usize; 2],
    pub cue: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<String>,
    pub topics: Vec<TopicOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'static str>,
}

/// Article text under construction, counting Unicode characters as it grows.
struct Text {
    buf: String,
    chars: usize,
}

impl Text {
    fn push(&mut self, s: &str) {
        self.buf.push_str(s);
        self.chars += s.chars().count();
    }
}

/// What every article of a corpus draws from.
pub struct Pools<'a> {
    pub actors: &'a [GenActor],
    /// Actor indices from the most to the least active.
    pub ranking: Vec<usize>,
    pub activity: Zipf,
    pub words: Zipf,
    pub english_words: Zipf,
    pub first_day: NaiveDate,
    pub days: i64,
}

const MODES: &[(&str, u32)] = &[
    ("direct", 35),
    ("indirect", 30),
    ("mixed", 15),
    ("paraphrase", 20),
];
const STANCES: &[&str] = &["supports", "opposes", "neutral"];

fn weighted<'a>(rng: &mut fastrand::Rng, options: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = options.iter().map(|(_, w)| w).sum();
    let mut x = rng.u32(0..total);
    for (value, weight) in options {
        if x < *weight {
            return value;
        }
        x -= weight;
    }
    options[0].0
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, list: &[T]) -> T {
    list[rng.usize(0..list.len())]
}

/// Words drawn Zipf-like from `vocab` until the phrase has `min..=max` characters (`target` aimed at).
fn phrase(
    rng: &mut fastrand::Rng,
    vocab: &[&str],
    zipf: &Zipf,
    target: usize,
    max: usize,
) -> String {
    let mut out = String::new();
    let mut len = 0;
    while len < target {
        let word = vocab[zipf.sample(rng) % vocab.len()];
        let extra = word.chars().count() + usize::from(len > 0);
        if len + extra > max {
            break;
        }
        if len > 0 {
            out.push(' ');
        }
        out.push_str(word);
        len += extra;
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Builds article number `index` with `count` statements.
pub fn build<'a>(
    pools: &'a Pools<'_>,
    rng: &mut fastrand::Rng,
    seed: u64,
    index: usize,
    count: usize,
) -> Doc<'a> {
    let lang = weighted(rng, LANGUAGES);
    let lang: &'static str = LANGUAGES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("en", |(l, _)| l);
    let vocab = vocabulary(lang);
    let published_day = pools.first_day + Duration::days(rng.i64(0..pools.days));
    // News is dated to the day; a few archive items only to a month, or not at all.
    let published = match rng.u32(0..100) {
        0..=96 => Some(day_text(published_day)),
        97..=98 => Some(format!(
            "{:04}-{:02}",
            published_day.year(),
            published_day.month()
        )),
        _ => None,
    };
    let (open, close) = quote_marks(lang);
    let (verbs, that) = cues(lang);
    let fill = filler(lang);

    let mut text = Text {
        buf: String::new(),
        chars: 0,
    };
    let mut used: Vec<usize> = Vec::new();
    let use_actor = |i: usize, used: &mut Vec<usize>| {
        if !used.contains(&i) {
            used.push(i);
        }
        pools.actors[i].id.clone()
    };
    let mut statements = Vec::with_capacity(count);
    text.push(pick(rng, fill));
    for n in 0..count {
        if rng.u32(0..3) == 0 {
            text.push(" ");
            text.push(pick(rng, fill));
        }
        text.push(if rng.u32(0..4) == 0 { "\n\n" } else { " " });
        let speaker_index = pools.ranking[pools.activity.sample(rng)];
        let speaker = &pools.actors[speaker_index];
        let principal = speaker.principal.filter(|&p| p != speaker_index);
        let mode = weighted(rng, MODES);
        let cue = pick(rng, verbs);
        let target = rng.usize(80..=300);
        let mut who = speaker.name_in(lang).to_string();
        if let Some(p) = principal {
            who = format!("{who} ({})", pools.actors[p].name_in(lang));
        }
        let quote = match mode {
            "mixed" => {
                let frag = phrase(rng, vocab, &pools.words, 20, 60);
                let before = phrase(rng, vocab, &pools.words, target.saturating_sub(40) / 2, 110);
                let after_target = target
                    .saturating_sub(before.chars().count() + frag.chars().count() + 2)
                    .max(10);
                let after = phrase(rng, vocab, &pools.words, after_target, 110);
                format!("{before} {open}{frag}{close} {after}")
            }
            "direct" => capitalise(&phrase(rng, vocab, &pools.words, target, 300)),
            _ => phrase(rng, vocab, &pools.words, target, 300),
        };
        let start;
        match mode {
            "direct" => {
                text.push(&format!("{who} {cue}: {open}"));
                start = text.chars;
                text.push(&quote);
                text.push(&format!("{close}."));
            }
            "indirect" => {
                text.push(&format!("{who} {cue}{that}"));
                start = text.chars;
                text.push(&quote);
                text.push(".");
            }
            _ => {
                text.push(&format!("{who} {cue} "));
                start = text.chars;
                text.push(&quote);
                text.push(".");
            }
        }
        let end = start + quote.chars().count();
        let date = statement_date(rng, published_day);
        let mut addressee_indices: Vec<usize> = Vec::new();
        for _ in 0..rng.usize(0..=2) {
            let a = pools.ranking[pools.activity.sample(rng)];
            if a != speaker_index && !addressee_indices.contains(&a) {
                addressee_indices.push(a);
            }
        }
        let addressees: Vec<String> = addressee_indices
            .into_iter()
            .map(|a| use_actor(a, &mut used))
            .collect();
        let mut topic_list: Vec<TopicOut> = Vec::new();
        for _ in 0..rng.usize(1..=3) {
            let topic = pick(rng, TOPICS);
            if topic_list.iter().all(|t| t.topic != topic) {
                topic_list.push(TopicOut {
                    topic,
                    stance: pick(rng, STANCES),
                });
            }
        }
        let translation = (lang != "en").then(|| {
            let t = phrase(rng, vocabulary("en"), &pools.english_words, target, 300);
            capitalise(&t)
        });
        statements.push(StatementOut {
            id: format!("s{:02}", n + 1),
            speaker: use_actor(speaker_index, &mut used),
            on_behalf_of: principal.map(|p| use_actor(p, &mut used)),
            mode,
            text: quote,
            span: [start, end],
            cue,
            date,
            place: (rng.u32(0..5) < 2).then(|| pick(rng, PLACES)),
            addressees,
            topics: topic_list,
            translation,
            notes: (rng.u32(0..20) == 0)
                .then_some("Synthetic statement; the date is taken from the article."),
        });
    }
    if rng.bool() {
        text.push(" ");
        text.push(pick(rng, fill));
    }
    used.sort_unstable();
    let outlet = pick(rng, outlets(lang));
    let title_words = phrase(rng, vocab, &pools.words, 30, 70);
    Doc {
        format: "demarche",
        version: 1,
        article: ArticleOut {
            id: format!("gen-{seed}-{index:07}"),
            title: capitalise(&title_words),
            outlet: outlet.to_string(),
            author: (rng.u32(0..4) != 0).then(|| {
                let nation = &super::words::NATIONS[rng.usize(0..super::words::NATIONS.len())];
                format!("{} {}", pick(rng, nation.first), pick(rng, nation.last))
            }),
            url: format!(
                "https://news.example/{}/{index}",
                super::words::slug(outlet)
            ),
            published,
            language: lang,
            text: text.buf,
        },
        actors: used.iter().map(|&i| &pools.actors[i]).collect(),
        statements,
    }
}

/// A statement date around the publication day, in every precision the format knows,
/// mixed as in news: most on the article's day or a day it names in the week before,
/// a minority to a month or year, few open-ended, some left to the article's date.
fn statement_date(rng: &mut fastrand::Rng, published: NaiveDate) -> Option<String> {
    let named_day = published - Duration::days(rng.i64(1..8));
    Some(match rng.u32(0..100) {
        0..=49 => day_text(published),
        50..=79 => day_text(named_day),
        80..=89 => format!("{:04}-{:02}", named_day.year(), named_day.month()),
        90..=91 => format!("{:04}", named_day.year()),
        92..=94 => format!(
            "before {}",
            day_text(published - Duration::days(rng.i64(0..14)))
        ),
        95 => format!(
            "after {}",
            day_text(published - Duration::days(rng.i64(1..14)))
        ),
        _ => return None,
    })
}
