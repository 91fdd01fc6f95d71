//! Snippets: the passage of an article's body with the most distinct query matches, cut on
//! word boundaries and handed out as ready segments (`[{text, hit}]`), so JavaScript never
//! counts bytes. A hit covers the whole original word, diacritics and tatweel included,
//! because word offsets span the word as written.

use super::pattern::{Budget, Pattern, Scanned};
use crate::analysis::{self, Word};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Number of words a snippet shows.
pub const WINDOW: usize = 30;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// What a query looks for, for marking words: terms (any reading) and exact forms.
#[derive(Clone, Debug, Default)]
pub struct Marker {
    pub terms: HashSet<String>,
    pub exact: HashSet<String>,
    /// `/regex/` parts of the query: a word any match overlaps is a hit.
    pub regexes: Vec<Pattern>,
    /// What finding their matches may spend, for all the texts marked with this marker.
    pub budget: Budget,
}

impl Marker {
    /// Whether a word matches what the query looked for.
    pub fn is_hit(&self, word: &Word) -> bool {
        word.terms.iter().any(|t| self.terms.contains(t)) || self.exact.contains(&word.exact)
    }
}

/// One word of a text: byte span, whether it is a hit, and (for hits) its main term.
struct Span {
    start: usize,
    end: usize,
    hit: Option<u32>,
}

/// The words of `text` with hits marked; hit terms numbered so windows can count distinct
/// ones without keeping strings.
fn spans(text: &str, analyzer: &analysis::Config, marker: &Marker) -> Vec<Span> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    let matched = regex_matches(text, marker);
    // Words and matches both come in text order, so one cursor walks the matches once.
    let mut next = 0;
    analysis::each_word(text, analyzer, |start, end, word| {
        while matched.get(next).is_some_and(|&(_, e)| e <= start) {
            next += 1;
        }
        let in_match = matched.get(next).is_some_and(|&(s, _)| s < end);
        let hit = (in_match || marker.is_hit(word)).then(|| {
            let fresh = seen.len() as u32;
            *seen.entry(word.terms[0].clone()).or_insert(fresh)
        });
        out.push(Span { start, end, hit });
    });
    out
}

/// The byte ranges the marker's regexes match in `text`, ascending and disjoint
/// (overlapping matches of different regexes joined), empty matches left out.
fn regex_matches(text: &str, marker: &Marker) -> Vec<(usize, usize)> {
    let mut matched: Vec<(u32, u32)> = Vec::new();
    for re in &marker.regexes {
        let scanned = re.scan(text, &marker.budget, |s, e| {
            if e > s {
                matched.push((s as u32, e as u32));
            }
        });
        // A capped scan ran short of budget or hit the match cap: marks are missing.
        if scanned != Scanned::All {
            marker.budget.note_short();
        }
    }
    if marker.regexes.len() > 1 {
        // Sorted as (u32, u32) pairs, the sort the indexer already uses.
        matched.sort_unstable();
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(matched.len());
    for (s, e) in matched {
        let (s, e) = (s as usize, e as usize);
        match joined.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => joined.push((s, e)),
        }
    }
    joined
}

/// Cuts `text[from..to]` into segments, marking the hit spans; line breaks become spaces.
fn cut(text: &str, from: usize, to: usize, spans: &[Span]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |s: &str, hit: bool| {
        if s.is_empty() {
            return;
        }
        let s = s.replace('\n', " ");
        match out.last_mut() {
            Some(last) if !last.hit && !hit => last.text.push_str(&s),
            _ => out.push(Segment { text: s, hit }),
        }
    };
    let mut at = from;
    for span in spans.iter().filter(|s| s.hit.is_some()) {
        push(&text[at..span.start], false);
        push(&text[span.start..span.end], true);
        at = span.end;
    }
    push(&text[at..to], false);
    out
}

/// The whole of `text` as segments with every hit marked (for titles and the reader).
pub fn mark(text: &str, analyzer: &analysis::Config, marker: &Marker) -> (Vec<Segment>, usize) {
    let spans = spans(text, analyzer, marker);
    let hits = spans.iter().filter(|s| s.hit.is_some()).count();
    (cut(text, 0, text.len(), &spans), hits)
}

