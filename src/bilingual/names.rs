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
    /// Occurrences, and those written with the article (ال): a common noun takes it, a
    /// person's name almost never.
    seen: u32,
    definite: u32,
}

/// Every candidate of a corpus, both languages: read once per state of the corpus and its
/// links ([`super::pairing::fingerprint`]) and kept, so a proposal for one article does not
/// read the whole corpus again.
struct Read {
    latins: FxHashMap<String, Latin>,
    arabs: FxHashMap<String, Arab>,
    /// English and Arabic articles read.
    articles: (u32, u32),
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
    let mut articles = (0, 0);
    for id in ids {
        let Some(stored) = corpus.get(id) else {
            continue;
        };
        let article = &stored.article;
        let texts = std::iter::once(article.title.as_str())
            .chain(article.paragraphs.iter().map(String::as_str));
        match article.lang.as_str() {
            "en" => {
                articles.0 += 1;
                for (n, text) in texts.enumerate() {
                    read_latin(text, id, n == 0, &known, &mut latins, &mut lowercase);
                }
            }
            "ar" => {
                articles.1 += 1;
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
    Read {
        latins,
        arabs,
        articles,
    }
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
    // Each side in one proposal at most, chosen by transliteration score, then by rank,
    // then the longer Latin name ("Le Drian" over "Drian"); the proposals are listed by rank.
    let ranked: Vec<f32> = pairs
        .iter()
        .map(|&(li, ai, score)| rank(score, latin_list[li], arab_list[ai], read.articles))
        .collect();
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| {
        let ((lx, ax, sx), (ly, ay, sy)) = (pairs[x], pairs[y]);
        sy.total_cmp(&sx)
            .then(ranked[y].total_cmp(&ranked[x]))
            .then(latin_list[ly].shown.len().cmp(&latin_list[lx].shown.len()))
            .then(latin_list[lx].shown.cmp(&latin_list[ly].shown))
            .then(arab_list[ax].form.cmp(&arab_list[ay].form))
    });
    let (mut used_latin, mut used_arabic) = (FxHashSet::default(), FxHashSet::default());
    order.retain(|&k| used_latin.insert(pairs[k].0) && used_arabic.insert(pairs[k].1));
    order.sort_by(|&x, &y| ranked[y].total_cmp(&ranked[x]).then(x.cmp(&y)));
    for k in order.into_iter().take(limit) {
        let (li, ai, score) = pairs[k];
        let (l, a) = (latin_list[li], arab_list[ai]);
        out.proposals.push(Proposal {
            en: l.shown.clone(),
            ar: a.form.clone(),
            score: (score * 1000.0).round() / 1000.0,
            en_articles: l.docs.len() as u32,
            ar_articles: a.docs.len() as u32,
        });
    }
    out
}

/// How a pair ranks: its transliteration score, weighed by what the corpus says of it.
/// - Balance: one name is in about the same share of each language's articles; a common
///   Arabic word that sounds like a rare English capital (ليس, سوق: "Leys", "Souq") is in
///   far more Arabic articles.
/// - Support: the fewer articles hold the rarer side, the likelier the sounds meet by chance.
/// - Capitals: a name is written capitalized wherever its capital says something; a word
///   also written in lowercase ("Park", "Film") is less likely one.
/// - The article: a common Arabic noun is mostly written with ال, a person's name almost
///   never (a place's may be, so it costs half the rank at most).
fn rank(score: f32, l: &Latin, a: &Arab, (en, ar): (u32, u32)) -> f32 {
    let share = |docs: usize, of: u32| docs as f32 / of.max(1) as f32;
    let (e, r) = (share(l.docs.len(), en), share(a.docs.len(), ar));
    let balance = e.min(r) / e.max(r).max(f32::MIN_POSITIVE);
    let support = l.docs.len().min(a.docs.len()) as f32;
    let capitals = l.capital as f32 / (l.capital + l.lower).max(1) as f32;
    let definite = a.definite as f32 / a.seen.max(1) as f32;
    score * balance.sqrt() * (2.0 + support).ln() * capitals * (1.0 - definite / 2.0)
}

/// A word of a Latin run: its text without a possessive, and whether it is a particle; a
/// word that is neither a particle nor may be a name ([`latin_name_word`]) ends the run.
fn latin_word(word: &str) -> Option<(&str, bool)> {
    if PARTICLES.contains(&latin::normalize(word).as_str()) {
        return Some((without_possessive(word), true));
    }
    if spelled_out(word) {
        return None;
    }
    latin_name_word(word).map(|(shown, _)| (shown, false))
}

/// An acronym read letter by letter (TRT, GMT, SDF: all capitals, three letters at most or
/// no vowel). Its Arabic is the letters' names (تي آر تي), so no sound-alike Arabic word
/// is it; a word-like acronym (NATO ~ ناتو) stays a candidate.
fn spelled_out(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && (letters.len() <= 3 || !letters.iter().any(|c| "AEIOUY".contains(*c)))
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
            Some((w, particle)) if particle || !is_known(known, &latin::normalize(w)) => {
                run.push((w, particle, initial))
            }
            _ => flush(&mut run),
        }
    });
    flush(&mut run);
}

