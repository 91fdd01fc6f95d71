//! Normalization of one word, chosen by its script. Each script's rules live in their own
//! file; this module only dispatches and builds the exact (surface) form.

pub mod arabic;
pub mod latin;

use super::script::{self, Script};
use super::tokenize::is_mark;

/// The script of a word (its first letter's) and its normalized form.
pub fn normalize_word(word: &str) -> (Script, String) {
    let script = word
        .chars()
        .find_map(script::of_char)
        .unwrap_or(Script::Number);
    let text = match script {
        // A token has one script, but callers may pass anything: each character gets its
        // own script's rules so that normalizing twice changes nothing. Either pass leaves
        // the other script's letters alone.
        Script::Arabic | Script::Latin => {
            let arabic_done = if word.is_ascii() {
                word.to_string()
            } else {
                arabic::normalize(word)
            };
            let only_arabic = arabic_done
                .chars()
                .all(|c| c.is_ascii_digit() || ('\u{0600}'..='\u{06FF}').contains(&c));
            if script == Script::Arabic && only_arabic {
                arabic_done
            } else {
                latin::normalize(&arabic_done)
            }
        }
        Script::Number => word.chars().filter_map(ascii_digit).collect(),
        Script::Other => word
            .chars()
            .filter(|&c| !is_mark(c) && !is_invisible(c))
            .flat_map(char::to_lowercase)
            .collect(),
    };
    (script, text)
}

/// The script of a word and its lowercase form, nothing else folded (for measuring what
/// normalization is worth).
pub fn lowercase_word(word: &str) -> (Script, String) {
    let script = word
        .chars()
        .find_map(script::of_char)
        .unwrap_or(Script::Number);
    (script, word.chars().flat_map(char::to_lowercase).collect())
}

/// The surface form folded only for letter case, tatweel, invisible marks and the
/// apostrophe's spellings: what an exact-form search (`=word`) compares. Diacritics and
/// hamza spellings are kept. A typed `'` and a typeset `’` (or `ʼ`) are one character to a
/// reader, so `=Iran's` finds the `Iran’s` most news text prints.
pub fn exact(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word
        .chars()
        .filter(|&c| !is_invisible(c) && c != '\u{0640}')
    {
        match ascii_digit(c) {
            Some(d) => out.push(d),
            None if matches!(c, '\u{2019}' | '\u{02BC}') => out.push('\''),
            // Arabic has no case; skipping the lowercase tables keeps this fast.
            None if ('\u{0600}'..='\u{06FF}').contains(&c) => out.push(c),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Zero-width and directional marks that editors leave inside words.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{00AD}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// ASCII digit for an ASCII, Arabic-Indic or Extended Arabic-Indic digit.
pub fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        _ => None,
    }
}
