//! Guessing an undeclared legacy encoding. Each candidate decoding is scored by how much
//! it reads like text: words of one script score, words that mix Arabic letters with Latin
//! ones (what the wrong Arabic table produces), Latin words made mostly of accented
//! letters (what Arabic bytes look like through a Western table), undefined bytes and C1
//! control characters cost. Words opening with the Arabic article "ال" earn extra: they
//! are a large share of any Arabic text, and a wrong table turns them into something else.

use super::single_byte::SingleByte;
use crate::analysis::Script;
use crate::ingest::meta::script_of;

/// The candidates, in the order a tie is settled.
const CANDIDATES: [SingleByte; 3] = [
    SingleByte::Windows1252,
    SingleByte::Windows1256,
    SingleByte::Iso8859_6,
];

/// What the guess settled on.
pub struct Guess {
    pub encoding: SingleByte,
    pub text: String,
    pub undefined: usize,
    /// False when another candidate scored nearly as well and reads differently.
    pub sure: bool,
}

pub fn guess(bytes: &[u8]) -> Guess {
    let mut scored: Vec<(i64, SingleByte, String, usize)> = CANDIDATES
        .iter()
        .map(|&enc| {
            let (text, undefined) = enc.decode(bytes);
            (score(&text, undefined), enc, text, undefined)
        })
        .collect();
    // The best score wins; on a tie, the earlier candidate. (A pick, not a sort: one sort
    // instantiation less in the start-up wasm.)
    let Some(at) = (0..scored.len()).reduce(|a, b| if scored[b].0 > scored[a].0 { b } else { a })
    else {
        return Guess {
            encoding: SingleByte::Windows1252,
            text: String::new(),
            undefined: 0,
            sure: false,
        };
    };
    // Ambiguous only if a close runner-up would have produced other text.
    let (best, text) = (scored[at].0, &scored[at].2);
    let margin = (best / 10).max(4);
    let sure = best > 0
        && scored
            .iter()
            .enumerate()
            .all(|(i, (s, _, other, _))| i == at || s + margin <= best || other == text);
    let (_, encoding, text, undefined) = scored.swap_remove(at);
    Guess {
        encoding,
        text,
        undefined,
        sure,
    }
}

fn is_letterish(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}' | '\u{0670}')
}

/// Plausibility of a decoded text (higher reads better). Only words with a non-ASCII
/// character count: ASCII reads the same in every candidate.
fn score(text: &str, undefined: usize) -> i64 {
    let mut total: i64 = -8 * undefined as i64;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    let mut word = Word::default();
    while let Some(c) = chars.next() {
        if is_letterish(c) {
            word.add(c);
        } else {
            total += word.finish();
            word = Word::default();
            if ('\u{80}'..='\u{9f}').contains(&c) {
                total -= 8;
            } else if !c.is_ascii() && !c.is_whitespace() {
                // A symbol glued between two letters ("ط×ب") is a wrong table's letter.
                let next = chars.peek().copied();
                if prev.is_some_and(is_letterish) && next.is_some_and(is_letterish) {
                    total -= 3;
                }
            }
        }
        prev = Some(c);
    }
    total + word.finish()
}

#[derive(Default)]
struct Word {
    len: i64,
    arabic: i64,
    ascii: i64,
    accented: i64,
    other: i64,
    /// The first two letters, to see "ال".
    head: [char; 2],
    starts_with_mark: bool,
}

impl Word {
    fn add(&mut self, c: char) {
        if self.len < 2 {
            self.head[self.len as usize] = c;
        }
        if self.len == 0 {
            self.starts_with_mark = matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}');
        }
        self.len += 1;
        match c {
            'a'..='z' | 'A'..='Z' => self.ascii += 1,
            '\u{064B}'..='\u{0652}' | '\u{0640}' | '\u{0670}' => self.arabic += 1,
            _ => match script_of(c) {
                Some(Script::Arabic) => self.arabic += 1,
                Some(Script::Latin) => self.accented += 1,
                _ => self.other += 1,
            },
        }
    }

    fn finish(&self) -> i64 {
        let n = self.len;
        if n == 0 || n == self.ascii {
            return 0;
        }
        let latin = self.ascii + self.accented;
        if self.arabic > 0 && latin > 0 {
            return -3 * n;
        }
        if self.arabic == n {
            let article = if self.head == ['ا', 'ل'] { 4 } else { 0 };
            let mark = if self.starts_with_mark { -3 } else { 0 };
            return n + article + mark;
        }
        if latin == n {
            // "café", "Ümit": a few accented letters among plain ones. "ÇáÓáÇã" is Arabic
            // bytes read through a Western table.
            return if self.accented * 2 > n && n >= 3 {
                -2 * n
            } else {
                2 * self.accented
            };
        }
        -n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_three_apart() {
        let arabic = "قال وزير الخارجية في مؤتمر صحفي إن المفاوضات مستمرة مع الجانب الآخر";
        let w1256: Vec<u8> = arabic
            .chars()
            .map(|c| {
                (0u8..=255)
                    .find(|&b| SingleByte::Windows1256.char_of(b) == Some(c))
                    .unwrap()
            })
            .collect();
        let g = guess(&w1256);
        assert_eq!((g.encoding, g.sure), (SingleByte::Windows1256, true));
        assert_eq!(g.text, arabic);
        let iso: Vec<u8> = arabic
            .chars()
            .map(|c| {
                (0u8..=255)
                    .find(|&b| SingleByte::Iso8859_6.char_of(b) == Some(c))
                    .unwrap()
            })
            .collect();
        let g = guess(&iso);
        assert_eq!((g.encoding, g.sure), (SingleByte::Iso8859_6, true));
        let g = guess(b"The caf\xe9 on the Champs-\xc9lys\xe9es, said Se\xf1or Mu\xf1oz.");
        assert_eq!((g.encoding, g.sure), (SingleByte::Windows1252, true));
        assert!(g.text.contains("Señor Muñoz"));
        // Only letters both Western and Arabic tables share: the same text either way.
        let g = guess(b"caf\xe9");
        assert_eq!((g.encoding, g.sure), (SingleByte::Windows1252, true));
    }

    #[test]
    fn a_lone_odd_byte_is_not_sure() {
        let g = guess(b"x \xc7 y");
        assert!(!g.sure);
    }
}
