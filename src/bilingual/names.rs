//! Name proposals: Latin and Arabic names of a corpus that sound alike and that the
//! lexicon does not know yet, each with its transliteration score, for the user to add as
//! one entity (a proposal, never a silent merge: nothing here changes the lexicon).
//!
//! Candidates: in English articles, runs of capitalized words (particles such as `de`,
//! `Le`, `al` allowed inside) and their parts of one to [`MAX_WORDS`] words; in Arabic
//! articles, every word that is not a stop word, with its forms after و/ف, ب/ك/ل and ال
//! (as pairing reads them). A word of a known name (the linker's `known_words`; Arabic
//! forms too) is no candidate: not the names the lexicon knows, nor their parts. A capitalized English word the corpus mostly writes in
//! lowercase is no name, and a capitalized word only counts where its capital says
//! something: not in a title (title case) or at a sentence's start. Months and weekdays
//! (the calendar's words, linked by their own keys) are no names. Each Latin candidate is compared with the Arabic forms of the same
//! [`SoundKey`] by the transliteration score; pairs at [`THRESHOLD`] or above are proposed,
//! the best Latin name per Arabic form and the best Arabic form per Latin name.
//!
//! The corpus's candidates are read once per state of its articles and links and kept, so
//! the reader's proposals for one article compare that article's names with the other
//! language's without reading the corpus again. Work is bounded by counts, not time: at most [`MAX_LATIN`] Latin candidates (the ones
//! most articles hold) and [`MAX_ALIGNMENTS`] alignments per call.

use super::calendar;
use super::name_words::{
    arabic_forms, arabic_may_hold_name, latin_may_be_name, latin_name_word, without_possessive,
};
use super::translit::{
    lengths_compatible, score_at_least, ArabicName, LatinName, SoundKey, THRESHOLD,
};
use crate::analysis::normalize::{arabic, latin};
use crate::analysis::script::{self, Script};
use crate::index::DocId;
use crate::Corpus;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Words in one Latin candidate ("Staffan de Mistura").
pub const MAX_WORDS: usize = 3;
/// Distinct Latin candidates compared, the most widespread first.
pub const MAX_LATIN: usize = 4_000;
/// Transliteration alignments one call may run.
pub const MAX_ALIGNMENTS: usize = 400_000;

/// Lowercase words that may sit inside a Latin name ("Staffan de Mistura", "Le Drian").
const PARTICLES: [&str; 16] = [
    "de", "di", "da", "du", "des", "del", "della", "le", "la", "al", "el", "bin", "ben", "ibn",
    "abu", "van",
];

/// What to propose for.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only names of this article (matched against the other language's articles).
    pub article: Option<DocId>,
    /// Proposals returned at most.
    pub limit: usize,
}

/// One proposal: a Latin and an Arabic name that may be one entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// The Latin name as the text writes it.
    pub en: String,
    /// The Arabic form (normalized, clitics taken off).
    pub ar: String,
    /// The transliteration score, 0–1 (`THRESHOLD` or more).
    pub score: f32,
    /// English articles holding the Latin name, Arabic articles holding the Arabic form.
    pub en_articles: u32,
    pub ar_articles: u32,
}

/// What a call gave, with the work it did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Proposals {
    pub proposals: Vec<Proposal>,
    /// Latin and Arabic candidates read, alignments run, and whether a bound cut it short.
    pub latin: usize,
    pub arabic: usize,
    pub alignments: usize,
    pub partial: bool,
}

struct Latin {
    shown: String,
    name: LatinName,
    /// Articles holding it, ascending.
    docs: Vec<DocId>,
    /// Occurrences written capitalized; a single word also counts its lowercase ones.
    capital: u32,
    lower: u32,
}

struct Arab {
    form: String,
    name: ArabicName,
    /// Articles holding it, ascending.
    docs: Vec<DocId>,
}

/// Every candidate of a corpus, both languages: read once per state of the corpus and its
/// links ([`super::pairing::fingerprint`]) and kept, so a proposal for one article does not
/// read the whole corpus again.
struct Read {
    latins: FxHashMap<String, Latin>,
    arabs: FxHashMap<String, Arab>,
}

/// Adds article `id` to `docs` (articles are read in ascending order).
fn note(docs: &mut Vec<DocId>, id: DocId) {
    if docs.last() != Some(&id) {
        docs.push(id);
    }
}

