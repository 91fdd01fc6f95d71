//! Search behaviour through the public API: the query language, ranking of readings, and
//! persistence.

use qarin::{Corpus, SearchOptions};

fn corpus(articles: &[(&str, &str)]) -> Corpus {
    let mut c = Corpus::new();
    for (file, text) in articles {
        assert_eq!(c.add_bytes(file, text.as_bytes()).added.len(), 1, "{file}");
    }
    c
}

fn files(c: &Corpus, query: &str) -> Vec<String> {
    let r = c.search(query, &SearchOptions::default());
    assert!(r.error.is_none(), "{query}: {:?}", r.error);
    r.hits.into_iter().map(|h| h.file).collect()
}

/// The body words the reader marks for `query` in article `id`, in order.
fn marked_in_body(c: &Corpus, id: u32, query: &str) -> Vec<String> {
    let marked = c.highlight(id, query, false).unwrap();
    marked
        .paragraphs
        .iter()
        .flatten()
        .filter(|s| s.hit)
        .map(|s| s.text.clone())
        .collect()
}

fn sample() -> Corpus {
    corpus(&[
        (
            "a.txt",
            "Eastern Ghouta under siege\n\nThe siege of Eastern Ghouta went on for years.",
        ),
        (
            "b.txt",
            "Ghouta in the east\n\nGhouta, eastern districts, saw new strikes today.",
        ),
        (
            "c.txt",
            "Talks in Paris\n\nJean-Yves Le Drian met Iran’s foreign minister in Paris.",
        ),
        (
            "d.txt",
            "الوزير في دمشق\n\nوصل الوزير إلى دمشق وحسن العلاقات مع الجيران.",
        ),
        ("e.txt", "زير الماء\n\nقصة عن زير قديم في القرية."),
    ])
}

#[test]
fn words_must_all_match_and_title_hits_rank_first() {
    let c = sample();
    assert_eq!(files(&c, "Ghouta siege"), ["a.txt"]);
    assert_eq!(files(&c, "Ghouta").len(), 2);
    // Paris is in c's title and body; a body-only mention ranks below it.
    let c = corpus(&[
        (
            "body.txt",
            "Talks\n\nThey met in Paris for talks about trade.",
        ),
        (
            "title.txt",
            "Paris talks\n\nThey met for talks about trade.",
        ),
    ]);
    assert_eq!(files(&c, "paris"), ["title.txt", "body.txt"]);
}

#[test]
fn a_title_with_the_word_as_written_ranks_first() {
    // Both titles hold the stem; only one writes the word as the query does. The other comes
    // first in id order and has the shorter title, so only the written form lifts the first.
    let c = corpus(&[
        (
            "killed.txt",
            "Strike killed five

A strike killed five people.",
        ),
        (
            "kills.txt",
            "Strike in the north kills five

A strike killed five people.",
        ),
        (
            "ar1.txt",
            "المفاوضات في باريس

بدأت المفاوضات.",
        ),
        (
            "ar2.txt",
            "مفاوضات جديدة في باريس

بدأت المفاوضات.",
        ),
    ]);
    assert_eq!(files(&c, "kills")[0], "kills.txt");
    assert_eq!(files(&c, "killed")[0], "killed.txt");
    // Arabic alike, and the form is normalized, not stemmed: tatweel does not matter, ال does.
    assert_eq!(files(&c, "مفاوضات")[0], "ar2.txt");
    assert_eq!(files(&c, "مفاوضـات")[0], "ar2.txt");
    assert_eq!(files(&c, "المفاوضات")[0], "ar1.txt");
    let options = SearchOptions {
        explain: true,
        ..SearchOptions::default()
    };
    let hits = c.search("kills", &options).hits;
    let form = |i: usize| hits[i].explain.as_ref().unwrap()[0].title_form;
    assert_eq!((form(0), form(1)), (1.0, 0.0));
}

