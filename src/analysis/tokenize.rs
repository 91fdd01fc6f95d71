//! Cutting text into words. A word is a run of letters, digits and combining marks; the
//! invisible characters that editors leave inside Arabic words (ZWNJ, ZWJ, LRM, RLM, ALM,
//! soft hyphen) do not break it, and an apostrophe between Latin letters (Iran’s) does not
//! either. Hyphens, punctuation (، ؛ ؟ too) and every kind of space separate words, and so
//! does a change of script (ماكرونMacron is two words).

use super::script::{self, Script};

enum Class {
    /// A letter or digit; `None` script for digits and marks, which join any word.
    Word(Option<Script>),
    /// Invisible inside a word, a separator at its edges.
    Joiner,
    Apostrophe,
    Separator,
}

fn classify(c: char) -> Class {
    // Fast paths for the two scripts that make up nearly all text here; the general
    // Unicode tables below are slow for non-ASCII characters.
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Word(Some(Script::Latin)),
            '0'..='9' => Class::Word(None),
            '\'' => Class::Apostrophe,
            _ => Class::Separator,
        };
    }
    if let Some(class) = arabic_block(c) {
        return class;
    }
    match c {
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{00AD}' | '\u{2060}' | '\u{FEFF}' => {
            Class::Joiner
        }
        '\'' | '\u{2019}' | '\u{02BC}' => Class::Apostrophe,
        '\u{0640}' => Class::Word(None), // tatweel stretches a word, never ends it
        _ if is_mark(c) => Class::Word(None),
        _ if c.is_alphanumeric() => Class::Word(script::of_char(c)),
        _ => Class::Separator,
    }
}

/// The class of a character of the Arabic block (U+0600–U+06FF), or `None` outside it.
fn arabic_block(c: char) -> Option<Class> {
    let code = c as u32;
    if !(0x0600..=0x06FF).contains(&code) {
        return None;
    }
    Some(match code {
        0x0640 => Class::Word(None), // tatweel
        0x061C => Class::Joiner,     // ALM
        0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Word(None),
        _ if is_mark(c) => Class::Word(None),
        0x0620..=0x063F
        | 0x0641..=0x064A
        | 0x066E..=0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF => Class::Word(Some(Script::Arabic)),
        // ، ؛ ؟ ٪ ٫ ٬ ۔ and the other signs of the block.
        _ => Class::Separator,
    })
}

/// Combining marks that belong to the letter before them (harakat, hamza above/below,
/// Latin combining accents).
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF | 0xFE70..=0xFE7F)
}

/// Calls `emit(start, end)` with the byte range of every word of `text`, in order.
pub fn words(text: &str, mut emit: impl FnMut(usize, usize)) {
    words_while(text, |start, end| {
        emit(start, end);
        true
    });
}

/// [`words`] until `emit` returns false: a caller that needs the first words of a long
/// text stops reading it there.
pub fn words_while(text: &str, mut emit: impl FnMut(usize, usize) -> bool) {
    // (start, end of last word char, script of the run so far)
    let mut run: Option<(usize, usize, Option<Script>)> = None;
    let mut pending_apostrophe = false;
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        match classify(c) {
            Class::Word(s) => {
                if let Some((start, end, rs)) = run {
                    let switch = matches!((rs, s), (Some(a), Some(b)) if a != b);
                    let broken_by_apostrophe = pending_apostrophe
                        && !(rs == Some(Script::Latin) && s == Some(Script::Latin));
                    if switch || broken_by_apostrophe {
                        if !emit(start, end) {
                            return;
                        }
                        run = Some((i, next, s));
                    } else {
                        run = Some((start, next, rs.or(s)));
                    }
                } else {
                    run = Some((i, next, s));
                }
                pending_apostrophe = false;
            }
            Class::Joiner => {}
            Class::Apostrophe if run.is_some() && !pending_apostrophe => pending_apostrophe = true,
            _ => {
                if let Some((start, end, _)) = run.take() {
                    if !emit(start, end) {
                        return;
                    }
                }
                pending_apostrophe = false;
            }
        }
    }
    if let Some((start, end, _)) = run {
        emit(start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        words(text, |s, e| v.push(&text[s..e]));
        v
    }

    #[test]
    fn cuts_words() {
        assert_eq!(
            split("Iran’s Rouhani, Russia's Putin"),
            ["Iran’s", "Rouhani", "Russia's", "Putin"]
        );
        assert_eq!(split("Jean-Yves Le Drian"), ["Jean", "Yves", "Le", "Drian"]);
        assert_eq!(split("قال، ماذا؟ نعم؛"), ["قال", "ماذا", "نعم"]);
        assert_eq!(split("ماكرونMacron"), ["ماكرون", "Macron"]);
        assert_eq!(split("a\u{00A0}b\u{2003}c"), ["a", "b", "c"]);
        assert_eq!(split("'quoted' word'"), ["quoted", "word"]);
    }

    #[test]
    fn keeps_arabic_words_whole() {
        assert_eq!(split("الغـــوطة"), ["الغـــوطة"]);
        assert_eq!(split("أَحْمَد"), ["أَحْمَد"]);
        assert_eq!(split("می\u{200C}خواهم"), ["می\u{200C}خواهم"]);
        assert_eq!(split("\u{200F}بيان\u{200F} x"), ["بيان", "x"]);
        assert_eq!(split("G20 ٢٠١٨م"), ["G20", "٢٠١٨م"]);
    }
}
