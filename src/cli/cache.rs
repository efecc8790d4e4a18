//! `demarche cache info|clear`: where the snapshot cache is, what it holds, and deleting it.

use super::CacheAction;
use crate::cache::{self, CacheOptions, SnapshotInfo};
use std::io::Write;
use std::process::ExitCode;
use std::time::SystemTime;

pub fn run(action: CacheAction, options: &CacheOptions, no_cache_flag: bool) -> ExitCode {
    let Some((dir, from)) = cache::default_dir() else {
        eprintln!(
            "demarche: no cache folder: set {}, XDG_CACHE_HOME or HOME",
            cache::DIR_VAR
        );
        return match action {
            CacheAction::Info => ExitCode::SUCCESS,
            CacheAction::Clear => ExitCode::from(3),
        };
    };
    match action {
        CacheAction::Info => info(&dir, from, options, no_cache_flag),
        CacheAction::Clear => match cache::clear(&dir) {
            Ok((files, bytes)) => {
                eprintln!(
                    "demarche: removed {files} snapshot(s), {} from {}",
                    megabytes(bytes),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("demarche: cannot clear {}: {e}", dir.display());
                ExitCode::from(3)
            }
        },
    }
}

fn info(dir: &std::path::Path, from: &str, options: &CacheOptions, flag: bool) -> ExitCode {
    let snapshots = match cache::list(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("demarche: cannot list {}: {e}", dir.display());
            return ExitCode::from(3);
        }
    };
    let state = if flag {
        "off (--no-cache)".to_string()
    } else if !options.enabled {
        format!("off ({}=1)", cache::NO_CACHE_VAR)
    } else {
        format!(
            "on for corpora of {} or more ({})",
            megabytes(options.min_bytes),
            cache::MIN_BYTES_VAR
        )
    };
    let total: u64 = snapshots.iter().map(|s| s.bytes).sum();
    let mut out = std::io::stdout().lock();
    let mut lines = vec![
        format!("folder: {} (from {from})", dir.display()),
        format!("cache: {state}"),
        format!("snapshots: {}, {}", snapshots.len(), megabytes(total)),
    ];
    let now = SystemTime::now();
    lines.extend(snapshots.iter().map(|s| describe(s, now)));
    let written = lines.iter().try_for_each(|l| writeln!(out, "{l}"));
    super::finish_output(written)
}

/// `  612.3 MB  3 min old  v0.1.0  /data/corpus  (file)`
fn describe(snapshot: &SnapshotInfo, now: SystemTime) -> String {
    let age = snapshot
        .modified
        .and_then(|m| now.duration_since(m).ok())
        .map_or_else(|| "?".to_string(), |d| age(d.as_secs()));
    let name = snapshot
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let what = match &snapshot.written_for {
        Some((version, paths)) => {
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            format!("v{version}  {}", paths.join(" "))
        }
        None => "unreadable (replaced on next use, or `demarche cache clear`)".to_string(),
    };
    super::table::clean(&format!(
        "  {:>10}  {:>12}  {what}  ({name})",
        megabytes(snapshot.bytes),
        format!("{age} old")
    ))
}

fn age(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3_600 => format!("{} min", secs / 60),
        3_600..86_400 => format!("{} h", secs / 3_600),
        _ => format!("{} days", secs / 86_400),
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}
