//! Same-story pairing: for one article, the articles in the other language that tell the same
//! story, best first, each with the evidence it shares.
//!
//! Each article is read once into a [`Signature`]: the keys that are the same in both
//! languages (numbers, with Arabic-Indic digits folded; month and weekday keys from
//! [`super::calendar`]; later, entity ids from the lexicon: one more kind of key, nothing
//! else changes) and its name-like words (English capitalized words; every Arabic word that
//! is not a stop word, with its forms after و/ف, ب/ك/ل and ال are taken off). [`Pairing`]
//! indexes the signatures: shared keys and name forms to the articles that hold them, and
//! name forms by their [`SoundKey`], so a name of one script finds its spellings in the other
//! by key, then by the transliteration score (`THRESHOLD`).
//!
//! Scoring: each piece of the query's evidence (a number, a day, a name) weighs
//! `ln(1 + N / df)` over the N articles of the other language (rare evidence counts more);
//! a candidate's score is the weight it shares divided by the query's whole weight, divided
//! by the square root of its size (distinct pieces of evidence) against the average: an
//! article with many names shares some by chance. (Square root, cosine-like: on the corpus
//! pairs it gave Arabic → English top-1 0.91 where a 0.3 power gave 0.83 and 0.7 gave 0.88,
//! English → Arabic unchanged at 0.98 but for 0.7.) Capitalized English words that the
//! corpus mostly writes in lowercase ("However", title-case "Discuss") are not names.

use super::calendar;
use super::translit::{
    lengths_compatible, score_at_least, ArabicName, LatinName, SoundKey, THRESHOLD,
};
use crate::analysis::normalize::arabic;
use crate::analysis::script::{self, Script};
use crate::analysis::stopwords::is_stop;
use rustc_hash::FxHashMap;

/// The two languages pairing links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ar,
}

impl Lang {
    /// English for `"en"`, Arabic for `"ar"`, nothing for other codes.
    pub fn of(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }
}

/// One article as pairing sees it, in its own language.
#[derive(Debug, Clone)]
pub struct Signature {
    lang: Lang,
    /// Keys the same in both languages, distinct, each with the word that gave it:
    /// ("2401", "٢٤٠١"), ("d0", "Sunday").
    exact: Vec<(String, String)>,
    /// English name-like words, distinct by prepared form: (as written, prepared).
    latin: Vec<(String, LatinName)>,
    /// Arabic words, distinct: (as written, the word's forms).
    arabic: Vec<(String, Vec<ArabicName>)>,
    /// English words written in lowercase, distinct, prepared: a capitalized word that is
    /// mostly written so in the corpus is no name ("However", "Discuss" in a title).
    lowercase: Vec<LatinName>,
}

