//! The corpus tools (`qarin::stats`) on small corpora whose answers are worked out by hand
//! in the comments: word lists by form and by term, stop words, the concordance's
//! contexts at article edges, its sorts, phrases, regexes and sub-corpora.
#![cfg(feature = "stats")]

use qarin::stats::{freq, kwic, By, Scope, Tools};
use qarin::Corpus;

/// A corpus of `.txt` files (first line the title, then the body).
fn corpus(files: &[(&str, &str)]) -> Corpus {
    let mut c = Corpus::new();
    for (name, text) in files {
        let report = c.add_bytes(name, text.as_bytes());
        // A metadata sidecar (`.csv`) adds no article.
        let articles = usize::from(!name.ends_with(".csv"));
        assert_eq!(
            report.added.len(),
            articles,
            "{name}: {:?}",
            report.warnings
        );
    }
    c
}

fn rows(result: &freq::Freq) -> Vec<(&str, &str, u64, u64)> {
    result
        .rows
        .iter()
        .map(|r| (r.word.as_str(), r.term.as_str(), r.freq, r.docs))
        .collect()
}

#[test]
fn arabic_clitics_are_two_rows_by_form_and_one_by_term() {
    // Body: الغوطة بالغوطة الغوطة غوطه (the title's words do not count). By form
    // (normalized, ة → ه, not stemmed): الغوطه 2, بالغوطه 1, غوطه 1; by term all are غوط: 4,
    // shown as its most frequent written form الغوطة.
    let c = corpus(&[
        ("a.txt", "حصار الغوطة\n\nالغوطة بالغوطة الغوطة غوطه"),
        ("b.txt", "Other\n\nnothing here"),
    ]);
    let mut tools = Tools::new();
    let scope = Scope {
        lang: Some("ar".into()),
        ..Scope::default()
    };
    let by_form = tools
        .freq(
            &c,
            &freq::Options {
                scope: scope.clone(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((by_form.tokens, by_form.types, by_form.docs), (4, 3, 1));
    assert_eq!(
        rows(&by_form),
        [
            ("الغوطة", "الغوطه", 2, 1),
            ("بالغوطة", "بالغوطه", 1, 1),
            ("غوطه", "غوطه", 1, 1)
        ]
    );
    let by_term = tools
        .freq(
            &c,
            &freq::Options {
                scope,
                by: By::Term,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((by_term.tokens, by_term.types), (4, 1));
    assert_eq!(rows(&by_term), [("الغوطة", "غوط", 4, 1)]);
    // 4 of 4 words: a million per million.
    assert!((by_term.rows[0].per_million - 1e6).abs() < 1e-6);
}

#[test]
fn stop_words_count_in_n_and_are_rows_only_when_asked() {
    // Body words: The siege and the siege of Ghouta (7) | siege lifted (2): N = 9.
    // Without stop words: siege 3 in 2 articles (3/9 = 333333.33 per million),
    // ghouta 1, lifted 1 (ties by term). With them: siege 3, the 2, then the ones.
    let c = corpus(&[
        ("a.txt", "Title words\n\nThe siege and the siege of Ghouta."),
        ("b.txt", "More title\n\nSiege lifted"),
    ]);
    let mut tools = Tools::new();
    let plain = tools.freq(&c, &freq::Options::default()).unwrap();
    assert_eq!((plain.tokens, plain.types, plain.docs), (9, 6, 2));
    assert_eq!(
        rows(&plain),
        [
            ("siege", "siege", 3, 2),
            ("Ghouta", "ghouta", 1, 1),
            ("lifted", "lifted", 1, 1)
        ]
    );
    assert!((plain.rows[0].per_million - 333_333.333_333).abs() < 1e-3);
    let all = tools
        .freq(
            &c,
            &freq::Options {
                stop: true,
                limit: 2,
                ..Default::default()
            },
        )
        .unwrap();
    // "The" and "the" once each: the tie goes to the smaller string.
    assert_eq!(rows(&all), [("siege", "siege", 3, 2), ("The", "the", 2, 1)]);
    // The sub-corpus is every article the filter matches: only b.txt holds "lifted".
    let one = tools
        .freq(
            &c,
            &freq::Options {
                scope: Scope {
                    filter: "lifted".into(),
                    ..Scope::default()
                },
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((one.tokens, one.docs), (2, 1));
    assert!(tools
        .freq(
            &c,
            &freq::Options {
                scope: Scope {
                    filter: "\"unclosed".into(),
                    ..Scope::default()
                },
                ..Default::default()
            },
        )
        .is_err());
}

fn lines(k: &kwic::Kwic) -> Vec<(&str, &str, &str, u32)> {
    k.lines
        .iter()
        .map(|l| (l.left.as_str(), l.keyword.as_str(), l.right.as_str(), l.n))
        .collect()
}

fn kwic_of(c: &Corpus, query: &str, width: usize, sort: &str) -> kwic::Kwic {
    Tools::new()
        .kwic(
            c,
            query,
            &kwic::Options {
                width,
                sort: kwic::Sort::parse(sort).unwrap(),
                ..Default::default()
            },
        )
        .unwrap()
}

#[test]
fn contexts_hold_exactly_w_words_and_stop_at_the_article_edge() {
    let c = corpus(&[
        (
            "a.txt",
            "Siege title\n\nOne two, siege three four five.\n\nSix seven eight nine ten eleven twelve.",
        ),
        ("b.txt", "Other\n\nSieges lifted."),
    ]);
    // Width 2: two words each side, from the first word's start to the last one's end
    // (punctuation between them kept as written, none outside).
    let k = kwic_of(&c, "siege", 2, "");
    assert_eq!(k.total, 2);
    assert_eq!(
        lines(&k),
        [
            ("One two", "siege", "three four", 0),
            ("", "Sieges", "lifted", 0)
        ]
    );
    // Width 5: three words to the left edge, five to the right across the paragraph
    // break (read as a space); the next article is never reached.
    let k = kwic_of(&c, "siege", 5, "");
    assert_eq!(
        lines(&k)[0],
        ("One two", "siege", "three four five. Six seven", 0)
    );
    assert_eq!(lines(&k)[1], ("", "Sieges", "lifted", 0));
    assert_eq!(k.lines[1].file, "b.txt");
    assert_eq!(k.lines[1].lang, "en");
    // Width 0: the keyword alone.
    assert_eq!(lines(&kwic_of(&c, "siege", 0, ""))[0], ("", "siege", "", 0));
}

#[test]
fn lines_sort_outward_from_the_keyword() {
    // Three lines of "siege" in one article: L2 z/y/x, L1 c/a/b, R1 one/two/three.
    // R1 sorts one, three, two; L1 sorts a, b, c; L2 sorts x, y, z; text order keeps n.
    let c = corpus(&[(
        "a.txt",
        "T\n\nz c siege one. y a siege two. x b siege three.",
    )]);
    let by = |sort| {
        kwic_of(&c, "siege", 2, sort)
            .lines
            .iter()
            .map(|l| format!("{}|{}|{}", l.left, l.right, l.n))
            .collect::<Vec<_>>()
    };
    let (one, two, three) = ("z c|one. y|0", "y a|two. x|1", "x b|three|2");
    assert_eq!(by(""), [one, two, three]);
    assert_eq!(by("R1"), [one, three, two]);
    assert_eq!(by("L1"), [two, three, one]);
    assert_eq!(by("L2"), [three, two, one]);
    assert!(kwic::Sort::parse("L4").is_err());
    // Key: by normalized form, "siege" before "sieges", whatever the text order.
    let c = corpus(&[("a.txt", "T\n\nsieges b. siege a.")]);
    let k = kwic_of(&c, "sieg*", 0, "key");
    let keys: Vec<&str> = k.lines.iter().map(|l| l.keyword.as_str()).collect();
    assert_eq!(keys, ["siege", "sieges"]);
}

#[test]
fn phrases_regexes_and_negation_choose_lines_as_search_does() {
    let c = corpus(&[
        ("a.txt", "T\n\nThe siege of the town. A siege again."),
        ("b.txt", "T\n\nThe siege of Ghouta."),
    ]);
    // A phrase is one keyword of two words; a word inside an earlier match is not listed
    // again.
    let k = kwic_of(&c, "\"the siege\" OR siege", 1, "");
    assert_eq!(
        lines(&k),
        [
            ("", "The siege", "of", 0),
            ("A", "siege", "again", 1),
            ("", "The siege", "of", 0)
        ]
    );
    // -ghouta leaves b.txt out; its lines go with it.
    let k = kwic_of(&c, "siege -ghouta", 1, "");
    assert_eq!(k.total, 2);
    assert!(k.lines.iter().all(|l| l.file == "a.txt"));
    // A regex match is the words it overlaps.
    let k = kwic_of(&c, "/of (the|Ghouta)/", 1, "");
    assert_eq!(
        lines(&k),
        [
            ("siege", "of the", "town", 0),
            ("siege", "of Ghouta", "", 0)
        ]
    );
    // A stop word alone is searched as a word.
    assert_eq!(kwic_of(&c, "the", 0, "").total, 3);
    assert!(Tools::new()
        .kwic(&c, "(", &kwic::Options::default())
        .is_err());
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn collocates_count_windows_inside_articles_with_the_issue_formulas() {
    use qarin::stats::collocation;
    // Words: xray alpha bravo node charlie delta | node echo: N = 8, f_x = 2 (node).
    // Window 1/1 (span 2): bravo and charlie around the first node, echo after the
    // second (nothing before it: delta ends the other article). Each f_xy = f_y = 1.
    // E11 = 2·1·2/8 = 0.5; MI = log2(1/0.5) = 1; T = (1 − 0.5)/√1 = 0.5;
    // logDice = 14 + log2(2/3) = 13.415037; R1 = 4, cells 1, 3, 0, 4:
    // G² = 2·(ln 2 + 3 ln(3/3.5) + 4 ln(4/3.5)) = 1.529641.
    let c = corpus(&[
        ("a.txt", "T\n\nxray alpha bravo node charlie delta"),
        ("b.txt", "T\n\nnode echo"),
    ]);
    let options = collocation::Options {
        window: (1, 1),
        min: 1,
        ..Default::default()
    };
    let r = Tools::new().collocates(&c, "node", &options).unwrap();
    assert_eq!((r.node.as_str(), r.node_freq, r.tokens), ("node", 2, 8));
    let words: Vec<&str> = r.rows.iter().map(|r| r.word.as_str()).collect();
    assert_eq!(words, ["bravo", "charlie", "echo"]);
    for row in &r.rows {
        assert_eq!((row.f_xy, row.f_y), (1, 1));
        assert!(close(row.mi, 1.0) && close(row.t, 0.5), "{row:?}");
        assert!(close(row.logdice, 13.415_037_499_278_844), "{row:?}");
        assert!(close(row.g2, 1.529_641_423_152_521), "{row:?}");
    }
    // Window 0/1: only what follows: charlie and echo.
    let options = collocation::Options {
        window: (0, 1),
        min: 1,
        ..Default::default()
    };
    let r = Tools::new().collocates(&c, "node", &options).unwrap();
    let words: Vec<&str> = r.rows.iter().map(|r| r.word.as_str()).collect();
    assert_eq!(words, ["charlie", "echo"]);
    assert!(collocation::Sort::parse("dice").is_err());
}

#[test]
fn keyness_compares_two_sub_corpora_both_ways() {
    use qarin::stats::keyness;
    // Target (articles matching alpha): alpha alpha beta, N1 = 3. Reference (bravo):
    // bravo beta beta gamma, N2 = 4. alpha: a = 2, b = 0 → Log Ratio = log2((2/3)/(0.5/4))
    // = 2.415037, %DIFF = 100·(2/3 − 0.125)/0.125 = 433.33, cells 2, 0, 1, 4: G² = 4.556689.
    // beta: a = 1, b = 2 → Log Ratio = log2((1/3)/(2/4)) = −0.584963, %DIFF = −33.33,
    // cells 1, 2, 2, 2: G² = 0.196451.
    let c = corpus(&[
        ("a.txt", "T\n\nalpha alpha beta"),
        ("b.txt", "T\n\nbravo beta beta gamma"),
    ]);
    let side = |q: &str| Scope {
        filter: q.into(),
        ..Scope::default()
    };
    let options = keyness::Options {
        target: side("alpha"),
        reference: side("bravo"),
        min: 1,
        ..Default::default()
    };
    let r = Tools::new().keyness(&c, &options).unwrap();
    assert_eq!((r.target_tokens, r.reference_tokens), (3, 4));
    let alpha = &r.rows[0];
    assert_eq!(
        (alpha.word.as_str(), alpha.target_freq, alpha.reference_freq),
        ("alpha", 2, 0)
    );
    assert!(close(alpha.g2, 4.556_689_230_424_724), "{alpha:?}");
    assert!(close(alpha.log_ratio, 2.415_037_499_278_844), "{alpha:?}");
    assert!(close(alpha.pct_diff, 433.333_333_333_333_3), "{alpha:?}");
    let beta = r.rows.iter().find(|r| r.term == "beta").unwrap();
    assert!(close(beta.g2, 0.196_451_011_558_163_9), "{beta:?}");
    assert!(close(beta.log_ratio, -0.584_962_500_721_156_3), "{beta:?}");
    assert!(close(beta.pct_diff, -33.333_333_333_333_336), "{beta:?}");
    // A cut-off of 1: beta (0.196) is gone, gamma and bravo (1 of 4 against 0) stay.
    let cut = Tools::new()
        .keyness(
            &c,
            &keyness::Options {
                cutoff: 1.0,
                ..options
            },
        )
        .unwrap();
    assert!(cut.rows.iter().all(|r| r.g2 >= 1.0 && r.term != "beta"));
}

#[test]
fn ngrams_stay_inside_articles_and_around_a_query() {
    use qarin::stats::ngrams;
    // a: alpha bravo charlie alpha bravo delta | b: alpha bravo. "alpha bravo" 3 times in
    // 2 articles; "delta alpha" would cross articles and never occurs.
    let c = corpus(&[
        ("a.txt", "T\n\nalpha bravo charlie alpha bravo delta"),
        ("b.txt", "T\n\nalpha bravo"),
    ]);
    let run = |options: ngrams::Options| {
        Tools::new()
            .ngrams(&c, &options)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.ngram, r.freq, r.docs))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        run(ngrams::Options::default()),
        [("alpha bravo".to_string(), 3, 2)]
    );
    let all = run(ngrams::Options {
        min: 1,
        ..Default::default()
    });
    assert_eq!(all.len(), 4, "{all:?}");
    assert!(!all.iter().any(|r| r.0 == "delta alpha"));
    // Around charlie, one word each side: bravo charlie alpha → two bigrams.
    let around = run(ngrams::Options {
        min: 1,
        around: "charlie".into(),
        window: (1, 1),
        ..Default::default()
    });
    assert_eq!(
        around,
        [
            ("bravo charlie".to_string(), 1, 1),
            ("charlie alpha".to_string(), 1, 1)
        ]
    );
    let tri = run(ngrams::Options {
        n: 3,
        ..Default::default()
    });
    assert!(tri.is_empty(), "{tri:?}");
    assert!(Tools::new()
        .ngrams(
            &c,
            &ngrams::Options {
                n: 6,
                ..Default::default()
            }
        )
        .is_err());
}

#[test]
fn dispersion_places_matches_and_counts_months() {
    use qarin::stats::dispersion;
    // Dates from a metadata sidecar. a (2017-04): node at word 0 and 2 of 4 → 0, 0.5;
    // b (2017-03): node at word 1 of 2 → 0.5; c (2017-03) has none. March: 1 hit in
    // 2 + 3 words = 200000 per million; April: 2 in 4 = 500000.
    let c = corpus(&[
        (
            "meta.csv",
            "file,date\na.txt,2017-04-02\nb.txt,2017-03-01\nc.txt,2017-03-09\n",
        ),
        ("a.txt", "T\n\nnode alpha node beta"),
        ("b.txt", "T\n\nzulu node"),
        ("c.txt", "T\n\nnothing at all"),
    ]);
    let r = Tools::new()
        .dispersion(&c, "node", &dispersion::Options::default())
        .unwrap();
    assert_eq!((r.tokens, r.hits), (9, 3));
    let files: Vec<(&str, Vec<f64>)> = r
        .articles
        .iter()
        .map(|a| (a.file.as_str(), a.positions.clone()))
        .collect();
    assert_eq!(files, [("b.txt", vec![0.5]), ("a.txt", vec![0.0, 0.5])]);
    let months: Vec<(&str, u64, u64)> = r
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.hits, m.tokens))
        .collect();
    assert_eq!(months, [("2017-03", 1, 5), ("2017-04", 2, 4)]);
    assert!(close(r.months[0].per_million, 200_000.0));
    assert!(close(r.months[1].per_million, 500_000.0));
}
