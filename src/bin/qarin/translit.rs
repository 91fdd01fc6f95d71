//! `qarin translit --pairs FILE`: judges each `latin<TAB>arabic` line of FILE (further
//! columns ignored) with the transliteration matcher and prints one JSON line each,
//! `{"latin", "arabic", "score", "same"}`. A line without a tab is named on stderr and
//! skipped.

use qarin::bilingual::translit::{score, THRESHOLD};
use serde::Serialize;
use std::io::Write;

/// One judged line, its fields in the order the usage names them.
#[derive(Serialize)]
struct Judged<'a> {
    latin: &'a str,
    arabic: &'a str,
    score: f64,
    same: bool,
}

pub const USAGE: &str =
    "  qarin translit --pairs FILE   (latin<TAB>arabic lines; one JSON line each)";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut pairs = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--pairs" => pairs = Some(crate::value(&mut it, arg)?.clone()),
            _ => return Err(format!("unexpected argument {arg:?}\nusage:\n{USAGE}")),
        }
    }
    let path = pairs.ok_or_else(|| format!("no --pairs FILE given\nusage:\n{USAGE}"))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(latin), Some(arabic)) = (cols.next(), cols.next()) else {
            crate::warn(&path, &format!("line {}: no tab, skipped", number + 1));
            continue;
        };
        let s = score(latin, arabic);
        // Three decimals: enough to rank, and the same on every platform.
        let rounded = (f64::from(s) * 1000.0).round() / 1000.0;
        let row = Judged {
            latin,
            arabic,
            score: rounded,
            same: s >= THRESHOLD,
        };
        let line = serde_json::to_string(&row).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
