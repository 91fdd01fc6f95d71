//! Queries: `parse` reads the query language into a tree, `plan` evaluates it against the
//! index with `bm25` scores, and `snippet` cuts the highlighted passages shown with hits.

pub mod bm25;
mod expand;
pub mod leaves;
pub mod link;
mod parse;
mod pattern;
mod plan;
pub mod snippet;
pub mod subset;
mod suggest;

pub use parse::{needs_full_build, parse, Field, Node};
pub use parse::{MAX_DEPTH, MAX_QUERY_BYTES, MAX_REGEXES, MAX_TERMS};
pub use pattern::{AVAILABLE as HAS_REGEX, MATCH_COST, MAX_MATCHES, WORK_LIMIT};
pub use snippet::Segment;
pub use suggest::{Suggestion, FEW_RESULTS};

use crate::analysis;
use crate::error::Error;
use crate::index::{DocStore, Postings};
use serde::Serialize;
use std::collections::BTreeMap;

/// Options of one search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub offset: usize,
    /// Only articles in this language (`"ar"`, `"en"`, …); `None` or `"all"` for every one.
    pub lang: Option<String>,
    /// Only articles whose outlet or agency is one of these (empty: every source).
    pub sources: Vec<String>,
    /// Match every word by its exact surface form, as if each were written `=word`.
    pub exact: bool,
    /// Give each hit the parts its score adds up from.
    pub explain: bool,
    /// Only articles dated on or after / on or before these ISO dates (`YYYY-MM-DD`, or a
    /// prefix: `2018`, `2018-03`); undated articles are left out when either is set.
    pub from: Option<String>,
    pub to: Option<String>,
    pub sort: Sort,
    /// Show each group of near-duplicates (one wire story in several outlets) once, at its
    /// best-ranked article, with the number of the others in [`Hit::similar`].
    pub fold: bool,
    /// A known name also finds the entity's other names, in both scripts (with a linker:
    /// the full build once the lexicon is loaded).
    pub cross_lingual: bool,
    /// Only articles mentioning every one of these entities (ids such as
    /// `person:vladimir-putin`); an id the linker does not know matches nothing.
    pub entities: Vec<String>,
    /// Cut a snippet for each hit of the page (off: hits without snippets, for callers that
    /// want ids and titles only).
    pub snippets: bool,
    /// Count the facets (off: `facets` comes back empty).
    pub facets: bool,
}

/// The order of hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest first, ties by score; undated articles last.
    Date,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            lang: None,
            sources: Vec::new(),
            exact: false,
            explain: false,
            from: None,
            to: None,
            sort: Sort::Relevance,
            fold: false,
            cross_lingual: true,
            entities: Vec::new(),
            snippets: true,
            facets: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub id: u32,
    /// Content hash: names the article in links.
    pub hash: String,
    pub file: String,
    pub title: String,
    pub lang: String,
    /// Publication date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// The source it is counted under in the Source menu: its outlet, else its agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub score: f32,
    pub snippet: Vec<Segment>,
    /// With the `fold` option: how many other matches are near-duplicates of this hit.
    #[serde(skip_serializing_if = "is_zero")]
    pub similar: usize,
    /// With the `explain` option: one part per matched query word; their scores add up to
    /// `score`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<bm25::Explanation>>,
    /// The entities of the query's expansions this article mentions (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
}

/// `{code, args, message, offset}`: the message with its code for translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub message: crate::message::Message,
    /// Byte offset into the query.
    pub offset: usize,
}

impl Serialize for QueryError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("QueryError", 4)?;
        self.message.serialize_fields(&mut out)?;
        out.serialize_field("offset", &self.offset)?;
        out.end()
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Hits best first; `total` counts every result, not just this page (with `fold`, a group
/// of near-duplicates counts once). Facets count every matching article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResult {
    pub total: usize,
    /// With `fold`: matching articles shown inside another's group, not as results.
    #[serde(skip_serializing_if = "is_zero")]
    pub folded: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// The cross-lingual expansions the query was given: `[{from, to, entity}]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expanded: Vec<link::Expansion>,
    /// Things the user should know about this answer (a regex search cut short).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::message::Message>,
    /// Whether a work limit left the answer incomplete: articles a regex never read, or
    /// matches left unmarked in snippets; `warnings` says which.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<QueryError>,
    /// For a query with fewer than [`FEW_RESULTS`] results: rewritten queries that find
    /// more ("did you mean"), most results first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// This build has no suggester and the query found nothing: the full build has one
    /// (the worker switches and searches again).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suggest_in_full_build: bool,
}

