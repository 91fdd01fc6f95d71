//! Entity recognition over analysed words. Every name of the lexicon (both scripts, every
//! alias) is analysed once by the one analyzer into a sequence of term ids; recognition
//! is then one pass over an article's words, looking up each word's terms (its main term
//! and its clitic readings) among the first terms of names and checking the few names that
//! start there. Because names and articles go through the same analyzer, لماكرون, وبوتين
//! and بالغوطة meet ماكرون, بوتين and الغوطة through the analyzer's clitic readings,
//! أ/ا/إ and ة/ه through its normalization, Iran's meets Iran, and ٢٤٠١ meets 2401.
//!
//! Matches are leftmost-longest: at each word the longest name that matches wins ("Bashar
//! al-Assad" over "Assad"), and the next search starts after it. A name several entities
//! share (the same alias) is given to the one for which it is a canonical name, else the
//! first in the lexicon, with a confidence of one over their number; a match through a
//! clitic reading (وزير read as و + زير) counts less than one through main terms.

use super::lexicon::{Entry, Lexicon};
use crate::analysis::{self, Word};
use crate::query::link::{EntityName, Expansion, Linker};
use crate::query::Node;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::rc::Rc;

/// Words a name may have; longer ones are not recognised (no real name comes near).
pub const MAX_NAME_WORDS: usize = 12;
/// Term ids of a word kept for matching: its main term and up to two readings.
const READINGS: usize = 3;
/// No term: a word none of whose terms begins or continues a name.
const NONE: u32 = u32::MAX;
/// How much a match through a clitic reading counts against one through main terms.
const READING_CONFIDENCE: f32 = 0.8;

/// One name of one entity, compiled.
#[derive(Clone, Debug)]
pub(super) struct Name {
    pub terms: Box<[u32]>,
    /// Each word's form (normalized, not stemmed): among names that match alike, the one
    /// written as the text writes it wins (بوتين is Putin, not بوتان Bhutan, though both
    /// stem to بوت).
    pub forms: Box<[u32]>,
    pub entity: u32,
    pub text: Box<str>,
    pub arabic: bool,
    /// The entity's canonical English or Arabic name (not an alias).
    pub canonical: bool,
}

/// A found mention, for the reader and the CLI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub entity: String,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
}

/// A name's term ids or forms, one per word.
type Terms = Box<[u32]>;

/// The lexicon compiled for recognition and expansion.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {
    lexicon: Lexicon,
    terms: FxHashMap<Box<str>, u32>,
    /// Names by their first term id, longest first.
    starts: FxHashMap<u32, Vec<u32>>,
    pub(super) names: Vec<Name>,
}

/// What matching needs of a word: the term ids names use ([`NONE`] in the unused
/// places) and its form.
#[derive(Clone, Copy, Debug)]
pub(super) struct Key {
    ids: [u32; READINGS],
    form: u32,
    /// The form without its proclitic (وبوتين → بوتين), when a name term came from the
    /// word's clitic reading; else 0.
    reading_form: u32,
}

/// The best name at a place: which, whether only main readings matched, and how many
/// entities match there equally well.
#[derive(Clone, Copy, Debug)]
pub(super) struct Match {
    pub name: u32,
    pub main: bool,
    pub rivals: u32,
}

