//! Dates as news text writes them, to ISO 8601: "2019-03-04T10:00Z", "4 March 2019",
//! "March 4, 2019", "04.03.2019", "٤ مارس ٢٠١٩", "4 آذار 2019", and Hijri dates ("25 شوال
//! 1436 هـ"), converted with the tabular Islamic calendar (civil epoch; within a day of the
//! calendars announced by sighting). When a text gives both, the Gregorian date wins. A
//! weekday alone is no date; [`resolve_weekday`] places one against a date known
//! otherwise. All-numeric dates are read day first ("04.03.2019" is 4 March) unless a
//! part over 12 settles the order; "04/03/2019" with both parts 12 or less is ambiguous
//! and gives no date unless the caller says which order its source uses.

use super::fold::fold;

/// A date found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// The words it was read from, as written.
    pub text: String,
    /// Read from a Hijri date.
    pub hijri: bool,
}

/// The order of an all-numeric date with both parts 12 or less.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    DayFirst,
    MonthFirst,
    /// Refuse such dates.
    Unknown,
}

/// The first full date in `text` (a Gregorian one before any Hijri one).
pub fn parse_date(text: &str) -> Option<FoundDate> {
    parse_date_with(text, NumericOrder::Unknown)
}

pub fn parse_date_with(text: &str, order: NumericOrder) -> Option<FoundDate> {
    let words = words(text);
    let mut hijri: Option<FoundDate> = None;
    for i in 0..words.len() {
        if let Some((y, m, d, mut n, is_hijri)) = date_at(&words, i, order) {
            // "2015 م", "2015 AD": the era word belongs to the date as written.
            if !is_hijri
                && words.get(i + n).is_some_and(|w| {
                    matches!(bare(&w.folded), "م" | "ad" | "a.d" | "ميلادي" | "ميلاديه")
                })
            {
                n += 1;
            }
            let (from, to) = (words[i].start, words[i + n - 1].end);
            let found = |iso: String| FoundDate {
                iso,
                text: text.get(from..to).unwrap_or("").to_string(),
                hijri: is_hijri,
            };
            if is_hijri {
                if hijri.is_none() {
                    hijri = hijri_to_gregorian(y, m, d).map(|(y, m, d)| found(iso(y, m, d)));
                }
            } else {
                return Some(found(iso(y, m, d)));
            }
        }
    }
    hijri
}