fn read(corpus: &Corpus) -> Read {
    let known: FxHashSet<String> = corpus
        .linker()
        .map_or_else(Vec::new, |l| l.known_words())
        .into_iter()
        .collect();
    let mut latins: FxHashMap<String, Latin> = FxHashMap::default();
    let mut arabs: FxHashMap<String, Arab> = FxHashMap::default();
    let mut lowercase: FxHashMap<String, u32> = FxHashMap::default();
    let mut ids: Vec<DocId> = corpus.ids().collect();
    ids.sort_unstable();
    for id in ids {
        let Some(stored) = corpus.get(id) else {
            continue;
        };
        let article = &stored.article;
        let texts = std::iter::once(article.title.as_str())
            .chain(article.paragraphs.iter().map(String::as_str));
        match article.lang.as_str() {
            "en" => {
                for (n, text) in texts.enumerate() {
                    read_latin(text, id, n == 0, &known, &mut latins, &mut lowercase);
                }
            }
            "ar" => {
                for text in texts {
                    read_arabic(text, id, &known, &mut arabs);
                }
            }
            _ => {}
        }
    }
    for (key, l) in latins.iter_mut() {
        l.lower = lowercase.get(key).copied().unwrap_or(0);
    }
    Read { latins, arabs }
}

/// Calls `f` with `corpus`'s candidates, read on first use and kept (one per thread) until
/// the articles or the links change.
fn with_read<R>(corpus: &Corpus, f: impl FnOnce(&Read) -> R) -> R {
    thread_local! {
        static KEPT: std::cell::RefCell<Option<(u64, Read)>> = const { std::cell::RefCell::new(None) };
    }
    let fingerprint = super::pairing::fingerprint(corpus);
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let (_, read) = match kept.take() {
            Some(k) if k.0 == fingerprint => kept.insert(k),
            _ => kept.insert((fingerprint, read(corpus))),
        };
        f(read)
    })
}

/// The proposals for `corpus` (every article, or `options.article`), best first.
pub fn propose(corpus: &Corpus, options: &Options) -> Proposals {
    let focus = match options.article {
        Some(id) => match corpus.get(id) {
            Some(s) => Some((id, s.article.lang.clone())),
            None => return Proposals::default(),
        },
        None => None,
    };
    with_read(corpus, |read| propose_from(read, focus, options.limit))
}

/// [`propose`] from the corpus's candidates. Only the focus article's own language is
/// limited to it: its names are compared with every article of the other language.
fn propose_from(read: &Read, focus: Option<(DocId, String)>, limit: usize) -> Proposals {
    let wanted = |docs: &[DocId], lang: &str| match &focus {
        Some((f, l)) if l == lang => docs.binary_search(f).is_ok(),
        _ => true,
    };
    let arab_list: Vec<&Arab> = (read.arabs.values())
        .filter(|a| wanted(&a.docs, "ar"))
        .collect();
    let mut latin_list: Vec<&Latin> = (read.latins.values())
        .filter(|l| !l.docs.is_empty() && l.capital > l.lower && wanted(&l.docs, "en"))
        .collect();
    let mut out = Proposals {
        latin: latin_list.len(),
        arabic: arab_list.len(),
        ..Proposals::default()
    };
    // Arabic forms by sound key.
    let mut by_key: FxHashMap<SoundKey, Vec<usize>> = FxHashMap::default();
    for (i, a) in arab_list.iter().enumerate() {
        by_key.entry(a.name.key()).or_default().push(i);
    }
    latin_list.sort_by(|a, b| b.docs.len().cmp(&a.docs.len()).then(a.shown.cmp(&b.shown)));
    if latin_list.len() > MAX_LATIN {
        latin_list.truncate(MAX_LATIN);
        out.partial = true;
    }
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    'latin: for (li, l) in latin_list.iter().enumerate() {
        let Some(candidates) = by_key.get(&l.name.key()) else {
            continue;
        };
        for &ai in candidates {
            let a = arab_list[ai];
            if !lengths_compatible(l.name.len(), a.name.len()) {
                continue;
            }
            if out.alignments >= MAX_ALIGNMENTS {
                out.partial = true;
                break 'latin;
            }
            out.alignments += 1;
            if let Some(score) = score_at_least(&l.name, &a.name, THRESHOLD) {
                pairs.push((li, ai, score));
            }
        }
    }
    // Best first; at equal score the longer Latin name ("Le Drian" over "Drian").
    pairs.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then(
                latin_list[y.0]
                    .shown
                    .len()
                    .cmp(&latin_list[x.0].shown.len()),
            )
            .then(latin_list[x.0].shown.cmp(&latin_list[y.0].shown))
            .then(arab_list[x.1].form.cmp(&arab_list[y.1].form))
    });
    let (mut used_latin, mut used_arabic) = (FxHashSet::default(), FxHashSet::default());
    for (li, ai, score) in pairs {
        if !used_latin.insert(li) || !used_arabic.insert(ai) {
            continue;
        }
        let (l, a) = (latin_list[li], arab_list[ai]);
        out.proposals.push(Proposal {
            en: l.shown.clone(),
            ar: a.form.clone(),
            score: (score * 1000.0).round() / 1000.0,
            en_articles: l.docs.len() as u32,
            ar_articles: a.docs.len() as u32,
        });
    }
    out.proposals.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((y.en_articles + y.ar_articles).cmp(&(x.en_articles + x.ar_articles)))
            .then(x.en.cmp(&y.en))
    });
    out.proposals.truncate(limit);
    out
}

