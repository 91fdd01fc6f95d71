//! The corpus tools' forward index built in slices (progress, a corpus that changes between
//! slices), keyness rows per direction, and the search page's switches passed to the tools:
//! "Exact form" (written forms only) and "Both scripts" (the lexicon's expansion, off
//! unless asked).
#![cfg(feature = "stats")]

use qarin::stats::{
    collocation, dispersion, freq, keyness, kwic, ngrams, Answer, Phase, Request, Scope, Step,
    Tools,
};
use qarin::Corpus;

#[path = "support/shared.rs"]
mod shared;

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let mut c = Corpus::new();
    for (name, text) in files {
        let report = c.add_bytes(name, text.as_bytes());
        assert_eq!(report.added.len(), 1, "{name}: {:?}", report.warnings);
    }
    c
}

fn word_list(tools: &mut Tools, c: &Corpus) -> freq::Freq {
    tools
        .freq(
            c,
            &freq::Options {
                stop: true,
                ..Default::default()
            },
        )
        .unwrap()
}

#[test]
fn the_forward_index_builds_in_slices_with_progress_and_the_same_answer() {
    let files: Vec<(String, String)> = (0..12)
        .map(|i| {
            (
                format!("{i}.txt"),
                format!("Title {i}\n\nalpha beta gamma{i} delta alpha words of article {i}"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut c = corpus(&refs);
    let mut tools = Tools::new();
    // 9 words an article, a budget of 20 words: three articles a slice (the last one read
    // passes the budget), so 12 articles take four slices.
    let mut seen = Vec::new();
    loop {
        let p = tools.prepare(&c, 20);
        seen.push((p.done, p.total, p.ready));
        if p.ready {
            break;
        }
        assert!(seen.len() < 20, "never ready: {seen:?}");
    }
    assert_eq!(
        seen,
        vec![
            (3, 12, false),
            (6, 12, false),
            (9, 12, false),
            (12, 12, true)
        ]
    );
    assert_eq!(word_list(&mut tools, &c), word_list(&mut Tools::new(), &c));
    // Ready again at once when nothing changed.
    let p = tools.prepare(&c, 20);
    assert!(p.ready && p.total == 0, "{p:?}");

    // The corpus changes between slices: an article removed, one added; the last slice
    // catches up and the answer is the fresh one.
    let mut tools = Tools::new();
    assert!(!tools.prepare(&c, 20).ready);
    c.remove(0).unwrap();
    c.add_bytes("new.txt", b"New\n\nalpha omega omega");
    while !tools.prepare(&c, 20).ready {}
    let sliced = word_list(&mut tools, &c);
    assert_eq!(sliced, word_list(&mut Tools::new(), &c));
    assert!(sliced.rows.iter().any(|r| r.word == "omega" && r.freq == 2));
    assert!(!sliced.rows.iter().any(|r| r.word == "gamma0"));
}

#[test]
fn keyness_per_side_keeps_the_limit_in_each_direction() {
    // Target: English words only; reference: Arabic only. Every word is key one way.
    let c = corpus(&[
        ("en.txt", "English\n\nalpha alpha alpha bravo bravo charlie"),
        ("ar.txt", "عربي\n\nدمشق دمشق دمشق حلب حلب حمص"),
    ]);
    let side = |lang: &str| Scope {
        lang: Some(lang.into()),
        ..Scope::default()
    };
    let options = keyness::Options {
        target: side("en"),
        reference: side("ar"),
        min: 1,
        limit: 1,
        ..Default::default()
    };
    let all = Tools::new().keyness(&c, &options).unwrap();
    assert_eq!(all.rows.len(), 1);
    let each = Tools::new()
        .keyness(
            &c,
            &keyness::Options {
                per_side: true,
                ..options
            },
        )
        .unwrap();
    let words: Vec<(&str, bool)> = each
        .rows
        .iter()
        .map(|r| (r.word.as_str(), r.log_ratio > 0.0))
        .collect();
    assert_eq!(words.len(), 2, "{words:?}");
    assert!(words.contains(&("alpha", true)), "{words:?}");
    assert!(words.contains(&("دمشق", false)), "{words:?}");
}

fn keywords(c: &Corpus, query: &str, scope: Scope) -> Vec<String> {
    let options = kwic::Options {
        scope,
        ..Default::default()
    };
    let mut lines: Vec<String> = Tools::new()
        .kwic(c, query, &options)
        .unwrap()
        .lines
        .into_iter()
        .map(|l| l.keyword)
        .collect();
    lines.sort();
    lines
}

#[test]
fn exact_form_matches_written_forms_only() {
    let c = corpus(&[("a.txt", "Plans\n\nthe plan and the plans were planned")]);
    assert_eq!(keywords(&c, "plan", Scope::default()).len(), 3);
    let exact = Scope {
        exact: true,
        ..Scope::default()
    };
    assert_eq!(keywords(&c, "plan", exact), vec!["plan"]);
}

#[cfg(feature = "bilingual")]
#[test]
fn both_scripts_only_when_asked() {
    let mut c = corpus(&[
        ("en.txt", "Siege\n\nshelling in Ghouta again"),
        ("ar.txt", "حصار\n\nقصف على الغوطة مجددا"),
    ]);
    let lexicon = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/lexicon/lexicon.tsv"
    ))
    .unwrap();
    qarin::bilingual::link(&mut c, &[&lexicon]).unwrap();
    assert_eq!(keywords(&c, "Ghouta", Scope::default()), vec!["Ghouta"]);
    let both = Scope {
        cross_lingual: true,
        ..Scope::default()
    };
    assert_eq!(
        keywords(&c, "Ghouta", both.clone()),
        vec!["Ghouta", "الغوطة"]
    );
    // The sub-corpus too: a filter in one script chooses articles in both.
    let sub = Scope {
        filter: "Ghouta".into(),
        ..both
    };
    let n = Tools::new()
        .freq(
            &c,
            &freq::Options {
                scope: sub,
                ..Default::default()
            },
        )
        .unwrap()
        .docs;
    assert_eq!(n, 2);
}

/// A request to each tool, as the page makes them (a frequent node, the whole corpus).
fn requests(node: &str) -> Vec<Request> {
    let lang = |l: &str| Scope {
        lang: Some(l.into()),
        ..Scope::default()
    };
    vec![
        Request::Freq(freq::Options::default()),
        Request::Kwic(
            node.into(),
            kwic::Options {
                sort: kwic::Sort::Right(1),
                ..Default::default()
            },
        ),
        Request::Ngrams(ngrams::Options {
            n: 3,
            limit: 50,
            ..Default::default()
        }),
        Request::Ngrams(ngrams::Options {
            around: node.into(),
            ..Default::default()
        }),
        Request::Collocates(node.into(), collocation::Options::default()),
        Request::Keyness(keyness::Options {
            target: lang("en"),
            reference: lang("ar"),
            ..Default::default()
        }),
        Request::Dispersion(node.into(), dispersion::Options::default()),
    ]
}

/// Steps `request` to its answer with `budget` a slice, checking the progress on the way;
/// returns the answer and the slices taken.
fn stepped(tools: &mut Tools, c: &Corpus, request: &Request, budget: usize) -> (Answer, usize) {
    let mut slices = 0;
    let mut last: Option<Phase> = None;
    loop {
        slices += 1;
        match tools.step(c, request, budget).unwrap() {
            Step::Done(answer) => return (answer, slices),
            Step::Working(phase) => {
                assert!(phase.done <= phase.total, "{phase:?}");
                // Within a stage, progress only grows.
                if let Some(last) = last.filter(|l| (l.stage, l.step) == (phase.stage, phase.step))
                {
                    assert!(
                        phase.done >= last.done || phase.stage == "n-grams",
                        "{last:?} then {phase:?}"
                    );
                }
                last = Some(phase);
            }
        }
        assert!(slices < 1_000_000, "never done");
    }
}

#[test]
fn every_tool_answers_in_slices_as_it_does_whole() {
    let Some(c) = shared::corpus(60) else {
        return;
    };
    for node in ["Syria", "سوريا"] {
        for request in requests(node) {
            let whole = Tools::new().answer(&c, &request).unwrap();
            // One tools object for every budget: kept stages never leak into the next
            // request, and the forward index is read in slices by the first.
            let mut tools = Tools::new();
            let mut counts = Vec::new();
            for budget in [5_000, 100_000, usize::MAX] {
                let (answer, slices) = stepped(&mut tools, &c, &request, budget);
                assert_eq!(answer, whole, "{request:?} at {budget} a slice");
                counts.push(slices);
            }
            assert!(
                counts[0] > counts[1] && counts[1] >= counts[2],
                "{request:?}: {counts:?}"
            );
            assert_eq!(counts[2], 1, "{request:?}: a whole budget answers at once");
        }
    }
}

#[test]
fn a_slice_of_another_request_or_a_changed_corpus_starts_over() {
    let Some(mut c) = shared::corpus(40) else {
        return;
    };
    let ngrams = Request::Ngrams(ngrams::Options::default());
    let words = Request::Freq(freq::Options::default());
    let mut tools = Tools::new();
    // Half-way through the n-grams, the word list is asked: it is answered right, and the
    // n-grams asked again start over and are right too.
    while !matches!(tools.step(&c, &ngrams, 20_000).unwrap(), Step::Working(p) if p.stage == "n-grams")
    {
    }
    let (answer, _) = stepped(&mut tools, &c, &words, 20_000);
    assert_eq!(answer, Tools::new().answer(&c, &words).unwrap());
    // The corpus changes while the word list is half done: the answer is the new corpus's.
    let Answer::Freq(before) = answer else {
        panic!("a word list")
    };
    assert!(matches!(
        tools.step(&c, &words, 2_000).unwrap(),
        Step::Working(_)
    ));
    assert!(matches!(
        tools.step(&c, &words, 2_000).unwrap(),
        Step::Working(_)
    ));
    let added = c.add_bytes("late.txt", b"Late\n\nzebra zebra zebra quagga");
    assert_eq!(added.added.len(), 1);
    let (answer, _) = stepped(&mut tools, &c, &words, 20_000);
    assert_eq!(answer, Tools::new().answer(&c, &words).unwrap());
    let Answer::Freq(after) = answer else {
        panic!("a word list")
    };
    assert_eq!(after.tokens, before.tokens + 4);
    assert_eq!(after.docs, before.docs + 1);
    let (answer, _) = stepped(&mut tools, &c, &ngrams, 20_000);
    assert_eq!(answer, Tools::new().answer(&c, &ngrams).unwrap());
}

#[test]
fn a_bad_request_fails_in_its_slice_and_the_next_one_is_answered() {
    let c = corpus(&[("a.txt", "A\n\nalpha beta alpha")]);
    let mut tools = Tools::new();
    let bad = Request::Kwic("\"alpha".into(), kwic::Options::default());
    let e = tools.step(&c, &bad, 10).unwrap_err();
    assert!(e.to_string().contains("quot"), "{e}");
    let good = Request::Kwic("alpha".into(), kwic::Options::default());
    let (answer, _) = stepped(&mut tools, &c, &good, 10);
    let Answer::Kwic(k) = answer else {
        panic!("a concordance")
    };
    assert_eq!(k.total, 2);
}
