//! Story clusters (`qarin::bilingual::stories`) measured on `../shared/corpus/`: the 64
//! translation pairs among every English (`en/`, 804) and Arabic (`ar/`, 3,583) corpus
//! article, linked to the shipped lexicon. Pair recall (both halves of a pair in one
//! story) and how much else the pairs' stories hold are printed (`--nocapture`) and held to
//! floors, with the links judged by eye in `tests/data/story_links.tsv`;
//! `QARIN_STORIES_DUMP=N` prints N stories to read by eye. Also the seeds: 000 and
//! 001 (one call, two outlets) are one story, and the CLI prints it.

#![cfg(feature = "bilingual")]

use qarin::bilingual::stories::{day_number, stories_in, stories_step, Options, Stories};
use std::path::Path;
use std::time::Instant;

const CORPUS: &str = "../shared/corpus";

fn lexicon() -> &'static str {
    include_str!("../data/lexicon/lexicon.tsv")
}

fn load(dirs: &[&str]) -> Option<qarin::Corpus> {
    let mut corpus = qarin::Corpus::new();
    for dir in dirs {
        let mut names: Vec<_> = std::fs::read_dir(Path::new(CORPUS).join(dir))
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for p in names {
            let bytes = std::fs::read(&p).ok()?;
            let name = format!("{dir}/{}", p.file_name()?.to_string_lossy());
            corpus.add_bytes(&name, &bytes);
        }
    }
    Some(corpus)
}

/// Pair recall and the stories holding a pair: (pairs in one story, pairs, pair stories,
/// their members that are no pair article).
fn recall(found: &Stories) -> (usize, usize, usize) {
    let mut together = 0;
    let mut pair_stories = 0;
    let mut others = 0;
    for story in &found.stories {
        let files: Vec<&str> = story
            .en
            .iter()
            .chain(&story.ar)
            .map(|m| m.file.as_str())
            .collect();
        let mut has_pair = false;
        for f in &files {
            if let Some(n) = f
                .strip_prefix("pairs/")
                .and_then(|f| f.strip_suffix("_en.txt"))
            {
                if files.contains(&format!("pairs/{n}_ar.txt").as_str()) {
                    together += 1;
                    has_pair = true;
                }
            }
        }
        if has_pair {
            pair_stories += 1;
            others += files.iter().filter(|f| !f.starts_with("pairs/")).count();
        }
    }
    (together, pair_stories, others)
}

/// The judged links of `tests/data/story_links.tsv` that `found` puts in one story: (judged
/// the same story, judged not).
fn judged(found: &Stories) -> (usize, usize) {
    let labels = include_str!("data/story_links.tsv");
    let (mut right, mut wrong) = (0, 0);
    for line in labels.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let together = found.stories.iter().any(|s| {
            let has = |file: &str| s.en.iter().chain(&s.ar).any(|m| m.file == file);
            has(f[0]) && has(f[1])
        });
        if together {
            if f[2] == "yes" {
                right += 1;
            } else {
                wrong += 1;
            }
        }
    }
    (right, wrong)
}

