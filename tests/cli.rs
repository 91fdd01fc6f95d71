//! The native CLI, run as a user would: JSON on stdout, problems named on stderr, and a
//! non-zero exit only when nothing could be read.

#[cfg(feature = "formats")]
#[path = "support/zip.rs"]
mod zip;

#[path = "support/cli.rs"]
mod cli_run;

use cli_run::qarin;
use serde_json::Value;
use std::process::Output;

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn ingest_prints_one_json_article_per_line_with_every_field() {
    let out = qarin(&["ingest", "seeds"]);
    assert!(out.status.success());
    let articles = lines(&out);
    assert_eq!(articles.len(), 5);
    for a in &articles {
        for key in [
            "file", "title", "lang", "body", "dateline", "agency", "outlet", "removed", "warnings",
        ] {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
    }
    assert_eq!(articles[0]["file"], "seeds/000_b8dc9deffb4c23c5.txt");
    assert_eq!(articles[1]["lang"], "ar");
}

#[test]
fn ingest_names_unreadable_files_and_fails_only_when_nothing_was_read() {
    let dir = std::env::temp_dir().join(format!("qarin-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.txt");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let broken = broken.to_string_lossy().into_owned();

    let out = qarin(&[
        "ingest",
        "seeds/000_b8dc9deffb4c23c5.txt",
        &broken,
        "no/such/file.txt",
    ]);
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.txt") && stderr.contains("PNG"),
        "{stderr}"
    );
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");

    let out = qarin(&["ingest", &broken]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn search_prints_one_result_object_best_first() {
    let out = qarin(&[
        "search",
        "--corpus",
        "seeds",
        "--limit",
        "1",
        "--no-cross-lingual",
        "ماكرون",
    ]);
    assert!(out.status.success());
    let result = &lines(&out)[0];
    assert_eq!(result["total"], 2);
    let hits = result["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    for key in ["id", "file", "title", "lang", "score", "snippet"] {
        assert!(hits[0].get(key).is_some(), "{key}");
    }
    assert!(hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["hit"] == true));

    let out = qarin(&["search", "--corpus", "seeds", "--lang", "en", "((Ghouta"]);
    let result = &lines(&out)[0];
    assert_eq!(result["total"], 0);
    assert!(result["error"]["message"]
        .as_str()
        .unwrap()
        .contains("parenthesis"));
    assert_eq!(
        result["error"]["offset"], 1,
        "the innermost unclosed parenthesis"
    );
}

#[cfg(feature = "suggest")]
#[test]
fn search_suggests_spellings_for_few_results() {
    let out = qarin(&["search", "--corpus", "seeds", "--limit", "0", "Alepo"]);
    let result = &lines(&out)[0];
    assert_eq!(result["total"], 0);
    let first = &result["suggestions"][0];
    assert_eq!(first["query"], "Aleppo");
    let found = &lines(&qarin(&["search", "--corpus", "seeds", "Aleppo"]))[0];
    assert_eq!(first["total"], found["total"]);
    assert!(found.get("suggestions").is_none());
}

#[test]
fn analyze_prints_tokens_with_surface_term_and_byte_offsets() {
    let out = qarin(&["analyze", "Élysée الغـوطة"]);
    assert!(out.status.success());
    let tokens = lines(&out)[0].as_array().unwrap().clone();
    assert_eq!(tokens.len(), 2);
    assert_eq!(tokens[0]["text"], "Élysée");
    assert_eq!(tokens[0]["term"], "elyse");
    assert_eq!(tokens[1]["term"], "غوط");
    assert_eq!(
        (tokens[1]["start"].as_u64(), tokens[1]["end"].as_u64()),
        (Some(9), Some(23))
    );
}

#[test]
fn bad_command_lines_explain_usage() {
    let out = qarin(&["search", "--limit", "x", "q"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("whole number"));
    assert!(!qarin(&[]).status.success());
}

#[test]
fn search_runs_a_file_of_queries_against_one_index() {
    let dir = std::env::temp_dir().join(format!("qarin-queries-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let queries = dir.join("queries.txt");
    std::fs::write(&queries, "Ghouta\nالغوطة\n\"unclosed\n").unwrap();
    let out = qarin(&[
        "search",
        "--corpus",
        "seeds",
        "--queries",
        queries.to_str().unwrap(),
        "--explain",
        "--no-cross-lingual",
    ]);
    assert!(out.status.success());
    let results = lines(&out);
    assert_eq!(results.len(), 3, "one result line per query");
    assert_eq!(results[0]["total"], 1);
    assert_eq!(results[1]["total"], 2);
    assert!(results[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("never closed"));
    let hit = &results[0]["hits"][0];
    let parts: f64 = hit["explain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["score"].as_f64().unwrap())
        .sum();
    assert!((parts - hit["score"].as_f64().unwrap()).abs() < 1e-3);
}

#[test]
fn search_folds_near_duplicates_on_request() {
    // One Jordan Times story saved twice, word for word but for a dateline.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/en");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is not here", corpus.display());
        return;
    }
    let dir = std::env::temp_dir().join(format!("qarin-cli-fold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["fakes_0290_jordantimes.txt", "fakes_0291_jordantimes.txt"] {
        std::fs::copy(corpus.join(name), dir.join(name)).unwrap();
    }
    let path = dir.to_str().unwrap();
    let plain = &lines(&qarin(&["search", "--corpus", path, "warplanes"]))[0];
    assert_eq!(plain["total"], 2);
    assert!(plain.get("folded").is_none());
    let folded = &lines(&qarin(&["search", "--corpus", path, "--fold", "warplanes"]))[0];
    assert_eq!(
        (&folded["total"], &folded["folded"]),
        (&1.into(), &1.into())
    );
    assert_eq!(folded["hits"][0]["similar"], 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_command_answers_help_with_its_usage() {
    for (command, shows) in [
        ("ingest", "qarin ingest"),
        ("search", "qarin search"),
        ("analyze", "qarin analyze"),
    ] {
        for flag in ["--help", "-h"] {
            let out = qarin(&[command, flag]);
            assert!(out.status.success(), "{command} {flag}");
            let usage = String::from_utf8_lossy(&out.stdout);
            assert!(
                usage.starts_with("usage:") && usage.contains(shows),
                "{usage}"
            );
            assert!(out.stderr.is_empty(), "{command} {flag}");
        }
    }
    let out = qarin(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("qarin search"));
    // An unknown option is not a file name; a file named like one goes after `--`.
    let out = qarin(&["ingest", "--max-file-size", "3", "seeds"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option"));
    let out = qarin(&["ingest", "--", "--help"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("qarin: --help: cannot read file"));
}

/// Names from a zip (or the file system) reach stderr with control and bidi characters
/// escaped: ESC, BEL and U+202E cannot drive or reorder the terminal.
#[test]
#[cfg(feature = "formats")]
fn names_with_control_or_bidi_characters_are_escaped_on_stderr() {
    let dir = std::env::temp_dir().join(format!("qarin-cli-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let evil = "a\x1b]0;pwned\x07b\u{202e}txt.exe\u{2066}\n.txt";
    let bytes = zip::stored(
        &[
            (evil.as_bytes(), b""),
            (b"ok.txt", b"A title\n\nSome body text."),
        ],
        None,
    );
    let path = dir.join("names.zip");
    std::fs::write(&path, bytes).unwrap();
    let out = qarin(&["ingest", &path.to_string_lossy()]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "names.zip/a\\u{1b}]0;pwned\\u{7}b\\u{202e}txt.exe\\u{2066}\\u{a}.txt: empty file"
        ),
        "{stderr}"
    );
    for raw in ['\x1b', '\x07', '\u{202e}', '\u{2066}'] {
        assert!(!stderr.contains(raw), "{raw:?} in {stderr:?}");
    }
    // One line per warning: a newline in a name cannot forge another.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // Arabic names and messages pass unchanged.
    let arabic = dir.join("خبر.txt");
    std::fs::write(&arabic, b"").unwrap();
    let out = qarin(&["ingest", &arabic.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("خبر.txt: empty file"));
}

/// Queries nested thousands deep aborted the CLI with a stack overflow: now each fails
/// with a clear message, quickly, exit code 0 (the JSON result carries the error).
#[test]
fn deeply_nested_queries_fail_with_a_message_not_a_crash() {
    let queries = [
        format!("{}Ghouta{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}Ghouta", "-".repeat(20_000)),
        format!("{}Ghouta", "NOT ".repeat(5_000)),
    ];
    for q in &queries {
        let started = std::time::Instant::now();
        let out = qarin(&["search", "--corpus", "seeds", q]);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert!(matches!(out.status.code(), Some(0..=2)), "{:?}", out.status);
        let result = &lines(&out)[0];
        assert_eq!(result["error"]["code"], "query_too_deep", "{result}");
        assert!(result["error"]["message"]
            .as_str()
            .unwrap()
            .contains("levels deep"));
    }
}

#[test]
fn analyze_refuses_options_it_does_not_have() {
    // `--lang` was accepted and ignored: the analyzer picks rules per word by script, so
    // there is no language to force, and the CLI now says so instead of pretending.
    for args in [
        &["analyze", "--lang", "ar", "Syria"][..],
        &["analyze", "--lang"],
        &["analyze", "--fold", "Syria"],
    ] {
        let out = qarin(args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("usage:"), "{args:?}: {stderr}");
    }
    let stderr =
        String::from_utf8_lossy(&qarin(&["analyze", "--lang", "ar", "x"]).stderr).to_string();
    assert!(stderr.contains("own script"), "{stderr}");
    // A text that starts with -- is still analysed after `--`.
    let out = qarin(&["analyze", "--", "--Syria"]);
    assert!(out.status.success());
    let tokens: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tokens[0]["term"], "syria");
}
