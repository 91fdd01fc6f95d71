//! Evaluating a parsed query against the index: each node yields the articles it matches
//! with a score, or nothing when it places no constraint (a lone stop word). Words are
//! analyzed by the same analyzer as the articles; a word that analyzes to several tokens
//! (Jean-Yves) becomes a phrase.
//!
//! Results are vectors sorted by article id, so AND, OR and NOT are linear merges with no
//! hashing. An AND evaluates its most selective part first and hands the articles found to
//! the next parts as candidates (`within`): their posting lists are then read only where a
//! candidate is, jumping ahead by the lists' skip entries. A word's idf comes from its
//! terms' list lengths, never from what an evaluation happened to decode, so a score does
//! not depend on the order of evaluation.

use super::bm25::{self, Fields};
use super::expand;
use super::parse::{Field, Node};
use super::pattern::{Budget, Pattern, Scanned};
use super::snippet::Marker;
use crate::analysis::{self, Token};
use crate::index::{pair_form, postings, DocStore, Postings};
use crate::message::{Code, Message};
use rustc_hash::FxHashMap;

/// Matching articles with their scores, ascending by id, each id once.
pub type Scores = Vec<(u32, f32)>;

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
    pub warnings: Vec<Message>,
    /// What regex searching may still spend, for every regex of the query together.
    pub budget: Budget,
    /// With the `explain` option: per article, the parts its score adds up from.
    pub explanations: Option<FxHashMap<u32, Vec<bm25::Explanation>>>,
    /// Terms and exact forms that matched positively, for snippets.
    pub highlight: Marker,
}

/// Where one query token occurs in one article.
#[derive(Clone, Copy, Debug)]
struct Occ {
    doc: u32,
    title_tf: f32,
    body_tf: f32,
    /// Its positions: `Found::positions[from..to]`, ascending and distinct.
    from: u32,
    to: u32,
}

/// Where one query token occurs, ascending by article.
#[derive(Debug, Default)]
struct Found {
    occ: Vec<Occ>,
    positions: Vec<u32>,
}

impl Found {
    fn positions(&self, o: &Occ) -> &[u32] {
        &self.positions[o.from as usize..o.to as usize]
    }

    fn docs(&self) -> Vec<u32> {
        self.occ.iter().map(|o| o.doc).collect()
    }

    /// Records article `doc` with its frequencies and the positions pushed since `from`; an
    /// article without a match leaves nothing behind.
    fn close(&mut self, doc: u32, title_tf: f32, body_tf: f32, from: u32) {
        if title_tf + body_tf > 0.0 {
            let to = self.positions.len() as u32;
            self.occ.push(Occ {
                doc,
                title_tf,
                body_tf,
                from,
                to,
            });
        } else {
            self.positions.truncate(from as usize);
        }
    }
}

