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
        // Over all text, the written forms are counted in the same pass (the shown words).
        let mut surface_freq: Vec<u32> = Vec::new();
        match &around {
            None => {
                surface_freq = vec![0; vocab.surfaces()];
                for &doc in &docs {
                    let words = tokens.words(doc);
                    for &s in words {
                        surface_freq[s as usize] += 1;
                    }
                    take(doc, words);
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
        let table = top_ngrams(
            &g,
            &runs,
            n,
            options.min.max(1),
            options.limit,
            vocab.groups(options.by),
        );
        let mut rows: Vec<(Key, u32, u32)> = table
            .into_iter()
            .map(|(first, freq, docs)| {
                let mut key = [0u32; 5];
                key[..n].copy_from_slice(&g[first..first + n]);
                (key, freq, docs)
            })
            .collect();
        // The shown words: each group's most frequent written form in the sub-corpus.
        let best = if around.is_none() {
            Counts::groups(tokens, &surface_freq, options.by).1
        } else {
            Counts::of(tokens, &docs, options.by).best
        };
        let word = |g: u32| match best.get(g as usize) {
            Some(&s) if s != super::count::NONE => &*vocab.surface(s).text,
            _ => "",
        };
        let text = |key: &Key| -> String {
            key[..n]
                .iter()
                .map(|&g| word(g))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Ties by the groups' names, compared in place (no list made per comparison).
        let by = options.by;
        let order = |a: &(Key, u32, u32), b: &(Key, u32, u32)| {
            b.1.cmp(&a.1).then_with(|| {
                a.0[..n]
                    .iter()
                    .map(|&g| vocab.name(g, by))
                    .cmp(b.0[..n].iter().map(|&g| vocab.name(g, by)))
            })
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

/// Every n-gram of `g` that could be among the `limit` most frequent (those counted at
/// least `min` times), as [`count_ngrams`] gives them.
///
/// An n-gram occurring `t` times needs each of its words and shorter n-grams to occur at
/// least `t` times, so counting with a high floor `t` skips most positions at the first
/// levels and keeps the tables small. If `limit` n-grams reach the floor, they are exactly
/// the top `limit` (every n-gram at or above the floor is counted, ties included); if not,
/// the floor comes down (a quarter each time) until it is `min`. A first floor of one in
/// 256·limit words finds the top 100 trigrams of the 1.67 M shared words in one pass
/// (floor 65: 185 found; at 260 only 10, and a second pass).
fn top_ngrams(
    g: &[u32],
    runs: &[(u32, usize, usize)],
    n: usize,
    min: u32,
    limit: usize,
    groups: usize,
) -> Vec<(usize, u32, u32)> {
    let guess = g.len() / limit.saturating_mul(256).max(1);
    let mut floor = u32::try_from(guess).unwrap_or(u32::MAX).max(min);
    loop {
        let table = count_ngrams(g, runs, n, floor, groups);
        if table.len() >= limit || floor == min {
            return table;
        }
        floor = (floor / 4).max(min);
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
    for k in 2..=n {
        let last_level = k == n;
        let mut map: FxHashMap<u64, u32> = FxHashMap::default();
        // Per k-gram id: first position and frequency; on the last level also the
        // articles it is in and the last one seen.
        let mut first_at: Vec<u32> = Vec::new();
        let mut freq: Vec<u32> = Vec::new();
        let mut docs: Vec<(u32, u32)> = Vec::new();
        let mut next = if last_level {
            Vec::new()
        } else {
            vec![NONE; g.len()]
        };
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
                let fresh = freq.len() as u32;
                let id = *map.entry(key).or_insert(fresh);
                if id == fresh {
                    first_at.push(p as u32);
                    freq.push(0);
                    if last_level {
                        docs.push((0, NONE));
                    }
                }
                freq[id as usize] += 1;
                if last_level {
                    let d = &mut docs[id as usize];
                    if d.1 != doc {
                        *d = (d.0 + 1, doc);
                    }
                } else {
                    next[p] = id;
                }
            }
        }
        if last_level {
            return (0..freq.len())
                .filter(|&i| freq[i] >= min)
                .map(|i| (first_at[i] as usize, freq[i], docs[i].0))
                .collect();
        }
        for id in next.iter_mut() {
            if *id != NONE && freq[*id as usize] < min {
                *id = NONE;
            }
        }
        ids = next;
    }
    Vec::new()
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

    /// Words from a small alphabet in runs of uneven length (many repeats, some runs too
    /// short for an n-gram).
    fn sample(seed: u64, docs: u32, alphabet: u32) -> (Vec<u32>, Vec<(u32, usize, usize)>) {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        let mut g = Vec::new();
        let mut runs = Vec::new();
        for doc in 0..docs {
            let len = (next() % 40) as usize;
            let first = g.len();
            for _ in 0..len {
                // Skewed: low ids far more frequent, as words are.
                let a = next() as u32 % alphabet;
                g.push(a.min(next() as u32 % alphabet));
            }
            runs.push((doc, first, g.len()));
        }
        (g, runs)
    }

    #[test]
    fn the_top_found_with_a_high_floor_are_the_top_of_every_ngram() {
        let (g, runs) = sample(11, 300, 30);
        for n in 2..=4 {
            for limit in [1, 5, 40, 400, 100_000] {
                for min in [1, 3] {
                    let order = |rows: &mut Vec<(Vec<u32>, u32, u32)>| {
                        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                        rows.truncate(limit);
                    };
                    let mut fast: Vec<(Vec<u32>, u32, u32)> =
                        top_ngrams(&g, &runs, n, min, limit, 30)
                            .into_iter()
                            .map(|(p, f, d)| (g[p..p + n].to_vec(), f, d))
                            .collect();
                    order(&mut fast);
                    let mut all = naive(&g, &runs, n, min);
                    order(&mut all);
                    assert_eq!(fast, all, "n = {n}, limit = {limit}, min = {min}");
                }
            }
        }
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
