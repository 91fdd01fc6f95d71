//! The corpus tools natively, for profiling (`valgrind --tool=callgrind` counts
//! instructions, stable on a loaded machine) and quick comparisons:
//! `cargo bench --bench tools -- SIZE [RUNS] [TOOL]` reads the shared articles (grown to
//! SIZE as `benches/native.rs` grows them), keeps the indexed corpus in
//! `target/tools-SIZE.bin` so the next run loads it instead of indexing, then times the
//! forward-index build and each tool's typical request (the whole corpus, the most frequent
//! content word as the node) RUNS times, printing one JSON line with the medians. TOOL runs
//! that tool only (for a profile). Each tool is then answered in the page's slices
//! (`Tools::step`): the longest slice and the stage it stopped in, and the time per stage.

use qarin::stats::{
    collocation, dispersion, freq, keyness, kwic, ngrams, Request, Scope, Step, Tools,
};
use std::time::Instant;

#[path = "support/articles.rs"]
mod support;
use support::articles;

/// Work units a slice of the page's worker does (`www/pkg-analysis/worker.js` SLICE_UNITS).
const SLICE: usize = 1_000_000;

fn corpus(size: usize) -> qarin::Corpus {
    let cache =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/tools-{size}.bin"));
    if let Some(c) = std::fs::read(&cache)
        .ok()
        .and_then(|b| qarin::Corpus::from_bytes(&b).ok())
    {
        return c;
    }
    let mut corpus = qarin::Corpus::new();
    for (name, bytes) in articles(size) {
        corpus.add_bytes(&name, &bytes);
    }
    corpus.shrink();
    let _ = std::fs::write(&cache, corpus.to_bytes());
    corpus
}

/// A number from the environment (`NG_N`, `NG_LIMIT`: the n-gram request's n and limit;
/// the page asks for 2 and 500).
fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let size: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(4400);
    let runs: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let only = args.get(2).cloned();
    let corpus = corpus(size);
    let mut tools = Tools::new();
    let t = Instant::now();
    let first = tools.freq(
        &corpus,
        &freq::Options {
            limit: 1,
            ..Default::default()
        },
    );
    let build_ms = t.elapsed().as_secs_f64() * 1000.0;
    let node = first
        .ok()
        .and_then(|f| f.rows.first().map(|r| r.word.clone()))
        .unwrap_or_default();
    let lang = |l: &str| Scope {
        lang: Some(l.to_string()),
        ..Scope::default()
    };
    let cases: Vec<(&str, Request)> = vec![
        (
            "freq",
            Request::Freq(freq::Options {
                limit: 100,
                ..Default::default()
            }),
        ),
        (
            "kwic",
            Request::Kwic(
                node.clone(),
                kwic::Options {
                    limit: 100,
                    sort: kwic::Sort::Right(1),
                    ..Default::default()
                },
            ),
        ),
        (
            "ngrams",
            Request::Ngrams(ngrams::Options {
                n: env_or("NG_N", 3),
                min: 2,
                limit: env_or("NG_LIMIT", 100),
                ..Default::default()
            }),
        ),
        (
            "collocates",
            Request::Collocates(
                node.clone(),
                collocation::Options {
                    limit: 100,
                    ..Default::default()
                },
            ),
        ),
        (
            "keyness",
            Request::Keyness(keyness::Options {
                target: lang("en"),
                reference: lang("ar"),
                limit: 100,
                ..Default::default()
            }),
        ),
        (
            "dispersion",
            Request::Dispersion(node.clone(), dispersion::Options::default()),
        ),
    ];
    let mut out = Vec::new();
    let mut slices = Vec::new();
    for (name, request) in &cases {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                assert!(tools.answer(&corpus, request).is_ok());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        out.push(format!("\"{name}\":{:.1}", times[times.len() / 2]));
        // In the page's slices: the longest, the stage it ended in (or "answer"), and the
        // time per stage (each slice counted in the stage it ended in).
        let (mut count, mut longest, mut stage) = (0, 0.0f64, "");
        let mut stages: Vec<(&str, f64)> = Vec::new();
        loop {
            let t = Instant::now();
            let step = tools
                .step(&corpus, request, SLICE)
                .expect("a typical request");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            count += 1;
            let at = match &step {
                Step::Working(phase) => phase.stage,
                Step::Done(_) => "answer",
            };
            if ms > longest {
                (longest, stage) = (ms, at);
            }
            match stages.last_mut() {
                Some(last) if last.0 == at => last.1 += ms,
                _ => stages.push((at, ms)),
            }
            if at == "answer" {
                break;
            }
        }
        let stages: Vec<String> = stages
            .iter()
            .map(|(s, ms)| format!("[{s:?},{ms:.0}]"))
            .collect();
        slices.push(format!(
            "\"{name}\":{{\"slices\":{count},\"longest_ms\":{longest:.1},\"at\":{stage:?},\"stages\":[{}]}}",
            stages.join(",")
        ));
    }
    println!(
        "{{\"size\":{},\"node\":{node:?},\"build_ms\":{build_ms:.0},{},\"sliced\":{{{}}}}}",
        corpus.len(),
        out.join(","),
        slices.join(",")
    );
}
