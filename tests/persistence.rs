//! Saving and loading a corpus with its index (`Corpus::to_bytes` / `from_bytes`): a
//! loaded corpus answers every kind of query exactly as the one saved, keeps growing and
//! shrinking. (Damaged and stale indexes: the unit tests of `corpus`; crafted bytes:
//! `crafted_corpus.rs`.) Skipped, with a note, when `../shared/corpus` is absent.

#[path = "support/shared.rs"]
mod shared;

use qarin::{Corpus, SearchOptions};
use shared::corpus;

const QUERIES: &[&str] = &[
    "Syria",
    "Iran talks",
    "\"prime minister\"",
    "negot*",
    "Rohani~",
    "title:Syria",
    "Syria -Russia",
    "Iran OR Iraq",
    "=Iran's",
    "lang:ar سوريا",
    "الرئيس",
    "والرئيس الروسي",
    "\"الأمم المتحدة\"",
    "غوطه",
    "",
];

fn answers(c: &Corpus) -> Vec<String> {
    let options = SearchOptions {
        limit: 20,
        explain: true,
        ..SearchOptions::default()
    };
    QUERIES
        .iter()
        .map(|q| format!("{:?}", c.search(q, &options)))
        .collect()
}

#[test]
fn a_loaded_corpus_answers_exactly_as_the_saved_one() {
    let Some(mut c) = corpus(150) else {
        return;
    };
    c.shrink();
    let bytes = c.to_bytes();
    let loaded = Corpus::from_bytes(&bytes).expect("loads");
    assert_eq!(answers(&loaded), answers(&c));
    let (a, b) = (loaded.stats(), c.stats());
    assert_eq!(
        (a.articles, a.terms, a.text_bytes),
        (b.articles, b.terms, b.text_bytes)
    );
    // Loaded tables are sized for what they hold, never larger than grown ones.
    assert!(a.index_bytes <= b.index_bytes, "{a:?} {b:?}");
    // Saving again gives the same bytes: nothing was lost or reordered.
    assert_eq!(loaded.to_bytes(), bytes);
}

#[test]
fn a_loaded_corpus_keeps_growing_and_shrinking() {
    let Some(mut c) = corpus(60) else {
        return;
    };
    let mut loaded = Corpus::from_bytes(&c.to_bytes()).unwrap();
    let extra = "Talks on Ghouta\n\nMacron and Rouhani spoke about the Ghouta siege in Syria.";
    c.add_bytes("extra.txt", extra.as_bytes());
    loaded.add_bytes("extra.txt", extra.as_bytes());
    for id in [0, 3, 70] {
        c.remove(id).unwrap();
        loaded.remove(id).unwrap();
    }
    assert_eq!(answers(&loaded), answers(&c));
}