impl Signature {
    /// Reads an article's title and body (`lang` is its language).
    pub fn new(lang: Lang, title: &str, paragraphs: &[String]) -> Signature {
        let mut sig = Signature {
            lang,
            exact: Vec::new(),
            latin: Vec::new(),
            arabic: Vec::new(),
            lowercase: Vec::new(),
        };
        let mut seen_latin = FxHashMap::default();
        let mut seen_arabic = FxHashMap::default();
        for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
            let mut previous = String::new();
            crate::analysis::each_raw_word(text, |start, end| {
                let word = &text[start..end];
                let Some(script) = word.chars().find_map(script::of_char) else {
                    let digits: String = word
                        .chars()
                        .filter_map(crate::analysis::normalize::ascii_digit)
                        .collect();
                    if digits.len() >= 2 {
                        sig.exact.push((digits, word.to_string()));
                    }
                    return;
                };
                match (script, lang) {
                    (Script::Latin, Lang::En) => {
                        if let Some(key) = calendar::english(word) {
                            sig.exact.push((key.to_string(), word.to_string()));
                        } else if word.starts_with(|c: char| c.is_lowercase()) {
                            if let Some(name) = common_word(word) {
                                sig.lowercase.push(name);
                            }
                        } else if let Some(name) = latin_name(word) {
                            seen_latin.entry(name.clone()).or_insert_with(|| {
                                // Shown without a possessive: "Drian", not "Drian’s".
                                let shown = ["’s", "'s", "’S", "'S"]
                                    .iter()
                                    .find_map(|s| word.strip_suffix(s))
                                    .unwrap_or(word);
                                sig.latin.push((shown.to_string(), name));
                            });
                        }
                    }
                    (Script::Arabic, Lang::Ar) => {
                        let normalized = arabic::normalize(word);
                        if let Some(key) = calendar::arabic_two_words(&previous, &normalized)
                            .or_else(|| calendar::arabic(&normalized))
                        {
                            sig.exact.push((key.to_string(), word.to_string()));
                        } else if !is_stop(Script::Arabic, &normalized) {
                            seen_arabic.entry(normalized.clone()).or_insert_with(|| {
                                let forms = arabic_forms(&normalized);
                                if !forms.is_empty() {
                                    sig.arabic.push((word.to_string(), forms));
                                }
                            });
                        }
                        previous = normalized;
                    }
                    _ => {}
                }
            });
        }
        sig.exact.sort();
        sig.exact.dedup_by(|a, b| a.0 == b.0);
        sig.lowercase
            .sort_unstable_by(|a, b| a.letters().cmp(b.letters()));
        sig.lowercase.dedup();
        sig
    }
}

/// A lowercase English word as [`latin_name`] would prepare it, if it could be one.
fn common_word(word: &str) -> Option<LatinName> {
    if word.len() < 3 {
        return None;
    }
    let lower = crate::analysis::normalize::latin::normalize(word);
    if is_stop(Script::Latin, &lower) {
        return None;
    }
    Some(LatinName::new(&lower))
}

/// A capitalized English word that may be a name, prepared; not a stop word, three letters
/// or more.
fn latin_name(word: &str) -> Option<LatinName> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = crate::analysis::normalize::latin::normalize(word);
    if lower.chars().count() < 3 || is_stop(Script::Latin, &lower) {
        return None;
    }
    let name = LatinName::new(&lower);
    (name.key().len() >= 2).then_some(name)
}

