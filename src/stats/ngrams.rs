//! N-grams (clusters) of 2–5 consecutive words inside an article, grouped by form or term,
//! each shown as its groups' written forms joined by a space (each group's most frequent
//! written form in the sub-corpus). Over all text, or `around` a query: only n-grams lying
//! wholly inside the window of one of its matches (each position counted once).
//!
//! Cost: one pass over the sub-corpus's words, one hash-map update per position; memory
//! grows with the distinct n-grams (at most the words of the sub-corpus).

use super::count::Counts;
use super::job::{Halt, Progress, Run};
use super::matches::find;
use super::tokens::By;
use super::tokens::Tokens;
use super::{invalid, notes, sub, Scope, Tools, DEFAULT_LIMIT};
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
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, options))
    }
}

/// The text counted, as runs of one article each: group ids `g`, and per run `(article,
/// first, end)` into `g`; over all text also the written forms' frequencies (the shown
/// words are counted in the same pass).
struct Text {
    g: Vec<u32>,
    runs: Vec<(u32, usize, usize)>,
    surface_freq: Vec<u32>,
}

impl Text {
    fn take(&mut self, doc: u32, words: &[u32], group_of: &[u32]) {
        let first = self.g.len();
        self.g.extend(words.iter().map(|&s| group_of[s as usize]));
        self.runs.push((doc, first, self.g.len()));
    }
}

/// N-grams as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    options: &Options,
) -> Result<Ngrams, Halt> {
    let n = options.n;
    if !(2..=5).contains(&n) {
        return Err(invalid(format!("n-gram size {n} is not from 2 to 5")).into());
    }
    if options.window.0 > MAX_WINDOW || options.window.1 > MAX_WINDOW {
        return Err(invalid(format!("a window side is above the most, {MAX_WINDOW}")).into());
    }
    let sub = sub(run, corpus, &options.scope)?;
    let docs = &sub.0;
    let around = !options.around.trim().is_empty();
    let found = if around {
        Some(find(
            run,
            corpus,
            tokens,
            &options.around,
            &options.scope,
            docs,
        )?)
    } else {
        None
    };
    let vocab = &tokens.vocab;
    let group_of = vocab.groups_of(options.by);
    let empty = || Text {
        g: Vec::new(),
        runs: Vec::new(),
        surface_freq: Vec::new(),
    };
    let text = match &found {
        None => run.pass(
            "collecting",
            docs.len(),
            || Text {
                surface_freq: vec![0; vocab.surfaces()],
                ..empty()
            },
            |text, i| {
                let words = tokens.words(docs[i]);
                for &s in words {
                    text.surface_freq[s as usize] += 1;
                }
                text.take(docs[i], words, group_of);
                words.len()
            },
            |text| text,
        )?,
        // Windows of one article merged where they overlap: a position counts once.
        Some(found) => run.once(|| {
            let matches = &found.matches;
            let mut text = empty();
            let mut i = 0;
            while i < matches.len() {
                let doc = matches[i].doc;
                let words = tokens.words(doc);
                let mut spans: Vec<(usize, usize)> = Vec::new();
                while i < matches.len() && matches[i].doc == doc {
                    let m = matches[i];
                    let from = (m.pos as usize).saturating_sub(options.window.0);
                    let to = (m.pos as usize + m.len as usize + options.window.1).min(words.len());
                    match spans.last_mut() {
                        Some(last) if from <= last.1 => last.1 = last.1.max(to),
                        _ => spans.push((from, to)),
                    }
                    i += 1;
                }
                for (from, to) in spans {
                    text.take(doc, words.get(from..to).unwrap_or(&[]), group_of);
                }
            }
            Ok(text)
        })?,
    };
    let (g, runs) = (&text.g, &text.runs);
    // Over all text, the groups' counts (the n-grams' first level) and shown words come
    // from the written forms counted while reading.
    let groups = match &found {
        None => Some(run.once(|| Ok(Counts::groups(tokens, &text.surface_freq, options.by)))?),
        Some(_) => None,
    };
    let (min, limit) = (options.min.max(1), options.limit);
    let table = run.resume(
        "n-grams",
        || match &groups {
            Some(groups) => Count::with_words(g.len(), n, min, limit, groups.0.clone()),
            None => Count::new(g.len(), n, min, limit, vocab.groups(options.by)),
        },
        |count, budget| count.step(g, runs, budget),
        |count| count.table,
    )?;
    // The shown words: each group's most frequent written form in the sub-corpus.
    let best = match &found {
        None => None,
        Some(_) => Some(Counts::counted(run, tokens, docs, options.by, false)?),
    };
    run.last(|| {
        let best = match (&best, &groups) {
            (Some(counts), _) => &counts.best,
            (None, Some(groups)) => &groups.1,
            (None, None) => unreachable!("shown words come from one count or the other"),
        };
        let mut rows: Vec<(Key, u32, u32)> = table
            .iter()
            .map(|&(first, freq, docs)| {
                let mut key = [0u32; 5];
                key[..n].copy_from_slice(&g[first..first + n]);
                (key, freq, docs)
            })
            .collect();
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
        let mut warnings = sub.1.clone();
        if let Some(found) = &found {
            warnings.extend(found.warnings.iter().cloned());
        }
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
    })
}

