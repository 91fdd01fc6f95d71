//! The aligned reader's alignment of 2–4 articles, in any languages: which paragraphs of
//! two articles tell the same thing, and, for translations, which sentences match.
//!
//! Each sentence is reduced to its anchors: the lexicon entities it names, its numbers
//! (Arabic-Indic digits folded, so ٢٤٠١ meets 2401) and its name-like words (English
//! capitalized words; Arabic words without their clitics). A name of one script becomes
//! an anchor of the other when the transliteration matcher judges them one name (روحاني ~
//! Rouhani), looked up by sound key as pairing does.
//!
//! Sentences are aligned by dynamic programming in the manner of Gale and Church (1993):
//! beads of 1–1, 1–0, 0–1, 2–1 and 1–2 sentences, each costing the minus log of its prior,
//! plus how unlikely the two lengths are for one translation (the length ratio is the two
//! articles' own, so Arabic's shorter spelling needs no constant), minus a reward for each
//! anchor the bead's two sides share. Articles whose alignment looks like a translation
//! (similar sentence counts and many anchored beads) keep every 1–1/2–1/1–2 bead as a link;
//! other articles keep only anchored ones. Paragraphs are linked when they share anchors
//! (weighted cosine), and when a sentence link joins them.
//!
//! Offsets are given in UTF-16 code units of each paragraph, as the page cuts its text.

use super::beads::sentence_beads;
use super::name_words::{arabic_forms, arabic_may_hold_name, latin_name_word};
use super::sentences::{self, Utf16};
use super::translit::{score_at_least, ArabicName, LatinName, SoundKey, THRESHOLD};
use crate::analysis::normalize::{arabic, ascii_digit};
use crate::analysis::script::{self, Script};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// At most this many sentence pairs are compared per article pair (work is counted, not
/// timed: wasm has no clock); longer pairs get paragraph links only.
pub(super) const MAX_CELLS: usize = 4_000_000;
/// What one shared anchor takes off a bead's cost.
pub(super) const ANCHOR_REWARD: f64 = 2.5;
/// A paragraph link needs at least this weighted cosine.
const MIN_PARAGRAPH_SCORE: f64 = 0.12;
/// Paragraph links kept per paragraph, best first.
const LINKS_PER_PARAGRAPH: usize = 3;

/// One article to align: its paragraphs and, per paragraph, the entity mentions found in it
/// (byte ranges and the entity's number).
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub paragraphs: Vec<String>,
    pub mentions: Vec<Vec<(usize, usize, u32)>>,
}

/// A mention as the page draws it: UTF-16 offsets into its paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub entity: String,
    pub start: usize,
    pub end: usize,
}

/// A sentence's UTF-16 range in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub mentions: Vec<Span>,
    pub sentences: Vec<Range>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub paragraphs: Vec<Paragraph>,
}

/// Paragraph `pa` of article `a` and paragraph `pb` of article `b` tell the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub a: usize,
    pub pa: usize,
    pub b: usize,
    pub pb: usize,
    pub score: f32,
    /// The anchors both name: entity ids, numbers, names as written.
    pub shared: Vec<String>,
}

/// Sentence `sa` of paragraph `pa` of article `a` matches sentence `sb` of `pb` of `b`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceLink {
    pub a: usize,
    pub pa: usize,
    pub sa: usize,
    pub b: usize,
    pub pb: usize,
    pub sb: usize,
    /// How many anchors the bead shares.
    pub shared: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub articles: Vec<Article>,
    pub links: Vec<Link>,
    #[serde(rename = "sentenceLinks")]
    pub sentence_links: Vec<SentenceLink>,
    /// Per article pair `(a, b)`: whether it was aligned as a translation.
    #[serde(skip)]
    pub parallel: Vec<(usize, usize, bool)>,
}

/// A sentence as alignment sees it.
#[derive(Debug, Clone, Default)]
pub(super) struct Unit {
    paragraph: usize,
    index: usize,
    pub(super) chars: usize,
    /// Entities and numbers: the same in every pair.
    fixed: Vec<Anchor>,
    /// Latin names (lowercase) and Arabic words (forms without clitics).
    latin: Vec<(String, String)>,
    arabic: Vec<(String, Vec<ArabicName>)>,
}

