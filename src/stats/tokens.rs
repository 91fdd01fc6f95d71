//! The forward index of the corpus tools: per article, the body's words in order as ids
//! of distinct written forms ("surfaces"), and per surface what the analyzer made of it
//! (its normalized, unstemmed form and its main term, both as ids, and whether it is a
//! stop word). Counting a sub-corpus is then a walk over integers, never a second
//! analysis of the text.
//!
//! Built on the first request (search-only users pay nothing) and kept in step with the
//! corpus by [`Tokens::sync`]: an article added since is read, a removed or changed one
//! dropped. Costs 4 bytes a word plus the vocabulary. Positions are the body's word
//! positions, the same ones the store's word marks count, so a line of text is cut out
//! of the body without reading it from the start. Titles are not part of it: every tool
//! counts body words only.

use crate::analysis::{self, normalize, Word};
use crate::Corpus;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// How words are grouped into rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum By {
    /// The written form case-folded and normalized (Arabic letter variants, marks), not
    /// stemmed: بالغوطة and الغوطة are two rows.
    #[default]
    Form,
    /// The analyzer's main term (the stem): بالغوطة and الغوطة are one row.
    Term,
}

/// One distinct written form.
#[derive(Debug)]
pub struct Surface {
    pub text: Box<str>,
    pub word: Rc<Word>,
    pub form: u32,
    pub term: u32,
}

/// Strings numbered in order of arrival.
#[derive(Debug, Default)]
struct Names {
    names: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.ids.insert(name.into(), id);
        id
    }

    fn bytes(&self) -> usize {
        self.names.iter().map(|n| 2 * n.len() + 40).sum()
    }
}

/// Every surface, form and term seen.
#[derive(Debug, Default)]
pub struct Vocab {
    surfaces: Vec<Surface>,
    /// Per surface its form and its term, apart from the rest: counting reads only these
    /// (4 bytes a surface, so a pass over the corpus stays in cache).
    form_of: Vec<u32>,
    term_of: Vec<u32>,
    /// Per form and per term: whether it is a stop word (for a term, whether the first
    /// written form that brought it was one).
    form_stop: Vec<bool>,
    term_stop: Vec<bool>,
    ids: FxHashMap<Box<str>, u32>,
    forms: Names,
    terms: Names,
}

impl Vocab {
    pub fn surface(&self, id: u32) -> &Surface {
        &self.surfaces[id as usize]
    }

    pub fn surfaces(&self) -> usize {
        self.surfaces.len()
    }

    /// The row a surface counts in.
    pub fn group(&self, surface: u32, by: By) -> u32 {
        self.groups_of(by)[surface as usize]
    }

    /// Per surface id, the row it counts in.
    pub fn groups_of(&self, by: By) -> &[u32] {
        match by {
            By::Form => &self.form_of,
            By::Term => &self.term_of,
        }
    }

    /// Whether group `group` is a stop word (see [`Vocab`]'s fields).
    pub fn is_stop(&self, group: u32, by: By) -> bool {
        let stops = match by {
            By::Form => &self.form_stop,
            By::Term => &self.term_stop,
        };
        stops.get(group as usize).copied().unwrap_or(false)
    }

    /// How many groups there are (group ids are below it).
    pub fn groups(&self, by: By) -> usize {
        match by {
            By::Form => self.forms.names.len(),
            By::Term => self.terms.names.len(),
        }
    }

    /// A group's name: the normalized form or the term.
    pub fn name(&self, group: u32, by: By) -> &str {
        let names = match by {
            By::Form => &self.forms.names,
            By::Term => &self.terms.names,
        };
        names.get(group as usize).map_or("", |n| n)
    }

    fn id(&mut self, text: &str, word: &Rc<Word>, analyzer: &analysis::Config) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let (_, form) = if analyzer.normalize {
            normalize::normalize_word(text)
        } else {
            normalize::lowercase_word(text)
        };
        let id = self.surfaces.len() as u32;
        let surface = Surface {
            text: text.into(),
            word: Rc::clone(word),
            form: self.forms.id(&form),
            term: self.terms.id(&word.terms[0]),
        };
        self.form_of.push(surface.form);
        self.term_of.push(surface.term);
        // A new form or term has the next id: its flag goes at the end.
        if surface.form as usize == self.form_stop.len() {
            self.form_stop.push(word.stop);
        }
        if surface.term as usize == self.term_stop.len() {
            self.term_stop.push(word.stop);
        }
        self.surfaces.push(surface);
        self.ids.insert(text.into(), id);
        id
    }
}