/// Whether a normalized Latin word is a known name's word, or one with an `s` after it: a
/// possessive whose apostrophe was lost on the way ("Turkeys", "PKKs" in the shared corpus).
fn is_known(known: &FxHashSet<String>, lower: &str) -> bool {
    known.contains(lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|stem| known.contains(stem))
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
            let definite = normalized
                .strip_suffix(form.as_str())
                .is_some_and(|before| before.ends_with("ال") || before.ends_with("لل"));
            let entry = arabs.entry(form).or_insert_with_key(|form| Arab {
                form: form.clone(),
                name,
                docs: Vec::new(),
                seen: 0,
                definite: 0,
            });
            note(&mut entry.docs, id);
            entry.seen += 1;
            entry.definite += u32::from(definite);
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
    fn acronyms_read_letter_by_letter_are_no_candidates() {
        for word in ["TRT", "GMT", "SDF", "PKK", "BBC", "SKRT"] {
            assert!(spelled_out(word), "{word}");
            assert_eq!(latin_word(word), None, "{word}");
        }
        for word in ["NATO", "UNICEF", "Nato", "Trt", "A"] {
            assert!(!spelled_out(word), "{word}");
        }
    }

    #[test]
    fn a_known_name_with_a_lost_apostrophe_is_known() {
        let known: FxHashSet<String> = ["turkey".to_string()].into_iter().collect();
        assert!(is_known(&known, "turkey") && is_known(&known, "turkeys"));
        assert!(!is_known(&known, "turk") && !is_known(&known, "turkeyss"));
    }

    #[test]
    fn a_name_in_both_languages_outranks_a_common_word_that_sounds_alike() {
        // The shared corpus's figures: 804 English and 3,583 Arabic articles. "Leys" is a
        // rare capital, ليس ("is not") is in a tenth of the Arabic articles; Mistura is in
        // about a hundredth of each.
        let latin = |name: &str, docs: u32, capital: u32, lower: u32| Latin {
            shown: name.to_string(),
            name: LatinName::new(&name.to_lowercase()),
            docs: (0..docs).collect(),
            capital,
            lower,
        };
        let arab = |form: &str, docs: u32, seen: u32, definite: u32| Arab {
            form: form.to_string(),
            name: ArabicName::normalized(form.chars()),
            docs: (0..docs).collect(),
            seen,
            definite,
        };
        let ranked = |l: Latin, a: Arab| rank(1.0, &l, &a, (804, 3583));
        let name = ranked(latin("Mistura", 9, 20, 0), arab("ميستورا", 44, 60, 0));
        let common = ranked(latin("Leys", 5, 5, 0), arab("ليس", 391, 900, 0));
        assert!(name > 2.0 * common, "{name} against {common}");
        // The same pair, less likely when the English word is also written in lowercase
        // or the Arabic one mostly takes the article.
        let lowered = ranked(latin("Mistura", 9, 20, 20), arab("ميستورا", 44, 60, 0));
        let definite = ranked(latin("Mistura", 9, 20, 0), arab("ميستورا", 44, 60, 60));
        assert!(lowered < name && definite < name);
        // And a pair one article holds on each side is likelier chance than one of nine.
        let once = ranked(latin("Mistura", 1, 1, 0), arab("ميستورا", 4, 4, 0));
        assert!(once < name);
    }

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
