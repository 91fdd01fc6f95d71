//! The seed articles (`seeds/`), read exactly as the page reads them, against what a person
//! expects of each in `tests/data/seeds.toml`: the title, the language, how the body starts
//! and ends, the dateline, agency and outlet, and every removal in order (its kind and the
//! start of its text). A failure prints the whole article as read, to compare by eye.

use std::path::Path;

use qarin::ingest::{read, Article};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    seed: Vec<Seed>,
}

#[derive(Deserialize)]
struct Seed {
    file: String,
    title: String,
    lang: String,
    body_starts: String,
    body_ends: String,
    dateline: Option<String>,
    agency: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    removed: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    /// The kind as serialised (`"title_suffix"`, `"related_links"`, ...).
    kind: String,
    starts: String,
}

fn kind_name(a: &Article, i: usize) -> String {
    serde_json::to_value(a.removed[i].kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn check(seed: &Seed, a: &Article) -> Vec<String> {
    let mut errs = Vec::new();
    let body = a.body();
    let chars: Vec<char> = body.chars().collect();
    let first: String = chars.iter().take(40).collect();
    let last: String = chars[chars.len().saturating_sub(40)..].iter().collect();
    let mut eq = |what: &str, got: &dyn std::fmt::Debug, want: &dyn std::fmt::Debug| {
        let (g, w) = (format!("{got:?}"), format!("{want:?}"));
        if g != w {
            errs.push(format!("{what}: got {g}, want {w}"));
        }
    };
    eq("title", &a.title, &seed.title);
    eq("lang", &a.lang, &seed.lang);
    eq("body start", &first, &seed.body_starts);
    eq("body end", &last, &seed.body_ends);
    eq("dateline", &a.dateline, &seed.dateline);
    eq("agency", &a.agency, &seed.agency);
    eq("outlet", &a.outlet, &seed.outlet);
    if a.removed.len() != seed.removed.len() {
        errs.push(format!(
            "{} removals, want {}",
            a.removed.len(),
            seed.removed.len()
        ));
    }
    for (i, (got, want)) in a.removed.iter().zip(&seed.removed).enumerate() {
        let kind = kind_name(a, i);
        if kind != want.kind || !got.text.starts_with(&want.starts) {
            errs.push(format!(
                "removal {i}: got {kind} {:?}, want {} {:?}…",
                got.text, want.kind, want.starts
            ));
        }
    }
    errs
}

#[test]
fn seeds_read_as_a_person_reads_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let toml_text =
        std::fs::read_to_string(root.join("tests/data/seeds.toml")).expect("tests/data/seeds.toml");
    let cases: Cases = toml::from_str(&toml_text).expect("seeds.toml parses");
    let on_disk = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/")
        .count();
    assert_eq!(cases.seed.len(), on_disk, "one table per seed file");
    let mut failures = Vec::new();
    for seed in &cases.seed {
        let bytes = std::fs::read(root.join("seeds").join(&seed.file)).expect("seed file");
        let got = read(&seed.file, &bytes);
        assert!(got.problems.is_empty(), "{}: {:?}", seed.file, got.problems);
        assert_eq!(got.articles.len(), 1, "{}", seed.file);
        let a = &got.articles[0];
        let errs = check(seed, a);
        if !errs.is_empty() {
            failures.push(format!(
                "{}:\n  {}\n  read as: {:#?}",
                seed.file,
                errs.join("\n  "),
                a
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