fn iso(y: i64, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// One word with its folded form and byte range in the text.
struct W {
    folded: String,
    start: usize,
    end: usize,
}

/// Words split on white space and commas, folded (lower case, Arabic letter variants
/// merged, Arabic-Indic digits made ASCII), trailing dots and ordinal suffixes kept for
/// the readers below to strip.
fn words(text: &str) -> Vec<W> {
    let mut out = Vec::new();
    let mut start = None;
    let sep = |c: char| c.is_whitespace() || matches!(c, ',' | '،' | '(' | ')' | '|');
    for (i, c) in text.char_indices() {
        if sep(c) {
            if let Some(s) = start.take() {
                out.push(W {
                    folded: fold(&text[s..i]),
                    start: s,
                    end: i,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
        if out.len() > 2000 {
            break;
        }
    }
    if let Some(s) = start {
        out.push(W {
            folded: fold(&text[s..]),
            start: s,
            end: text.len(),
        });
    }
    out
}

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // Egyptian and Gulf names (folded: ا for أ إ آ, ي for ى, ه for ة).
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("ابريل", 4), ("مايو", 5), ("يونيو", 6),
    ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9), ("اكتوبر", 10),
    ("نوفمبر", 11), ("ديسمبر", 12),
    // Levantine and Iraqi names (the two-word ones are read in `month_at`).
    ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6), ("تموز", 7), ("اب", 8),
    ("ايلول", 9),
    // Maghrebi names.
    ("جانفي", 1), ("فيفري", 2), ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويليه", 7), ("اوت", 8),
];

#[rustfmt::skip]
const HIJRI: &[(&str, u32)] = &[
    ("محرم", 1), ("صفر", 2), ("ربيع الاول", 3), ("ربيع الاخر", 4), ("ربيع الثاني", 4),
    ("جمادي الاولي", 5), ("جمادي الاول", 5), ("جمادي الاخره", 6), ("جمادي الثانيه", 6),
    ("جمادي الاخر", 6), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10),
    ("ذو القعده", 11), ("ذي القعده", 11), ("ذو الحجه", 12), ("ذي الحجه", 12),
];

/// Strips what decorates a number or a name: trailing dots, "th", the Gregorian "م" and
/// Hijri "هـ" glued to a year.
fn bare(w: &str) -> &str {
    let w = w.trim_end_matches(['.', ':', ';']);
    w.trim_start_matches(['"', '\''])
}

fn number(w: &str, max_len: usize) -> Option<u32> {
    let w = bare(w);
    let w = ["st", "nd", "rd", "th", "م", "ه", "هـ"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    (!w.is_empty() && w.len() <= max_len && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())?
}

fn year(w: &str) -> Option<i64> {
    number(w, 4)
        .filter(|&y| (1000..=2200).contains(&y) && bare(w).len() >= 4)
        .map(i64::from)
}

/// A month name at word `i`: (month, words it takes, hijri).
fn month_at(words: &[W], i: usize) -> Option<(u32, usize, bool)> {
    let w = bare(&words.get(i)?.folded);
    let next = words.get(i + 1).map(|n| bare(&n.folded));
    let two = next.map(|n| format!("{w} {n}"));
    // Two-word names first.
    match (w, next) {
        ("كانون", Some("الثاني" | "ثاني")) => return Some((1, 2, false)),
        ("كانون", Some("الاول" | "اول")) => return Some((12, 2, false)),
        ("تشرين", Some("الاول" | "اول")) => return Some((10, 2, false)),
        ("تشرين", Some("الثاني" | "ثاني")) => return Some((11, 2, false)),
        _ => {}
    }
    if let Some(two) = &two {
        if let Some(&(_, m)) = HIJRI.iter().find(|(n, _)| n == two) {
            return Some((m, 2, true));
        }
    }
    let w = w
        .strip_prefix('و')
        .filter(|r| MONTHS.iter().any(|(n, _)| n == r))
        .unwrap_or(w);
    if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| *n == w) {
        return Some((m, 1, false));
    }
    HIJRI
        .iter()
        .find(|(n, _)| *n == w)
        .map(|&(_, m)| (m, 1, true))
}

/// A Hijri marker after the year: "هـ", "ه", "هجري", "هجريه".
fn hijri_marker(w: Option<&W>) -> bool {
    w.is_some_and(|w| {
        matches!(
            bare(&w.folded),
            "هـ" | "ه" | "هجري" | "هجريه" | "ah" | "a.h"
        )
    })
}

/// A full date starting at word `i`: (year, month, day, words taken, hijri).
fn date_at(words: &[W], i: usize, order: NumericOrder) -> Option<(i64, u32, u32, usize, bool)> {
    let w = &words.get(i)?.folded;
    if let Some((y, m, d)) = numeric_date(w, order) {
        return Some((y, m, d, 1, false));
    }
    // Day Month Year: "4 March 2019", "25 شوال 1436 هـ".
    if let Some(d) = number(w, 2) {
        if let Some((m, n, hijri)) = month_at(words, i + 1) {
            let y = year(&words.get(i + 1 + n)?.folded)?;
            let marker = hijri_marker(words.get(i + 2 + n));
            let hijri = hijri || (marker && y < 1600);
            let taken = n + 2 + usize::from(marker);
            return valid(y, m, d, hijri).then_some((y, m, d, taken, hijri));
        }
    }
    // Month Day Year: "March 4, 2019", "Nov 012017" (day glued to year).
    // (A Gregorian marker word after the year is taken by `with_marker`.)
    if let Some((m, n, hijri)) = month_at(words, i) {
        if hijri {
            return None;
        }
        let dw = &words.get(i + n)?.folded;
        if let Some(d) = number(dw, 2) {
            let y = year(&words.get(i + n + 1)?.folded)?;
            return valid(y, m, d, false).then_some((y, m, d, n + 2, false));
        }
        let digits = bare(dw);
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let d: u32 = digits.get(..2)?.parse().ok()?;
            let y: i64 = digits.get(2..)?.parse().ok()?;
            return valid(y, m, d, false).then_some((y, m, d, n + 1, false));
        }
    }
    None
}

