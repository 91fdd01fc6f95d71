//! Folding for matching, and the known names (agencies, credit words) `clean` and
//! `dateline` look lines up in. Cleaning folds every line of every article, so the common
//! characters (ASCII, the Arabic block) take no Unicode table lookups.

use std::str::CharIndices;
use std::sync::OnceLock;

/// One character folded for matching: lower case, Arabic letter variants merged (أ إ آ ٱ →
/// ا, ى → ي, ة → ه, ؤ → و, ئ → ي), typographic quotes and dashes made plain, Arabic-Indic
/// digits made ASCII. `None` for what matching ignores: harakat, tatweel, bidi and
/// zero-width marks.
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    }
    Some(match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{FEFF}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' | '„' => '"',
        '–' | '—' | '‒' | '―' => '-',
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
        // The rest of the Arabic block has no case and no white space (tested).
        '\u{0600}'..='\u{06FF}' => c,
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    })
}

/// The characters of `s` as matching compares them, each with its byte range in `s`:
/// folded by [`fold_char`], those `skip` names left out, a run of white space as one space
/// and none at the start. A space at the end stays ([`fold`] trims it).
pub(crate) struct FoldedChars<'a, S> {
    chars: CharIndices<'a>,
    skip: S,
    /// The last character given was a space, or none was given yet.
    after_space: bool,
}

impl<'a, S: Fn(char) -> bool> FoldedChars<'a, S> {
    pub(crate) fn new(s: &'a str, skip: S) -> Self {
        FoldedChars {
            chars: s.char_indices(),
            skip,
            after_space: true,
        }
    }
}

impl<S: Fn(char) -> bool> Iterator for FoldedChars<'_, S> {
    type Item = (usize, usize, char);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (i, c) = self.chars.next()?;
            let Some(f) = fold_char(c) else { continue };
            if (self.skip)(f) || (f == ' ' && self.after_space) {
                continue;
            }
            self.after_space = f == ' ';
            return Some((i, i + c.len_utf8(), f));
        }
    }
}

/// The characters of [`fold`]`(s)` as they are produced: folded, a run of white space as
/// one space, none at the start. `fold` is these with the white space at the end trimmed,
/// so whatever `fold(s)` starts with, these start with too.
pub(crate) fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    FoldedChars::new(s, |_| false).map(|(_, _, f)| f)
}

/// A line folded for comparison, white space collapsed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(folded(s));
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

/// A line folded for phrase lookup: also without the punctuation that decorates headings
/// ("Related Articles:", "» اقرأ أيضاً", "// انتهى //").
pub(crate) fn key(s: &str) -> String {
    const DECOR: &[char] = &[
        ':', '：', '.', '…', '!', '-', '|', '»', '«', '>', '<', '"', '*', '•', '/', '(', ')', '[',
        ']', '،', ' ',
    ];
    let f = fold(s);
    let k = f.trim_matches(DECOR);
    if k.len() == f.len() {
        f
    } else {
        k.to_string()
    }
}

pub(crate) fn folded_list(
    cell: &'static OnceLock<Vec<String>>,
    words: &[&str],
) -> &'static [String] {
    cell.get_or_init(|| words.iter().map(|w| key(w)).collect())
}

pub(crate) static CREDIT_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
pub(crate) const CREDITS: &[&str] = &[
    "متابعات", "متابعة", "خاص", "وكالات", "الوكالات", "المحرر", "محرر", "رصد", "ترجمة", "مراسلون",
    "staff", "agencies", "wires", "news desk", "web desk", "online desk", "staff writer",
    "staff reporter", "exclusive", "editorial", "newsroom", "agency",
];

/// Agencies named as credit before a date or in a dateline line. General knowledge of
/// wire services, not of any file.
static AGENCY_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "reuters", "afp", "ap", "dpa", "xinhua", "anadolu", "aa", "irna", "sana", "tass", "ria",
    "sputnik", "upi", "efe", "ansa", "kyodo", "kuna", "wam", "spa", "qna", "mena", "nna", "tasnim",
    "fars", "mehr", "isna", "bernama", "rtrs", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس",
    "د ب أ", "د.ب.أ", "سانا", "واس", "قنا", "وام", "كونا", "بنا", "الأناضول", "سبوتنيك", "تاس",
    "إرنا", "فارس", "تسنيم", "شينخوا", "يو بي آي", "الألمانية", "الفرنسية", "أسوشيتد برس",
    "العمانية", "وكالات",
];

pub(crate) fn is_agency(k: &str) -> bool {
    folded_list(&AGENCY_CELL, AGENCIES).iter().any(|a| a == k)
}

/// A credit word standing for "from our desk" or "from agencies" ("متابعات", "Staff").
pub(crate) fn is_credit(k: &str) -> bool {
    folded_list(&CREDIT_CELL, CREDITS).iter().any(|c| c == k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `fold_char` as it was before the Arabic block got one arm.
    fn fold_char_before(c: char) -> Option<char> {
        if c.is_ascii() {
            return Some(if c.is_ascii_whitespace() {
                ' '
            } else {
                c.to_ascii_lowercase()
            });
        }
        Some(match c {
            '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{200B}'..='\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{FEFF}' => return None,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '«' | '»' | '„' => '"',
            '–' | '—' | '‒' | '―' => '-',
            '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
            '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
            '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => c,
            c if c.is_whitespace() => ' ',
            c => c.to_lowercase().next().unwrap_or(c),
        })
    }

    #[test]
    fn every_character_folds_as_before() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_char_before(c), "{c:?}");
        }
    }

    fn text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            'a', 'Z', ' ', ' ', '\t', '\u{0B}', '\u{A0}', ':', '.', '-', '|', '»', '"', '،', 'ا',
            'أ', 'ة', '\u{064B}', '\u{0640}', '\u{200F}', 'İ',
        ]);
        prop::collection::vec(prop_oneof![4 => special, 1 => any::<char>()], 0..40)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn fold_and_key_as_before(s in text()) {
            let mut before = String::new();
            for c in s.chars().filter_map(fold_char) {
                if c == ' ' && (before.is_empty() || before.ends_with(' ')) {
                    continue;
                }
                before.push(c);
            }
            let before = before.trim_end().to_string();
            const DECOR: &[char] = &[
                ':', '：', '.', '…', '!', '-', '|', '»', '«', '>', '<', '"', '*', '•', '/', '(',
                ')', '[', ']', '،', ' ',
            ];
            prop_assert_eq!(key(&s), before.trim_matches(DECOR));
            prop_assert_eq!(fold(&s), before);
        }
    }
}