/// Counts of the query's matches by language and by source (outlet, else agency). Each
/// facet ignores its own filter, so the page can show "Arabic 312 · English 120" while
/// Arabic alone is selected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub lang: BTreeMap<String, usize>,
    pub source: BTreeMap<String, usize>,
    /// Matches per month (`YYYY-MM`) of dated articles, ignoring the date filter.
    pub date: BTreeMap<String, usize>,
    /// Matches per year (`YYYY`) of dated articles, ignoring the date filter.
    pub year: BTreeMap<String, usize>,
    /// The entities most matching articles mention, most first (with a linker).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entity: Vec<link::EntityCount>,
}

/// An article with the query's matches marked, for the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Highlighted {
    pub title: Vec<Segment>,
    pub paragraphs: Vec<Vec<Segment>>,
    /// How many words are marked in all.
    pub hits: usize,
    /// Whether a regex's matches are marked only in part (its work limit).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// Entities the facet lists at most.
pub const ENTITY_FACET: usize = 30;

/// Runs `query` over the store. An empty query matches every article (in id order). A
/// query with few results also gets suggestions (see `suggest`).
pub fn search(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    query: &str,
    options: &SearchOptions,
) -> SearchResult {
    search_linked(store, postings, analyzer, None, query, options)
}

/// [`search`] with the corpus's entity links, if any: cross-lingual expansion, the entity
/// facet and filter.
pub fn search_linked(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    links: Option<&link::Links>,
    query: &str,
    options: &SearchOptions,
) -> SearchResult {
    let mut result = search_once(store, postings, analyzer, links, query, options);
    // Few matching articles, not few groups: near-duplicates folded into one are not few.
    if result.error.is_none() && result.total + result.folded < FEW_RESULTS {
        // Counting a rewritten query needs no page, snippets or explanations.
        let count = |q: &str| {
            let only_count = SearchOptions {
                limit: 0,
                offset: 0,
                explain: false,
                facets: false,
                ..options.clone()
            };
            search_once(store, postings, analyzer, links, q, &only_count).total
        };
        match suggest::suggest(postings, store, analyzer, query, result.total, count) {
            Some(found) => result.suggestions = found,
            None => result.suggest_in_full_build = true,
        }
    }
    result
}

