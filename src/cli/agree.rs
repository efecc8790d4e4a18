//! `demarche agree PATHS`: loads a corpus, compares its annotators pair by pair (`crate::compare::agree`) and prints the agreement per article and overall, as a table or JSON.

use super::EvalFormat;
use super::load::Load;
use super::output::finish_output;
use super::table::render;
use crate::cache::CacheOptions;
use crate::compare::Options;
use crate::compare::agree::{Agreement, agree};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf], overlap: f64, format: EvalFormat, cache: &CacheOptions) -> ExitCode {
    if !(overlap > 0.0 && overlap <= 1.0) {
        eprintln!("demarche: --overlap must be above 0 and at most 1 (got {overlap})");
        return ExitCode::from(2);
    }
    let load = match Load::reporting(paths, cache) {
        Ok(load) => load,
        Err(code) => return code,
    };
    let report = agree(&load.loaded.store, Options { overlap });
    let code = finish_output(print(&report, format));
    load.finish(code)
}

fn share(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}

fn print(report: &Agreement, format: EvalFormat) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    if let EvalFormat::Json = format {
        serde_json::to_writer_pretty(&mut out, report)?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for a in &report.articles {
        for p in &a.pairs {
            rows.push(vec![
                a.article.clone(),
                p.a.clone(),
                p.b.clone(),
                format!("{}/{}", p.statements_a, p.statements_b),
                p.matched.to_string(),
                format!("{:.3}", p.f1_exact),
                format!("{:.3}", p.f1_overlap),
                share(p.speaker_agreement),
                share(p.mode_alpha),
                share(p.stance_alpha),
            ]);
        }
    }
    let o = &report.overall;
    rows.push(vec![
        "ALL".into(),
        format!("{} pair(s)", o.pairs),
        String::new(),
        String::new(),
        o.matched.to_string(),
        format!("{:.3}", o.f1_exact),
        format!("{:.3}", o.f1_overlap),
        share(o.speaker_agreement),
        share(o.mode_alpha),
        share(o.stance_alpha),
    ]);
    let header = [
        "ARTICLE",
        "A",
        "B",
        "STATEMENTS",
        "MATCHED",
        "F1 EXACT",
        "F1 OVERLAP",
        "SPEAKER",
        "MODE α",
        "STANCE α",
    ];
    for line in render(&header, &rows, None) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{} article(s) with two or more annotators; {} with one (nothing to compare). Overlap: at least {} of the shorter statement; speaker and α over the statements matched by overlap (α: Krippendorff's, nominal; - where undefined)",
        o.articles, report.single, report.overlap_threshold
    )?;
    out.flush()
}
