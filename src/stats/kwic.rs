//! The concordance (KWIC): every match of a query in the sub-corpus with `width` words of
//! original text on each side (fewer only at an article's edge), no ellipsis or markers;
//! line breaks between paragraphs read as spaces. Sorted by the keyword or by the word at
//! L1–L3 / R1–R3, reading outward from the keyword as AntConc does, ties in text order.
//!
//! Cost: finding matches walks the word ids of the articles the query matches (bounded by
//! their length, linear in the corpus); sorting is O(m log m) in the m matches; only the
//! `limit` lines returned are cut out of their bodies, from the nearest word mark.

use super::job::{Halt, Run};
use super::matches::{find, Match};
use super::tokens::{By, Tokens};
use super::{invalid, notes, sub, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;

/// The order of lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Article then text order.
    #[default]
    Text,
    /// By the keyword, then R1, R2, R3.
    Key,
    /// By the word this many places left of the keyword (1–3), then further left.
    Left(u8),
    /// By the word this many places right of the keyword (1–3), then further right.
    Right(u8),
}

impl Sort {
    /// `key`, `L1`–`L3`, `R1`–`R3` (either case); `text` or empty for text order.
    pub fn parse(name: &str) -> Result<Sort, Error> {
        match name.to_ascii_uppercase().as_str() {
            "" | "TEXT" => Ok(Sort::Text),
            "KEY" => Ok(Sort::Key),
            "L1" => Ok(Sort::Left(1)),
            "L2" => Ok(Sort::Left(2)),
            "L3" => Ok(Sort::Left(3)),
            "R1" => Ok(Sort::Right(1)),
            "R2" => Ok(Sort::Right(2)),
            "R3" => Ok(Sort::Right(3)),
            _ => Err(invalid(format!(
                "unknown sort {name:?}: use key, L1, L2, L3, R1, R2 or R3"
            ))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub scope: Scope,
    /// Words of context on each side.
    pub width: usize,
    pub sort: Sort,
    pub limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scope: Scope::default(),
            width: 5,
            sort: Sort::Text,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// Most words of context a line may ask for on each side.
pub const MAX_WIDTH: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub file: String,
    pub left: String,
    pub keyword: String,
    pub right: String,
    pub id: u32,
    pub lang: String,
    /// This match's ordinal among the article's matches of the query, in text order.
    pub n: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Kwic {
    /// Matches before the limit.
    pub total: usize,
    pub lines: Vec<Line>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Tools {
    pub fn kwic(&mut self, corpus: &Corpus, query: &str, options: &Options) -> Result<Kwic, Error> {
        self.whole(corpus, |r, tokens| run(r, corpus, tokens, query, options))
    }
}

/// The concordance as stages of `run`.
pub fn run(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &Tokens,
    query: &str,
    options: &Options,
) -> Result<Kwic, Halt> {
    if options.width > MAX_WIDTH {
        return Err(invalid(format!(
            "width {} is above the most, {MAX_WIDTH}",
            options.width
        ))
        .into());
    }
    let sub = sub(run, corpus, &options.scope)?;
    let (docs, warnings) = &*sub;
    let found = find(run, corpus, tokens, query, &options.scope, docs)?;
    let sorted = sort_lines(run, tokens, options.sort, &found.matches)?;
    run.last(|| {
        let mut warnings = warnings.clone();
        warnings.extend(found.warnings.iter().cloned());
        let total = found.matches.len();
        let order: Vec<usize> = match &sorted {
            Some(sorted) => sorted
                .iter()
                .take(options.limit)
                .map(|&i| i as usize)
                .collect(),
            None => (0..total.min(options.limit)).collect(),
        };
        let matches = order.into_iter().map(|i| found.matches[i]);
        let mut lines = Vec::with_capacity(matches.len());
        for m in matches {
            let Some(stored) = corpus.get(m.doc) else {
                continue;
            };
            let (left, keyword, right) = cut(&stored.article, &stored.word_marks, m, options.width);
            lines.push(Line {
                file: stored.article.file.clone(),
                left,
                keyword,
                right,
                id: m.doc,
                lang: stored.article.lang.clone(),
                n: m.n,
            });
        }
        Ok(Kwic {
            total,
            lines,
            warnings: notes(warnings),
        })
    })
}

/// The order of `matches` by `sort` (`None`: text order, as found), ties in text order
/// (article, then position), as stages of `run`. The words compared are forms (case-folded,
/// normalized), read outward from the keyword: `Key` the keyword's words then R1–R3,
/// `Left(k)` Lk..L3, `Right(k)` Rk..R3; a place past the article's edge reads as "" (first).
/// Each line's key is made once (in slices), as ranks of the forms' names, so the sort
/// compares integers (at 100k articles a sort comparing strings held the worker 130 ms).
fn sort_lines(
    run: &mut Run,
    tokens: &Tokens,
    sort: Sort,
    matches: &[Match],
) -> Result<Option<std::rc::Rc<Vec<u32>>>, Halt> {
    if sort == Sort::Text {
        return Ok(None);
    }
    // Word offsets from the match's first word.
    let offsets = |m: &Match| -> Vec<i64> {
        let len = i64::from(m.len);
        match sort {
            Sort::Text => Vec::new(),
            Sort::Key => (0..len).chain(len..len + 3).collect(),
            Sort::Left(k) => (i64::from(k)..=3).map(|k| -k).collect(),
            Sort::Right(k) => (i64::from(k)..=3).map(|k| len + k - 1).collect(),
        }
    };
    let vocab = &tokens.vocab;
    let form_at = |m: &Match, offset: i64| -> Option<u32> {
        let at = usize::try_from(i64::from(m.pos) + offset).ok()?;
        let s = *tokens.words(m.doc).get(at)?;
        Some(vocab.group(s, By::Form))
    };
    // The forms any key reads, ranked by name from 2 ("" is 1; 0 ends a keyword).
    let rank = run.once(|| {
        let mut forms: Vec<u32> = matches
            .iter()
            .flat_map(|m| offsets(m).into_iter().filter_map(|o| form_at(m, o)))
            .collect();
        forms.sort_unstable();
        forms.dedup();
        forms.sort_unstable_by(|&a, &b| vocab.name(a, By::Form).cmp(vocab.name(b, By::Form)));
        let mut rank = vec![0u32; vocab.groups(By::Form)];
        for (i, &f) in forms.iter().enumerate() {
            rank[f as usize] = i as u32 + 2;
        }
        Ok(rank)
    })?;
    let keys = run.pass(
        "sorting",
        matches.len(),
        Vec::new,
        |keys: &mut Vec<Vec<u32>>, i| {
            let m = &matches[i];
            let len = i64::from(m.len);
            let mut key: Vec<u32> = Vec::with_capacity(8);
            for o in offsets(m) {
                if sort == Sort::Key && o == len {
                    key.push(0);
                }
                key.push(form_at(m, o).map_or(1, |f| rank[f as usize]));
            }
            keys.push(key);
            8
        },
        |keys| keys,
    )?;
    let sorted = run.once(|| {
        // Matches come in text order: the index breaks ties as article and position would.
        let mut order: Vec<u32> = (0..matches.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]).then(a.cmp(&b)));
        Ok(order)
    })?;
    Ok(Some(sorted))
}

/// Left context, keyword and right context of match `m` in the article's body, read from
/// the word mark before the left context to the right context's last word (`marks`: the
/// article's word marks, see [`crate::query::snippet::words_at`]).
fn cut(
    article: &crate::Article,
    marks: &[u32],
    m: Match,
    width: usize,
) -> (String, String, String) {
    let first = (m.pos as usize).saturating_sub(width);
    let key_end = m.pos as usize + m.len as usize;
    let (body, spans) = crate::query::snippet::words_at(
        |from, to| article.body_part(from, to),
        marks,
        first,
        key_end + width,
    );
    let text = |a: usize, b: usize| -> String {
        // Words `a..b` of the window as one slice of the body.
        match (spans.get(a), b.checked_sub(1).and_then(|e| spans.get(e))) {
            (Some(s), Some(e)) if a < b => body.get(s.0..e.1).unwrap_or("").replace('\n', " "),
            _ => String::new(),
        }
    };
    let k = m.pos as usize - first;
    let kend = (key_end - first).min(spans.len());
    (text(0, k), text(k, kend), text(kend, spans.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    /// The order the sort must give, compared as strings (what the ranks stand for).
    fn by_strings(tokens: &Tokens, sort: Sort, a: &Match, b: &Match) -> Ordering {
        let form = |m: &Match, offset: i64| -> &str {
            let at = i64::from(m.pos) + offset;
            match usize::try_from(at)
                .ok()
                .and_then(|i| tokens.words(m.doc).get(i))
            {
                Some(&s) => tokens.vocab.name(tokens.vocab.group(s, By::Form), By::Form),
                None => "",
            }
        };
        let key = |m: &Match| -> Vec<&str> { (0..i64::from(m.len)).map(|k| form(m, k)).collect() };
        let right = |m: &Match, k: u8| form(m, i64::from(m.len) + i64::from(k) - 1);
        let left = |m: &Match, k: u8| form(m, -i64::from(k));
        let by = match sort {
            Sort::Text => Ordering::Equal,
            Sort::Key => key(a).cmp(&key(b)).then_with(|| {
                (1..=3)
                    .map(|k| right(a, k))
                    .cmp((1..=3).map(|k| right(b, k)))
            }),
            Sort::Left(k) => (k..=3).map(|k| left(a, k)).cmp((k..=3).map(|k| left(b, k))),
            Sort::Right(k) => (k..=3)
                .map(|k| right(a, k))
                .cmp((k..=3).map(|k| right(b, k))),
        };
        by.then(a.doc.cmp(&b.doc)).then(a.pos.cmp(&b.pos))
    }

    #[test]
    fn ranked_keys_sort_as_the_forms_compared_as_strings() {
        let mut corpus = Corpus::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            corpus.add_bytes(&path.to_string_lossy(), &std::fs::read(&path).unwrap());
        }
        // Short articles too, so that contexts reach the edges.
        corpus.add_bytes("edge.txt", b"Edge\n\nSyria the");
        corpus.add_bytes("edge2.txt", b"Edge two\n\nthe Syria");
        let mut tools = Tools::new();
        tools.ready(&corpus);
        let tokens = &tools.tokens;
        let docs: Vec<u32> = corpus.ids().collect();
        let mut stages = super::super::job::Stages::default();
        let mut run = Run::new(&mut stages, usize::MAX);
        for query in ["the", "Syria OR \"the regime\" OR Assad", "في"] {
            let found = find(&mut run, &corpus, tokens, query, &Scope::default(), &docs)
                .unwrap_or_else(|_| panic!("{query}"));
            assert!(found.matches.len() > 3, "{query}");
            for sort in [
                Sort::Key,
                Sort::Left(1),
                Sort::Left(2),
                Sort::Left(3),
                Sort::Right(1),
                Sort::Right(2),
                Sort::Right(3),
            ] {
                let mut stages = super::super::job::Stages::default();
                let mut run = Run::new(&mut stages, usize::MAX);
                let order = sort_lines(&mut run, tokens, sort, &found.matches)
                    .unwrap_or_else(|_| panic!("{query}"))
                    .expect("an order");
                let fast: Vec<Match> = order.iter().map(|&i| found.matches[i as usize]).collect();
                let mut slow = found.matches.clone();
                slow.sort_by(|a, b| by_strings(tokens, sort, a, b));
                assert_eq!(fast, slow, "{query} by {sort:?}");
            }
        }
    }
}