/// What two units may share.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Anchor {
    Entity(u32),
    Number(String),
    Name(String),
}

impl Anchor {
    fn weight(&self) -> f64 {
        match self {
            Anchor::Entity(_) => 1.0,
            Anchor::Number(n) if n.len() == 1 => 0.5,
            Anchor::Number(_) => 1.0,
            Anchor::Name(_) => 0.7,
        }
    }
}

/// Aligns `docs` pairwise; `entity_id` names entity numbers for the output.
pub fn align(docs: &[Doc], entity_id: impl Fn(u32) -> String) -> Alignment {
    let units: Vec<Vec<Unit>> = docs.iter().map(units_of).collect();
    let mut out = Alignment {
        articles: docs.iter().map(|d| render(d, &entity_id)).collect(),
        links: Vec::new(),
        sentence_links: Vec::new(),
        parallel: Vec::new(),
    };
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            let (ua, ub) = anchored(&units[a], &units[b]);
            let (beads, parallel) = sentence_beads((&units[a], &units[b]), (&ua, &ub));
            out.parallel.push((a, b, parallel));
            let mut joined = FxHashSet::default();
            for (i, j, shared) in beads {
                let (x, y) = (&units[a][i], &units[b][j]);
                joined.insert((x.paragraph, y.paragraph));
                out.sentence_links.push(SentenceLink {
                    a,
                    pa: x.paragraph,
                    sa: x.index,
                    b,
                    pb: y.paragraph,
                    sb: y.index,
                    shared,
                });
            }
            paragraph_links(
                a,
                b,
                docs,
                &units,
                (&ua, &ub),
                &joined,
                &entity_id,
                &mut out.links,
            );
        }
    }
    out
}

/// Mentions and sentences in UTF-16 units, per paragraph.
fn render(doc: &Doc, entity_id: &impl Fn(u32) -> String) -> Article {
    let paragraphs = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(p, text)| {
            let mut mentions: Vec<(usize, usize, u32)> =
                doc.mentions.get(p).cloned().unwrap_or_default();
            mentions.sort_unstable();
            let mut spans = Vec::new();
            let mut u = Utf16::new(text);
            for (s, e, entity) in mentions {
                if s < e && e <= text.len() {
                    let start = u.at(s);
                    spans.push(Span {
                        entity: entity_id(entity),
                        start,
                        end: u.at(e),
                    });
                }
            }
            let mut u = Utf16::new(text);
            let sentences = sentences::split(text)
                .into_iter()
                .map(|(s, e)| Range {
                    start: u.at(s),
                    end: u.at(e),
                })
                .collect();
            Paragraph {
                mentions: spans,
                sentences,
            }
        })
        .collect();
    Article { paragraphs }
}

/// The sentences of `doc`, in order, with the anchors every pairing shares.
fn units_of(doc: &Doc) -> Vec<Unit> {
    let mut out = Vec::new();
    for (p, text) in doc.paragraphs.iter().enumerate() {
        let mentions = doc.mentions.get(p).map_or(&[][..], Vec::as_slice);
        for (index, (s, e)) in sentences::split(text).into_iter().enumerate() {
            let mut unit = Unit {
                paragraph: p,
                index,
                chars: text[s..e].chars().count(),
                ..Unit::default()
            };
            for &(ms, me, entity) in mentions {
                if ms >= s && me <= e {
                    unit.fixed.push(Anchor::Entity(entity));
                }
            }
            crate::analysis::each_raw_word(&text[s..e], |ws, we| {
                let (ws, we) = (s + ws, s + we);
                let word = &text[ws..we];
                let in_mention = mentions.iter().any(|&(ms, me, _)| ws < me && ms < we);
                match word.chars().find_map(script::of_char) {
                    None => {
                        let digits: String = word.chars().filter_map(ascii_digit).collect();
                        if !digits.is_empty() {
                            unit.fixed
                                .push(Anchor::Number(digits.trim_start_matches('0').to_string()));
                        }
                    }
                    Some(_) if in_mention => {}
                    Some(Script::Latin) => {
                        if let Some((shown, lower)) = latin_name_word(word) {
                            unit.latin.push((shown.to_string(), lower));
                        }
                    }
                    Some(Script::Arabic) => {
                        let normalized = arabic::normalize(word);
                        if arabic_may_hold_name(&normalized) {
                            let forms = arabic_forms(&normalized);
                            unit.arabic.push((word.to_string(), forms));
                        }
                    }
                    Some(_) => {}
                }
            });
            unit.fixed.sort();
            unit.fixed.dedup();
            out.push(unit);
        }
    }
    out
}