#[test]
fn phrases_or_and_exclusion() {
    let c = sample();
    assert_eq!(files(&c, "\"eastern ghouta\""), ["a.txt"]);
    assert_eq!(files(&c, "Ghouta -siege"), ["b.txt"]);
    assert_eq!(files(&c, "Ghouta NOT siege"), ["b.txt"]);
    let mut both = files(&c, "Paris OR siege");
    both.sort();
    assert_eq!(both, ["a.txt", "c.txt"]);
    assert_eq!(files(&c, "Jean-Yves"), ["c.txt"]);
    assert_eq!(files(&c, "iran's"), ["c.txt"]);
}

#[test]
fn exact_form_search_ignores_folding() {
    let c = sample();
    assert_eq!(files(&c, "=Iran’s"), ["c.txt"]);
    // A typed apostrophe finds the typeset one (and ʼ), still not the bare word.
    assert_eq!(files(&c, "=Iran's"), ["c.txt"]);
    assert_eq!(files(&c, "=IRANʼS"), ["c.txt"]);
    assert!(files(&c, "=Iran").is_empty());
    assert_eq!(files(&c, "Iran").len(), 1);
}

#[test]
fn a_clitic_reading_finds_but_ranks_below_the_whole_word() {
    let c = sample();
    // حسن is found inside وحسن through the alternative reading.
    assert_eq!(files(&c, "حسن"), ["d.txt"]);
    // A search for the whole word وزير ranks it above the article about زير.
    let hits = files(&c, "وزير");
    assert_eq!(hits.first().map(String::as_str), Some("d.txt"));
}

#[test]
fn a_name_with_an_elided_prefix_is_found_by_its_surname() {
    let c = corpus(&[
        (
            "rugby.txt",
            "O’Driscoll leads Ireland\n\nBrian O’Driscoll scored twice in Dublin.",
        ),
        (
            "other.txt",
            "Driscoll wins the vote\n\nMary Driscoll won the seat in Cork.",
        ),
        (
            "plain.txt",
            "Its rain\n\nIt's raining and we're inside, don't go.",
        ),
    ]);
    // The surname alone finds the O'Driscoll article, below the article whose word it is.
    assert_eq!(files(&c, "Driscoll"), ["other.txt", "rugby.txt"]);
    // The whole name, typed with either apostrophe or none, ranks its own article first.
    for q in ["O'Driscoll", "O’Driscoll", "ODriscoll"] {
        assert_eq!(
            files(&c, q).first().map(String::as_str),
            Some("rugby.txt"),
            "{q}"
        );
    }
    assert_eq!(marked_in_body(&c, 0, "Driscoll"), ["O’Driscoll"]);
    // Contractions keep one reading: nothing indexed "t", "s" or "re" on its own.
    assert!(files(&c, "re").is_empty());
}

/// The suggested queries and their totals for `query`.
#[cfg(feature = "suggest")]
fn suggested(c: &Corpus, query: &str) -> Vec<(String, usize)> {
    let r = c.search(query, &SearchOptions::default());
    r.suggestions
        .into_iter()
        .map(|s| (s.query, s.total))
        .collect()
}

fn names_corpus() -> Corpus {
    let texts = [
        "Assad visits Aleppo\n\nPresident Bashar al-Assad went to Aleppo on Monday.",
        "Assad and Rouhani talk\n\nAssad spoke with Iran's Rouhani by phone.",
        "Strike on Khan Sheikhun\n\nThe strike on Khan Sheikhun killed dozens, Assad denied it.",
        "Rouhani in Damascus\n\nRouhani praised Damascus and Aleppo.",
        "Aleppo markets reopen\n\nTraders in Aleppo reopened the old souk near Damascus gate.",
        "Asad river dam\n\nThe Asad lake behind the dam is low.",
        "زيارة ترامب إلى الرياض\n\nوصل ترامب إلى الرياض في أول زيارة خارجية.",
        "ترامب يلتقي بوتين\n\nالتقى ترامب وبوتين في هلسنكي.",
        "قمة في حلب\n\nاجتمع المسؤولون في حلب وبحثوا ما قاله ترامب.",
    ];
    let files: Vec<(String, &str)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i}.txt"), *t))
        .collect();
    let pairs: Vec<(&str, &str)> = files.iter().map(|(f, t)| (f.as_str(), *t)).collect();
    corpus(&pairs)
}

