//! Arabic normalization, applied to Arabic-script words before stemming. In order:
//! - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) fold to their letters (ﻻ → لا);
//! - a hamza or madda written as a combining mark joins its letter as NFC would
//!   (و + U+0654 → ؤ, ي + U+0654 → ئ, ا + U+0654 → أ, which the next rule folds);
//! - أ إ آ ٱ → ا; ى → ي; ة → ه; Persian/Urdu ک → ك, ی → ي, ہ ھ ۀ → ه;
//! - harakat U+064B–U+0652, U+0670 and other Quranic marks are removed, and so is tatweel;
//! - ٠–٩ and ۰–۹ → 0–9;
//! - ZWNJ, ZWJ, RLM, LRM and ALM are dropped.
//!
//! The result is idempotent: normalizing twice changes nothing.

use super::{ascii_digit, is_invisible};
use crate::analysis::tokenize::is_mark;

/// Letters of Arabic Presentation Forms-B from U+FE80, each with its number of forms.
const FORMS_B: &[(char, u8)] = &[
    ('ء', 1),
    ('آ', 2),
    ('أ', 2),
    ('ؤ', 2),
    ('إ', 2),
    ('ئ', 4),
    ('ا', 2),
    ('ب', 4),
    ('ة', 2),
    ('ت', 4),
    ('ث', 4),
    ('ج', 4),
    ('ح', 4),
    ('خ', 4),
    ('د', 2),
    ('ذ', 2),
    ('ر', 2),
    ('ز', 2),
    ('س', 4),
    ('ش', 4),
    ('ص', 4),
    ('ض', 4),
    ('ط', 4),
    ('ظ', 4),
    ('ع', 4),
    ('غ', 4),
    ('ف', 4),
    ('ق', 4),
    ('ك', 4),
    ('ل', 4),
    ('م', 4),
    ('ن', 4),
    ('ه', 4),
    ('و', 2),
    ('ى', 2),
    ('ي', 4),
];

/// The letters a presentation-form character stands for, if it is one we fold.
fn presentation(c: char) -> Option<&'static str> {
    let code = c as u32;
    match code {
        0xFEF5..=0xFEFC => return Some("لا"),
        0xFDF2 => return Some("الله"),
        0xFB8E..=0xFB91 => return Some("ك"),
        0xFBFC..=0xFBFF => return Some("ي"),
        0xFB56..=0xFB59 => return Some("پ"),
        0xFB7A..=0xFB7D => return Some("چ"),
        0xFB92..=0xFB95 => return Some("گ"),
        0xFE80..=0xFEF4 => {}
        _ => return None,
    }
    let mut at = 0xFE80;
    for (letter, forms) in FORMS_B {
        let next = at + u32::from(*forms);
        if code < next {
            return Some(letter_str(*letter));
        }
        at = next;
    }
    None
}

/// A `&'static str` for the few letters presentation forms map to.
fn letter_str(c: char) -> &'static str {
    const LETTERS: &str = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";
    LETTERS
        .char_indices()
        .find(|&(_, l)| l == c)
        .map(|(i, l)| &LETTERS[i..i + l.len_utf8()])
        .unwrap_or("")
}

/// Normalizes one Arabic-script word (see the module docs for the rules).
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match presentation(c) {
            Some(letters) => letters.chars().for_each(|l| push(&mut out, l)),
            None => push(&mut out, c),
        }
    }
    out
}

fn push(out: &mut String, c: char) {
    match c {
        // Combining hamza/madda: compose with the letter before, as NFC does.
        '\u{0653}'..='\u{0655}' => {
            let composed = match (out.chars().last(), c) {
                (Some('و'), '\u{0654}') => Some('ؤ'),
                (Some('ي'), '\u{0654}') => Some('ئ'),
                _ => None,
            };
            if let Some(letter) = composed {
                out.pop();
                out.push(letter);
            }
        }
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => out.push('ا'),
        'ى' | 'ی' | 'ې' => out.push('ي'),
        'ة' | 'ۀ' | 'ہ' | 'ھ' => out.push('ه'),
        'ک' | 'ڪ' => out.push('ك'),
        '\u{0640}' => {}
        _ if is_mark(c) || is_invisible(c) => {}
        _ => out.push(ascii_digit(c).unwrap_or(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn folds_spelling_variants() {
        let cases = [
            ("أحمد", "احمد"),
            ("إيران", "ايران"),
            ("آخر", "اخر"),
            ("ٱلله", "الله"),
            ("مصطفى", "مصطفي"),
            ("فاطمة", "فاطمه"),
            ("أَحْمَدُ", "احمد"),
            ("الغـــوطة", "الغوطه"),
            ("٢٠١٨", "2018"),
            ("۲۰۱۸", "2018"),
            ("کتاب", "كتاب"),
            ("ﻣﺤﻤﺪ", "محمد"),
            ("ﻻ", "لا"),
            ("بيان\u{200F}", "بيان"),
            ("مسو\u{0654}ول", "مسؤول"),
            ("ا\u{0654}حمد", "احمد"),
            ("هاتفيًا", "هاتفيا"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
            assert_eq!(normalize(want), want, "idempotent on {want}");
        }
    }
}
