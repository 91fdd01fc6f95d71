//! Date and time stamps as news pages print them: "Wed 05 Apr 2017 at 0914", "March 3",
//! "29-08-2014", "2019-08-18 14:55:10", with the words sites put before them.

use super::date::{self, NumericOrder};
use super::dateline::words_with_pos;
use super::fold::fold;

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    MONTHS.contains(&w.as_str())
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    WEEKDAYS.contains(&w.as_str())
}

fn digits(w: &str) -> Option<u32> {
    let w = w.trim_end_matches([',', '.']);
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())?
}

fn is_day(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    digits(w).is_some_and(|d| (1..=31).contains(&d)) && w.len() <= 2
}

fn is_year(w: &str) -> bool {
    w.trim_end_matches([',', '.']).len() == 4
        && digits(w).is_some_and(|y| (1900..=2099).contains(&y))
}

/// "29-08-2014", "26.12.2014", "2019-08-18", "12/03/2018": a numeric date with a year.
fn is_numeric_date(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let parts: Vec<&str> = w.split(['-', '.', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() == 4 || parts[2].len() == 2)
        && parts.iter().all(|p| p.len() <= 4)
}

/// "14:55", "14:55:10", "0914" after "at".
fn is_time(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Length in bytes of an English or numeric date that opens `s` ("Wed 05 Apr 2017 at 0914",
/// "Tuesday 26 April 2016 21:41", "March 3", "29-08-2014", "Nov 012017"), not counting the
/// white space after it. A month name with a day, or a numeric date, is required.
pub(crate) fn date_prefix_len(s: &str) -> Option<usize> {
    let words = words_with_pos(s);
    let w = |i: usize| words.get(i).and_then(|&(a, b)| s.get(a..b));
    let mut i = 0;
    if w(i).is_some_and(is_weekday) {
        i += 1;
    }
    let start_date = i;
    let mut end_word = None;
    if w(i).is_some_and(is_numeric_date) {
        end_word = Some(i);
    } else if w(i).is_some_and(is_day) && w(i + 1).is_some_and(is_month) {
        // 5 April 2017
        end_word = Some(i + 1);
        if w(i + 2).is_some_and(is_year) {
            end_word = Some(i + 2);
        }
    } else if w(i).is_some_and(is_month) {
        // April 5 2017 / April 5, 2017 / Nov 012017 (day glued to year)
        if w(i + 1).is_some_and(is_day) {
            end_word = Some(i + 1);
            if w(i + 2).is_some_and(is_year) {
                end_word = Some(i + 2);
            }
        } else if w(i + 1).is_some_and(|x| x.len() == 6 && x.bytes().all(|b| b.is_ascii_digit())) {
            end_word = Some(i + 1);
        }
    }
    let mut last = end_word?;
    if last < start_date {
        return None;
    }
    // Optional time: "at 0914", "21:41", "14:55:10".
    if w(last + 1).is_some_and(|x| x.eq_ignore_ascii_case("at"))
        && w(last + 2).is_some_and(|x| is_time(x) || (x.len() == 4 && digits(x).is_some()))
    {
        last += 2;
    } else if w(last + 1).is_some_and(is_time) {
        last += 1;
    }
    let &(_, end) = words.get(last)?;
    let text = s.get(..end)?;
    Some(text.trim_end_matches(',').len())
}

/// True when the whole line is a date or a time stamp ("2018-03-08 18:40:13",
/// "Monday, 12 July 2015", "Published June 4 2016").
pub(crate) fn is_date_line(line: &str) -> bool {
    let t = line.trim();
    let t = strip_publication_words(t);
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let spaced = t.replace(',', " ");
    if let Some(n) = date_prefix_len(&spaced) {
        return spaced.get(n..).is_some_and(|r| r.trim().is_empty());
    }
    // Arabic month names and digits, other orders: the date with at most a weekday and a
    // time around it ("الأحد 12 مارس 2023 - 10:30 ص").
    if !t
        .chars()
        .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    {
        return false;
    }
    let Some(found) = date::parse_date_with(t, NumericOrder::DayFirst) else {
        return false;
    };
    let rest = t.replacen(&found.text, " ", 1);
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '-' | '|' | '(' | ')' | '–'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let f = fold(w);
            date::weekday(w).is_some()
                || is_time(&f)
                || matches!(
                    f.as_str(),
                    "at" | "am"
                        | "pm"
                        | "gmt"
                        | "utc"
                        | "الساعه"
                        | "ص"
                        | "م"
                        | "صباحا"
                        | "مساء"
                        | "مساءا"
                        | "يوم"
                        | "في"
                        | "بتوقيت"
                        | "مكه"
                        | "المكرمه"
                )
        })
}

/// Words news sites put before a date ("Published", "Date of publication", "Last updated
/// at", "Posted on"): returns the rest, or `s` unchanged.
pub(crate) fn strip_publication_words(s: &str) -> &str {
    #[rustfmt::skip]
    const LEADS: &[&str] = &[
        "date of publication", "last updated at", "last updated on", "last updated", "updated at",
        "updated on", "updated", "published at", "published on", "published", "posted at", "posted on",
        "posted", "date:", "نشر بتاريخ", "تاريخ النشر", "نشر في", "آخر تحديث", "اخر تحديث",
        "تم التحديث", "تحديث", "بتاريخ", "التاريخ", "نشر",
    ];
    for lead in LEADS {
        if let Some(head) = s.get(..lead.len()) {
            if head.eq_ignore_ascii_case(lead) {
                let rest = s.get(lead.len()..).unwrap_or("");
                let rest = rest.trim_start_matches(':');
                if rest.starts_with(char::is_whitespace) {
                    return rest.trim_start();
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_stamps() {
        assert_eq!(
            date_prefix_len("Thu 06 Jun 2019 at 1015 Rain fell"),
            Some(23)
        );
        assert_eq!(date_prefix_len("Sunday 3 March 2019 14:02 Rain"), Some(25));
        assert_eq!(date_prefix_len("May 3, 2019 Rain"), Some(11));
        assert_eq!(date_prefix_len("03-05-2019 Rain"), Some(10));
        assert_eq!(date_prefix_len("Jun 042019 Rain"), Some(10));
        assert_eq!(date_prefix_len("May the talks go on"), None);
        assert_eq!(date_prefix_len("12 soldiers died"), None);
        assert!(is_date_line("2020-01-02 10:11:12"));
        assert!(is_date_line("Published: March 9, 2019"));
        assert!(is_date_line("Friday, 9 March 2019"));
        assert!(!is_date_line("9 March 2019 was a cold day"));
        assert!(!is_date_line("Talks"));
        assert!(is_date_line("نشر بتاريخ: 12/03/2023"));
        assert!(is_date_line("الأحد ١٢ مارس ٢٠٢٣ - ١٠:٣٠ ص"));
        assert!(!is_date_line("افتتح الوزير المعرض في 12 مارس 2023"));
    }
}