/// Every unit's anchors for this pair: the fixed ones plus names, matched within a script
/// by spelling and across scripts by transliteration (an Arabic word gets the anchor of the
/// other article's Latin name it spells).
fn anchored(a: &[Unit], b: &[Unit]) -> (Vec<Vec<Anchor>>, Vec<Vec<Anchor>>) {
    let latin_of = |units: &[Unit]| -> FxHashMap<String, LatinName> {
        units
            .iter()
            .flat_map(|u| u.latin.iter())
            .map(|(_, lower)| (lower.clone(), LatinName::new(lower)))
            .collect()
    };
    let (latin_a, latin_b) = (latin_of(a), latin_of(b));
    let keyed = |names: &FxHashMap<String, LatinName>| {
        let mut by_key: FxHashMap<SoundKey, Vec<(String, LatinName)>> = FxHashMap::default();
        for (lower, name) in names {
            by_key
                .entry(name.key())
                .or_default()
                .push((lower.clone(), name.clone()));
        }
        by_key
    };
    let (keyed_a, keyed_b) = (keyed(&latin_a), keyed(&latin_b));
    let mut cache: FxHashMap<(bool, String), Vec<String>> = FxHashMap::default();
    let mut anchors =
        |units: &[Unit], other: &FxHashMap<SoundKey, Vec<(String, LatinName)>>, side: bool| {
            units
                .iter()
                .map(|u| {
                    let mut list = u.fixed.clone();
                    list.extend(u.latin.iter().map(|(_, lower)| Anchor::Name(lower.clone())));
                    for (word, forms) in &u.arabic {
                        if let Some(stem) = forms.last() {
                            list.push(Anchor::Name(stem.letters().iter().collect()));
                        }
                        let names = cache.entry((side, word.clone())).or_insert_with(|| {
                            let mut found = Vec::new();
                            for form in forms {
                                for (lower, name) in
                                    other.get(&form.key()).map_or(&[][..], Vec::as_slice)
                                {
                                    if score_at_least(name, form, THRESHOLD).is_some()
                                        && !found.contains(lower)
                                    {
                                        found.push(lower.clone());
                                    }
                                }
                            }
                            found
                        });
                        list.extend(names.iter().cloned().map(Anchor::Name));
                    }
                    list.sort();
                    list.dedup();
                    list
                })
                .collect::<Vec<_>>()
        };
    let ua = anchors(a, &keyed_b, false);
    let ub = anchors(b, &keyed_a, true);
    (ua, ub)
}

/// The weight two sorted anchor lists share.
pub(super) fn shared_weight(x: &[&[Anchor]], y: &[&[Anchor]]) -> (f64, usize) {
    let left: FxHashSet<&Anchor> = x.iter().flat_map(|l| l.iter()).collect();
    let right: FxHashSet<&Anchor> = y.iter().flat_map(|l| l.iter()).collect();
    let mut weight = 0.0;
    let mut n = 0;
    for anchor in left.intersection(&right) {
        weight += anchor.weight();
        n += 1;
    }
    (weight, n)
}

