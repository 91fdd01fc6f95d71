//! Rules 2-4: lines at the head of the body — a repeated headline, an outlet or byline
//! line, a place-date-agency line, a share bar. These are short lines; the first real
//! paragraph is tested too, so the tests bound their work by the words they need.

use std::sync::OnceLock;

use super::matching::{ends_sentence, key_within, match_prefix, word_count, words_at_most};
use super::phrases::is_nav_line_of;
use super::Doc;
use crate::ingest::meta::{self, fold, is_agency, is_credit, key};
use crate::ingest::RemovedKind;

/// The line is the headline again: equal after folding to the title with or without its
/// suffix, or the title followed by a date.
pub(super) fn is_repeated_title(doc: &Doc, line: &str) -> bool {
    let (title, full_title) = (key(&doc.title), key(&doc.full_title));
    // A line whose key is longer than both (a paragraph) is not folded whole: it is not
    // empty and equals neither.
    if let Some(k) = key_within(line, title.len().max(full_title.len())) {
        if k.is_empty() {
            return false;
        }
        if k == title || k == full_title {
            return true;
        }
    }
    [&doc.title, &doc.full_title].iter().any(|t| {
        word_count(t) >= 3
            && match_prefix(line, t)
                .and_then(|e| line.get(e..))
                .is_some_and(|rest| {
                    let rest = rest.trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',')
                    });
                    meta::is_date_line(rest)
                })
    })
}

/// Splits a short credit line at its first dash with white space on at least one side
/// (or a parenthesis after it): "بلدي نيوز - (متابعات)" gives ("بلدي نيوز", "(متابعات)").
/// A dash inside a word ("al-Assad") does not split.
pub(super) fn split_credit_line(line: &str) -> Option<(&str, &str)> {
    let mut prev: Option<char> = None;
    let mut it = line.char_indices().peekable();
    while let Some((p, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let spaced = prev.is_some_and(char::is_whitespace)
            || next.is_some_and(|n| n.is_whitespace() || n == '(');
        if matches!(c, '-' | '–' | '—' | 'ـ') && spaced && prev.is_some() && next.is_some() {
            // Tatweel is a dash only between spaces; inside a word it stretches letters.
            if c == 'ـ'
                && !(prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace))
            {
                prev = Some(c);
                continue;
            }
            let left = line.get(..p)?.trim();
            let right = line.get(p + c.len_utf8()..)?.trim();
            return Some((left, right));
        }
        prev = Some(c);
    }
    None
}

/// What an outlet line names.
#[derive(Debug, Default, PartialEq)]
pub(super) struct OutletInfo {
    outlet: Option<String>,
    agency: Option<String>,
}

/// Reads an outlet line: "Name - (credit)" or "Name – متابعات" names the outlet; "Place –
/// واس" names an agency; a byline-shaped line ("Name – Outlet", "Outlet – Place") whose
/// parts cannot be told apart names nothing but is still removed.
pub(super) fn outlet_line(line: &str, next_is_long: bool) -> Option<OutletInfo> {
    if !words_at_most(line, 6) || ends_sentence(line) || line.ends_with(['،', ',', ':']) {
        return None;
    }
    let (left, right) = split_credit_line(line)?;
    if left.is_empty() || right.is_empty() || split_credit_line(right).is_some() {
        return None;
    }
    let credit = |s: &str| {
        let inner = s.trim();
        (inner.starts_with('(') && inner.ends_with(')')) || is_credit(&key(inner))
    };
    let agency = |s: &str| is_agency(&key(s));
    let name = |s: &str| s.trim_matches(['(', ')']).trim().to_string();
    if credit(right) && !credit(left) {
        let agency = agency(right).then(|| name(right));
        return Some(OutletInfo {
            outlet: Some(left.to_string()),
            agency,
        });
    }
    if credit(left) && !credit(right) {
        return Some(OutletInfo {
            outlet: Some(name(right)),
            agency: None,
        });
    }
    // Byline shape: two short names, no digits, before a real paragraph.
    let plain = |s: &str| {
        (1..=3).contains(&word_count(s))
            && !s
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '،' | ':' | '"' | '«' | '“'))
    };
    if !(next_is_long && plain(left) && plain(right)) {
        return None;
    }
    let agency = [right, left].into_iter().find(|s| agency(s)).map(name);
    Some(OutletInfo {
        outlet: None,
        agency,
    })
}

/// An outlet credit opening the first paragraph itself: "عين اليوم – متابعات في منطقة
/// ...", or a byline set off from the text by a run of spaces ("Name – Outlet      The
/// ..."). The bytes it takes and what it names.
pub(super) fn outlet_prefix(line: &str) -> Option<(usize, OutletInfo)> {
    let words: Vec<&str> = line.split_whitespace().take(6).collect();
    for take in (3..=6).rev() {
        let Some(last) = words.get(take - 1) else {
            continue;
        };
        let end = last.as_ptr() as usize - line.as_ptr() as usize + last.len();
        let (head, rest) = (line.get(..end)?, line.get(end..)?);
        if words_at_most(rest, 4) {
            continue;
        }
        let gap = rest.chars().take_while(|c| c.is_whitespace()).count() >= 3;
        if let Some(info) = outlet_line(head, gap).filter(|i| gap || i.outlet.is_some()) {
            return Some((end, info));
        }
    }
    None
}