/// Finds every n-gram of a text that could be among the `limit` most frequent (those
/// counted at least `min` times), as `(first position, freq, docs)`, in steps.
///
/// An n-gram occurring `t` times needs each of its words and shorter n-grams to occur at
/// least `t` times, so counting with a high floor `t` skips most positions at the first
/// levels and keeps the tables small. If `limit` n-grams reach the floor, they are exactly
/// the top `limit` (every n-gram at or above the floor is counted, ties included); if not,
/// the floor comes down (a quarter each time) until it is `min`. A first floor of one in
/// 256·limit words finds the top 100 trigrams of the 1.67 M shared words in one pass
/// (floor 65: 185 found; at 260 only 10, and a second pass).
///
/// Each floor is counted a length at a time: level 0 counts the words, then level k the
/// k-grams, each an article (run) at a time. A k-gram is its (k − 1)-gram's id and one more
/// group, so a level is one hash-map pass over 64-bit keys; and a k-gram can reach the floor
/// only if both (k − 1)-grams inside it do, so positions where either fell short are
/// skipped. Whether one fell short is read from the last level's counts when it is used, so
/// no level ends with a pass over every position (at 100k articles such a pass held the
/// worker for 200 ms). Hashed pairs are first sketched (a walk adding one per pair to a
/// bucket), and trigrams are then counted straight from the sketch, with no exact walk of
/// the pairs: at 100k articles, natively, trigrams took 1,250 ms with that walk and
/// 730–970 without.
struct Count {
    n: usize,
    min: u32,
    limit: usize,
    floor: u32,
    /// 0 (the words), then the k-gram length being counted.
    level: usize,
    /// The next run of the level.
    at: usize,
    freq1: Vec<u32>,
    /// Per position 1 + the id of the (level − 1)-gram starting there (0: not counted);
    /// from level 3 on.
    ids: Vec<u32>,
    /// The last level's frequencies by id.
    last_freq: Vec<u32>,
    /// The level's k-grams: id by key, and per id first position and frequency (on the
    /// last level in `tally`, beside the articles it is in and the last one seen: one
    /// place to reach per position); before the last level, per position 1 + the id of
    /// the k-gram there (zeroed memory: the allocator's fresh pages cost nothing to clear).
    map: FxHashMap<u64, u32>,
    first_at: Vec<u32>,
    freq: Vec<u32>,
    tally: Vec<Tally>,
    next: Vec<u32>,
    /// Pairs walk the runs twice: first every pair that could be counted adds
    /// one to its bucket of `sketch`, then only those whose bucket reached the floor are
    /// counted exactly (a bucket holds at least its pairs' counts, so none is missed).
    /// The sketch is small enough to stay in cache, and the exact table then holds only
    /// the frequent pairs: a table of every pair missed the cache at each position (half
    /// of the n-grams' time at 100k articles). When the pairs are not the last level, the
    /// second walk is skipped (`skip_pairs`).
    sketching: bool,
    sketch: Vec<u16>,
    sketch_bits: u32,
    /// After the sketch's walk, per bucket whether it reached the floor, one bit each
    /// (128 KB at most: it stays in a nearer cache than the sketch's 2 MB).
    passing: Vec<u64>,
    /// Trigrams after sketched pairs skip the pairs' exact walk (the longest at 100k
    /// articles): a trigram is keyed by its three groups (21 bits each, so when there are at
    /// most 2^21 groups) and counted where both pairs inside it have a bucket at the floor.
    /// Off in tests to walk the exact pairs too.
    skip_pairs: bool,
    /// The level counted is the trigrams, straight after the pairs' sketch.
    pairs_sketched: bool,
    table: Vec<(usize, u32, u32)>,
}

