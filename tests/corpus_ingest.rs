//! Ingests every file of the shared real corpus (`../shared/corpus/en`, `/ar` and the
//! translated `/pairs`, relative to the project root) and checks what no single example can: nothing panics, every file
//! gives one article with a title and a body in the language of its folder, and cleaning
//! never takes most of a file (the sign of an over-eager rule). Prints a summary of what
//! was removed, by kind, and the worst offenders, so a change of rule shows its effect.
//!
//! Skipped, with a note, when the corpus folder is absent. Set `QARIN_DUMP=1` to print
//! every removal (for reviewing rules by eye).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use qarin::ingest::read;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

struct Summary {
    files: usize,
    kinds: BTreeMap<String, usize>,
    lang_exceptions: Vec<String>,
    ratios: Vec<(f64, String)>,
    failures: Vec<String>,
}

fn ingest_folder(folder: &str, suffix: &str, lang: &str, s: &mut Summary, dump: bool) -> bool {
    let dir = corpus_dir().join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return false;
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_str().is_some_and(|n| n.ends_with(suffix)))
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        s.files += 1;
        let got = read(&name, &bytes);
        if got.articles.len() != 1 {
            s.failures.push(format!(
                "{folder}/{name}: {} articles, problems {:?}",
                got.articles.len(),
                got.problems
            ));
            continue;
        }
        let a = &got.articles[0];
        if a.title.trim().is_empty() || a.body().trim().is_empty() {
            s.failures
                .push(format!("{folder}/{name}: empty title or body"));
        }
        if a.lang != lang {
            s.lang_exceptions
                .push(format!("{folder}/{name}: {}", a.lang));
        }
        let total = String::from_utf8_lossy(&bytes)
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            .max(1);
        let removed_ns: usize = a
            .removed
            .iter()
            .map(|r| r.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        s.ratios
            .push((removed_ns as f64 / total as f64, format!("{folder}/{name}")));
        for r in &a.removed {
            *s.kinds.entry(format!("{:?}", r.kind)).or_default() += 1;
            if dump {
                let text: String = r.text.chars().take(110).collect();
                println!("{folder}/{name}\t{:?}\t{text}", r.kind);
            }
        }
        if dump {
            let cut = |s: &str, head: bool| -> String {
                let n = s.chars().count();
                if head {
                    s.chars().take(100).collect()
                } else {
                    s.chars().skip(n.saturating_sub(100)).collect()
                }
            };
            let first = a.paragraphs.first().map_or(String::new(), |p| cut(p, true));
            let last = a.paragraphs.last().map_or(String::new(), |p| cut(p, false));
            println!("{folder}/{name}\tTITLE\t{}", a.title);
            println!("{folder}/{name}\tFIRST\t{first}\n{folder}/{name}\tLAST\t{last}");
        }
    }
    true
}

#[test]
fn real_corpus_ingests_cleanly() {
    let dump = std::env::var_os("QARIN_DUMP").is_some();
    let mut s = Summary {
        files: 0,
        kinds: BTreeMap::new(),
        lang_exceptions: Vec::new(),
        ratios: Vec::new(),
        failures: Vec::new(),
    };
    let en = ingest_folder("en", ".txt", "en", &mut s, dump);
    let ar = ingest_folder("ar", ".txt", "ar", &mut s, dump);
    // Professionally translated pairs, one sentence a line: clean text that cleaning
    // should leave nearly whole (a check on false positives).
    ingest_folder("pairs", "_en.txt", "en", &mut s, dump);
    ingest_folder("pairs", "_ar.txt", "ar", &mut s, dump);
    if !en && !ar {
        println!(
            "note: {} not found; corpus test skipped",
            corpus_dir().display()
        );
        return;
    }
    s.ratios.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("files: {}", s.files);
    println!("removed, by kind: {:?}", s.kinds);
    println!(
        "language exceptions ({}): {:?}",
        s.lang_exceptions.len(),
        s.lang_exceptions
    );
    println!("largest share removed:");
    for (r, f) in s.ratios.iter().take(8) {
        println!("  {:5.1}%  {f}", r * 100.0);
    }
    assert!(
        s.failures.is_empty(),
        "files without one clean article: {:#?}",
        s.failures
    );
    assert!(
        s.lang_exceptions.len() * 200 <= s.files,
        "more than 0.5% of files in the wrong language: {:?}",
        s.lang_exceptions
    );
    let over: Vec<_> = s.ratios.iter().filter(|(r, _)| *r > 0.5).collect();
    assert!(
        over.is_empty(),
        "cleaning removed more than half of: {over:?}"
    );
}
