//! "Did you mean": rewritten queries for a query with few results, from the corpus's own
//! dictionary (see `spelling`). The suggester is an optional part (feature `suggest`, in
//! the full build and the CLI): it costs about 3 KB of the start-up wasm, gzipped. This
//! file is its one gate; for a query that found nothing the start-up build's stand-in
//! answers that it cannot suggest, and the page's worker then moves to the full build and
//! asks again.

use crate::analysis;
use crate::index::{DocStore, Postings};
use serde::Serialize;

/// A query finding fewer articles than this gets suggestions.
pub const FEW_RESULTS: usize = 3;

/// A rewritten query and how many articles it finds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub query: String,
    pub total: usize,
}

#[cfg(feature = "suggest")]
mod spelling;

/// The start-up build's stand-in: no suggester here. Only a query that finds nothing asks
/// for the full build: on a small corpus (the five demo articles) most words are in fewer
/// than three articles, and a search that found something should not load 300 KB.
#[cfg(not(feature = "suggest"))]
mod spelling {
    pub fn suggest(
        _: &crate::index::Postings,
        _: &crate::index::DocStore,
        _: &crate::analysis::Config,
        _: &str,
        total: usize,
        _: impl FnMut(&str) -> usize,
    ) -> Option<Vec<super::Suggestion>> {
        (total > 0).then(Vec::new)
    }
}

/// Suggestions for `query`, which found `total` articles; `count` runs a rewritten query
/// with the same options and returns its total. Rewrites that find more than `total`, most
/// results first; none when `total` is not few. `None` when this build has no suggester
/// and the query found nothing.
pub fn suggest(
    postings: &Postings,
    store: &DocStore,
    analyzer: &analysis::Config,
    query: &str,
    total: usize,
    count: impl FnMut(&str) -> usize,
) -> Option<Vec<Suggestion>> {
    // Regexes say exactly what the reader meant; an empty query has no word to replace
    // (it lists a corpus still loading); an empty corpus has no words to offer.
    if total >= FEW_RESULTS
        || query.contains('/')
        || query.trim().is_empty()
        || store.iter().next().is_none()
    {
        return Some(Vec::new());
    }
    spelling::suggest(postings, store, analyzer, query, total, count)
}