/// A last-level n-gram's counts.
#[derive(Clone, Copy)]
struct Tally {
    freq: u32,
    docs: u32,
    /// The last article it was seen in (`NONE`: none yet).
    last_doc: u32,
}

/// A key's bucket of a sketch of 2^`bits` buckets.
fn bucket(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

impl Count {
    fn new(words: usize, n: usize, min: u32, limit: usize, groups: usize) -> Count {
        let guess = words / limit.saturating_mul(256).max(1);
        Count {
            n,
            min,
            limit,
            floor: u32::try_from(guess).unwrap_or(u32::MAX).max(min),
            level: 0,
            at: 0,
            freq1: vec![0; groups],
            ids: Vec::new(),
            last_freq: Vec::new(),
            map: FxHashMap::default(),
            first_at: Vec::new(),
            freq: Vec::new(),
            tally: Vec::new(),
            next: Vec::new(),
            sketching: false,
            sketch: Vec::new(),
            sketch_bits: 0,
            passing: Vec::new(),
            skip_pairs: true,
            pairs_sketched: false,
            table: Vec::new(),
        }
    }

    /// [`Count::new`] for a text whose words' counts are known (`freq1`, per group): it
    /// starts with the pairs.
    fn with_words(words: usize, n: usize, min: u32, limit: usize, freq1: Vec<u32>) -> Count {
        let mut count = Count::new(words, n, min, limit, 0);
        count.freq1 = freq1;
        count.end_level(words);
        count
    }

    /// Counts runs until about `budget` positions are read or the table is made.
    fn step(&mut self, g: &[u32], runs: &[(u32, usize, usize)], budget: &mut usize) -> Progress {
        while *budget > 0 {
            if self.at == runs.len() {
                if self.end_level(g.len()) {
                    return Progress::Done;
                }
                continue;
            }
            let (doc, first, end) = runs[self.at];
            self.at += 1;
            if self.level == 0 {
                for &x in &g[first..end] {
                    self.freq1[x as usize] += 1;
                }
            } else {
                self.count_run(g, doc, first, end);
            }
            *budget = budget.saturating_sub((end - first).max(1));
        }
        // Level 0, two walks for the pairs (the second skipped before trigrams), one for
        // each longer level.
        let walk = match self.level {
            0 => 0,
            2 => 1 + usize::from(!self.sketching),
            k => k,
        };
        Progress::Partly(walk * runs.len() + self.at, (self.n + 1) * runs.len())
    }

    /// Counts the k-grams of one run (k = the level).
    fn count_run(&mut self, g: &[u32], doc: u32, first: usize, end: usize) {
        let k = self.level;
        if end - first < k {
            return;
        }
        let floor = self.floor;
        // One loop per way of reading the (k − 1)-grams, each compiled on its own.
        if k == 2 {
            self.walk(g, doc, first, end, |count, p| {
                let x = g[p];
                (count.freq1[x as usize] >= floor).then_some(x)
            });
        } else if self.pairs_sketched {
            // A pair's bucket at the floor (the id is then unused).
            let bits = self.sketch_bits;
            self.walk(g, doc, first, end, |count, p| {
                let key = (u64::from(g[p]) << 32) | u64::from(g[p + 1]);
                count.passes(bucket(key, bits)).then_some(0)
            });
        } else {
            self.walk(g, doc, first, end, |count, p| {
                let id = count.ids[p].checked_sub(1)?;
                (count.last_freq[id as usize] >= floor).then_some(id)
            });
        }
    }

    /// Whether a bucket of the sketch reached the floor.
    fn passes(&self, bucket: usize) -> bool {
        self.passing[bucket >> 6] >> (bucket & 63) & 1 == 1
    }

    /// Counts the k-grams of one run whose two (k − 1)-grams reached the floor, as
    /// `counted` (given the count and a position) tells.
    fn walk(
        &mut self,
        g: &[u32],
        doc: u32,
        first: usize,
        end: usize,
        counted: impl Fn(&Count, usize) -> Option<u32>,
    ) {
        let k = self.level;
        let last_level = k == self.n;
        let bits = self.sketch_bits;
        for p in first..=end - k {
            let Some(prefix) = counted(self, p) else {
                continue;
            };
            if counted(self, p + 1).is_none() {
                continue;
            }
            let key = if self.pairs_sketched {
                (u64::from(g[p]) << 42) | (u64::from(g[p + 1]) << 21) | u64::from(g[p + 2])
            } else {
                (u64::from(prefix) << 32) | u64::from(g[p + k - 1])
            };
            if self.sketching {
                let b = &mut self.sketch[bucket(key, bits)];
                *b = b.saturating_add(1);
                continue;
            }
            if k == 2 && !self.passes(bucket(key, bits)) {
                continue;
            }
            let fresh = self.first_at.len() as u32;
            let id = *self.map.entry(key).or_insert(fresh);
            if id == fresh {
                self.first_at.push(p as u32);
                if last_level {
                    self.tally.push(Tally {
                        freq: 0,
                        docs: 0,
                        last_doc: NONE,
                    });
                } else {
                    self.freq.push(0);
                }
            }
            if last_level {
                let t = &mut self.tally[id as usize];
                t.freq += 1;
                if t.last_doc != doc {
                    t.docs += 1;
                    t.last_doc = doc;
                }
            } else {
                self.freq[id as usize] += 1;
                self.next[p] = id + 1;
            }
        }
    }

    /// Moves to the next level at the end of one; `true` once the table is made.
    fn end_level(&mut self, words: usize) -> bool {
        self.at = 0;
        if self.sketching {
            self.sketching = false;
            // A full bucket (saturated) always passes.
            let enough = self.floor.min(u32::from(u16::MAX)) as u16;
            self.passing = vec![0; self.sketch.len().div_ceil(64)];
            for (b, &c) in self.sketch.iter().enumerate() {
                if c >= enough {
                    self.passing[b >> 6] |= 1 << (b & 63);
                }
            }
            self.sketch = Vec::new();
            if self.n > 2 && self.skip_pairs && self.freq1.len() <= 1 << 21 {
                self.pairs_sketched = true;
                self.level = 3;
            }
            if self.level < self.n {
                self.next = vec![0; words];
            }
            return false;
        }
        if self.level == self.n {
            let floor = self.floor;
            let table: Vec<(usize, u32, u32)> = (self.first_at.iter())
                .zip(&self.tally)
                .filter(|(_, t)| t.freq >= floor)
                .map(|(&first, t)| (first as usize, t.freq, t.docs))
                .collect();
            if table.len() >= self.limit || floor == self.min {
                self.table = table;
                self.map = FxHashMap::default();
                self.ids = Vec::new();
                self.passing = Vec::new();
                return true;
            }
            // Too few at this floor: count again with a lower one, from the pairs (the
            // words' counts stand).
            self.floor = (floor / 4).max(self.min);
            self.level = 1;
        }
        if self.level > 1 {
            self.last_freq = std::mem::take(&mut self.freq);
            self.ids = std::mem::take(&mut self.next);
        }
        self.freq = Vec::new();
        self.pairs_sketched = false;
        // Level 0 is followed by the pairs.
        self.level = self.level.max(1) + 1;
        self.passing = Vec::new();
        // The pairs are sketched (at longer levels few positions are left, and the walk's
        // cost is reading the last level's counts: a second walk cost more than it saved).
        // A dense table of the frequent words' pairs, tried before, was slower at every
        // size measured (51 MB for 3,568 words at 4.4k articles: trigrams 56 ms against 23).
        if self.level == 2 {
            // About one bucket per 32 words, 2^12 to 2^20 of them (2 MB at most).
            let bits = (words / 32)
                .next_power_of_two()
                .trailing_zeros()
                .clamp(12, 20);
            self.sketch = vec![0; 1 << bits];
            self.sketch_bits = bits;
            self.sketching = true;
        }
        self.map = FxHashMap::default();
        self.first_at = Vec::new();
        self.tally = Vec::new();
        self.next = if self.level == self.n || self.sketching {
            Vec::new()
        } else {
            vec![0; words]
        };
        false
    }
}

/// The whole of [`Count`] with a first floor of its own choosing (`skip_pairs`: trigrams
/// straight from the pairs' sketch).
#[cfg(test)]
fn top_ngrams(
    g: &[u32],
    runs: &[(u32, usize, usize)],
    n: usize,
    min: u32,
    limit: usize,
    groups: usize,
    skip_pairs: bool,
) -> Vec<(usize, u32, u32)> {
    let mut count = Count::new(g.len(), n, min, limit, groups);
    count.skip_pairs = skip_pairs;
    let mut budget = usize::MAX;
    while count.step(g, runs, &mut budget) != Progress::Done {}
    count.table
}

/// The n-grams counted at least `min` times (one floor, `min` itself).
#[cfg(test)]
fn count_ngrams(
    g: &[u32],
    runs: &[(u32, usize, usize)],
    n: usize,
    min: u32,
    groups: usize,
    skip_pairs: bool,
) -> Vec<(usize, u32, u32)> {
    let mut count = Count::new(g.len(), n, min, usize::MAX, groups);
    count.floor = min;
    count.skip_pairs = skip_pairs;
    let mut budget = usize::MAX;
    while count.step(g, runs, &mut budget) != Progress::Done {}
    count.table
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
                    let mut all = naive(&g, &runs, n, min);
                    order(&mut all);
                    // Pairs counted exactly behind the sketch, and known by the sketch alone.
                    for pairs in [false, true] {
                        let mut fast: Vec<(Vec<u32>, u32, u32)> =
                            top_ngrams(&g, &runs, n, min, limit, 30, pairs)
                                .into_iter()
                                .map(|(p, f, d)| (g[p..p + n].to_vec(), f, d))
                                .collect();
                        order(&mut fast);
                        assert_eq!(
                            fast, all,
                            "n = {n}, limit = {limit}, min = {min}, skip_pairs: {pairs}"
                        );
                    }
                    // The same from the words' counts known beforehand.
                    let mut freq1 = vec![0u32; 30];
                    for &x in &g {
                        freq1[x as usize] += 1;
                    }
                    let mut count = Count::with_words(g.len(), n, min, limit, freq1);
                    let mut budget = usize::MAX;
                    while count.step(&g, &runs, &mut budget) != Progress::Done {}
                    let mut known: Vec<(Vec<u32>, u32, u32)> = count
                        .table
                        .iter()
                        .map(|&(p, f, d)| (g[p..p + n].to_vec(), f, d))
                        .collect();
                    order(&mut known);
                    assert_eq!(
                        known, all,
                        "with words, n = {n}, limit = {limit}, min = {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_floor_set_too_high_comes_down_to_the_same_top() {
        let (g, runs) = sample(5, 200, 20);
        for n in 2..=4 {
            for limit in [3, 40] {
                for skip_pairs in [false, true] {
                    let mut count = Count::new(g.len(), n, 1, limit, 20);
                    count.skip_pairs = skip_pairs;
                    // Far above any count: every level is counted again, a quarter lower
                    // each time.
                    count.floor = 100_000;
                    let mut budget = 1_000;
                    let mut steps = 0;
                    while count.step(&g, &runs, &mut budget) != Progress::Done {
                        budget = 1_000;
                        steps += 1;
                    }
                    assert!(steps > 5, "n = {n}: {steps} steps");
                    let mut fast: Vec<(Vec<u32>, u32, u32)> = count
                        .table
                        .iter()
                        .map(|&(p, f, d)| (g[p..p + n].to_vec(), f, d))
                        .collect();
                    let order = |rows: &mut Vec<(Vec<u32>, u32, u32)>| {
                        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                        rows.truncate(limit);
                    };
                    order(&mut fast);
                    let mut all = naive(&g, &runs, n, 1);
                    order(&mut all);
                    assert_eq!(
                        fast, all,
                        "n = {n}, limit = {limit}, skip_pairs: {skip_pairs}"
                    );
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
                for pairs in [false, true] {
                    let mut fast: Vec<(Vec<u32>, u32, u32)> =
                        count_ngrams(&g, &runs, n, min, 8, pairs)
                            .into_iter()
                            .map(|(p, f, d)| (g[p..p + n].to_vec(), f, d))
                            .collect();
                    fast.sort();
                    let all = naive(&g, &runs, n, min);
                    assert_eq!(fast, all, "n = {n}, min = {min}, skip_pairs: {pairs}");
                }
            }
        }
    }
}
