//! The corpus tool commands of the native CLI on the seeds and on a subset of
//! `../shared/corpus` (skipped with a note without it): one JSON object each with exactly
//! the keys the issue names, in order; wrong options are errors; `search --from/--to`.
#![cfg(feature = "stats")]

#[path = "support/cli.rs"]
mod cli_run;

use cli_run::qarin;
use serde_json::Value;
use std::path::Path;

fn json(args: &[&str]) -> Value {
    let out = qarin(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The keys of an object, sorted (serde_json's map sorts them; the CLI prints them in the
/// issue's order, which the Node test compares with the wasm API's objects).
fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn sorted<const N: usize>(mut names: [&str; N]) -> Vec<&str> {
    names.sort_unstable();
    names.to_vec()
}

/// Runs every tool over `corpus` and checks the keys of the answer and of its first row.
fn check_shapes(corpus: &str, node: &str) {
    let c = ["--corpus", corpus];
    let freq = json(&[&["freq"][..], &c, &["--limit", "5"]].concat());
    assert_eq!(keys(&freq), sorted(["tokens", "types", "docs", "rows"]));
    assert_eq!(freq["rows"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        keys(&freq["rows"][0]),
        sorted(["word", "term", "freq", "docs", "per_million"])
    );
    let kwic = json(&[&["kwic"][..], &c, &["--limit", "3", "--sort", "L1", node]].concat());
    assert_eq!(keys(&kwic), sorted(["total", "lines"]));
    assert!(kwic["total"].as_u64() > Some(0), "{kwic}");
    assert_eq!(
        keys(&kwic["lines"][0]),
        sorted(["file", "left", "keyword", "right", "id", "lang", "n"])
    );
    let ngrams = json(&[&["ngrams"][..], &c, &["--n", "2", "--limit", "3"]].concat());
    assert_eq!(keys(&ngrams), sorted(["rows"]));
    assert_eq!(keys(&ngrams["rows"][0]), sorted(["ngram", "freq", "docs"]));
    assert_eq!(
        ngrams["rows"][0]["ngram"]
            .as_str()
            .map(|s| s.split(' ').count()),
        Some(2)
    );
    let coll = json(
        &[
            &["collocates"][..],
            &c,
            &["--window", "4,4", "--min", "1", node],
        ]
        .concat(),
    );
    assert_eq!(keys(&coll), sorted(["node", "node_freq", "tokens", "rows"]));
    assert_eq!(
        keys(&coll["rows"][0]),
        sorted(["word", "term", "f_xy", "f_y", "logdice", "mi", "t", "g2"])
    );
    let key = json(
        &[
            &["keyness"][..],
            &c,
            &[
                "--target",
                node,
                "--reference",
                "",
                "--min",
                "1",
                "--limit",
                "5",
            ],
        ]
        .concat(),
    );
    assert_eq!(
        keys(&key),
        sorted(["target_tokens", "reference_tokens", "rows"])
    );
    assert_eq!(
        keys(&key["rows"][0]),
        sorted([
            "word",
            "term",
            "target_freq",
            "reference_freq",
            "g2",
            "log_ratio",
            "pct_diff"
        ])
    );
    let disp = json(&[&["dispersion"][..], &c, &["--cross-lingual", node]].concat());
    assert_eq!(
        keys(&disp),
        sorted(["tokens", "hits", "articles", "months"])
    );
    assert_eq!(
        keys(&disp["articles"][0]),
        sorted(["id", "file", "date", "tokens", "positions"])
    );
}

#[test]
fn every_tool_answers_with_the_issue_keys_on_the_seeds() {
    check_shapes("seeds", "regime");
    // The same word list by term groups more: fewer types.
    let form = json(&["freq", "--corpus", "seeds", "--limit", "1"]);
    let term = json(&["freq", "--corpus", "seeds", "--by", "term", "--limit", "1"]);
    assert_eq!(form["tokens"], term["tokens"]);
    assert!(term["types"].as_u64() < form["types"].as_u64());
}

#[test]
fn every_tool_answers_with_the_issue_keys_on_shared_articles() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !shared.exists() {
        eprintln!("skipped: needs ../shared/corpus");
        return;
    }
    let dir = std::env::temp_dir().join(format!("qarin-cli-stats-{}", std::process::id()));
    for lang in ["en", "ar"] {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
        let mut names: Vec<_> = std::fs::read_dir(shared.join(lang))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .filter(|n| n.to_string_lossy().ends_with(".txt"))
            .collect();
        names.sort();
        for name in names.iter().take(30) {
            std::fs::copy(shared.join(lang).join(name), dir.join(lang).join(name)).unwrap();
        }
    }
    let path = dir.to_string_lossy().to_string();
    check_shapes(&path, "سوريا OR Syria");
    // Not expanded across scripts: an Arabic query lists Arabic lines only.
    let kwic = json(&["kwic", "--corpus", &path, "سوريا"]);
    let lines = kwic["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l["lang"] == "ar"), "{kwic}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn wrong_tool_options_are_errors_and_search_takes_date_bounds() {
    for args in [
        &["kwic", "--corpus", "seeds", "--sort", "L7", "siege"][..],
        &["ngrams", "--corpus", "seeds", "--n", "9"],
        &["collocates", "--corpus", "seeds", "--window", "5", "siege"],
        &["freq", "--corpus", "seeds", "--by", "stem"],
        &["freq", "--corpus", "seeds", "--width", "3"],
        &["keyness", "--corpus", "seeds", "--target", "siege"],
        &["kwic", "--corpus", "seeds"],
    ] {
        let out = qarin(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    // The seeds have no dates: any date bound leaves nothing; without one, all match.
    let dated = json(&["search", "--corpus", "seeds", "--from", "2000", "siege"]);
    assert_eq!(dated["total"], 0);
    let all = json(&["search", "--corpus", "seeds", "--to", "", "siege"]);
    assert!(all["total"].as_u64() > Some(0));
}

/// `--cross-lingual` expands the tools' queries across scripts with the shipped lexicon
/// (off by default: a concordance of Ghouta lists English lines only on the seeds);
/// `--exact` matches written forms only.
#[cfg(feature = "bilingual")]
#[test]
fn cross_lingual_and_exact_are_asked_for() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let langs = |extra: &[&str]| -> (usize, usize) {
        let v = json(
            &[
                &["kwic", "--corpus", seeds, "--limit", "100000"][..],
                extra,
                &["Ghouta"],
            ]
            .concat(),
        );
        let total = v["total"].as_u64().unwrap_or(0) as usize;
        let arabic = v["lines"]
            .as_array()
            .map(|l| {
                l.iter()
                    .filter(|x| x["keyword"].as_str().is_some_and(|k| k.contains('غ')))
                    .count()
            })
            .unwrap_or(0);
        (total, arabic)
    };
    let (plain, plain_ar) = langs(&[]);
    let (both, both_ar) = langs(&["--cross-lingual"]);
    assert!(
        plain > 0 && plain_ar == 0,
        "{plain} lines, {plain_ar} Arabic"
    );
    assert!(
        both > plain && both_ar > 0,
        "{both} lines, {both_ar} Arabic"
    );
    let (exact, _) = langs(&["--exact", "--cross-lingual"]);
    assert!(exact <= plain, "{exact} > {plain}");
}