#[cfg(feature = "suggest")]
#[test]
fn few_results_suggest_spellings_from_the_corpus() {
    let c = names_corpus();
    let want = |q: &str, first: &str, total: usize| {
        let got = suggested(&c, q);
        assert_eq!(
            got.first(),
            Some(&(first.to_string(), total)),
            "{q}: {got:?}"
        );
        // The suggestion is a real query with that many results.
        assert_eq!(c.search(first, &SearchOptions::default()).total, total);
    };
    // Spelling families of transliterated names.
    want("Asad", "Assad", 3);
    want("Rouhanni", "Rouhani", 2);
    want("Khan Shaykhun", "Khan Sheikhun", 1);
    // Typed lowercase, suggested lowercase; the other words stay as typed.
    want("alepo souk", "aleppo souk", 1);
    // Plain typos, within the edit distance for the word's length.
    want("Damascsu", "Damascus", 2);
    // Arabic: a long vowel left out of a transliterated name, and a typo.
    want("ترمب", "ترامب", 3);
    want("هلسنكى بوتن", "هلسنكى بوتين", 1);
    // Queries with enough results, operators and unknown words get none.
    assert!(suggested(&c, "Assad").is_empty());
    assert!(suggested(&c, "Asad*").is_empty());
    assert!(suggested(&c, "=Asad").is_empty());
    assert!(suggested(&c, "xyzzyplugh").is_empty());
}

/// The dictionary's spelling families are derived once and kept: words added later are
/// offered too, and a suggestion is the same after the corpus is saved and loaded back.
#[cfg(feature = "suggest")]
#[test]
fn suggestions_follow_words_added_after_a_search() {
    let mut c = names_corpus();
    assert_eq!(suggested(&c, "Idlob"), Vec::new());
    for i in 0..3 {
        let text = format!("Idlib news {i}\n\nShelling in Idlib again, report {i}.");
        c.add_bytes(&format!("idlib{i}.txt"), text.as_bytes());
    }
    assert_eq!(suggested(&c, "Idlob"), vec![("Idlib".to_string(), 3)]);
    // And a family member, not only an edit.
    for i in 0..3 {
        let text = format!("Hamah news {i}\n\nProtests in Hamah, day {i}.");
        c.add_bytes(&format!("hamah{i}.txt"), text.as_bytes());
    }
    assert_eq!(
        suggested(&c, "Hama").first(),
        Some(&("Hamah".to_string(), 3))
    );
    let back = Corpus::from_bytes(&c.to_bytes()).unwrap();
    assert_eq!(suggested(&back, "Idlob"), suggested(&c, "Idlob"));
}

/// The start-up build has no suggester: a query that finds nothing says the full build has
/// one, and only such a query.
#[cfg(not(feature = "suggest"))]
#[test]
fn without_a_suggester_no_results_ask_for_the_full_build() {
    let c = names_corpus();
    let ask = |q: &str| {
        let r = c.search(q, &SearchOptions::default());
        assert!(r.suggestions.is_empty(), "{q}");
        r.suggest_in_full_build
    };
    assert!(ask("Rouhanni"));
    assert!(ask("alepo souk"));
    // One result: the start-up build stays (the full build would suggest here).
    assert!(!ask("Asad"));
    assert!(!ask("Assad"));
    assert!(!ask("/Asad/"));
    // Three wire copies folded into one result are still three articles.
    let copies = corpus(&[
        ("w1.txt", &wire_copy(1)),
        ("w2.txt", &wire_copy(2)),
        ("w3.txt", &wire_copy(3)),
    ]);
    let folded = SearchOptions {
        fold: true,
        ..SearchOptions::default()
    };
    let r = copies.search("ceasefire", &folded);
    assert_eq!((r.total, r.folded), (1, 2));
    assert!(!r.suggest_in_full_build);
    assert!(
        !corpus(&[("a.txt", "One\n\nOne article.")])
            .search("", &SearchOptions::default())
            .suggest_in_full_build
    );
    assert!(
        !Corpus::new()
            .search("Asad", &SearchOptions::default())
            .suggest_in_full_build
    );
}

