//! Datelines: "TEHRAN (Tasnim) –", "ALEPPO, June 9 (Wire) -", "دمشق - سانا:".

use super::fold::{is_agency, is_credit, key};
use super::lang::script_of;
use super::stamp::date_prefix_len;
use crate::analysis::Script;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The place as written ("TEHRAN", "دمشق").
    pub place: Option<String>,
    /// The credited agency ("Tasnim", "سانا").
    pub agency: Option<String>,
    /// Bytes of the paragraph the dateline takes, including the white space after it.
    pub len: usize,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// A word of an upper-case Latin place name: "TEHRAN", "AL-QAMISHLI", "U.N.", "ST.".
fn is_upper_place_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 1
        && w.chars().next().is_some_and(|c| c.is_uppercase())
        && w.chars().all(|c| {
            (c.is_alphabetic() && c.is_uppercase() && script_of(c) == Some(Script::Latin))
                || matches!(c, '-' | '.' | '\'' | '’')
        })
        && !w.chars().last().is_some_and(is_dash)
}

/// End of a region after a dateline's comma ("Ohio", "N.Y.", "United Arab Emirates"): up
/// to four capitalised words directly followed by a dash or a parenthesis.
fn region_end(par: &str, start: usize) -> Option<usize> {
    let rest = par.get(start..)?;
    for (a, b) in words_with_pos(rest).into_iter().take(4) {
        let w = rest.get(a..b)?;
        if !w.chars().next().is_some_and(char::is_uppercase) || w.contains(['(', ')', ',']) {
            break;
        }
        let next = skip_ws(par, start + b);
        if par
            .get(next..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_dash(c) || c == '(')
        {
            return Some(start + b);
        }
    }
    None
}

/// Words of a paragraph with their byte ranges, split on white space.
pub(super) fn words_with_pos(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Skips white space from byte `i`; returns the next non-space byte index.
fn skip_ws(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|rest| {
            rest.char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map(|(j, _)| i + j)
        })
        .unwrap_or(s.len())
}

/// A short parenthesised credit at byte `i`: "(Tasnim)", "(رويترز)". Returns the inner text
/// and the byte index after ")".
fn paren_credit(s: &str, i: usize) -> Option<(String, usize)> {
    let rest = s.get(i..)?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest.get(..close)?.trim();
    let words = inner.split_whitespace().count();
    let ok = !inner.is_empty()
        && inner.chars().count() <= 40
        && words <= 5
        && inner.chars().next().is_some_and(char::is_alphabetic)
        && !inner.contains(['.', '!', '?', '؟', ',', '،']);
    ok.then(|| (inner.to_string(), i + 1 + close + 1))
}

/// A dash (possibly doubled, "--") at byte `i`, with white space or the end after it when
/// `need_space`. Returns the byte index after the dash.
fn dash_at(s: &str, i: usize) -> Option<usize> {
    let mut chars = s.get(i..)?.char_indices();
    let (_, c) = chars.next()?;
    if !is_dash(c) {
        return None;
    }
    let mut end = i + c.len_utf8();
    if let Some((_, c2)) = chars.next() {
        if c2 == '-' {
            end += 1;
        }
    }
    Some(end)
}

/// Reads a dateline opening `par`, if there is one and enough text follows it.
///
/// Latin: upper-case place ("TEHRAN", "NEW YORK"), optionally a comma and a short date
/// ("DAMASCUS, March 3"), optionally a parenthesised agency, then a dash — or a place and
/// an agency without the dash ("BEIRUT (AP) The ..."), or just "(Reuters) -". Arabic: one or
/// two words, a dash, an agency and a colon ("دمشق - سانا:"), a place and a parenthesised
/// agency, or one or two words and a dash ("واشنطن - ") when a long paragraph follows.
pub(crate) fn read_dateline(par: &str) -> Option<Dateline> {
    latin_dateline(par)
        .or_else(|| arabic_dateline(par))
        .filter(|d| {
            // Something worth calling a paragraph must remain.
            par.get(d.len..)
                .is_some_and(|rest| rest.split_whitespace().count() >= 3)
        })
}

