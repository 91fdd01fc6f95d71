//! Matching helpers shared by the cleaning rules: word counts, sentence ends, and
//! comparing a headline with a line as folded, significant characters.

use crate::ingest::meta::fold_char;

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
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

/// A significant character: (start byte, end byte, folded character).
pub(super) type Sig = (usize, usize, char);

/// The characters of `s` that matter when comparing a headline with a line: folded, soft
/// punctuation dropped (FA-KES bodies lost their commas and apostrophes, titles kept
/// them), white space runs as one space. Each with its byte range in `s`.
pub(super) fn significant(s: &str) -> Vec<Sig> {
    let mut out: Vec<Sig> = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let Some(f) = fold_char(c) else { continue };
        if matches!(f, ',' | ';' | '\'' | '"' | ':' | '(' | ')' | '،' | '؛') {
            continue;
        }
        if f == ' ' && out.last().is_none_or(|l| l.2 == ' ') {
            continue;
        }
        out.push((i, i + c.len_utf8(), f));
    }
    if out.last().is_some_and(|l| l.2 == ' ') {
        out.pop();
    }
    out
}

/// Byte index in `line` where a prefix equal to `prefix` ends (compared as
/// [`significant`] characters), if `line` starts with it.
pub(super) fn match_prefix(line: &str, prefix: &str) -> Option<usize> {
    match_significant(line, &significant(prefix), prefix.len())
}

/// [`match_prefix`] with the prefix's significant characters already computed (a headline
/// is tried at a dozen places of a paragraph).
pub(super) fn match_significant(line: &str, p: &[Sig], prefix_len: usize) -> Option<usize> {
    // Only the start of a long line can match: compare that much (a file of one huge line
    // must not cost the whole line for every prefix tried).
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