#[test]
fn a_query_of_stop_words_only_still_searches() {
    let c = sample();
    assert_eq!(files(&c, "the").len(), 2);
}

/// آلي ("automatic") folds to الي, a spelling of the stop word إلى; written with madda it
/// is a query word, so "آلي بسبب" finds the cash machines that failed, not any article
/// with "because".
#[test]
fn a_word_written_with_madda_is_no_stop_word() {
    let c = corpus(&[
        (
            "mosque.txt",
            "مصلون يغادرون المساجد بسبب الأئمة\n\nذهب المصلون إلى بيوتهم بسبب الخطبة.",
        ),
        (
            "atm.txt",
            "تعطل أجهزة الصرف الآلي بسبب الورقة الجديدة\n\nتعطلت الأجهزة في المدينة.",
        ),
        (
            "press.txt",
            "إقالة صحافي بسبب تغريدة\n\nأقيل الصحافي بسبب تغريدة إلى الوزير.",
        ),
    ]);
    assert_eq!(files(&c, "آلي بسبب")[0], "atm.txt");
    let analysed = qarin::analysis::analyze("آلي الي إلى");
    let stops: Vec<bool> = analysed.iter().map(|t| t.stop).collect();
    assert_eq!(stops, [false, true, true]);
}

/// A reader who puts و or ب before a headline's word still writes the word: "بتركية وتقصف"
/// prefers the title that has تركية as written to one that has التركية.
#[test]
fn a_word_after_a_proclitic_counts_as_written() {
    let c = corpus(&[
        (
            "guns.txt",
            "المدفعية التركية تقصف مواقع\n\nقصفت المدفعية المواقع أمس.",
        ),
        (
            "jets.txt",
            "مقاتلات تركية تقصف مواقع التنظيم\n\nشنت المقاتلات غارات أمس.",
        ),
    ]);
    assert_eq!(files(&c, "بتركية وتقصف"), ["jets.txt", "guns.txt"]);
    assert_eq!(files(&c, "تركية تقصف"), ["jets.txt", "guns.txt"]);
}

#[test]
fn saved_bytes_load_back_to_the_same_answers() {
    let c = sample();
    let back = Corpus::from_bytes(&c.to_bytes()).unwrap();
    for q in ["Ghouta", "حسن", "\"eastern ghouta\"", ""] {
        assert_eq!(
            back.search(q, &SearchOptions::default()),
            c.search(q, &SearchOptions::default())
        );
    }
}

#[test]
fn facets_count_matches_and_each_ignores_its_own_filter() {
    let c = sample();
    let all = c.search("", &SearchOptions::default());
    assert_eq!(all.facets.lang.get("en"), Some(&3));
    assert_eq!(all.facets.lang.get("ar"), Some(&2));
    let arabic = c.search(
        "",
        &SearchOptions {
            lang: Some("ar".into()),
            ..SearchOptions::default()
        },
    );
    assert_eq!(arabic.total, 2);
    assert_eq!(
        arabic.facets.lang.get("en"),
        Some(&3),
        "the language facet ignores the language filter"
    );
    let mut c = c;
    c.add_bytes(
        "f.txt",
        "Strikes\n\nBEIRUT (Reuters) - New strikes hit the Ghouta region today.".as_bytes(),
    );
    let ghouta = c.search("Ghouta", &SearchOptions::default());
    if let Some(source) = ghouta.facets.source.keys().next().cloned() {
        let only = c.search(
            "Ghouta",
            &SearchOptions {
                sources: vec![source.clone()],
                ..SearchOptions::default()
            },
        );
        assert_eq!(only.total, ghouta.facets.source[&source]);
    }
}