fn latin_dateline(par: &str) -> Option<Dateline> {
    let words = words_with_pos(par);
    // The place: up to four upper-case words, at least two letters in all.
    let mut place_end = 0;
    let mut n = 0;
    for &(st, en) in words.iter().take(4) {
        let mut w = par.get(st..en)?;
        // "PARIS," or "TEHRAN(Tasnim)": stop the word at a comma or parenthesis.
        let cut = w.find([',', '(']).unwrap_or(w.len());
        w = w.get(..cut)?;
        if w.is_empty() || !is_upper_place_word(w) {
            break;
        }
        n += 1;
        place_end = st + w.len();
        if cut < en - st {
            break;
        }
    }
    let place_ok = n > 0
        && par
            .get(..place_end)?
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2;
    let mut i = if place_ok { place_end } else { 0 };
    let mut date = false;
    if place_ok {
        // Optional ", March 3" or " March 3" (FA-KES strips commas) before "(" or a dash.
        let j = skip_ws(par, i);
        let after_comma = par
            .get(j..)
            .and_then(|r| r.strip_prefix(','))
            .map(|_| j + 1);
        let k = skip_ws(par, after_comma.unwrap_or(j));
        if let Some(len) = par.get(k..).and_then(date_prefix_len) {
            i = k + len;
            date = true;
        } else if let Some(c) = after_comma {
            i = c;
            // ", Ohio –", ", N.Y. —", ", United Arab Emirates —": the region is part of the
            // place as written.
            if let Some(end) = region_end(par, k) {
                place_end = end;
                i = end;
            }
        }
    }
    let place = par.get(..place_end)?.trim();
    let j = skip_ws(par, i);
    let agency = paren_credit(par, j);
    let after_agency = agency.as_ref().map_or(j, |(_, e)| *e);
    let k = skip_ws(par, after_agency);
    let dash = dash_at(par, k);
    let agency = agency.map(|(a, _)| a);
    let end = match (place_ok, &agency, dash) {
        (true, _, Some(e)) | (false, Some(_), Some(e)) => e,
        // "BEIRUT (AP) The ...": place and agency are enough without a dash.
        (true, Some(_), None) => after_agency,
        _ => return None,
    };
    // A dash glued to the next word ("SANA-Terrorist") is a hyphen, not a dateline dash.
    if par
        .get(end..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| !c.is_whitespace())
    {
        return None;
    }
    // "US –" or "ISIS –" opening a sentence are not places: demand a dateline shape that a
    // sentence would not have: an agency, a date, or a place of three letters or more.
    if agency.is_none() && !date && place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    Some(Dateline {
        place: place_ok.then(|| place.to_string()),
        agency,
        len: skip_ws(par, end),
    })
}

/// Words that open an Arabic paragraph with a dash but are no place ("عاجل - ...").
#[rustfmt::skip]
const AR_NOT_PLACE: &[&str] = &[
    "عاجل", "خاص", "متابعات", "تقرير", "فيديو", "صور", "بالصور", "بالفيديو", "مقال", "رأي", "حوار",
];

fn is_arabic_text(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || script_of(c) == Some(Script::Arabic)
            || matches!(c, '\u{064B}'..='\u{065F}' | '(' | ')')
    })
}

/// Verbs that open Arabic sentences: "الرياض - قال الوزير: ..." has no agency in it.
#[rustfmt::skip]
const AR_VERBS: &[&str] = &[
    "قال", "وقال", "أكد", "اكد", "أعلن", "اعلن", "ذكر", "أفاد", "افاد", "كشف", "أوضح", "اوضح",
    "أشار", "صرح", "نفى", "دعا", "أضاف", "اضاف", "طالب", "أعرب", "شدد",
];

fn arabic_dateline(par: &str) -> Option<Dateline> {
    // "(رويترز) - ..." : agency only, and only with the dash.
    if let Some((agency, e)) = paren_credit(par, 0) {
        let end = dash_at(par, skip_ws(par, e))?;
        return Some(Dateline {
            place: None,
            agency: Some(agency),
            len: skip_ws(par, end),
        });
    }
    if let Some(d) = arabic_credit_colon(par) {
        return Some(d);
    }
    let words = words_with_pos(par);
    for place_words in 1..=2usize {
        let &(_, place_end) = words.get(place_words - 1)?;
        let place = par.get(..place_end)?;
        if !is_arabic_text(place) || place.contains(['(', ')']) || AR_NOT_PLACE.contains(&place) {
            return None;
        }
        // A two-word place is a name like "مكة المكرمة", its second word with the article;
        // "ذكر هانز - بيتر" is a sentence with a hyphenated name.
        if place_words == 2
            && !words
                .get(1)
                .and_then(|&(a, b)| par.get(a..b))
                .is_some_and(|w| w.starts_with("ال"))
        {
            return None;
        }
        let k = skip_ws(par, place_end);
        // "دمشق (رويترز) - ..." ; without the dash only for a known agency, since "علمت
        // (المصدر) أن ..." is a sentence.
        if let Some((agency, e)) = paren_credit(par, k) {
            let dash = dash_at(par, skip_ws(par, e));
            if dash.is_none() && !is_agency(&key(&agency)) {
                return None;
            }
            let end = skip_colon(par, dash.unwrap_or(e));
            return Some(Dateline {
                place: Some(place.to_string()),
                agency: Some(agency),
                len: skip_ws(par, end),
            });
        }
        let Some(after_dash) = dash_at(par, k) else {
            continue;
        };
        // "كان -أعني ..." : a dash glued to the next word opens an aside, not a dateline.
        if !par
            .get(after_dash..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
        {
            return None;
        }
        let a = skip_ws(par, after_dash);
        // "واشنطن - ..." : a bare place, only before a paragraph of some length.
        let rest = par.get(a..)?;
        if rest.split_whitespace().count() >= 8 {
            return Some(Dateline {
                place: Some(place.to_string()),
                agency: None,
                len: a,
            });
        }
        return None;
    }
    None
}

/// "دمشق - سانا:", "سبق - جدة:", "فهد العتيبي - سبق - الطائف :": two or three short parts
/// split by dashes and closed by a colon. A known agency (or a part starting with "وكالة")
/// is the agency; the last other part that is no credit word is the place (Arabic
/// papers write "reporter - paper - city:").
fn arabic_credit_colon(par: &str) -> Option<Dateline> {
    let colon = par.find([':', '：'])?;
    let head = par.get(..colon)?;
    if head.split_whitespace().count() > 9 || head.contains(['.', '،', ',', '"', '«', '“']) {
        return None;
    }
    let parts: Vec<&str> = head.split(is_dash).map(str::trim).collect();
    let ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.split_whitespace().count()) && is_arabic_text(p))
        && !parts.iter().any(|p| {
            p.split_whitespace()
                .next()
                .is_some_and(|w| AR_VERBS.contains(&w))
        });
    if !ok {
        return None;
    }
    let is_agency_part = |p: &str| {
        let k = key(p);
        is_agency(&k) || k.starts_with("وكاله")
    };
    let agency = parts
        .iter()
        .find(|p| is_agency_part(p))
        .map(|p| p.to_string());
    let place = parts
        .iter()
        .rev()
        .find(|p| !is_agency_part(p) && !is_credit(&key(p)))
        .map(|p| p.to_string());
    let len = skip_ws(par, colon + par.get(colon..)?.chars().next()?.len_utf8());
    Some(Dateline { place, agency, len })
}

