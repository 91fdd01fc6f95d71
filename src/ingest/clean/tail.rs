//! Rules 5-8: the tail — comment forms, related-link lists, navigation, time stamps,
//! teaser runs — navigation lines anywhere, and the furniture single-paragraph pages run
//! into their last paragraph. Every body line passes these tests, and most are long
//! paragraphs: word counts stop at their bound and phrase tests at the line's first words.

use super::matching::{
    ends_sentence, ends_with_ellipsis, fold_head, is_alphanumeric, word_count, words_at_most,
};
use super::phrases::*;
use super::Doc;
use crate::ingest::meta::{self, fold, key};
use crate::ingest::{Removed, RemovedKind};

/// A line that reads like a paragraph of the article, not a teaser: long and not cut
/// short with an ellipsis.
pub(super) fn is_body_like(line: &str) -> bool {
    !words_at_most(line, 29) && !ends_with_ellipsis(line)
}

/// A heading of a list or a navigation label.
pub(super) fn is_heading(line: &str) -> bool {
    is_related_heading(line) || is_nav_line_of(line)
}

/// What opens an inline "read also" link, folded.
const READ_ALSO: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
];

/// An inline "read also" link in the body: "Read also: Another story", "اقرأ أيضاً: ...".
pub(super) fn is_inline_read_also(line: &str) -> bool {
    // Only a line opening with a phrase can match: fold the rest only then.
    let longest = READ_ALSO.iter().map(|p| p.len()).max().unwrap_or(0);
    let head = fold_head(line, longest);
    if !READ_ALSO.iter().any(|p| head.starts_with(p)) {
        return false;
    }
    let f = fold(line);
    let n = word_count(&f);
    n <= 30
        && READ_ALSO.iter().any(|p| {
            f.strip_prefix(p)
                .is_some_and(|r| r.trim_start().starts_with([':', '-', '|']))
        })
}

/// Rules 5-8. Rule 6: from a comment-form line ("Leave a Reply", "أضف تعليق") to the end is
/// CommentForm. Rule 5: from a related-links heading ("Related Articles", "مواضيع ذات صلة")
/// to the end is RelatedLinks, one entry a line, when no real paragraph follows it; a
/// heading with nothing under it is Navigation, and an inline "Read also: …" line is
/// RelatedLinks on its own. Rules 7-8: then, from the end backwards, navigation labels and
/// lists ("Tags: …") are Navigation and date stamps Timestamp. Last, a trailing run of
/// teasers (short titles, excerpts cut with "…", date stamps) with at least two stamps, or
/// a stamp and two excerpts, is RelatedLinks. The first body line is never taken here.
pub(super) fn tail(doc: &mut Doc) {
    let kept = doc.kept();
    let mut cut = None;
    for (p, &i) in kept.iter().enumerate().skip(1) {
        let line = doc.line(i);
        if is_comment_start(line) {
            cut = Some(p);
            break;
        }
        let phrase = is_related_phrase_line(line);
        if phrase || (words_at_most(line, 5) && is_related_pattern(&key(line))) {
            if kept[p + 1..].iter().all(|&j| !is_body_like(doc.line(j))) {
                cut = Some(p);
                break;
            }
            // A known heading in the middle of the article: take it and its link line only.
            if phrase {
                doc.drop_line(i, RemovedKind::RelatedLinks);
                if let Some(&j) = kept.get(p + 1) {
                    if !is_body_like(doc.line(j)) && !ends_sentence(doc.line(j)) {
                        doc.drop_line(j, RemovedKind::RelatedLinks);
                    }
                }
            }
            continue;
        }
        if is_inline_read_also(line) {
            doc.drop_line(i, RemovedKind::RelatedLinks);
        }
    }
    let mut end = kept.len();
    if let Some(p) = cut {
        end = p;
        let mut comment = false;
        for (q, &i) in kept.iter().enumerate().skip(p) {
            let Some(line) = doc.lines[i].clone() else {
                continue;
            };
            comment = comment || is_comment_start(&line);
            let kind = if comment {
                RemovedKind::CommentForm
            } else if is_heading(&line) {
                // A heading introduces links only when one follows it directly.
                let next = kept.get(q + 1).map(|&j| doc.line(j));
                if next.is_some_and(|n| !is_heading(n) && !is_comment_start(n)) {
                    RemovedKind::RelatedLinks
                } else {
                    RemovedKind::Navigation
                }
            } else {
                RemovedKind::RelatedLinks
            };
            doc.drop_line(i, kind);
        }
    }
    // Navigation and stamps at the very end.
    while end > 1 {
        let i = kept[end - 1];
        let line = doc.line(i);
        let kind = if is_nav_line_of(line)
            || is_heading(line)
            || is_nav_list_line(line)
            || is_contact_line(line)
        {
            RemovedKind::Navigation
        } else if meta::is_date_line(line) || is_time_line(line) {
            RemovedKind::Timestamp
        } else if doc.lines[i].is_none() {
            end -= 1;
            continue;
        } else {
            break;
        };
        doc.drop_line(i, kind);
        end -= 1;
    }
    teaser_run(doc, &kept[..end]);
}

