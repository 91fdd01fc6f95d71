//! Keyness of a target sub-corpus against a reference sub-corpus, each chosen by its own
//! query and filters: per group, its frequency in each (`a` of `N1`, `b` of `N2`), four-
//! cell G², Log Ratio and %DIFF as [`super::measures`] defines them (a zero count taken as
//! 0.5 in the last two). Words key in either direction are listed, strongest G² first;
//! a positive Log Ratio means more frequent in the target. `cutoff` is the least G² shown
//! (3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001 at one degree of
//! freedom). A row's `word` is its most frequent written form over both counts added.
//!
//! Cost: counting each sub-corpus (linear in their words) and the vocabulary.

use super::count::Counts;
use super::job::{Halt, Run};
use super::measures::keyness;
use super::tokens::By;
use super::tokens::Tokens;
use super::{notes, sub, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub target: Scope,
    pub reference: Scope,
    pub by: By,
    /// Rows whose frequencies add up to at least this.
    pub min: u32,
    /// Least G² shown.
    pub cutoff: f64,
    pub stop: bool,
    pub limit: usize,
    /// `limit` rows key in the target (Log Ratio above 0) and `limit` key in the reference
    /// (the rest), instead of `limit` in all: the page shows the two directions apart.
    pub per_side: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target: Scope::default(),
            reference: Scope::default(),
            by: By::Form,
            min: 2,
            cutoff: 0.0,
            stop: false,
            limit: DEFAULT_LIMIT,
            per_side: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub word: String,
    pub term: String,
    pub target_freq: u64,
    pub reference_freq: u64,
    pub g2: f64,
    pub log_ratio: f64,
    pub pct_diff: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Keyness {
    pub target_tokens: u64,
    pub reference_tokens: u64,
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Tools {
    pub fn keyness(&mut self, corpus: &Corpus, options: &Options) -> Result<Keyness, Error> {
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, options))
    }
}

/// Keyness as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    options: &Options,
) -> Result<Keyness, Halt> {
    let target_sub = sub(run, corpus, &options.target)?;
    let reference_sub = sub(run, corpus, &options.reference)?;
    let by = options.by;
    let target = Counts::counted(run, tokens, &target_sub.0, by, false)?;
    let reference = Counts::counted(run, tokens, &reference_sub.0, by, false)?;
    run.last(|| {
        let mut warnings = target_sub.1.clone();
        warnings.extend(reference_sub.1.iter().cloned());
        // The shown word: the most frequent written form over both counts added.
        let summed: Vec<u32> = target
            .surface_freq
            .iter()
            .zip(&reference.surface_freq)
            .map(|(a, b)| a.saturating_add(*b))
            .collect();
        let (_, best) = Counts::groups(tokens, &summed, by);
        let both = Counts {
            tokens: 0,
            docs: 0,
            freq: target
                .freq
                .iter()
                .zip(&reference.freq)
                .map(|(a, b)| a.saturating_add(*b))
                .collect(),
            doc_freq: Vec::new(),
            best,
            surface_freq: summed,
        };
        let (n1, n2) = (target.tokens as f64, reference.tokens as f64);
        // Measures first, strings only for the rows shown.
        let mut scored: Vec<Scored> = both
            .seen()
            .filter(|&g| both_freq(&target, &reference, g) >= u64::from(options.min.max(1)))
            .filter(|&g| options.stop || !both.is_stop(tokens, g, by))
            .filter_map(|g| {
                let (a, b) = (target.freq[g as usize], reference.freq[g as usize]);
                let k = keyness(f64::from(a), n1, f64::from(b), n2);
                (k.g2 >= options.cutoff).then_some((g, a, b, k))
            })
            .collect();
        let name = |g: u32| tokens.vocab.name(g, by);
        let order = |x: &Scored, y: &Scored| {
            y.3.g2
                .total_cmp(&x.3.g2)
                .then_with(|| name(x.0).cmp(name(y.0)))
        };
        if options.per_side {
            let (mut target_side, mut reference_side): (Vec<Scored>, Vec<Scored>) =
                scored.into_iter().partition(|x| x.3.log_ratio > 0.0);
            top(&mut target_side, options.limit, order);
            top(&mut reference_side, options.limit, order);
            scored = target_side;
            scored.append(&mut reference_side);
            scored.sort_unstable_by(order);
        } else {
            top(&mut scored, options.limit, order);
        }
        let rows = scored
            .into_iter()
            .map(|(g, a, b, k)| Row {
                word: both.word(tokens, g).to_string(),
                term: name(g).to_string(),
                target_freq: u64::from(a),
                reference_freq: u64::from(b),
                g2: k.g2,
                log_ratio: k.log_ratio,
                pct_diff: k.pct_diff,
            })
            .collect();
        Ok(Keyness {
            target_tokens: target.tokens,
            reference_tokens: reference.tokens,
            rows,
            warnings: notes(warnings),
        })
    })
}

/// A row before its strings: group, target and reference frequency, measures.
type Scored = (u32, u32, u32, super::measures::Keyness);

/// The first `limit` of `rows` in `order`, sorted: a cheap selection by G² first (ties at
/// the cut kept), then only those ordered fully.
fn top(
    rows: &mut Vec<Scored>,
    limit: usize,
    order: impl Fn(&Scored, &Scored) -> std::cmp::Ordering,
) {
    if limit < rows.len() {
        if limit == 0 {
            rows.clear();
        } else {
            rows.select_nth_unstable_by(limit - 1, |x, y| y.3.g2.total_cmp(&x.3.g2));
            let cut = rows[limit - 1].3.g2;
            rows.retain(|x| x.3.g2 >= cut);
        }
    }
    rows.sort_unstable_by(order);
    rows.truncate(limit);
}

fn both_freq(target: &Counts, reference: &Counts, g: u32) -> u64 {
    u64::from(target.freq[g as usize]) + u64::from(reference.freq[g as usize])
}
