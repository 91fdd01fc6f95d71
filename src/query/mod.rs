//! Queries: `parse` reads the query language into a tree, `plan` evaluates it against the
//! index with `bm25` scores, and `snippet` cuts the highlighted passages shown with hits.

mod bm25;
mod parse;
mod plan;
pub mod snippet;

pub use parse::{parse, Node};
pub use snippet::Segment;

use crate::analysis;
use crate::index::{DocStore, Postings};
use serde::Serialize;

/// Options of one search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    /// Only articles in this language (`"ar"`, `"en"`, …); `None` or `"all"` for every one.
    pub lang: Option<String>,
    /// Match every word by its exact surface form, as if each were written `=word`.
    pub exact: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 10, offset: 0, lang: None, exact: false }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub id: u32,
    pub file: String,
    pub title: String,
    pub lang: String,
    pub score: f32,
    pub snippet: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueryError {
    pub message: String,
    /// Byte offset into the query.
    pub offset: usize,
}

/// Hits best first; `total` counts every match, not just this page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResult {
    pub total: usize,
    pub hits: Vec<Hit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<QueryError>,
}

/// Runs `query` over the store. An empty query matches every article (in id order).
pub fn search(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    query: &str,
    options: &SearchOptions,
) -> SearchResult {
    let tree = match parse(query) {
        Ok(tree) => tree,
        Err(e) => {
            return SearchResult {
                total: 0,
                hits: Vec::new(),
                error: Some(QueryError { message: e.message().to_string(), offset: e.offset().unwrap_or(0) }),
            }
        }
    };
    let mut plan = plan::Plan::new(store, postings, analyzer, options.exact);
    let scores = match &tree {
        None => Some(store.iter().map(|(id, _)| (id, 0.0)).collect()),
        Some(node) => plan.eval(node, false).or_else(|| {
            // Nothing but stop words: search them as ordinary words.
            plan.keep_stop = true;
            plan.eval(node, false)
        }),
    };
    let lang = options.lang.as_deref().filter(|l| !l.is_empty() && *l != "all");
    let mut ranked: Vec<(u32, f32)> = scores
        .unwrap_or_default()
        .into_iter()
        .filter(|(id, _)| match (lang, store.get(*id)) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(l), Some(s)) => s.article.lang == l,
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let total = ranked.len();
    let hits = ranked
        .into_iter()
        .skip(options.offset)
        .take(options.limit)
        .filter_map(|(id, score)| {
            let stored = store.get(id)?;
            let a = &stored.article;
            Some(Hit {
                id,
                file: a.file.clone(),
                title: a.title.clone(),
                lang: a.lang.clone(),
                score,
                snippet: snippet::snippet(&a.body(), analyzer, &plan.highlight_terms, &plan.highlight_exact),
            })
        })
        .collect();
    SearchResult { total, hits, error: None }
}