#[test]
fn prefixes_typos_and_fields() {
    let mut c = sample();
    c.add_bytes(
        "g.txt",
        "محادثات روحاني في باريس\n\nBEIRUT (Reuters) - التقى الرئيس روحاني بنظيره في باريس."
            .as_bytes(),
    );
    // Prefixes: Latin, and Arabic with the article typed.
    assert_eq!(files(&c, "negot*").len(), 0);
    assert_eq!(files(&c, "sieg*"), ["a.txt"]);
    let mut dam = files(&c, "دمش*");
    dam.sort();
    assert_eq!(dam, ["d.txt"]);
    assert_eq!(files(&c, "الغوط*").len(), 0);
    // Typos: one edit up to five letters, two above; Arabic too.
    let mut typo = files(&c, "Gouta~");
    typo.sort();
    assert_eq!(typo, ["a.txt", "b.txt"]);
    assert_eq!(files(&c, "روحانى~"), ["g.txt"]);
    assert_eq!(files(&c, "Parris~1"), ["c.txt"]);
    assert!(files(&c, "Prs~1").is_empty());
    // Fields.
    assert_eq!(files(&c, "title:siege"), ["a.txt"]);
    assert_eq!(files(&c, "title:\"eastern ghouta\""), ["a.txt"]);
    assert!(
        files(&c, "title:strikes").is_empty(),
        "strikes is only in b's body"
    );
    let mut ar = files(&c, "lang:ar");
    ar.sort();
    assert_eq!(ar, ["d.txt", "e.txt", "g.txt"]);
    assert_eq!(files(&c, "source:reuters"), ["g.txt"]);
    assert_eq!(files(&c, "file:c.t"), ["c.txt"]);
    assert_eq!(files(&c, "Paris -file:c.txt"), Vec::<String>::new());
    let bad = c.search("lang: ar", &SearchOptions::default());
    assert!(bad.error.is_some());
}

#[test]
fn the_reader_marks_expanded_words() {
    let c = sample();
    let id = c
        .list(&Default::default())
        .into_iter()
        .find(|a| a.file == "a.txt")
        .unwrap()
        .id;
    assert_eq!(marked_in_body(&c, id, "sieg* -ghouta"), ["siege"]);
}

#[test]
fn explain_parts_add_up_to_the_score() {
    let mut c = sample();
    c.add_bytes(
        "h.txt",
        "Ghouta talks\n\nThe siege of Ghouta and talks in Paris went on.".as_bytes(),
    );
    let options = SearchOptions {
        explain: true,
        limit: 20,
        ..SearchOptions::default()
    };
    for query in [
        "Ghouta siege",
        "Ghouta OR Paris",
        "\"eastern ghouta\" siege*",
        "Gouta~ -strikes",
        "title:ghouta talks",
        "Ghouta talks",
    ] {
        let result = c.search(query, &options);
        assert!(result.total > 0, "{query}");
        for hit in &result.hits {
            let parts = hit.explain.as_ref().expect("explain asked for");
            assert!(!parts.is_empty(), "{query}: {}", hit.file);
            let sum: f32 = parts.iter().map(|p| p.score).sum();
            assert!(
                (sum - hit.score).abs() <= 1e-4 * hit.score.max(1.0),
                "{query}: {sum} vs {}",
                hit.score
            );
            for p in parts {
                let tf = p.title_weight * p.title_tf / p.title_norm + p.body_tf / p.body_norm;
                assert!(
                    (tf - p.tf).abs() < 1e-4
                        && (p.idf * (p.saturation + p.form_weight * p.title_form) - p.score).abs()
                            < 1e-4
                );
            }
        }
    }
    assert!(c.search("Ghouta", &SearchOptions::default()).hits[0]
        .explain
        .is_none());
    // Two query words side by side in a title are a part of their own.
    let pair = c.search("Ghouta talks", &options).hits[0].clone();
    assert_eq!(pair.file, "h.txt");
    let parts = pair.explain.unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p.word == "\"Ghouta talks\" in the title"),
        "{parts:?}"
    );
}

