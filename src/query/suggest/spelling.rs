//! "Did you mean": when a query finds few or no articles, its rare words are replaced by
//! words of the corpus's own dictionary that a reader may have meant, and each rewritten
//! query comes back with its number of results.
//!
//! A replacement is a dictionary term that is either of the word's *spelling family* —
//! the same skeleton once the variations of transliterated names are folded: doubled
//! letters (Asad/Assad, Alepo/Aleppo), vowels (ay/ei/e/i, ou/u/o: Shaykhun/Sheikhun),
//! kh/h, q/k, ph/f, a final h after a vowel; in Arabic script the long vowels ا و ي inside
//! a word (ترامب/ترمب) and doubled letters — or within one edit (two for words over five
//! letters). Only the nearest kind found is offered, the most frequent terms first. The
//! dictionary's families and lengths are derived once per dictionary state and looked up per
//! rare word, only for queries with few results, so ordinary searches pay nothing.

use super::Suggestion;
use crate::analysis::{self, Script};
use crate::index::postings::letter_mask;
use crate::index::Postings;
use crate::query::expand;
use crate::query::snippet::MARK_EVERY;

/// A query word counts as rare, and is worth replacing, in fewer articles than this.
const RARE: usize = 3;
/// Replacements considered per rare word, and suggestions returned.
const PER_WORD: usize = 3;
const MAX_SUGGESTIONS: usize = 3;
/// Rare words of one query that get replacements (each costs a dictionary scan).
const MAX_WORDS: usize = 4;

/// One word of the query that could be replaced: its byte range in the query, and the
/// replacements (surface forms to write there), best first.
struct Rare {
    start: usize,
    end: usize,
    replacements: Vec<String>,
}

/// See [`super::suggest`]; always `Some`.
pub fn suggest(
    postings: &Postings,
    store: &crate::index::DocStore,
    analyzer: &analysis::Config,
    query: &str,
    total: usize,
    mut count: impl FnMut(&str) -> usize,
) -> Option<Vec<Suggestion>> {
    let mut rare: Vec<Rare> = Vec::new();
    for (start, end, word) in analysis::spans(query, analyzer) {
        if rare.len() == MAX_WORDS || word.stop || !plain(query, start, end) {
            continue;
        }
        let df = postings.df(&word.terms[0]);
        if df >= RARE {
            continue;
        }
        let surface = &query[start..end];
        let replacements: Vec<String> = candidates(postings, &word.terms[0], word.script, df)
            .into_iter()
            .filter_map(|term| written(store, postings, analyzer, &term))
            .map(|w| same_case(surface, w))
            .collect();
        if !replacements.is_empty() {
            rare.push(Rare {
                start,
                end,
                replacements,
            });
        }
    }
    if rare.is_empty() {
        return Some(Vec::new());
    }
    // Every rare word at its best replacement, then each word in turn at its others.
    let mut rewrites = vec![rewrite(query, &rare, None)];
    for (i, r) in rare.iter().enumerate() {
        for k in 1..r.replacements.len() {
            rewrites.push(rewrite(query, &rare, Some((i, k))));
        }
    }
    let mut out: Vec<Suggestion> = Vec::new();
    for q in rewrites {
        if out.iter().any(|s| s.query == q) {
            continue;
        }
        let found = count(&q);
        if found > total {
            out.push(Suggestion {
                query: q,
                total: found,
            });
        }
    }
    // Most results first; the order of making breaks ties (a sort that keeps order).
    let mut order: Vec<(u32, u32)> = out
        .iter()
        .enumerate()
        .map(|(i, s)| (u32::MAX - s.total.min(u32::MAX as usize) as u32, i as u32))
        .collect();
    order.sort_unstable();
    let mut sorted: Vec<Suggestion> = order
        .into_iter()
        .filter_map(|(_, i)| out.get(i as usize).cloned())
        .collect();
    sorted.truncate(MAX_SUGGESTIONS);
    Some(sorted)
}

