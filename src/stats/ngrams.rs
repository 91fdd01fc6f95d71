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

const NONE: u32 = u32::MAX;

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
        let group_of = vocab.groups_of(options.by);
        // The text counted, as runs of one article each: (article, first, end) into `g`.
        let mut g: Vec<u32> = Vec::new();
        let mut runs: Vec<(u32, usize, usize)> = Vec::new();
        let mut take = |doc: u32, words: &[u32]| {
            let first = g.len();
            g.extend(words.iter().map(|&s| group_of[s as usize]));
            runs.push((doc, first, g.len()));
        };
        match &around {
            None => {
                for &doc in &docs {
                    take(doc, tokens.words(doc));
                }
            }
            Some(matches) => {
                // Windows of one article merged where they overlap: a position counts once.
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
                        take(doc, words.get(from..to).unwrap_or(&[]));
                    }
                }
            }
        }
        let table = count_ngrams(&g, &runs, n, options.min.max(1), vocab.groups(options.by));
        let mut rows: Vec<(Key, u32, u32)> = table
            .into_iter()
            .map(|(first, freq, docs)| {
                let mut key = [0u32; 5];
                key[..n].copy_from_slice(&g[first..first + n]);
                (key, freq, docs)
            })
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

/// The n-grams of `g` (group ids; `runs` are its articles' stretches, which n-grams never
/// cross) that occur at least `min` times, as `(first position, freq, docs)`.
///
/// Built a length at a time: an n-gram is its (n − 1)-gram's id and one more group, so
/// each level is one hash-map pass over 64-bit keys; and a k-gram can reach `min` only if
/// both (k − 1)-grams inside it do, so positions where either fell short are skipped.
fn count_ngrams(
    g: &[u32],
    runs: &[(u32, usize, usize)],
    n: usize,
    min: u32,
    groups: usize,
) -> Vec<(usize, u32, u32)> {
    // Level 1: a word is its group, kept where the group is frequent enough.
    let mut freq1 = vec![0u32; groups];
    for &x in g {
        freq1[x as usize] += 1;
    }
    let mut ids: Vec<u32> = g
        .iter()
        .map(|&x| if freq1[x as usize] >= min { x } else { NONE })
        .collect();
    let mut found: Vec<(usize, u32, u32)> = Vec::new();
    for k in 2..=n {
        let mut map: FxHashMap<u64, u32> = FxHashMap::default();
        // Per k-gram id: (first position, freq, docs, last doc).
        let mut stats: Vec<(usize, u32, u32, u32)> = Vec::new();
        let mut next = vec![NONE; g.len()];
        for &(doc, first, end) in runs {
            if end - first < k {
                continue;
            }
            for p in first..=end - k {
                let (prefix, suffix) = (ids[p], ids[p + 1]);
                if prefix == NONE || suffix == NONE {
                    continue;
                }
                let key = (u64::from(prefix) << 32) | u64::from(g[p + k - 1]);
                let fresh = stats.len() as u32;
                let id = *map.entry(key).or_insert(fresh);
                if id == fresh {
                    stats.push((p, 0, 0, NONE));
                }
                let e = &mut stats[id as usize];
                e.1 += 1;
                if e.3 != doc {
                    e.3 = doc;
                    e.2 += 1;
                }
                next[p] = id;
            }
        }
        if k == n {
            found = stats
                .into_iter()
                .filter(|e| e.1 >= min)
                .map(|e| (e.0, e.1, e.2))
                .collect();
            break;
        }
        for id in next.iter_mut() {
            if *id != NONE && stats[*id as usize].1 < min {
                *id = NONE;
            }
        }
        ids = next;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Every n-gram counted one by one, as `(groups, freq, docs)`, sorted.
    fn naive(
        g: &[u32],
        runs: &[(u32, usize, usize)],
        n: usize,
        min: u32,
    ) -> Vec<(Vec<u32>, u32, u32)> {
        let mut seen: BTreeMap<Vec<u32>, (u32, Vec<u32>)> = BTreeMap::new();
        for &(doc, first, end) in runs {
            for p in first..(end + 1).saturating_sub(n).max(first) {
                let e = seen.entry(g[p..p + n].to_vec()).or_default();
                e.0 += 1;
                if e.1.last() != Some(&doc) {
                    e.1.push(doc);
                }
            }
        }
        seen.into_iter()
            .filter(|(_, v)| v.0 >= min)
            .map(|(k, v)| (k, v.0, v.1.len() as u32))
            .collect()
    }

    #[test]
    fn pruned_levels_count_what_counting_one_by_one_counts() {
        // Words from a small alphabet (many repeats) in runs of uneven length, some too
        // short for an n-gram.
        let mut state = 7u64;
        let mut g = Vec::new();
        let mut runs = Vec::new();
        for doc in 0..40u32 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 59) as usize * 3;
            let first = g.len();
            for _ in 0..len {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                g.push((state >> 61) as u32);
            }
            runs.push((doc, first, g.len()));
        }
        for n in 2..=5 {
            for min in 1..=4 {
                let mut fast: Vec<(Vec<u32>, u32, u32)> = count_ngrams(&g, &runs, n, min, 8)
                    .into_iter()
                    .map(|(p, f, d)| (g[p..p + n].to_vec(), f, d))
                    .collect();
                fast.sort();
                assert_eq!(fast, naive(&g, &runs, n, min), "n = {n}, min = {min}");
            }
        }
    }
}
