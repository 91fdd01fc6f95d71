//! Hostile queries through the public API: nesting, length and regex work are bounded, so
//! a query answers or fails with a clear message, never overflows the stack (which kills
//! a wasm instance) and never runs for minutes.

use qarin::query::{needs_full_build, MAX_DEPTH};
use qarin::{Corpus, SearchOptions, SearchResult};
use std::time::{Duration, Instant};

fn corpus(articles: &[(&str, &str)]) -> Corpus {
    let mut c = Corpus::new();
    for (file, text) in articles {
        assert_eq!(c.add_bytes(file, text.as_bytes()).added.len(), 1, "{file}");
    }
    c
}

fn small() -> Corpus {
    corpus(&[
        (
            "a.txt",
            "Eastern Ghouta under siege\n\nThe siege of Eastern Ghouta went on.",
        ),
        (
            "b.txt",
            "Talks in Paris\n\nLe Drian met Iran’s foreign minister.",
        ),
    ])
}

fn error_code(r: &SearchResult) -> Option<&'static str> {
    r.error.as_ref().map(|e| e.message.code.name())
}

/// The deepest queries the parser accepts are searched, highlighted, cloned and dropped
/// on a 256 KB stack (a wasm instance has 1 MB): every walk over the tree fits.
#[test]
fn the_deepest_accepted_queries_fit_a_small_stack() {
    let nest =
        |open: &str, close: &str, n: usize| format!("{}Ghouta{}", open.repeat(n), close.repeat(n));
    let queries = [
        nest("(", ")", MAX_DEPTH),
        nest("-", "", MAX_DEPTH),
        nest("NOT ", "", MAX_DEPTH),
        nest("title:(", ")", MAX_DEPTH / 2),
        nest("(siege -(", "))", MAX_DEPTH / 3),
        nest("(a OR (siege ", "))", MAX_DEPTH / 2),
    ];
    let run = move || {
        let c = small();
        for q in &queries {
            for explain in [false, true] {
                let options = SearchOptions {
                    explain,
                    ..SearchOptions::default()
                };
                let r = c.search(q, &options);
                assert!(r.error.is_none(), "{q}: {:?}", r.error);
            }
            c.highlight(0, q, false).unwrap();
            let tree = qarin::query::parse(q).unwrap().unwrap();
            let copy = tree.clone();
            assert_eq!(copy, tree);
            drop((tree, copy));
        }
    };
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(run)
        .unwrap()
        .join()
        .expect("the deepest queries run on a 256 KB stack");
}

/// The hostile queries of the issue fail with a clear message, quickly, and the corpus
/// answers afterwards.
#[test]
fn deep_and_long_queries_fail_clearly() {
    let c = small();
    let started = Instant::now();
    let hostile = [
        (
            format!("{}Ghouta{}", "(".repeat(2_000), ")".repeat(2_000)),
            "query_too_deep",
        ),
        (
            format!("{}Ghouta{}", "(".repeat(10_000), ")".repeat(10_000)),
            "query_too_deep",
        ),
        ("-".repeat(20_000), "query_too_deep"),
        (format!("{}Ghouta", "NOT ".repeat(5_000)), "query_too_deep"),
        (
            format!("{}Ghouta{}", "title:(".repeat(2_000), ")".repeat(2_000)),
            "query_too_deep",
        ),
        ("Ghouta ".repeat(150_000), "query_too_long"),
        (vec!["w"; 5_000].join(" OR "), "query_too_many_terms"),
    ];
    for (q, code) in &hostile {
        let r = c.search(q, &SearchOptions::default());
        assert_eq!(error_code(&r), Some(*code), "{}…", &q[..20]);
        assert!(c.highlight(0, q, false).is_err());
    }
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(c.search("Ghouta", &SearchOptions::default()).total, 1);
}

#[test]
fn the_small_build_needs_the_full_one_for_what_its_parser_reads_as_a_regex() {
    let regex = cfg!(feature = "regex");
    assert_eq!(needs_full_build("(Ghouta)/si[e]ge/"), !regex);
    assert!(!needs_full_build("\"x /y/\""));
    assert!(!needs_full_build("a/b"));
    let r = small().search("(Ghouta)/si[e]ge/", &SearchOptions::default());
    if regex {
        assert_eq!(r.total, 1);
    } else {
        assert_eq!(error_code(&r), Some("query_no_regex"));
    }
}

/// Regex work budgets (the full build only).
#[cfg(feature = "regex")]
mod regex {
    use super::*;
    use qarin::query::MAX_MATCHES;

    fn codes(r: &SearchResult) -> Vec<&'static str> {
        r.warnings.iter().map(|w| w.code.name()).collect()
    }

    /// `/(.*){1000}/` over a 0.5 MB article took 23–38 s natively: it now costs more than the
    /// work budget, so the article is not read and the answer says it is partial.
    #[test]
    fn a_costly_regex_is_refused_by_its_work_budget() {
        let body = "siege Ghouta talks the of and rebels Damascus ".repeat(11_000);
        let c = corpus(&[
            ("big.txt", &format!("A long article\n\n{body}")),
            ("small.txt", "Short one\n\nThe siege went on."),
        ]);
        let started = Instant::now();
        let r = c.search("/(.*){1000}/", &SearchOptions::default());
        assert!(r.error.is_none(), "{:?}", r.error);
        assert!(r.partial);
        assert_eq!(codes(&r), ["query_regex_partial"]);
        assert!(r.warnings[0].message.contains("of 2 articles"));
        let marked = c.highlight(0, "/(.*){1000}/", false).unwrap();
        assert!(marked.partial);
        assert!(started.elapsed() < Duration::from_secs(10));
        // A cheap pattern reads both and is complete.
        let r = c.search("/Sh[o]rt/", &SearchOptions::default());
        assert_eq!((r.total, r.partial), (1, false));
        assert!(r.warnings.is_empty());
    }

    /// `/./` marked every word by comparing each word with every match: quadratic in matches
    /// per article (minutes for 200 KB). Now one pass, and at most `MAX_MATCHES` per text.
    #[test]
    fn regex_marks_are_linear_in_matches() {
        let body = "ab cd ".repeat(40_000);
        let c = corpus(&[("dots.txt", &format!("Dots\n\n{body}"))]);
        let started = Instant::now();
        let r = c.search("/./", &SearchOptions::default());
        assert_eq!(r.total, 1);
        let marked = c.highlight(0, "/./", false).unwrap();
        assert!(started.elapsed() < Duration::from_secs(10));
        // Past the cap, later words go unmarked and the answer says so.
        assert!(marked.partial);
        assert!(
            marked.hits > MAX_MATCHES / 4 && marked.hits < MAX_MATCHES,
            "{}",
            marked.hits
        );
        assert!(r.partial);
        assert_eq!(codes(&r), ["query_regex_marks_partial"]);
        // Under the cap, every word is marked and nothing is partial.
        let c = corpus(&[("few.txt", &format!("Few\n\n{}", "ab cd ".repeat(100)))]);
        let marked = c.highlight(0, "/./", false).unwrap();
        assert_eq!((marked.hits, marked.partial), (201, false));
        assert!(!c.search("/./", &SearchOptions::default()).partial);
    }
}