/// A word of a Latin run: its text without a possessive, and whether it is a particle; a
/// word that is neither a particle nor may be a name ([`latin_name_word`]) ends the run.
fn latin_word(word: &str) -> Option<(&str, bool)> {
    if PARTICLES.contains(&latin::normalize(word).as_str()) {
        return Some((without_possessive(word), true));
    }
    latin_name_word(word).map(|(shown, _)| (shown, false))
}

/// A word of a run: text, whether a particle, whether its capital says nothing (a title's
/// word or a sentence's first).
type RunWord<'t> = (&'t str, bool, bool);

/// Reads the Latin candidates of `text` (article `id`; `title`: every word is capitalized
/// anyway) and counts lowercase words.
fn read_latin(
    text: &str,
    id: DocId,
    title: bool,
    known: &FxHashSet<String>,
    latins: &mut FxHashMap<String, Latin>,
    lowercase: &mut FxHashMap<String, u32>,
) {
    let mut run: Vec<RunWord> = Vec::new();
    let mut last_end = 0;
    let mut flush = |run: &mut Vec<RunWord>| {
        add_run(run, id, latins);
        run.clear();
    };
    crate::analysis::each_raw_word(text, |start, end| {
        let word = &text[start..end];
        if word.chars().find_map(script::of_char) != Some(Script::Latin) {
            flush(&mut run);
            return;
        }
        if word.starts_with(|c: char| c.is_lowercase()) {
            let lower = latin::normalize(word);
            if let Some(n) = lowercase.get_mut(&lower) {
                *n += 1;
            } else if latin_may_be_name(&lower) {
                lowercase.insert(lower, 1);
            }
        }
        let gap = text.get(last_end..start).unwrap_or("");
        let joined = last_end > 0 && gap.chars().all(|c| c == ' ' || c == '-');
        let initial = title
            || last_end == 0
            || gap.contains(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '[', '\n']);
        if !joined {
            flush(&mut run);
        }
        last_end = end;
        if calendar::english(word).is_some() {
            flush(&mut run);
            return;
        }
        match latin_word(word) {
            Some((w, particle)) if particle || !known.contains(&latin::normalize(w)) => {
                run.push((w, particle, initial))
            }
            _ => flush(&mut run),
        }
    });
    flush(&mut run);
}

/// Adds every part of one to `MAX_WORDS` words of a run that does not end in a particle
/// and is not a lone particle.
fn add_run(run: &[RunWord], id: DocId, latins: &mut FxHashMap<String, Latin>) {
    for start in 0..run.len() {
        for end in start + 1..=(start + MAX_WORDS).min(run.len()) {
            let part = &run[start..end];
            if part.last().is_some_and(|w| w.1) {
                continue;
            }
            let shown = part.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
            let key = part
                .iter()
                .map(|w| latin::normalize(w.0))
                .collect::<Vec<_>>()
                .join(" ");
            let entry = latins.entry(key).or_insert_with_key(|key| Latin {
                shown,
                name: LatinName::new(key),
                docs: Vec::new(),
                capital: 0,
                lower: 0,
            });
            note(&mut entry.docs, id);
            if !part[0].2 {
                entry.capital += 1;
            }
        }
    }
}