/// The best window of `body` for the query, as segments with `…` where cut.
pub fn snippet(body: &str, analyzer: &analysis::Config, marker: &Marker) -> Vec<Segment> {
    window(body, &spans(body, analyzer, marker))
}

/// Words between two entries of an article's word marks (see [`snippet_at`]).
pub const MARK_EVERY: usize = 64;

/// [`snippet`] when the index already says where the hits are: `hits` holds
/// `(word position in the body, hit term number)`, `words` is the number of words in the
/// body and `marks` the byte offset of every [`MARK_EVERY`]th word. The window is chosen
/// from the positions alone and only its words are cut out of the body, not analysed:
/// the fast path for search results.
pub fn snippet_at<'a>(
    part: impl FnOnce(usize, usize) -> Cow<'a, str>,
    hits: &mut [(u32, u32)],
    words: usize,
    marks: &[u32],
) -> Vec<Segment> {
    hits.sort_unstable();
    let mut firsts: Vec<(u32, u32)> = Vec::with_capacity(hits.len());
    for &h in hits.iter() {
        if firsts.last().is_none_or(|l| l.0 != h.0) {
            firsts.push(h);
        }
    }
    let (start, end) = choose(&firsts, words);
    let (text, placed) = words_at(part, marks, start, end);
    let mut next = 0;
    let spans: Vec<Span> = placed
        .into_iter()
        .enumerate()
        .map(|(i, (s, e))| {
            let position = start + i;
            while next < firsts.len() && (firsts[next].0 as usize) < position {
                next += 1;
            }
            let hit = firsts
                .get(next)
                .filter(|h| h.0 as usize == position)
                .map(|h| h.1);
            Span {
                start: s,
                end: e,
                hit,
            }
        })
        .collect();
    render(&text, &spans, start, end, words)
}

/// The byte spans of the body's words `first..last` (fewer at its end) and the text they
/// index: the body cut from the word mark before `first` to the one at or after `last`
/// (`marks`: the byte offset of every [`MARK_EVERY`]th word; words never straddle one),
/// and read only up to word `last`. `part(from, to)` gives the body's bytes `from..to`.
/// Snippets and concordance lines read a few hundred bytes this way, not the body.
pub fn words_at<'a>(
    part: impl FnOnce(usize, usize) -> Cow<'a, str>,
    marks: &[u32],
    first: usize,
    last: usize,
) -> (Cow<'a, str>, Vec<(usize, usize)>) {
    let mark = |i: usize| marks.get(i / MARK_EVERY).map(|&m| m as usize);
    let (from, mut position) = match mark(first) {
        Some(at) => (at, first / MARK_EVERY * MARK_EVERY),
        None => (0, 0),
    };
    let to = mark(last + MARK_EVERY - 1).unwrap_or(usize::MAX).max(from);
    let text = part(from, to);
    let mut spans = Vec::with_capacity(last.saturating_sub(first));
    crate::analysis::raw_words_while(&text, |s, e| {
        if position >= last {
            return false;
        }
        if position >= first {
            spans.push((s, e));
        }
        position += 1;
        true
    });
    (text, spans)
}

/// The words `[start, end)` that make the best window: starting at a hit, with the most
/// distinct hit terms, then the most hits, the earliest on ties; begun a little before
/// the first hit so it has context. `hits`: `(position, term number)`, one per position,
/// ascending.
fn choose(hits: &[(u32, u32)], words: usize) -> (usize, usize) {
    let window = WINDOW.min(words);
    let mut best = (0usize, 0usize, 0usize);
    for (i, &(p, _)) in hits.iter().enumerate() {
        let p = p as usize;
        if p + window > words {
            break;
        }
        let inside = hits[i..].partition_point(|h| (h.0 as usize) < p + window);
        let mut distinct: Vec<u32> = hits[i..i + inside].iter().map(|h| h.1).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if (distinct.len(), inside) > (best.1, best.2) {
            best = (p, distinct.len(), inside);
        }
    }
    let start = best.0.saturating_sub(5).min(words - window);
    (start, start + window)
}

