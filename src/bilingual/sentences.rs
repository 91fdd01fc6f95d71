//! Sentences of a paragraph, for the aligned reader: byte ranges, cut after `.`, `!`, `?`,
//! `؟` or `…` (and any closing quotes or brackets after it) where white space follows and the
//! next word does not start in lowercase. A full stop after one capital letter ("U.S.",
//! "J. Smith"), after a common English abbreviation ("Mr.", "Gen.") or between digits
//! ("2.5") ends no sentence. Also the JavaScript side's unit converter: the page counts
//! UTF-16 code units where Rust counts bytes.

/// Abbreviations after which a full stop ends no sentence (lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rev", "prof", "sen",
    "rep", "gov", "pres", "jr", "sr", "no", "vs", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "etc", "cf",
];

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '«')
}

/// The sentences of `text` as byte ranges `(start, end)`, white space trimmed, in order.
/// Every non-blank part of the text lies in one sentence.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            push(text, start, at, &mut out);
            start = at + 1;
        } else if ends_sentence(c) && !keeps_going(text, &chars, i) {
            let mut j = i + 1;
            while j < chars.len() && (ends_sentence(chars[j].1) || closes(chars[j].1)) {
                j += 1;
            }
            let followed_by_space = j >= chars.len() || chars[j].1.is_whitespace();
            let next_word = chars[j..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            if followed_by_space && !next_word.is_some_and(char::is_lowercase) {
                let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
                push(text, start, end, &mut out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Whether the stop at `chars[i]` belongs to an abbreviation, an initial or a number.
fn keeps_going(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    if chars[i].1 != '.' {
        return false;
    }
    let before = chars[..i]
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .count();
    let word_start = chars[i - before..i].first().map_or(chars[i].0, |&(b, _)| b);
    let word = &text[word_start..chars[i].0];
    let digit_after = chars.get(i + 1).is_some_and(|&(_, c)| c.is_ascii_digit());
    if digit_after && word.chars().last().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let mut letters = word.chars();
    let one_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    one_capital || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let part = &text[start..end];
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    if lead + trail < part.len() {
        out.push((start + lead, end - trail));
    }
}

/// Converts byte offsets into `text` to UTF-16 code units (what JavaScript's string indices
/// count). Offsets must be asked in ascending order; each call walks on from the last.
pub struct Utf16<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16 {
            text,
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text; a byte inside a
    /// character counts from the character's start).
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let byte = byte.min(self.text.len());
        for c in self.text[self.byte..].chars() {
            if self.byte + c.len_utf8() > byte {
                break;
            }
            self.byte += c.len_utf8();
            self.unit += c.len_utf16();
        }
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn cuts_after_stops_not_inside_abbreviations_or_numbers() {
        assert_eq!(
            parts("Mr. Macron called U.S. officials. Growth was 2.5 percent! Why? \"Yes.\" Then"),
            vec![
                "Mr. Macron called U.S. officials.",
                "Growth was 2.5 percent!",
                "Why?",
                "\"Yes.\"",
                "Then"
            ]
        );
        assert_eq!(
            parts("He said e.g. this. and that"),
            vec!["He said e.g. this. and that"]
        );
    }

    #[test]
    fn arabic_question_mark_and_lines() {
        assert_eq!(
            parts("قال ماكرون. هل توافق؟ نعم\nسطر آخر"),
            vec!["قال ماكرون.", "هل توافق؟", "نعم", "سطر آخر"]
        );
        assert!(split("   ").is_empty());
    }

    #[test]
    fn utf16_counts_astral_characters_twice() {
        let text = "a😀ب c";
        let mut u = Utf16::new(text);
        assert_eq!(u.at(0), 0);
        assert_eq!(u.at(1), 1);
        assert_eq!(u.at(5), 3); // after the emoji (4 bytes, 2 units)
        assert_eq!(u.at(7), 4); // after ب (2 bytes, 1 unit)
        assert_eq!(u.at(text.len()), 6);
        assert_eq!(u.at(2), 1, "asked again from the start");
    }
}