/// "16:02", "16:02 GMT", "10:30 ت م": a time on its own with at most two short words.
pub(super) fn is_time_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let parts: Vec<&str> = first.split(':').collect();
    let time = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !time {
        return false;
    }
    // At most two more words: a third one says no.
    let rest: Vec<&str> = words.take(3).collect();
    rest.len() <= 2 && rest.iter().all(|w| w.chars().count() <= 4)
}

/// Rule 5 without a heading: a trailing run of teaser lines.
pub(super) fn teaser_run(doc: &mut Doc, kept: &[usize]) {
    let mut start = kept.len();
    let (mut stamps, mut excerpts) = (0, 0);
    while start > 1 {
        let line = doc.line(kept[start - 1]);
        if doc.lines[kept[start - 1]].is_none() {
            start -= 1;
            continue;
        }
        if meta::is_date_line(line) || is_time_line(line) {
            stamps += 1;
        } else if ends_with_ellipsis(line) && words_at_most(line, 60) {
            excerpts += 1;
        } else if !words_at_most(line, 20) || ends_sentence(line) {
            break;
        }
        start -= 1;
    }
    let run = kept.len() - start;
    if run >= 3 && (stamps >= 2 || (stamps >= 1 && excerpts >= 2)) {
        for &i in &kept[start..] {
            doc.drop_line(i, RemovedKind::RelatedLinks);
        }
    }
}

/// Rule 7 anywhere: a line that is exactly a navigation or sharing label ("Advertisement",
/// "Share this:") goes wherever it stands. Short real lines (a quote, a subheading) stay:
/// only whole known labels match.
pub(super) fn navigation_lines(doc: &mut Doc) {
    let kept = doc.kept();
    for &i in kept.iter().skip(1) {
        if is_nav_line_of(doc.line(i)) && doc.kept().len() > 1 {
            doc.drop_line(i, RemovedKind::Navigation);
        }
    }
}

/// Labels that open page furniture (a list of tags, links or sharing buttons) when they
/// come after the last sentence, matched with their case: "Related" and "Tags" open lists,
/// "related" and "tags" are words of a sentence. None is a word an Arabic sentence would
/// start with ("شارك" is also "took part"): those count only as a whole tail, through the
/// navigation list.
pub(super) const TAIL_LABELS: &[(&str, RemovedKind)] = &[
    ("Related", RemovedKind::RelatedLinks),
    ("Read Also", RemovedKind::RelatedLinks),
    ("Read also", RemovedKind::RelatedLinks),
    ("Read More", RemovedKind::RelatedLinks),
    ("Read more", RemovedKind::RelatedLinks),
    ("Also read", RemovedKind::RelatedLinks),
    ("See also", RemovedKind::RelatedLinks),
    ("اقرأ أيضا", RemovedKind::RelatedLinks),
    ("اقرأ أيضاً", RemovedKind::RelatedLinks),
    ("Tags", RemovedKind::Navigation),
    ("Keywords", RemovedKind::Navigation),
    ("Topics", RemovedKind::Navigation),
    ("Follow us", RemovedKind::Navigation),
    ("Share this", RemovedKind::Navigation),
    ("Share on", RemovedKind::Navigation),
    ("الوسوم", RemovedKind::Navigation),
    ("كلمات مفتاحية", RemovedKind::Navigation),
    ("كلمات دلالية", RemovedKind::Navigation),
    ("Comment via", RemovedKind::CommentForm),
    ("Community standards", RemovedKind::CommentForm),
    ("Leave a comment", RemovedKind::CommentForm),
];

