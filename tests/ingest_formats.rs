//! Every format and encoding the ingest reads, driven by `tests/data/ingest/cases.toml`
//! (fixtures made by `tests/data/ingest/make_fixtures.py`): each file is read exactly as an
//! upload is and compared with what a person expects of it. Then what needs several files
//! (a metadata sidecar before and after its articles, duplicates) goes through a `Corpus`,
//! and a property test feeds arbitrary and damaged bytes to every reader: none may panic.
#![cfg(feature = "formats")]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use qarin::ingest::{read, read_with, Article, Limits};
use qarin::Corpus;
use serde::Deserialize;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ingest")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    files: Vec<String>,
    encoding: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    body_starts: Option<String>,
    body_ends: Option<String>,
    date: Option<String>,
    date_text: Option<String>,
    url: Option<String>,
    byline: Option<String>,
    outlet: Option<String>,
    dateline: Option<String>,
    paragraphs: Option<usize>,
    warning: Option<String>,
    #[serde(default)]
    problem: Vec<(String, String)>,
    #[serde(default)]
    note: Vec<(String, String)>,
}

fn check(c: &Case, a: &Article) -> Vec<String> {
    let mut errs = Vec::new();
    let mut eq = |what: &str, got: Option<&str>, want: &Option<String>| {
        if let Some(w) = want {
            if got != Some(w.as_str()) {
                errs.push(format!("{what}: got {got:?}, want {w:?}"));
            }
        }
    };
    eq("encoding", a.encoding.as_deref(), &c.encoding);
    eq("lang", Some(&a.lang), &c.lang);
    eq("title", Some(&a.title), &c.title);
    eq("date", a.date.as_deref(), &c.date);
    eq("date_text", a.date_text.as_deref(), &c.date_text);
    eq("url", a.url.as_deref(), &c.url);
    eq("byline", a.byline.as_deref(), &c.byline);
    eq("outlet", a.outlet.as_deref(), &c.outlet);
    eq("dateline", a.dateline.as_deref(), &c.dateline);
    let body = a.body();
    if let Some(s) = &c.body_starts {
        if !body.starts_with(s.as_str()) {
            errs.push(format!(
                "body starts {:?}",
                body.chars().take(60).collect::<String>()
            ));
        }
    }
    if let Some(s) = &c.body_ends {
        if !body.ends_with(s.as_str()) {
            let n = body.chars().count();
            errs.push(format!(
                "body ends {:?}",
                body.chars().skip(n.saturating_sub(60)).collect::<String>()
            ));
        }
    }
    if let Some(n) = c.paragraphs {
        if a.paragraphs.len() != n {
            errs.push(format!(
                "{} paragraphs, want {n}: {:#?}",
                a.paragraphs.len(),
                a.paragraphs
            ));
        }
    }
    if let Some(w) = &c.warning {
        if !a.warnings.iter().any(|x| x.contains(w.as_str())) {
            errs.push(format!("no warning with {w:?} in {:?}", a.warnings));
        }
    }
    errs
}

#[test]
fn each_format_and_encoding_reads_as_expected() {
    let text = std::fs::read_to_string(dir().join("cases.toml")).expect("cases.toml");
    let cases: Cases = toml::from_str(&text).expect("cases.toml parses");
    let mut failures = Vec::new();
    for c in &cases.case {
        let got = read(&c.file, &fixture(&c.file));
        let mut errs = Vec::new();
        let files: Vec<&str> = got.articles.iter().map(|a| a.file.as_str()).collect();
        if files != c.files {
            errs.push(format!("articles {files:?}, want {:?}", c.files));
        }
        if let Some(a) = got.articles.first() {
            errs.extend(check(c, a));
        }
        for (file, says) in &c.problem {
            if !got
                .problems
                .iter()
                .any(|p| &p.file == file && p.message.contains(says.as_str()))
            {
                errs.push(format!("no problem {file}: {says:?} in {:?}", got.problems));
            }
        }
        if got.problems.len() != c.problem.len() {
            errs.push(format!("problems: {:?}", got.problems));
        }
        for (file, says) in &c.note {
            if !got
                .notes
                .iter()
                .any(|p| &p.file == file && p.message.contains(says.as_str()))
            {
                errs.push(format!("no note {file}: {says:?} in {:?}", got.notes));
            }
        }
        if !errs.is_empty() {
            failures.push(format!("{}:\n  {}", c.file, errs.join("\n  ")));
        }
    }
    let on_disk = std::fs::read_dir(dir())
        .expect("fixtures")
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            !n.ends_with(".py") && !n.ends_with(".toml")
        })
        .count();
    assert_eq!(cases.case.len(), on_disk, "one case per fixture");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_sidecar_applies_before_and_after_its_articles() {
    let mut corpus = Corpus::new();
    let first = corpus.add_bytes("up/ar_windows1256.txt", &fixture("ar_windows1256.txt"));
    let note = corpus.add_bytes("up/meta.tsv", &fixture("meta.tsv"));
    assert!(note.added.is_empty());
    assert!(note
        .warnings
        .iter()
        .any(|w| !w.skipped && w.message.contains("applied to 1 article")));
    let second = corpus.add_bytes("up/en_windows1252.txt", &fixture("en_windows1252.txt"));
    let get = |id| corpus.get(id).expect("stored").article.clone();
    let ar = get(first.added[0].id);
    assert_eq!(ar.outlet.as_deref(), Some("صحيفة الاختبار"));
    assert_eq!(ar.date.as_deref(), Some("2023-03-12"));
    assert_eq!(ar.url.as_deref(), Some("https://news.example/ar/1"));
    assert_eq!(ar.extra.get("label").map(String::as_str), Some("1"));
    let en = get(second.added[0].id);
    assert_eq!(en.date.as_deref(), Some("2023-06-13"));
    assert_eq!(en.date_text.as_deref(), Some("13/6/2023"));
    assert_eq!(en.outlet.as_deref(), Some("Rhône Daily"));
}