impl Recognizer {
    pub fn new(lexicon: Lexicon) -> Self {
        let mut r = Recognizer {
            lexicon: Lexicon::default(),
            terms: FxHashMap::default(),
            starts: FxHashMap::default(),
            names: Vec::new(),
        };
        let mut seen: FxHashMap<(Box<[u32]>, u32), ()> = FxHashMap::default();
        for (number, entry) in lexicon.entries().iter().enumerate() {
            for (i, (text, arabic)) in entry.names().enumerate() {
                let Some((terms, forms)) = r.compile(text) else {
                    continue;
                };
                if seen.insert((terms.clone(), number as u32), ()).is_some() {
                    continue;
                }
                let canonical = is_canonical(entry, i);
                r.names.push(Name {
                    terms,
                    forms,
                    entity: number as u32,
                    text: text.into(),
                    arabic,
                    canonical,
                });
            }
        }
        for (i, name) in r.names.iter().enumerate() {
            r.starts.entry(name.terms[0]).or_default().push(i as u32);
        }
        let names = &r.names;
        for list in r.starts.values_mut() {
            // Longest first; at equal length a canonical name before an alias, then
            // lexicon order: the first match found is the one kept.
            list.sort_unstable_by_key(|&n| {
                let name = &names[n as usize];
                (
                    std::cmp::Reverse(name.terms.len()),
                    !name.canonical,
                    name.entity,
                )
            });
        }
        r.lexicon = lexicon;
        r
    }

    /// A name's term ids (each word's main term), interned; `None` for a name with no
    /// words, too many words, or only a stop word (a lone "US" would match "us").
    fn compile(&mut self, text: &str) -> Option<(Terms, Terms)> {
        let words = analysis::words(text, &analysis::Config::default());
        if words.is_empty() || words.len() > MAX_NAME_WORDS || (words.len() == 1 && words[0].stop) {
            return None;
        }
        let mut out = Vec::with_capacity(words.len());
        for w in &words {
            let next = self.terms.len() as u32;
            let id = *self.terms.entry(w.terms[0].as_str().into()).or_insert(next);
            out.push(id);
        }
        let forms: Vec<u32> = words.iter().map(|w| w.form).collect();
        Some((out.into(), forms.into()))
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Distinct compiled names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// The term ids of a word that some name uses, and its form.
    fn key(&self, word: &Word) -> Key {
        // By reading: `ids[0]` is the main term's, the others the clitic readings'.
        let mut ids = [NONE; READINGS];
        let mut through_reading = false;
        for (i, term) in word.terms.iter().take(READINGS).enumerate() {
            if let Some(&id) = self.terms.get(term.as_str()) {
                ids[i] = id;
                through_reading |= i > 0;
            }
        }
        // Rare (a clitic before a name), so normalizing again here costs little.
        let reading_form = if through_reading {
            analysis::proclitic_reading_form(&word.exact)
        } else {
            0
        };
        Key {
            ids,
            form: word.form,
            reading_form,
        }
    }

    /// Whether name `n` matches the words from `i`: `None` if not, else whether through
    /// main terms only and whether every word is written as the name writes it.
    pub(super) fn fits(&self, keys: &[Key], i: usize, n: u32) -> Option<(bool, bool)> {
        let name = &self.names[n as usize];
        if i + name.terms.len() > keys.len() {
            return None;
        }
        let mut main = true;
        let mut same_form = true;
        for (k, (t, f)) in name.terms.iter().zip(name.forms.iter()).enumerate() {
            let key = &keys[i + k];
            let p = key.ids.iter().position(|x| x == t)?;
            main &= p == 0;
            same_form &= key.form == *f || (p > 0 && key.reading_form == *f);
        }
        Some((main, same_form))
    }

    /// The best name starting at word `i`: the longest; at equal length one written as
    /// the text writes it, then one matched through main terms, then a canonical name,
    /// then the first entity. `rivals` counts the entities that match as well.
    pub(super) fn match_at(&self, keys: &[Key], i: usize) -> Option<Match> {
        let mut best: Option<(usize, (bool, bool, bool), Match)> = None;
        let mut rivals: Vec<u32> = Vec::new();
        for &first in keys[i].ids.iter().filter(|&&id| id != NONE) {
            let Some(list) = self.starts.get(&first) else {
                continue;
            };
            for &n in list {
                let name = &self.names[n as usize];
                let len = name.terms.len();
                if best.as_ref().is_some_and(|b| len < b.0) {
                    break; // the list is longest first
                }
                let Some((main, same_form)) = self.fits(keys, i, n) else {
                    continue;
                };
                let quality = (same_form, main, name.canonical);
                let m = Match {
                    name: n,
                    main,
                    rivals: 1,
                };
                match &best {
                    Some((b_len, b_quality, _)) if *b_len == len => {
                        if (quality.0, quality.1) == (b_quality.0, b_quality.1)
                            && !rivals.contains(&name.entity)
                        {
                            rivals.push(name.entity);
                        }
                        if quality > *b_quality {
                            if (quality.0, quality.1) != (b_quality.0, b_quality.1) {
                                rivals.clear();
                                rivals.push(name.entity);
                            }
                            best = Some((len, quality, m));
                        }
                    }
                    _ => {
                        rivals.clear();
                        rivals.push(name.entity);
                        best = Some((len, quality, m));
                    }
                }
            }
        }
        best.map(|(_, _, m)| Match {
            rivals: rivals.len().max(1) as u32,
            ..m
        })
    }

    /// The keys of `words`, for [`Recognizer::match_at`].
    pub(super) fn keys(&self, words: &[Rc<Word>]) -> Vec<Key> {
        words.iter().map(|w| self.key(w)).collect()
    }

    /// Calls `f(first word, name, match)` for each leftmost-longest match.
    fn each_match(&self, keys: &[Key], mut f: impl FnMut(usize, &Name, Match)) {
        let mut i = 0;
        while i < keys.len() {
            match self.match_at(keys, i) {
                Some(m) => {
                    let name = &self.names[m.name as usize];
                    f(i, name, m);
                    i += name.terms.len();
                }
                None => i += 1,
            }
        }
    }

    /// The entities named in `text`, with their places and confidence.
    pub fn recognize(&self, text: &str) -> Vec<Mention> {
        let mut words = Vec::new();
        let mut places = Vec::new();
        analysis::each_word(text, &analysis::Config::default(), |s, e, w| {
            words.push(Rc::clone(w));
            places.push((s, e));
        });
        let keys = self.keys(&words);
        let mut out = Vec::new();
        self.each_match(&keys, |i, name, m| {
            let len = name.terms.len();
            let reading = if m.main { 1.0 } else { READING_CONFIDENCE };
            out.push(Mention {
                entity: self.lexicon.entries()[name.entity as usize].id.clone(),
                start: places[i].0,
                end: places[i + len - 1].1,
                confidence: reading / m.rivals as f32,
            });
        });
        out
    }

    pub(super) fn entry(&self, entity: u32) -> Option<&Entry> {
        self.lexicon.entries().get(entity as usize)
    }
}

/// Whether name `i` of `entry.names()` is its canonical English or Arabic name.
fn is_canonical(entry: &Entry, i: usize) -> bool {
    let en = usize::from(!entry.en.is_empty());
    (i == 0 && en == 1) || (i == en + entry.en_alt.len() && !entry.ar.is_empty())
}

impl Linker for Recognizer {
    fn mentions(&self, words: &[Rc<Word>], counts: &mut FxHashMap<u32, u32>) {
        let keys = self.keys(words);
        self.each_match(&keys, |_, name, _| {
            *counts.entry(name.entity).or_default() += 1;
        });
    }

