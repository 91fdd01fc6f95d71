//! Rule 1: the site name after the headline ("Headline - Site Name", "Headline | Site").

use std::sync::OnceLock;

use super::matching::word_count;
use super::Doc;
use crate::ingest::meta::{self, fold, folded_list};
use crate::ingest::{Removed, RemovedKind};

/// Separators sites put between a headline and their name, the strongest first.
/// "Blasts- Al Manar TV": a dash glued to the headline still separates a brand.
#[rustfmt::skip]
pub(super) const TITLE_SEPARATORS: &[&str] = &[
    " | ", " :: ", " • ", " · ", " — ", " – ", " - ", " ― ", " ـ ", "- ", "– ",
];

/// Brand words: a suffix holding one names a publication ("Ahram Online", "بلدي نيوز").
pub(super) static BRAND_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
pub(super) const BRAND_WORDS: &[&str] = &[
    "news", "times", "post", "tv", "online", "daily", "agency", "network", "press", "herald",
    "tribune", "journal", "gazette", "today", "channel", "radio", "media", "monitor", "observer",
    "review", "magazine", "weekly", "express", "telegraph", "mirror", "guardian", "independent",
    "reuters", "afp", "bbc", "cnn", "aljazeera", "sputnik", "rt", "france24", "euronews", "نيوز",
    "نت", "أونلاين", "الإخبارية", "الإخباري", "الاخبارية", "قناة", "صحيفة", "جريدة", "موقع",
    "وكالة", "شبكة", "بوست", "تايمز", "تي في", "عربي", "الإلكترونية",
];
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "de", "du", "al", "el", "la", "le", "&", "a",
];

pub(super) fn is_title_case_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

/// Looks like the name of a site: "It's Over 9000!", "Example.com", "Ahram Online",
/// "Jordan Times" after a sentence-case headline, "Al-Monitor".
pub(super) fn is_brand_like(seg: &str, head: &str) -> bool {
    let f = fold(seg);
    if seg.contains('!') || f.contains("www.") {
        return true;
    }
    // A domain: letters, a dot, two to four ASCII letters at a word end.
    let domain = f.split_whitespace().any(|w| {
        w.rsplit_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && (2..=4).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_lowercase())
        })
    });
    let brands = folded_list(&BRAND_CELL, BRAND_WORDS);
    let fw: Vec<&str> = f.split(|c: char| c.is_whitespace() || c == '-').collect();
    if domain || fw.iter().any(|w| brands.iter().any(|b| b == w)) {
        return true;
    }
    if fw.first().is_some_and(|w| *w == "al") && seg.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    // Title Case of two words or more, after a headline that is not itself Title Case.
    let words: Vec<&str> = seg.split_whitespace().collect();
    let head_words: Vec<&str> = head
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let head_upper = head_words.iter().filter(|w| is_title_case_word(w)).count();
    let head_title_case = head_words.is_empty() || head_upper * 10 >= head_words.len() * 7;
    words.len() >= 2
        && words.iter().all(|w| is_title_case_word(w))
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !head_title_case
}

/// Where a site-name suffix starts: `(head_end, suffix_start)` byte indices, or `None`.
pub(super) fn find_title_suffix(title: &str) -> Option<(usize, usize)> {
    let (_, sep) = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|p| (p, *s)))
        .max_by_key(|&(p, _)| p)?;
    // Segments split by the same separator, so "… - Region - World - Ahram Online" can go
    // as one breadcrumb.
    let mut seps: Vec<usize> = title.match_indices(sep).map(|(p, _)| p).collect();
    seps.retain(|&p| p > 0);
    let strong = matches!(sep.trim(), "|" | "::" | "•" | "·");
    for k in (1..=seps.len().min(3)).rev() {
        let head_end = seps[seps.len() - k];
        let suffix_start = head_end + sep.len();
        let (Some(head), Some(suffix)) = (title.get(..head_end), title.get(suffix_start..)) else {
            continue;
        };
        let segs: Vec<&str> = suffix.split(sep).map(str::trim).collect();
        let Some((last, middle)) = segs.split_last() else {
            continue;
        };
        let (hw, sw) = (
            word_count(head),
            segs.iter().map(|s| word_count(s)).sum::<usize>(),
        );
        // A breadcrumb of several segments is a signal in itself: it needs less margin.
        let margin = if k == 1 { 2 } else { 1 };
        let shape = !last.is_empty()
            && segs
                .iter()
                .all(|s| !s.is_empty() && word_count(s) <= 5 && s.chars().count() <= 40)
            && middle
                .iter()
                .all(|s| word_count(s) <= 3 && s.split_whitespace().all(is_title_case_word))
            && sw <= 8
            && suffix.chars().count() <= 60
            && hw >= 3
            && hw >= sw + margin
            && head.chars().count() > suffix.chars().count();
        if !shape {
            continue;
        }
        let scripts_differ = matches!(
            (meta::dominant_script(head), meta::dominant_script(suffix)),
            (Some(a), Some(b)) if a != b
        );
        if strong || scripts_differ || is_brand_like(last, head) {
            return Some((head_end, suffix_start));
        }
    }
    None
}

/// Rule 1. Removes a site name after the headline ("Headline - Site Name", "Headline |
/// Site"): the last segment(s) after a separator when they are short, the headline left is
/// clearly longer, and something says "brand": a strong separator (| :: •), a script that
/// differs from the headline's, or a brand-like name. "Syria - rebels retreat from Aleppo"
/// keeps its words: what follows the dash is the longer part and no brand.
pub(super) fn title_suffix(doc: &mut Doc) {
    if let Some((head_end, suffix_start)) = find_title_suffix(&doc.title) {
        let suffix = doc
            .title
            .get(suffix_start..)
            .unwrap_or("")
            .trim()
            .to_string();
        let head = doc.title.get(..head_end).unwrap_or("").trim().to_string();
        doc.removed.push((
            0,
            Removed {
                kind: RemovedKind::TitleSuffix,
                text: suffix,
            },
        ));
        doc.title = head;
    }
}
