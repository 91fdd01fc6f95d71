//! Month and weekday names in English and Arabic, as one shared key each (`m3` for March,
//! آذار and مارس; `d0` for Sunday and الأحد), for same-story pairing: two reports of one
//! event name its day. Arabic has two month series (the Egyptian-Gulf مارس and the Levantine
//! آذار); the Levantine names of January, October, November and December take two words
//! (كانون الثاني), read by [`arabic_two_words`]. Written for this project from the calendars
//! themselves (no word list is copied).

use crate::analysis::normalize::arabic;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const ENGLISH: &[(&str, &str)] = &[
    ("january", "m1"),
    ("february", "m2"),
    ("march", "m3"),
    ("april", "m4"),
    ("may", "m5"),
    ("june", "m6"),
    ("july", "m7"),
    ("august", "m8"),
    ("september", "m9"),
    ("october", "m10"),
    ("november", "m11"),
    ("december", "m12"),
    ("sunday", "d0"),
    ("monday", "d1"),
    ("tuesday", "d2"),
    ("wednesday", "d3"),
    ("thursday", "d4"),
    ("friday", "d5"),
    ("saturday", "d6"),
];

/// Arabic one-word names, in ordinary spelling (normalized when compared).
const ARABIC: &[(&str, &str)] = &[
    ("يناير", "m1"),
    ("فبراير", "m2"),
    ("شباط", "m2"),
    ("مارس", "m3"),
    ("آذار", "m3"),
    ("أبريل", "m4"),
    ("إبريل", "m4"),
    ("نيسان", "m4"),
    ("مايو", "m5"),
    ("أيار", "m5"),
    ("يونيو", "m6"),
    ("يونيه", "m6"),
    ("حزيران", "m6"),
    ("يوليو", "m7"),
    ("يوليه", "m7"),
    ("تموز", "m7"),
    ("أغسطس", "m8"),
    ("أيلول", "m9"),
    ("سبتمبر", "m9"),
    ("أكتوبر", "m10"),
    ("نوفمبر", "m11"),
    ("ديسمبر", "m12"),
    ("الأحد", "d0"),
    ("الإثنين", "d1"),
    ("الاثنين", "d1"),
    ("الثلاثاء", "d2"),
    ("الأربعاء", "d3"),
    ("الخميس", "d4"),
    ("الجمعة", "d5"),
    ("السبت", "d6"),
];

/// The key of an English month or weekday (any case). The names are ASCII, so the
/// comparison needs no lowercase copy (this runs on every English word signed).
pub fn english(word: &str) -> Option<&'static str> {
    ENGLISH
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, key)| key)
}

/// The key of a normalized Arabic month or weekday name (a hash lookup: this runs on
/// every Arabic word signed).
pub fn arabic(normalized: &str) -> Option<&'static str> {
    static NORMALIZED: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    NORMALIZED
        .get_or_init(|| {
            ARABIC
                .iter()
                .map(|&(name, key)| (arabic::normalize(name), key))
                .collect()
        })
        .get(normalized)
        .copied()
}

/// The first word of a Levantine two-word month (normalized), as [`arabic_two_words`]
/// takes it.
pub fn month_head(normalized: &str) -> Option<&'static str> {
    ["كانون", "تشرين"].into_iter().find(|&h| h == normalized)
}

/// The key of a Levantine two-word month (كانون الثاني, تشرين الأول, …), both words
/// normalized.
pub fn arabic_two_words(first: &str, second: &str) -> Option<&'static str> {
    match (first, second) {
        ("كانون", "الثاني") => Some("m1"),
        ("تشرين", "الاول") => Some("m10"),
        ("تشرين", "الثاني") => Some("m11"),
        ("كانون", "الاول") => Some("m12"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_give_one_key() {
        assert_eq!(english("Sunday"), Some("d0"));
        assert_eq!(arabic(&arabic::normalize("الأحد")), Some("d0"));
        assert_eq!(english("MARCH"), arabic(&arabic::normalize("آذار")));
        assert_eq!(english("march"), arabic("مارس"));
        assert_eq!(arabic_two_words("كانون", "الثاني"), english("January"));
        assert_eq!(english("Macron"), None);
        assert_eq!(arabic("ماكرون"), None);
    }
}