    fn spans(&self, words: &[Rc<Word>]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        self.each_match(&self.keys(words), |i, name, _| {
            out.push((i, name.terms.len(), name.entity));
        });
        out
    }

    fn expand(&self, node: Node) -> (Node, Vec<Expansion>) {
        super::expand::expand(self, node)
    }

    fn entity(&self, entity: u32) -> Option<EntityName> {
        self.entry(entity).map(|e| EntityName {
            id: e.id.clone(),
            kind: e.kind.clone(),
            en: e.en.clone(),
            ar: e.ar.clone(),
        })
    }

    fn known_words(&self) -> Vec<String> {
        use crate::analysis::normalize::{arabic, latin};
        let mut out = Vec::new();
        for entry in self.lexicon.entries() {
            for (name, is_arabic) in entry.names() {
                analysis::each_raw_word(name, |start, end| {
                    let word = &name[start..end];
                    if is_arabic {
                        let normalized = arabic::normalize(word);
                        for form in super::name_words::arabic_forms(&normalized) {
                            out.push(form.letters().iter().collect());
                        }
                        out.push(normalized);
                    } else {
                        out.push(latin::normalize(word));
                    }
                });
            }
        }
        out
    }

    fn find(&self, id: &str) -> Option<u32> {
        self.lexicon
            .entries()
            .iter()
            .position(|e| e.id == id)
            .map(|p| p as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recognizer() -> Recognizer {
        let text = include_str!("../../tests/data/lexicon-small.tsv");
        Recognizer::new(Lexicon::parse(text).expect("test lexicon"))
    }

    fn found(r: &Recognizer, text: &str) -> Vec<(String, String)> {
        r.recognize(text)
            .into_iter()
            .map(|m| (m.entity, text[m.start..m.end].to_string()))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn recognises_clitics_spellings_and_possessives() {
        let r = recognizer();
        assert_eq!(
            found(&r, "اتصل لماكرون وبوتين بشأن بالغوطة وإيران"),
            pairs(&[
                ("person:emmanuel-macron", "لماكرون"),
                ("person:vladimir-putin", "وبوتين"),
                ("region:eastern-ghouta", "بالغوطة"),
                ("country:ir", "وإيران"),
            ])
        );
        assert_eq!(
            found(&r, "Iran's Rouhani and Russia’s Putin; ايران"),
            pairs(&[
                ("country:ir", "Iran's"),
                ("person:hassan-rouhani", "Rouhani"),
                ("country:ru", "Russia’s"),
                ("person:vladimir-putin", "Putin"),
                ("country:ir", "ايران"),
            ])
        );
    }

    #[test]
    fn prefers_the_longest_match() {
        let r = recognizer();
        assert_eq!(
            found(&r, "besieged Eastern Ghouta, then Ghouta; الغوطة الشرقية"),
            pairs(&[
                ("region:eastern-ghouta", "Eastern Ghouta"),
                ("region:eastern-ghouta", "Ghouta"),
                ("region:eastern-ghouta", "الغوطة الشرقية"),
            ])
        );
        assert_eq!(
            found(&r, "Hafez al-Assad and Bashar al-Assad; Assad"),
            pairs(&[
                ("person:hafez-al-assad", "Hafez al-Assad"),
                ("person:bashar-al-assad", "Bashar al-Assad"),
                ("person:bashar-al-assad", "Assad"),
            ])
        );
        assert_eq!(
            found(&r, "Jean-Yves Le Drian, Le Drian, لودريان, لو دريان"),
            pairs(&[
                ("person:jean-yves-le-drian", "Jean-Yves Le Drian"),
                ("person:jean-yves-le-drian", "Le Drian"),
                ("person:jean-yves-le-drian", "لودريان"),
                ("person:jean-yves-le-drian", "لو دريان"),
            ])
        );
    }

    #[test]
    fn numbers_meet_in_either_digits() {
        let r = recognizer();
        assert_eq!(
            found(&r, "القرار ٢٤٠١ and Resolution 2401"),
            pairs(&[
                ("event:unsc-resolution-2401", "القرار ٢٤٠١"),
                ("event:unsc-resolution-2401", "Resolution 2401"),
            ])
        );
    }

    #[test]
    fn a_shared_name_has_a_lower_confidence() {
        let text = "# qarin-lexicon v1\nperson:a\tperson\t\tAli Hamid\t\tHamid\nperson:b\tperson\t\tHamid\t\t\nperson:c\tperson\t\tOmar Hamid\t\tHamid\n";
        let r = Recognizer::new(Lexicon::parse(text).expect("valid"));
        let m = r.recognize("Hamid said");
        assert_eq!(m.len(), 1);
        // The canonical name wins over the aliases of the two others.
        assert_eq!(m[0].entity, "person:b");
        assert!((m[0].confidence - 1.0 / 3.0).abs() < 1e-6);
        let m = r.recognize("وزير");
        assert!(m.is_empty());
    }
}
