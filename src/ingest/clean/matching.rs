//! Matching helpers shared by the cleaning rules: word counts, sentence ends, and
//! comparing a headline or a phrase with a line as folded characters.
//!
//! Most lines the rules look at are long paragraphs that they reject on the first words, so
//! the comparisons here stream folded characters and stop at the first difference or at a
//! bound, instead of folding a whole paragraph first. Each streaming helper says which
//! property of [`fold`](crate::ingest::meta::fold) or [`key`](crate::ingest::meta::key)
//! it relies on; `tests.rs` checks them against the folding functions themselves.

use crate::ingest::meta::{folded, key, FoldedChars};

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `char::is_alphanumeric`, without the Unicode tables for ASCII and the Arabic letters
/// (nearly every character of news text; the tables are slow).
pub(super) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c as u32, 0x0621..=0x064A | 0x0671..=0x06D3) || c.is_alphanumeric()
}

/// `word_count(s) <= n`, reading no further than the word after the `n`-th.
pub(super) fn words_at_most(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

pub(super) fn ends_with_ellipsis(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '»' | ')'));
    t.ends_with("...") || t.ends_with('…') || t.ends_with("..")
}

/// Ends like a sentence: a full stop, question or exclamation mark, possibly inside quotes.
pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | '»' | ')')
    });
    t.ends_with(['.', '!', '?', '؟', '。']) && !ends_with_ellipsis(s)
}

/// The first `n` bytes or more of the folded `s` (all of it when shorter, then perhaps with
/// a trailing space): `fold(s).starts_with(p)` implies `fold_head(s, n).starts_with(p)`
/// for every `p` of at most `n` bytes.
pub(super) fn fold_head(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 4);
    for f in folded(s) {
        if out.len() >= n {
            break;
        }
        out.push(f);
    }
    out
}

/// [`fold_head`] from the first letter or digit on. `key(s)` is `fold(s)` with spaces and
/// punctuation trimmed from both ends, never a letter or digit, so `key(s).starts_with(p)`
/// implies `key_head(s, n).starts_with(p)` for every `p` of at most `n` bytes that starts
/// with a letter or digit.
pub(super) fn key_head(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 4);
    for f in folded(s).skip_while(|&f| !is_alphanumeric(f)) {
        if out.len() >= n {
            break;
        }
        out.push(f);
    }
    out
}

/// `key(s)`, or `None` when it is longer than `max` bytes: then it equals no phrase of at
/// most `max` bytes, and a long paragraph costs only its first `max` or so bytes. The key
/// keeps everything from its first letter or digit to its last (it trims only spaces and
/// punctuation), so once that span is longer than `max` the answer is known.
pub(super) fn key_within(s: &str, max: usize) -> Option<String> {
    let mut span = None::<usize>;
    for f in folded(s) {
        if let Some(len) = span.as_mut() {
            *len += f.len_utf8();
        } else if is_alphanumeric(f) {
            span = Some(f.len_utf8());
        }
        if span.is_some_and(|len| len > max) && is_alphanumeric(f) {
            return None;
        }
    }
    Some(key(s)).filter(|k| k.len() <= max)
}

/// A significant character: (start byte, end byte, folded character).
pub(super) type Sig = (usize, usize, char);

/// The characters of `s` that matter when comparing a headline with a line: folded, soft
/// punctuation dropped (FA-KES bodies lost their commas and apostrophes, titles kept
/// them), white space runs as one space. Each with its byte range in `s`.
pub(super) fn significant(s: &str) -> Vec<Sig> {
    let mut out: Vec<Sig> = Vec::with_capacity(s.len());
    out.extend(significant_chars(s));
    if out.last().is_some_and(|l| l.2 == ' ') {
        out.pop();
    }
    out
}

/// The characters [`significant`] collects, one by one, including a space at the end (it
/// drops that one).
fn significant_chars(s: &str) -> impl Iterator<Item = Sig> + '_ {
    FoldedChars::new(s, |f| {
        matches!(f, ',' | ';' | '\'' | '"' | ':' | '(' | ')' | '،' | '؛')
    })
}

/// Byte index in `line` where a prefix equal to `prefix` ends (compared as
/// [`significant`] characters), if `line` starts with it.
pub(super) fn match_prefix(line: &str, prefix: &str) -> Option<usize> {
    match_significant(line, &significant(prefix), prefix.len())
}

