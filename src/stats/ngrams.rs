//! N-grams (clusters) of 2–5 consecutive words inside an article, grouped by form or term,
//! each shown as its groups' written forms joined by a space (each group's most frequent
//! written form in the sub-corpus). Over all text, or `around` a query: only n-grams lying
//! wholly inside the window of one of its matches (each position counted once).
//!
//! Cost: one pass over the sub-corpus's words, one hash-map update per position; memory
//! grows with the distinct n-grams (at most the words of the sub-corpus).

use super::count::Counts;
use super::matches::find;
use super::tokens::By;
use super::{invalid, notes, subcorpus, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use rustc_hash::FxHashMap;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub scope: Scope,
    pub by: By,
    /// Words per n-gram, 2–5.
    pub n: usize,
    /// Rows with at least this frequency.
    pub min: u32,
    pub limit: usize,
    /// Only n-grams inside the windows of this query's matches (empty: all text).
    pub around: String,
    /// Words left and right of a match that its window takes in.
    pub window: (usize, usize),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scope: Scope::default(),
            by: By::Form,
            n: 2,
            min: 2,
            limit: DEFAULT_LIMIT,
            around: String::new(),
            window: (5, 5),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub ngram: String,
    pub freq: u64,
    pub docs: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ngrams {
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Words a window may reach on one side.
pub const MAX_WINDOW: usize = 50;

/// One n-gram's groups, unused places 0 (n is fixed per request, so no clash).
type Key = [u32; 5];

impl Tools {
    pub fn ngrams(&mut self, corpus: &Corpus, options: &Options) -> Result<Ngrams, Error> {
        let n = options.n;
        if !(2..=5).contains(&n) {
            return Err(invalid(format!("n-gram size {n} is not from 2 to 5")));
        }
        if options.window.0 > MAX_WINDOW || options.window.1 > MAX_WINDOW {
            return Err(invalid(format!(
                "a window side is above the most, {MAX_WINDOW}"
            )));
        }
        let (docs, mut warnings) = subcorpus(corpus, &options.scope)?;
        let tokens = self.ready(corpus);
        let around = if options.around.trim().is_empty() {
            None
        } else {
            let found = find(corpus, tokens, &options.around, &options.scope, &docs)?;
            warnings.extend(found.warnings);
            Some(found.matches)
        };
        let vocab = &tokens.vocab;
        // (freq, docs, last doc seen)
        let mut seen: FxHashMap<Key, (u32, u32, u32)> = FxHashMap::default();
        let mut count = |doc: u32, words: &[u32], from: usize, to: usize| {
            for start in from..(to + 1).saturating_sub(n) {
                let mut key = [0u32; 5];
                for (k, &s) in words[start..start + n].iter().enumerate() {
                    key[k] = vocab.group(s, options.by);
                }
                let e = seen.entry(key).or_insert((0, 0, u32::MAX));
                e.0 += 1;
                if e.2 != doc {
                    e.2 = doc;
                    e.1 += 1;
                }
            }
        };
        match &around {
            None => {
                for &doc in &docs {
                    let words = tokens.words(doc);
                    count(doc, words, 0, words.len());
                }
            }
            Some(matches) => {
                // Windows of one article merged where they overlap, so a position counts once.
                let mut i = 0;
                while i < matches.len() {
                    let doc = matches[i].doc;
                    let words = tokens.words(doc);
                    let mut spans: Vec<(usize, usize)> = Vec::new();
                    while i < matches.len() && matches[i].doc == doc {
                        let m = matches[i];
                        let from = (m.pos as usize).saturating_sub(options.window.0);
                        let to =
                            (m.pos as usize + m.len as usize + options.window.1).min(words.len());
                        match spans.last_mut() {
                            Some(last) if from <= last.1 => last.1 = last.1.max(to),
                            _ => spans.push((from, to)),
                        }
                        i += 1;
                    }
                    for (from, to) in spans {
                        count(doc, words, from, to);
                    }
                }
            }
        }
        let mut rows: Vec<(Key, u32, u32)> = seen
            .into_iter()
            .filter(|(_, v)| v.0 >= options.min.max(1))
            .map(|(k, v)| (k, v.0, v.1))
            .collect();
        // The shown words: each group's most frequent written form in the sub-corpus.
        let counts = Counts::of(tokens, &docs, options.by);
        let text = |key: &Key| -> String {
            key[..n]
                .iter()
                .map(|&g| counts.word(tokens, g))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let names = |key: &Key| -> Vec<&str> {
            key[..n]
                .iter()
                .map(|&g| vocab.name(g, options.by))
                .collect()
        };
        let order = |a: &(Key, u32, u32), b: &(Key, u32, u32)| {
            b.1.cmp(&a.1).then_with(|| names(&a.0).cmp(&names(&b.0)))
        };
        if options.limit < rows.len() {
            if options.limit > 0 {
                rows.select_nth_unstable_by(options.limit - 1, order);
            }
            rows.truncate(options.limit);
        }
        rows.sort_unstable_by(order);
        Ok(Ngrams {
            rows: rows
                .iter()
                .map(|(k, f, d)| Row {
                    ngram: text(k),
                    freq: u64::from(*f),
                    docs: u64::from(*d),
                })
                .collect(),
            warnings: notes(warnings),
        })
    }
}