/// Reads the Arabic candidates of `text` (article `id`): each word's forms.
fn read_arabic(
    text: &str,
    id: DocId,
    known: &FxHashSet<String>,
    arabs: &mut FxHashMap<String, Arab>,
) {
    crate::analysis::each_raw_word(text, |start, end| {
        let word = &text[start..end];
        if word.chars().find_map(script::of_char) != Some(Script::Arabic) {
            return;
        }
        let normalized = arabic::normalize(word);
        if !arabic_may_hold_name(&normalized)
            || calendar::arabic(&normalized).is_some()
            || known.contains(&normalized)
        {
            return;
        }
        for name in arabic_forms(&normalized) {
            let form: String = name.letters().iter().collect();
            if known.contains(&form) {
                continue;
            }
            let entry = arabs.entry(form).or_insert_with_key(|form| Arab {
                form: form.clone(),
                name,
                docs: Vec::new(),
            });
            note(&mut entry.docs, id);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        let mut corpus = Corpus::new();
        for (name, text) in texts {
            corpus.add_bytes(name, text.as_bytes());
        }
        corpus
    }

    const EN: &str = "Minister visits Tehran\n\nForeign Minister Jean-Yves Le Drian’s trip to Tehran was announced. Le Drian met the press in Tehran and the minister said the trip was long.\n";
    const AR: &str =
        "وزير يزور طهران\n\nأعلن أن لودريان سيزور طهران غدا، وقال لودريان إن الزيارة طويلة.\n";

    #[test]
    fn proposes_a_name_the_lexicon_lacks() {
        let c = corpus(&[("en.txt", EN), ("ar.txt", AR)]);
        let out = propose(
            &c,
            &Options {
                article: None,
                limit: 20,
            },
        );
        let p = out
            .proposals
            .iter()
            .find(|p| p.ar == "لودريان")
            .unwrap_or_else(|| panic!("{out:?}"));
        assert!(p.en.ends_with("Drian"), "{p:?}");
        assert!(p.score >= THRESHOLD);
        assert_eq!((p.en_articles, p.ar_articles), (1, 1));
        // Common words are not names: "Minister" is mostly written "minister" here.
        assert!(!out.proposals.iter().any(|p| p.en == "Minister"), "{out:?}");
        // Each Arabic form and each Latin name is proposed once.
        let mut ar: Vec<_> = out.proposals.iter().map(|p| &p.ar).collect();
        ar.dedup();
        assert_eq!(ar.len(), out.proposals.len());
    }

    #[test]
    fn known_names_are_not_proposed_and_an_article_limits_its_side() {
        let mut c = corpus(&[("en.txt", EN), ("ar.txt", AR)]);
        let lexicon = "person:le-drian\tperson\t\tJean-Yves Le Drian\tلودريان\tLe Drian\t\tuser\n";
        super::super::link(&mut c, &[lexicon]).expect("valid lexicon");
        let out = propose(
            &c,
            &Options {
                article: None,
                limit: 20,
            },
        );
        assert!(
            !out.proposals
                .iter()
                .any(|p| p.ar == "لودريان" || p.en.contains("Drian")),
            "{out:?}"
        );
        // Tehran ~ طهران is still proposed (this small lexicon does not know it), from
        // either article.
        let list = c.list(&crate::ListFilter::default());
        for s in &list {
            let one = propose(
                &c,
                &Options {
                    article: Some(s.id),
                    limit: 20,
                },
            );
            assert!(one.proposals.iter().any(|p| p.ar == "طهران"), "{one:?}");
        }
        assert_eq!(
            propose(
                &c,
                &Options {
                    article: Some(9_999),
                    limit: 20
                }
            ),
            Proposals::default()
        );
    }

    #[test]
    fn kept_candidates_follow_the_corpus() {
        let all = Options {
            article: None,
            limit: 20,
        };
        let mut c = corpus(&[("en.txt", EN)]);
        assert!(propose(&c, &all).proposals.is_empty());
        c.add_bytes("ar.txt", AR.as_bytes());
        let out = propose(&c, &all);
        assert!(out.proposals.iter().any(|p| p.ar == "طهران"), "{out:?}");
        // Another corpus with the same articles but other links is read anew.
        let mut linked = corpus(&[("en.txt", EN), ("ar.txt", AR)]);
        let lexicon = "city:tehran\tcity\t\tTehran\tطهران\t\t\tuser\n";
        super::super::link(&mut linked, &[lexicon]).expect("valid lexicon");
        let out = propose(&linked, &all);
        assert!(!out.proposals.iter().any(|p| p.ar == "طهران"), "{out:?}");
    }
}
