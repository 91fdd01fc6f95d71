//! Language of a whole article: by script share, then a few cheap checks inside a
//! script. Letters are classed with the analyzer's [`Script`]; the few languages written in
//! neither Arabic nor Latin letters are told apart by Unicode block. Every article goes
//! through here whole, so one pass counts what all the checks need ([`Letters`]); only the
//! Latin check reads words, and at most 5,000 of them.

use std::sync::OnceLock;

use crate::analysis::Script;
use crate::order::halves;

/// Script of one letter, or `None` when `c` is not a letter. The analyzer's classes
/// ([`crate::analysis::script::of_char`]) behind fast paths: the Unicode letter tables are
/// slow, and nearly all text is ASCII or Arabic.
pub(crate) fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x0671..=0x06D3) {
        return Some(Script::Arabic);
    }
    if !c.is_alphabetic() {
        return None;
    }
    crate::analysis::script::of_char(c)
}

/// The script most letters of `s` are written in; `None` when `s` has no letters.
pub(crate) fn dominant_script(s: &str) -> Option<Script> {
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    for sc in s.chars().filter_map(script_of) {
        match sc {
            Script::Arabic => arabic += 1,
            Script::Latin => latin += 1,
            _ => other += 1,
        }
    }
    dominant(arabic, latin, other)
}

/// The script with the most letters; ties go to Arabic, then Latin.
fn dominant(arabic: usize, latin: usize, other: usize) -> Option<Script> {
    let best = arabic.max(latin).max(other);
    if best == 0 {
        None
    } else if arabic == best {
        Some(Script::Arabic)
    } else if latin == best {
        Some(Script::Latin)
    } else {
        Some(Script::Other)
    }
}

/// Language of a whole article: `"ar"`, `"fa"`, `"ur"`, `"en"`, `"fr"`, `"de"`, `"es"`,
/// `"cs"`, `"pt"`, `"ru"`, `"he"`, `"el"` or `"und"`.
///
/// The script most letters are written in decides first. Inside the Arabic script, Persian
/// and Urdu are told apart by the letters only they use, and only when those are frequent
/// (Arabic pages borrow a stray ی or گ in names; that must not flip a whole article).
/// Inside the Latin script, Czech and Portuguese are known by letters only they use;
/// else English is assumed unless a stop-word count clearly says French, German or
/// Spanish. Other letters name Russian, Greek or Hebrew by their Unicode block when most
/// of them are in one.
pub fn detect_lang(text: &str) -> String {
    let n = Letters::count(text);
    let code = match dominant(n.arabic, n.latin, n.other) {
        None => "und",
        Some(Script::Arabic) => n.arabic_language(),
        Some(Script::Latin) => latin_language(text),
        Some(_) => n.other_language(),
    };
    code.to_string()
}

/// What [`detect_lang`] counts of a text's letters.
#[derive(Default)]
struct Letters {
    /// Letters by script, as [`dominant_script`] counts them.
    arabic: usize,
    latin: usize,
    other: usize,
    /// Arabic-script letters only Urdu uses (ٹ ڈ ڑ ں ے ھ ہ), only Persian and Urdu use
    /// (پ چ ژ گ), and Persian ی ک against Arabic ي ك.
    urdu: usize,
    persian_only: usize,
    persian_yk: usize,
    arabic_yk: usize,
    /// Letters of other scripts by block: Cyrillic, Greek, Hebrew, the rest.
    blocks: [usize; 4],
}

impl Letters {
    fn count(text: &str) -> Letters {
        let mut n = Letters::default();
        for c in text.chars() {
            match script_of(c) {
                None => {}
                Some(Script::Latin) => n.latin += 1,
                Some(Script::Arabic) => {
                    n.arabic += 1;
                    // ي and ك are common, the letters past U+0678 rare: two cheap tests first
                    // (one `match` on them all jumps through a table, mispredicted per letter).
                    if matches!(c, '\u{064A}' | '\u{0643}') {
                        n.arabic_yk += 1;
                    } else if c >= '\u{0679}' {
                        n.count_rare(c);
                    }
                }
                Some(_) => {
                    n.other += 1;
                    let block = match c as u32 {
                        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 0,
                        0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
                        0x0590..=0x05FF | 0xFB1D..=0xFB4F => 2,
                        _ => 3,
                    };
                    n.blocks[block] += 1;
                }
            }
        }
        n
    }