#[test]
fn query_words_side_by_side_in_a_title_rank_it_first() {
    // Both titles hold every query word, and the first's body names them more often; the
    // second has them as the reader recalls its headline, side by side (stop words aside),
    // which adds a part of its own to the score for each two words.
    let c = corpus(&[
        (
            "apart.txt",
            "Hama rebels: Syrian army frustrates attack, kills ten\n\nThe Syrian army \
             kills rebels near Hama, the army kills rebels again; Syrian army kills in Hama.",
        ),
        (
            "adjacent.txt",
            "Syrian Army kills rebels in Hama\n\nThe army said it had killed them.",
        ),
    ]);
    let explained = |query: &str| {
        let options = SearchOptions {
            explain: true,
            ..SearchOptions::default()
        };
        c.search(query, &options).hits
    };
    let pairs = |hit: &qarin::query::Hit| {
        let parts = hit.explain.as_ref().unwrap();
        parts
            .iter()
            .filter(|p| p.word.ends_with(" in the title"))
            .count()
    };
    for query in [
        "army kills rebels",
        "kills rebels hama",
        "kills rebels in hama",
    ] {
        let hits = explained(query);
        assert_eq!(hits.len(), 2, "{query}");
        assert_eq!(hits[0].file, "adjacent.txt", "{query}");
        // The stop word `in` of the title (and of the last query) does not part them.
        assert_eq!(pairs(&hits[0]), 2, "{query}");
        assert_eq!(pairs(&hits[1]), 0, "{query}");
        let bonus: f32 = hits[0]
            .explain
            .as_ref()
            .unwrap()
            .iter()
            .filter(|p| p.word.ends_with(" in the title"))
            .map(|p| p.score)
            .sum();
        assert_eq!(
            bonus,
            2.0 * qarin::query::bm25::TITLE_PAIR_WEIGHT,
            "{query}"
        );
    }
    // Words in another order are no pair.
    assert!(explained("kills army").iter().all(|h| pairs(h) == 0));
}

#[cfg(feature = "regex")]
#[test]
fn regular_expressions_search_the_original_text() {
    let c = sample();
    assert_eq!(files(&c, "/Le Dri[a-z]n/"), ["c.txt"]);
    let mut either = files(&c, "/siege|حصار|زير/");
    either.sort();
    // A regex matches inside words: زير is inside الوزير too.
    assert_eq!(either, ["a.txt", "d.txt", "e.txt"]);
    assert_eq!(files(&c, "/[Gg]houta/ -/siege/"), ["b.txt"]);
    // Highlighted in snippets: every word a match touches.
    let hit = &c.search("/Drian/", &SearchOptions::default()).hits[0];
    assert!(hit.snippet.iter().any(|s| s.hit && s.text == "Drian"));
    // Malformed and hostile patterns are errors with offsets, never hangs or panics.
    let bad = c.search("Ghouta /[/", &SearchOptions::default());
    assert_eq!(bad.error.as_ref().map(|e| e.offset), Some(7));
    assert!(c
        .search("/unclosed", &SearchOptions::default())
        .error
        .is_some());
    assert!(c
        .search(
            &format!("/{}/", "a".repeat(2000)),
            &SearchOptions::default()
        )
        .error
        .is_some());
    let nested = format!("/{}a{}/", "(".repeat(200), ")".repeat(200));
    assert!(c.search(&nested, &SearchOptions::default()).error.is_some());
    assert!(c
        .search("/(a*)*b/", &SearchOptions::default())
        .error
        .is_none());
}

#[test]
fn dates_filter_sort_and_count_by_month() {
    let mut c = Corpus::new();
    for (file, date) in [
        ("old.txt", Some("2016-05-02")),
        ("mid.txt", Some("2018-03-04")),
        ("new.txt", Some("2018-03-20")),
        ("none.txt", None),
    ] {
        let mut a = qarin::Article {
            file: file.into(),
            title: format!("Ghouta report {file}"),
            lang: "en".into(),
            paragraphs: vec!["Talks on Ghouta went on.".into()],
            ..Default::default()
        };
        a.date = date.map(String::from);
        c.add_article(a).unwrap();
    }
    let by_date = SearchOptions {
        sort: qarin::Sort::Date,
        ..SearchOptions::default()
    };
    let order: Vec<String> = c
        .search("Ghouta", &by_date)
        .hits
        .into_iter()
        .map(|h| h.file)
        .collect();
    assert_eq!(order, ["new.txt", "mid.txt", "old.txt", "none.txt"]);
    let march = SearchOptions {
        from: Some("2018-03".into()),
        to: Some("2018-03".into()),
        ..SearchOptions::default()
    };
    let mut files: Vec<String> = c
        .search("Ghouta", &march)
        .hits
        .into_iter()
        .map(|h| h.file)
        .collect();
    files.sort();
    assert_eq!(files, ["mid.txt", "new.txt"]);
    let r = c.search(
        "",
        &SearchOptions {
            from: Some("2017".into()),
            ..SearchOptions::default()
        },
    );
    assert_eq!(r.total, 2, "undated articles drop out once a bound is set");
    let all = c.search("", &SearchOptions::default());
    assert_eq!(all.facets.date.get("2018-03"), Some(&2));
    assert_eq!(all.facets.date.get("2016-05"), Some(&1));
    assert_eq!(
        all.hits
            .iter()
            .find(|h| h.file == "mid.txt")
            .and_then(|h| h.date.clone())
            .as_deref(),
        Some("2018-03-04")
    );
}

