//! Metadata read from the text itself: the language of a whole article (by script share,
//! then a few cheap checks inside a script), and the small grammars `clean` needs to
//! recognise a dateline ("TEHRAN (Tasnim) –", "دمشق - سانا:") or a date stamp ("Wed 05 Apr
//! 2017", "2019-08-18 14:55:10"). Nothing here allocates per character or panics: every
//! slice is cut at a char boundary found by iteration.

use std::sync::OnceLock;

/// The writing system a letter belongs to, as far as Qarin cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Arabic,
    Latin,
    Cyrillic,
    Greek,
    Hebrew,
    Other,
}

/// Script of one character, or `None` when it is not a letter.
pub(crate) fn script_of(c: char) -> Option<Script> {
    // Fast paths: the Unicode letter tables are slow, and nearly all text is ASCII or Arabic.
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A | 0x0671..=0x06D3) {
        return Some(Script::Arabic);
    }
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => Script::Latin,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        _ => Script::Other,
    })
}

/// The script most letters of `s` are written in; `None` when `s` has no letters.
pub(crate) fn dominant_script(s: &str) -> Option<Script> {
    let mut counts = [0usize; 6];
    for sc in s.chars().filter_map(script_of) {
        counts[sc as usize] += 1;
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
    if n == 0 {
        return None;
    }
    Some(
        [
            Script::Arabic,
            Script::Latin,
            Script::Cyrillic,
            Script::Greek,
            Script::Hebrew,
            Script::Other,
        ][best],
    )
}

/// Language of a whole article: `"ar"`, `"fa"`, `"ur"`, `"en"`, `"fr"`, `"de"`, `"es"`,
/// `"ru"`, `"he"`, `"el"` or `"und"`.
///
/// The script most letters are written in decides first. Inside the Arabic script, Persian
/// and Urdu are told apart by the letters only they use, and only when those are frequent
/// (Arabic pages borrow a stray ی or گ in names; that must not flip a whole article).
/// Inside the Latin script, English is assumed unless a stop-word count clearly says
/// French, German or Spanish.
pub fn detect_lang(text: &str) -> String {
    let code = match dominant_script(text) {
        None | Some(Script::Other) => "und",
        Some(Script::Arabic) => arabic_language(text),
        Some(Script::Latin) => latin_language(text),
        Some(Script::Cyrillic) => "ru",
        Some(Script::Greek) => "el",
        Some(Script::Hebrew) => "he",
    };
    code.to_string()
}

fn arabic_language(text: &str) -> &'static str {
    let (mut letters, mut urdu, mut persian_only, mut persian_yk, mut arabic_yk) = (0, 0, 0, 0, 0);
    for c in text.chars() {
        if script_of(c) != Some(Script::Arabic) {
            continue;
        }
        letters += 1;
        match c {
            // ٹ ڈ ڑ ں ے ھ ہ: Urdu letters Arabic and Persian do not use.
            '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06D2}' | '\u{06BE}'
            | '\u{06C1}' => urdu += 1,
            // پ چ ژ گ: Persian (and Urdu) letters Arabic lacks.
            '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' => persian_only += 1,
            // Persian ی and ک, against Arabic ي and ك.
            '\u{06CC}' | '\u{06A9}' => persian_yk += 1,
            '\u{064A}' | '\u{0643}' => arabic_yk += 1,
            _ => {}
        }
    }
    // Thresholds are shares of Arabic-script letters, with a floor so that one borrowed
    // name in a short text decides nothing.
    if urdu >= 5 && urdu * 50 >= letters {
        "ur"
    } else if (persian_yk >= 5 && persian_yk > 2 * arabic_yk)
        || (persian_only >= 5 && persian_only * 60 >= letters)
    {
        "fa"
    } else {
        "ar"
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

fn latin_language(text: &str) -> &'static str {
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

// ---------------------------------------------------------------------------------------
// Folding and known names, shared with `clean`

/// One character folded for matching: lower case, Arabic letter variants merged (أ إ آ ٱ →
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

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The place as written ("TEHRAN", "دمشق").
    pub place: Option<String>,
    /// The credited agency ("Tasnim", "سانا").
    pub agency: Option<String>,
    /// Bytes of the paragraph the dateline takes, including the white space after it.
    pub len: usize,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// A word of an upper-case Latin place name: "TEHRAN", "AL-QAMISHLI", "U.N.", "ST.".
fn is_upper_place_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 1
        && w.chars().next().is_some_and(|c| c.is_uppercase())
        && w.chars().all(|c| {
            (c.is_alphabetic() && c.is_uppercase() && script_of(c) == Some(Script::Latin))
                || matches!(c, '-' | '.' | '\'' | '’')
        })
        && !w.chars().last().is_some_and(is_dash)
}

/// End of a region after a dateline's comma ("Ohio", "N.Y.", "United Arab Emirates"): up
/// to four capitalised words directly followed by a dash or a parenthesis.
fn region_end(par: &str, start: usize) -> Option<usize> {
    let rest = par.get(start..)?;
    for (a, b) in words_with_pos(rest).into_iter().take(4) {
        let w = rest.get(a..b)?;
        if !w.chars().next().is_some_and(char::is_uppercase) || w.contains(['(', ')', ',']) {
            break;
        }
        let next = skip_ws(par, start + b);
        if par
            .get(next..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_dash(c) || c == '(')
        {
            return Some(start + b);
        }
    }
    None
}

/// Words of a paragraph with their byte ranges, split on white space.
fn words_with_pos(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// Skips white space from byte `i`; returns the next non-space byte index.
fn skip_ws(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|rest| {
            rest.char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map(|(j, _)| i + j)
        })
        .unwrap_or(s.len())
}

/// A short parenthesised credit at byte `i`: "(Tasnim)", "(رويترز)". Returns the inner text
/// and the byte index after ")".
fn paren_credit(s: &str, i: usize) -> Option<(String, usize)> {
    let rest = s.get(i..)?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest.get(..close)?.trim();
    let words = inner.split_whitespace().count();
    let ok = !inner.is_empty()
        && inner.chars().count() <= 40
        && words <= 5
        && inner.chars().next().is_some_and(char::is_alphabetic)
        && !inner.contains(['.', '!', '?', '؟', ',', '،']);
    ok.then(|| (inner.to_string(), i + 1 + close + 1))
}

/// A dash (possibly doubled, "--") at byte `i`, with white space or the end after it when
/// `need_space`. Returns the byte index after the dash.
fn dash_at(s: &str, i: usize) -> Option<usize> {
    let mut chars = s.get(i..)?.char_indices();
    let (_, c) = chars.next()?;
    if !is_dash(c) {
        return None;
    }
    let mut end = i + c.len_utf8();
    if let Some((_, c2)) = chars.next() {
        if c2 == '-' {
            end += 1;
        }
    }
    Some(end)
}

/// Reads a dateline opening `par`, if there is one and enough text follows it.
///
/// Latin: upper-case place ("TEHRAN", "NEW YORK"), optionally a comma and a short date
/// ("DAMASCUS, March 3"), optionally a parenthesised agency, then a dash — or a place and
/// an agency without the dash ("BEIRUT (AP) The ..."), or just "(Reuters) -". Arabic: one or
/// two words, a dash, an agency and a colon ("دمشق - سانا:"), a place and a parenthesised
/// agency, or one or two words and a dash ("واشنطن - ") when a long paragraph follows.
pub(crate) fn read_dateline(par: &str) -> Option<Dateline> {
    latin_dateline(par)
        .or_else(|| arabic_dateline(par))
        .filter(|d| {
            // Something worth calling a paragraph must remain.
            par.get(d.len..)
                .is_some_and(|rest| rest.split_whitespace().count() >= 3)
        })
}

fn latin_dateline(par: &str) -> Option<Dateline> {
    let words = words_with_pos(par);
    // The place: up to four upper-case words, at least two letters in all.
    let mut place_end = 0;
    let mut n = 0;
    for &(st, en) in words.iter().take(4) {
        let mut w = par.get(st..en)?;
        // "PARIS," or "TEHRAN(Tasnim)": stop the word at a comma or parenthesis.
        let cut = w.find([',', '(']).unwrap_or(w.len());
        w = w.get(..cut)?;
        if w.is_empty() || !is_upper_place_word(w) {
            break;
        }
        n += 1;
        place_end = st + w.len();
        if cut < en - st {
            break;
        }
    }
    let place_ok = n > 0
        && par
            .get(..place_end)?
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2;
    let mut i = if place_ok { place_end } else { 0 };
    let mut date = false;
    if place_ok {
        // Optional ", March 3" or " March 3" (FA-KES strips commas) before "(" or a dash.
        let j = skip_ws(par, i);
        let after_comma = par
            .get(j..)
            .and_then(|r| r.strip_prefix(','))
            .map(|_| j + 1);
        let k = skip_ws(par, after_comma.unwrap_or(j));
        if let Some(len) = par.get(k..).and_then(date_prefix_len) {
            i = k + len;
            date = true;
        } else if let Some(c) = after_comma {
            i = c;
            // ", Ohio –", ", N.Y. —", ", United Arab Emirates —": the region is part of the
            // place as written.
            if let Some(end) = region_end(par, k) {
                place_end = end;
                i = end;
            }
        }
    }
    let place = par.get(..place_end)?.trim();
    let j = skip_ws(par, i);
    let agency = paren_credit(par, j);
    let after_agency = agency.as_ref().map_or(j, |(_, e)| *e);
    let k = skip_ws(par, after_agency);
    let dash = dash_at(par, k);
    let agency = agency.map(|(a, _)| a);
    let end = match (place_ok, &agency, dash) {
        (true, _, Some(e)) | (false, Some(_), Some(e)) => e,
        // "BEIRUT (AP) The ...": place and agency are enough without a dash.
        (true, Some(_), None) => after_agency,
        _ => return None,
    };
    // A dash glued to the next word ("SANA-Terrorist") is a hyphen, not a dateline dash.
    if par
        .get(end..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| !c.is_whitespace())
    {
        return None;
    }
    // "US –" or "ISIS –" opening a sentence are not places: demand a dateline shape that a
    // sentence would not have: an agency, a date, or a place of three letters or more.
    if agency.is_none() && !date && place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    Some(Dateline {
        place: place_ok.then(|| place.to_string()),
        agency,
        len: skip_ws(par, end),
    })
}

/// Words that open an Arabic paragraph with a dash but are no place ("عاجل - ...").
#[rustfmt::skip]
const AR_NOT_PLACE: &[&str] = &[
    "عاجل", "خاص", "متابعات", "تقرير", "فيديو", "صور", "بالصور", "بالفيديو", "مقال", "رأي", "حوار",
];

fn is_arabic_text(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || script_of(c) == Some(Script::Arabic)
            || matches!(c, '\u{064B}'..='\u{065F}' | '(' | ')')
    })
}

