//! Cross-lingual search on the five seeds with the shipped lexicon: each of the issue's
//! queries returns exactly the articles that mention it, in either language (the sets
//! below were written by hand from reading the seeds); the switch turns expansion off;
//! the entity facet and filter; hits say which expansion matched.
#![cfg(feature = "bilingual")]

#[path = "support/cli.rs"]
mod cli_run;

use cli_run::qarin;
use qarin::{bilingual, Corpus, SearchOptions};

/// The lexicon the product ships (the CLI embeds the same file).
const LEXICON: &str = "data/lexicon/lexicon.tsv";

fn lexicon() -> String {
    std::fs::read_to_string(LEXICON).expect("the shipped lexicon")
}

fn seeds(linked: bool) -> Corpus {
    let mut c = Corpus::new();
    let mut names: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).expect("seed");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        assert_eq!(c.add_bytes(&name, &bytes).added.len(), 1, "{name}");
    }
    if linked {
        bilingual::link(&mut c, &[&lexicon()]).expect("lexicon loads");
    }
    c
}

/// The seed numbers (`000`…`004`) a query returns, ascending.
fn found(c: &Corpus, query: &str, options: &SearchOptions) -> Vec<String> {
    let r = c.search(
        query,
        &SearchOptions {
            limit: 100,
            ..options.clone()
        },
    );
    assert!(r.error.is_none(), "{query}: {:?}", r.error);
    let mut out: Vec<String> = r
        .hits
        .into_iter()
        .map(|h| h.file[..3].to_string())
        .collect();
    out.sort();
    out
}

/// Each query with the seeds that mention it, in either language, read by hand:
/// 000 (en) and 001 (ar) report the Macron–Rouhani call on Eastern Ghouta, 004 (ar) the
/// Putin–Macron call on Eastern Ghouta and resolution 2401, 002 (en) the Rouhani–Putin call
/// (Aleppo), 003 (en) France on the Syria truce (Aleppo). Le Drian is in 000 (Le Drian)
/// and 001 (لودريان); 2401 in 000 and 004.
const CASES: &[(&str, &[&str])] = &[
    ("Ghouta", &["000", "001", "004"]),
    ("الغوطة", &["000", "001", "004"]),
    ("Putin", &["002", "004"]),
    ("بوتين", &["002", "004"]),
    ("Rouhani", &["000", "001", "002"]),
    ("روحاني", &["000", "001", "002"]),
    ("Le Drian", &["000", "001"]),
    ("2401", &["000", "004"]),
    ("Aleppo", &["002", "003"]),
    ("Macron Rouhani", &["000", "001"]),
    ("ماكرون بوتين", &["004"]),
];

#[test]
fn the_issue_queries_find_exactly_their_articles_in_both_languages() {
    let c = seeds(true);
    let options = SearchOptions::default();
    for (query, expected) in CASES {
        assert_eq!(found(&c, query, &options), *expected, "{query}");
    }
}

#[test]
fn the_switch_turns_expansion_off() {
    let c = seeds(true);
    let off = SearchOptions {
        cross_lingual: false,
        ..SearchOptions::default()
    };
    assert_eq!(found(&c, "Ghouta", &off), ["000"]);
    assert_eq!(found(&c, "الغوطة", &off), ["001", "004"]);
    assert_eq!(found(&c, "Le Drian", &off), ["000"]);
    // Without a lexicon nothing expands either.
    let plain = seeds(false);
    assert_eq!(found(&plain, "Ghouta", &SearchOptions::default()), ["000"]);
}

#[test]
fn results_say_which_expansion_matched() {
    let c = seeds(true);
    let r = c.search("Ghouta", &SearchOptions::default());
    assert_eq!(r.expanded.len(), 1, "{:?}", r.expanded);
    let e = &r.expanded[0];
    assert_eq!(e.from, "Ghouta");
    assert!(e.to.iter().any(|n| n == "الغوطة"), "{:?}", e.to);
    assert!(e.entity.contains("ghouta"), "{}", e.entity);
    for hit in &r.hits {
        assert_eq!(
            hit.entities,
            std::slice::from_ref(&e.entity),
            "{}",
            hit.file
        );
    }
    // The snippet of an Arabic hit marks the Arabic spelling.
    let arabic = r
        .hits
        .iter()
        .find(|h| h.lang == "ar")
        .expect("an Arabic hit");
    assert!(
        arabic
            .snippet
            .iter()
            .any(|s| s.hit && s.text.contains("الغوطة")),
        "{:?}",
        arabic.snippet
    );
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["expanded"][0]["from"], "Ghouta");
}