/// A cost far above any list length: parts that read the whole corpus or many lists.
const COSTLY: usize = usize::MAX / 4;

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
            budget: Budget::default(),
            highlight: Marker::default(),
        }
    }

    pub fn eval(&mut self, node: &Node, negated: bool) -> Option<Scores> {
        self.eval_in(node, negated, None)
    }

    /// Evaluates `node`; with `within` (ascending ids) only those articles need be
    /// considered, though more may come back (the caller intersects).
    fn eval_in(&mut self, node: &Node, negated: bool, within: Option<&[u32]>) -> Option<Scores> {
        match node {
            Node::Word { text, exact } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                let exact = *exact || self.exact;
                match tokens.len() {
                    0 => None,
                    1 if !exact && tokens[0].stop && !self.keep_stop => None,
                    1 => Some(self.word(&tokens[0], exact, negated, within)),
                    _ => Some(self.phrase(&tokens, exact, negated, within)),
                }
            }
            Node::Phrase { text } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                if tokens.is_empty() {
                    return None;
                }
                let exact = self.exact;
                Some(self.phrase(&tokens, exact, negated, within))
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
                let scores = self.eval_in(inner, negated, within);
                self.title_only = outer;
                scores
            }
            Node::Filter { field, value } => Some(self.filter(*field, value, within)),
            Node::Regex { pattern, .. } => {
                // Parsing already compiled it once (and refused it in a build without
                // regexes); a failure here cannot happen.
                let re = Pattern::compile(pattern).ok()?;
                let scores = self.regex(&re, pattern, negated);
                if !negated {
                    self.highlight.regexes.push(re);
                }
                Some(scores)
            }
            Node::Not(inner) => {
                let excluded = self.eval_in(inner, !negated, within)?;
                Some(self.all_but(&excluded, within))
            }
            Node::And(parts) => self.and(parts, negated, within),
            Node::Or(parts) => {
                let mut any = false;
                let mut acc = Scores::new();
                for part in parts {
                    if let Some(scores) = self.eval_in(part, negated, within) {
                        any = true;
                        acc = union(&acc, &scores);
                    }
                }
                any.then_some(acc)
            }
            Node::Same(parts) => self.same(parts, negated, within),
        }
    }

    /// Names of one thing: every article any part matches, scored by its best part, the
    /// added names (all parts after the first) weighed `ADDED_NAME_WEIGHT`. Explanations
    /// keep the best part's only, so they still add up to the score.
    fn same(&mut self, parts: &[Node], negated: bool, within: Option<&[u32]>) -> Option<Scores> {
        let mut any = false;
        let mut acc = Scores::new();
        // Per article, the explanation of its best part so far.
        let mut kept: Option<FxHashMap<u32, Vec<bm25::Explanation>>> =
            self.explanations.as_ref().map(|_| FxHashMap::default());
        for (i, part) in parts.iter().enumerate() {
            let weight = if i == 0 { 1.0 } else { bm25::ADDED_NAME_WEIGHT };
            let outer = kept
                .as_ref()
                .map(|_| self.explanations.replace(FxHashMap::default()));
            let scores = self.eval_in(part, negated, within);
            let mine = outer.and_then(|o| std::mem::replace(&mut self.explanations, o));
            let Some(mut scores) = scores else {
                continue;
            };
            any = true;
            scores.iter_mut().for_each(|s| s.1 *= weight);
            let (merged, winners) = best(&acc, &scores);
            if let (Some(kept), Some(mut mine)) = (kept.as_mut(), mine) {
                for doc in winners {
                    let mut parts = mine.remove(&doc).unwrap_or_default();
                    for e in &mut parts {
                        e.idf *= weight;
                        e.score *= weight;
                    }
                    kept.insert(doc, parts);
                }
            }
            acc = merged;
        }
        if let (Some(all), Some(kept)) = (self.explanations.as_mut(), kept) {
            for (doc, parts) in kept {
                all.entry(doc).or_default().extend(parts);
            }
        }
        any.then_some(acc)
    }

    /// All parts must match; the cheapest is read first and narrows the others.
    fn and(&mut self, parts: &[Node], negated: bool, within: Option<&[u32]>) -> Option<Scores> {
        let mut positive: Vec<(usize, &Node)> = Vec::new();
        let mut excluded: Vec<&Node> = Vec::new();
        for part in parts {
            match part {
                Node::Not(inner) => excluded.push(inner),
                _ => positive.push((self.cost(part), part)),
            }
        }
        // Sorted as (cost, index) pairs of u32: the sort the indexer already uses.
        let mut order: Vec<(u32, u32)> = positive
            .iter()
            .enumerate()
            .map(|(i, (cost, _))| ((*cost).min(u32::MAX as usize) as u32, i as u32))
            .collect();
        order.sort_unstable();
        let positive: Vec<(usize, &Node)> = order
            .into_iter()
            .map(|(_, i)| positive[i as usize])
            .collect();
        let mut acc: Option<Scores> = None;
        let mut docs: Vec<u32> = Vec::new();
        for (_, part) in positive {
            let narrowed = if acc.is_some() {
                Some(&docs[..])
            } else {
                within
            };
            let Some(scores) = self.eval_in(part, negated, narrowed) else {
                continue;
            };
            let next = match acc {
                Some(acc) => intersect(&acc, &scores),
                None => scores,
            };
            docs = next.iter().map(|s| s.0).collect();
            acc = Some(next);
        }
        let mut result = match acc {
            Some(acc) => acc,
            None if excluded.is_empty() => return None,
            None => {
                let all = self.all_but(&[], within);
                docs = all.iter().map(|s| s.0).collect();
                all
            }
        };
        for inner in excluded {
            if let Some(ex) = self.eval_in(inner, !negated, Some(&docs)) {
                result = minus(&result, &ex);
                docs = result.iter().map(|s| s.0).collect();
            }
        }
        if !negated {
            self.title_pair_bonus(parts, &mut result);
        }
        Some(result)
    }

    /// Adds [`bm25::TITLE_PAIR_WEIGHT`] for each two query words next to each other (stop
    /// words aside) that the title also has side by side, in any of their readings:
    /// "Syrian Army Kills" recalled from a headline finds the headline before the articles
    /// that only share its words.
    fn title_pair_bonus(&mut self, parts: &[Node], result: &mut Scores) {
        // Per pair of query words: every pair of their readings, and how it is shown.
        let mut pairs: Vec<(Vec<u32>, String)> = Vec::new();
        let mut last: Option<(Vec<String>, &str)> = None;
        for part in parts {
            match self.plain_word(part) {
                Some((None, _)) => {}
                Some((Some(terms), text)) => {
                    if let Some((before, before_text)) = &last {
                        let keys = before
                            .iter()
                            .flat_map(|a| terms.iter().map(move |b| pair_form(a, b)))
                            .collect();
                        pairs.push((keys, format!("{before_text} {text}")));
                    }
                    last = Some((terms, text));
                }
                None => last = None,
            }
        }
        if pairs.is_empty() {
            return;
        }
        for (doc, score) in result.iter_mut() {
            let Some(stored) = self.store.get(*doc) else {
                continue;
            };
            for (keys, label) in &pairs {
                if !keys.iter().any(|&k| stored.title_has_form(k)) {
                    continue;
                }
                *score += bm25::TITLE_PAIR_WEIGHT;
                if let Some(parts) = self.explanations.as_mut() {
                    let e = bm25::pair_explanation(format!("\"{label}\" in the title"));
                    parts.entry(*doc).or_default().push(e);
                }
            }
        }
    }

    /// A query part that is one plain word (or a cross-lingual expansion of one): its
    /// readings (`None` for a stop word, which the title pairs skip) and its text; `None`
    /// for any other part.
    fn plain_word<'n>(&self, node: &'n Node) -> Option<(Option<Vec<String>>, &'n str)> {
        match node {
            Node::Word { text, exact: false } if !self.exact => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                match tokens.as_slice() {
                    [t] if t.stop => Some((None, text)),
                    [t] => Some((Some(t.terms.clone()), text)),
                    _ => None,
                }
            }
            Node::Same(names) => names.first().and_then(|n| self.plain_word(n)),
            _ => None,
        }
    }

    /// About how many list entries evaluating `node` reads: orders the parts of an AND.
    fn cost(&self, node: &Node) -> usize {
        match node {
            Node::Word { text, exact } if !*exact && !self.exact => {
                analysis::analyze_with(text, self.analyzer)
                    .iter()
                    .filter(|t| !t.stop || self.keep_stop)
                    .map(|t| self.df(t))
                    .min()
                    .unwrap_or(COSTLY)
            }
            Node::Phrase { text } if !self.exact => analysis::analyze_with(text, self.analyzer)
                .iter()
                .map(|t| self.df(t))
                .min()
                .unwrap_or(COSTLY),
            Node::Title(inner) => self.cost(inner),
            Node::And(parts) => parts.iter().map(|p| self.cost(p)).min().unwrap_or(COSTLY),
            Node::Or(parts) | Node::Same(parts) => parts
                .iter()
                .map(|p| self.cost(p))
                .fold(0usize, usize::saturating_add),
            // Checked per candidate: cheap once words have narrowed the articles.
            Node::Filter { .. } => COSTLY - 1,
            _ => COSTLY,
        }
    }

    /// A token's document frequency for idf: the longest list among its readings (an
    /// article with the word written one way is, as a rule, in the list of its reading).
    fn df(&self, token: &Token) -> usize {
        token
            .terms
            .iter()
            .map(|t| self.postings.df(t))
            .max()
            .unwrap_or(0)
    }

    fn all_but(&self, excluded: &[(u32, f32)], within: Option<&[u32]>) -> Scores {
        let everything: Scores = match within {
            Some(docs) => docs
                .iter()
                .filter(|&&d| self.store.get(d).is_some())
                .map(|&d| (d, 0.0))
                .collect(),
            None => self.store.iter().map(|(id, _)| (id, 0.0)).collect(),
        };
        minus(&everything, excluded)
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
        within: Option<&[u32]>,
        keep_positions: bool,
    ) -> Found {
        if exact {
            // An exact form implies its main term, so the term's list gives the candidates
            // and re-reading each candidate keeps only the words written that way.
            let mut found = Found::default();
            let candidates = self.term_occurrences(&[(token.term.clone(), 1.0)], within, false);
            for o in candidates.occ {
                self.exact_occurrence(o.doc, &token.exact, &mut found);
            }
            return found;
        }
        let terms: Vec<(String, f32)> = token
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let weight = if i == 0 {
                    1.0
                } else {
                    bm25::ALTERNATIVE_WEIGHT
                };
                (t.clone(), weight)
            })
            .collect();
        self.term_occurrences(&terms, within, keep_positions)
    }

    /// Occurrences of any of `terms` (each with its weight), as for one query word.
    fn term_occurrences(
        &self,
        terms: &[(String, f32)],
        within: Option<&[u32]>,
        keep_positions: bool,
    ) -> Found {
        if !keep_positions && terms.len() > 2 {
            // Many terms (a prefix, a fuzzy word): one sort beats merging list by list.
            let mut all: Vec<Occ> = Vec::new();
            for (term, weight) in terms {
                all.extend(self.list_occurrences(term, *weight, within, false).occ);
            }
            // Sorted as (doc, index) pairs: the same sort the indexer uses, no new code.
            let mut order: Vec<(u32, u32)> = all
                .iter()
                .enumerate()
                .map(|(i, o)| (o.doc, i as u32))
                .collect();
            order.sort_unstable();
            let mut occ: Vec<Occ> = Vec::with_capacity(all.len());
            for o in order.into_iter().map(|(_, i)| all[i as usize]) {
                match occ.last_mut() {
                    Some(last) if last.doc == o.doc => {
                        last.title_tf += o.title_tf;
                        last.body_tf += o.body_tf;
                    }
                    _ => occ.push(o),
                }
            }
            return Found {
                occ,
                positions: Vec::new(),
            };
        }
        let mut merged = Found::default();
        for (term, weight) in terms {
            let one = self.list_occurrences(term, *weight, within, keep_positions);
            merged = if merged.occ.is_empty() {
                one
            } else {
                merge(&merged, &one, keep_positions)
            };
        }
        merged
    }

    /// One term's list read as occurrences: all of it, or only at the `within` articles
    /// (by seeking when they are few, by walking alongside when they are many).
    fn list_occurrences(
        &self,
        term: &str,
        weight: f32,
        within: Option<&[u32]>,
        keep_positions: bool,
    ) -> Found {
        let mut found = Found::default();
        let Some(mut cursor) = self.postings.cursor(term) else {
            return found;
        };
        let take = |doc: u32, cursor: &postings::Cursor, found: &mut Found| {
            let Some(stored) = self.store.get(doc) else {
                return;
            };
            let body_at = postings::body_start(stored.title_tokens);
            let from = found.positions.len() as u32;
            let (mut title_tf, mut body_tf) = (0.0, 0.0);
            for (pos, alt) in cursor.positions() {
                if self.title_only && pos >= body_at {
                    break;
                }
                let w = weight * if alt { bm25::ALTERNATIVE_WEIGHT } else { 1.0 };
                if pos < body_at {
                    title_tf += w;
                } else {
                    body_tf += w;
                }
                if keep_positions {
                    found.positions.push(pos);
                }
            }
            found.close(doc, title_tf, body_tf, from);
        };
        match within {
            Some(docs) if docs.len() < self.postings.df(term) * 4 => {
                for &doc in docs {
                    match cursor.seek(doc) {
                        Some(d) if d == doc => take(doc, &cursor, &mut found),
                        Some(_) => {}
                        None => break,
                    }
                }
            }
            Some(docs) => {
                let mut i = 0;
                while let Some(doc) = cursor.next() {
                    i += docs[i..].partition_point(|&d| d < doc);
                    if i == docs.len() {
                        break;
                    }
                    if docs[i] == doc {
                        take(doc, &cursor, &mut found);
                    }
                }
            }
            None => {
                while let Some(doc) = cursor.next() {
                    take(doc, &cursor, &mut found);
                }
            }
        }
        found
    }

    /// Adds the positions of the words of article `doc` whose exact form is `form`.
    fn exact_occurrence(&self, doc: u32, form: &str, found: &mut Found) {
        let Some(stored) = self.store.get(doc) else {
            return;
        };
        let body_at = postings::body_start(stored.title_tokens);
        let from = found.positions.len() as u32;
        let (mut title_tf, mut body_tf) = (0.0, 0.0);
        let mut pos = 0;
        analysis::each_word(&stored.article.title, self.analyzer, |_, _, w| {
            if w.exact == form {
                title_tf += 1.0;
                found.positions.push(pos);
            }
            pos += 1;
        });
        if !self.title_only {
            pos = body_at;
            analysis::each_word(&stored.article.body(), self.analyzer, |_, _, w| {
                if w.exact == form {
                    body_tf += 1.0;
                    found.positions.push(pos);
                }
                pos += 1;
            });
        }
        found.close(doc, title_tf, body_tf, from);
    }

    /// What BM25F needs of article `doc`; `forms`: the query word's written forms (see
    /// `word`), for a word (not a phrase or an expansion).
    fn fields(&self, doc: u32, title_tf: f32, body_tf: f32, forms: &[u32]) -> Fields {
        let Some(s) = self.store.get(doc) else {
            return Fields::default();
        };
        let title_form = title_tf > 0.0 && forms.iter().any(|&f| s.title_has_form(f));
        Fields {
            title_tf,
            body_tf,
            title_len: s.title_tokens as f32,
            body_len: s.body_tokens as f32,
            title_form: f32::from(u8::from(title_form)),
        }
    }

    fn note_highlight(&mut self, token: &Token, exact: bool) {
        if exact {
            self.highlight.exact.insert(token.exact.clone());
        } else {
            self.highlight.terms.extend(token.terms.iter().cloned());
        }
    }

    fn word(
        &mut self,
        token: &Token,
        exact: bool,
        negated: bool,
        within: Option<&[u32]>,
    ) -> Scores {
        if !negated {
            self.note_highlight(token, exact);
        }
        let label = if exact {
            format!("={}", token.text)
        } else {
            token.text.clone()
        };
        if exact {
            // How many articles hold the exact form is known only by reading them all.
            let found = self.occurrences(token, true, None, false);
            let idf = bm25::idf(self.store.len(), found.occ.len());
            let scores = self.score_all(&found, idf, &label, negated, &[]);
            return restrict(scores, within);
        }
        let found = self.occurrences(token, false, within, false);
        let idf = bm25::idf(self.store.len(), self.df(token));
        // As written, or without the one-letter proclitic a reader put before it when the
        // corpus reads the word so more often (بتركية: ب + تركية; وزير stays one word):
        // "بتركية" is then written as "مقاتلات تركية" writes it, not as "التركية" is.
        let mut forms = vec![token.form];
        if let [main, reading] = token.terms.as_slice() {
            if token.script == analysis::Script::Arabic
                && self.postings.df(main) < self.postings.df(reading)
            {
                forms.push(analysis::proclitic_reading_form(&token.exact));
            }
        }
        self.score_all(&found, idf, &label, negated, &forms)
    }

    /// Scores every article where one query word occurs, as one BM25F term.
    fn score_all(
        &mut self,
        found: &Found,
        idf: f32,
        label: &str,
        negated: bool,
        forms: &[u32],
    ) -> Scores {
        found
            .occ
            .iter()
            .map(|o| {
                let f = self.fields(o.doc, o.title_tf, o.body_tf, forms);
                (o.doc, self.bm25(o.doc, idf, f, label, negated))
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
        let found = self.term_occurrences(&terms, None, false);
        let idf = bm25::idf(self.store.len(), found.occ.len());
        self.score_all(&found, idf, label, negated, &[])
    }

    /// Articles whose title or body matches `re`, scored like a word whose frequency is the
    /// number of matches. Stops at the first article the work budget cannot pay for and
    /// says so.
    fn regex(&mut self, re: &Pattern, label: &str, negated: bool) -> Scores {
        let mut found = Vec::new();
        for (searched, (id, stored)) in self.store.iter().enumerate() {
            let a = &stored.article;
            let (mut title, mut body) = (0usize, 0usize);
            let read = re.scan(&a.title, &self.budget, |_, _| title += 1) != Scanned::Unread
                && re.scan(&a.body(), &self.budget, |_, _| body += 1) != Scanned::Unread;
            if !read {
                let args = [
                    ("searched", searched.to_string()),
                    ("total", self.store.len().to_string()),
                ];
                self.warnings
                    .push(Message::new(Code::QueryRegexPartial, args));
                break;
            }
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
                    self.bm25(doc, idf, self.fields(doc, t, b, &[]), &label, negated),
                )
            })
            .collect()
    }

    /// Articles whose metadata field matches `value` (case and accents aside), score 0.
    fn filter(&self, field: Field, value: &str, within: Option<&[u32]>) -> Scores {
        let want = value.to_lowercase();
        let matches = |id: u32| {
            let Some(s) = self.store.get(id) else {
                return false;
            };
            let a = &s.article;
            match field {
                Field::Lang => a.lang.eq_ignore_ascii_case(&want),
                Field::Source => [&a.outlet, &a.agency]
                    .into_iter()
                    .flatten()
                    .any(|name| name.to_lowercase().contains(&want)),
                Field::File => a.file.to_lowercase().contains(&want),
            }
        };
        match within {
            Some(docs) => docs
                .iter()
                .filter(|&&d| matches(d))
                .map(|&d| (d, 0.0))
                .collect(),
            None => self
                .store
                .iter()
                .filter(|&(id, _)| matches(id))
                .map(|(id, _)| (id, 0.0))
                .collect(),
        }
    }

    fn phrase(
        &mut self,
        tokens: &[Token],
        exact: bool,
        negated: bool,
        within: Option<&[u32]>,
    ) -> Scores {
        if !negated {
            tokens.iter().for_each(|t| self.note_highlight(t, exact));
        }
        let n = self.store.len();
        let dfs: Vec<usize> = tokens.iter().map(|t| self.df(t)).collect();
        // The phrase is as telling as its words together; stop words add little.
        let idf: f32 = tokens
            .iter()
            .zip(&dfs)
            .filter(|(t, _)| !t.stop)
            .map(|(_, &df)| bm25::idf(n, df))
            .sum::<f32>()
            .max(bm25::idf(n, n));
        // Rarest word first; each next word is read only where all before it occur.
        let mut ranked: Vec<(u32, u32)> = dfs
            .iter()
            .enumerate()
            .map(|(i, &df)| (df.min(u32::MAX as usize) as u32, i as u32))
            .collect();
        ranked.sort_unstable();
        let order: Vec<usize> = ranked.into_iter().map(|(_, i)| i as usize).collect();
        let mut found: Vec<Option<Found>> = (0..tokens.len()).map(|_| None).collect();
        let mut candidates: Option<Vec<u32>> = within.map(<[u32]>::to_vec);
        for &i in &order {
            let f = self.occurrences(&tokens[i], exact, candidates.as_deref(), true);
            candidates = Some(match candidates {
                Some(c) => intersect_docs(&c, &f.docs()),
                None => f.docs(),
            });
            found[i] = Some(f);
        }
        let found: Vec<Found> = found.into_iter().map(Option::unwrap_or_default).collect();
        let label = format!(
            "\"{}\"",
            tokens
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        let mut out = Scores::new();
        let mut cursors = vec![0usize; found.len()];
        for doc in candidates.unwrap_or_default() {
            let lists: Vec<&[u32]> = found
                .iter()
                .zip(&mut cursors)
                .filter_map(|(f, at)| {
                    *at += f.occ[*at..].partition_point(|o| o.doc < doc);
                    let o = f.occ.get(*at).filter(|o| o.doc == doc)?;
                    Some(f.positions(o))
                })
                .collect();
            if lists.len() < found.len() {
                continue;
            }
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
                let f = self.fields(doc, title_tf, body_tf, &[]);
                out.push((doc, self.bm25(doc, idf, f, &label, negated)));
            }
        }
        out
    }
}

