//! How long ingest takes on the real corpus, apart from indexing: every file of
//! `../shared/corpus/{en,ar}` (or `$QARIN_CORPUS/{en,ar}`) read into articles and given a
//! near-duplicate signature, which is the ingest part of `Corpus::add_bytes`. The machine
//! running it is shared and noisy, so the corpus is ingested several times and the fastest
//! and median rounds are printed. Ignored by default (it measures, it checks nothing):
//!
//! ```text
//! cargo test --release --test ingest_speed -- --ignored --nocapture
//! ```

use std::path::PathBuf;
use std::time::Instant;

fn corpus_files() -> Vec<(String, Vec<u8>)> {
    let root = std::env::var_os("QARIN_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    let mut files = Vec::new();
    for lang in ["en", "ar"] {
        let Ok(dir) = std::fs::read_dir(root.join(lang)) else {
            continue;
        };
        let mut names: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        names.sort();
        for path in names {
            if let Ok(bytes) = std::fs::read(&path) {
                files.push((path.display().to_string(), bytes));
            }
        }
    }
    files
}

#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn ingest_time_on_the_real_corpus() {
    let files = corpus_files();
    if files.is_empty() {
        eprintln!("no corpus found; set QARIN_CORPUS");
        return;
    }
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let mut times = Vec::new();
    let mut signing = Vec::new();
    let mut articles = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let mut bodies = Vec::new();
        for (name, bytes) in &files {
            bodies.extend(
                qarin::ingest::read(name, bytes)
                    .articles
                    .iter()
                    .map(|a| a.body()),
            );
        }
        let read = start.elapsed();
        for body in &bodies {
            std::hint::black_box(qarin::ingest::dedup::signature(body));
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        signing.push((start.elapsed() - read).as_secs_f64() * 1000.0);
        articles = bodies.len();
    }
    times.sort_by(f64::total_cmp);
    signing.sort_by(f64::total_cmp);
    println!(
        "{{\"files\":{},\"articles\":{articles},\"ingest_min_ms\":{:.1},\"ingest_median_ms\":{:.1},\"signature_min_ms\":{:.1}}}",
        files.len(),
        times[0],
        times[times.len() / 2],
        signing[0]
    );
}
