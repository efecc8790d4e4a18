//! `demarche eval GOLD PRED`: loads both codings, compares them (`crate::compare`) and prints the scores per article and overall, as a table or JSON.

use super::EvalFormat;
use super::load::Load;
use super::output::finish_output;
use super::table::render;
use crate::cache::CacheOptions;
use crate::compare::{Options, Report, Tally, compare};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    gold: &Path,
    pred: &Path,
    overlap: f64,
    format: EvalFormat,
    cache: &CacheOptions,
) -> ExitCode {
    if !(overlap > 0.0 && overlap <= 1.0) {
        eprintln!("demarche: --overlap must be above 0 and at most 1 (got {overlap})");
        return ExitCode::from(2);
    }
    let gold = match Load::reporting(&[PathBuf::from(gold)], cache) {
        Ok(load) => load,
        Err(code) => return code,
    };
    let pred = match Load::reporting(&[PathBuf::from(pred)], cache) {
        Ok(load) => load,
        Err(code) => return code,
    };
    let report = compare(&gold.loaded.store, &pred.loaded.store, Options { overlap });
    let code = finish_output(print(&report, format));
    let code = gold.finish(code);
    pred.finish(code)
}

fn print(report: &Report, format: EvalFormat) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, report)?;
            out.write_all(b"\n")?;
        }
        EvalFormat::Table => {
            let mut rows: Vec<Vec<String>> = report
                .articles
                .iter()
                .map(|a| row(&a.article, &a.tally))
                .collect();
            rows.push(row("ALL", &report.overall));
            let header = [
                "ARTICLE",
                "GOLD",
                "PRED",
                "EXACT P",
                "R",
                "F1",
                "OVERLAP P",
                "R",
                "F1",
                "SPEAKER",
                "MODE",
                "DATE",
            ];
            for line in render(&header, &rows, None) {
                writeln!(out, "{line}")?;
            }
            writeln!(
                out,
                "overlap: at least {} of the shorter statement; speaker, mode and date over the {} statement(s) matched by overlap",
                report.overlap_threshold, report.overall.overlap.matched
            )?;
            calibration(&mut out, report)?;
            for (side, list) in [("gold", &report.gold_only), ("pred", &report.pred_only)] {
                if !list.is_empty() {
                    writeln!(
                        out,
                        "only in {side} (no article of the same text on the other side): {}",
                        list.join(", ")
                    )?;
                }
            }
        }
    }
    out.flush()
}

fn row(name: &str, t: &Tally) -> Vec<String> {
    let f = |x: f64| format!("{x:.3}");
    let opt = |x: Option<f64>| x.map_or_else(|| "-".to_string(), f);
    vec![
        name.to_string(),
        t.gold.to_string(),
        t.pred.to_string(),
        f(t.exact.precision),
        f(t.exact.recall),
        f(t.exact.f1),
        f(t.overlap.precision),
        f(t.overlap.recall),
        f(t.overlap.f1),
        opt(t.speaker_accuracy),
        opt(t.mode_accuracy),
        opt(t.date_accuracy),
    ]
}

/// Predicted statements by confidence and the share right (matched by overlap, with the
/// right speaker): whether higher confidence is right more often.
fn calibration(out: &mut impl Write, report: &Report) -> io::Result<()> {
    if report.calibration.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let rows: Vec<Vec<String>> = report
        .calibration
        .iter()
        .map(|b| {
            vec![
                format!("{:.1}–{:.1}", b.from, b.from + 0.1),
                b.statements.to_string(),
                b.right.to_string(),
                format!("{:.3}", b.share),
            ]
        })
        .collect();
    for line in render(&["CONFIDENCE", "PRED", "RIGHT", "SHARE"], &rows, None) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "right: matched by overlap with the right speaker; statements without a confidence left out"
    )
}
