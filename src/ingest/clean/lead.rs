//! Rule 4: prefixes of the first paragraph — a date stamp, the headline again, the
//! dateline.

use super::matching::{match_significant, significant, word_count, Sig};
use super::Doc;
use crate::analysis::Script;
use crate::ingest::meta::{self, is_agency, key};
use crate::ingest::RemovedKind;

/// Rule 4 and the FA-KES-style openings: strips from the first paragraph the headline
/// printed again (RepeatedTitle), with what the page put before it: a date stamp ("Wed 05
/// Apr 2017", "Posted on April 4 2017 by …") as Timestamp, a known agency and a date ("AFP
/// Friday 15 Jul 2016") as Dateline, other labels ("UPDATED") as Navigation; a date stamp
/// opening the paragraph without the headline (Timestamp); and a dateline ("TEHRAN
/// (Tasnim) –", "دمشق - سانا:") as Dateline.
pub(super) fn lead_prefixes(doc: &mut Doc) {
    let Some(&i) = doc.kept().first() else { return };
    if let Some((start, end)) = find_title_in_lead(doc, doc.line(i)) {
        let mut offset = 0;
        if start > 0 {
            let before = doc.line(i).get(..start).unwrap_or("").trim().to_string();
            let agency = agency_date_prefix(&before);
            let kind = if agency.is_some() {
                RemovedKind::Dateline
            } else if before.chars().any(|c| c.is_ascii_digit()) {
                RemovedKind::Timestamp
            } else {
                RemovedKind::Navigation
            };
            if doc.cut_prefix(i, start, kind) {
                offset = start;
                doc.agency = agency.or(doc.agency.take());
            }
        }
        let end = end - offset;
        let rest_empty = doc.line(i).get(end..).is_none_or(|r| r.trim().is_empty());
        if rest_empty {
            if doc.kept().len() > 1 {
                doc.drop_line(i, RemovedKind::RepeatedTitle);
                return lead_prefixes_after_title(doc);
            }
        } else if doc.cut_prefix(i, end, RemovedKind::RepeatedTitle) {
            // After the headline, FA-KES pages print "AFP Friday 15 Jul 2016" or a date.
            if let Some((agency, len)) = agency_and_date(doc.line(i)) {
                if doc.cut_prefix(i, len, RemovedKind::Dateline) {
                    doc.agency = Some(agency);
                }
            } else if let Some(len) = leading_date_len(doc.line(i)) {
                doc.cut_prefix(i, len, RemovedKind::Timestamp);
            }
        }
    } else if let Some(len) = leading_date_len(doc.line(i)) {
        // Only in Latin text; the date, looked for first, is the rarer and cheaper test.
        if meta::dominant_script(doc.line(i)) == Some(Script::Latin) {
            doc.cut_prefix(i, len, RemovedKind::Timestamp);
        }
    }
    lead_prefixes_after_title(doc);
}

/// The dateline part of [`lead_prefixes`], on whatever line now opens the body.
pub(super) fn lead_prefixes_after_title(doc: &mut Doc) {
    let Some(&i) = doc.kept().first() else { return };
    if !doc
        .removed
        .iter()
        .any(|(_, r)| r.kind == RemovedKind::Dateline)
    {
        if let Some(d) = meta::read_dateline(doc.line(i)) {
            if doc.cut_prefix(i, d.len, RemovedKind::Dateline) {
                doc.dateline = d.place.or(doc.dateline.take());
                doc.agency = d.agency.or(doc.agency.take());
            }
        }
    }
}

/// A date stamp opening a paragraph, with its publication words; only with a year in it,
/// and only before text that starts like a sentence or a headline.
pub(super) fn leading_date_len(line: &str) -> Option<usize> {
    let rest = meta::strip_publication_words(line);
    let offset = line.len() - rest.len();
    // A stamp is a few words (`date_prefix_len` reads six at most): look among the first
    // twelve rather than split a whole paragraph into words.
    let n = meta::date_prefix_len(first_words(rest, 12))?;
    let date = rest.get(..n)?;
    let has_year = date
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 || d.len() == 6)
        || date.split_whitespace().any(|w| w.contains(['-', '.', '/']));
    let after = rest.get(n..)?.trim_start();
    let next = after.chars().next()?;
    (has_year
        && (next.is_uppercase() || next.is_ascii_digit() || next == '"' || next == '“')
        && word_count(after) >= 3)
        .then_some(offset + n)
}

/// `s` up to its `n`-th word and the white space after it; all of `s` when it has fewer.
fn first_words(s: &str, n: usize) -> &str {
    let (mut words, mut in_word) = (0, false);
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            if words == n {
                return s.get(..i).unwrap_or(s);
            }
            words += 1;
            in_word = true;
        }
    }
    s
}