/// `query` with each rare word replaced by its best replacement, or word `i` by its
/// replacement `k`.
fn rewrite(query: &str, rare: &[Rare], pick: Option<(usize, usize)>) -> String {
    let mut out = String::with_capacity(query.len() + 8);
    let mut at = 0;
    for (i, r) in rare.iter().enumerate() {
        let k = match pick {
            Some((j, k)) if j == i => k,
            _ => 0,
        };
        out.push_str(&query[at..r.start]);
        out.push_str(
            r.replacements
                .get(k)
                .map_or(&query[r.start..r.end], String::as_str),
        );
        at = r.end;
    }
    out.push_str(&query[at..]);
    out
}

/// Whether the word at `start..end` is a plain search word, not an operator, a field name
/// or value, an exact form, a prefix or a fuzzy word (those say what the reader meant).
fn plain(query: &str, start: usize, end: usize) -> bool {
    let before = query[..start].chars().next_back();
    let after = query[end..].chars().next();
    let word = &query[start..end];
    !matches!(before, Some('=' | ':' | '-'))
        && !matches!(after, Some('*' | '~' | ':'))
        && !matches!(word, "OR" | "AND" | "NOT")
        && word.chars().all(|c| !c.is_ascii_digit())
}

/// Dictionary terms a reader writing `term` (in `df` articles) may have meant, best first.
/// The dictionary's spelling families and lengths are derived once per dictionary state
/// ([`Postings::term_keys`]), so this reads only the terms that can qualify.
fn candidates(postings: &Postings, term: &str, script: Script, df: usize) -> Vec<String> {
    let letters = term.chars().count();
    if letters < 3 || !matches!(script, Script::Latin | Script::Arabic) {
        return Vec::new();
    }
    let ascii = term.is_ascii();
    let length = |t: &str| {
        if t.is_ascii() {
            t.len()
        } else {
            t.chars().count()
        }
    };
    let keys = postings.term_keys(family_key);
    let key = family(term);
    // (kind: 0 family, else the number of edits; articles; term id)
    let mut found: Vec<(usize, usize, u32)> = Vec::new();
    // The family first: a member more common than the word beats every edit.
    for id in keys.with_key(family_key(term)) {
        let t = postings.term(id);
        // Same script only (Latin terms are ASCII once normalized, Arabic ones are not);
        // a 32-bit key may collide, so the family itself is compared.
        if t == term || t.is_ascii() != ascii || length(t).abs_diff(letters) > 3 || family(t) != key
        {
            continue;
        }
        let articles = postings.df(t);
        if articles > df {
            found.push((0, articles, id));
        }
    }
    if found.is_empty() {
        let edits = expand::default_edits(letters);
        let chars: Vec<char> = term.chars().collect();
        let mask = letter_mask(term);
        let mut nearest = edits + 1;
        for n in letters.saturating_sub(edits)..=letters + edits {
            for (id, other) in keys.with_length(ascii, n) {
                // Letters one word has and the other lacks: a bound read without the text.
                let apart = (mask & !other)
                    .count_ones()
                    .max((other & !mask).count_ones());
                let most = edits.min(nearest);
                if apart as usize > most {
                    continue;
                }
                let t = postings.term(id);
                if t == term {
                    continue;
                }
                let Some(kind) = expand::distance(&chars, t, most) else {
                    continue;
                };
                let articles = postings.df(t);
                if kind > nearest || articles <= df {
                    continue;
                }
                nearest = kind;
                found.push((kind, articles, id));
            }
        }
        found.retain(|c| c.0 == nearest);
    }
    // Most articles first, the dictionary's order breaking ties.
    let mut order: Vec<(u32, u32)> = found
        .iter()
        .map(|c| (u32::MAX - c.1.min(u32::MAX as usize) as u32, c.2))
        .collect();
    order.sort_unstable();
    order
        .into_iter()
        .take(PER_WORD)
        .map(|(_, id)| postings.term(id).to_string())
        .collect()
}

/// A term's spelling family hashed to the 32 bits [`Postings::term_keys`] groups by.
fn family_key(term: &str) -> u32 {
    crate::hash::fnv1a(family(term).as_bytes()) as u32
}

/// The skeleton a word's spelling family shares (see the module's comment). Words of
/// other scripts are their own family.
pub fn family(term: &str) -> String {
    let mut out = String::new();
    if term.is_ascii() {
        latin_family(term.as_bytes(), &mut out);
    } else if term.chars().all(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        arabic_family(term, &mut out);
    } else {
        out.push_str(term);
    }
    out
}