/// Phrases of site footers; two of them after the text mean the footer ran into it.
#[rustfmt::skip]
pub(super) const FOOTER: &[&str] = &[
    "follow us on", "subscribe to our", "privacy policy", "cookie policy", "terms of use",
    "terms of service", "all rights reserved", "copyright ©", "copyright 20", "© 20", "comment via",
    "share this article", "sign up for our newsletter", "جميع الحقوق محفوظة", "تابعونا على",
    "تابعنا على",
];

/// Pages whose article is one long paragraph run their furniture into it. In the last
/// paragraph, after its last sentence, a short tail opening with a label ("… protests.
/// Read Also", "… studied. ... 11 Tags Assad Damascus Comment via Facebook") goes: related
/// labels as RelatedLinks, comment ones as CommentForm, the rest as Navigation. And from the
/// sentence where a site footer starts ("Follow us on Instagram. … Privacy Policy Cookie
/// Policy"), when two footer phrases or more follow, the rest goes as Navigation.
pub(super) fn last_paragraph_tail(doc: &mut Doc) {
    let Some(&i) = doc.kept().last() else { return };
    let line = doc.line(i).trim_end().to_string();
    let end = line
        .rfind(['.', '!', '?', '؟', '"', '”', ')', '»'])
        .map_or(0, |p| {
            p + line
                .get(p..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8)
        });
    if let Some(tail) = line
        .get(end..)
        .filter(|t| !words_at_most(t, 0) && words_at_most(t, 150))
    {
        // The whole tail a navigation label or related heading ("… protests. Read Also",
        // "… ). Twitter"), share counts ("11") allowed before it.
        let label = tail.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit());
        let whole = if is_related_phrase_line(label) {
            Some(RemovedKind::RelatedLinks)
        } else if is_nav_line_of(label) {
            Some(RemovedKind::Navigation)
        } else {
            None
        };
        // Else the first label inside the tail, at a word start.
        let inside = || {
            TAIL_LABELS
                .iter()
                .flat_map(|&(l, kind)| tail.match_indices(l).map(move |(at, _)| (at, l, kind)))
                .filter(|&(at, l, _)| {
                    let before = tail.get(..at).and_then(|h| h.chars().last());
                    let after = tail.get(at + l.len()..).and_then(|r| r.chars().next());
                    before.is_none_or(char::is_whitespace)
                        && after.is_none_or(|c| !c.is_alphanumeric())
                })
                .min_by_key(|&(at, _, _)| at)
        };
        let cut = match whole {
            Some(kind) => Some((end, kind)),
            None if end > 0 && end < line.len() => inside().map(|(at, _, kind)| (end + at, kind)),
            None => None,
        };
        if let Some((from, kind)) = cut {
            if cut_suffix(doc, i, from, kind) {
                return;
            }
        }
    }
    footer_in_paragraph(doc, i);
}

/// Removes line `i` from byte `from` on, when something worth keeping stays before it.
pub(super) fn cut_suffix(doc: &mut Doc, i: usize, from: usize, kind: RemovedKind) -> bool {
    let Some(Some(line)) = doc.lines.get_mut(i) else {
        return false;
    };
    let (Some(keep), Some(gone)) = (line.get(..from), line.get(from..)) else {
        return false;
    };
    let (keep, gone) = (keep.trim_end().to_string(), gone.trim().to_string());
    if word_count(&keep) < 3 || gone.is_empty() {
        return false;
    }
    *line = keep;
    doc.removed.push((i + 1, Removed { kind, text: gone }));
    true
}

