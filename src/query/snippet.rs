//! Snippets: the passage of an article's body with the most distinct query matches, cut on
//! word boundaries and handed out as ready segments (`[{text, hit}]`), so JavaScript never
//! counts bytes. A hit covers the whole original word, diacritics and tatweel included,
//! because word offsets span the word as written.

use crate::analysis::{self, Word};
use serde::Serialize;
use std::collections::HashSet;

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
    #[cfg(feature = "regex")]
    pub regexes: Vec<regex_lite::Regex>,
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
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    #[cfg(feature = "regex")]
    let matched: Vec<(usize, usize)> = marker
        .regexes
        .iter()
        .flat_map(|re| super::pattern::matches(re, text))
        .collect();
    #[cfg(not(feature = "regex"))]
    let matched: Vec<(usize, usize)> = Vec::new();
    analysis::each_word(text, analyzer, |start, end, word| {
        let in_match = matched.iter().any(|&(s, e)| s < end && start < e);
        let hit = (in_match || marker.is_hit(word)).then(|| {
            let term = &word.terms[0];
            match seen.iter().position(|t| t == term) {
                Some(i) => i as u32,
                None => {
                    seen.push(term.clone());
                    (seen.len() - 1) as u32
                }
            }
        });
        out.push(Span { start, end, hit });
    });
    out
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

/// [`snippet`] when the index already says where the hits are: `hits` holds
/// `(word position in the body, hit term number)`. The body is only cut into words, not
/// analysed, which makes this the fast path for search results.
pub fn snippet_at(body: &str, hits: &mut [(u32, u32)]) -> Vec<Segment> {
    hits.sort_unstable();
    let mut out = Vec::new();
    let mut position = 0u32;
    let mut next = 0;
    crate::analysis::each_raw_word(body, |start, end| {
        while next < hits.len() && hits[next].0 < position {
            next += 1;
        }
        let hit = hits.get(next).filter(|h| h.0 == position).map(|h| h.1);
        out.push(Span { start, end, hit });
        position += 1;
    });
    window(body, &out)
}

fn window(body: &str, spans: &[Span]) -> Vec<Segment> {
    if spans.is_empty() {
        return Vec::new();
    }
    let window = WINDOW.min(spans.len());
    // Score each start by distinct hit terms, then by hits; prefer the earliest. Only
    // starts at a hit can begin a better window, so only those are tried.
    let mut best = (0usize, 0usize, 0usize);
    for start in (0..=spans.len() - window).filter(|&i| spans[i].hit.is_some()) {
        let hits: Vec<u32> = spans[start..start + window]
            .iter()
            .filter_map(|s| s.hit)
            .collect();
        let mut distinct = hits.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if (distinct.len(), hits.len()) > (best.1, best.2) {
            best = (start, distinct.len(), hits.len());
        }
    }
    // Start a little before the first hit so it has some context.
    let start = best.0.saturating_sub(5).min(spans.len() - window);
    let end = start + window;
    let from = if start == 0 { 0 } else { spans[start].start };
    let to = if end == spans.len() {
        body.len()
    } else {
        spans[end - 1].end
    };
    let mut out = cut(body, from, to, &spans[start..end]);
    if start > 0 {
        out.insert(
            0,
            Segment {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < spans.len() {
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
}