/// One article's body words.
#[derive(Debug)]
struct Doc {
    /// The article's content hash when read: a different article under the same id (a
    /// corpus loaded anew) is read again.
    hash: Box<str>,
    words: Box<[u32]>,
}

/// The forward index.
#[derive(Debug, Default)]
pub struct Tokens {
    pub vocab: Vocab,
    docs: Vec<Option<Doc>>,
    /// Articles still to read, ascending ids, while a build goes on in slices
    /// ([`Tokens::step`]); `total` counts those the build set out to read.
    pending: Vec<u32>,
    total: usize,
}

/// How far a build in slices has come: `done` of `total` articles read; `ready` once the
/// index is in step with the corpus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub ready: bool,
}

impl Tokens {
    /// Brings the index in step with `corpus`: reads articles it lacks, drops those gone.
    pub fn sync(&mut self, corpus: &Corpus) {
        while !self.step(corpus, usize::MAX).ready {}
    }

    /// One slice of [`Tokens::sync`]: reads articles until about `budget` words are read
    /// (at least one article), so a caller can report progress and stop between slices
    /// (wasm has no clock: work is counted, not timed). The corpus may change between
    /// slices: an article gone or replaced meanwhile is skipped, and the last slice checks
    /// every article again.
    pub fn step(&mut self, corpus: &Corpus, budget: usize) -> Progress {
        if self.pending.is_empty() {
            self.drop_stale(corpus);
            self.pending = corpus
                .ids()
                .filter(|&id| !self.docs.get(id as usize).is_some_and(Option::is_some))
                .collect();
            // Read from the end of the list: taking from a vector's end costs nothing.
            self.pending.reverse();
            self.total = self.pending.len();
            if self.pending.is_empty() {
                return Progress {
                    done: 0,
                    total: 0,
                    ready: true,
                };
            }
        }
        let analyzer = *corpus.analyzer();
        let mut spent = 0usize;
        while spent < budget {
            let Some(id) = self.pending.pop() else {
                break;
            };
            let Some(stored) = corpus.get(id) else {
                continue;
            };
            let at = id as usize;
            if self.docs.get(at).is_some_and(Option::is_some) {
                continue;
            }
            let body = stored.article.body();
            let mut words = Vec::with_capacity(stored.body_tokens as usize);
            analysis::each_word(&body, &analyzer, |start, end, word| {
                words.push(self.vocab.id(&body[start..end], word, &analyzer));
            });
            spent = spent.saturating_add(words.len().max(1));
            if self.docs.len() <= at {
                self.docs.resize_with(at + 1, || None);
            }
            self.docs[at] = Some(Doc {
                hash: stored.hash.as_str().into(),
                words: words.into(),
            });
        }
        let done = self.total - self.pending.len();
        if !self.pending.is_empty() {
            return Progress {
                done,
                total: self.total,
                ready: false,
            };
        }
        // Whatever changed while the slices ran (all of it, when nothing did, is in step).
        self.drop_stale(corpus);
        let ready = corpus.ids().all(|id| {
            corpus.get(id).is_none() || self.docs.get(id as usize).is_some_and(Option::is_some)
        });
        Progress {
            done,
            total: self.total,
            ready,
        }
    }

    /// Forgets articles removed from the corpus or replaced under the same id.
    fn drop_stale(&mut self, corpus: &Corpus) {
        for (id, doc) in self.docs.iter_mut().enumerate() {
            let stale = doc
                .as_ref()
                .is_some_and(|d| corpus.get(id as u32).is_none_or(|s| *s.hash != *d.hash));
            if stale {
                *doc = None;
            }
        }
    }

    /// The body words of article `id` as surface ids (empty for an unknown id).
    pub fn words(&self, id: u32) -> &[u32] {
        match self.docs.get(id as usize) {
            Some(Some(d)) => &d.words,
            _ => &[],
        }
    }

    /// Approximate heap bytes: word ids, per-article records and the vocabulary.
    pub fn heap_bytes(&self) -> usize {
        let docs: usize = self
            .docs
            .iter()
            .map(|d| {
                8 + d
                    .as_ref()
                    .map_or(0, |d| 32 + d.hash.len() + 4 * d.words.len())
            })
            .sum();
        // Text twice (the list and the map's key), the record, two group ids, a map slot.
        let surfaces: usize = self
            .vocab
            .surfaces
            .iter()
            .map(|s| 2 * s.text.len() + 48 + 8 + 24)
            .sum();
        docs + surfaces + self.vocab.forms.bytes() + self.vocab.terms.bytes()
    }
}
