//! The sound rules of transliteration matching ([`super::translit`]): which Latin letter
//! groups may stand for which Arabic letter groups, and at what cost (0 = the usual
//! spelling, 1 = no likeness at all). Arabic letters are as the analyzer normalizes them
//! (ا for every alef form, ه for ة, ي for ى).
//!
//! Where the costs come from: English, French, German, Spanish, Italian, Slavic and Turkish
//! spellings of names as Arabic newsrooms write them (g is غ or ج, and ق in Egypt; ch is ش in
//! French names, تش in English and Spanish ones, ك or خ in German and Italian ones; j is
//! ج, or ي in German and Dutch names, or خ in Spanish ones; v is ف or ڤ; Arabic writes long
//! vowels and most final and initial vowels but not short ones). Tuned on the tune half of
//! `corpus/names/translit_dev.tsv` as rules, never as a list of names.

/// Where in the Latin name a rule may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    Any,
    Start,
    End,
}

/// A Latin letter group that may be written as an Arabic letter group, at a cost.
#[derive(Debug)]
pub struct Rule {
    pub latin: &'static [u8],
    pub arabic: &'static str,
    pub cost: f32,
    pub place: Where,
}

macro_rules! rules {
    ($($latin:literal $arabic:literal $cost:literal $(@ $place:ident)?),* $(,)?) => {
        &[$(Rule {
            latin: $latin.as_bytes(),
            arabic: $arabic,
            cost: $cost,
            place: rules!(@place $($place)?),
        }),*]
    };
    (@place) => { Where::Any };
    (@place $place:ident) => { Where::$place };
}