/// Two tokens' occurrences as one: frequencies added, positions merged.
fn merge(a: &Found, b: &Found, keep_positions: bool) -> Found {
    let mut out = Found {
        occ: Vec::with_capacity(a.occ.len().max(b.occ.len())),
        positions: Vec::new(),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.occ.len() || j < b.occ.len() {
        let (x, y) = (a.occ.get(i), b.occ.get(j));
        let doc = match (x, y) {
            (Some(x), Some(y)) => x.doc.min(y.doc),
            (Some(x), None) => x.doc,
            (None, Some(y)) => y.doc,
            (None, None) => break,
        };
        let x = x.filter(|x| x.doc == doc);
        let y = y.filter(|y| y.doc == doc);
        i += usize::from(x.is_some());
        j += usize::from(y.is_some());
        let from = out.positions.len() as u32;
        if keep_positions {
            out.positions
                .extend(x.map_or(&[][..], |x| a.positions(x)).iter().copied());
            out.positions
                .extend(y.map_or(&[][..], |y| b.positions(y)).iter().copied());
            let mine = &mut out.positions[from as usize..];
            mine.sort_unstable();
            let kept = dedup_len(mine);
            out.positions.truncate(from as usize + kept);
        }
        out.occ.push(Occ {
            doc,
            title_tf: x.map_or(0.0, |x| x.title_tf) + y.map_or(0.0, |y| y.title_tf),
            body_tf: x.map_or(0.0, |x| x.body_tf) + y.map_or(0.0, |y| y.body_tf),
            from,
            to: out.positions.len() as u32,
        });
    }
    out
}

/// Moves the distinct values of a sorted slice to its front; returns how many there are.
fn dedup_len(s: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..s.len() {
        if kept == 0 || s[i] != s[kept - 1] {
            s[kept] = s[i];
            kept += 1;
        }
    }
    kept
}

/// Articles in both, scores added.
fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Scores {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn intersect_docs(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Articles in either, scores added.
fn union(a: &[(u32, f32)], b: &[(u32, f32)]) -> Scores {
    merge_scores(a, b, |x, y| (x + y, false)).0
}

/// Articles in either, each with the higher score; also the articles whose score came
/// from `b` (ascending).
fn best(a: &[(u32, f32)], b: &[(u32, f32)]) -> (Scores, Vec<u32>) {
    merge_scores(a, b, |x, y| if y > x { (y, true) } else { (x, false) })
}

/// The one walk over two id-sorted score lists behind [`union`] and [`best`]: an article in one
/// list keeps its score; one in both gets `both(score in a, score in b)`, which also says
/// whether the result is `b`'s. Returns the merged list and the articles scored from `b`.
fn merge_scores(
    a: &[(u32, f32)],
    b: &[(u32, f32)],
    both: impl Fn(f32, f32) -> (f32, bool),
) -> (Scores, Vec<u32>) {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut from_b = Vec::new();
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                let (score, is_b) = both(x.1, y.1);
                out.push((x.0, score));
                if is_b {
                    from_b.push(y.0);
                }
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                from_b.push(y.0);
                j += 1;
            }
            (None, None) => break,
        }
    }
    (out, from_b)
}

