//! The concordance (KWIC): every match of a query in the sub-corpus with `width` words of
//! original text on each side (fewer only at an article's edge), no ellipsis or markers;
//! line breaks between paragraphs read as spaces. Sorted by the keyword or by the word at
//! L1–L3 / R1–R3, reading outward from the keyword as AntConc does, ties in text order.
//!
//! Cost: finding matches walks the word ids of the articles the query matches (bounded by
//! their length, linear in the corpus); sorting is O(m log m) in the m matches; only the
//! `limit` lines returned are cut out of their bodies, from the nearest word mark.

use super::matches::{find, Match};
use super::tokens::{By, Tokens};
use super::{invalid, notes, subcorpus, Scope, Tools, DEFAULT_LIMIT};
use crate::error::Error;
use crate::Corpus;
use serde::Serialize;
use std::cmp::Ordering;

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
    /// The concordance of `query` in the sub-corpus of `options.scope`.
    pub fn kwic(&mut self, corpus: &Corpus, query: &str, options: &Options) -> Result<Kwic, Error> {
        if options.width > MAX_WIDTH {
            return Err(invalid(format!(
                "width {} is above the most, {MAX_WIDTH}",
                options.width
            )));
        }
        let (docs, mut warnings) = subcorpus(corpus, &options.scope)?;
        let tokens = self.ready(corpus);
        let found = find(corpus, tokens, query, &options.scope, &docs)?;
        warnings.extend(found.warnings);
        let mut matches = found.matches;
        let total = matches.len();
        if options.sort != Sort::Text {
            matches.sort_unstable_by(|a, b| compare(tokens, options.sort, a, b));
        }
        matches.truncate(options.limit);
        let mut lines = Vec::with_capacity(matches.len());
        let mut body: Option<(u32, String)> = None;
        for m in matches {
            let Some(stored) = corpus.get(m.doc) else {
                continue;
            };
            if body.as_ref().is_none_or(|b| b.0 != m.doc) {
                body = Some((m.doc, stored.article.body()));
            }
            let text = body.as_ref().map_or("", |b| b.1.as_str());
            let (left, keyword, right) = cut(text, &stored.word_marks, m, options.width);
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
    }
}

/// The normalized form at `pos + offset` in the match's article ("" past an edge).
fn form_at<'a>(tokens: &'a Tokens, m: &Match, offset: i64) -> &'a str {
    let words = tokens.words(m.doc);
    let at = i64::from(m.pos) + offset;
    match usize::try_from(at).ok().and_then(|i| words.get(i)) {
        Some(&s) => tokens.vocab.name(tokens.vocab.group(s, By::Form), By::Form),
        None => "",
    }
}

fn compare(tokens: &Tokens, sort: Sort, a: &Match, b: &Match) -> Ordering {
    let key = |m: &Match| -> Vec<&str> {
        (0..m.len)
            .map(|k| form_at(tokens, m, i64::from(k)))
            .collect()
    };
    let right = |m: &Match, k: u8| form_at(tokens, m, i64::from(m.len) + i64::from(k) - 1);
    let left = |m: &Match, k: u8| form_at(tokens, m, -i64::from(k));
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

/// Left context, keyword and right context of match `m` in `body`, read from the word
/// mark before the left context (`marks`: byte offset of every `MARK_EVERY`th word).
fn cut(body: &str, marks: &[u32], m: Match, width: usize) -> (String, String, String) {
    use crate::query::snippet::MARK_EVERY;
    let first = (m.pos as usize).saturating_sub(width);
    let key_end = m.pos as usize + m.len as usize;
    let last = key_end + width;
    let mark = first / MARK_EVERY;
    let from = marks.get(mark).map_or(0, |&b| b as usize).min(body.len());
    // The mark at or after the last word ends what needs reading.
    let to = marks
        .get(last.div_ceil(MARK_EVERY))
        .map_or(body.len(), |&b| b as usize)
        .clamp(from, body.len());
    let mut position = mark * MARK_EVERY;
    // Byte spans of the words first..last (fewer at the end of the body).
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(last - first);
    crate::analysis::each_raw_word(body.get(from..to).unwrap_or(""), |s, e| {
        if (first..last).contains(&position) {
            spans.push((from + s, from + e));
        }
        position += 1;
    });
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