    /// The Arabic-script letters of Urdu and Persian.
    fn count_rare(&mut self, c: char) {
        match c {
            '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06D2}' | '\u{06BE}'
            | '\u{06C1}' => self.urdu += 1,
            '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' => self.persian_only += 1,
            '\u{06CC}' | '\u{06A9}' => self.persian_yk += 1,
            _ => {}
        }
    }

    /// Cyrillic, Greek or Hebrew: the block most non-Arabic, non-Latin letters are in.
    fn other_language(&self) -> &'static str {
        let best = self.blocks.iter().copied().max().unwrap_or(0);
        match self.blocks.iter().position(|&n| n == best && n > 0) {
            Some(0) => "ru",
            Some(1) => "el",
            Some(2) => "he",
            _ => "und",
        }
    }

    fn arabic_language(&self) -> &'static str {
        let letters = self.arabic;
        // Thresholds are shares of Arabic-script letters, with a floor so that one borrowed
        // name in a short text decides nothing.
        if self.urdu >= 5 && self.urdu * 50 >= letters {
            "ur"
        } else if (self.persian_yk >= 5 && self.persian_yk > 2 * self.arabic_yk)
            || (self.persian_only >= 5 && self.persian_only * 60 >= letters)
        {
            "fa"
        } else {
            "ar"
        }
    }
}

#[rustfmt::skip]
const EN_STOP: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "said", "have", "has", "it",
    "by", "from", "which", "were", "this", "are", "they",
];
#[rustfmt::skip]
const FR_STOP: &[&str] = &[
    "le", "les", "des", "et", "est", "une", "dans", "pour", "du", "au", "sur", "pas", "qui", "avec",
    "sont", "aux", "ont", "cette", "ils", "été",
];
#[rustfmt::skip]
const DE_STOP: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "mit", "sich", "auf", "für",
    "von", "dem", "zu", "wird", "auch", "sie", "wurde",
];
#[rustfmt::skip]
const ES_STOP: &[&str] = &[
    "el", "los", "las", "del", "y", "una", "por", "con", "para", "se", "al", "como", "más", "pero",
    "fue", "su", "sus", "lo", "ha", "está",
];

/// Packed stop words, sorted, and beside each the lists it is in.
type StopWords = (Vec<(u32, u32)>, Vec<u8>);

/// The words of the four stop-word lists by their bytes packed into a number ([`packed`]),
/// sorted, with the lists each is in (bit `i` for list `i`) at the same index: one binary
/// search of integers a word instead of a comparison with each stop word.
fn stop_words() -> &'static StopWords {
    static TABLE: OnceLock<StopWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists = [EN_STOP, FR_STOP, DE_STOP, ES_STOP];
        let packed_words =
            |list: &'static [&str]| list.iter().filter_map(|w| packed(w.as_bytes()).map(halves));
        // As (u32, u32) pairs: the sort the index already brings into the wasm.
        let mut keys: Vec<(u32, u32)> = lists.iter().flat_map(|l| packed_words(l)).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut masks = vec![0u8; keys.len()];
        for (i, list) in lists.iter().enumerate() {
            for key in packed_words(list) {
                if let Ok(at) = keys.binary_search(&key) {
                    masks[at] |= 1 << i;
                }
            }
        }
        (keys, masks)
    })
}

/// The bytes of a word of at most 8 bytes as one number (no stop word is longer: tested).
/// Words hold no NUL byte, so two words pack alike only when they are the same.
fn packed(word: &[u8]) -> Option<u64> {
    let mut buf = [0u8; 8];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u64::from_le_bytes(buf))
}

