//! Collocates of a node (any query): for each group of words, how often it stands within
//! `L` words left or `R` words right of a node match in the same article (`f_xy`, O11),
//! with logDice, MI, T-score and four-cell G² as [`super::measures`] defines them. `f_x`
//! is the number of node matches, `f_y` the collocate's frequency in the sub-corpus and
//! `N` its words. A window position counts once per node match it is near (so
//! `R1 = f_x·span` bounds the sum); the node's own words are not in its window, another
//! match's words are.
//!
//! Cost: counting the sub-corpus (linear in its words) plus `f_x·span` window reads.

use super::count::Counts;
use super::job::{Halt, Run};
use super::matches::find;
use super::measures::{association, Association};
use super::tokens::By;
use super::tokens::Tokens;
use super::{invalid, notes, sub, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;

/// What rows are ordered by (all descending).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    LogDice,
    Mi,
    T,
    G2,
    Freq,
}

impl Sort {
    pub fn parse(name: &str) -> Result<Sort, Error> {
        match name {
            "" | "logdice" => Ok(Sort::LogDice),
            "mi" => Ok(Sort::Mi),
            "t" => Ok(Sort::T),
            "g2" => Ok(Sort::G2),
            "f_xy" | "freq" => Ok(Sort::Freq),
            _ => Err(invalid(format!(
                "unknown sort {name:?}: use logdice, mi, t, g2 or f_xy"
            ))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub scope: Scope,
    pub by: By,
    /// Words left and right of the node.
    pub window: (usize, usize),
    /// Rows with at least this many co-occurrences.
    pub min: u32,
    pub stop: bool,
    pub sort: Sort,
    pub limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scope: Scope::default(),
            by: By::Form,
            window: (5, 5),
            min: 2,
            stop: false,
            sort: Sort::LogDice,
            limit: DEFAULT_LIMIT,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub word: String,
    pub term: String,
    pub f_xy: u64,
    pub f_y: u64,
    pub logdice: f64,
    pub mi: f64,
    pub t: f64,
    pub g2: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Collocates {
    pub node: String,
    pub node_freq: u64,
    pub tokens: u64,
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Tools {
    pub fn collocates(
        &mut self,
        corpus: &Corpus,
        node: &str,
        options: &Options,
    ) -> Result<Collocates, Error> {
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, node, options))
    }
}

/// Collocates as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    node: &str,
    options: &Options,
) -> Result<Collocates, Halt> {
    let (l, r) = options.window;
    if l > super::ngrams::MAX_WINDOW || r > super::ngrams::MAX_WINDOW || l + r == 0 {
        return Err(invalid(format!(
            "the window must take 1 to {} words on a side",
            super::ngrams::MAX_WINDOW
        ))
        .into());
    }
    let sub = sub(run, corpus, &options.scope)?;
    let (docs, warnings) = &*sub;
    let found = find(run, corpus, tokens, node, &options.scope, docs)?;
    let counts = Counts::counted(run, tokens, docs, options.by, false)?;
    let vocab = &tokens.vocab;
    let group_of = vocab.groups_of(options.by);
    let o11 = run.pass(
        "windows",
        found.matches.len(),
        || vec![0u32; vocab.groups(options.by)],
        |o11, i| {
            let m = found.matches[i];
            let words = tokens.words(m.doc);
            let (pos, end) = (m.pos as usize, (m.pos + m.len) as usize);
            let left = pos.saturating_sub(l)..pos;
            let right = end.min(words.len())..(end + r).min(words.len());
            for &s in words[left].iter().chain(&words[right]) {
                o11[group_of[s as usize] as usize] += 1;
            }
            l + r
        },
        |o11| o11,
    )?;
    run.last(|| {
        let mut warnings = warnings.clone();
        warnings.extend(found.warnings.iter().cloned());
        let f_x = found.matches.len() as f64;
        let n = counts.tokens as f64;
        let span = (l + r) as f64;
        // Measures first, strings only for the rows shown.
        let mut scored: Vec<(u32, u32, u32, Association)> = o11
            .iter()
            .enumerate()
            .filter(|&(_, &o)| o >= options.min.max(1))
            .map(|(g, &o)| (g as u32, o))
            .filter(|&(g, _)| options.stop || !counts.is_stop(tokens, g, options.by))
            .map(|(g, o)| {
                let f_y = counts.freq[g as usize];
                (
                    g,
                    o,
                    f_y,
                    association(f64::from(o), f_x, f64::from(f_y), span, n),
                )
            })
            .collect();
        let key = |x: &(u32, u32, u32, Association)| match options.sort {
            Sort::LogDice => x.3.logdice,
            Sort::Mi => x.3.mi,
            Sort::T => x.3.t,
            Sort::G2 => x.3.g2,
            Sort::Freq => f64::from(x.1),
        };
        let by_number = |a: &(u32, u32, u32, Association), b: &(u32, u32, u32, Association)| {
            key(b).total_cmp(&key(a)).then(b.1.cmp(&a.1))
        };
        if options.limit < scored.len() {
            if options.limit == 0 {
                scored.clear();
            } else {
                scored.select_nth_unstable_by(options.limit - 1, by_number);
                let cut = scored[options.limit - 1];
                scored.retain(|x| by_number(x, &cut) != std::cmp::Ordering::Greater);
            }
        }
        let name = |g: u32| vocab.name(g, options.by);
        scored.sort_unstable_by(|a, b| by_number(a, b).then_with(|| name(a.0).cmp(name(b.0))));
        scored.truncate(options.limit);
        let rows = scored
            .into_iter()
            .map(|(g, o, f_y, m)| Row {
                word: counts.word(tokens, g).to_string(),
                term: name(g).to_string(),
                f_xy: u64::from(o),
                f_y: u64::from(f_y),
                logdice: m.logdice,
                mi: m.mi,
                t: m.t,
                g2: m.g2,
            })
            .collect();
        Ok(Collocates {
            node: node.to_string(),
            node_freq: found.matches.len() as u64,
            tokens: counts.tokens,
            rows,
            warnings: notes(warnings),
        })
    })
}
