//! Native analysis throughput on the real corpus (`../shared/corpus/{en,ar}`): every
//! article's text is analyzed five times, word by word as the indexer does (the same work
//! as the wasm `Corpus.countWords`); prints one JSON line per language with the median
//! MB/s, so `benches/run.js` can set it beside the wasm build's figure.

use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for lang in ["en", "ar"] {
        let Ok(dir) = std::fs::read_dir(root.join(lang)) else {
            eprintln!("skipped: no {lang} corpus");
            continue;
        };
        let texts: Vec<String> = dir
            .filter_map(Result::ok)
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut rates = Vec::new();
        let mut tokens = 0;
        for _ in 0..5 {
            let start = Instant::now();
            tokens = 0;
            let config = qarin::analysis::Config::default();
            for t in &texts {
                qarin::analysis::each_word(t, &config, |_, _, _| tokens += 1);
            }
            rates.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
        }
        rates.sort_by(f64::total_cmp);
        println!(
            "{{\"lang\":\"{lang}\",\"files\":{},\"mb\":{:.2},\"tokens\":{tokens},\"mb_per_s\":{:.2}}}",
            texts.len(),
            bytes as f64 / 1e6,
            rates[2]
        );
    }
}
