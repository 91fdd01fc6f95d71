//! Where a query matches inside articles, as body word positions: each positive word or
//! phrase of the query at consecutive positions, each regex match as the words it
//! overlaps. Matches that overlap an earlier (or at the same place, longer) one are
//! dropped, so a position is part of at most one match. Shared by the concordance,
//! collocates, n-grams around a query, and dispersion.

use super::job::{Halt, Run};
use super::tokens::Tokens;
use super::{query_error, Scope};
use crate::query::leaves::Leaves;
use crate::Corpus;
use std::rc::Rc;

/// One match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub doc: u32,
    /// First word position in the body.
    pub pos: u32,
    /// Number of words.
    pub len: u32,
    /// Ordinal of this match among the article's matches, in text order.
    pub n: u32,
}

/// The matches of `query` in the articles of `docs` (ascending ids), in article then text
/// order, with a warning when a regex's work limit left some out.
pub struct Found {
    pub matches: Vec<Match>,
    pub warnings: Vec<crate::Message>,
}

/// Finds `query` in those of `docs` that it matches as a search would (with the filters of
/// `scope`): an `AND` or `-word` decides which articles, its positive words where. A stage
/// of `run`, in slices over the articles.
pub fn find(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    query: &str,
    scope: &Scope,
    docs: &[u32],
) -> Result<Rc<Found>, Halt> {
    /// What the walk keeps between slices.
    struct Walk {
        matches: Vec<Match>,
        complete: bool,
        memo: Memo,
        /// Where in the query's matching articles the walk is.
        j: usize,
    }
    let parsed = run.once(|| {
        let expand = scope.cross_lingual && !scope.exact;
        let leaves = corpus
            .leaves_expanded(query, scope.exact, expand)
            .map_err(query_error)?;
        let hit = corpus
            .matching(query, &scope.search_options())
            .map_err(query_error)?;
        Ok((leaves, hit))
    })?;
    let (leaves, hit) = &*parsed;
    run.pass(
        "finding",
        docs.len(),
        || Walk {
            matches: Vec::new(),
            complete: true,
            memo: Memo::new(leaves, tokens.vocab.surfaces()),
            j: 0,
        },
        |walk, i| {
            let doc = docs[i];
            walk.j += hit.docs[walk.j..].partition_point(|&d| d < doc);
            if hit.docs.get(walk.j) != Some(&doc) {
                return 1;
            }
            let words = tokens.words(doc);
            let mut found: Vec<(u32, u32)> = Vec::new();
            for (i, seq) in leaves.sequences.iter().enumerate() {
                let len = seq.len();
                if len == 0 || len > words.len() {
                    continue;
                }
                for pos in 0..=words.len() - len {
                    if (0..len).all(|k| walk.memo.hit(tokens, leaves, i, k, words[pos + k])) {
                        found.push((pos as u32, len as u32));
                    }
                }
            }
            if leaves.has_regex() {
                walk.complete &= regex_positions(corpus, leaves, doc, words.len(), &mut found);
            }
            // Text order, the longer first at one place; overlapping later ones dropped.
            found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut end = 0;
            let mut n = 0;
            for (pos, len) in found {
                if pos < end {
                    continue;
                }
                end = pos + len;
                walk.matches.push(Match { doc, pos, len, n });
                n += 1;
            }
            words.len()
        },
        |walk| {
            let mut warnings = hit.warnings.clone();
            if !walk.complete {
                warnings.push(crate::message::Code::QueryRegexMarksPartial.into());
            }
            Found {
                matches: walk.matches,
                warnings,
            }
        },
    )
}

/// Adds the word runs the regexes' matches overlap in article `doc`; `false` when the
/// work limit stopped a scan.
fn regex_positions(
    corpus: &Corpus,
    leaves: &Leaves,
    doc: u32,
    words: usize,
    found: &mut Vec<(u32, u32)>,
) -> bool {
    let Some(stored) = corpus.get(doc) else {
        return true;
    };
    let body = stored.article.body();
    let (spans, complete) = leaves.regex_matches(&body);
    if spans.is_empty() {
        return complete;
    }
    let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(words);
    crate::analysis::each_raw_word(&body, |s, e| bounds.push((s, e)));
    for (s, e) in spans {
        let first = bounds.partition_point(|w| w.1 <= s);
        let last = bounds.partition_point(|w| w.0 < e);
        if first < last && last <= words {
            found.push((first as u32, (last - first) as u32));
        }
    }
    complete
}

/// Which surfaces pass which word test, worked out once per surface and request.
struct Memo {
    /// Per surface: bit `t` for test `t` passed, bit 63 once worked out.
    bits: Vec<u64>,
    /// Flat index of the first test of each sequence.
    first: Vec<usize>,
    tests: usize,
}

const DONE: u64 = 1 << 63;

impl Memo {
    fn new(leaves: &Leaves, surfaces: usize) -> Memo {
        let mut first = Vec::new();
        let mut tests = 0;
        for seq in &leaves.sequences {
            first.push(tests);
            tests += seq.len();
        }
        let bits = if tests < 63 {
            vec![0; surfaces]
        } else {
            Vec::new()
        };
        Memo { bits, first, tests }
    }

    fn hit(&mut self, tokens: &Tokens, leaves: &Leaves, seq: usize, k: usize, s: u32) -> bool {
        if self.tests >= 63 {
            return leaves.sequences[seq][k].matches(&tokens.vocab.surface(s).word);
        }
        let cell = &mut self.bits[s as usize];
        if *cell & DONE == 0 {
            let word = &tokens.vocab.surface(s).word;
            let mut t = 0;
            for seq in &leaves.sequences {
                for test in seq {
                    if test.matches(word) {
                        *cell |= 1 << t;
                    }
                    t += 1;
                }
            }
            *cell |= DONE;
        }
        *cell & (1 << (self.first[seq] + k)) != 0
    }
}
