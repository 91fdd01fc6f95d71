//! Dispersion and trend of a query: where its matches fall in each article of the
//! sub-corpus that holds one (as fractions of the article's words, 0 at the first word),
//! articles in date then file order (undated last), and per month (`YYYY-MM`, articles
//! with a date only) the matches, the words of the whole sub-corpus that month and the
//! matches per million of them: the trend line.
//!
//! Cost: finding the matches (linear in the matching articles' words) plus one pass over
//! the sub-corpus's articles (length, month, matches).

use super::job::{Halt, Run};
use super::matches::find;
use super::tokens::Tokens;
use super::{notes, per_million, sub, Scope, Tools};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub id: u32,
    pub file: String,
    pub date: Option<String>,
    pub tokens: u64,
    pub positions: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Month {
    pub month: String,
    pub hits: u64,
    pub tokens: u64,
    pub per_million: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dispersion {
    /// Words of the sub-corpus.
    pub tokens: u64,
    /// Matches in it.
    pub hits: u64,
    pub articles: Vec<Article>,
    pub months: Vec<Month>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Tools {
    pub fn dispersion(
        &mut self,
        corpus: &Corpus,
        query: &str,
        options: &Options,
    ) -> Result<Dispersion, Error> {
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, query, options))
    }
}

/// Dispersion and trend as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    query: &str,
    options: &Options,
) -> Result<Dispersion, Halt> {
    let sub = sub(run, corpus, &options.scope)?;
    let (docs, warnings) = &*sub;
    let found = find(run, corpus, tokens, query, &options.scope, docs)?;
    /// Per month (hits, words); the sub-corpus's words; the articles with a match.
    struct Tally {
        months: BTreeMap<String, (u64, u64)>,
        total: u64,
        articles: Vec<Article>,
        /// The first match not yet read (matches come in article order, as `docs`).
        next: usize,
    }
    let matches = &found.matches;
    let tally = run.pass(
        "dating",
        docs.len(),
        || Tally {
            months: BTreeMap::new(),
            total: 0,
            articles: Vec::new(),
            next: 0,
        },
        |t, i| {
            let doc = docs[i];
            let n = tokens.words(doc).len() as u64;
            t.total += n;
            let first = t.next;
            while t.next < matches.len() && matches[t.next].doc == doc {
                t.next += 1;
            }
            let hits = (t.next - first) as u64;
            if let Some(month) = month_of(corpus, doc) {
                match t.months.get_mut(month) {
                    Some(m) => *m = (m.0 + hits, m.1 + n),
                    None => {
                        t.months.insert(month.to_string(), (hits, n));
                    }
                }
            }
            if let (Some(stored), true) = (corpus.get(doc), hits > 0) {
                t.articles.push(Article {
                    id: doc,
                    file: stored.article.file.clone(),
                    date: stored.article.date.clone(),
                    tokens: n,
                    positions: matches[first..t.next]
                        .iter()
                        .map(|m| f64::from(m.pos) / (n.max(1) as f64))
                        .collect(),
                });
            }
            16 + hits as usize
        },
        |t| t,
    )?;
    run.last(|| {
        let mut warnings = warnings.clone();
        warnings.extend(found.warnings.iter().cloned());
        let mut articles = tally.articles.clone();
        // Dated first, by date; then file; `None` would sort first, so it is flipped.
        articles.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.file, a.id).cmp(&(
                b.date.is_none(),
                &b.date,
                &b.file,
                b.id,
            ))
        });
        Ok(Dispersion {
            tokens: tally.total,
            hits: matches.len() as u64,
            articles,
            months: tally
                .months
                .iter()
                .map(|(month, &(hits, words))| Month {
                    month: month.clone(),
                    hits,
                    tokens: words,
                    per_million: per_million(hits, words),
                })
                .collect(),
            warnings: notes(warnings),
        })
    })
}

/// `YYYY-MM` of an article's date, when it has one that long.
fn month_of(corpus: &Corpus, doc: u32) -> Option<&str> {
    let date = corpus.get(doc)?.article.date.as_deref()?;
    let month = date.get(..7)?;
    (month.len() == 7 && month.as_bytes()[4] == b'-').then_some(month)
}