fn latin_language(text: &str) -> &'static str {
    // Letters only one language uses: ř, ě, ů are Czech's, ã and õ Portuguese's. A few in a
    // text are a name ("Dvořák", "São Paulo"); about one letter in a hundred (Czech) or two
    // hundred (Portuguese) is the language itself.
    let (mut letters, mut cs, mut pt) = (0usize, 0usize, 0usize);
    for c in text.chars().take(50_000) {
        letters += usize::from(c.is_alphabetic());
        match c {
            'ř' | 'Ř' | 'ě' | 'Ě' | 'ů' | 'Ů' => cs += 1,
            'ã' | 'Ã' | 'õ' | 'Õ' => pt += 1,
            _ => {}
        }
    }
    if cs >= 3 && cs * 100 >= letters {
        return "cs";
    }
    if pt >= 3 && pt * 200 >= letters {
        return "pt";
    }
    let table = stop_words();
    // The lists that hold a word in lower case.
    let lists_of = |word: &str| {
        let key = if word.is_ascii() {
            // Lower case byte by byte, without a new string.
            packed(word.as_bytes())
                .map(|k| u64::from_le_bytes(k.to_le_bytes().map(|b| b.to_ascii_lowercase())))
        } else {
            packed(word.to_lowercase().as_bytes())
        };
        key.and_then(|k| table.0.binary_search(&halves(k)).ok())
            .map_or(0, |i| table.1[i])
    };
    let mut hits = [0usize; 4];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        let lists = lists_of(word);
        for (i, h) in hits.iter_mut().enumerate() {
            if lists & (1 << i) != 0 {
                *h += 1;
            }
        }
    }
    latin_verdict(&hits)
}