#[test]
fn duplicates_are_skipped_and_near_duplicates_flagged() {
    let mut corpus = Corpus::new();
    corpus.add_bytes("ar_utf16le_bom.txt", &fixture("ar_utf16le_bom.txt"));
    let dup = corpus.add_bytes("ar_utf8_bom_crlf.txt", &fixture("ar_utf8_bom_crlf.txt"));
    assert!(dup.added.is_empty());
    assert!(dup.warnings[0].skipped);
    assert!(dup.warnings[0]
        .message
        .contains("duplicate of ar_utf16le_bom.txt"));
    // The same page, read from windows-1256 and cleaned: the same article again.
    let page = corpus.add_bytes("page_ar_1256.html", &fixture("page_ar_1256.html"));
    assert!(page
        .warnings
        .iter()
        .any(|w| w.skipped && w.message.contains("duplicate of")));
    // The same story from another outlet, with its own headline and a sentence of its own:
    // kept, but flagged.
    let other = String::from_utf8(fixture("ar_utf8_bom_crlf.txt"))
        .expect("UTF-8")
        .replacen("افتتاح معرض الكتاب الدولي", "معرض الكتاب يفتح أبوابه", 1)
        .replacen(
            "\r\n\r\n",
            "\r\n\r\nنقلت وكالة الأنباء المحلية الخبر التالي عن المعرض.\r\n",
            1,
        );
    let near = corpus.add_bytes("other/maarad.txt", other.as_bytes());
    let a = &corpus.get(near.added[0].id).expect("stored").article;
    assert_eq!(a.near_duplicate_of.as_deref(), Some("ar_utf16le_bom.txt"));
    assert!(near
        .warnings
        .iter()
        .any(|w| w.message.contains("near-duplicate")));
    // Saved and read back, the flag and the new fields stay.
    let back = Corpus::from_bytes(&corpus.to_bytes()).expect("round trip");
    let b = &back.get(near.added[0].id).expect("stored").article;
    assert_eq!(b, a);
}

#[test]
fn limits_are_configurable() {
    let small = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let got = read_with("page_en.html", &fixture("page_en.html"), &small);
    assert!(got.problems[0].message.contains("too large"));
    let got = read_with("upload.zip", &fixture("upload.zip"), &small);
    assert!(got.articles.is_empty());
    assert!(got.problems.iter().any(|p| p.message.contains("too large")));
}

/// Formats by extension, so that every reader sees arbitrary bytes.
const NAMES: &[&str] = &[
    "x.txt", "x.html", "x.mhtml", "x.zip", "x.docx", "x.odt", "x.csv", "x.tsv", "x.jsonl",
    "x.json", "x.pdf", "x",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), which in 0..NAMES.len()) {
        let _ = read(NAMES[which], &bytes);
        // The same bytes behind a zip signature reach the archive reader's parsers.
        let mut z = b"PK\x03\x04".to_vec();
        z.extend_from_slice(&bytes);
        let _ = read(NAMES[which], &z);
    }

    #[test]
    fn damaged_fixtures_never_panic(
        which in 0..6usize,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let name = ["upload.zip", "storm.docx", "saved.mhtml", "page_en.html", "export.csv", "export.jsonl"][which];
        let mut bytes = fixture(name);
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b;
        }
        let _ = read(name, &bytes);
        let keep = cut.index(bytes.len() + 1);
        let _ = read(name, &bytes[..keep]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}", which in 0..NAMES.len()) {
        let _ = read(NAMES[which], text.as_bytes());
        let page = format!("<html><body><article><p>{text}</p><div class='x'>{text}</div></article>");
        let _ = read("p.html", page.as_bytes());
    }
}

#[test]
fn the_cli_prints_the_new_fields_and_names_skipped_entries() {
    let d = dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .arg("ingest")
        .args(["ar_windows1256.txt", "upload.zip", "meta.tsv"].map(|f| d.join(f)))
        .output()
        .expect("the qarin binary runs");
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let first = &lines[0];
    for key in [
        "date",
        "date_text",
        "url",
        "byline",
        "encoding",
        "near_duplicate_of",
        "extra",
    ] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    // The sidecar came last and still dated the first file.
    assert_eq!(first["encoding"], "windows-1256");
    assert_eq!(first["date"], "2023-03-12");
    assert_eq!(first["extra"]["label"], "1");
    let files: Vec<&str> = lines.iter().filter_map(|l| l["file"].as_str()).collect();
    assert!(files
        .iter()
        .any(|f| f.ends_with("upload.zip/collection/pages/library.html")));
    // The zip's Arabic text is the same article as the first file.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("upload.zip/collection/ar/maarad.txt: skipped: duplicate of"),
        "{stderr}"
    );
    assert!(
        stderr.contains("upload.zip/collection/broken.txt: damaged"),
        "{stderr}"
    );
    assert!(stderr.contains("__MACOSX"), "{stderr}");
}