/// The forms of a normalized Arabic word a name may hide in: the word, and the word with a
/// conjunction (و, ف), a preposition (ب, ك, ل) and the article (ال, or ل after ل) taken
/// off, wherever three letters remain. Forms whose sound key is too short to be told apart
/// are left out.
pub(super) fn arabic_forms(word: &str) -> Vec<ArabicName> {
    let letters: Vec<char> = word.chars().collect();
    let mut starts = vec![0];
    let mut at = 0;
    if matches!(letters.first(), Some('و' | 'ف')) {
        at = 1;
        starts.push(at);
    }
    if matches!(letters.get(at), Some('ب' | 'ك' | 'ل')) {
        let prep = letters[at];
        at += 1;
        starts.push(at);
        // لل: ل + the article with its alef dropped.
        if prep == 'ل' && letters.get(at) == Some(&'ل') {
            starts.push(at + 1);
        }
    }
    // A form with the article is left out when one without it remains: the sound key
    // drops a leading ال anyway, so both would be aligned against the same names.
    if letters[at..].starts_with(&['ا', 'ل']) && letters.len() >= at + 5 {
        starts.retain(|&s| s != at);
        starts.push(at + 2);
    }
    let mut forms: Vec<ArabicName> = Vec::new();
    for start in starts {
        if letters.len() < start + 3 {
            continue;
        }
        let rest: String = letters[start..].iter().collect();
        let form = ArabicName::new(&rest);
        if form.key().len() >= 2 && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Name forms of one language: their sound keys and the articles holding them.
struct Names<N> {
    forms: Vec<N>,
    ids: FxHashMap<N, u32>,
    by_key: FxHashMap<SoundKey, Vec<u32>>,
    docs: Vec<Vec<u32>>,
}

impl<N> Default for Names<N> {
    fn default() -> Self {
        Names {
            forms: Vec::new(),
            ids: FxHashMap::default(),
            by_key: FxHashMap::default(),
            docs: Vec::new(),
        }
    }
}

impl<N: Clone + Eq + std::hash::Hash> Names<N> {
    fn add(&mut self, form: &N, key: impl FnOnce() -> SoundKey, doc: u32) {
        let id = match self.ids.get(form) {
            Some(&id) => id,
            None => {
                let id = self.forms.len() as u32;
                self.forms.push(form.clone());
                self.ids.insert(form.clone(), id);
                self.by_key.entry(key()).or_default().push(id);
                self.docs.push(Vec::new());
                id
            }
        };
        let docs = &mut self.docs[id as usize];
        if docs.last() != Some(&doc) {
            docs.push(doc);
        }
    }
}

/// One candidate of [`Pairing::pair`].
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The article's number in the order it was added.
    pub doc: u32,
    pub score: f32,
    /// The query's evidence it shares, weightiest first, as the query writes it.
    pub shared: Vec<String>,
}

/// The signatures of a set of articles, indexed for pairing.
#[derive(Default)]
pub struct Pairing {
    langs: Vec<Option<Lang>>,
    /// Per article: its distinct pieces of evidence (keys, names, words).
    sizes: Vec<u32>,
    /// Per language: shared key → articles.
    exact: [FxHashMap<String, Vec<u32>>; 2],
    latin: Names<LatinName>,
    arabic: Names<ArabicName>,
    /// English words by the number of articles writing them in lowercase.
    lowercase: FxHashMap<LatinName, u32>,
    /// Per language: articles and their summed sizes.
    count: [u32; 2],
    items: [u64; 2],
}

impl Pairing {
    pub fn new() -> Pairing {
        Pairing::default()
    }

    /// Adds an article (its number is the count of articles added before it). An article in
    /// neither language is counted but never a candidate.
    pub fn add(&mut self, lang: Option<Lang>, signature: Option<&Signature>) -> u32 {
        let doc = self.langs.len() as u32;
        self.langs.push(lang);
        let (Some(lang), Some(sig)) = (lang, signature) else {
            self.sizes.push(0);
            return doc;
        };
        let items = (sig.exact.len() + sig.latin.len() + sig.arabic.len()) as u32;
        self.sizes.push(items);
        self.count[lang.index()] += 1;
        self.items[lang.index()] += u64::from(items);
        for (key, _) in &sig.exact {
            let docs = self.exact[lang.index()].entry(key.clone()).or_default();
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
        for (_, name) in &sig.latin {
            self.latin.add(name, || name.key(), doc);
        }
        for word in &sig.lowercase {
            *self.lowercase.entry(word.clone()).or_default() += 1;
        }
        for (_, forms) in &sig.arabic {
            for form in forms {
                self.arabic.add(form, || form.key(), doc);
            }
        }
        doc
    }

    /// The articles in the other language than `sig`'s, best first, at most `limit`;
    /// `exclude` (the query's own number, if it was added) is never a candidate.
    pub fn pair(&self, sig: &Signature, exclude: Option<u32>, limit: usize) -> Vec<Candidate> {
        let target = sig.lang.other();
        let n = self.count[target.index()];
        if n == 0 {
            return Vec::new();
        }
        // Each piece of evidence: (as the query writes it, the target articles holding it).
        let mut evidence: Vec<(&str, Vec<u32>)> = Vec::new();
        for (key, surface) in &sig.exact {
            if let Some(docs) = self.exact[target.index()].get(key) {
                evidence.push((surface, docs.clone()));
            }
        }
        match sig.lang {
            Lang::En => {
                for (surface, name) in sig.latin.iter().filter(|(_, n)| !self.is_word(n)) {
                    let docs = matches(&self.arabic, name.key(), |f| same(name, f));
                    evidence.push((surface, docs));
                }
            }
            Lang::Ar => {
                for (surface, forms) in &sig.arabic {
                    let mut docs = Vec::new();
                    for form in forms {
                        docs.extend(matches(&self.latin, form.key(), |l| {
                            !self.is_word(l) && same(l, form)
                        }));
                    }
                    docs.sort_unstable();
                    docs.dedup();
                    evidence.push((surface, docs));
                }
            }
        }
        let mut total = 0.0f32;
        let mut sums: FxHashMap<u32, (f32, Vec<(f32, usize)>)> = FxHashMap::default();
        for (k, (_, docs)) in evidence.iter().enumerate() {
            if docs.is_empty() {
                continue;
            }
            let weight = (1.0 + n as f32 / docs.len() as f32).ln();
            total += weight;
            for &doc in docs {
                if Some(doc) == exclude {
                    continue;
                }
                let entry = sums.entry(doc).or_default();
                entry.0 += weight;
                entry.1.push((weight, k));
            }
        }
        let average = self.items[target.index()] as f32 / n as f32;
        let mut out: Vec<Candidate> = sums
            .into_iter()
            .map(|(doc, (sum, mut shared))| {
                let length = self.sizes[doc as usize] as f32 / average.max(1.0);
                shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                Candidate {
                    doc,
                    score: sum / total / length.max(0.05).sqrt(),
                    shared: shared
                        .iter()
                        .map(|&(_, k)| evidence[k].0.to_string())
                        .collect(),
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        out.truncate(limit);
        out
    }

    /// Whether a capitalized English word is mostly a common word in the corpus: written in
    /// lowercase in at least half as many articles as capitalized.
    fn is_word(&self, name: &LatinName) -> bool {
        let lower = self.lowercase.get(name).copied().unwrap_or(0);
        let capital = self
            .latin
            .ids
            .get(name)
            .map_or(0, |&id| self.latin.docs[id as usize].len());
        lower > 0 && 2 * lower as usize >= capital
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.langs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.langs.is_empty()
    }

    /// The language of article `doc`, if it has one pairing knows.
    pub fn lang(&self, doc: u32) -> Option<Lang> {
        self.langs.get(doc as usize).copied().flatten()
    }
}

/// Whether the transliteration matcher judges two prepared names one name.
fn same(latin: &LatinName, arabic: &ArabicName) -> bool {
    lengths_compatible(latin.len(), arabic.len())
        && score_at_least(latin, arabic, THRESHOLD).is_some()
}

/// The articles holding a form of `names` with sound key `key` that `same` judges the same
/// name, sorted and distinct.
fn matches<N>(names: &Names<N>, key: SoundKey, same: impl Fn(&N) -> bool) -> Vec<u32> {
    let mut docs = Vec::new();
    for &id in names.by_key.get(&key).map_or(&[][..], Vec::as_slice) {
        if same(&names.forms[id as usize]) {
            docs.extend_from_slice(&names.docs[id as usize]);
        }
    }
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// Signs an article (`None` when its language is neither English nor Arabic).
pub fn sign(article: &crate::Article) -> Option<Signature> {
    Lang::of(&article.lang).map(|lang| Signature::new(lang, &article.title, &article.paragraphs))
}

/// A corpus's articles indexed for pairing, with the corpus id of each pairing number.
pub fn index_corpus(corpus: &crate::Corpus) -> (Pairing, Vec<crate::index::DocId>) {
    let mut pairing = Pairing::new();
    let mut ids = Vec::new();
    for summary in corpus.list(&crate::ListFilter::default()) {
        let Some(stored) = corpus.get(summary.id) else {
            continue;
        };
        let sig = sign(&stored.article);
        pairing.add(sig.as_ref().map(|s| s.lang), sig.as_ref());
        ids.push(summary.id);
    }
    (pairing, ids)
}

/// One candidate for an article of a corpus: its corpus id and file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CorpusCandidate {
    pub id: crate::index::DocId,
    pub file: String,
    pub score: f32,
    pub shared: Vec<String>,
}

/// The articles of `corpus` in the other language than article `id`'s, best first (at
/// most `limit`), or `None` when there is no such article or it is in neither language.
/// The pairing index is built on first use and kept (one per thread) until the corpus's
/// articles change: it is keyed by every article's id and content hash.
pub fn pairs_in(
    corpus: &crate::Corpus,
    id: crate::index::DocId,
    limit: usize,
) -> Option<Vec<CorpusCandidate>> {
    use std::cell::RefCell;
    thread_local! {
        static CACHE: RefCell<Option<(u64, Pairing, Vec<crate::index::DocId>)>> =
            const { RefCell::new(None) };
    }
    let mut fingerprint = crate::hash::OFFSET;
    for s in corpus.list(&crate::ListFilter::default()) {
        fingerprint = crate::hash::fnv1a_from(fingerprint, &s.id.to_le_bytes());
        fingerprint = crate::hash::fnv1a_from(fingerprint, s.hash.as_bytes());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.as_ref().is_none_or(|c| c.0 != fingerprint) {
            let (pairing, ids) = index_corpus(corpus);
            *cache = Some((fingerprint, pairing, ids));
        }
        let (_, pairing, ids) = cache.as_ref()?;
        let doc = ids.iter().position(|&d| d == id)? as u32;
        let sig = sign(&corpus.get(id)?.article)?;
        let ranked = pairing.pair(&sig, Some(doc), limit);
        Some(
            ranked
                .into_iter()
                .filter_map(|c| {
                    let cid = *ids.get(c.doc as usize)?;
                    Some(CorpusCandidate {
                        id: cid,
                        file: corpus.get(cid)?.article.file.clone(),
                        score: c.score,
                        shared: c.shared,
                    })
                })
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> crate::Corpus {
        let mut corpus = crate::Corpus::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path).unwrap();
            corpus.add_bytes(&path.to_string_lossy(), &bytes);
        }
        corpus
    }

    #[test]
    fn pairs_in_a_corpus_follow_its_changes() {
        let mut corpus = seeds();
        let list = corpus.list(&crate::ListFilter::default());
        let id_of = |prefix: &str| {
            list.iter()
                .find(|s| s.file.contains(prefix))
                .map(|s| s.id)
                .unwrap()
        };
        let (english, arabic) = (id_of("/000_"), id_of("/001_"));
        let first = pairs_in(&corpus, english, 3).unwrap();
        assert_eq!(first[0].id, arabic, "{first:?}");
        assert!(first.iter().all(|c| c.id != english));
        // The cache is rebuilt when an article goes.
        corpus.remove(arabic).unwrap();
        let after = pairs_in(&corpus, english, 3).unwrap();
        assert!(after.iter().all(|c| c.id != arabic), "{after:?}");
        assert_eq!(pairs_in(&corpus, 9_999, 3), None);
    }

    #[test]
    fn arabic_forms_take_clitics_off() {
        let forms: Vec<String> = arabic_forms(&arabic::normalize("وبالغوطة"))
            .iter()
            .map(|f| f.letters().iter().collect())
            .collect();
        assert!(forms.contains(&"غوطه".to_string()), "{forms:?}");
        assert!(forms.contains(&"بالغوطه".to_string()), "{forms:?}");
        // The article form goes when a form without it remains (one key, one alignment).
        assert!(!forms.contains(&"الغوطه".to_string()), "{forms:?}");
        let lil: Vec<String> = arabic_forms("لماكرون")
            .iter()
            .map(|f| f.letters().iter().collect())
            .collect();
        assert!(lil.contains(&"ماكرون".to_string()), "{lil:?}");
        // A bare و does not eat a word that starts with it: وليد keeps its own form.
        assert!(arabic_forms("وليد")
            .iter()
            .any(|f| f.letters().iter().collect::<String>() == "وليد"));
    }
}
