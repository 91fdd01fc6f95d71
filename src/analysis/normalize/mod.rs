//! Normalization of one word, chosen by its script. Each script's rules live in their own
//! file; this module only dispatches and builds the exact (surface) form.

pub mod arabic;
pub mod latin;

use super::script::{self, Script};
use super::tokenize::is_mark;

/// The script of a word (its first letter's) and its normalized form.
pub fn normalize_word(word: &str) -> (Script, String) {
    let script = word.chars().find_map(script::of_char).unwrap_or(Script::Number);
    let text = match script {
        // A token has one script, but callers may pass anything: each character gets its
        // own script's rules so that normalizing twice changes nothing. Either pass leaves
        // the other script's letters alone.
        Script::Arabic | Script::Latin => {
            let arabic_done = if word.is_ascii() { word.to_string() } else { arabic::normalize(word) };
            if script == Script::Arabic && !arabic_done.chars().any(|c| c.is_alphabetic() && script::of_char(c) != Some(Script::Arabic)) {
                arabic_done
            } else {
                latin::normalize(&arabic_done)
            }
        }
        Script::Number => word.chars().filter_map(ascii_digit).collect(),
        Script::Other => word.chars().filter(|&c| !is_mark(c) && !is_invisible(c)).flat_map(char::to_lowercase).collect(),
    };
    (script, text)
}

/// The script of a word and its lowercase form, nothing else folded (for measuring what
/// normalization is worth).
pub fn lowercase_word(word: &str) -> (Script, String) {
    let script = word.chars().find_map(script::of_char).unwrap_or(Script::Number);
    (script, word.chars().flat_map(char::to_lowercase).collect())
}

/// The surface form folded only for letter case, tatweel and invisible marks: what an
/// exact-form search (`=word`) compares. Diacritics and hamza spellings are kept.
pub fn exact(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_invisible(c) && c != '\u{0640}')
        .map(|c| ascii_digit(c).unwrap_or(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Zero-width and directional marks that editors leave inside words.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{00AD}' | '\u{2060}' | '\u{FEFF}')
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
