//! One article as same-story pairing reads it: a [`Signature`] of the evidence that can be
//! the same in English and Arabic. Keys that are equal in both languages (numbers, with
//! Arabic-Indic digits folded; month and weekday keys from [`super::calendar`]), the
//! lexicon entities the article mentions (by id, with their names in both scripts, when a
//! lexicon is linked), and its name-like words: English capitalized words, and every Arabic
//! word that is not a stop word with its forms after و/ف, ب/ك/ل and ال are taken off.
//! [`super::pairing`] indexes and compares them.

use super::calendar;
use super::name_words::{arabic_forms, arabic_may_hold_name, latin_may_be_name, latin_name_word};
use super::translit::{ArabicName, LatinName};
use crate::analysis::normalize::arabic;
use crate::analysis::script::{self, Script};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::rc::Rc;

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
    /// Arabic words, distinct: (as written, the word's forms, shared with the other
    /// signatures holding the word).
    pub(super) arabic: Vec<(String, Rc<[ArabicName]>)>,
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
        // Words as written already read in this article: a repeat adds nothing, so it is
        // not normalized again (about half of an article's words). An Arabic word keeps
        // whether it may start a two-word month, for the word after it.
        let mut read_latin: FxHashSet<&str> = FxHashSet::default();
        let mut read_arabic: FxHashMap<&str, Option<&'static str>> = FxHashMap::default();
        for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
            // The previous Arabic word, when it may start a two-word month.
            let mut head: Option<&'static str> = None;
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
                        if !read_latin.insert(word) {
                            return;
                        }
                        if let Some(key) = calendar::english(word) {
                            sig.exact.push((key.to_string(), word.to_string()));
                        } else if word.starts_with(|c: char| c.is_lowercase()) {
                            if let Some(name) = common_word(word) {
                                sig.lowercase.push(name);
                            }
                        } else if let Some((shown, name)) = latin_name(word) {
                            seen_latin
                                .entry(name.clone())
                                .or_insert_with(|| sig.latin.push((shown.to_string(), name)));
                        }
                    }
                    (Script::Arabic, Lang::Ar) => {
                        if head.is_none() {
                            if let Some(&starts) = read_arabic.get(word) {
                                head = starts;
                                return;
                            }
                        }
                        let normalized = arabic::normalize(word);
                        let starts = calendar::month_head(&normalized);
                        // A word already read is no calendar name (those never enter
                        // `seen_arabic`) and adds nothing more.
                        if let Some(key) =
                            head.and_then(|h| calendar::arabic_two_words(h, &normalized))
                        {
                            sig.exact.push((key.to_string(), word.to_string()));
                        } else if seen_arabic.contains(&normalized) {
                        } else if let Some(key) = calendar::arabic(&normalized) {
                            sig.exact.push((key.to_string(), word.to_string()));
                        } else {
                            if arabic_may_hold_name(&normalized) {
                                let forms = shared_forms(&normalized);
                                if !forms.is_empty() {
                                    sig.arabic.push((word.to_string(), forms));
                                }
                            }
                            seen_arabic.insert(normalized);
                        }
                        head = starts;
                        read_arabic.insert(word, starts);
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
    // Fewer than three bytes hold fewer than three letters: no need to normalize.
    if word.len() < 3 {
        return None;
    }
    let lower = crate::analysis::normalize::latin::normalize(word);
    latin_may_be_name(&lower).then(|| LatinName::new(&lower))
}

/// A capitalized English word that may be a name ([`latin_name_word`]): as shown, and
/// prepared, when its sound key is long enough to be told apart.
fn latin_name(word: &str) -> Option<(&str, LatinName)> {
    let (shown, lower) = latin_name_word(word)?;
    let name = LatinName::new(&lower);
    (name.key().len() >= 2).then_some((shown, name))
}

thread_local! {
    /// Each normalized Arabic word's forms, shared by the signatures that hold it: a
    /// corpus's articles repeat most of their words, and working the forms out per article
    /// was a third of signing (and a copy of them per article most of a signature's memory).
    static FORMS: RefCell<FxHashMap<Box<str>, Rc<[ArabicName]>>> = RefCell::default();
}

/// Words [`FORMS`] holds before it is emptied (some 20 MB).
const FORMS_KEPT: usize = 1 << 17;

/// [`arabic_forms`] of a normalized word, from [`FORMS`] when it was seen before.
fn shared_forms(normalized: &str) -> Rc<[ArabicName]> {
    FORMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(forms) = cache.get(normalized) {
            return Rc::clone(forms);
        }
        let forms: Rc<[ArabicName]> = arabic_forms(normalized).into();
        if cache.len() >= FORMS_KEPT {
            cache.clear();
        }
        cache.insert(normalized.into(), Rc::clone(&forms));
        forms
    })
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
    fn repeated_words_are_read_once_and_keep_what_they_give() {
        let keys = |sig: &Signature| sig.exact.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        // الثاني alone first, then as the end of كانون الثاني: the month is still found.
        let ar = Signature::new(
            Lang::Ar,
            "الثاني في الغوطة",
            &["وصل الوفد الثاني إلى الغوطة في كانون الثاني وبالغوطة ماكرون ماكرون".into()],
        );
        assert_eq!(keys(&ar), vec!["m1".to_string()]);
        let words: Vec<&str> = ar.arabic.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words.iter().filter(|&&w| w == "ماكرون").count(),
            1,
            "{words:?}"
        );
        assert_eq!(
            words.iter().filter(|&&w| w == "الغوطة").count(),
            1,
            "{words:?}"
        );
        assert!(words.contains(&"وبالغوطة"), "{words:?}");
        // One shared list of forms for one word, in one article and across articles.
        let other = Signature::new(Lang::Ar, "ماكرون", &[]);
        let forms = |sig: &Signature| {
            sig.arabic
                .iter()
                .find(|(w, _)| w == "ماكرون")
                .map(|(_, f)| Rc::clone(f))
                .unwrap()
        };
        assert!(Rc::ptr_eq(&forms(&ar), &forms(&other)));
        // English: a repeat changes nothing; its first spelling is the one shown.
        let en = Signature::new(
            Lang::En,
            "Macron’s call",
            &["Macron called Sunday; macron, Sunday, call.".into()],
        );
        assert_eq!(keys(&en), vec!["d0".to_string()]);
        assert_eq!(
            en.latin.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>(),
            vec!["Macron"]
        );
        assert_eq!(en.lowercase.len(), 3, "call, called, macron");
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
