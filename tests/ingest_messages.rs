//! Messages that must name the file and say plainly what is wrong (issue 12, items 7 and
//! 9): rows past the limit of a JSON export, a table of separators only, a JSON row whose
//! text is not text, and a ZIP64 entry that claims an impossible size.
#![cfg(feature = "formats")]

#[path = "support/zip.rs"]
mod zip;

use qarin::ingest::{read, read_with, Limits, Problem};

fn said(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.file, p.message))
        .collect()
}

fn article(i: usize) -> String {
    format!(
        r#"{{"title": "Report {i}", "text": "The council met on day {i} and spoke at length."}}"#
    )
}

#[test]
fn json_rows_past_the_limit_are_counted_and_the_file_named() {
    let limits = Limits {
        max_rows: 3,
        ..Limits::default()
    };
    let lines: Vec<String> = (0..8).map(article).collect();
    let got = read_with("many.jsonl", lines.join("\n\n").as_bytes(), &limits);
    assert_eq!(got.articles.len(), 3);
    assert_eq!(
        said(&got.problems),
        ["many.jsonl: more than 3 rows: the last 5 were not read"]
    );
    let got = read_with(
        "many.json",
        format!("[{}]", lines.join(",")).as_bytes(),
        &limits,
    );
    assert_eq!(got.articles.len(), 3);
    assert_eq!(
        said(&got.problems),
        ["many.json: more than 3 rows: the last 5 were not read"]
    );
    // At the limit exactly: nothing dropped, nothing said.
    let got = read_with("three.jsonl", lines[..3].join("\n").as_bytes(), &limits);
    assert_eq!((got.articles.len(), got.problems.len()), (3, 0));
}

#[test]
fn a_table_of_separators_only_is_named_as_empty() {
    for bytes in [&b",,,\n,,,\n,,\n"[..], b",,,,,,", b"\"\",,\n,,\n"] {
        let got = read("commas.csv", bytes);
        assert_eq!(said(&got.problems), ["commas.csv: empty table"]);
    }
    let got = read("headless.csv", b",,\nA title,some text,more\n");
    assert_eq!(got.problems.len(), 1);
    assert_eq!(got.problems[0].file, "headless.csv");
    assert_eq!(got.problems[0].message.code.name(), "table_no_header");
}

#[test]
fn a_json_row_whose_text_is_an_object_says_so() {
    let got = read(
        "rows.jsonl",
        b"{\"title\": \"Title\", \"text\": {\"a\": 1}}\n{\"text\": [{\"x\": 1}]}\n[1, 2]\n{}\n",
    );
    assert_eq!(
        said(&got.problems),
        [
            "rows.jsonl#1: no article text in this row: its text is a JSON object or list, not text",
            "rows.jsonl#2: no article text in this row: its text is a JSON object or list, not text",
            "rows.jsonl#3: not read: this record is not a JSON object",
            "rows.jsonl#4: no article text in this row",
        ]
    );
}

#[test]
fn a_zip64_size_of_two_to_the_63_is_reported_in_full() {
    let bytes = zip::stored(&[(b"big.txt", b"Title\n\nBody text.")], Some(1 << 63));
    let got = read("big.zip", &bytes);
    assert_eq!(
        said(&got.problems),
        ["big.zip/big.txt: too large: 8796093022208 MB unpacked, more than the limit of 64 MB"]
    );
    // The writer is sound: the same entry with its true size is read.
    let got = read(
        "small.zip",
        &zip::stored(&[(b"a.txt", b"Title\n\nBody text here.")], None),
    );
    assert_eq!(
        (got.articles.len(), got.problems.len()),
        (1, 0),
        "{:?}",
        got.problems
    );
}