#[test]
fn entity_facet_and_filter() {
    let c = seeds(true);
    let all = c.search("", &SearchOptions::default());
    let count = |id_part: &str| {
        all.facets
            .entity
            .iter()
            .find(|e| e.name.id.contains(id_part))
            .map_or(0, |e| e.count)
    };
    assert_eq!(count("putin"), 2);
    assert_eq!(count("macron"), 3);
    let putin = all
        .facets
        .entity
        .iter()
        .find(|e| e.name.id.contains("putin"))
        .expect("Putin")
        .name
        .id
        .clone();
    let macron = all
        .facets
        .entity
        .iter()
        .find(|e| e.name.id.contains("macron"))
        .expect("Macron")
        .name
        .id
        .clone();
    let both = SearchOptions {
        entities: vec![putin.clone(), macron],
        ..SearchOptions::default()
    };
    assert_eq!(found(&c, "", &both), ["004"]);
    let only_putin = SearchOptions {
        entities: vec![putin],
        ..SearchOptions::default()
    };
    assert_eq!(found(&c, "", &only_putin), ["002", "004"]);
    let unknown = SearchOptions {
        entities: vec!["person:nobody-at-all".to_string()],
        ..SearchOptions::default()
    };
    assert!(found(&c, "", &unknown).is_empty());
    // An article's own entities.
    let id = c
        .list(&Default::default())
        .into_iter()
        .find(|a| a.file.starts_with("004"))
        .expect("004")
        .id;
    let ids: Vec<String> = c.entities(id).into_iter().map(|e| e.name.id).collect();
    assert!(ids.iter().any(|i| i.contains("putin")), "{ids:?}");
    assert!(ids.iter().any(|i| i.contains("ghouta")), "{ids:?}");
}

#[test]
fn articles_added_after_the_lexicon_are_linked_and_removed_ones_forgotten() {
    let mut c = Corpus::new();
    bilingual::link(&mut c, &[&lexicon()]).expect("lexicon loads");
    let added = c.add_bytes("x.txt", "زيارة\n\nوصل بوتين إلى دمشق.".as_bytes());
    let id = added.added[0].id;
    assert_eq!(found(&c, "Putin", &SearchOptions::default()), ["x.t"]);
    assert!(!c.entities(id).is_empty());
    c.remove(id).expect("removed");
    assert!(c.entities(id).is_empty());
    assert_eq!(c.mention_count(), 0);
}

#[test]
fn a_user_file_adds_and_corrects_entries() {
    let mut c = Corpus::new();
    c.add_bytes(
        "x.txt",
        "Visit\n\nMinister Zorblat met the envoy.".as_bytes(),
    );
    c.add_bytes("y.txt", "زيارة\n\nالتقى الوزير زوربلات المبعوث.".as_bytes());
    let user = r#"[{"id": "person:zorblat", "kind": "person", "en": "Zorblat", "ar": "زوربلات"}]"#;
    let loaded = bilingual::link(&mut c, &[&lexicon(), user]).expect("loads");
    assert!(loaded.entities > 1 && loaded.mentions >= 2, "{loaded:?}");
    assert_eq!(
        found(&c, "Zorblat", &SearchOptions::default()),
        ["x.t", "y.t"]
    );
    // A bad user file changes nothing and says where it is wrong.
    let bad = "person:zorblat\tperson\t\tZorblat\n person:zorblat\tperson\t\tZ\n";
    let e = bilingual::link(&mut c, &[&lexicon(), bad]).expect_err("duplicate id");
    assert!(e.message().contains("line 2"), "{}", e.message());
    assert_eq!(
        found(&c, "Zorblat", &SearchOptions::default()),
        ["x.t", "y.t"]
    );
}

