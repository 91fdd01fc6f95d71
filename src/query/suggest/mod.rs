//! "Did you mean": rewritten queries for a query with few results, from the corpus's own
//! dictionary (see `spelling`). The suggester is an optional part (feature `suggest`, in
//! the full build and the CLI): it costs about 3 KB of the start-up wasm, gzipped. This
//! file is its one gate; the start-up build's stand-in answers that it cannot suggest, and
//! the page's worker then moves to the full build and asks again.

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

/// The start-up build's stand-in: no suggester here.
#[cfg(not(feature = "suggest"))]
mod spelling {
    pub fn suggest(
        _: &crate::index::Postings,
        _: &crate::index::DocStore,
        _: &crate::analysis::Config,
        _: &str,
        _: usize,
        _: impl FnMut(&str) -> usize,
    ) -> Option<Vec<super::Suggestion>> {
        None
    }
}

/// Suggestions for `query`, which found `total` articles; `count` runs a rewritten query
/// with the same options and returns its total. Rewrites that find more than `total`, most
/// results first; none when `total` is not few. `None` when this build has no suggester
/// and there would be something to suggest for.
pub fn suggest(
    postings: &Postings,
    store: &DocStore,
    analyzer: &analysis::Config,
    query: &str,
    total: usize,
    count: impl FnMut(&str) -> usize,
) -> Option<Vec<Suggestion>> {
    // Regexes say exactly what the reader meant; an empty corpus has no words to offer.
    if total >= FEW_RESULTS || query.contains('/') || store.iter().next().is_none() {
        return Some(Vec::new());
    }
    spelling::suggest(postings, store, analyzer, query, total, count)
}