/// Paragraph links of articles `a` and `b`: pairs sharing anchors (weighted cosine of
/// their anchor sets at least [`MIN_PARAGRAPH_SCORE`], an entity or a number among them),
/// and pairs a sentence link joins; at most [`LINKS_PER_PARAGRAPH`] per paragraph.
#[allow(clippy::too_many_arguments)]
fn paragraph_links(
    a: usize,
    b: usize,
    docs: &[Doc],
    units: &[Vec<Unit>],
    anchors: (&[Vec<Anchor>], &[Vec<Anchor>]),
    joined: &FxHashSet<(usize, usize)>,
    entity_id: &impl Fn(u32) -> String,
    out: &mut Vec<Link>,
) {
    let gather = |doc: usize, list: &[Vec<Anchor>]| {
        let mut per: Vec<FxHashSet<Anchor>> =
            vec![FxHashSet::default(); docs[doc].paragraphs.len()];
        for (u, anchors) in units[doc].iter().zip(list) {
            per[u.paragraph].extend(anchors.iter().cloned());
        }
        per
    };
    let (pa, pb) = (gather(a, anchors.0), gather(b, anchors.1));
    let norm = |s: &FxHashSet<Anchor>| s.iter().map(Anchor::weight).sum::<f64>().sqrt();
    let mut found = Vec::new();
    for (i, x) in pa.iter().enumerate() {
        if x.is_empty() {
            continue;
        }
        for (j, y) in pb.iter().enumerate() {
            let mut shared: Vec<&Anchor> = x.intersection(y).collect();
            let weight: f64 = shared.iter().map(|s| s.weight()).sum();
            let score = if weight > 0.0 {
                weight / (norm(x) * norm(y))
            } else {
                0.0
            };
            let strong = shared.iter().any(|s| !matches!(s, Anchor::Name(_)));
            let linked = joined.contains(&(i, j));
            if !(linked || (strong && score >= MIN_PARAGRAPH_SCORE)) {
                continue;
            }
            shared.sort();
            let shared = shared
                .into_iter()
                .map(|s| match s {
                    Anchor::Entity(e) => entity_id(*e),
                    Anchor::Number(n) => n.clone(),
                    Anchor::Name(n) => n.clone(),
                })
                .collect();
            found.push(Link {
                a,
                pa: i,
                b,
                pb: j,
                score: score as f32,
                shared,
            });
        }
    }
    // Best first; each paragraph keeps its best few.
    found.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.pa, x.pb).cmp(&(y.pa, y.pb)))
    });
    let mut count_a: FxHashMap<usize, usize> = FxHashMap::default();
    let mut count_b: FxHashMap<usize, usize> = FxHashMap::default();
    let mut kept = Vec::new();
    for link in found {
        let (ca, cb) = (
            count_a.entry(link.pa).or_default(),
            count_b.entry(link.pb).or_default(),
        );
        if *ca < LINKS_PER_PARAGRAPH
            || *cb < LINKS_PER_PARAGRAPH
            || joined.contains(&(link.pa, link.pb))
        {
            *ca += 1;
            *cb += 1;
            kept.push(link);
        }
    }
    kept.sort_by_key(|l| (l.pa, l.pb));
    out.extend(kept);
}

/// Aligns articles `ids` of `corpus` (2–4 usually; unknown ids are left out) with the
/// corpus's linked entities: `None` when fewer than two articles remain.
pub fn align_in(
    corpus: &crate::Corpus,
    ids: &[crate::index::DocId],
) -> Option<(Vec<crate::index::DocId>, Alignment)> {
    let mut found = Vec::new();
    let mut docs = Vec::new();
    for &id in ids {
        let Some(stored) = corpus.get(id) else {
            continue;
        };
        let paragraphs = stored.article.paragraphs.clone();
        let mentions = paragraphs.iter().map(|p| corpus.mention_spans(p)).collect();
        docs.push(Doc {
            paragraphs,
            mentions,
        });
        found.push(id);
    }
    if docs.len() < 2 {
        return None;
    }
    let alignment = align(&docs, |e| {
        corpus
            .entity_name(e)
            .map_or_else(|| e.to_string(), |n| n.id)
    });
    Some((found, alignment))
}
