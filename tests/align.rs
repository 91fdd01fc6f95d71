//! The aligned reader's sentence alignment measured on `../shared/corpus/pairs/` (64
//! translation pairs NNN_en.txt / NNN_ar.txt; line i of one is the human translation of line
//! i of the other). The pairs' lines are joined into one paragraph per article, so the
//! sentence splitter and the alignment must find the boundaries and the matches themselves;
//! a predicted link (English sentence, Arabic sentence) is right when both lie on the same
//! line number. Precision: right links over links; recall: lines with a right link over all
//! lines. Printed (`--nocapture`) and held to floors. Also: the seeds' Macron–Rouhani
//! reports (000 English, 001 Arabic) get paragraph links through shared entities, and the
//! offsets are UTF-16 units.

#![cfg(feature = "bilingual")]

use qarin::bilingual::align::{align, align_in, Doc};
use qarin::bilingual::{sentences, Lexicon, Recognizer};
use std::collections::HashMap;
use std::path::Path;

const PAIRS: &str = "../shared/corpus/pairs";
const LEXICON: &str = "data/lexicon/lexicon.tsv";

fn recognizer() -> Recognizer {
    let text = std::fs::read_to_string(LEXICON).expect("the shipped lexicon");
    Recognizer::new(Lexicon::parse(&text).expect("lexicon parses"))
}

/// A pair file's body lines joined into one paragraph, with each line's byte range.
fn joined(path: &Path) -> (String, Vec<(usize, usize)>) {
    let text = std::fs::read_to_string(path).expect("pair file");
    let mut body = String::new();
    let mut lines = Vec::new();
    for line in text.lines().skip(2).filter(|l| !l.trim().is_empty()) {
        if !body.is_empty() {
            body.push(' ');
        }
        let start = body.len();
        body.push_str(line.trim());
        lines.push((start, body.len()));
    }
    (body, lines)
}

/// Entity mentions numbered by one shared table of ids.
fn mentions(
    r: &Recognizer,
    text: &str,
    ids: &mut HashMap<String, u32>,
) -> Vec<(usize, usize, u32)> {
    r.recognize(text)
        .into_iter()
        .map(|m| {
            let next = ids.len() as u32;
            (m.start, m.end, *ids.entry(m.entity).or_insert(next))
        })
        .collect()
}

#[test]
fn sentence_alignment_on_the_translation_pairs() {
    let dir = Path::new(PAIRS);
    if !dir.is_dir() {
        eprintln!("skipped: needs {PAIRS}");
        return;
    }
    let r = recognizer();
    let mut numbers: Vec<_> = std::fs::read_dir(dir)
        .expect("pairs")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix("_en.txt")
                .map(String::from)
        })
        .collect();
    numbers.sort();
    assert_eq!(numbers.len(), 64);
    let (mut links, mut right, mut lines, mut found, mut parallel) = (0, 0, 0, 0, 0);
    for n in &numbers {
        let (en, en_lines) = joined(&dir.join(format!("{n}_en.txt")));
        let (ar, ar_lines) = joined(&dir.join(format!("{n}_ar.txt")));
        assert_eq!(en_lines.len(), ar_lines.len(), "{n}");
        let mut ids = HashMap::new();
        let docs = [
            Doc {
                mentions: vec![mentions(&r, &en, &mut ids)],
                paragraphs: vec![en.clone()],
            },
            Doc {
                mentions: vec![mentions(&r, &ar, &mut ids)],
                paragraphs: vec![ar.clone()],
            },
        ];
        let result = align(&docs, |e| e.to_string());
        parallel += usize::from(result.parallel.iter().all(|p| p.2));
        let line_of = |text: &str, lines: &[(usize, usize)], s: usize| {
            let start = sentences::split(text)[s].0;
            lines.iter().position(|&(a, b)| start >= a && start < b)
        };
        let mut hit = vec![false; en_lines.len()];
        for l in &result.sentence_links {
            links += 1;
            let (x, y) = (line_of(&en, &en_lines, l.sa), line_of(&ar, &ar_lines, l.sb));
            if x.is_some() && x == y {
                right += 1;
                hit[x.unwrap_or(0)] = true;
            }
        }
        lines += en_lines.len();
        found += hit.iter().filter(|&&h| h).count();
    }
    let precision = right as f64 / links.max(1) as f64;
    let recall = found as f64 / lines as f64;
    println!(
        "sentence alignment, 64 pairs joined into one paragraph each: {lines} lines, {links} links, \
         precision {precision:.3}, recall {recall:.3}; aligned as translations: {parallel}/64"
    );
    assert!(precision >= 0.92, "precision {precision:.3}");
    assert!(recall >= 0.83, "recall {recall:.3}");
    assert!(parallel >= 57, "{parallel}/64 pairs seen as translations");
}