/// [`search_linked`] without suggestions. Never inlined: its two callers would make two
/// copies of the whole search in the wasm.
#[inline(never)]
fn search_once(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    links: Option<&link::Links>,
    query: &str,
    options: &SearchOptions,
) -> SearchResult {
    let mut expanded = Vec::new();
    let tree = match parse(query) {
        Ok(Some(tree)) if options.cross_lingual && !options.exact => match links {
            Some(l) => {
                let (tree, added) = l.linker.expand(tree);
                expanded = added;
                Some(tree)
            }
            None => Some(tree),
        },
        Ok(tree) => tree,
        Err(e) => {
            return SearchResult {
                total: 0,
                folded: 0,
                hits: Vec::new(),
                facets: Facets::default(),
                expanded: Vec::new(),
                warnings: Vec::new(),
                partial: false,
                error: Some(QueryError {
                    offset: e.offset().unwrap_or(0),
                    message: e.into_message(),
                }),
                suggestions: Vec::new(),
                suggest_in_full_build: false,
            }
        }
    };
    let mut plan = plan::Plan::new(store, postings, analyzer, options.exact);
    if options.explain {
        plan.explanations = Some(Default::default());
    }
    let scores = match &tree {
        None => Some(store.iter().map(|(id, _)| (id, 0.0)).collect()),
        Some(node) => plan.eval(node, false).or_else(|| {
            // Nothing but stop words: search them as ordinary words.
            plan.keep_stop = true;
            if let Some(parts) = plan.explanations.as_mut() {
                parts.clear();
            }
            plan.eval(node, false)
        }),
    };
    // Filters and facets work on label ids; a name no article has matches nothing.
    let missing = crate::index::NO_LABEL - 1;
    let lang = options
        .lang
        .as_deref()
        .filter(|l| !l.is_empty() && *l != "all")
        .map(|l| store.label_id(l).unwrap_or(missing));
    let sources: Vec<u32> = options
        .sources
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| store.label_id(s).unwrap_or(missing))
        .collect();
    let (from, to) = (
        options.from.as_deref().filter(|d| !d.is_empty()),
        options.to.as_deref().filter(|d| !d.is_empty()),
    );
    let mut langs = vec![0usize; store.labels()];
    let mut source_counts = vec![0usize; store.labels()];
    let mut months = vec![0usize; store.labels()];
    let mut ranked: Vec<(u32, f32)> = Vec::new();
    // Each wanted entity by number; one no linker knows is `None` and matches nothing.
    let wanted: Vec<Option<u32>> = options
        .entities
        .iter()
        .filter(|e| !e.is_empty())
        .map(|e| links.and_then(|l| l.linker.find(e)))
        .collect();
    let mentions_all = |id: u32| {
        wanted
            .iter()
            .all(|w| matches!((w, links), (Some(e), Some(l)) if l.mentions(id, *e)))
    };
    // Matching articles per entity number (grown as numbers appear): a vector, not a map,
    // since a search may count tens of thousands of mentions.
    let mut entity_counts: Vec<usize> = Vec::new();
    for (id, score) in scores.unwrap_or_default() {
        let Some(stored) = store.get(id) else {
            continue;
        };
        if !wanted.is_empty() && !mentions_all(id) {
            continue;
        }
        let k = store.keys(id);
        let lang_ok = lang.is_none_or(|l| k.lang == l);
        // ISO dates compare as strings; a bound given as a prefix ("2018-03") covers it all.
        let date_ok = match (stored.article.date.as_deref(), from, to) {
            (_, None, None) => true,
            (None, _, _) => false,
            (Some(d), f, t) => {
                f.is_none_or(|f| d >= f) && t.is_none_or(|t| d <= t || d.starts_with(t))
            }
        };
        let source_ok =
            sources.is_empty() || sources.iter().any(|&s| k.outlet == s || k.agency == s);
        if lang_ok && source_ok && date_ok {
            ranked.push((id, score));
        }
        if !options.facets {
            continue;
        }
        if source_ok && date_ok {
            langs[k.lang as usize] += 1;
        }
        let its_source = if k.outlet != crate::index::NO_LABEL {
            k.outlet
        } else {
            k.agency
        };
        if lang_ok && date_ok {
            if let Some(n) = source_counts.get_mut(its_source as usize) {
                *n += 1;
            }
        }
        if lang_ok && source_ok {
            if let Some(n) = months.get_mut(k.month as usize) {
                *n += 1;
            }
        }
        if lang_ok && source_ok && date_ok {
            if let Some(l) = links {
                for &(entity, _) in l.of(id) {
                    let e = entity as usize;
                    if e >= entity_counts.len() {
                        entity_counts.resize(e + 1, 0);
                    }
                    entity_counts[e] += 1;
                }
            }
        }
    }
    // Inserted one by one: `collect` into a map would bring a stable sort into the wasm.
    let named = |counts: Vec<usize>| {
        let mut map = BTreeMap::new();
        for (label, n) in counts.into_iter().enumerate().filter(|&(_, n)| n > 0) {
            map.insert(store.label(label as u32).to_string(), n);
        }
        map
    };
    let months = named(months);
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    for (month, n) in &months {
        *years
            .entry(month[..4.min(month.len())].to_string())
            .or_default() += n;
    }
    let facets = Facets {
        lang: named(langs),
        source: named(source_counts),
        date: months,
        year: years,
        entity: links.map_or_else(Vec::new, |l| entity_facet(l, entity_counts)),
    };
    let date_of = |id: u32| store.get(id).and_then(|s| s.article.date.as_deref());
    let best_first = |a: &(u32, f32), b: &(u32, f32)| {
        let by_date = match options.sort {
            Sort::Relevance => std::cmp::Ordering::Equal,
            // Newest first; `None` sorts below every date, so undated come last.
            Sort::Date => date_of(b.0).cmp(&date_of(a.0)),
        };
        by_date.then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0))
    };
    let articles = ranked.len();
    let (page, similar, total) = if options.fold {
        folded_page(store, ranked, best_first, options.offset, options.limit)
    } else {
        let page = best_page(ranked, best_first, options.offset, options.limit);
        (page, Vec::new(), articles)
    };
    let mut placed = match options.snippets {
        true => hit_positions(store, postings, analyzer, &plan.highlight, &page),
        false => None,
    };
    let hits = page
        .into_iter()
        .enumerate()
        .filter_map(|(i, (id, score))| {
            let stored = store.get(id)?;
            let a = &stored.article;
            Some(Hit {
                id,
                hash: stored.hash.clone(),
                date: a.date.clone(),
                source: a.outlet.clone().or_else(|| a.agency.clone()),
                file: a.file.clone(),
                title: a.title.clone(),
                lang: a.lang.clone(),
                score,
                similar: similar.get(i).copied().unwrap_or(0),
                snippet: match placed.as_mut() {
                    _ if !options.snippets => Vec::new(),
                    Some(found) => snippet::snippet_at(
                        |from, to| a.body_part(from, to),
                        found.entry(id).or_default(),
                        stored.body_tokens as usize,
                        &stored.word_marks,
                    ),
                    None => snippet::snippet(&a.body(), analyzer, &plan.highlight),
                },
                explain: plan
                    .explanations
                    .as_mut()
                    .map(|parts| parts.remove(&id).unwrap_or_default()),
                entities: matched_entities(links, &expanded, id),
            })
        })
        .collect();
    // What the query may not mean as it seems (`or`, `date:`) comes first: the page shows
    // every warning beside the count.
    let mut warnings = parse::notes(query);
    warnings.extend(plan.warnings);
    let marks_short = plan.highlight.budget.ran_short();
    if marks_short {
        warnings.push(crate::message::Code::QueryRegexMarksPartial.into());
    }
    SearchResult {
        total,
        folded: articles - total,
        hits,
        facets,
        expanded,
        partial: plan.budget.ran_short() || marks_short,
        warnings,
        error: None,
        suggestions: Vec::new(),
        suggest_in_full_build: false,
    }
}