#[test]
fn snippets_placed_from_the_index_mark_what_the_reader_marks() {
    let mut c = Corpus::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        c.add_bytes(&path.to_string_lossy(), &std::fs::read(&path).unwrap());
    }
    for query in [
        "الغوطة",
        "Ghouta OR ماكرون",
        "\"الغوطة الشرقية\"",
        "روحاني Rouhani",
        "Assad regime",
    ] {
        let result = c.search(
            query,
            &SearchOptions {
                limit: 10,
                ..SearchOptions::default()
            },
        );
        for hit in &result.hits {
            let in_reader: std::collections::HashSet<String> =
                marked_in_body(&c, hit.id, query).into_iter().collect();
            let in_snippet: Vec<&str> = hit
                .snippet
                .iter()
                .filter(|s| s.hit)
                .map(|s| s.text.as_str())
                .collect();
            assert!(
                in_snippet.iter().all(|w| in_reader.contains(*w)),
                "{query}: {in_snippet:?} vs {in_reader:?}"
            );
            if !in_reader.is_empty() {
                assert!(
                    !in_snippet.is_empty(),
                    "{query}: {} has body hits but none in its snippet",
                    hit.file
                );
            }
        }
    }
}

/// A wire story of 60 distinct words, as outlet `n` might print it: its own first
/// sentence, the story, and (for odd `n`) the last ten words cut.
fn wire_copy(n: usize) -> String {
    let words: Vec<String> = (0..60).map(|i| format!("w{i}")).collect();
    let story = if n % 2 == 1 { &words[..50] } else { &words[..] };
    format!(
        "Ceasefire talks resume in Geneva (outlet {n})\n\nOutlet{n} reports that ceasefire talks resume. {}.",
        story.join(" ")
    )
}

