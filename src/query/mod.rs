//! Queries: `parse` reads the query language into a tree, `plan` evaluates it against the
//! index with `bm25` scores, and `snippet` cuts the highlighted passages shown with hits.

mod bm25;
mod parse;
mod plan;
pub mod snippet;

pub use parse::{parse, Node};
pub use snippet::Segment;

use crate::analysis;
use crate::error::Error;
use crate::index::{DocStore, Postings};
use crate::ingest::Article;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// Options of one search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    /// Only articles in this language (`"ar"`, `"en"`, …); `None` or `"all"` for every one.
    pub lang: Option<String>,
    /// Only articles whose outlet or agency is this.
    pub source: Option<String>,
    /// Match every word by its exact surface form, as if each were written `=word`.
    pub exact: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            lang: None,
            source: None,
            exact: false,
        }
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
    pub facets: Facets,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<QueryError>,
}

/// Counts of the query's matches by language and by source (outlet, else agency). Each
/// facet ignores its own filter, so the page can show "Arabic 312 · English 120" while
/// Arabic alone is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub lang: BTreeMap<String, usize>,
    pub source: BTreeMap<String, usize>,
}

/// An article with the query's matches marked, for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Highlighted {
    pub title: Vec<Segment>,
    pub paragraphs: Vec<Vec<Segment>>,
    /// How many words are marked in all.
    pub hits: usize,
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
                facets: Facets::default(),
                error: Some(QueryError {
                    message: e.message().to_string(),
                    offset: e.offset().unwrap_or(0),
                }),
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
    let lang = options
        .lang
        .as_deref()
        .filter(|l| !l.is_empty() && *l != "all");
    let source = options.source.as_deref().filter(|s| !s.is_empty());
    let mut facets = Facets::default();
    let mut ranked: Vec<(u32, f32)> = Vec::new();
    for (id, score) in scores.unwrap_or_default() {
        let Some(stored) = store.get(id) else {
            continue;
        };
        let a = &stored.article;
        let its_source = a.outlet.as_deref().or(a.agency.as_deref());
        let lang_ok = lang.is_none_or(|l| a.lang == l);
        let source_ok =
            source.is_none_or(|s| a.outlet.as_deref() == Some(s) || a.agency.as_deref() == Some(s));
        if source_ok {
            *facets.lang.entry(a.lang.clone()).or_default() += 1;
        }
        if let (true, Some(name)) = (lang_ok, its_source) {
            *facets.source.entry(name.to_string()).or_default() += 1;
        }
        if lang_ok && source_ok {
            ranked.push((id, score));
        }
    }
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
                snippet: snippet::snippet(
                    &a.body(),
                    analyzer,
                    &plan.highlight_terms,
                    &plan.highlight_exact,
                ),
            })
        })
        .collect();
    SearchResult {
        total,
        hits,
        facets,
        error: None,
    }
}

/// Marks in `article` every word the query looks for (not the words it excludes).
/// With `exact_all`, every word is matched by its exact form (the search's `exact` option).
pub fn highlight(
    article: &Article,
    analyzer: &analysis::Config,
    query: &str,
    exact_all: bool,
) -> Result<Highlighted, Error> {
    let mut terms = HashSet::new();
    let mut exact = HashSet::new();
    if let Some(tree) = parse(query)? {
        wanted(
            &tree,
            false,
            &Wanted {
                analyzer,
                exact: exact_all,
            },
            &mut terms,
            &mut exact,
        );
    }
    let mut hits = 0;
    let mut mark = |text: &str| {
        let tokens = analysis::analyze_with(text, analyzer);
        let marked: Vec<bool> = tokens
            .iter()
            .map(|t| snippet::is_hit(t, &terms, &exact))
            .collect();
        hits += marked.iter().filter(|&&m| m).count();
        snippet::segments(text, &tokens, &marked)
    };
    let title = mark(&article.title);
    let paragraphs = article.paragraphs.iter().map(|p| mark(p)).collect();
    Ok(Highlighted {
        title,
        paragraphs,
        hits,
    })
}

/// The terms and exact forms of the words a query looks for.
fn wanted(
    node: &Node,
    negated: bool,
    config: &Wanted,
    terms: &mut HashSet<String>,
    exact: &mut HashSet<String>,
) {
    match node {
        Node::Word {
            text,
            exact: is_exact,
        } if !negated => {
            for t in analysis::analyze_with(text, config.analyzer) {
                if *is_exact || config.exact {
                    exact.insert(t.exact);
                } else if !t.stop {
                    terms.extend(t.terms);
                }
            }
        }
        Node::Phrase { text } if !negated => {
            for t in analysis::analyze_with(text, config.analyzer) {
                if config.exact {
                    exact.insert(t.exact);
                } else {
                    terms.extend(t.terms);
                }
            }
        }
        Node::Not(inner) => wanted(inner, !negated, config, terms, exact),
        Node::And(parts) | Node::Or(parts) => parts
            .iter()
            .for_each(|p| wanted(p, negated, config, terms, exact)),
        _ => {}
    }
}

struct Wanted<'a> {
    analyzer: &'a analysis::Config,
    exact: bool,
}
