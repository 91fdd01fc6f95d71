//! Which writing system a character or word belongs to. Analysis picks its rules per
//! script run, so an Arabic article quoting English (or the reverse) is analysed right.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Arabic,
    Latin,
    /// Digits only (ASCII, Arabic-Indic or Extended Arabic-Indic).
    Number,
    Other,
}

/// The script of one character, or `None` for characters that take their word's script
/// (digits, combining marks, joiners).
pub fn of_char(c: char) -> Option<Script> {
    if super::tokenize::is_mark(c) {
        return None;
    }
    match c as u32 {
        0x00AD | 0x200B..=0x200F | 0x2060 | 0x061C | 0xFEFF => None,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            if is_digit(c) {
                None
            } else {
                Some(Script::Arabic)
            }
        }
        _ if c.is_ascii_digit() => None,
        _ if c.is_ascii_alphabetic() => Some(Script::Latin),
        0x00C0..=0x024F | 0x1E00..=0x1EFF => Some(Script::Latin),
        _ => Some(Script::Other),
    }
}

/// ASCII, Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}