#[test]
fn translation_pairs_fall_in_one_story() {
    let Some(mut corpus) = load(&["pairs", "en", "ar"]) else {
        eprintln!("skipped: {CORPUS} is not there");
        return;
    };
    qarin::bilingual::link(&mut corpus, &[lexicon()]).expect("the shipped lexicon links");
    let pairs = corpus
        .list(&qarin::ListFilter::default())
        .iter()
        .filter(|s| s.file.starts_with("pairs/") && s.file.ends_with("_en.txt"))
        .count();
    assert_eq!(pairs, 64);
    let mut chosen = None;
    let default = Options::default();
    for (top, min_score, stand_out) in [
        (1, 0.08, 1.3),
        (1, 0.08, 1.0),
        (1, 0.12, 1.3),
        (2, 0.08, 1.3),
    ] {
        let options = Options {
            top,
            min_score,
            stand_out,
            limit: usize::MAX,
            ..Options::default()
        };
        let started = Instant::now();
        let found = stories_in(&corpus, &options);
        let seconds = started.elapsed().as_secs_f64();
        let (together, pair_stories, others) = recall(&found);
        let (right, wrong) = judged(&found);
        let sizes: Vec<usize> = found
            .stories
            .iter()
            .map(|s| s.en.len() + s.ar.len())
            .collect();
        let both = found
            .stories
            .iter()
            .filter(|s| !s.en.is_empty() && !s.ar.is_empty())
            .count();
        println!(
            "stories at top {top}, min score {min_score}, stand-out {stand_out}: {} stories ({} with both languages, {} of more than two articles, largest {}, {} articles in stories), \
             pair recall {together}/{pairs}, {pair_stories} pair stories holding {others} other articles, {} stories with no pair; \
             judged links in one story: {right} the same story, {wrong} not; paired {} articles, work {}, partial {}, {seconds:.2} s",
            found.total,
            both,
            sizes.iter().filter(|&&n| n > 2).count(),
            sizes.iter().max().unwrap_or(&0),
            sizes.iter().sum::<usize>(),
            found.total - pair_stories,
            found.paired,
            found.work,
            found.partial,
        );
        assert_eq!(both, found.total, "every story has both languages");
        if (top, min_score, stand_out) == (default.top, default.min_score, default.stand_out) {
            chosen = Some((found, together, pair_stories, wrong));
        }
    }
    let (found, together, pair_stories, wrong) = chosen.expect("the defaults were measured");
    if let Some(n) = std::env::var("QARIN_STORIES_DUMP")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        // Stories that are not corpus pairs, for reading by eye.
        for story in found
            .stories
            .iter()
            .filter(|s| s.en.iter().all(|m| !m.file.starts_with("pairs/")))
            .take(n)
        {
            println!(
                "— {:?} / {:?} ({:?}..{:?}, {:.3})",
                story.label_en, story.label_ar, story.from, story.to, story.score
            );
            for m in story.en.iter().chain(&story.ar) {
                println!("    {} {:?} {}", m.file, m.date, m.title);
            }
        }
    }
    assert!(!found.partial);
    assert!(
        together * 100 >= 85 * pairs,
        "pair recall {together}/{pairs}"
    );
    // The stories that hold no translation pair: read by eye before the stand-out rule
    // (tests/data/story_links.tsv), 3 of 41 were one story, the rest the same war's places
    // and parties (a rocket attack on Aleppo against a rise in the Emirates' petrol price).
    // The rule keeps few of them.
    let others = found.total - pair_stories;
    assert!(others <= 10, "{others} stories hold no translation pair");
    assert!(wrong <= 6, "{wrong} links judged no story are in one");
}

/// The five seed articles in a corpus (not linked yet), and their paths.
fn seeds() -> (qarin::Corpus, Vec<std::path::PathBuf>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut corpus = qarin::Corpus::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in &names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        corpus.add_bytes(&name, &std::fs::read(p).unwrap());
    }
    (corpus, names)
}

/// `corpus` linked to the shipped lexicon, and the default stories' story holding seed 000.
fn story_of_000(corpus: &mut qarin::Corpus) -> qarin::bilingual::stories::Story {
    qarin::bilingual::link(corpus, &[lexicon()]).unwrap();
    let found = stories_in(corpus, &Options::default());
    found
        .stories
        .iter()
        .find(|s| s.en.iter().any(|m| m.file.starts_with("000_")))
        .cloned()
        .unwrap_or_else(|| panic!("000 in no story: {found:?}"))
}

#[test]
fn another_outlets_copy_of_a_member_joins_its_story() {
    // Seed 001 run again by another outlet with a line of its own at the top: a near-duplicate, so
    // one report. It is no second candidate for 000 and joins the story 000 and 001 make.
    let (mut corpus, names) = seeds();
    let arabic = std::fs::read_to_string(
        names
            .iter()
            .find(|p| p.to_string_lossy().contains("/001_"))
            .unwrap(),
    )
    .unwrap();
    let copy = arabic.replacen("\n\n", "\n\nنقلا عن وكالة أنباء أخرى.\n\n", 1);
    let added = corpus.add_bytes("copy_of_001.txt", copy.as_bytes());
    let copy_id = added.added.first().expect("the copy is added").id;
    let group = corpus.list(&qarin::ListFilter {
        similar_to: Some(copy_id),
        ..Default::default()
    });
    assert!(
        group.iter().any(|a| a.file.starts_with("001_")),
        "{group:?}"
    );
    let story = story_of_000(&mut corpus);
    let files: Vec<&str> = story.ar.iter().map(|m| m.file.as_str()).collect();
    assert!(files.iter().any(|f| f.starts_with("001_")), "{files:?}");
    assert!(files.contains(&"copy_of_001.txt"), "{files:?}");
}

