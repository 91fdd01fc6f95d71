//! Name proposals on the seeds (issue 14): Le Drian / لودريان is in the shipped lexicon, so
//! with it nothing about him is proposed; with the same lexicon minus his entry, the pair
//! is proposed with its score, and `qarin names` prints the same as JSON.
#![cfg(feature = "bilingual")]

#[path = "support/cli.rs"]
mod cli_run;

use cli_run::qarin;
use qarin::bilingual::names::{propose, Options};
use qarin::{bilingual, Corpus};

fn lexicon(without: Option<&str>) -> String {
    let text = std::fs::read_to_string("data/lexicon/lexicon.tsv").expect("the shipped lexicon");
    match without {
        None => text,
        Some(id) => text
            .lines()
            .filter(|l| !l.starts_with(&format!("{id}\t")))
            .map(|l| format!("{l}\n"))
            .collect(),
    }
}

fn seeds(lexicon: &str) -> Corpus {
    let mut c = Corpus::new();
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).expect("seed");
        c.add_bytes(&path.to_string_lossy(), &bytes);
    }
    bilingual::link(&mut c, &[lexicon]).expect("lexicon loads");
    c
}

const LE_DRIAN: &str = "person:jean-yves-le-drian";

#[test]
fn le_drian_is_proposed_only_when_the_lexicon_lacks_him() {
    let all = Options {
        article: None,
        limit: 100,
    };
    let shipped = propose(&seeds(&lexicon(None)), &all);
    assert!(
        !shipped
            .proposals
            .iter()
            .any(|p| p.ar.contains("دريان") || p.en.contains("Drian")),
        "{shipped:?}"
    );
    let corpus = seeds(&lexicon(Some(LE_DRIAN)));
    let without = propose(&corpus, &all);
    let p = without
        .proposals
        .iter()
        .find(|p| p.ar == "لودريان")
        .unwrap_or_else(|| panic!("{without:?}"));
    assert!(p.en.ends_with("Le Drian"), "{p:?}");
    assert!(p.score >= bilingual::translit::THRESHOLD, "{p:?}");
    assert_eq!((p.en_articles, p.ar_articles), (1, 1));
    // From the English article alone, the same pair.
    let english = corpus
        .list(&qarin::ListFilter::default())
        .into_iter()
        .find(|s| s.file.contains("/000_"))
        .expect("seed 000");
    let one = propose(
        &corpus,
        &Options {
            article: Some(english.id),
            limit: 100,
        },
    );
    assert!(one.proposals.iter().any(|q| q.ar == "لودريان"), "{one:?}");
    assert!(!one.partial && one.alignments > 0);
}

#[test]
fn the_cli_prints_proposals_as_json() {
    // A user lexicon cannot remove a shipped entry, so the CLI is checked on what the
    // shipped lexicon leaves unknown: the answer's shape, and Le Drian never proposed.
    let out = qarin(&["names", "--corpus", "seeds", "--limit", "50"]);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let proposals = json["proposals"].as_array().expect("proposals");
    for p in proposals {
        for key in ["en", "ar", "score", "en_articles", "ar_articles"] {
            assert!(p.get(key).is_some(), "{key} in {p}");
        }
        assert!(!p["ar"].as_str().unwrap_or("").contains("دريان"), "{p}");
    }
    assert!(json["alignments"].as_u64().is_some());
    let bad = qarin(&["names", "--corpus", "seeds", "--article", "nope.txt"]);
    assert!(!bad.status.success());
}
