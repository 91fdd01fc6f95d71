//! Evaluating a parsed query against the index: each node yields the articles it matches
//! with a score, or nothing when it places no constraint (a lone stop word). Words are
//! analyzed by the same analyzer as the articles; a word that analyzes to several tokens
//! (Jean-Yves) becomes a phrase.

use super::bm25::{self, Fields};
use super::parse::Node;
use crate::analysis::{self, Token};
use crate::index::{postings, DocStore, Posting, Postings, Reading};
use std::collections::{HashMap, HashSet};

pub type Scores = HashMap<u32, f32>;

/// What a search needs of the corpus, plus what it learns for highlighting.
pub struct Plan<'a> {
    pub store: &'a DocStore,
    pub postings: &'a Postings,
    pub analyzer: &'a analysis::Config,
    /// Match every word by its exact surface form.
    pub exact: bool,
    /// Count stop words as ordinary words (used when a query holds nothing else).
    pub keep_stop: bool,
    /// Terms and exact forms that matched positively, for snippets.
    pub highlight_terms: HashSet<String>,
    pub highlight_exact: HashSet<String>,
}

impl<'a> Plan<'a> {
    pub fn new(
        store: &'a DocStore,
        postings: &'a Postings,
        analyzer: &'a analysis::Config,
        exact: bool,
    ) -> Self {
        Plan {
            store,
            postings,
            analyzer,
            exact,
            keep_stop: false,
            highlight_terms: HashSet::new(),
            highlight_exact: HashSet::new(),
        }
    }

