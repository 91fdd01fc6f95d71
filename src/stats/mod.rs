//! The corpus tools: concordance (KWIC), word lists, n-grams, collocates, keyness,
//! dispersion and trends, over a sub-corpus chosen by a query and filters. Part of the
//! default (full) build and the CLI; the page's start-up build leaves it out.
//!
//! # Counting rules (the same in every tool)
//! - A position is every word the analyzer emits in an article's **body** (paragraphs):
//!   stop words, numbers and mixed tokens (`a00`) included; `N` (`tokens`) is their count
//!   over the sub-corpus. **Titles do not count** in any tool.
//! - Windows (KWIC context, collocation spans, n-grams) never cross articles.
//! - The sub-corpus is every article matching the `filter` query and the filters (the
//!   search's matching and filters, never a page of hits); an empty filter is the whole
//!   corpus. Queries are not expanded across scripts unless `cross_lingual` asks (the
//!   search's expansion through the linked lexicon); `exact` matches written forms.
//! - Rows group words by [`By::Form`] (case-folded, normalized, not stemmed) or
//!   [`By::Term`] (the analyzer's main term, its stem); a row's `word` is the most
//!   frequent written form of the group in the counted articles (ties: the smaller
//!   string), its `term` the form or term itself. Stop-word rows are left out unless
//!   asked (a row is a stop word when its `word` is); they always count in `N`.
//!
//! [`Tools`] keeps the forward index ([`tokens`]) between requests; each tool is a file.

pub mod collocation;
mod count;
pub mod dispersion;
pub mod freq;
pub mod keyness;
pub mod kwic;
mod matches;
pub mod measures;
pub mod ngrams;
pub mod tokens;

pub use tokens::{By, Progress};

use crate::error::{Error, ErrorKind};
use crate::query::SearchOptions;
use crate::Corpus;

/// Rows or lines a tool returns when no limit is given.
pub const DEFAULT_LIMIT: usize = 1000;

/// Which articles a tool counts over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// A query of the query language; empty: every article.
    pub filter: String,
    pub lang: Option<String>,
    /// Outlet or agency names (any of them).
    pub sources: Vec<String>,
    /// ISO date bounds or prefixes, as in search.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Expand the queries (the filter and a tool's own) across scripts with the linked
    /// lexicon, as search does; off unless asked (a concordance of الغوطة lists Arabic
    /// lines only). Nothing to expand with until a lexicon is linked.
    pub cross_lingual: bool,
    /// Match every query word by its exact written form (the search's "Exact form"); no
    /// cross-lingual expansion then, as in search.
    pub exact: bool,
}

impl Scope {
    fn search_options(&self) -> SearchOptions {
        SearchOptions {
            lang: self.lang.clone(),
            sources: self.sources.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            exact: self.exact,
            cross_lingual: self.cross_lingual,
            ..SearchOptions::default()
        }
    }
}

/// The tools with their forward index, built on first use and kept in step with the
/// corpus each call.
#[derive(Debug, Default)]
pub struct Tools {
    tokens: tokens::Tokens,
}

impl Tools {
    pub fn new() -> Self {
        Self::default()
    }

    /// The forward index in step with `corpus`.
    fn ready(&mut self, corpus: &Corpus) -> &tokens::Tokens {
        self.tokens.sync(corpus);
        &self.tokens
    }

    /// Builds the forward index a slice at a time (about `budget` words a call) so that a
    /// caller can show progress and stop between slices; every tool calls it whole first.
    pub fn prepare(&mut self, corpus: &Corpus, budget: usize) -> tokens::Progress {
        self.tokens.step(corpus, budget)
    }

    /// The articles and words of a sub-corpus (`(docs, tokens)`): the caption of a table,
    /// without counting its words.
    pub fn size(&mut self, corpus: &Corpus, scope: &Scope) -> Result<(u64, u64), Error> {
        let (docs, _) = subcorpus(corpus, scope)?;
        let tokens = self.ready(corpus);
        let words = docs.iter().map(|&d| tokens.words(d).len() as u64).sum();
        Ok((docs.len() as u64, words))
    }

    /// Approximate heap bytes of the forward index.
    pub fn heap_bytes(&self) -> usize {
        self.tokens.heap_bytes()
    }
}

/// The articles of `scope`, ascending by id, and the search's warnings about them.
fn subcorpus(corpus: &Corpus, scope: &Scope) -> Result<(Vec<u32>, Vec<crate::Message>), Error> {
    let found = corpus
        .matching(&scope.filter, &scope.search_options())
        .map_err(query_error)?;
    Ok((found.docs, found.warnings))
}

fn query_error(e: crate::query::QueryError) -> Error {
    Error::query(e.message, e.offset)
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::Invalid, message)
}

/// `x` per million of `n` (0 when `n` is 0).
fn per_million(x: u64, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        x as f64 * 1e6 / n as f64
    }
}

/// Messages as their English text, for `warnings` arrays.
fn notes(messages: Vec<crate::Message>) -> Vec<String> {
    messages.into_iter().map(|m| m.to_string()).collect()
}