fn skip_colon(s: &str, i: usize) -> usize {
    let j = skip_ws(s, i);
    match s.get(j..).and_then(|r| r.chars().next()) {
        Some(c @ (':' | '：')) => j + c.len_utf8(),
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_datelines() {
        let d = read_dateline("CAIRO (Nile Wire) – The talks resumed on Tuesday morning.").unwrap();
        assert_eq!(d.place.as_deref(), Some("CAIRO"));
        assert_eq!(d.agency.as_deref(), Some("Nile Wire"));
        assert_eq!(&"CAIRO (Nile Wire) – The talks"[d.len..], "The talks");
        let d = read_dateline("NEW YORK — Diplomats met again on Friday to discuss aid.").unwrap();
        assert_eq!(d.place.as_deref(), Some("NEW YORK"));
        assert_eq!(d.agency, None);
        let d = read_dateline("ALEPPO, June 9 (Wire) - Shelling resumed in the east of the city.")
            .unwrap();
        assert_eq!(d.place.as_deref(), Some("ALEPPO"));
        assert_eq!(d.agency.as_deref(), Some("Wire"));
        let d = read_dateline("(Wire) - Shelling resumed in the east of the city.").unwrap();
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("Wire")));
        let d = read_dateline("SPRINGFIELD, Mass. — Voters lined up early on Tuesday.").unwrap();
        assert_eq!(d.place.as_deref(), Some("SPRINGFIELD, Mass."));
        let d =
            read_dateline("ABU DHABI, United Arab Emirates (Wire) — Flights resumed on Monday.")
                .unwrap();
        assert_eq!(d.place.as_deref(), Some("ABU DHABI, United Arab Emirates"));
        assert_eq!(d.agency.as_deref(), Some("Wire"));
        let d = read_dateline("HOMS (AP) Residents said the road was open again.").unwrap();
        assert_eq!(d.place.as_deref(), Some("HOMS"));
    }

    #[test]
    fn sentences_that_only_look_like_datelines() {
        assert_eq!(
            read_dateline("US Secretary of State said the talks were over."),
            None
        );
        assert_eq!(
            read_dateline("UN - the organisation - said it would send aid."),
            None
        );
        assert_eq!(
            read_dateline("Aleppo SANA-Terrorist groups fired shells on the city."),
            None
        );
        assert_eq!(
            read_dateline("The minister - who arrived late - said nothing."),
            None
        );
        assert_eq!(read_dateline("PARIS – Talks."), None);
        assert_eq!(
            read_dateline("عاجل - انفجار في العاصمة أدى إلى سقوط عدد من الضحايا صباح اليوم"),
            None
        );
    }

    #[test]
    fn arabic_datelines() {
        let d =
            read_dateline("حلب - وكالة الشمال: قال مصدر محلي إن القصف استمر طوال الليل").unwrap();
        assert_eq!(d.place.as_deref(), Some("حلب"));
        assert_eq!(d.agency.as_deref(), Some("وكالة الشمال"));
        let d = read_dateline("(وكالة الشمال) - قال مصدر محلي إن القصف استمر طوال الليل").unwrap();
        assert_eq!(d.agency.as_deref(), Some("وكالة الشمال"));
        let d =
            read_dateline("عمّان – قال مصدر حكومي إن الحدود ستفتح أمام الشاحنات خلال الأسبوع المقبل")
                .unwrap();
        assert_eq!((d.place.as_deref(), d.agency), (Some("عمّان"), None));
    }
}