fn window(body: &str, spans: &[Span]) -> Vec<Segment> {
    let hits: Vec<(u32, u32)> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i as u32, s.hit?)))
        .collect();
    let (start, end) = choose(&hits, spans.len());
    render(body, &spans[start..end], start, end, spans.len())
}

/// Segments for the window of words `[start, end)` out of `words`, whose spans are given,
/// with `…` where the body was cut.
fn render(body: &str, spans: &[Span], start: usize, end: usize, words: usize) -> Vec<Segment> {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return Vec::new();
    };
    let from = if start == 0 { 0 } else { first.start };
    let to = if end >= words { body.len() } else { last.end };
    let mut out = cut(body, from, to, spans);
    if start > 0 {
        out.insert(
            0,
            Segment {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < words {
        out.push(Segment {
            text: "…".into(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(words: &[&str]) -> Marker {
        Marker {
            terms: words
                .iter()
                .flat_map(|w| analysis::analyze(w))
                .flat_map(|t| t.terms)
                .collect(),
            ..Marker::default()
        }
    }

    #[test]
    fn highlights_whole_original_words() {
        let body = "قال إنّ الغـــوطةَ الشرقية تحت الحصار";
        let segs = snippet(body, &Default::default(), &marker(&["غوطه"]));
        let hit: Vec<_> = segs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hit, ["الغـــوطةَ"]);
        assert_eq!(
            segs.iter().map(|s| s.text.as_str()).collect::<String>(),
            body
        );
    }

    #[test]
    fn cuts_long_bodies_around_the_hits() {
        let body = format!(
            "{} Ghouta siege {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let segs = snippet(&body, &Default::default(), &marker(&["Ghouta"]));
        assert_eq!(segs.first().unwrap().text, "…");
        assert_eq!(segs.last().unwrap().text, "…");
        assert!(segs.iter().any(|s| s.hit && s.text == "Ghouta"));
        let words: usize = segs.iter().map(|s| s.text.split_whitespace().count()).sum();
        assert!(words <= WINDOW + 2);
    }

    #[test]
    fn prefers_the_window_with_most_distinct_terms() {
        let body = format!(
            "Ghouta {} Ghouta siege talks {}",
            "x ".repeat(60),
            "y ".repeat(60)
        );
        let segs = snippet(
            &body,
            &Default::default(),
            &marker(&["Ghouta", "siege", "talks"]),
        );
        let hits: Vec<_> = segs
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(hits, ["Ghouta", "siege", "talks"]);
    }

    /// The fast path (positions from the index, body cut at word marks) shows exactly what
    /// analysing the whole body shows, wherever the hits fall.
    #[test]
    fn positions_and_marks_give_the_analysed_snippet() {
        let words: Vec<String> = (0..400)
            .map(|i| match i % 97 {
                0 => "Ghouta".to_string(),
                13 => "الغوطةَ".to_string(),
                _ => format!("w{i}"),
            })
            .collect();
        for skip in [0, 1, 150, 370] {
            let body = words[skip..].join(" ");
            let m = marker(&["Ghouta", "غوطة"]);
            let mut hits = Vec::new();
            let mut marks = Vec::new();
            let mut n = 0;
            analysis::each_word(&body, &Default::default(), |start, _, w| {
                if n % MARK_EVERY == 0 {
                    marks.push(start as u32);
                }
                if m.is_hit(w) {
                    hits.push((n as u32, u32::from(w.terms[0] != "ghouta")));
                }
                n += 1;
            });
            let part = |from: usize, to: usize| {
                Cow::Borrowed(body.get(from..to.min(body.len())).unwrap_or(""))
            };
            assert_eq!(
                snippet_at(part, &mut hits, n, &marks),
                snippet(&body, &Default::default(), &m),
                "skip {skip}"
            );
        }
    }
}
