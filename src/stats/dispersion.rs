//! Dispersion and trend of a query: where its matches fall in each article of the
//! sub-corpus that holds one (as fractions of the article's words, 0 at the first word),
//! articles in date then file order (undated last), and per month (`YYYY-MM`, articles
//! with a date only) the matches, the words of the whole sub-corpus that month and the
//! matches per million of them: the trend line.
//!
//! Cost: finding the matches (linear in the matching articles' words) plus one pass over
//! the sub-corpus's article lengths.

use super::matches::find;
use super::{notes, per_million, subcorpus, Scope, Tools};
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
        let (docs, mut warnings) = subcorpus(corpus, &options.scope)?;
        let tokens = self.ready(corpus);
        let found = find(corpus, tokens, query, &options.scope, &docs)?;
        warnings.extend(found.warnings);
        // (hits, words) per month.
        let mut months: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut total = 0u64;
        for &doc in &docs {
            let n = tokens.words(doc).len() as u64;
            total += n;
            if let Some(month) = month_of(corpus, doc) {
                months.entry(month).or_default().1 += n;
            }
        }
        let mut articles: Vec<Article> = Vec::new();
        for m in &found.matches {
            if let Some(month) = month_of(corpus, m.doc) {
                months.entry(month).or_default().0 += 1;
            }
            if articles.last().is_none_or(|a| a.id != m.doc) {
                let Some(stored) = corpus.get(m.doc) else {
                    continue;
                };
                articles.push(Article {
                    id: m.doc,
                    file: stored.article.file.clone(),
                    date: stored.article.date.clone(),
                    tokens: tokens.words(m.doc).len() as u64,
                    positions: Vec::new(),
                });
            }
            if let Some(a) = articles.last_mut() {
                a.positions
                    .push(f64::from(m.pos) / (a.tokens.max(1) as f64));
            }
        }
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
            tokens: total,
            hits: found.matches.len() as u64,
            articles,
            months: months
                .into_iter()
                .map(|(month, (hits, words))| Month {
                    month,
                    hits,
                    tokens: words,
                    per_million: per_million(hits, words),
                })
                .collect(),
            warnings: notes(warnings),
        })
    }
}

/// `YYYY-MM` of an article's date, when it has one that long.
fn month_of(corpus: &Corpus, doc: u32) -> Option<String> {
    let date = corpus.get(doc)?.article.date.as_deref()?;
    let month = date.get(..7)?;
    (month.len() == 7 && month.as_bytes()[4] == b'-').then(|| month.to_string())
}
