//! The article extractor against pages with a human-marked article body
//! (`../shared/corpus/html/*.html` and `*.expected.txt`, a public extraction benchmark's
//! pages). Each page is read exactly as an upload is, and its body compared with the
//! marked one as bags of words: tokens are lowercased runs of Unicode word characters,
//! precision and recall count a shared token as often as both sides have it. Prints the
//! table (visible with `--nocapture`) and fails if the mean F1 drops below the level
//! reached when this test was written, less a small margin.
//!
//! Skipped, with a note, when the folder is absent. `QARIN_PAGE=<name>` prints what was
//! extracted from one page, to compare by eye.
#![cfg(feature = "formats")]

use std::collections::HashMap;
use std::path::Path;

/// Mean F1 reached on these pages (0.993 when written), less a margin for harmless changes.
const MIN_MEAN_F1: f64 = 0.98;

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in s
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
    {
        *out.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    out
}

fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (tokens(got), tokens(want));
    let common: usize = g
        .iter()
        .map(|(t, n)| (*n).min(w.get(t).copied().unwrap_or(0)))
        .sum();
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let p = if ng == 0 {
        0.0
    } else {
        common as f64 / ng as f64
    };
    let r = if nw == 0 {
        1.0
    } else {
        common as f64 / nw as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[test]
fn html_extraction_scores() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("note: {} not found; extraction test skipped", dir.display());
        return;
    };
    let mut pages: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| n.ends_with(".html"))
        .collect();
    pages.sort();
    let show = std::env::var("QARIN_PAGE").ok();
    let mut rows = Vec::new();
    for name in &pages {
        let stem = name.trim_end_matches(".html");
        let (Ok(html), Ok(want)) = (
            std::fs::read(dir.join(name)),
            std::fs::read_to_string(dir.join(format!("{stem}.expected.txt"))),
        ) else {
            continue;
        };
        let got = qarin::ingest::read(name, &html);
        let body = got.articles.first().map(|a| a.body()).unwrap_or_default();
        if show.as_deref() == Some(stem) {
            if let Some(a) = got.articles.first() {
                println!(
                    "TITLE {}\nDATE {:?} {:?}\nBYLINE {:?}\nURL {:?}\nLANG {}\nOUTLET {:?}",
                    a.title, a.date, a.date_text, a.byline, a.url, a.lang, a.outlet
                );
                for r in &a.removed {
                    println!("REMOVED {:?} {}", r.kind, r.text);
                }
            }
            println!("---- got\n{body}\n---- want\n{want}");
        }
        let (p, r, f) = prf(&body, &want);
        rows.push((f, p, r, stem.to_string()));
    }
    if rows.is_empty() {
        println!(
            "note: no pages in {}; extraction test skipped",
            dir.display()
        );
        return;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("{:<18} {:>6} {:>6} {:>6}", "page", "P", "R", "F1");
    for (f, p, r, name) in &rows {
        println!("{name:<18} {p:>6.3} {r:>6.3} {f:>6.3}");
    }
    let n = rows.len() as f64;
    let mean = |i: usize| rows.iter().map(|row| [row.0, row.1, row.2][i]).sum::<f64>() / n;
    let (mf, mp, mr) = (mean(0), mean(1), mean(2));
    println!(
        "{:<18} {mp:>6.3} {mr:>6.3} {mf:>6.3}   ({} pages)",
        "mean",
        rows.len()
    );
    assert!(
        mf >= MIN_MEAN_F1,
        "mean F1 {mf:.3} fell below {MIN_MEAN_F1}"
    );
}