/// The CLI's JSON lines for `args`.
fn cli(args: &[&str]) -> Vec<serde_json::Value> {
    let out = qarin(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

fn cli_files(result: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            let file = h["file"].as_str().expect("file");
            file.rsplit('/').next().unwrap_or(file)[..3].to_string()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_cli_expands_with_its_embedded_lexicon_and_can_be_told_not_to() {
    let dir = std::env::temp_dir().join(format!("qarin-crossling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let queries = dir.join("queries.txt");
    let text: Vec<&str> = CASES.iter().map(|(q, _)| *q).collect();
    std::fs::write(&queries, text.join("\n")).expect("written");
    let q = queries.to_str().expect("path");
    let results = cli(&[
        "search",
        "--corpus",
        "seeds",
        "--limit",
        "50",
        "--queries",
        q,
    ]);
    assert_eq!(results.len(), CASES.len());
    for ((query, expected), result) in CASES.iter().zip(&results) {
        assert_eq!(cli_files(result), *expected, "{query}");
    }
    let off = cli(&[
        "search",
        "--corpus",
        "seeds",
        "--no-cross-lingual",
        "Ghouta",
    ]);
    assert_eq!(cli_files(&off[0]), ["000"]);
    assert!(off[0].get("expanded").is_none());
    // A user lexicon adds a name; an entity filter keeps the articles naming it.
    let user = dir.join("user.tsv");
    std::fs::write(
        &user,
        "org:issg\torg\t\tISSG\tمجموعة الدعم الدولية لسوريا\n",
    )
    .expect("written");
    let u = user.to_str().expect("path");
    let with_user = cli(&[
        "search",
        "--corpus",
        "seeds",
        "--lexicon",
        u,
        "--entity",
        "org:issg",
        "",
    ]);
    assert_eq!(cli_files(&with_user[0]), ["003"]);
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "org:issg\torganisation\t\tISSG\n").expect("written");
    let out = qarin(&[
        "search",
        "--corpus",
        "seeds",
        "--lexicon",
        bad.to_str().expect("path"),
        "x",
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 1, column 2"), "{stderr}");
    let found = cli(&["entities", "لماكرون وبوتين بالغوطة"]);
    let ids: Vec<&str> = found[0]
        .as_array()
        .expect("array")
        .iter()
        .map(|m| m["entity"].as_str().expect("id"))
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[0].contains("macron") && ids[1].contains("putin") && ids[2].contains("ghouta"));
}

#[test]
fn the_reader_marks_the_other_scripts_spellings() {
    let c = seeds(true);
    let id = c
        .list(&Default::default())
        .into_iter()
        .find(|a| a.file.starts_with("001"))
        .expect("001")
        .id;
    let marked = c.highlight(id, "Ghouta", false).expect("highlighted");
    let words: Vec<String> = marked
        .paragraphs
        .iter()
        .flatten()
        .filter(|s| s.hit)
        .map(|s| s.text.clone())
        .collect();
    assert!(words.iter().any(|w| w.contains("الغوطة")), "{words:?}");
    // With exact forms nothing is expanded.
    assert_eq!(
        c.highlight(id, "Ghouta", true).expect("highlighted").hits,
        0
    );
}

/// A name and the names the lexicon adds for it are one thing: an article naming it in
/// both scripts is not more relevant than one naming it once, an added name weighs less
/// than the typed one, and the explanation keeps the best part only (it adds up).
#[test]
fn an_expansion_scores_as_its_best_part() {
    let mut c = Corpus::new();
    let texts = [
        ("once.txt", "Report from the field\n\nShelling hit Ghouta again on Monday, residents said."),
        ("twice.txt", "Another report today\n\nShelling hit Ghouta again on Monday, residents of الغوطة said."),
        ("added.txt", "A third report here\n\nShelling hit الغوطة again on Monday, residents said."),
    ];
    for (name, text) in texts {
        assert_eq!(c.add_bytes(name, text.as_bytes()).added.len(), 1, "{name}");
    }
    bilingual::link(&mut c, &[&lexicon()]).expect("lexicon loads");
    let r = c.search(
        "Ghouta",
        &SearchOptions {
            explain: true,
            ..SearchOptions::default()
        },
    );
    let score = |file: &str| {
        let hit = r.hits.iter().find(|h| h.file == file).expect(file);
        let parts = hit.explain.as_ref().expect("explained");
        assert_eq!(parts.len(), 1, "{file}: {parts:?}");
        let sum: f32 = parts.iter().map(|p| p.score).sum();
        assert!(
            (sum - hit.score).abs() < 1e-4,
            "{file}: {sum} vs {}",
            hit.score
        );
        hit.score
    };
    let (once, twice, added) = (score("once.txt"), score("twice.txt"), score("added.txt"));
    assert!(once >= twice, "once {once} < twice {twice}");
    assert!(added < twice, "added {added} ≥ twice {twice}");
    assert!(added < 0.5 * once, "added {added} vs once {once}");
}