/// Where the headline stands near the start of `line`: `(start, end)` bytes, `end` past
/// the punctuation after it. The headline may follow up to twelve words of stamps and
/// credits without a sentence end ("Posted on April 4 2017 by Staff <headline>"). Needs a
/// headline of four words or more, and what follows it must start like a new sentence (so
/// a lede that merely begins with the headline's words keeps them). A headline the page
/// cut short ("… east of") is followed into the sentence it began.
pub(super) fn find_title_in_lead(doc: &Doc, line: &str) -> Option<(usize, usize)> {
    let mut titles: Vec<String> = Vec::new();
    for t in [&doc.full_title, &doc.title] {
        let t = t.trim_end_matches(['.', ' ']).to_string();
        if word_count(&t) >= 4 && !titles.contains(&t) {
            titles.push(t);
        }
    }
    // A title with a credit word the body leaves out ("… car bomb Rebels").
    if let Some(t) = titles.last().cloned() {
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() >= 7 {
            titles.push(words[..words.len() - 1].join(" "));
        }
    }
    // Cut short: long, or ending on a word no headline ends with.
    let last = doc
        .full_title
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let truncated = doc.full_title.chars().count() >= 80
        || [
            "of", "the", "a", "an", "in", "on", "at", "to", "for", "and", "with", "from", "by",
        ]
        .contains(&last.as_str());
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            line.char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .map(|(p, c)| p + c.len_utf8()),
        )
        .filter(|&p| {
            line.get(p..)
                .is_some_and(|r| !r.starts_with(char::is_whitespace))
        })
        .take(13)
        .collect();
    let sigs: Vec<(Vec<Sig>, usize)> = titles.iter().map(|t| (significant(t), t.len())).collect();
    for &start in &starts {
        let before = line.get(..start)?;
        if has_sentence_end(before) || before.chars().count() > 160 {
            break;
        }
        let rest = line.get(start..)?;
        for (sig, len) in &sigs {
            if let Some(len) = title_at(rest, sig, *len, truncated) {
                return Some((start, start + len));
            }
        }
    }
    None
}

/// A full stop, question or exclamation mark ending a sentence in `s`; the dot of an
/// abbreviation ("Aug. 1", "U.S. officials") does not count.
pub(super) fn has_sentence_end(s: &str) -> bool {
    s.contains(['!', '?', '؟'])
        || s.match_indices(". ").any(|(p, _)| {
            let word = s
                .get(..p)
                .and_then(|h| h.split_whitespace().last())
                .unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() > 4 && !word.contains('.')
        })
}

/// Length of a headline (its significant characters `t` and byte length `t_len`), with
/// the punctuation and space after it, at the start of `s`.
pub(super) fn title_at(s: &str, t: &[Sig], t_len: usize, truncated: bool) -> Option<usize> {
    let mut end = match_significant(s, t, t_len)?;
    let mid_word = s
        .get(..end)?
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric)
        && s.get(end..)?
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    if mid_word {
        if !truncated {
            return None;
        }
        end += s
            .get(end..)?
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(s.len() - end);
    }
    let rest = s.get(end..)?;
    let next = rest.trim_start().chars().next();
    let punct = rest
        .trim_start()
        .starts_with(['.', ':', '-', '–', '—', '|']);
    if next.is_some_and(char::is_lowercase) && !punct {
        // The page cut the headline; its sentence runs on to the first full stop.
        let p = rest.find(". ").filter(|&p| truncated && p <= 100)?;
        end += p + 1;
    }
    let rest = s.get(end..)?;
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '|')
            })
            .len();
    Some(end + skip)
}

/// "AFP Friday 22 Jul 2016": a known agency and a date, nothing else. The agency.
pub(super) fn agency_date_prefix(s: &str) -> Option<String> {
    let first = s.split_whitespace().next()?;
    let rest = s.get(first.len()..)?.trim();
    (is_agency(&key(first)) && meta::date_prefix_len(rest) == Some(rest.len()))
        .then(|| first.to_string())
}

/// A known agency followed by a date ("AFP Friday 15 Jul 2016 At least ..."): the agency
/// and the bytes both take.
pub(super) fn agency_and_date(line: &str) -> Option<(String, usize)> {
    let first = line.split_whitespace().next()?;
    if !is_agency(&key(first)) {
        return None;
    }
    // Byte offset of the date: past the agency word and the white space after it.
    let word_end = first.as_ptr() as usize - line.as_ptr() as usize + first.len();
    let rest = line.get(word_end..)?;
    let after = word_end + (rest.len() - rest.trim_start().len());
    let n = leading_date_len(line.get(after..)?)?;
    Some((first.to_string(), after + n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn first_words_keeps_whole_words(s in "[a-c \t\u{A0}\u{2003}é]{0,30}", n in 0usize..6) {
            let head = first_words(&s, n);
            prop_assert!(s.starts_with(head));
            let words: Vec<&str> = s.split_whitespace().take(n).collect();
            prop_assert_eq!(head.split_whitespace().collect::<Vec<_>>(), words);
            // Cut where word n + 1 starts, if there is one.
            let rest = &s[head.len()..];
            prop_assert!(rest.is_empty() || !rest.starts_with(char::is_whitespace));
        }
    }
}