/// The footer rule of [`last_paragraph_tail`].
pub(super) fn footer_in_paragraph(doc: &mut Doc, i: usize) {
    let line = doc.line(i);
    let Some((first, distinct)) = footer_phrases(line) else {
        return;
    };
    if distinct < 2 || first * 10 < line.len() * 4 {
        return;
    }
    // Back to the start of the sentence the footer opens.
    let start = line
        .get(..first)
        .and_then(|h| h.rfind(". ").map(|p| p + 2))
        .filter(|&s| first - s <= 120)
        .unwrap_or(first);
    cut_suffix(doc, i, start, RemovedKind::Navigation);
}

/// The footer phrases at word starts in `line`, in any case: where the first one stands and
/// how many different ones there are. One pass over the line: the phrases are in lower
/// case and the Arabic ones have no case, so ignoring ASCII case is enough, and no phrase
/// can overlap itself (tested), so this finds every match a search for each phrase would.
pub(super) fn footer_phrases(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut found = [false; FOOTER.len()];
    let mut first = None;
    let mut word_start = true;
    for (at, c) in line.char_indices() {
        if word_start {
            for (seen, p) in found.iter_mut().zip(FOOTER) {
                if bytes
                    .get(at..at + p.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
                {
                    *seen = true;
                    first.get_or_insert(at);
                }
            }
        }
        word_start = !is_alphanumeric(c);
    }
    Some((first?, found.iter().filter(|&&f| f).count()))
}

/// Author contact lines at the end: an e-mail address or a link, alone or in a short line
/// ("name@example.com", "للتواصل مع الكاتب ...").
pub(super) fn is_contact_line(line: &str) -> bool {
    // A long line is neither, whatever it holds: count its words first.
    if !words_at_most(line, 40) {
        return false;
    }
    let email = line.split_whitespace().any(|w| {
        w.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
    });
    let link = line
        .split_whitespace()
        .any(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."));
    (email || link) && words_at_most(line, if email { 40 } else { 3 }) && !ends_sentence(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `footer_phrases` as it was: each phrase searched for in the lower-cased line.
    fn footer_phrases_by_search(line: &str) -> Option<(usize, usize)> {
        let lower = line.to_ascii_lowercase();
        let mut hits: Vec<(usize, &str)> = FOOTER
            .iter()
            .flat_map(|p| lower.match_indices(p).map(move |(at, _)| (at, *p)))
            .filter(|&(at, _)| {
                at == 0
                    || lower
                        .get(..at)
                        .is_some_and(|h| h.ends_with(|c: char| !c.is_alphanumeric()))
            })
            .collect();
        hits.sort();
        let mut d: Vec<&str> = hits.iter().map(|h| h.1).collect();
        d.sort();
        d.dedup();
        Some((hits.first()?.0, d.len()))
    }

    #[test]
    fn footer_phrases_are_lower_case_distinct_and_never_overlap_themselves() {
        for (i, p) in FOOTER.iter().enumerate() {
            assert_eq!(*p, p.to_ascii_lowercase());
            assert!(!FOOTER[..i].contains(p), "{p}");
            // A proper prefix that is also a suffix would let two matches overlap.
            assert!(
                (1..p.len()).all(|n| !p.is_char_boundary(n) || !p.ends_with(&p[..n])),
                "{p}"
            );
        }
    }

    fn footer_text() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = FOOTER.iter().map(|p| p.to_string()).collect();
        pieces.extend(FOOTER.iter().map(|p| p.to_uppercase()));
        pieces.extend(
            [
                "x",
                "us",
                "on",
                "©",
                "20",
                "terms",
                "of",
                ".",
                ", ",
                "policy",
                "تابعونا",
                "جميع",
                "é",
                "Ü",
                "ـ",
                "1",
            ]
            .map(String::from),
        );
        let piece = prop::sample::select(pieces);
        let sep = prop::sample::select(vec!["", " ", "  ", "-", "\u{A0}", "a", "٣"]);
        prop::collection::vec((piece, sep), 0..12)
            .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn footers_are_found_as_searching_each_phrase_finds_them(line in footer_text()) {
            prop_assert_eq!(footer_phrases(&line), footer_phrases_by_search(&line));
        }
    }
}