/// English unless the stop words of French, German or Spanish (`hits[1..]`, beside
/// English's `hits[0]`) clearly say otherwise.
fn latin_verdict(hits: &[usize; 4]) -> &'static str {
    let (best, &n) = hits[1..]
        .iter()
        .enumerate()
        .max_by_key(|&(_, &n)| n)
        .unwrap_or((0, &0));
    // "Clearly": at least a handful of hits and twice as many as English ones.
    if n >= 4 && n > 2 * hits[0] {
        ["fr", "de", "es"][best]
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `detect_lang` as it was: a pass over the text for each question (counting is what
    /// changed; the verdicts on the counts are shared).
    fn detect_lang_by_passes(text: &str) -> &'static str {
        fn arabic(text: &str) -> &'static str {
            let (mut letters, mut urdu, mut persian_only, mut persian_yk, mut arabic_yk) =
                (0, 0, 0, 0, 0);
            for c in text
                .chars()
                .filter(|&c| script_of(c) == Some(Script::Arabic))
            {
                letters += 1;
                match c {
                    '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06D2}' | '\u{06BE}'
                    | '\u{06C1}' => urdu += 1,
                    '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' => persian_only += 1,
                    '\u{06CC}' | '\u{06A9}' => persian_yk += 1,
                    '\u{064A}' | '\u{0643}' => arabic_yk += 1,
                    _ => {}
                }
            }
            Letters {
                arabic: letters,
                urdu,
                persian_only,
                persian_yk,
                arabic_yk,
                ..Letters::default()
            }
            .arabic_language()
        }
        fn latin(text: &str) -> &'static str {
            let mut hits = [0usize; 4];
            for word in text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .take(5000)
            {
                let w = word.to_lowercase();
                for (i, list) in [EN_STOP, FR_STOP, DE_STOP, ES_STOP].iter().enumerate() {
                    if list.contains(&w.as_str()) {
                        hits[i] += 1;
                    }
                }
            }
            latin_verdict(&hits)
        }
        fn other(text: &str) -> &'static str {
            let mut counts = [0usize; 4];
            for c in text.chars() {
                if script_of(c).is_some_and(|s| !matches!(s, Script::Arabic | Script::Latin)) {
                    counts[match c as u32 {
                        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 0,
                        0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
                        0x0590..=0x05FF | 0xFB1D..=0xFB4F => 2,
                        _ => 3,
                    }] += 1;
                }
            }
            Letters {
                blocks: counts,
                ..Letters::default()
            }
            .other_language()
        }
        match dominant_script(text) {
            None => "und",
            Some(Script::Arabic) => arabic(text),
            Some(Script::Latin) => latin(text),
            Some(_) => other(text),
        }
    }

    #[test]
    fn stop_words_fit_their_packing() {
        for w in [EN_STOP, FR_STOP, DE_STOP, ES_STOP].concat() {
            assert!(w.len() <= 8 && !w.contains('\0'), "{w}");
        }
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        #[rustfmt::skip]
        const WORDS: &[&str] = &[
            "the", "THE", "Le", "des", "ÉTÉ", "été", "Está", "für", "und", "y", "with", "said",
            "وزير", "الخارجية", "يكون", "گفت", "پاکستان", "ہے", "کی", "Министр", "Ο", "השר", "部长",
            "\u{212A}", "İ", "ß", "1", "a", "xylophone", "\u{0640}", "\u{064B}",
        ];
        let word = prop::sample::select(WORDS);
        let sep = prop::sample::select(vec![" ", "\n", ", ", "-", "\u{A0}", ""]);
        prop::collection::vec((word, sep), 0..60)
            .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn one_pass_says_what_a_pass_per_question_said(text in mixed_text()) {
            prop_assert_eq!(detect_lang(&text), detect_lang_by_passes(&text));
        }
    }

    #[test]
    fn language_by_script_share() {
        assert_eq!(detect_lang("وزير الخارجية يزور العاصمة اليوم"), "ar");
        assert_eq!(
            detect_lang("The minister visited the capital on Monday."),
            "en"
        );
        assert_eq!(detect_lang("Министр посетил столицу"), "ru");
        assert_eq!(detect_lang("Ο υπουργός επισκέφθηκε"), "el");
        assert_eq!(detect_lang("השר ביקר בבירה"), "he");
        assert_eq!(detect_lang("部长访问了首都"), "und");
        assert_eq!(detect_lang("2019-08-18 14:55 — ..."), "und");
        assert_eq!(detect_lang(""), "und");
        // An Arabic article quoting an English brand stays Arabic.
        assert_eq!(
            detect_lang("الرئيس يلتقي نظيره في العاصمة - Breaking News Online"),
            "ar"
        );
    }

    #[test]
    fn persian_and_urdu_only_when_their_letters_are_frequent() {
        assert_eq!(
            detect_lang(
                "وزیر امور خارجه ایران امروز با همتای روسی خود در مسکو دیدار کرد و گفتگو کردند"
            ),
            "fa"
        );
        assert_eq!(
            detect_lang(
                "پاکستان کے وزیر اعظم نے آج ایک اہم اجلاس کی صدارت کی اور کہا کہ ملک میں امن ہے"
            ),
            "ur"
        );
        // One Persian letter in a borrowed name does not make an Arabic text Persian.
        assert_eq!(
            detect_lang("التقى الوزير بالمبعوث گلبرت في العاصمة وناقشا الأوضاع الراهنة في المنطقة"),
            "ar"
        );
    }

    #[test]
    fn latin_languages_by_clear_stop_word_majority() {
        assert_eq!(detect_lang("Le ministre est arrivé dans la capitale pour une visite avec les dirigeants et des experts"), "fr");
        assert_eq!(detect_lang("Der Minister ist in die Hauptstadt gereist und hat mit den Vertretern von der Regierung gesprochen"), "de");
        assert_eq!(detect_lang("El ministro llegó a la capital para una reunión con los dirigentes y las autoridades del país"), "es");
        assert_eq!(detect_lang("Ministr zahraničí přiletěl do hlavního města, kde se sešel se zástupci vlády a řekl, že jednání budou pokračovat příští týden"), "cs");
        assert_eq!(detect_lang("O ministro chegou à capital para uma reunião com as autoridades e não deu declarações sobre as negociações e as eleições"), "pt");
        assert_eq!(detect_lang("The talks in São Paulo went on for a long time and the delegations said the meetings were useful for both sides of the dispute"), "en");
        // A French name in an English text does not make it French.
        assert_eq!(detect_lang("Le Drian said the talks with the Iranian side were useful and that the ceasefire was holding"), "en");
    }
}