/// Articles of `a` not in `b`.
fn minus(a: &[(u32, f32)], b: &[(u32, f32)]) -> Scores {
    let mut j = 0;
    a.iter()
        .filter(|(doc, _)| {
            j += b[j..].partition_point(|x| x.0 < *doc);
            b.get(j).is_none_or(|x| x.0 != *doc)
        })
        .copied()
        .collect()
}

/// Only the articles of `within`, when given.
fn restrict(scores: Scores, within: Option<&[u32]>) -> Scores {
    match within {
        None => scores,
        Some(docs) => {
            let mut j = 0;
            scores
                .into_iter()
                .filter(|(doc, _)| {
                    j += docs[j..].partition_point(|d| d < doc);
                    docs.get(j) == Some(doc)
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_keep_order_and_add_scores() {
        let a = vec![(1, 1.0), (3, 1.0), (5, 1.0)];
        let b = vec![(3, 2.0), (4, 2.0), (5, 2.0)];
        assert_eq!(intersect(&a, &b), [(3, 3.0), (5, 3.0)]);
        assert_eq!(union(&a, &b), [(1, 1.0), (3, 3.0), (4, 2.0), (5, 3.0)]);
        let c = vec![(3, 0.5), (4, 2.0), (5, 2.0)];
        assert_eq!(
            best(&a, &c),
            (vec![(1, 1.0), (3, 1.0), (4, 2.0), (5, 2.0)], vec![4, 5])
        );
        assert_eq!(minus(&a, &b), [(1, 1.0)]);
        assert_eq!(restrict(a.clone(), Some(&[3, 4])), [(3, 1.0)]);
        assert_eq!(intersect_docs(&[1, 2, 9], &[2, 9, 10]), [2, 9]);
        let mut s = [1, 1, 2, 5, 5, 5];
        assert_eq!(dedup_len(&mut s), 3);
        assert_eq!(&s[..3], [1, 2, 5]);
    }
}