fn seeds() -> (qarin::Corpus, Vec<u32>) {
    let mut c = qarin::Corpus::new();
    let mut ids = Vec::new();
    for prefix in ["000_", "001_", "002_"] {
        let path = std::fs::read_dir("seeds")
            .expect("seeds")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| {
                p.file_name()
                    .is_some_and(|f| f.to_string_lossy().starts_with(prefix))
            })
            .expect("seed");
        let bytes = std::fs::read(&path).expect("seed");
        ids.push(c.add_bytes(&path.to_string_lossy(), &bytes).added[0].id);
    }
    let lexicon = std::fs::read_to_string(LEXICON).expect("lexicon");
    qarin::bilingual::link(&mut c, &[&lexicon]).expect("links");
    (c, ids)
}

#[test]
fn seeds_000_and_001_share_entities_paragraph_by_paragraph() {
    let (c, ids) = seeds();
    let (kept, a) = align_in(&c, &[ids[0], ids[1], 9_999]).expect("two articles");
    assert_eq!(kept, vec![ids[0], ids[1]], "an unknown id is left out");
    let named = |art: usize| -> std::collections::BTreeSet<String> {
        a.articles[art]
            .paragraphs
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| m.entity.clone()))
            .collect()
    };
    let (en, ar) = (named(0), named(1));
    let both: Vec<_> = en.intersection(&ar).collect();
    assert!(both.len() >= 3, "entities in both: {both:?}");
    assert!(!a.links.is_empty());
    // Every link shares something, and names what.
    // Every link shares something or holds a sentence link.
    let joined = |l: &qarin::bilingual::align::Link| {
        a.sentence_links
            .iter()
            .any(|s| (s.pa, s.pb) == (l.pa, l.pb))
    };
    assert!(a
        .links
        .iter()
        .all(|l| (!l.shared.is_empty() || joined(l)) && l.a == 0 && l.b == 1));
    assert!(
        a.links
            .iter()
            .any(|l| l.shared.iter().any(|s| both.contains(&s))),
        "{:?}",
        a.links
    );
    // The first paragraphs (the call itself) are linked through Macron and Rouhani.
    assert!(
        a.links
            .iter()
            .any(|l| l.pa == 0 && l.shared.contains(&"person:hassan-rouhani".to_string())),
        "{:?}",
        a.links
    );
    // Three articles: three pairs.
    let (_, three) = align_in(&c, &ids).expect("three");
    assert_eq!(three.parallel.len(), 3);
    assert!(align_in(&c, &[ids[0]]).is_none());
}

#[test]
fn offsets_are_utf16_units_of_each_paragraph() {
    let r = recognizer();
    let en = "😀 Macron called Rouhani about resolution 2401.".to_string();
    let ar = "🙂 اتصل ماكرون بروحاني بشأن القرار ٢٤٠١.".to_string();
    let mut ids = HashMap::new();
    let docs = [
        Doc {
            mentions: vec![mentions(&r, &en, &mut ids)],
            paragraphs: vec![en.clone()],
        },
        Doc {
            mentions: vec![mentions(&r, &ar, &mut ids)],
            paragraphs: vec![ar.clone()],
        },
    ];
    let a = align(&docs, |e| e.to_string());
    let utf16 = |s: &str, from: usize, to: usize| -> String {
        String::from_utf16(&s.encode_utf16().collect::<Vec<_>>()[from..to]).expect("utf16")
    };
    let en_spans: Vec<String> = a.articles[0].paragraphs[0]
        .mentions
        .iter()
        .map(|m| utf16(&en, m.start, m.end))
        .collect();
    let ar_spans: Vec<String> = a.articles[1].paragraphs[0]
        .mentions
        .iter()
        .map(|m| utf16(&ar, m.start, m.end))
        .collect();
    assert_eq!(en_spans, vec!["Macron", "Rouhani", "resolution 2401"]);
    assert_eq!(ar_spans[..2], ["ماكرون", "بروحاني"]);
    let s = a.articles[1].paragraphs[0].sentences[0];
    assert_eq!((s.start, s.end), (0, ar.encode_utf16().count()));
    let link = &a.links[0];
    assert!(link.shared.contains(&"2401".to_string()), "{link:?}");
    assert_eq!(a.sentence_links.len(), 1);
}

#[test]
fn a_possessive_name_is_anchored_like_the_name() {
    // No lexicon: the names meet only by transliteration, and "Mistura’s" is the name
    // "Mistura" (as signing and name proposals read it), not a word of its own.
    let doc = |paragraphs: &[&str]| Doc {
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        mentions: vec![Vec::new(); paragraphs.len()],
    };
    let docs = [
        doc(&[
            "Rain fell in the north on Tuesday.",
            "Mistura’s talks in Geneva ended.",
        ]),
        doc(&["هطلت أمطار في الشمال.", "انتهت محادثات ميستورا في جنيف."]),
    ];
    let result = align(&docs, |e| e.to_string());
    let link = result
        .links
        .iter()
        .find(|l| (l.pa, l.pb) == (1, 1))
        .unwrap_or_else(|| panic!("no link between the second paragraphs: {:?}", result.links));
    assert!(
        link.shared.iter().any(|s| s == "mistura"),
        "{:?}",
        link.shared
    );
}
