//! The analyzer's rules, as data (`tests/data/analysis.toml`) and as properties that must
//! hold for any input: normalization is idempotent, offsets slice the original text on
//! character boundaries, and nothing panics.

use proptest::prelude::*;
use qarin::analysis::{analyze, normalize::normalize_word};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
    class: Vec<Words>,
    false_positive: Vec<Words>,
    distinct: Vec<Words>,
}

#[derive(Deserialize)]
struct Case {
    rule: String,
    input: String,
    terms: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    words: Vec<String>,
    #[serde(default)]
    note: String,
}

fn cases() -> Cases {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/analysis.toml"
    ))
    .unwrap();
    toml::from_str(&text).unwrap()
}

fn main_term(word: &str) -> String {
    let tokens = analyze(word);
    assert_eq!(tokens.len(), 1, "{word} is one token");
    tokens[0].term.clone()
}

#[test]
fn every_rule_gives_the_terms_in_the_table() {
    for case in cases().case {
        let terms: Vec<String> = analyze(&case.input).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, case.terms, "rule: {}", case.rule);
    }
}

#[test]
fn equivalence_classes_meet_and_false_positives_are_known() {
    let cases = cases();
    for class in cases.class.iter().chain(&cases.false_positive) {
        let first = main_term(&class.words[0]);
        for w in &class.words {
            assert_eq!(
                main_term(w),
                first,
                "{w} vs {} {}",
                class.words[0],
                class.note
            );
        }
    }
    for pair in &cases.distinct {
        assert_ne!(
            main_term(&pair.words[0]),
            main_term(&pair.words[1]),
            "{}",
            pair.note
        );
    }
}

#[test]
fn stop_words_are_marked_but_kept_as_tokens() {
    let tokens = analyze("The talks in الغوطة على");
    let stops: Vec<bool> = tokens.iter().map(|t| t.stop).collect();
    assert_eq!(stops, [true, false, true, false, true]);
}

#[test]
fn highlighting_a_vowelled_word_covers_the_whole_word() {
    let text = "قالَ الـرَّئِيسُ";
    let t = &analyze(text)[1];
    assert_eq!(&text[t.start..t.end], "الـرَّئِيسُ");
    assert_eq!(t.exact, "الرَّئِيسُ");
}

/// Text made of the characters the analyzer treats specially, mixed with anything.
fn tricky_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ة', 'ه', 'و', 'ب', 'ل', 'ف', 'ك', '\u{064B}',
        '\u{0650}', '\u{0652}', '\u{0653}', '\u{0654}', '\u{0655}', '\u{0670}', '\u{0640}',
        '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{00A0}', '\u{FEFB}',
        '\u{FE8D}', '٣', '۴', '7', 'a', 'É', '\'', '’', '-', ' ', '،', '؟', 'ک', 'ی', '\u{0301}',
        'ß', '\u{FDF2}',
    ]);
    prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..40)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn normalization_is_idempotent(word in tricky_text()) {
        let (_, once) = normalize_word(&word);
        let (_, twice) = normalize_word(&once);
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn offsets_slice_the_original_text(text in tricky_text()) {
        let mut last = 0;
        for t in analyze(&text) {
            prop_assert!(t.start >= last && t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert_eq!(&text[t.start..t.end], t.text.as_str());
            prop_assert!(!t.term.is_empty());
            last = t.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn no_file_and_no_query_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), query in tricky_text()) {
        let mut corpus = qarin::Corpus::new();
        corpus.add_bytes("any.txt", &bytes);
        corpus.add_bytes("text.txt", format!("{query}\n\n{query} {query}").as_bytes());
        let result = corpus.search(&query, &qarin::SearchOptions::default());
        prop_assert!(result.error.is_some() || result.total <= corpus.len());
        let quoted = format!("\"{query}\" OR ({query}) -{query}");
        corpus.search(&quoted, &qarin::SearchOptions::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn raw_words_are_the_analysed_words(text in tricky_text()) {
        let config = qarin::analysis::Config::default();
        let mut analysed = Vec::new();
        qarin::analysis::each_word(&text, &config, |s, e, _| analysed.push((s, e)));
        let mut raw = Vec::new();
        qarin::analysis::each_raw_word(&text, |s, e| raw.push((s, e)));
        prop_assert_eq!(raw, analysed);
    }
}