/// A line on its own naming place, date and agency: "الرياض 25 شوال 1436 هـ الموافق 10
/// اغسطس 2015 م واس". The place is the word(s) before the first number, the agency the
/// known agency name that ends the line.
pub(super) fn dateline_line(line: &str) -> Option<(String, String)> {
    // Seventeen words are enough to say "too many".
    let words: Vec<&str> = line.split_whitespace().take(17).collect();
    if words.len() > 16 || words.len() < 3 || ends_sentence(line) {
        return None;
    }
    let first_digit = words.iter().position(|w| {
        w.chars()
            .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    })?;
    if !(1..=2).contains(&first_digit) {
        return None;
    }
    for take in (1..=3).rev() {
        if words.len() < first_digit + 1 + take {
            continue;
        }
        let agency = words[words.len() - take..].join(" ");
        if is_agency(&key(&agency)) {
            let place = words[..first_digit].join(" ");
            let place = place.trim_end_matches([',', '،']).to_string();
            return Some((place, agency.trim_matches(['(', ')']).to_string()));
        }
    }
    None
}

/// Rules 2 and 3, and date lines: removes, from the head of the body, a date line, the
/// headline repeated (RepeatedTitle), an outlet or byline line (OutletLine) and a
/// place-date-agency line (Dateline), in whatever order they come.
pub(super) fn head_lines(doc: &mut Doc) {
    let (mut title_done, mut outlet_done, mut dateline_done) = (false, false, false);
    for _ in 0..6 {
        let kept = doc.kept();
        let (Some(&i), next) = (kept.first(), kept.get(1).copied()) else {
            return;
        };
        let line = doc.line(i).to_string();
        // A share bar is cut off its line, which stays.
        if let Some(len) = share_bar_len(&line) {
            if doc.cut_prefix(i, len, RemovedKind::Navigation) {
                continue;
            }
        }
        // Never take the last line: whatever is left must be the body.
        let Some(next) = next else {
            if !outlet_done {
                outlet_prefix_of(doc, i);
            }
            return;
        };
        let next_is_long = !words_at_most(doc.line(next), 7);
        if meta::is_date_line(&line) {
            doc.drop_line(i, RemovedKind::Timestamp);
        } else if !title_done && is_repeated_title(doc, &line) {
            title_done = true;
            doc.drop_line(i, RemovedKind::RepeatedTitle);
        } else if let Some(info) = (!outlet_done)
            .then(|| outlet_line(&line, next_is_long))
            .flatten()
        {
            outlet_done = true;
            doc.outlet = doc.outlet.take().or(info.outlet);
            doc.agency = doc.agency.take().or(info.agency);
            doc.drop_line(i, RemovedKind::OutletLine);
        } else if let Some((place, agency)) =
            (!dateline_done).then(|| dateline_line(&line)).flatten()
        {
            dateline_done = true;
            doc.dateline = Some(place);
            doc.agency = Some(agency);
            doc.drop_line(i, RemovedKind::Dateline);
        } else if is_nav_line_of(&line) {
            doc.drop_line(i, RemovedKind::Navigation);
        } else {
            if !outlet_done {
                outlet_prefix_of(doc, i);
            }
            return;
        }
    }
}

/// Cuts an outlet credit that opens line `i` (see [`outlet_prefix`]).
pub(super) fn outlet_prefix_of(doc: &mut Doc, i: usize) {
    if let Some((len, info)) = outlet_prefix(doc.line(i)) {
        if doc.cut_prefix(i, len, RemovedKind::OutletLine) {
            doc.outlet = info.outlet;
            doc.agency = doc.agency.take().or(info.agency);
        }
    }
}

/// Words of sharing widgets and pagers that pages print before the article text.
#[rustfmt::skip]
pub(super) const SHARE_BAR: &[&str] = &[
    "next", "previous", "share", "tweet", "facebook", "twitter", "whatsapp", "email", "print",
    "google+", "linkedin", "telegram", "شارك من خلال", "شارك عبر", "شارك", "تويتر", "فيسبوك", "فيس بوك",
    "جوجل بلس", "واتساب", "واتس اب", "اكتب رأيك", "طباعة", "التالي", "السابق", "أرسل لصديق",
];

/// Length of a run of sharing-widget words opening a line ("Next Previous Name – Outlet",
/// "شارك من خلال تويتر فيسبوك ..."), when at least two of them come first and text follows.
/// "عبر تويتر، أعلن ..." ("via Twitter, ... announced") is a sentence: prepositions count
/// only after "شارك", and a word with punctuation ends the run.
pub(super) fn share_bar_len(line: &str) -> Option<usize> {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        SHARE_BAR
            .iter()
            .map(|p| p.split_whitespace().map(key).collect())
            .collect()
    });
    // Words are read, and folded once each, only as far as the bar runs: (byte offset,
    // folded word).
    let mut rest = line.split_whitespace();
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut read_to = |words: &mut Vec<(usize, String)>, n: usize| {
        while words.len() < n {
            let Some(w) = rest.next() else { break };
            words.push((w.as_ptr() as usize - line.as_ptr() as usize, fold(w)));
        }
    };
    let mut i = 0;
    let mut hits = 0;
    'outer: loop {
        read_to(&mut words, i + 1);
        if i >= words.len() {
            break;
        }
        for p in phrases {
            let n = p.len();
            read_to(&mut words, i + n);
            if i + n <= words.len() && words[i..i + n].iter().zip(p).all(|((_, w), k)| w == k) {
                i += n;
                hits += 1;
                continue 'outer;
            }
        }
        break;
    }
    read_to(&mut words, i + 1);
    if hits < 2 || i >= words.len() {
        return None;
    }
    Some(words[i].0)
}