const A: &[Rule] = rules![
    "a" "ا" 0.0, "a" "ه" 0.0 @ End, "a" "ي" 0.3 @ End, "a" "ع" 0.1, "a" "اع" 0.1,
    "a" "عا" 0.1, "a" "ي" 0.7, "a" "و" 0.8, "ah" "ه" 0.0 @ End, "ah" "اه" 0.1 @ End,
    "ai" "ي" 0.1, "ai" "اي" 0.0, "ay" "اي" 0.0, "ay" "ي" 0.1, "au" "و" 0.1, "au" "او" 0.0,
    "ae" "ي" 0.3, "ae" "ا" 0.2, "aa" "ا" 0.0, "aa" "عا" 0.0, "al" "ال" 0.0 @ Start,
];
const B: &[Rule] = rules!["b" "ب" 0.0, "b" "پ" 0.0, "b" "ف" 0.6];
const C: &[Rule] = rules![
    "c" "ك" 0.0, "c" "س" 0.1, "c" "ق" 0.2, "c" "ش" 0.5, "c" "تش" 0.4, "c" "ص" 0.3,
    "c" "ث" 0.3, "ch" "تش" 0.0, "ch" "ش" 0.0, "ch" "ك" 0.1, "ch" "خ" 0.2, "ch" "ه" 0.5,
    "ch" "چ" 0.0, "ch" "ج" 0.4, "ck" "ك" 0.0, "ck" "ق" 0.1, "cz" "تش" 0.0, "cz" "ش" 0.2,
    "cs" "تش" 0.1, "cc" "تش" 0.1, "cc" "ك" 0.0, "cqu" "ك" 0.0, "cq" "ك" 0.0,
];
const D: &[Rule] = rules![
    "d" "د" 0.0, "d" "ض" 0.2, "d" "ذ" 0.4, "d" "ت" 0.6, "d" "ظ" 0.6, "dh" "ذ" 0.0,
    "dh" "د" 0.1, "dh" "ظ" 0.3, "dh" "ض" 0.3, "dj" "ج" 0.0, "dz" "ج" 0.3, "dz" "دز" 0.0,
    "dg" "ج" 0.0,
];
const E: &[Rule] = rules![
    "e" "ي" 0.1, "e" "ا" 0.2, "e" "ه" 0.2 @ End, "e" "ع" 0.2, "e" "اي" 0.2, "e" "عي" 0.2,
    "e" "و" 0.7, "ee" "ي" 0.0, "ea" "ي" 0.1, "ei" "ي" 0.1, "ei" "اي" 0.1, "ey" "ي" 0.0,
    "ey" "اي" 0.1, "eu" "و" 0.2, "eau" "و" 0.0, "eh" "ه" 0.1 @ End, "el" "ال" 0.1 @ Start,
];
const F: &[Rule] = rules!["f" "ف" 0.0, "f" "ڤ" 0.2, "ff" "ف" 0.0];
const G: &[Rule] = rules![
    "g" "غ" 0.0, "g" "ج" 0.0, "g" "ق" 0.1, "g" "ك" 0.3, "g" "گ" 0.0, "g" "ڤ" 0.1,
    "g" "ڨ" 0.0, "g" "ي" 0.6, "g" "خ" 0.5, "gh" "غ" 0.0, "gh" "ج" 0.2, "gh" "ق" 0.2,
    "gu" "غ" 0.0, "gu" "ج" 0.1, "gn" "ني" 0.1, "gg" "ج" 0.0, "gg" "غ" 0.0,
];
const H: &[Rule] = rules!["h" "ه" 0.0, "h" "ح" 0.0, "h" "خ" 0.4, "h" "ع" 0.5];
const I: &[Rule] = rules![
    "i" "ي" 0.0, "i" "ا" 0.2, "i" "ع" 0.2, "i" "عي" 0.1, "i" "اي" 0.1, "i" "ه" 0.6 @ End,
    "ie" "ي" 0.0, "ia" "يا" 0.0, "ia" "يه" 0.0 @ End, "iy" "ي" 0.0, "io" "يو" 0.0,
];
const J: &[Rule] = rules![
    "j" "ج" 0.0, "j" "ي" 0.2, "j" "خ" 0.3, "j" "ه" 0.5, "j" "ژ" 0.0, "j" "ز" 0.5,
    "j" "ش" 0.6,
];
const K: &[Rule] = rules![
    "k" "ك" 0.0, "k" "ق" 0.1, "k" "خ" 0.4, "k" "ج" 0.6, "kh" "خ" 0.0, "kh" "ك" 0.2,
    "kh" "ه" 0.5, "kk" "ك" 0.0, "ks" "كس" 0.0,
];
const L: &[Rule] = rules!["l" "ل" 0.0, "ll" "ل" 0.0, "ll" "ي" 0.4, "ll" "لل" 0.1];
const M: &[Rule] = rules!["m" "م" 0.0, "m" "ن" 0.6, "mm" "م" 0.0];
const N: &[Rule] = rules![
    "n" "ن" 0.0, "n" "م" 0.5, "nn" "ن" 0.0, "ng" "نغ" 0.0, "ng" "نج" 0.0, "ng" "ن" 0.2,
    "ng" "نك" 0.2, "nk" "نك" 0.0, "ny" "ني" 0.0,
];
const O: &[Rule] = rules![
    "o" "و" 0.0, "o" "ا" 0.3, "o" "ع" 0.2, "o" "او" 0.0, "o" "عو" 0.1, "o" "ه" 0.5 @ End,
    "o" "ي" 0.7, "ou" "و" 0.0, "ou" "او" 0.0, "oo" "و" 0.0, "oa" "و" 0.1, "oi" "وا" 0.1,
    "oi" "وي" 0.0, "oy" "وي" 0.0, "oe" "و" 0.2, "oh" "وه" 0.0, "oh" "و" 0.3,
];
const P: &[Rule] = rules!["p" "ب" 0.0, "p" "پ" 0.0, "pp" "ب" 0.0, "ph" "ف" 0.0];
const Q: &[Rule] = rules![
    "q" "ق" 0.0, "q" "ك" 0.1, "qu" "ك" 0.0, "qu" "كو" 0.0, "qu" "ق" 0.0,
];
const R: &[Rule] = rules!["r" "ر" 0.0, "rr" "ر" 0.0, "rh" "ر" 0.0, "r" "غ" 0.6];
const S: &[Rule] = rules![
    "s" "س" 0.0, "s" "ص" 0.1, "s" "ز" 0.2, "s" "ش" 0.4, "s" "ث" 0.4, "ss" "س" 0.0,
    "ss" "ص" 0.1, "sh" "ش" 0.0, "sch" "ش" 0.0, "sch" "سك" 0.1, "sz" "ش" 0.0, "sc" "سك" 0.0,
    "sc" "ش" 0.3, "sj" "ش" 0.1, "sk" "سك" 0.0, "st" "ست" 0.0,
];
const T: &[Rule] = rules![
    "t" "ت" 0.0, "t" "ط" 0.1, "t" "ث" 0.5, "t" "د" 0.6, "t" "تس" 0.5, "th" "ث" 0.0,
    "th" "ت" 0.1, "th" "ذ" 0.3, "th" "ط" 0.3, "th" "ظ" 0.5, "tt" "ت" 0.0, "tch" "تش" 0.0,
    "tsch" "تش" 0.0, "ts" "تس" 0.0, "tz" "تز" 0.0, "tz" "تس" 0.0, "ti" "تش" 0.6,
];
const U: &[Rule] = rules![
    "u" "و" 0.0, "u" "ا" 0.3, "u" "ع" 0.2, "u" "او" 0.1, "u" "ي" 0.5, "ue" "و" 0.1,
    "ui" "وي" 0.0, "uy" "وي" 0.0,
];
const V: &[Rule] = rules![
    "v" "ف" 0.0, "v" "ڤ" 0.0, "v" "ب" 0.4, "v" "و" 0.4, "vv" "ف" 0.0,
];
const W: &[Rule] = rules!["w" "و" 0.0, "w" "ف" 0.3, "w" "ڤ" 0.3, "wh" "و" 0.0];
const X: &[Rule] = rules![
    "x" "كس" 0.0, "x" "س" 0.3, "x" "ش" 0.2, "x" "خ" 0.3, "x" "ز" 0.4, "x" "ه" 0.5,
    "x" "كز" 0.1, "x" "اكس" 0.1 @ Start,
];
const Y: &[Rule] = rules!["y" "ي" 0.0, "y" "ا" 0.4, "y" "اي" 0.1];
const Z: &[Rule] = rules![
    "z" "ز" 0.0, "z" "س" 0.2, "z" "تس" 0.2, "z" "ظ" 0.2, "z" "ذ" 0.3, "z" "ض" 0.4,
    "z" "تز" 0.2, "zh" "ج" 0.1, "zh" "ژ" 0.0, "zh" "ز" 0.1, "zz" "ز" 0.0, "zz" "تس" 0.1,
];
const APOSTROPHE: &[Rule] = rules!["'" "ع" 0.0, "'" "ء" 0.0, "'" "ا" 0.2];

