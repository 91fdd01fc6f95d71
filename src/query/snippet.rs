//! Snippets: the passage of an article's body with the most distinct query matches, cut on
//! word boundaries and handed out as ready segments (`[{text, hit}]`), so JavaScript never
//! counts bytes. A hit covers the whole original word, diacritics and tatweel included,
//! because token offsets span the word as written.

use crate::analysis::{self, Token};
use serde::Serialize;
use std::collections::HashSet;

/// Number of words a snippet shows.
pub const WINDOW: usize = 30;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Whether a token matches what the query looked for.
pub fn is_hit(token: &Token, terms: &HashSet<String>, exact: &HashSet<String>) -> bool {
    token.terms.iter().any(|t| terms.contains(t)) || exact.contains(&token.exact)
}

/// Cuts `text` into segments with every hit marked; line breaks become spaces.
pub fn segments(text: &str, tokens: &[Token], hits: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |s: &str, hit: bool| {
        if s.is_empty() {
            return;
        }
        let s = s.replace('\n', " ");
        match out.last_mut() {
            Some(last) if last.hit == hit && !hit => last.text.push_str(&s),
            _ => out.push(Segment { text: s, hit }),
        }
    };
    let mut at = 0;
    for (token, &hit) in tokens.iter().zip(hits) {
        if hit {
            push(&text[at..token.start], false);
            push(&text[token.start..token.end], true);
            at = token.end;
        }
    }
    push(&text[at..], false);
    out
}

/// The best window of `body` for the query's terms, as segments with `…` where cut.
pub fn snippet(
    body: &str,
    analyzer: &analysis::Config,
    terms: &HashSet<String>,
    exact: &HashSet<String>,
) -> Vec<Segment> {
    let tokens = analysis::analyze_with(body, analyzer);
    if tokens.is_empty() {
        return Vec::new();
    }
    let hits: Vec<bool> = tokens.iter().map(|t| is_hit(t, terms, exact)).collect();
    let window = WINDOW.min(tokens.len());
    // Score each start by distinct hit terms, then by hits; prefer the earliest.
    let mut best = (0usize, 0usize, 0usize);
    for start in 0..=tokens.len() - window {
        let slice = start..start + window;
        let hit_tokens: Vec<&Token> = slice
            .clone()
            .filter(|&i| hits[i])
            .map(|i| &tokens[i])
            .collect();
        if hit_tokens.is_empty() {
            continue;
        }
        let distinct = hit_tokens
            .iter()
            .map(|t| &t.term)
            .collect::<HashSet<_>>()
            .len();
        if (distinct, hit_tokens.len()) > (best.1, best.2) {
            best = (start, distinct, hit_tokens.len());
        }
    }
    // Start a little before the first hit so it has some context.
    let first_hit = (best.0..best.0 + window).find(|&i| hits[i]).unwrap_or(0);
    let start = first_hit
        .saturating_sub(5)
        .max(best.0.saturating_sub(5))
        .min(tokens.len() - window);
    let end = start + window;
    let from = if start == 0 { 0 } else { tokens[start].start };
    let to = if end == tokens.len() {
        body.len()
    } else {
        tokens[end - 1].end
    };
    let shifted: Vec<Token> = tokens[start..end]
        .iter()
        .map(|t| Token {
            start: t.start - from,
            end: t.end - from,
            ..t.clone()
        })
        .collect();
    let mut out = segments(&body[from..to], &shifted, &hits[start..end]);
    if start > 0 {
        out.insert(
            0,
            Segment {
                text: "…".into(),
                hit: false,
            },
        );
    }
    if end < tokens.len() {
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

    fn terms(words: &[&str]) -> HashSet<String> {
        words
            .iter()
            .flat_map(|w| analysis::analyze(w))
            .flat_map(|t| t.terms)
            .collect()
    }

    #[test]
    fn highlights_whole_original_words() {
        let body = "قال إنّ الغـــوطةَ الشرقية تحت الحصار";
        let segs = snippet(
            body,
            &Default::default(),
            &terms(&["غوطه"]),
            &HashSet::new(),
        );
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
        let segs = snippet(
            &body,
            &Default::default(),
            &terms(&["Ghouta"]),
            &HashSet::new(),
        );
        assert_eq!(segs.first().unwrap().text, "…");
        assert_eq!(segs.last().unwrap().text, "…");
        assert!(segs.iter().any(|s| s.hit && s.text == "Ghouta"));
        let words: usize = segs.iter().map(|s| s.text.split_whitespace().count()).sum();
        assert!(words <= WINDOW + 2);
    }
}
