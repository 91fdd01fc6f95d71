//! Same-story pairing measured on `../shared/corpus/pairs/` (64 sentence-aligned
//! translation pairs NNN_en.txt / NNN_ar.txt): each English article against the 64 Arabic
//! pair articles plus every `../shared/corpus/ar/` article as distractors — is its own
//! translation first (top-1), among the first five (top-5)? And the reverse: each Arabic
//! pair article against the 64 English ones plus every `../shared/corpus/en/` article.
//! Figures and the time per query are printed (`--nocapture`) and held to floors. Also the
//! seeds case: the English report of the Macron–Rouhani call (000) pairs with the Arabic one
//! (001) first.

#![cfg(feature = "bilingual")]

use qarin::bilingual::pairing::{sign, sign_linked, Lang, Pairing, Signature, ENTITY_WEIGHT};
use qarin::bilingual::{Lexicon, Recognizer};
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

/// The shipped lexicon, compiled.
fn recognizer() -> Recognizer {
    let text = include_str!("../data/lexicon/lexicon.tsv");
    Recognizer::new(Lexicon::parse(text).expect("the shipped lexicon reads"))
}

/// One direction's articles, signed with and without the lexicon's entities: the queries
/// (pair articles of `from`), then the targets (pair articles of `to`, in the same order)
/// followed by the distractors.
struct Direction {
    queries: [Vec<Signature>; 2],
    targets: [Vec<Option<Signature>>; 2],
    pairs: usize,
    lang: Lang,
}

fn direction(from: &str, to: &str, distractors: &str, r: &Recognizer) -> Option<Direction> {
    let signed = |p: &std::path::PathBuf| -> [Option<Signature>; 2] {
        match read(p) {
            Some(a) => [sign(&a), sign_linked(&a, r)],
            None => [None, None],
        }
    };
    let mut queries = [Vec::new(), Vec::new()];
    for p in files("pairs", from) {
        let [plain, linked] = signed(&p);
        queries[0].push(plain?);
        queries[1].push(linked?);
    }
    let mut targets = [Vec::new(), Vec::new()];
    let pair_files = files("pairs", to);
    let pairs = pair_files.len();
    for p in pair_files.iter().chain(&files(distractors, ".txt")) {
        let [plain, linked] = signed(p);
        targets[0].push(plain);
        targets[1].push(linked);
    }
    (queries[0].len() >= 60 && pairs == queries[0].len()).then_some(Direction {
        queries,
        targets,
        pairs,
        lang: lang(to),
    })
}

#[derive(Debug)]
struct Figures {
    /// Top-1 and top-5 over the even-numbered pairs (tuning) and the odd (held out).
    even: (f64, f64),
    odd: (f64, f64),
    ms_per_query: f64,
    candidates: usize,
}

impl Figures {
    fn top1(&self) -> f64 {
        (self.even.0 + self.odd.0) / 2.0
    }
}

