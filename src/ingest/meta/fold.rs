//! Folding for matching, and the known names (agencies, credit words) `clean` and
//! `dateline` look lines up in.

use std::sync::OnceLock;

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
        // Other Arabic letters have no case.
        '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => c,
        c if c.is_whitespace() => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    })
}

/// A line folded for comparison, white space collapsed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter_map(fold_char) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

/// A line folded for phrase lookup: also without the punctuation that decorates headings
/// ("Related Articles:", "» اقرأ أيضاً", "// انتهى //").
pub(crate) fn key(s: &str) -> String {
    const DECOR: &[char] = &[
        ':', '：', '.', '…', '!', '-', '|', '»', '«', '>', '<', '"', '*', '•', '/', '(', ')', '[',
        ']', '،', ' ',
    ];
    fold(s).trim_matches(DECOR).to_string()
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