#[test]
fn the_seed_reports_of_one_call_are_one_story() {
    let (mut corpus, _) = seeds();
    let story = story_of_000(&mut corpus);
    assert!(
        story.ar.iter().any(|m| m.file.starts_with("001_")),
        "{story:?}"
    );
    // The label: entities both reports name, in both scripts, one for one (Le Drian,
    // Tehran, France... — rare ones first).
    assert!(!story.label_en.is_empty(), "{story:?}");
    assert_eq!(story.label_en.len(), story.label_ar.len(), "{story:?}");
    assert!(
        story.label_en.iter().any(|l| l.contains("Le Drian")),
        "{story:?}"
    );
    assert!(
        story.label_ar.iter().any(|l| l.contains("لودريان")),
        "{story:?}"
    );
    // No story is bigger than asked, and a minimum size above every story leaves none.
    let none = stories_in(
        &corpus,
        &Options {
            min_size: 6,
            ..Options::default()
        },
    );
    assert!(none.stories.is_empty(), "{none:?}");
    // In slices: the same stories, and kept (a later call answers at once).
    let whole = stories_in(&corpus, &Options::default());
    let fewer = Options {
        min_score: 0.09,
        ..Options::default()
    };
    let mut steps = Vec::new();
    loop {
        let step = stories_step(&corpus, &fewer, 1);
        steps.push(step);
        if step.ready {
            break;
        }
    }
    assert!(steps.len() >= 2, "{steps:?}");
    assert!(
        steps.windows(2).all(|w| w[0].done <= w[1].done),
        "{steps:?}"
    );
    let sliced = stories_in(&corpus, &fewer);
    let last = stories_step(&corpus, &fewer, 1);
    assert_eq!(
        (last.ready, last.done, last.total),
        (true, last.total, last.total)
    );
    // The work counted depends on the names the kept pairing index had aligned before.
    let unworked = |s: Stories| Stories { work: 0, ..s };
    assert_eq!(unworked(sliced), {
        let (mut fresh, _) = seeds();
        qarin::bilingual::link(&mut fresh, &[lexicon()]).unwrap();
        unworked(stories_in(&fresh, &fewer))
    });
    // Other options start again; the default ones give what they gave.
    assert_eq!(
        unworked(stories_in(&corpus, &Options::default())),
        unworked(whole)
    );
    // A tiny work budget stops early and says so.
    let cut = stories_in(
        &corpus,
        &Options {
            work: 0,
            ..Options::default()
        },
    );
    assert!(cut.partial && cut.paired < 5, "{cut:?}");
}

#[test]
fn days_count_the_civil_calendar() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2015-08-01"), Some(16648));
    assert_eq!(
        day_number("2016-03-01")
            .zip(day_number("2016-02-28"))
            .map(|(a, b)| a - b),
        Some(2)
    );
    assert_eq!(day_number("2015-13-01"), None);
    assert_eq!(day_number("x"), None);
}

#[test]
fn cli_prints_the_seed_story() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .current_dir(dir)
        .args(["stories", "--corpus", "seeds", "--min-size", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = v["stories"].as_array().unwrap();
    let first = stories
        .iter()
        .find(|s| {
            s["en"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["file"].as_str().unwrap().starts_with("seeds/000_"))
        })
        .expect("000's story");
    assert!(first["ar"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["file"].as_str().unwrap().starts_with("seeds/001_")));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .current_dir(dir)
        .args(["stories", "--corpus", "seeds", "--min-score", "x"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}
