//! The one analyzer. Indexing, querying, highlighting and statistics all call [`analyze`],
//! so a query and a document that spell a word differently but mean the same word
//! (أحمد / احمد, الغوطة / غوطه, Iran's / Iran) meet here and nowhere else.
//!
//! Text is cut into words (`tokenize`), each word is split into runs of one script
//! (`script`), and each run is normalized and stemmed by its own script's rules
//! (`normalize::arabic`, `normalize::latin`, `stem`). Offsets always point into the
//! original text; normalizers change token text, never offsets.

mod elision;
pub mod normalize;
pub mod script;
mod stem;
pub(crate) mod stopwords;
mod tokenize;

use rustc_hash::FxHashMap;
pub use script::Script;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// One word of the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The surface form exactly as written (a slice of the original).
    pub text: String,
    /// The main term: normalized and stemmed, what is indexed and matched.
    pub term: String,
    /// Every term the word is indexed under, `term` first. A leading و/ف/ب/ك/ل may be a
    /// clitic or part of the word (وحسن = و + حسن, وزير is one word), and a name with an
    /// elided prefix is also its surname (O'Driscoll = odriscol + driscol), so both
    /// readings are kept; queries rank the main reading above the others.
    pub terms: Vec<String>,
    /// The surface form folded only for case and invisible marks, for exact-form search.
    pub exact: String,
    /// A hash of the word normalized but not stemmed ([`Word::form`]).
    #[serde(skip)]
    pub form: u32,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    pub script: Script,
    /// A stop word: indexed (phrases need it) but not a ranking term on its own.
    pub stop: bool,
}

/// How Arabic words are stemmed.
#[derive(Clone, Copy, Debug, Eq)]
pub enum ArabicStemmer {
    None,
    /// A stemmer the caller gives: the retrieval check passes Snowball's Arabic stemmer
    /// (crate `rust-stemmers`) to measure it against ours. Naming Snowball's here instead
    /// linked it into every build, 3.7 KB of the start-up wasm (gzipped) the product
    /// never runs.
    With(fn(&str) -> String),
    /// Our light stemmer: article combinations and common suffixes (see `stem`).
    Light,
}

impl PartialEq for ArabicStemmer {
    /// Given stemmers are the same when they are the same function (a copy of one may
    /// compare different; the analyzer's cache then only analyses again).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::With(a), Self::With(b)) => std::ptr::fn_addr_eq(*a, *b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

/// Version of what the analyzer makes of a text. A saved index built by another version is
/// not trusted: the corpus is indexed again on load. Bump it with any change to
/// normalization, stemming, readings, stop words or tokenization.
pub const VERSION: u32 = 3;

/// The analyzer's switches. Only [`Config::default`] is used by the product; the other
/// settings exist so the retrieval check can measure what each step is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Arabic normalization (alef/hamza, ى, ة, harakat, tatweel, digits) and Latin accent
    /// folding. Without it words are only lowercased.
    pub normalize: bool,
    pub arabic_stemmer: ArabicStemmer,
    /// Index a leading و ف ب ك ل also as a clitic, and a name with an elided prefix
    /// (O'Driscoll) also as its surname: the alternative readings.
    pub readings: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            normalize: true,
            arabic_stemmer: ArabicStemmer::Light,
            readings: true,
        }
    }
}

/// Analyzes `text` with the default configuration, one token per word, in order.
pub fn analyze(text: &str) -> Vec<Token> {
    analyze_with(text, &Config::default())
}

/// The [`Word::form`] of an Arabic word (given as its `exact` form) without its first
/// letter: the form of its reading as a one-letter proclitic (و ب ف ك ل) and a word.
/// Normalizes again, so for the rare word that needs it, not for every token.
pub fn proclitic_reading_form(exact: &str) -> u32 {
    let (_, normalized) = normalize::normalize_word(exact);
    let mut chars = normalized.chars();
    chars.next();
    crate::hash::fnv1a(chars.as_str().as_bytes()) as u32
}

/// What the analyzer makes of one written word, whatever its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub script: Script,
    /// Main term first, then alternative readings (see [`Token::terms`]).
    pub terms: Vec<String>,
    pub exact: String,
    /// A 32-bit hash of the word normalized but not stemmed: ranking prefers articles whose
    /// title has the word written as the query writes it (kills, not killed).
    pub form: u32,
    pub stop: bool,
}

/// Words analysed so far, by surface form. News text repeats its vocabulary, so most
/// tokens are a lookup here rather than normalization and stemming.
struct Cache {
    config: Config,
    words: FxHashMap<Box<str>, Option<Rc<Word>>>,
}

/// Past this many entries the cache starts again, bounding its memory.
const CACHE_LIMIT: usize = 400_000;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache { config: Config::default(), words: FxHashMap::default() });
}

