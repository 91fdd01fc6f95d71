//! What a concordance lists of a query: its positive parts as sequences of word tests (a
//! word is a sequence of one, a phrase of several) and its regexes. A word test matches a
//! word as the reader's highlighting does: any of its readings among the query word's
//! terms (prefix and typo expansions included), or its exact form for `=word`. Negated
//! parts and `field:value` filters list nothing; `title:` parts are matched like the rest.
//! As in search, a lone stop word counts only when the query holds nothing else.

use super::expand;
use super::parse::{parse, Node};
use super::pattern::{Budget, Pattern, Scanned};
use super::QueryError;
use crate::analysis::{self, Word};
use crate::index::Postings;

/// One position's test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordTest {
    /// Terms any reading of the word may be (empty with `exact`).
    terms: Vec<String>,
    exact: Option<String>,
}

impl WordTest {
    pub fn matches(&self, word: &Word) -> bool {
        match &self.exact {
            Some(form) => word.exact == *form,
            None => word.terms.iter().any(|t| self.terms.contains(t)),
        }
    }
}

/// The positive parts of a query.
#[derive(Debug, Default)]
pub struct Leaves {
    /// Each a run of consecutive words.
    pub sequences: Vec<Vec<WordTest>>,
    regexes: Vec<Pattern>,
    budget: Budget,
}

impl Leaves {
    pub fn is_empty(&self) -> bool {
        self.sequences.is_empty() && self.regexes.is_empty()
    }

    pub fn has_regex(&self) -> bool {
        !self.regexes.is_empty()
    }

    /// The byte ranges of `text` the regexes match, non-empty ones, in text order;
    /// `false` with them when the work limit left some unfound.
    pub fn regex_matches(&self, text: &str) -> (Vec<(usize, usize)>, bool) {
        let mut out = Vec::new();
        let mut complete = true;
        for re in &self.regexes {
            let scanned = re.scan(text, &self.budget, |s, e| {
                if e > s {
                    out.push((s, e));
                }
            });
            complete &= scanned == Scanned::All;
        }
        out.sort_unstable();
        (out, complete)
    }
}

/// The leaves of `query`; `exact_all` matches every word by its exact form; `linker`
/// expands it across scripts first.
pub fn leaves(
    query: &str,
    postings: &Postings,
    analyzer: &analysis::Config,
    exact_all: bool,
    linker: Option<&dyn super::link::Linker>,
) -> Result<Leaves, QueryError> {
    let tree = parse(query).map_err(|e| QueryError {
        offset: e.offset().unwrap_or(0),
        message: e.into_message(),
    })?;
    let tree = match (tree, linker) {
        (Some(node), Some(l)) => Some(l.expand(node).0),
        (tree, _) => tree,
    };
    let mut out = Leaves::default();
    if let Some(node) = &tree {
        let walk = Walk {
            postings,
            analyzer,
            exact_all,
        };
        walk.collect(node, false, false, &mut out);
        if out.is_empty() {
            walk.collect(node, false, true, &mut out);
        }
    }
    Ok(out)
}

struct Walk<'a> {
    postings: &'a Postings,
    analyzer: &'a analysis::Config,
    exact_all: bool,
}

impl Walk<'_> {
    fn test(&self, token: &analysis::Token, exact: bool) -> WordTest {
        if exact {
            WordTest {
                terms: Vec::new(),
                exact: Some(token.exact.clone()),
            }
        } else {
            WordTest {
                terms: token.terms.clone(),
                exact: None,
            }
        }
    }

    fn collect(&self, node: &Node, negated: bool, keep_stop: bool, out: &mut Leaves) {
        match node {
            Node::Word { text, exact } => {
                if negated {
                    return;
                }
                let exact = *exact || self.exact_all;
                let tokens = analysis::analyze_with(text, self.analyzer);
                if tokens.len() == 1 && tokens[0].stop && !exact && !keep_stop {
                    return;
                }
                if !tokens.is_empty() {
                    out.sequences
                        .push(tokens.iter().map(|t| self.test(t, exact)).collect());
                }
            }
            Node::Phrase { text } => {
                let tokens = analysis::analyze_with(text, self.analyzer);
                if !negated && !tokens.is_empty() {
                    out.sequences.push(
                        tokens
                            .iter()
                            .map(|t| self.test(t, self.exact_all))
                            .collect(),
                    );
                }
            }
            Node::Prefix { text } => {
                if let (false, Some(form)) = (negated, analysis::prefix_form(text, self.analyzer)) {
                    let terms = expand::prefix(self.postings, &form);
                    out.sequences.push(vec![WordTest {
                        terms: terms.into_iter().map(|t| t.0).collect(),
                        exact: None,
                    }]);
                }
            }
            Node::Fuzzy { text, edits } => {
                let token = analysis::analyze_with(text, self.analyzer)
                    .into_iter()
                    .next();
                if let (false, Some(token)) = (negated, token) {
                    let edits = edits.map_or_else(
                        || expand::default_edits(token.term.chars().count()),
                        usize::from,
                    );
                    let terms = expand::fuzzy(self.postings, &token.term, edits);
                    out.sequences.push(vec![WordTest {
                        terms: terms.into_iter().map(|t| t.0).collect(),
                        exact: None,
                    }]);
                }
            }
            Node::Regex { pattern, .. } => {
                if let (false, Ok(re)) = (negated, Pattern::compile(pattern)) {
                    out.regexes.push(re);
                }
            }
            Node::Title(inner) => self.collect(inner, negated, keep_stop, out),
            Node::Filter { .. } => {}
            Node::Not(inner) => self.collect(inner, !negated, keep_stop, out),
            Node::And(parts) | Node::Or(parts) | Node::Same(parts) => {
                for part in parts {
                    self.collect(part, negated, keep_stop, out);
                }
            }
        }
    }
}