/// Pairs every query of `d` (with the lexicon's entities when `linked`) at entity weight
/// `weight`.
fn measure(d: &Direction, linked: bool, weight: f32) -> Figures {
    let k = usize::from(linked);
    let mut pairing = Pairing::new();
    pairing.set_entity_weight(weight);
    for sig in &d.targets[k] {
        pairing.add(sig.as_ref().map(|_| d.lang), sig.as_ref());
    }
    let mut hits = [[0usize; 2]; 2];
    let started = Instant::now();
    for (n, q) in d.queries[k].iter().enumerate() {
        let ranked = pairing.pair(q, None, 5);
        // QARIN_PAIR_DUMP=1: what came first, and where the translation stood.
        if std::env::var_os("QARIN_PAIR_DUMP").is_some()
            && ranked.first().map(|c| c.doc) != Some(n as u32)
        {
            let own = pairing.pair(q, None, usize::MAX);
            let own = own.iter().find(|c| c.doc == n as u32);
            println!("miss {n}: first {:?}\n   own {own:?}", ranked.first());
        }
        match ranked.iter().position(|c| c.doc == n as u32) {
            Some(0) => {
                hits[n % 2][0] += 1;
                hits[n % 2][1] += 1;
            }
            Some(_) => hits[n % 2][1] += 1,
            None => {}
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let half = |h: usize| {
        let n = d.pairs.div_ceil(2) - h * (d.pairs % 2);
        (hits[h][0] as f64 / n as f64, hits[h][1] as f64 / n as f64)
    };
    Figures {
        even: half(0),
        odd: half(1),
        ms_per_query: seconds * 1000.0 / d.pairs as f64,
        candidates: pairing.len(),
    }
}

fn lang(suffix: &str) -> Lang {
    if suffix.contains("ar") {
        Lang::Ar
    } else {
        Lang::En
    }
}

fn print(what: &str, f: &Figures) {
    println!(
        "pairing {what}: top-1/top-5 even {:.3}/{:.3}, odd (held out) {:.3}/{:.3}; {:.2} ms per query against {}",
        f.even.0, f.even.1, f.odd.0, f.odd.1, f.ms_per_query, f.candidates
    );
}

#[test]
fn translations_pair_first_among_the_corpus() {
    let r = recognizer();
    let Some(en_ar) = direction("_en.txt", "_ar.txt", "ar", &r) else {
        eprintln!("skipped: {CORPUS}/pairs is not there");
        return;
    };
    let Some(ar_en) = direction("_ar.txt", "_en.txt", "en", &r) else {
        return;
    };
    let mut results = Vec::new();
    for (name, d) in [("en→ar", &en_ar), ("ar→en", &ar_en)] {
        let plain = measure(d, false, ENTITY_WEIGHT);
        print(&format!("{name} without lexicon"), &plain);
        // The entity weight is chosen on the even pairs; these lines show the choice.
        for weight in [0.5, 1.0, 2.0, 3.0] {
            let f = measure(d, true, weight);
            print(&format!("{name} lexicon, entity weight {weight}"), &f);
        }
        let linked = measure(d, true, ENTITY_WEIGHT);
        results.push((plain, linked));
    }
    let (en_plain, en_linked) = &results[0];
    let (ar_plain, ar_linked) = &results[1];
    assert!(en_plain.top1() >= 0.95, "en→ar top-1 {en_plain:?}");
    assert!(ar_plain.top1() >= 0.88, "ar→en top-1 {ar_plain:?}");
    // The lexicon's entities must not make pairing worse, held-out half included.
    assert!(en_linked.top1() >= 0.95, "en→ar linked {en_linked:?}");
    assert!(ar_linked.top1() >= 0.88, "ar→en linked {ar_linked:?}");
    assert!(
        en_linked.odd.0 >= en_plain.odd.0 - 0.04,
        "{en_linked:?} {en_plain:?}"
    );
    assert!(
        ar_linked.odd.0 >= ar_plain.odd.0 - 0.04,
        "{ar_linked:?} {ar_plain:?}"
    );
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
        pairing.add(Lang::of(&a.lang), s.as_ref());
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
    // The lexicon is linked: Macron is named as its entity, the words that spell it once.
    let shared: Vec<&str> = candidates[0]["shared"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(shared.contains(&"Emmanuel Macron"), "{shared:?}");
    assert!(!shared.contains(&"Macron"), "{shared:?}");
    // Asked for Arabic names, the entities come in Arabic script.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .current_dir(dir)
        .args([
            "pair",
            "--names",
            "ar",
            "--corpus",
            "seeds",
            &format!("seeds/{query}"),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shared = v["candidates"][0]["shared"].to_string();
    assert!(shared.contains("ماكرون"), "{shared}");
    // Without the lexicon, the name itself is the evidence.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .current_dir(dir)
        .args([
            "pair",
            "--no-lexicon",
            "--corpus",
            "seeds",
            &format!("seeds/{query}"),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["candidates"][0]["file"]
        .as_str()
        .unwrap()
        .starts_with("seeds/001_"));
    assert!(v["candidates"][0]["shared"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Macron"));
}
