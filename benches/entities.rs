//! Entity recognition on the real corpus (`../shared/corpus/{en,ar}`) beside the analyzer
//! it runs after: per language the median MB/s of analysing every article word by word
//! and of recognising entities over the analysed words (five runs each), and their ratio
//! (the issue asks recognition to keep at least half the analyzer's throughput). Then the
//! lexicon's load time (parse and compile) and what linking costs indexing: the time to
//! index both languages with and without the lexicon, and the mentions kept. One JSON line
//! per figure.

use qarin::analysis::{self, Word};
use qarin::query::link::Linker;
use std::rc::Rc;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(lexicon_text) = std::fs::read_to_string(root.join("data/lexicon/lexicon.tsv")) else {
        eprintln!("skipped: no lexicon");
        return;
    };
    let mut loads = Vec::new();
    let mut recognizer = None;
    for _ in 0..5 {
        let start = Instant::now();
        let lexicon = qarin::bilingual::Lexicon::parse(&lexicon_text).expect("the shipped lexicon");
        recognizer = Some(qarin::bilingual::Recognizer::new(lexicon));
        loads.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let Some(recognizer) = recognizer else { return };
    println!(
        "{{\"lexicon_bytes\":{},\"entities\":{},\"names\":{},\"load_ms\":{:.1}}}",
        lexicon_text.len(),
        recognizer.lexicon().len(),
        recognizer.name_count(),
        median(loads)
    );
    let corpus = root.join("../shared/corpus");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for lang in ["en", "ar"] {
        let Ok(dir) = std::fs::read_dir(corpus.join(lang)) else {
            eprintln!("skipped: no {lang} corpus");
            continue;
        };
        let texts: Vec<String> = dir
            .filter_map(Result::ok)
            .filter_map(|e| {
                let text = std::fs::read_to_string(e.path()).ok()?;
                files.push((
                    e.file_name().to_string_lossy().to_string(),
                    text.clone().into_bytes(),
                ));
                Some(text)
            })
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let config = analysis::Config::default();
        let (mut analysing, mut recognising) = (Vec::new(), Vec::new());
        let mut mentions = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let words: Vec<Vec<Rc<Word>>> =
                texts.iter().map(|t| analysis::words(t, &config)).collect();
            analysing.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
            let start = Instant::now();
            let mut counts = Default::default();
            for w in &words {
                recognizer.mentions(w, &mut counts);
            }
            recognising.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
            mentions = counts.values().sum::<u32>();
        }
        let (a, r) = (median(analysing), median(recognising));
        println!(
            "{{\"lang\":\"{lang}\",\"files\":{},\"mb\":{:.2},\"analyze_mb_per_s\":{a:.1},\"recognize_mb_per_s\":{r:.1},\"ratio\":{:.2},\"mentions\":{mentions}}}",
            texts.len(),
            bytes as f64 / 1e6,
            r / a
        );
    }
    let shared = Rc::new(recognizer);
    for linked in [false, true] {
        let mut times = Vec::new();
        let mut stats = None;
        let mut pairs = 0;
        for _ in 0..3 {
            let start = Instant::now();
            let mut c = qarin::Corpus::new();
            if linked {
                c.set_linker(Some(shared.clone()));
            }
            for (name, bytes) in &files {
                c.add_bytes(name, bytes);
            }
            times.push(start.elapsed().as_secs_f64());
            pairs = c.mention_count();
            stats = Some(c.stats());
        }
        let stats = stats.unwrap_or_default();
        println!(
            "{{\"linked\":{linked},\"articles\":{},\"index_s\":{:.2},\"index_bytes\":{},\"entity_mention_pairs\":{pairs}}}",
            stats.articles,
            median(times),
            stats.index_bytes
        );
    }
}