fn valid(y: i64, m: u32, d: u32, hijri: bool) -> bool {
    if hijri {
        (1300..=1600).contains(&y) && (1..=12).contains(&m) && (1..=30).contains(&d)
    } else {
        (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_len(y, m)
    }
}

fn month_len(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// "2019-03-04", "2019-03-04T10:00:00Z", "2019/03/04", "04.03.2019", "4-3-19", "3/4/2019".
fn numeric_date(w: &str, order: NumericOrder) -> Option<(i64, u32, u32)> {
    let w = bare(w);
    let date = w.split(['T', 't']).next()?;
    let date = if date.len() > 10 && date.as_bytes().get(10) == Some(&b' ') {
        date.get(..10)?
    } else {
        date
    };
    let sep = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (a, b, c) = (*n.first()?, *n.get(1)?, *n.get(2)?);
    let (y, m, d) = if parts[0].len() == 4 {
        (a, b, c)
    } else {
        let y = match parts[2].len() {
            4 => c,
            2 if c < 50 => 2000 + c,
            2 => 1900 + c,
            _ => return None,
        };
        if a > 12 && b <= 12 {
            (y, b, a)
        } else if b > 12 && a <= 12 {
            (y, a, b)
        } else {
            match (order, sep) {
                (NumericOrder::MonthFirst, _) => (y, a, b),
                (NumericOrder::DayFirst, _) | (NumericOrder::Unknown, '.' | '-') => (y, b, a),
                (NumericOrder::Unknown, _) => return None,
            }
        }
    };
    let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
    valid(y, m, d, false).then_some((y, m, d))
}

/// Days since 1970-01-01 of a Gregorian date (proleptic).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 of 1 Muharram 1 AH in the tabular calendar (civil epoch, Friday
/// 16 July 622, Julian).
const HIJRI_EPOCH: i64 = -492_148;

/// A tabular Islamic date to the Gregorian calendar.
pub fn hijri_to_gregorian(y: i64, m: u32, d: u32) -> Option<(i64, u32, u32)> {
    if !valid(y, m, d, true) {
        return None;
    }
    let m = i64::from(m);
    let days =
        i64::from(d) + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 + HIJRI_EPOCH - 1;
    Some(civil_from_days(days))
}

/// The weekday (0 = Monday) a name stands for: English or Arabic, long or short.
pub fn weekday(name: &str) -> Option<u32> {
    let f = fold(name);
    let f = bare(&f);
    let f = f.strip_prefix("يوم ").unwrap_or(f);
    #[rustfmt::skip]
    const DAYS: &[(&str, u32)] = &[
        ("monday", 0), ("mon", 0), ("tuesday", 1), ("tue", 1), ("tues", 1), ("wednesday", 2),
        ("wed", 2), ("thursday", 3), ("thu", 3), ("thur", 3), ("thurs", 3), ("friday", 4),
        ("fri", 4), ("saturday", 5), ("sat", 5), ("sunday", 6), ("sun", 6), ("الاثنين", 0),
        ("الاتنين", 0), ("الثلاثاء", 1), ("الاربعاء", 2), ("الخميس", 3), ("الجمعه", 4),
        ("السبت", 5), ("الاحد", 6),
    ];
    DAYS.iter().find(|(n, _)| *n == f).map(|&(_, d)| d)
}

/// The latest date on or before `known` (ISO) that falls on weekday `name` ("Sunday",
/// "الأحد"): how a dateline's "Sunday" is read when the article's date is known.
pub fn resolve_weekday(name: &str, known: &str) -> Option<String> {
    let want = weekday(name)?;
    let (y, m, d) = numeric_date(known.get(..10)?, NumericOrder::Unknown)?;
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday (3).
    let today = (days + 3).rem_euclid(7) as u32;
    let back = (today + 7 - want) % 7;
    let (y, m, d) = civil_from_days(days - i64::from(back));
    Some(iso(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(s: &str) -> Option<String> {
        parse_date(s).map(|f| f.iso)
    }

    #[test]
    fn english_and_numeric() {
        assert_eq!(
            iso_of("2019-03-04T10:00:00Z").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            iso_of("Published: Monday, 4 March 2019").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            iso_of("March 4th, 2019 at 10:00").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(iso_of("Wed 05 Apr 2017").as_deref(), Some("2017-04-05"));
        assert_eq!(iso_of("Nov 012017 Talks").as_deref(), Some("2017-11-01"));
        assert_eq!(iso_of("29-08-2014").as_deref(), Some("2014-08-29"));
        assert_eq!(iso_of("04.03.2019").as_deref(), Some("2019-03-04"));
        assert_eq!(iso_of("12/25/2018").as_deref(), Some("2018-12-25"));
        assert_eq!(iso_of("04/03/2019"), None);
        assert_eq!(
            parse_date_with("4/5/17", NumericOrder::MonthFirst)
                .map(|f| f.iso)
                .as_deref(),
            Some("2017-04-05")
        );
        assert_eq!(iso_of("31 February 2019"), None);
        assert_eq!(iso_of("May the talks go on"), None);
        assert_eq!(iso_of("Sunday"), None);
    }

    #[test]
    fn arabic_months_digits_and_hijri() {
        assert_eq!(iso_of("الأحد ١٠ أغسطس ٢٠١٥").as_deref(), Some("2015-08-10"));
        assert_eq!(
            iso_of("10 كانون الثاني 2015").as_deref(),
            Some("2015-01-10")
        );
        assert_eq!(iso_of("3 تشرين الأول 2018م").as_deref(), Some("2018-10-03"));
        assert_eq!(iso_of("بتاريخ 7 آب 2016").as_deref(), Some("2016-08-07"));
        let f = parse_date("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس").unwrap();
        assert_eq!((f.iso.as_str(), f.hijri), ("2015-08-10", false));
        assert_eq!(f.text, "10 اغسطس 2015 م");
        let f = parse_date("جدة 3 محرم 1440 هـ").unwrap();
        assert!(f.hijri);
        assert_eq!(f.text, "3 محرم 1440 هـ");
        // Tabular calendar: 13 September 2018 was announced; within a day.
        assert_eq!(f.iso, "2018-09-14");
        assert_eq!(hijri_to_gregorian(1441, 9, 1), Some((2020, 4, 24)));
        assert_eq!(iso_of("1 ربيع الأول 1437هـ").as_deref(), Some("2015-12-13"));
    }

    #[test]
    fn calendar_arithmetic() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1900, 3, 1), (2099, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        // 2019-03-04 was a Monday.
        assert_eq!(
            resolve_weekday("Sunday", "2019-03-04").as_deref(),
            Some("2019-03-03")
        );
        assert_eq!(
            resolve_weekday("الاثنين", "2019-03-04").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            resolve_weekday("يوم الجمعة", "2019-03-04T09:00").as_deref(),
            Some("2019-03-01")
        );
        assert_eq!(resolve_weekday("Someday", "2019-03-04"), None);
    }
}
