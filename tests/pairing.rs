//! Same-story pairing measured on `../shared/corpus/pairs/` (64 sentence-aligned
//! translation pairs NNN_en.txt / NNN_ar.txt): each English article against the 64 Arabic
//! pair articles plus every `../shared/corpus/ar/` article as distractors — is its own
//! translation first (top-1), among the first five (top-5)? And the reverse: each Arabic
//! pair article against the 64 English ones plus every `../shared/corpus/en/` article.
//! Figures and the time per query are printed (`--nocapture`) and held to floors. Also the
//! seeds case: the English report of the Macron–Rouhani call (000) pairs with the Arabic one
//! (001) first.

#![cfg(feature = "bilingual")]

use qarin::bilingual::pairing::{sign, Pairing, Signature};
use std::path::Path;
use std::time::Instant;

const CORPUS: &str = "../shared/corpus";

fn read(path: &Path) -> Option<qarin::Article> {
    let bytes = std::fs::read(path).ok()?;
    let name = path.to_string_lossy();
    qarin::ingest::read(&name, &bytes)
        .articles
        .into_iter()
        .next()
}

fn files(dir: &str, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(Path::new(CORPUS).join(dir))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

struct Figures {
    top1: f64,
    top5: f64,
    ms_per_query: f64,
    candidates: usize,
}

/// Queries (`from` pair articles) against the `to` pair articles plus `distractors`.
fn measure(from: &str, to: &str, distractors: &str) -> Option<Figures> {
    let queries: Vec<Signature> = files("pairs", from)
        .iter()
        .filter_map(|p| sign(&read(p)?))
        .collect();
    let mut pairing = Pairing::new();
    let mut targets = Vec::new();
    for p in files("pairs", to) {
        let sig = read(&p).and_then(|a| sign(&a));
        targets.push(pairing.add(sig.as_ref().map(|_| lang(to)), sig.as_ref()));
    }
    for p in files(distractors, ".txt") {
        let sig = read(&p).and_then(|a| sign(&a));
        pairing.add(sig.as_ref().map(|_| lang(to)), sig.as_ref());
    }
    if queries.len() < 60 || targets.len() != queries.len() {
        return None;
    }
    let (mut top1, mut top5) = (0, 0);
    let started = Instant::now();
    for (k, q) in queries.iter().enumerate() {
        let ranked = pairing.pair(q, None, 5);
        // QARIN_PAIR_DUMP=1: what came first, and where the translation stood.
        if std::env::var_os("QARIN_PAIR_DUMP").is_some()
            && ranked.first().map(|c| c.doc) != Some(targets[k])
        {
            let own = pairing.pair(q, None, usize::MAX);
            let own = own.iter().find(|c| c.doc == targets[k]);
            println!("miss {k}: first {:?}\n   own {own:?}", ranked.first());
        }
        match ranked.iter().position(|c| c.doc == targets[k]) {
            Some(0) => {
                top1 += 1;
                top5 += 1;
            }
            Some(_) => top5 += 1,
            None => {}
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let n = queries.len() as f64;
    Some(Figures {
        top1: top1 as f64 / n,
        top5: top5 as f64 / n,
        ms_per_query: seconds * 1000.0 / n,
        candidates: pairing.len(),
    })
}

fn lang(suffix: &str) -> qarin::bilingual::pairing::Lang {
    if suffix.contains("ar") {
        qarin::bilingual::pairing::Lang::Ar
    } else {
        qarin::bilingual::pairing::Lang::En
    }
}

#[test]
fn translations_pair_first_among_the_corpus() {
    let Some(en_ar) = measure("_en.txt", "_ar.txt", "ar") else {
        eprintln!("skipped: {CORPUS}/pairs is not there");
        return;
    };
    println!(
        "pairing en→ar: top-1 {:.4}, top-5 {:.4}, {:.2} ms per query against {} articles",
        en_ar.top1, en_ar.top5, en_ar.ms_per_query, en_ar.candidates
    );
    let Some(ar_en) = measure("_ar.txt", "_en.txt", "en") else {
        return;
    };
    println!(
        "pairing ar→en: top-1 {:.4}, top-5 {:.4}, {:.2} ms per query against {} articles",
        ar_en.top1, ar_en.top5, ar_en.ms_per_query, ar_en.candidates
    );
    assert!(en_ar.top1 >= 0.95, "en→ar top-1 {:.4}", en_ar.top1);
    assert!(ar_en.top1 >= 0.88, "ar→en top-1 {:.4}", ar_en.top1);
}

#[test]
fn the_seed_reports_of_one_call_pair_first() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    let articles: Vec<qarin::Article> = names.iter().filter_map(|p| read(p)).collect();
    assert_eq!(articles.len(), 5);
    let mut pairing = Pairing::new();
    let sigs: Vec<Option<Signature>> = articles.iter().map(sign).collect();
    for (a, s) in articles.iter().zip(&sigs) {
        pairing.add(qarin::bilingual::pairing::Lang::of(&a.lang), s.as_ref());
    }
    let query = sigs[0].as_ref().expect("000 is English");
    let ranked = pairing.pair(query, Some(0), 10);
    assert_eq!(ranked.first().map(|c| c.doc), Some(1), "{ranked:?}");
    // Only Arabic candidates, and the evidence names the call.
    assert!(ranked.iter().all(|c| articles[c.doc as usize].lang == "ar"));
    for name in ["Macron", "Rouhani", "Ghouta"] {
        assert!(
            ranked[0].shared.iter().any(|s| s == name),
            "{name}: {:?}",
            ranked[0].shared
        );
    }
    // And the reverse: 001 (Arabic) finds 000 first.
    let back = pairing.pair(sigs[1].as_ref().expect("001 is Arabic"), Some(1), 10);
    assert_eq!(back.first().map(|c| c.doc), Some(0), "{back:?}");
}

#[test]
fn cli_ranks_the_arabic_report_of_the_call_first() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let query = std::fs::read_dir(Path::new(dir).join("seeds"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("000_"))
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .current_dir(dir)
        .args(["pair", "--corpus", "seeds", &format!("seeds/{query}")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let candidates = v["candidates"].as_array().unwrap();
    assert!(candidates[0]["file"]
        .as_str()
        .unwrap()
        .starts_with("seeds/001_"));
    assert!(candidates
        .iter()
        .all(|c| !c["file"].as_str().unwrap().contains("000_")));
    assert!(candidates[0]["score"].as_f64().unwrap() > candidates[1]["score"].as_f64().unwrap());
    assert!(candidates[0]["shared"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Macron"));
}
