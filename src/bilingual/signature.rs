//! One article as same-story pairing reads it: a [`Signature`] of the evidence that can be
//! the same in English and Arabic. Keys that are equal in both languages (numbers, with
//! Arabic-Indic digits folded; month and weekday keys from [`super::calendar`]), the
//! lexicon entities the article mentions (by id, with their names in both scripts, when a
//! lexicon is linked), and its name-like words: English capitalized words, and every Arabic
//! word that is not a stop word with its forms after و/ف, ب/ك/ل and ال are taken off.
//! [`super::pairing`] indexes and compares them.

use super::calendar;
use super::translit::{ArabicName, LatinName};
use crate::analysis::normalize::arabic;
use crate::analysis::script::{self, Script};
use crate::analysis::stopwords::is_stop;
use rustc_hash::{FxHashMap, FxHashSet};

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

    pub(super) fn index(self) -> usize {
        self as usize
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }
}

/// One article as pairing sees it, in its own language.
#[derive(Debug, Clone)]
pub struct Signature {
    pub(super) lang: Lang,
    /// Keys the same in both languages, distinct, each with the word that gave it:
    /// ("2401", "٢٤٠١"), ("d0", "Sunday").
    pub(super) exact: Vec<(String, String)>,
    /// Lexicon entities mentioned, distinct by id, sorted: (id, [English name, Arabic
    /// name]). Empty without a lexicon.
    pub(super) entities: Vec<(String, [String; 2])>,
    /// English name-like words, distinct by prepared form: (as written, prepared).
    pub(super) latin: Vec<(String, LatinName)>,
    /// Arabic words, distinct: (as written, the word's forms).
    pub(super) arabic: Vec<(String, Vec<ArabicName>)>,
    /// English words written in lowercase, distinct, prepared: a capitalized word that is
    /// mostly written so in the corpus is no name ("However", "Discuss" in a title).
    pub(super) lowercase: Vec<LatinName>,
    /// The words of the entities' names in the article's own language, as [`Signature::covered`]
    /// compares them (normalized; Arabic: each form's letters), sorted.
    covering: Vec<String>,
}

impl Signature {
    /// Reads an article's title and body (`lang` is its language).
    pub fn new(lang: Lang, title: &str, paragraphs: &[String]) -> Signature {
        let mut sig = Signature {
            lang,
            exact: Vec::new(),
            entities: Vec::new(),
            latin: Vec::new(),
            arabic: Vec::new(),
            lowercase: Vec::new(),
            covering: Vec::new(),
        };
        let mut seen_latin = FxHashMap::default();
        let mut seen_arabic = FxHashSet::default();
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
                        } else if !seen_arabic.contains(&normalized)
                            && !is_stop(Script::Arabic, &normalized)
                        {
                            let forms = arabic_forms(&normalized);
                            if !forms.is_empty() {
                                sig.arabic.push((word.to_string(), forms));
                            }
                            seen_arabic.insert(normalized.clone());
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

impl Signature {
    /// The signature with the lexicon entities the article mentions added as evidence:
    /// `(id, English name, Arabic name)` each (repeats are dropped).
    pub fn with_entities<I>(mut self, entities: I) -> Signature
    where
        I: IntoIterator<Item = (String, String, String)>,
    {
        for (id, en, ar) in entities {
            self.entities.push((id, [en, ar]));
        }
        self.entities.sort_by(|a, b| a.0.cmp(&b.0));
        self.entities.dedup_by(|a, b| a.0 == b.0);
        let own = self.lang.index();
        let mut covering: Vec<String> = Vec::new();
        for (_, names) in &self.entities {
            covering.extend(cover_keys(self.lang, &names[own]));
        }
        covering.sort_unstable();
        covering.dedup();
        self.covering = covering;
        self
    }

    /// The entities mentioned: id and [English, Arabic] names.
    pub fn entity_names(&self) -> impl Iterator<Item = (&str, &[String; 2])> {
        self.entities.iter().map(|(id, names)| (id.as_str(), names))
    }

    /// The article's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether a name-like word of this signature is a word of one of its entities' names
    /// in the signature's own language ("Macron" of "Emmanuel Macron", لماكرون of ماكرون):
    /// shown once, as the entity, in a reason.
    pub(super) fn covered(&self, word: &str) -> bool {
        cover_keys(self.lang, word).any(|k| self.covering.binary_search(&k).is_ok())
    }
}

/// The keys [`Signature::covered`] compares a name's words by: Latin words normalized,
/// Arabic words as the letters of each of their forms (clitics off).
fn cover_keys(lang: Lang, name: &str) -> impl Iterator<Item = String> + '_ {
    // Arabic splits at spaces only: a diacritic is no letter but belongs to its word.
    let words = name
        .split(move |c: char| match lang {
            Lang::En => !c.is_alphanumeric(),
            Lang::Ar => c.is_whitespace(),
        })
        .filter(|w| !w.is_empty());
    words.flat_map(move |w| match lang {
        Lang::En => vec![crate::analysis::normalize::latin::normalize(w)],
        Lang::Ar => arabic_forms(&arabic::normalize(w))
            .iter()
            .map(|f| f.letters().iter().collect())
            .collect(),
    })
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
        let form = ArabicName::normalized(letters[start..].iter().copied());
        if form.key().len() >= 2 && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// Signs an article (`None` when its language is neither English nor Arabic).
pub fn sign(article: &crate::Article) -> Option<Signature> {
    Lang::of(&article.lang).map(|lang| Signature::new(lang, &article.title, &article.paragraphs))
}

/// Signs an article with the entities `recognizer` finds in its title and body.
pub fn sign_linked(article: &crate::Article, recognizer: &super::Recognizer) -> Option<Signature> {
    let sig = sign(article)?;
    let mut found = Vec::new();
    for text in std::iter::once(&article.title).chain(&article.paragraphs) {
        for m in recognizer.recognize(text) {
            if let Some(e) = recognizer.lexicon().get(&m.entity) {
                found.push((e.id.clone(), e.en.clone(), e.ar.clone()));
            }
        }
    }
    Some(sig.with_entities(found))
}

#[cfg(test)]
mod tests {
    use super::*;

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