#[test]
fn near_duplicates_fold_into_their_best_ranked_article() {
    let mut c = Corpus::new();
    // Forty copies rank above the two other stories, so a folded page must look past the
    // first few dozen matches to find a second group.
    let mut texts: Vec<(String, String)> = (0..40)
        .map(|n| (format!("wire{n}.txt"), wire_copy(n)))
        .collect();
    texts.push((
        "other.txt".into(),
        "The northern front\n\nA ceasefire held overnight in the north, officials said, and shops opened again.".into(),
    ));
    texts.push((
        "later.txt".into(),
        "Hours later\n\nWhat was agreed did not last: the ceasefire was broken within hours of the talks ending.".into(),
    ));
    for (file, text) in &texts {
        let r = c.add_bytes(file, text.as_bytes());
        assert_eq!(r.added.len(), 1, "{file}");
    }
    let all = SearchOptions {
        limit: 100,
        ..SearchOptions::default()
    };
    let unfolded = c.search("ceasefire", &all);
    assert_eq!(
        (unfolded.total, unfolded.folded, unfolded.hits.len()),
        (42, 0, 42)
    );
    assert!(unfolded.hits[..40]
        .iter()
        .all(|h| h.file.starts_with("wire")));
    assert!(unfolded.hits.iter().all(|h| h.similar == 0));

    let fold = SearchOptions {
        fold: true,
        ..SearchOptions::default()
    };
    let folded = c.search("ceasefire", &fold);
    assert_eq!((folded.total, folded.folded), (3, 39));
    let wire: Vec<_> = folded
        .hits
        .iter()
        .filter(|h| h.file.starts_with("wire"))
        .collect();
    assert_eq!(wire.len(), 1, "one wire story shown");
    assert_eq!(wire[0].similar, 39);
    // The group shows at its best-ranked copy, where that copy ranks unfolded.
    let best_wire = unfolded
        .hits
        .iter()
        .find(|h| h.file.starts_with("wire"))
        .unwrap();
    assert_eq!(wire[0].file, best_wire.file);
    let order = |r: &qarin::SearchResult| r.hits.iter().map(|h| h.file.clone()).collect::<Vec<_>>();
    let expected: Vec<String> = order(&unfolded)
        .into_iter()
        .filter(|f| !f.starts_with("wire") || *f == best_wire.file)
        .collect();
    assert_eq!(order(&folded), expected);
    // Facets still count every matching article.
    assert_eq!(folded.facets.lang.get("en"), Some(&42));

    // Paging walks the groups, each once.
    let paged: Vec<String> = (0..4)
        .flat_map(|offset| {
            let page = c.search(
                "ceasefire",
                &SearchOptions {
                    offset,
                    limit: 1,
                    ..fold.clone()
                },
            );
            assert_eq!(page.total, 3);
            order(&page)
        })
        .collect();
    assert_eq!(paged, expected);

    // Listing a group: the other articles, not the one asked about nor any other.
    let all = c.list(&Default::default());
    let id = |file: &str| all.iter().find(|a| a.file == file).unwrap().id;
    let similar = |c: &Corpus, to: u32| -> Vec<String> {
        let filter = qarin::ListFilter {
            similar_to: Some(to),
            ..Default::default()
        };
        c.list(&filter).into_iter().map(|a| a.file).collect()
    };
    assert_eq!(similar(&c, id("wire1.txt")).len(), 39);
    assert!(!similar(&c, id("wire1.txt")).contains(&"wire1.txt".to_string()));
    assert!(similar(&c, id("other.txt")).is_empty());
    assert!(similar(&c, 999).is_empty());

    // The groups are saved with the corpus, and outlive the article that began them.
    let mut c = Corpus::from_bytes(&c.to_bytes()).unwrap();
    c.remove(id("wire0.txt")).unwrap();
    assert_eq!(similar(&c, id("wire1.txt")).len(), 38);
    let folded = c.search("ceasefire", &fold);
    assert_eq!((folded.total, folded.folded), (3, 38));
    assert!(folded
        .hits
        .iter()
        .any(|h| h.file.starts_with("wire") && h.similar == 38));
}

/// Without snippets or facets (what a caller wanting ids only asks) the same articles come
/// back in the same order, with the same total; only the snippets and facets are left out.
#[test]
fn ids_only_requests_find_the_same_hits() {
    let c = names_corpus();
    for q in [
        "Assad",
        "Aleppo OR Damascus",
        "\"Khan Sheikhun\"",
        "ترامب",
        "Asad",
        "",
    ] {
        let full = c.search(q, &SearchOptions::default());
        let lean = c.search(
            q,
            &SearchOptions {
                snippets: false,
                facets: false,
                ..SearchOptions::default()
            },
        );
        assert_eq!(lean.total, full.total, "{q}");
        let ids =
            |r: &qarin::SearchResult| r.hits.iter().map(|h| (h.id, h.score)).collect::<Vec<_>>();
        assert_eq!(ids(&lean), ids(&full), "{q}");
        assert_eq!(lean.suggestions, full.suggestions, "{q}");
        assert!(lean.hits.iter().all(|h| h.snippet.is_empty()), "{q}");
        assert!(
            lean.facets.lang.is_empty() && lean.facets.source.is_empty(),
            "{q}"
        );
        if full.total > 0 {
            assert!(full.hits.iter().any(|h| !h.snippet.is_empty()), "{q}");
            assert!(!full.facets.lang.is_empty(), "{q}");
        }
    }
}
