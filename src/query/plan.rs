//! Evaluating a parsed query against the index: each node yields the articles it matches
//! with a score, or nothing when it places no constraint (a lone stop word). Words are
//! analyzed by the same analyzer as the articles; a word that analyzes to several tokens
//! (Jean-Yves) becomes a phrase.

use super::bm25::{self, Fields};
use super::expand;
use super::parse::{Field, Node};
#[cfg(feature = "regex")]
use super::pattern;
use super::snippet::Marker;
use crate::analysis::{self, Token};
use crate::index::{postings, DocStore, Postings};
use rustc_hash::FxHashMap;

pub type Scores = FxHashMap<u32, f32>;

/// What a search needs of the corpus, plus what it learns for highlighting.
pub struct Plan<'a> {
    pub store: &'a DocStore,
    pub postings: &'a Postings,
    pub analyzer: &'a analysis::Config,
    /// Match every word by its exact surface form.
    pub exact: bool,
    /// Count stop words as ordinary words (used when a query holds nothing else).
    pub keep_stop: bool,
    /// Inside `title:`: only title positions count.
    title_only: bool,
    /// Notes for the user, such as a regex search stopped by its work limit.
    pub warnings: Vec<String>,
    /// With the `explain` option: per article, the parts its score adds up from.
    pub explanations: Option<FxHashMap<u32, Vec<bm25::Explanation>>>,
    /// Terms and exact forms that matched positively, for snippets.
    pub highlight: Marker,
}

impl<'a> Plan<'a> {
    pub fn new(
        store: &'a DocStore,
        postings: &'a Postings,
        analyzer: &'a analysis::Config,
        exact: bool,
    ) -> Self {
        Plan {
            store,
            postings,
            analyzer,
            exact,
            keep_stop: false,
            title_only: false,
            explanations: None,
            warnings: Vec::new(),
            highlight: Marker::default(),
        }
    }