fn analyse_word(surface: &str, config: &Config) -> Option<Word> {
    let (script, normalized) = if config.normalize {
        normalize::normalize_word(surface)
    } else {
        normalize::lowercase_word(surface)
    };
    if normalized.is_empty() {
        return None;
    }
    // Folding makes آلي ("automatic") الي, a spelling of إلى; no stop word is written with
    // madda, so a word that has it is a content word.
    let stop = stopwords::is_stop(script, &normalized) && !surface.contains('\u{0622}');
    // A name like O'Driscoll is also read as its surname: normalization lowercased the
    // ASCII prefix and dropped the apostrophe, so the surname is the rest of `normalized`.
    let surname = (config.normalize && config.readings && script == Script::Latin)
        .then(|| elision::surname_at(surface))
        .flatten()
        .and_then(|at| normalized.get(at..));
    let mut terms: Vec<String> = Vec::new();
    // One call of the stemmer for both readings: a second call site costs the start-up
    // wasm a copy of it.
    for text in std::iter::once(normalized.as_str()).chain(surname) {
        let (term, alternatives) = stem::stem(script, text, config);
        for t in std::iter::once(term).chain(alternatives) {
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
    }
    Some(Word {
        script,
        terms,
        exact: normalize::exact(surface),
        form: crate::hash::fnv1a(normalized.as_bytes()) as u32,
        stop,
    })
}

fn cached(surface: &str, config: &Config) -> Option<Rc<Word>> {
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.config != *config || cache.words.len() > CACHE_LIMIT {
            cache.config = *config;
            cache.words.clear();
        }
        if let Some(word) = cache.words.get(surface) {
            return word.clone();
        }
        let word = analyse_word(surface, config).map(Rc::new);
        cache.words.insert(surface.into(), word.clone());
        word
    })
}

/// Calls `f(start, end, word)` for every word of `text`, in order, without building
/// tokens: the indexer's fast path.
pub fn each_word(text: &str, config: &Config, mut f: impl FnMut(usize, usize, &Rc<Word>)) {
    tokenize::words(text, |start, end| {
        if let Some(word) = cached(&text[start..end], config) {
            f(start, end, &word);
        }
    });
}

/// Calls `f(start, end)` for exactly the words [`each_word`] reports with the default
/// normalization, without analysing them: a word counts when it has a letter or a digit
/// normalization keeps (not only marks, tatweel or invisible characters). Cheap, for
/// placing hits whose positions the index already knows.
pub fn each_raw_word(text: &str, mut f: impl FnMut(usize, usize)) {
    raw_words_while(text, |start, end| {
        f(start, end);
        true
    });
}

/// [`each_raw_word`] until `f` returns false.
pub fn raw_words_while(text: &str, mut f: impl FnMut(usize, usize) -> bool) {
    let kept = |c: char| c != '\u{0640}' && (script::of_char(c).is_some() || script::is_digit(c));
    tokenize::words_while(text, |start, end| {
        !text[start..end].chars().any(kept) || f(start, end)
    });
}

/// The analysed words of `text`, in order (shared with the cache, so cheap to keep).
pub fn words(text: &str, config: &Config) -> Vec<Rc<Word>> {
    let mut out = Vec::new();
    each_word(text, config, |_, _, w| out.push(Rc::clone(w)));
    out
}

/// The analysed words of `text` with their byte ranges, in order. Not generic, so callers
/// outside the indexer's hot path share one copy of the tokenizer in the wasm.
pub fn spans(text: &str, config: &Config) -> Vec<(usize, usize, Rc<Word>)> {
    let mut out = Vec::new();
    each_word(text, config, |s, e, w| out.push((s, e, Rc::clone(w))));
    out
}

/// Analyzes `text` with the given configuration.
pub fn analyze_with(text: &str, config: &Config) -> Vec<Token> {
    let mut out = Vec::new();
    each_word(text, config, |start, end, w| {
        out.push(Token {
            text: text[start..end].to_string(),
            term: w.terms[0].clone(),
            terms: w.terms.clone(),
            exact: w.exact.clone(),
            form: w.form,
            start,
            end,
            script: w.script,
            stop: w.stop,
        });
    });
    out
}

/// What a prefix search (`word*`) compares with the start of indexed terms: the word
/// normalized but not stemmed, an Arabic article removed (terms carry none). `None` when
/// nothing is left.
pub fn prefix_form(text: &str, config: &Config) -> Option<String> {
    let (script, normalized) = if config.normalize {
        normalize::normalize_word(text)
    } else {
        normalize::lowercase_word(text)
    };
    let form = match script {
        Script::Arabic if config.arabic_stemmer != ArabicStemmer::None => {
            stem::without_article(&normalized).to_string()
        }
        _ => normalized,
    };
    (!form.is_empty()).then_some(form)
}
