//! The one analyzer. Indexing, querying, highlighting and statistics all call [`analyze`],
//! so a query and a document that spell a word differently but mean the same word
//! (أحمد / احمد, الغوطة / غوطه, Iran's / Iran) meet here and nowhere else.
//!
//! Text is cut into words (`tokenize`), each word is split into runs of one script
//! (`script`), and each run is normalized and stemmed by its own script's rules
//! (`normalize::arabic`, `normalize::latin`, `stem`). Offsets always point into the
//! original text; normalizers change token text, never offsets.

pub mod normalize;
mod script;
mod stem;
mod stopwords;
mod tokenize;

pub use script::Script;
use serde::Serialize;

/// One word of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The surface form exactly as written (a slice of the original).
    pub text: String,
    /// The main term: normalized and stemmed, what is indexed and matched.
    pub term: String,
    /// Every term the word is indexed under, `term` first. A leading و/ف/ب/ك/ل may be a
    /// clitic or part of the word (وحسن = و + حسن, وزير is one word), so both readings
    /// are kept; queries rank the main reading above the others.
    pub terms: Vec<String>,
    /// The surface form folded only for case and invisible marks, for exact-form search.
    pub exact: String,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    pub script: Script,
    /// A stop word: indexed (phrases need it) but not a ranking term on its own.
    pub stop: bool,
}

/// How Arabic words are stemmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArabicStemmer {
    None,
    /// Snowball's Arabic stemmer (crate `rust-stemmers`).
    Snowball,
    /// Our light stemmer: article combinations and common suffixes (see `stem`).
    Light,
}

/// The analyzer's switches. Only [`Config::default`] is used by the product; the other
/// settings exist so the retrieval check can measure what each step is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Arabic normalization (alef/hamza, ى, ة, harakat, tatweel, digits) and Latin accent
    /// folding. Without it words are only lowercased.
    pub normalize: bool,
    pub arabic_stemmer: ArabicStemmer,
    /// Index a leading و ف ب ك ل also as a clitic (the alternative reading).
    pub readings: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { normalize: true, arabic_stemmer: ArabicStemmer::Light, readings: true }
    }
}

/// Analyzes `text` with the default configuration, one token per word, in order.
pub fn analyze(text: &str) -> Vec<Token> {
    analyze_with(text, &Config::default())
}

/// Analyzes `text` with the given configuration.
pub fn analyze_with(text: &str, config: &Config) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize::words(text, |start, end| {
        let surface = &text[start..end];
        let (script, normalized) = if config.normalize {
            normalize::normalize_word(surface)
        } else {
            normalize::lowercase_word(surface)
        };
        if normalized.is_empty() {
            return;
        }
        let (term, alternatives) = stem::stem(script, &normalized, config);
        let stop = stopwords::is_stop(script, &normalized);
        let mut terms = vec![term.clone()];
        terms.extend(alternatives.into_iter().filter(|t| *t != term));
        out.push(Token {
            text: surface.to_string(),
            exact: normalize::exact(surface),
            term,
            terms,
            start,
            end,
            script,
            stop,
        });
    });
    out
}

/// The surface form used for exact-form search of one query word.
pub fn exact_form(word: &str) -> String {
    normalize::exact(word)
}