    pub fn eval(&mut self, node: &Node, negated: bool) -> Option<Scores> {
        match node {
            Node::Word { text, exact } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                let exact = *exact || self.exact;
                match tokens.len() {
                    0 => None,
                    1 if !exact && tokens[0].stop && !self.keep_stop => None,
                    1 => Some(self.word(&tokens[0], exact, negated)),
                    _ => Some(self.phrase(&tokens, exact, negated)),
                }
            }
            Node::Phrase { text } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                if tokens.is_empty() {
                    return None;
                }
                let exact = self.exact;
                Some(self.phrase(&tokens, exact, negated))
            }
            Node::Prefix { text } => {
                let form = analysis::prefix_form(text, self.analyzer)?;
                let terms = expand::prefix(self.postings, &form);
                Some(self.expanded(&format!("{text}*"), terms, negated))
            }
            Node::Fuzzy { text, edits } => {
                let token = analysis::analyze_with(text, self.analyzer)
                    .into_iter()
                    .next()?;
                let edits = edits.map_or_else(
                    || expand::default_edits(token.term.chars().count()),
                    usize::from,
                );
                let terms = expand::fuzzy(self.postings, &token.term, edits);
                Some(self.expanded(&format!("{text}~{edits}"), terms, negated))
            }
            Node::Title(inner) => {
                let outer = std::mem::replace(&mut self.title_only, true);
                let scores = self.eval(inner, negated);
                self.title_only = outer;
                scores
            }
            Node::Filter { field, value } => Some(self.filter(*field, value)),
            #[cfg(not(feature = "regex"))]
            Node::Regex { .. } => None,
            #[cfg(feature = "regex")]
            Node::Regex { pattern, .. } => {
                // Parsing already compiled it once; a failure here cannot happen.
                let re = pattern::compile(pattern).ok()?;
                let scores = self.regex(&re, pattern, negated);
                if !negated {
                    self.highlight.regexes.push(re);
                }
                Some(scores)
            }
            Node::Not(inner) => {
                let excluded = self.eval(inner, !negated)?;
                Some(self.all_but(&excluded))
            }
            Node::And(parts) => {
                let mut positive: Vec<Scores> = Vec::new();
                let mut excluded: Vec<Scores> = Vec::new();
                for part in parts {
                    match part {
                        Node::Not(inner) => excluded.extend(self.eval(inner, !negated)),
                        _ => positive.extend(self.eval(part, negated)),
                    }
                }
                let mut result = if positive.is_empty() {
                    if excluded.is_empty() {
                        return None;
                    }
                    self.all_but(&Scores::default())
                } else {
                    positive.sort_by_key(|s| s.len());
                    let mut iter = positive.into_iter();
                    let mut acc = iter.next().unwrap_or_default();
                    for other in iter {
                        acc.retain(|doc, score| match other.get(doc) {
                            Some(s) => {
                                *score += s;
                                true
                            }
                            None => false,
                        });
                    }
                    acc
                };
                for ex in &excluded {
                    result.retain(|doc, _| !ex.contains_key(doc));
                }
                Some(result)
            }
            Node::Or(parts) => {
                let mut any = false;
                let mut acc = Scores::default();
                for part in parts {
                    if let Some(scores) = self.eval(part, negated) {
                        any = true;
                        for (doc, s) in scores {
                            *acc.entry(doc).or_default() += s;
                        }
                    }
                }
                any.then_some(acc)
            }
        }
    }

    fn all_but(&self, excluded: &Scores) -> Scores {
        self.store
            .iter()
            .filter(|(id, _)| !excluded.contains_key(id))
            .map(|(id, _)| (id, 0.0))
            .collect()
    }

    /// The score of one query word in one article, its parts kept when explaining.
    fn bm25(&mut self, doc: u32, idf: f32, f: Fields, word: &str, negated: bool) -> f32 {
        let (mean_title, mean_body) = self.store.mean_lengths();
        match self.explanations.as_mut().filter(|_| !negated) {
            Some(parts) => {
                let e = bm25::explain(idf, f, mean_title, mean_body, word.to_string());
                let score = e.score;
                parts.entry(doc).or_default().push(e);
                score
            }
            None => bm25::score(idf, f, mean_title, mean_body),
        }
    }

    /// Where a query token occurs: per article, its positions (any reading) and its
    /// per-field frequencies, alternative readings weighted down. With `exact`, only
    /// words written exactly as the query's word count.
    fn occurrences(
        &self,
        token: &Token,
        exact: bool,
        keep_positions: bool,
    ) -> FxHashMap<u32, Occurrence> {
        let mut out: FxHashMap<u32, Occurrence> = FxHashMap::default();
        if exact {
            // An exact form implies its main term, so the term's list gives the candidates
            // and re-reading each candidate keeps only the words written that way.
            self.postings.for_each(&token.term, |doc, _| {
                if let Some(occ) = self.exact_occurrence(doc, &token.exact) {
                    out.insert(doc, occ);
                }
            });
            return out;
        }
        let terms: Vec<(String, f32)> = token
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    t.clone(),
                    if i == 0 {
                        1.0
                    } else {
                        bm25::ALTERNATIVE_WEIGHT
                    },
                )
            })
            .collect();
        self.term_occurrences(&terms, keep_positions)
    }

    /// Occurrences of any of `terms` (each with its weight), as for one query word.
    fn term_occurrences(
        &self,
        terms: &[(String, f32)],
        keep_positions: bool,
    ) -> FxHashMap<u32, Occurrence> {
        let mut out: FxHashMap<u32, Occurrence> = FxHashMap::default();
        for (term, query_weight) in terms {
            let query_weight = *query_weight;
            self.postings.for_each(term, |doc, positions| {
                let Some(stored) = self.store.get(doc) else {
                    return;
                };
                let body_at = postings::body_start(stored.title_tokens);
                if self.title_only && positions.first().is_none_or(|&(p, _)| p >= body_at) {
                    return;
                }
                let occ = out.entry(doc).or_default();
                for &(pos, alt) in positions {
                    if self.title_only && pos >= body_at {
                        break;
                    }
                    let w = query_weight * if alt { bm25::ALTERNATIVE_WEIGHT } else { 1.0 };
                    if pos < body_at {
                        occ.title_tf += w;
                    } else {
                        occ.body_tf += w;
                    }
                    if keep_positions {
                        occ.positions.push(pos);
                    }
                }
            });
        }
        if keep_positions && terms.len() > 1 {
            for occ in out.values_mut() {
                occ.positions.sort_unstable();
                occ.positions.dedup();
            }
        }
        out
    }

    /// The positions of the words of article `doc` whose exact form is `form`.
    fn exact_occurrence(&self, doc: u32, form: &str) -> Option<Occurrence> {
        let stored = self.store.get(doc)?;
        let body_at = postings::body_start(stored.title_tokens);
        let mut occ = Occurrence::default();
        let mut pos = 0;
        analysis::each_word(&stored.article.title, self.analyzer, |_, _, w| {
            if w.exact == form {
                occ.title_tf += 1.0;
                occ.positions.push(pos);
            }
            pos += 1;
        });
        if self.title_only {
            return (!occ.positions.is_empty()).then_some(occ);
        }
        pos = body_at;
        analysis::each_word(&stored.article.body(), self.analyzer, |_, _, w| {
            if w.exact == form {
                occ.body_tf += 1.0;
                occ.positions.push(pos);
            }
            pos += 1;
        });
        (!occ.positions.is_empty()).then_some(occ)
    }

    fn fields(&self, doc: u32, title_tf: f32, body_tf: f32) -> Fields {
        let (title_len, body_len) = self.store.get(doc).map_or((0.0, 0.0), |s| {
            (s.title_tokens as f32, s.body_tokens as f32)
        });
        Fields {
            title_tf,
            body_tf,
            title_len,
            body_len,
        }
    }

    fn note_highlight(&mut self, token: &Token, exact: bool) {
        if exact {
            self.highlight.exact.insert(token.exact.clone());
        } else {
            self.highlight.terms.extend(token.terms.iter().cloned());
        }
    }

    fn word(&mut self, token: &Token, exact: bool, negated: bool) -> Scores {
        if !negated {
            self.note_highlight(token, exact);
        }
        let found = self.occurrences(token, exact, false);
        let label = if exact {
            format!("={}", token.text)
        } else {
            token.text.clone()
        };
        self.score_all(found, &label, negated)
    }

    /// Scores every article where one query word occurs, as one BM25F term.
    fn score_all(
        &mut self,
        found: FxHashMap<u32, Occurrence>,
        label: &str,
        negated: bool,
    ) -> Scores {
        let idf = bm25::idf(self.store.len(), found.len());
        found
            .into_iter()
            .map(|(doc, o)| {
                let f = self.fields(doc, o.title_tf, o.body_tf);
                (doc, self.bm25(doc, idf, f, label, negated))
            })
            .collect()
    }

    /// A word that stands for several terms (a prefix or a fuzzy word), scored as one word.
    fn expanded(&mut self, label: &str, terms: Vec<(String, f32)>, negated: bool) -> Scores {
        if !negated {
            self.highlight
                .terms
                .extend(terms.iter().map(|(t, _)| t.clone()));
        }
        let found = self.term_occurrences(&terms, false);
        self.score_all(found, label, negated)
    }

    #[cfg(feature = "regex")]
    /// Articles whose title or body matches `re`, scored like a word whose frequency is the
    /// number of matches. Stops after reading `pattern::MAX_SCANNED` bytes and says so.
    fn regex(&mut self, re: &regex_lite::Regex, label: &str, negated: bool) -> Scores {
        let mut found = Vec::new();
        let mut scanned = 0usize;
        for (id, stored) in self.store.iter() {
            let a = &stored.article;
            let body = a.body();
            scanned += a.title.len() + body.len();
            if scanned > pattern::MAX_SCANNED {
                self.warnings.push(format!(
                    "the regular expression was tried on the first {} articles only (work limit); results are partial",
                    found.len()
                ));
                break;
            }
            let (title, body) = (re.find_iter(&a.title).count(), re.find_iter(&body).count());
            if title + body > 0 {
                found.push((id, title as f32, body as f32));
            }
        }
        let idf = bm25::idf(self.store.len(), found.len());
        let label = format!("/{label}/");
        found
            .into_iter()
            .map(|(doc, t, b)| {
                (
                    doc,
                    self.bm25(doc, idf, self.fields(doc, t, b), &label, negated),
                )
            })
            .collect()
    }

    /// Articles whose metadata field matches `value` (case and accents aside), score 0.
    fn filter(&self, field: Field, value: &str) -> Scores {
        let want = value.to_lowercase();
        self.store
            .iter()
            .filter(|(_, s)| {
                let a = &s.article;
                match field {
                    Field::Lang => a.lang.eq_ignore_ascii_case(&want),
                    Field::Source => [&a.outlet, &a.agency]
                        .into_iter()
                        .flatten()
                        .any(|name| name.to_lowercase().contains(&want)),
                    Field::File => a.file.to_lowercase().contains(&want),
                }
            })
            .map(|(id, _)| (id, 0.0))
            .collect()
    }

    fn phrase(&mut self, tokens: &[Token], exact: bool, negated: bool) -> Scores {
        if !negated {
            tokens.iter().for_each(|t| self.note_highlight(t, exact));
        }
        let found: Vec<FxHashMap<u32, Occurrence>> = tokens
            .iter()
            .map(|t| self.occurrences(t, exact, true))
            .collect();
        let n = self.store.len();
        // The phrase is as telling as its rarest-but-one words together; stop words add little.
        let idf: f32 = tokens
            .iter()
            .zip(&found)
            .filter(|(t, _)| !t.stop)
            .map(|(_, f)| bm25::idf(n, f.len()))
            .sum::<f32>()
            .max(bm25::idf(n, n));
        let Some((rarest, _)) = found.iter().enumerate().min_by_key(|(_, f)| f.len()) else {
            return Scores::default();
        };
        let label = format!(
            "\"{}\"",
            tokens
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let mut out = Scores::default();
        let docs: Vec<u32> = found[rarest].keys().copied().collect();
        for doc in docs {
            let Some(lists): Option<Vec<&Vec<u32>>> = found
                .iter()
                .map(|f| f.get(&doc).map(|o| &o.positions))
                .collect()
            else {
                continue;
            };
            let body_at = self
                .store
                .get(doc)
                .map_or(0, |s| postings::body_start(s.title_tokens));
            let (mut title_tf, mut body_tf) = (0.0, 0.0);
            for &p in lists[0] {
                let follows =
                    (1..lists.len()).all(|i| lists[i].binary_search(&(p + i as u32)).is_ok());
                if follows {
                    if p < body_at {
                        title_tf += 1.0;
                    } else {
                        body_tf += 1.0;
                    }
                }
            }
            if title_tf + body_tf > 0.0 {
                let f = self.fields(doc, title_tf, body_tf);
                out.insert(doc, self.bm25(doc, idf, f, &label, negated));
            }
        }
        out
    }
}

/// Where one query token occurs in one article.
#[derive(Debug, Default)]
struct Occurrence {
    /// Ascending, deduplicated.
    positions: Vec<u32>,
    title_tf: f32,
    body_tf: f32,
}