/// Verbs that open Arabic sentences: "الرياض - قال الوزير: ..." has no agency in it.
#[rustfmt::skip]
const AR_VERBS: &[&str] = &[
    "قال", "وقال", "أكد", "اكد", "أعلن", "اعلن", "ذكر", "أفاد", "افاد", "كشف", "أوضح", "اوضح",
    "أشار", "صرح", "نفى", "دعا", "أضاف", "اضاف", "طالب", "أعرب", "شدد",
];

fn arabic_dateline(par: &str) -> Option<Dateline> {
    // "(رويترز) - ..." : agency only, and only with the dash.
    if let Some((agency, e)) = paren_credit(par, 0) {
        let end = dash_at(par, skip_ws(par, e))?;
        return Some(Dateline {
            place: None,
            agency: Some(agency),
            len: skip_ws(par, end),
        });
    }
    if let Some(d) = arabic_credit_colon(par) {
        return Some(d);
    }
    let words = words_with_pos(par);
    for place_words in 1..=2usize {
        let &(_, place_end) = words.get(place_words - 1)?;
        let place = par.get(..place_end)?;
        if !is_arabic_text(place) || place.contains(['(', ')']) || AR_NOT_PLACE.contains(&place) {
            return None;
        }
        // A two-word place is a name like "مكة المكرمة", its second word with the article;
        // "ذكر هانز - بيتر" is a sentence with a hyphenated name.
        if place_words == 2
            && !words
                .get(1)
                .and_then(|&(a, b)| par.get(a..b))
                .is_some_and(|w| w.starts_with("ال"))
        {
            return None;
        }
        let k = skip_ws(par, place_end);
        // "دمشق (رويترز) - ..." ; without the dash only for a known agency, since "علمت
        // (المصدر) أن ..." is a sentence.
        if let Some((agency, e)) = paren_credit(par, k) {
            let dash = dash_at(par, skip_ws(par, e));
            if dash.is_none() && !is_agency(&key(&agency)) {
                return None;
            }
            let end = skip_colon(par, dash.unwrap_or(e));
            return Some(Dateline {
                place: Some(place.to_string()),
                agency: Some(agency),
                len: skip_ws(par, end),
            });
        }
        let Some(after_dash) = dash_at(par, k) else {
            continue;
        };
        // "كان -أعني ..." : a dash glued to the next word opens an aside, not a dateline.
        if !par
            .get(after_dash..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
        {
            return None;
        }
        let a = skip_ws(par, after_dash);
        // "واشنطن - ..." : a bare place, only before a paragraph of some length.
        let rest = par.get(a..)?;
        if rest.split_whitespace().count() >= 8 {
            return Some(Dateline {
                place: Some(place.to_string()),
                agency: None,
                len: a,
            });
        }
        return None;
    }
    None
}

/// "دمشق - سانا:", "سبق - جدة:", "فهد العتيبي - سبق - الطائف :": two or three short parts
/// split by dashes and closed by a colon. A known agency (or a part starting with "وكالة")
/// is the agency; the last other part that is no credit word is the place (Arabic
/// papers write "reporter - paper - city:").
fn arabic_credit_colon(par: &str) -> Option<Dateline> {
    let colon = par.find([':', '：'])?;
    let head = par.get(..colon)?;
    if head.split_whitespace().count() > 9 || head.contains(['.', '،', ',', '"', '«', '“']) {
        return None;
    }
    let parts: Vec<&str> = head.split(is_dash).map(str::trim).collect();
    let ok = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.split_whitespace().count()) && is_arabic_text(p))
        && !parts.iter().any(|p| {
            p.split_whitespace()
                .next()
                .is_some_and(|w| AR_VERBS.contains(&w))
        });
    if !ok {
        return None;
    }
    let is_agency_part = |p: &str| {
        let k = key(p);
        is_agency(&k) || k.starts_with("وكاله")
    };
    let agency = parts
        .iter()
        .find(|p| is_agency_part(p))
        .map(|p| p.to_string());
    let place = parts
        .iter()
        .rev()
        .find(|p| !is_agency_part(p) && !is_credit(&key(p)))
        .map(|p| p.to_string());
    let len = skip_ws(par, colon + par.get(colon..)?.chars().next()?.len_utf8());
    Some(Dateline { place, agency, len })
}