/// The entities mentioned by the most of the matching articles (`counts`, by entity
/// number), most first, ties by id. Only entities that can make the list are named (a name
/// is several strings): those counted at least as often as the `ENTITY_FACET`th most.
fn entity_facet(links: &link::Links, counts: Vec<usize>) -> Vec<link::EntityCount> {
    // Sorted as (u32, u32) pairs, most first: the sort the indexer already uses.
    let mut sizes: Vec<(u32, u32)> = counts
        .iter()
        .filter(|&&n| n > 0)
        .map(|&n| (u32::MAX - n.min(u32::MAX as usize) as u32, 0))
        .collect();
    sizes.sort_unstable();
    let least = sizes
        .get(ENTITY_FACET - 1)
        .map_or(1, |&(k, _)| (u32::MAX - k) as usize);
    let mut list: Vec<link::EntityCount> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, count)| count >= least)
        .filter_map(|(entity, count)| {
            let name = links.linker.entity(entity as u32)?;
            Some(link::EntityCount { name, count })
        })
        .collect();
    list.sort_unstable_by(|a, b| b.count.cmp(&a.count).then(a.name.id.cmp(&b.name.id)));
    list.truncate(ENTITY_FACET);
    list
}

/// The ids of the expansions' entities that article `id` mentions.
fn matched_entities(
    links: Option<&link::Links>,
    expanded: &[link::Expansion],
    id: u32,
) -> Vec<String> {
    let Some(links) = links else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for e in expanded {
        for &entity in &e.entities {
            if links.mentions(id, entity) {
                if let Some(name) = links.linker.entity(entity) {
                    if !out.contains(&name.id) {
                        out.push(name.id);
                    }
                }
            }
        }
    }
    out
}

/// The page `[offset, offset + limit)` of `ranked` in `best_first` order. Only the page
/// needs ordering: it is selected, then just that part sorted.
fn best_page(
    mut ranked: Vec<(u32, f32)>,
    best_first: impl Fn(&(u32, f32), &(u32, f32)) -> std::cmp::Ordering,
    offset: usize,
    limit: usize,
) -> Vec<(u32, f32)> {
    let total = ranked.len();
    let wanted = offset.saturating_add(limit).min(total);
    if wanted > 0 && wanted < total {
        ranked.select_nth_unstable_by(wanted - 1, &best_first);
        ranked.truncate(wanted);
    }
    // The order is total (ties go by id), so an unstable sort gives the stable one's result.
    ranked.sort_unstable_by(&best_first);
    ranked.into_iter().skip(offset).take(limit).collect()
}