/// The most Latin letters one rule consumes ("tsch").
pub const LONGEST: usize = 4;

/// The rules whose Latin group starts with `letter`.
pub fn starting_with(letter: u8) -> &'static [Rule] {
    match letter {
        b'a' => A,
        b'b' => B,
        b'c' => C,
        b'd' => D,
        b'e' => E,
        b'f' => F,
        b'g' => G,
        b'h' => H,
        b'i' => I,
        b'j' => J,
        b'k' => K,
        b'l' => L,
        b'm' => M,
        b'n' => N,
        b'o' => O,
        b'p' => P,
        b'q' => Q,
        b'r' => R,
        b's' => S,
        b't' => T,
        b'u' => U,
        b'v' => V,
        b'w' => W,
        b'x' => X,
        b'y' => Y,
        b'z' => Z,
        b'\'' => APOSTROPHE,
        _ => &[],
    }
}

fn is_vowel(letter: u8) -> bool {
    matches!(letter, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The cost of a Latin letter that Arabic leaves unwritten at `i`: short vowels cheaply
/// (a final e is silent in most languages; an initial vowel is almost always written), a
/// doubled consonant and h freely or almost, any other consonant dearly.
pub fn latin_unwritten(lat: &[u8], i: usize) -> f32 {
    let letter = lat[i];
    let last = i + 1 == lat.len();
    let doubled = i > 0 && lat[i - 1] == letter;
    match letter {
        b'\'' => 0.0,
        b'e' if last => 0.05,
        _ if is_vowel(letter) && i == 0 => 0.6,
        _ if is_vowel(letter) && last => 0.5,
        _ if is_vowel(letter) => 0.15,
        _ if doubled => 0.0,
        b'h' => 0.3,
        b's' | b't' | b'd' | b'x' | b'z' if last => 0.6,
        _ => 1.0,
    }
}

/// The cost of an Arabic letter no Latin letter spells, at `j` (Latin position `i` of `n`):
/// the article ال at the start, ع and hamza seats cheaply, long-vowel letters a little
/// dearer, a consonant dearly.
pub fn arabic_unspoken(ar: &[char], j: usize, i: usize, n: usize) -> f32 {
    let letter = ar[j];
    let article = j < 2 && i == 0 && ar.starts_with(&['ا', 'ل']);
    match letter {
        'ا' | 'ل' if article => 0.1,
        'ع' | 'ء' | 'ئ' | 'ؤ' => 0.3,
        'ا' | 'و' | 'ي' => {
            if i == n {
                0.5
            } else {
                0.35
            }
        }
        'ه' if j + 1 == ar.len() => 0.4,
        _ if j > 0 && ar[j - 1] == letter => 0.2,
        _ => 1.0,
    }
}

/// Whether `c` is an Arabic letter the rules know (after the analyzer's normalization).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'پ' | 'چ' | 'ژ' | 'گ' | 'ڤ' | 'ڨ')
}
