//! The core natively, on the same corpus as the wasm benchmark (`benches/run.js` starts it):
//! `cargo bench --bench native -- SIZE QUERIES_FILE` indexes the real corpus grown to SIZE
//! articles the same way as `benches/corpus.js` (copy k: " (copy k)" after the title and
//! "qx<k>" after every 50th body word), runs each query of QUERIES_FILE once to warm up and
//! once timed, and prints one JSON line. The lexicon is linked first, as in the page
//! (`QARIN_LEXICON=0`: not linked).

use std::time::Instant;

#[path = "support/articles.rs"]
mod support;
use support::articles;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let size: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(4400);
    let queries: Vec<String> = args
        .get(1)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|t| t.lines().map(String::from).collect())
        .unwrap_or_default();
    let files = articles(size);
    let start = Instant::now();
    let mut corpus = qarin::Corpus::new();
    // The lexicon linked before any article, as the page does (QARIN_LEXICON=0: without).
    if std::env::var("QARIN_LEXICON").as_deref() != Ok("0") {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon/lexicon.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if let Err(e) = qarin::bilingual::link(&mut corpus, &[&text]) {
            eprintln!("lexicon not linked: {}", e.message());
        }
    }
    for (name, bytes) in &files {
        corpus.add_bytes(name, bytes);
    }
    corpus.shrink();
    let build_ms = start.elapsed().as_secs_f64() * 1000.0;
    let options = qarin::SearchOptions::default();
    // Warm-up, repeated when profiling (QARIN_REPEAT=n) so the queries dominate a profile.
    let repeat: usize = std::env::var("QARIN_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for _ in 0..repeat {
        for q in &queries {
            corpus.search(q, &options);
        }
    }
    let mut times: Vec<f64> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            corpus.search(q, &options);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let pick = |f: f64| {
        times
            .get(((times.len() as f64 * f) as usize).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0.0)
    };
    let bytes = corpus.to_bytes();
    let t = Instant::now();
    let loaded = qarin::Corpus::from_bytes(&bytes).map(|c| c.len());
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(loaded.ok(), Some(corpus.len()));
    let stats = corpus.stats();
    println!(
        "{{\"engine\":\"qarin-native\",\"size\":{},\"build_ms\":{build_ms:.1},\"query_median_ms\":{:.4},\"query_p95_ms\":{:.4},\"terms\":{},\"index_bytes\":{},\"text_bytes\":{},\"serialized_bytes\":{},\"load_ms\":{load_ms:.1}}}",
        corpus.len(),
        pick(0.5),
        pick(0.95),
        stats.terms,
        stats.index_bytes,
        stats.text_bytes,
        bytes.len()
    );
}
