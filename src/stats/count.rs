//! Word counts over a set of articles: per group (form or term) its frequency, document
//! frequency and most frequent written form. Every tool that shows rows counts here.

use super::job::{Halt, Run};
use super::tokens::{By, Tokens};
use std::rc::Rc;

pub const NONE: u32 = u32::MAX;

/// Counts over some articles.
pub struct Counts {
    /// `N`: every body word of the articles.
    pub tokens: u64,
    pub docs: usize,
    /// Per group id.
    pub freq: Vec<u32>,
    pub doc_freq: Vec<u32>,
    /// Per group id the surface id of its most frequent written form ([`NONE`] if unseen).
    pub best: Vec<u32>,
    /// Per surface id its frequency.
    pub surface_freq: Vec<u32>,
}

impl Counts {
    /// Counts the body words of `docs` (ascending ids) grouped `by`, as a stage of `run`
    /// (in slices over the articles); with `doc_freq` false, document frequencies are left
    /// empty: collocates and keyness need none, and skipping them halves the random reads
    /// per word.
    pub fn counted(
        run: &mut Run,
        tokens: &Tokens,
        docs: &[u32],
        by: By,
        doc_freq: bool,
    ) -> Result<Rc<Counts>, Halt> {
        /// The running tally: per surface its frequency; per group its document frequency
        /// and the last article that raised it.
        struct Tally {
            surface_freq: Vec<u32>,
            doc_freq: Vec<u32>,
            last: Vec<u32>,
            n: u64,
        }
        let vocab = &tokens.vocab;
        let groups = if doc_freq { vocab.groups(by) } else { 0 };
        let group_of = vocab.groups_of(by);
        run.pass(
            "counting",
            docs.len(),
            || Tally {
                surface_freq: vec![0; vocab.surfaces()],
                doc_freq: vec![0; groups],
                last: vec![NONE; groups],
                n: 0,
            },
            |t, i| {
                let doc = docs[i];
                let words = tokens.words(doc);
                t.n += words.len() as u64;
                for &s in words {
                    t.surface_freq[s as usize] += 1;
                }
                if doc_freq {
                    for &s in words {
                        let g = group_of[s as usize] as usize;
                        if t.last[g] != doc {
                            t.last[g] = doc;
                            t.doc_freq[g] += 1;
                        }
                    }
                }
                words.len()
            },
            |t| {
                let (freq, best) = Self::groups(tokens, &t.surface_freq, by);
                Counts {
                    tokens: t.n,
                    docs: docs.len(),
                    freq,
                    doc_freq: t.doc_freq,
                    best,
                    surface_freq: t.surface_freq,
                }
            },
        )
    }

    /// Per group its frequency and its most frequent surface, from surface frequencies.
    pub fn groups(tokens: &Tokens, surface_freq: &[u32], by: By) -> (Vec<u32>, Vec<u32>) {
        let vocab = &tokens.vocab;
        let groups = vocab.groups(by);
        let group_of = vocab.groups_of(by);
        let mut freq = vec![0u32; groups];
        let mut best = vec![NONE; groups];
        for (s, &f) in surface_freq.iter().enumerate() {
            if f == 0 {
                continue;
            }
            let g = group_of[s] as usize;
            freq[g] += f;
            let better = match best[g] {
                NONE => true,
                b => {
                    let bf = surface_freq[b as usize];
                    f > bf || (f == bf && *vocab.surface(s as u32).text < *vocab.surface(b).text)
                }
            };
            if better {
                best[g] = s as u32;
            }
        }
        (freq, best)
    }

    /// The written form shown for group `g` ("" if unseen).
    pub fn word<'a>(&self, tokens: &'a Tokens, g: u32) -> &'a str {
        match self.best.get(g as usize) {
            Some(&s) if s != NONE => &tokens.vocab.surface(s).text,
            _ => "",
        }
    }

    /// Whether group `g` is a stop word (its form is one; a term: see `Vocab::is_stop`).
    pub fn is_stop(&self, tokens: &Tokens, g: u32, by: By) -> bool {
        tokens.vocab.is_stop(g, by)
    }

    /// Groups that occur, in no particular order.
    pub fn seen(&self) -> impl Iterator<Item = u32> + '_ {
        self.freq
            .iter()
            .enumerate()
            .filter(|(_, &f)| f > 0)
            .map(|(g, _)| g as u32)
    }
}