/// [`match_prefix`] with the prefix's significant characters already computed (a headline
/// is tried at a dozen places of a paragraph). The line's characters are read only as far
/// as they agree with the prefix: most attempts fail on the first one.
pub(super) fn match_significant(line: &str, p: &[Sig], prefix_len: usize) -> Option<usize> {
    // Only the start of a long line can match: compare that much (a file of one huge line
    // must not cost the whole line for every prefix tried).
    let mut cut = line.len().min(prefix_len * 8 + 256);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    if p.is_empty() {
        return None;
    }
    // `p` never ends with a space (`significant` drops it), so the space `significant`
    // would drop at the end of the line's characters can never be the last one matched.
    let mut l = significant_chars(&line[..cut]);
    let mut end = 0;
    for want in p {
        let (_, e, f) = l.next()?;
        if f != want.2 {
            return None;
        }
        end = e;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meta::fold;
    use proptest::prelude::*;

    /// Text made mostly of what folding treats specially: spaces of all kinds, the
    /// punctuation keys trim, letters that fold, marks that vanish.
    fn text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            'a', 'B', 'z', '7', ' ', ' ', '\t', '\u{0B}', '\u{A0}', '\u{2003}', ':', '：', '.',
            '…', '!', '-', '|', '»', '«', '"', '*', '•', '/', '(', ')', '[', ']', '،', ',', ';',
            '\'', '’', '“', '—', 'ا', 'أ', 'ى', 'ة', 'ب', 'ي', '٣', '\u{064B}', '\u{0640}',
            '\u{200F}', '\u{FEFF}', 'É', 'ß', 'İ', '\u{212A}',
        ]);
        prop::collection::vec(prop_oneof![6 => special, 1 => any::<char>()], 0..50)
            .prop_map(|v| v.into_iter().collect())
    }

    /// `match_significant` as it was before it streamed: the line's start folded whole.
    fn match_significant_whole(line: &str, p: &[Sig], prefix_len: usize) -> Option<usize> {
        let mut cut = line.len().min(prefix_len * 8 + 256);
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        let l = significant(&line[..cut]);
        if p.is_empty() || l.len() < p.len() || l.iter().zip(p).any(|(a, b)| a.2 != b.2) {
            return None;
        }
        Some(l[p.len() - 1].1)
    }

    fn prefixes(s: &str, n: usize) -> impl Iterator<Item = &str> {
        (0..=s.len().min(n)).filter_map(move |e| s.get(..e))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn folded_is_fold_before_its_trim(s in text()) {
            let f: String = folded(&s).collect();
            prop_assert_eq!(f.trim_end(), fold(&s));
        }

        #[test]
        fn heads_start_as_fold_and_key_do(s in text(), n in 0usize..24) {
            let (f, fh) = (fold(&s), fold_head(&s, n));
            for p in prefixes(&f, n) {
                prop_assert!(fh.starts_with(p), "{:?} {:?} {:?}", s, fh, p);
            }
            let (k, kh) = (key(&s), key_head(&s, n));
            if k.starts_with(is_alphanumeric) {
                for p in prefixes(&k, n) {
                    prop_assert!(kh.starts_with(p), "{:?} {:?} {:?}", s, kh, p);
                }
            }
        }

        #[test]
        fn key_within_is_the_key_when_short(s in text(), max in 0usize..40) {
            let k = key(&s);
            prop_assert_eq!(key_within(&s, max), (k.len() <= max).then_some(k));
        }

        #[test]
        fn matching_streams_as_whole_lines_did(line in text(), other in text(), at in 0usize..60) {
            // A prefix of the line itself (so that matches happen), and any other text.
            let mut own = line.len().min(at);
            while !line.is_char_boundary(own) {
                own -= 1;
            }
            for prefix in [&line[..own], other.as_str()] {
                let p = significant(prefix);
                prop_assert_eq!(
                    match_significant(&line, &p, prefix.len()),
                    match_significant_whole(&line, &p, prefix.len())
                );
                prop_assert_eq!(
                    match_significant(&line, &p, 0),
                    match_significant_whole(&line, &p, 0)
                );
            }
        }

        #[test]
        fn words_at_most_counts_words(s in text(), n in 0usize..8) {
            prop_assert_eq!(words_at_most(&s, n), word_count(&s) <= n);
        }
    }

    #[test]
    fn alphanumeric_as_the_standard_library_says() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
