//! Expanding a prefix (`negot*`) or a word with typos (`Rohani~`) into the indexed terms it
//! stands for, by a scan of the term dictionary. Expansion is bounded: at most
//! [`MAX_TERMS`] terms, the most frequent first, so a short prefix cannot make a query do
//! unbounded work.

use crate::index::Postings;

/// Terms one prefix or fuzzy word may expand to.
pub const MAX_TERMS: usize = 64;

/// Terms a prefix matches, with weight 1. A stem shorter than the typed prefix also matches
/// when the prefix only adds what stemming removes (`negotiat*` finds the stem `negoti`).
pub fn prefix(postings: &Postings, form: &str) -> Vec<(String, f32)> {
    let chars: Vec<(usize, char)> = form.char_indices().collect();
    // The shorter stems: the form cut by one to three letters, at least three left.
    let shorter = (3..chars.len())
        .rev()
        .take(3)
        .map(|n| &form[..chars[n].0])
        .filter(|stem| postings.df(stem) > 0);
    let found = postings.with_prefix(form).chain(shorter);
    best(postings, found.map(|t| (t.to_string(), 1.0)).collect())
}

/// Terms within `edits` edits (Levenshtein over characters) of `term`; nearer ones weigh
/// more: 1 for the term itself, 1/(1 + distance) otherwise.
pub fn fuzzy(postings: &Postings, term: &str, edits: usize) -> Vec<(String, f32)> {
    let want: Vec<char> = term.chars().collect();
    let found = postings
        .terms()
        .filter_map(|t| distance(&want, t, edits).map(|d| (t.to_string(), 1.0 / (1.0 + d as f32))));
    best(postings, found.collect())
}

/// The default number of edits for a word of `letters` letters: 1 up to 5, 2 above.
pub fn default_edits(letters: usize) -> usize {
    if letters <= 5 {
        1
    } else {
        2
    }
}

fn best(postings: &Postings, terms: Vec<(String, f32)>) -> Vec<(String, f32)> {
    if terms.len() <= MAX_TERMS {
        return terms;
    }
    // Closest first (a weight is at most 1, so its percent fits 7 bits), then the most
    // frequent, then the dictionary's order.
    let mut terms = crate::order::by_key(terms, |(t, w)| {
        let closeness = 100 - ((w * 100.0) as u32).min(100);
        let rarity = 0xFF_FFFF - postings.df(t).min(0xFF_FFFF) as u32;
        closeness << 24 | rarity
    });
    terms.truncate(MAX_TERMS);
    terms
}

/// Levenshtein distance between `a` and `b` when it is at most `max`, else `None`; one
/// row of the table at a time, stopping as soon as every cell of a row exceeds `max`.
pub(super) fn distance(a: &[char], b: &str, max: usize) -> Option<usize> {
    // `b` is walked in order, once per row: no copy of it is needed.
    let len = b.chars().count();
    if a.len().abs_diff(len) > max {
        return None;
    }
    let mut row: Vec<usize> = (0..=len).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        let mut lowest = row[0];
        for (j, cb) in b.chars().enumerate() {
            let substitute = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(previous + 1);
            lowest = lowest.min(row[j + 1]);
        }
        if lowest > max {
            return None;
        }
    }
    (row[len] <= max).then_some(row[len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_bounded() {
        let a: Vec<char> = "rouhani".chars().collect();
        assert_eq!(distance(&a, "rohani", 2), Some(1));
        assert_eq!(distance(&a, "rouhani", 0), Some(0));
        assert_eq!(distance(&a, "rahani", 1), None);
        assert_eq!(distance(&a, "rahani", 2), Some(2));
        assert_eq!(distance(&a, "macron", 2), None);
        let b: Vec<char> = "روحاني".chars().collect();
        assert_eq!(distance(&b, "روحانى", 1), Some(1));
        assert_eq!(default_edits(5), 1);
        assert_eq!(default_edits(6), 2);
    }
}