/// [`best_page`] with each near-duplicate group once, at its best-ranked article. Returns
/// the page, per hit the number of other matches in its group, and the number of groups.
/// The best articles are ordered a few at a time, more only when groups fill them.
fn folded_page(
    store: &DocStore,
    mut ranked: Vec<(u32, f32)>,
    best_first: impl Fn(&(u32, f32), &(u32, f32)) -> std::cmp::Ordering,
    offset: usize,
    limit: usize,
) -> (Vec<(u32, f32)>, Vec<usize>, usize) {
    const SHOWN: u32 = 1 << 31;
    let family = |id: u32| store.get(id).map_or(id, |s| s.family) as usize;
    // Matches per group, indexed by the group's first id; a group counts once in `groups`.
    let mut size = vec![0u32; store.next_id() as usize];
    let mut groups = 0;
    for &(id, _) in &ranked {
        if let Some(n) = size.get_mut(family(id)) {
            groups += usize::from(*n == 0);
            *n += 1;
        }
    }
    let total = ranked.len();
    let wanted = offset.saturating_add(limit).min(groups);
    let mut ordered = wanted.saturating_mul(2).saturating_add(16).min(total);
    let mut page: Vec<(u32, f32)> = Vec::new();
    while page.len() < wanted {
        if ordered < total {
            ranked.select_nth_unstable_by(ordered - 1, &best_first);
        }
        ranked[..ordered].sort_unstable_by(&best_first);
        // A group's first hit marks it shown (the top bit of its size), unmarked after.
        page.clear();
        for &(id, score) in &ranked[..ordered] {
            if page.len() == wanted {
                break;
            }
            let n = &mut size[family(id)];
            if *n & SHOWN == 0 {
                *n |= SHOWN;
                page.push((id, score));
            }
        }
        for &(id, _) in &page {
            size[family(id)] &= !SHOWN;
        }
        if ordered == total {
            break;
        }
        ordered = ordered.saturating_mul(4).min(total);
    }
    let page: Vec<(u32, f32)> = page.into_iter().skip(offset).collect();
    let similar = page
        .iter()
        .map(|&(id, _)| {
            size.get(family(id))
                .map_or(0, |&n| n.saturating_sub(1) as usize)
        })
        .collect();
    (page, similar, groups)
}

/// Where the query's terms stand in the bodies of the hits on this page, from the posting
/// lists: `(word position in the body, term number)` per article. `None` when the marker
/// needs the text itself (exact forms, regexes) or the analyzer is not the default one;
/// snippets then analyse the bodies instead.
fn hit_positions(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    marker: &snippet::Marker,
    page: &[(u32, f32)],
) -> Option<rustc_hash::FxHashMap<u32, Vec<(u32, u32)>>> {
    if !marker.exact.is_empty() || !marker.regexes.is_empty() || !analyzer.normalize {
        return None;
    }
    let mut out: rustc_hash::FxHashMap<u32, Vec<(u32, u32)>> =
        page.iter().map(|&(id, _)| (id, Vec::new())).collect();
    let mut docs: Vec<u32> = page.iter().map(|p| p.0).collect();
    docs.sort_unstable();
    for (n, term) in marker.terms.iter().enumerate() {
        let Some(mut cursor) = postings.cursor(term) else {
            continue;
        };
        for &doc in &docs {
            if cursor.seek(doc) != Some(doc) {
                continue;
            }
            let (Some(list), Some(stored)) = (out.get_mut(&doc), store.get(doc)) else {
                continue;
            };
            let body_at = crate::index::postings::body_start(stored.title_tokens);
            list.extend(
                cursor
                    .positions()
                    .filter(|p| p.0 >= body_at)
                    .map(|p| (p.0 - body_at, n as u32)),
            );
        }
    }
    Some(out)
}

/// Marks in article `id` every word the query looks for (not the words it excludes),
/// expanding prefixes and typos as the search does. With `exact_all`, every word is
/// matched by its exact form (the search's `exact` option).
pub fn highlight(
    store: &DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    links: Option<&link::Links>,
    id: u32,
    query: &str,
    exact_all: bool,
) -> Result<Highlighted, Error> {
    let article = &store
        .get(id)
        .ok_or_else(|| {
            Error::new(
                crate::error::ErrorKind::NotFound,
                format!("no article with id {id}"),
            )
        })?
        .article;
    let mut plan = plan::Plan::new(store, postings, analyzer, exact_all);
    if let Some(tree) = parse(query)? {
        // The names the search expanded into are marked too (الغوطة for Ghouta).
        let tree = match links.filter(|_| !exact_all) {
            Some(l) => l.linker.expand(tree).0,
            None => tree,
        };
        plan.eval(&tree, false);
    }
    let marker = plan.highlight;
    let (title, mut hits) = snippet::mark(&article.title, analyzer, &marker);
    let paragraphs = article
        .paragraphs
        .iter()
        .map(|p| {
            let (segments, n) = snippet::mark(p, analyzer, &marker);
            hits += n;
            segments
        })
        .collect();
    Ok(Highlighted {
        title,
        paragraphs,
        hits,
        partial: marker.budget.ran_short(),
    })
}