fn skip_colon(s: &str, i: usize) -> usize {
    let j = skip_ws(s, i);
    match s.get(j..).and_then(|r| r.chars().next()) {
        Some(c @ (':' | '：')) => j + c.len_utf8(),
        _ => i,
    }
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    MONTHS.contains(&w.as_str())
}

fn is_weekday(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    WEEKDAYS.contains(&w.as_str())
}

fn digits(w: &str) -> Option<u32> {
    let w = w.trim_end_matches([',', '.']);
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())?
}

fn is_day(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    digits(w).is_some_and(|d| (1..=31).contains(&d)) && w.len() <= 2
}

fn is_year(w: &str) -> bool {
    w.trim_end_matches([',', '.']).len() == 4
        && digits(w).is_some_and(|y| (1900..=2099).contains(&y))
}

/// "29-08-2014", "26.12.2014", "2019-08-18", "12/03/2018": a numeric date with a year.
fn is_numeric_date(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let parts: Vec<&str> = w.split(['-', '.', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && (parts[0].len() == 4 || parts[2].len() == 4 || parts[2].len() == 2)
        && parts.iter().all(|p| p.len() <= 4)
}

/// "14:55", "14:55:10", "0914" after "at".
fn is_time(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Length in bytes of an English or numeric date that opens `s` ("Wed 05 Apr 2017 at 0914",
/// "Tuesday 26 April 2016 21:41", "March 3", "29-08-2014", "Nov 012017"), not counting the
/// white space after it. A month name with a day, or a numeric date, is required.
pub(crate) fn date_prefix_len(s: &str) -> Option<usize> {
    let words = words_with_pos(s);
    let w = |i: usize| words.get(i).and_then(|&(a, b)| s.get(a..b));
    let mut i = 0;
    if w(i).is_some_and(is_weekday) {
        i += 1;
    }
    let start_date = i;
    let mut end_word = None;
    if w(i).is_some_and(is_numeric_date) {
        end_word = Some(i);
    } else if w(i).is_some_and(is_day) && w(i + 1).is_some_and(is_month) {
        // 5 April 2017
        end_word = Some(i + 1);
        if w(i + 2).is_some_and(is_year) {
            end_word = Some(i + 2);
        }
    } else if w(i).is_some_and(is_month) {
        // April 5 2017 / April 5, 2017 / Nov 012017 (day glued to year)
        if w(i + 1).is_some_and(is_day) {
            end_word = Some(i + 1);
            if w(i + 2).is_some_and(is_year) {
                end_word = Some(i + 2);
            }
        } else if w(i + 1).is_some_and(|x| x.len() == 6 && x.bytes().all(|b| b.is_ascii_digit())) {
            end_word = Some(i + 1);
        }
    }
    let mut last = end_word?;
    if last < start_date {
        return None;
    }
    // Optional time: "at 0914", "21:41", "14:55:10".
    if w(last + 1).is_some_and(|x| x.eq_ignore_ascii_case("at"))
        && w(last + 2).is_some_and(|x| is_time(x) || (x.len() == 4 && digits(x).is_some()))
    {
        last += 2;
    } else if w(last + 1).is_some_and(is_time) {
        last += 1;
    }
    let &(_, end) = words.get(last)?;
    let text = s.get(..end)?;
    Some(text.trim_end_matches(',').len())
}

/// True when the whole line is a date or a time stamp ("2018-03-08 18:40:13",
/// "Monday, 12 July 2015", "Published June 4 2016").
pub(crate) fn is_date_line(line: &str) -> bool {
    let t = line.trim();
    let t = strip_publication_words(t);
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let t = t.replace(',', " ");
    match date_prefix_len(&t) {
        Some(n) => t.get(n..).is_some_and(|r| r.trim().is_empty()),
        None => false,
    }
}

/// Words news sites put before a date ("Published", "Date of publication", "Last updated
/// at", "Posted on"): returns the rest, or `s` unchanged.
pub(crate) fn strip_publication_words(s: &str) -> &str {
    #[rustfmt::skip]
    const LEADS: &[&str] = &[
        "date of publication", "last updated at", "last updated on", "last updated", "updated at",
        "updated on", "updated", "published at", "published on", "published", "posted at", "posted on",
        "posted", "date:",
    ];
    for lead in LEADS {
        if let Some(head) = s.get(..lead.len()) {
            if head.eq_ignore_ascii_case(lead) {
                let rest = s.get(lead.len()..).unwrap_or("");
                let rest = rest.trim_start_matches(':');
                if rest.starts_with(char::is_whitespace) {
                    return rest.trim_start();
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A French name in an English text does not make it French.
        assert_eq!(detect_lang("Le Drian said the talks with the Iranian side were useful and that the ceasefire was holding"), "en");
    }

    #[test]
    fn latin_datelines() {
        let d = read_dateline("CAIRO (Nile Wire) – The talks resumed on Tuesday morning.").unwrap();
        assert_eq!(d.place.as_deref(), Some("CAIRO"));
        assert_eq!(d.agency.as_deref(), Some("Nile Wire"));
        assert_eq!(&"CAIRO (Nile Wire) – The talks"[d.len..], "The talks");
        let d = read_dateline("NEW YORK — Diplomats met again on Friday to discuss aid.").unwrap();
        assert_eq!(d.place.as_deref(), Some("NEW YORK"));
        assert_eq!(d.agency, None);
        let d = read_dateline("ALEPPO, June 9 (Wire) - Shelling resumed in the east of the city.")
            .unwrap();
        assert_eq!(d.place.as_deref(), Some("ALEPPO"));
        assert_eq!(d.agency.as_deref(), Some("Wire"));
        let d = read_dateline("(Wire) - Shelling resumed in the east of the city.").unwrap();
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("Wire")));
        let d = read_dateline("SPRINGFIELD, Mass. — Voters lined up early on Tuesday.").unwrap();
        assert_eq!(d.place.as_deref(), Some("SPRINGFIELD, Mass."));
        let d =
            read_dateline("ABU DHABI, United Arab Emirates (Wire) — Flights resumed on Monday.")
                .unwrap();
        assert_eq!(d.place.as_deref(), Some("ABU DHABI, United Arab Emirates"));
        assert_eq!(d.agency.as_deref(), Some("Wire"));
        let d = read_dateline("HOMS (AP) Residents said the road was open again.").unwrap();
        assert_eq!(d.place.as_deref(), Some("HOMS"));
    }

    #[test]
    fn sentences_that_only_look_like_datelines() {
        assert_eq!(
            read_dateline("US Secretary of State said the talks were over."),
            None
        );
        assert_eq!(
            read_dateline("UN - the organisation - said it would send aid."),
            None
        );
        assert_eq!(
            read_dateline("Aleppo SANA-Terrorist groups fired shells on the city."),
            None
        );
        assert_eq!(
            read_dateline("The minister - who arrived late - said nothing."),
            None
        );
        assert_eq!(read_dateline("PARIS – Talks."), None);
        assert_eq!(
            read_dateline("عاجل - انفجار في العاصمة أدى إلى سقوط عدد من الضحايا صباح اليوم"),
            None
        );
    }

    #[test]
    fn arabic_datelines() {
        let d =
            read_dateline("حلب - وكالة الشمال: قال مصدر محلي إن القصف استمر طوال الليل").unwrap();
        assert_eq!(d.place.as_deref(), Some("حلب"));
        assert_eq!(d.agency.as_deref(), Some("وكالة الشمال"));
        let d = read_dateline("(وكالة الشمال) - قال مصدر محلي إن القصف استمر طوال الليل").unwrap();
        assert_eq!(d.agency.as_deref(), Some("وكالة الشمال"));
        let d =
            read_dateline("عمّان – قال مصدر حكومي إن الحدود ستفتح أمام الشاحنات خلال الأسبوع المقبل")
                .unwrap();
        assert_eq!((d.place.as_deref(), d.agency), (Some("عمّان"), None));
    }

    #[test]
    fn dates_and_stamps() {
        assert_eq!(
            date_prefix_len("Thu 06 Jun 2019 at 1015 Rain fell"),
            Some(23)
        );
        assert_eq!(date_prefix_len("Sunday 3 March 2019 14:02 Rain"), Some(25));
        assert_eq!(date_prefix_len("May 3, 2019 Rain"), Some(11));
        assert_eq!(date_prefix_len("03-05-2019 Rain"), Some(10));
        assert_eq!(date_prefix_len("Jun 042019 Rain"), Some(10));
        assert_eq!(date_prefix_len("May the talks go on"), None);
        assert_eq!(date_prefix_len("12 soldiers died"), None);
        assert!(is_date_line("2020-01-02 10:11:12"));
        assert!(is_date_line("Published: March 9, 2019"));
        assert!(is_date_line("Friday, 9 March 2019"));
        assert!(!is_date_line("9 March 2019 was a cold day"));
        assert!(!is_date_line("Talks"));
    }
}