fn latin_family(b: &[u8], out: &mut String) {
    let mut i = 0;
    while i < b.len() {
        let pair = (b[i], b.get(i + 1).copied().unwrap_or(0));
        let (folded, used) = match pair {
            (b'k', b'h') => (b'h', 2),
            (b'g', b'h') => (b'g', 2),
            (b'p', b'h') => (b'f', 2),
            (b'c', b'k') => (b'k', 2),
            (b'q', _) => (b'k', 1),
            (b'o', b'u') | (b'o', b'o') => (b'u', 2),
            (b'o', _) => (b'u', 1),
            (b'a', b'y') | (b'a', b'i') | (b'e', b'i') | (b'e', b'y') | (b'e', b'e') => (b'i', 2),
            (b'e', _) | (b'y', _) => (b'i', 1),
            (c, _) => (c, 1),
        };
        // A doubled letter, or a vowel run made by the folding, counts once.
        if out.as_bytes().last() != Some(&folded) {
            out.push(char::from(folded));
        }
        i += used;
    }
    // A final h after a vowel is silent (Hamah/Hama, Ghoutah/Ghouta).
    let b = out.as_bytes();
    if b.len() > 3 && b[b.len() - 1] == b'h' && matches!(b[b.len() - 2], b'a' | b'i' | b'u') {
        out.pop();
    }
}

fn arabic_family(term: &str, out: &mut String) {
    let mut last = None;
    for (i, c) in term.chars().enumerate() {
        // Long vowels inside a word come and go in transliterated names.
        if i > 0 && matches!(c, 'ا' | 'و' | 'ي') {
            continue;
        }
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
}

/// How the corpus writes `term`: the word at its first position read as the main reading,
/// in the first articles that have it; `None` when none has it as its main reading. Only
/// that word is read again: the title, or the body from the word mark before it.
fn written(
    store: &crate::index::DocStore,
    postings: &Postings,
    analyzer: &analysis::Config,
    term: &str,
) -> Option<String> {
    let mut cursor = postings.cursor(term)?;
    // A few articles at most: the first one nearly always has the word.
    for _ in 0..4 {
        let stored = store.get(cursor.next()?)?;
        let Some(pos) = cursor.positions().find(|p| !p.1).map(|p| p.0) else {
            continue;
        };
        let body_at = crate::index::postings::body_start(stored.title_tokens);
        let (text, nth) = if pos < body_at {
            (
                std::borrow::Cow::Borrowed(stored.article.title.as_str()),
                pos as usize,
            )
        } else {
            // Marks fall on word starts, so the stretch up to the next one reads alike.
            let word = (pos - body_at) as usize;
            let mark = |i: usize| stored.word_marks.get(i).map(|&m| m as usize);
            let Some(from) = mark(word / MARK_EVERY) else {
                continue;
            };
            let to = mark(word / MARK_EVERY + 1).unwrap_or(usize::MAX);
            (stored.article.body_part(from, to), word % MARK_EVERY)
        };
        let found = analysis::spans(&text, analyzer)
            .into_iter()
            .nth(nth)
            .filter(|(_, _, w)| w.terms[0] == term);
        if let Some((s, e, _)) = found {
            return text.get(s..e).map(str::to_string);
        }
    }
    None
}

/// `word` as the reader wrote theirs: lowercase when they typed lowercase.
fn same_case(typed: &str, word: String) -> String {
    if typed.chars().any(char::is_uppercase) {
        word
    } else {
        word.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::family;

    #[test]
    fn spelling_families_meet() {
        let same: &[&[&str]] = &[
            &["asad", "assad"],
            &["alepo", "aleppo"],
            &["rouhanni", "rouhani", "rohani"],
            &["shaykhun", "sheikhun"],
            &["qusayr", "kusair"],
            &["hamah", "hama"],
            &["ترامب", "ترمب"],
            &["بوتين", "بوتن"],
        ];
        for class in same {
            for w in *class {
                assert_eq!(family(w), family(class[0]), "{w} and {}", class[0]);
            }
        }
        assert_ne!(family("assad"), family("aleppo"));
        assert_ne!(family("حلب"), family("حمص"));
    }
}