    pub fn eval(&mut self, node: &Node, negated: bool) -> Option<Scores> {
        match node {
            Node::Word { text, exact } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                let exact = *exact || self.exact;
                match tokens.len() {
                    0 => None,
                    1 if !exact && tokens[0].stop && !self.keep_stop => None,
                    1 => Some(self.word(&tokens[0], exact, negated)),
                    _ => Some(self.phrase(&tokens, exact, negated)),
                }
            }
            Node::Phrase { text } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                if tokens.is_empty() {
                    return None;
                }
                let exact = self.exact;
                Some(self.phrase(&tokens, exact, negated))
            }
            Node::Not(inner) => {
                let excluded = self.eval(inner, !negated)?;
                Some(self.all_but(&excluded))
            }
            Node::And(parts) => {
                let mut positive: Vec<Scores> = Vec::new();
                let mut excluded: Vec<Scores> = Vec::new();
                for part in parts {
                    match part {
                        Node::Not(inner) => excluded.extend(self.eval(inner, !negated)),
                        _ => positive.extend(self.eval(part, negated)),
                    }
                }
                let mut result = if positive.is_empty() {
                    if excluded.is_empty() {
                        return None;
                    }
                    self.all_but(&Scores::new())
                } else {
                    positive.sort_by_key(|s| s.len());
                    let mut iter = positive.into_iter();
                    let mut acc = iter.next().unwrap_or_default();
                    for other in iter {
                        acc.retain(|doc, score| match other.get(doc) {
                            Some(s) => {
                                *score += s;
                                true
                            }
                            None => false,
                        });
                    }
                    acc
                };
                for ex in &excluded {
                    result.retain(|doc, _| !ex.contains_key(doc));
                }
                Some(result)
            }
            Node::Or(parts) => {
                let mut any = false;
                let mut acc = Scores::new();
                for part in parts {
                    if let Some(scores) = self.eval(part, negated) {
                        any = true;
                        for (doc, s) in scores {
                            *acc.entry(doc).or_default() += s;
                        }
                    }
                }
                any.then_some(acc)
            }
        }
    }

    fn all_but(&self, excluded: &Scores) -> Scores {
        self.store
            .iter()
            .filter(|(id, _)| !excluded.contains_key(id))
            .map(|(id, _)| (id, 0.0))
            .collect()
    }

    /// Per-field counts of `positions` in article `doc`.
    fn fields(&self, doc: u32, positions: impl Iterator<Item = u32>, weight: f32) -> Fields {
        let mut f = Fields::default();
        if let Some(stored) = self.store.get(doc) {
            let body_at = postings::body_start(stored.title_tokens);
            for p in positions {
                if p < body_at {
                    f.title_tf += weight;
                } else {
                    f.body_tf += weight;
                }
            }
            f.title_len = stored.title_tokens as f32;
            f.body_len = stored.body_tokens as f32;
        }
        f
    }

    fn bm25(&self, idf: f32, f: Fields) -> f32 {
        let (mean_title, mean_body) = self.store.mean_lengths();
        bm25::score(idf, f, mean_title, mean_body)
    }

    /// The posting lists a query token matches, each with its weight.
    fn lists(&self, token: &Token, exact: bool) -> Vec<(&'a [Posting], f32)> {
        if exact {
            return vec![(self.postings.get_exact(&token.exact), 1.0)];
        }
        let mut out = Vec::new();
        for (i, term) in token.terms.iter().enumerate() {
            let q = if i == 0 {
                1.0
            } else {
                bm25::ALTERNATIVE_WEIGHT
            };
            out.push((self.postings.get(term, Reading::Main), q));
            out.push((
                self.postings.get(term, Reading::Alternative),
                q * bm25::ALTERNATIVE_WEIGHT,
            ));
        }
        out
    }

    fn note_highlight(&mut self, token: &Token, exact: bool) {
        if exact {
            self.highlight_exact.insert(token.exact.clone());
        } else {
            self.highlight_terms.extend(token.terms.iter().cloned());
        }
    }

    fn word(&mut self, token: &Token, exact: bool, negated: bool) -> Scores {
        if !negated {
            self.note_highlight(token, exact);
        }
        let n = self.store.len();
        let mut out = Scores::new();
        for (list, weight) in self.lists(token, exact) {
            let idf = bm25::idf(n, list.len());
            for p in list {
                let s =
                    weight * self.bm25(idf, self.fields(p.doc, p.positions.iter().copied(), 1.0));
                let e = out.entry(p.doc).or_default();
                *e = e.max(s);
            }
        }
        out
    }

    fn phrase(&mut self, tokens: &[Token], exact: bool, negated: bool) -> Scores {
        if !negated {
            tokens.iter().for_each(|t| self.note_highlight(t, exact));
        }
        let lists: Vec<_> = tokens.iter().map(|t| self.lists(t, exact)).collect();
        // Positions of token i in doc: union over its lists.
        let positions = |i: usize, doc: u32| -> HashSet<u32> {
            lists[i]
                .iter()
                .filter_map(|(list, _)| postings::find(list, doc))
                .flat_map(|p| p.positions.iter().copied())
                .collect()
        };
        let candidates: HashSet<u32> = lists[0]
            .iter()
            .flat_map(|(l, _)| l.iter().map(|p| p.doc))
            .collect();
        let n = self.store.len();
        let idf: f32 = tokens
            .iter()
            .zip(&lists)
            .filter(|(t, _)| !t.stop)
            .map(|(_, l)| bm25::idf(n, l.first().map_or(0, |(list, _)| list.len())))
            .sum::<f32>()
            .max(bm25::idf(n, n));
        let mut out = Scores::new();
        for doc in candidates {
            let sets: Vec<HashSet<u32>> = (0..tokens.len()).map(|i| positions(i, doc)).collect();
            if sets.iter().any(HashSet::is_empty) {
                continue;
            }
            let starts: Vec<u32> = sets[0]
                .iter()
                .copied()
                .filter(|&p| (1..tokens.len()).all(|i| sets[i].contains(&(p + i as u32))))
                .collect();
            if !starts.is_empty() {
                let f = self.fields(doc, starts.into_iter(), 1.0);
                out.insert(doc, self.bm25(idf, f));
            }
        }
        out
    }
}
