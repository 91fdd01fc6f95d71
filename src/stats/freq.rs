//! The word list: per group (form or term) its frequency, document frequency and
//! frequency per million words of the sub-corpus, most frequent first (ties by `term`).
//!
//! Cost: one pass over the sub-corpus's word ids (linear in its words) and one over the
//! vocabulary; rows are cut to the limit after a partial selection.

use super::count::Counts;
use super::job::{Halt, Run};
use super::tokens::By;
use super::tokens::Tokens;
use super::{notes, per_million, sub, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub scope: Scope,
    pub by: By,
    /// List stop words as rows too (they always count in `tokens`).
    pub stop: bool,
    pub limit: usize,
    /// Rows with at least this frequency.
    pub min: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scope: Scope::default(),
            by: By::Form,
            stop: false,
            limit: DEFAULT_LIMIT,
            min: 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub word: String,
    pub term: String,
    pub freq: u64,
    pub docs: u64,
    pub per_million: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Freq {
    /// `N`: every body word of the sub-corpus, stop words included.
    pub tokens: u64,
    /// Distinct groups among them, stop words included.
    pub types: u64,
    /// Articles in the sub-corpus.
    pub docs: u64,
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Tools {
    pub fn freq(&mut self, corpus: &Corpus, options: &Options) -> Result<Freq, Error> {
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, options))
    }
}

/// The word list as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    options: &Options,
) -> Result<Freq, Halt> {
    let sub = sub(run, corpus, &options.scope)?;
    let (docs, warnings) = &*sub;
    let counts = Counts::counted(run, tokens, docs, options.by, true)?;
    run.last(|| {
        let vocab = &tokens.vocab;
        let mut groups: Vec<u32> = counts
            .seen()
            .filter(|&g| counts.freq[g as usize] >= options.min.max(1))
            .filter(|&g| options.stop || !counts.is_stop(tokens, g, options.by))
            .collect();
        let types = counts.seen().count() as u64;
        let freq_of = |g: &u32| counts.freq[*g as usize];
        // The limit's worth by frequency alone (a cheap comparison), ties at the cut kept,
        // then only those ordered by frequency and term.
        if options.limit < groups.len() {
            if options.limit == 0 {
                groups.clear();
            } else {
                groups
                    .select_nth_unstable_by(options.limit - 1, |a, b| freq_of(b).cmp(&freq_of(a)));
                let cut = freq_of(&groups[options.limit - 1]);
                groups.retain(|g| freq_of(g) >= cut);
            }
        }
        groups.sort_unstable_by(|a, b| {
            freq_of(b)
                .cmp(&freq_of(a))
                .then_with(|| vocab.name(*a, options.by).cmp(vocab.name(*b, options.by)))
        });
        groups.truncate(options.limit);
        let rows = groups
            .into_iter()
            .map(|g| {
                let freq = u64::from(counts.freq[g as usize]);
                Row {
                    word: counts.word(tokens, g).to_string(),
                    term: vocab.name(g, options.by).to_string(),
                    freq,
                    docs: u64::from(counts.doc_freq[g as usize]),
                    per_million: per_million(freq, counts.tokens),
                }
            })
            .collect();
        Ok(Freq {
            tokens: counts.tokens,
            types,
            docs: counts.docs as u64,
            rows,
            warnings: notes(warnings.clone()),
        })
    })
}
