//! Every article a query and filters choose, not a page of hits: the sub-corpus the corpus
//! tools (`crate::stats`) count over. Matching is the search's (same parse, same
//! evaluation, the same stop-word fallback); the filters are the search's too (language,
//! sources, ISO date bounds given as prefixes). No ranking, no snippets, no facets.

use super::link::Linker;
use super::plan::Plan;
use super::{parse, QueryError, SearchOptions};
use crate::analysis;
use crate::index::{DocStore, Postings, NO_LABEL};
use crate::message::Message;

/// The articles chosen, ascending by id, and what the user should know about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subset {
    pub docs: Vec<u32>,
    /// A regex that could not read every article (its work limit), as search says it.
    pub warnings: Vec<Message>,
}

/// The articles matching `query` (empty: every article) that pass the filters of
/// `options` (`lang`, `sources`, `from`, `to`, `exact`; paging and sorting are ignored),
/// expanded across scripts by `linker` when one is given.
pub fn matching(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    query: &str,
    options: &SearchOptions,
    linker: Option<&dyn Linker>,
) -> Result<Subset, QueryError> {
    let tree = parse(query).map_err(|e| QueryError {
        offset: e.offset().unwrap_or(0),
        message: e.into_message(),
    })?;
    // Across scripts, as search expands it (the caller passes a linker only when asked).
    let tree = match (tree, linker) {
        (Some(node), Some(l)) => Some(l.expand(node).0),
        (tree, _) => tree,
    };
    let mut plan = Plan::new(store, postings, analyzer, options.exact);
    let found: Vec<u32> = match &tree {
        None => store.iter().map(|(id, _)| id).collect(),
        Some(node) => {
            let scores = plan.eval(node, false).or_else(|| {
                plan.keep_stop = true;
                plan.eval(node, false)
            });
            scores
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.0)
                .collect()
        }
    };
    let admits = Filters::new(store, options);
    Ok(Subset {
        docs: found.into_iter().filter(|&id| admits.admits(id)).collect(),
        warnings: plan.warnings,
    })
}

/// The search's filters on label ids; a name no article has matches nothing.
struct Filters<'a> {
    store: &'a DocStore,
    lang: Option<u32>,
    sources: Vec<u32>,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

impl<'a> Filters<'a> {
    fn new(store: &'a DocStore, options: &'a SearchOptions) -> Self {
        let missing = NO_LABEL - 1;
        Filters {
            store,
            lang: options
                .lang
                .as_deref()
                .filter(|l| !l.is_empty() && *l != "all")
                .map(|l| store.label_id(l).unwrap_or(missing)),
            sources: options
                .sources
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| store.label_id(s).unwrap_or(missing))
                .collect(),
            from: options.from.as_deref().filter(|d| !d.is_empty()),
            to: options.to.as_deref().filter(|d| !d.is_empty()),
        }
    }

    fn admits(&self, id: u32) -> bool {
        let Some(stored) = self.store.get(id) else {
            return false;
        };
        let k = self.store.keys(id);
        let lang_ok = self.lang.is_none_or(|l| k.lang == l);
        let source_ok =
            self.sources.is_empty() || self.sources.iter().any(|&s| k.outlet == s || k.agency == s);
        // ISO dates compare as strings; a bound given as a prefix ("2018-03") covers it all.
        let date_ok = match (stored.article.date.as_deref(), self.from, self.to) {
            (_, None, None) => true,
            (None, _, _) => false,
            (Some(d), f, t) => {
                f.is_none_or(|f| d >= f) && t.is_none_or(|t| d <= t || d.starts_with(t))
            }
        };
        lang_ok && source_ok && date_ok
    }
}
