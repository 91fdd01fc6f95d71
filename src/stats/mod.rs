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
//!   corpus. Queries are not expanded across scripts (`cross_lingual` is accepted and
//!   does nothing until the bilingual expansion exists).
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

pub use tokens::By;

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
    /// Accepted, not yet used: queries are never expanded across scripts.
    pub cross_lingual: bool,
}

impl Scope {
    fn search_options(&self) -> SearchOptions {
        SearchOptions {
            lang: self.lang.clone(),
            sources: self.sources.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
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
