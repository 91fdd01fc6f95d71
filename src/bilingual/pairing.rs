//! Same-story pairing: for one article, the articles in the other language that tell the same
//! story, best first, each with the evidence it shares.
//!
//! Each article is read once into a [`Signature`] (`signature.rs`): the keys that are the
//! same in both languages (numbers, calendar keys), the lexicon entities it mentions when a
//! lexicon is linked, and its name-like words. [`Pairing`]
//! indexes the signatures: shared keys and name forms to the articles that hold them, and
//! name forms by their [`SoundKey`], so a name of one script finds its spellings in the other
//! by key, then by the transliteration score (`THRESHOLD`).
//!
//! Scoring: each piece of the query's evidence (a number, a day, a name) weighs
//! `ln(1 + N / df)` over the N articles of the other language (rare evidence counts more);
//! a candidate's score is the weight it shares divided by the query's whole weight, divided
//! by the square root of its size (distinct pieces of evidence) against the average: an
//! article with many names shares some by chance. (Square root, cosine-like: on the corpus
//! pairs it gave Arabic → English top-1 0.91 where a 0.3 power gave 0.83 and 0.7 gave 0.88,
//! English → Arabic unchanged at 0.98 but for 0.7.) Capitalized English words that the
//! corpus mostly writes in lowercase ("However", title-case "Discuss") are not names.
//!
//! A shared lexicon entity (the same id in both articles: Macron / ماكرون) is one more piece
//! of evidence, weighed `ENTITY_WEIGHT × ln(1 + N / df)`; the words that spell it still
//! count as names too (an entity is a surer sign than a sound match, not a replacement for
//! it). A reason names an entity in the asked language's script and leaves out the query's
//! words that are part of its name.
//!
//! The cross-script name matches of a name form are worked out once per form and kept
//! ([`Pairing`]'s `links`), so pairing every article of a corpus (story clusters) aligns
//! each distinct name once, not once per article holding it.

pub use super::signature::{sign, sign_linked, Lang, Signature};
use super::translit::{
    lengths_compatible, score_at_least, ArabicName, LatinName, SoundKey, THRESHOLD,
};
use crate::index::DocId;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// How much a shared lexicon entity weighs against a shared number or name of the same
/// rarity. Tuned on the even-numbered corpus pairs (`tests/pairing.rs`), checked on the odd.
pub const ENTITY_WEIGHT: f32 = 1.0;

/// Name forms of one language: their sound keys and the articles holding them.
struct Names<N> {
    forms: Vec<N>,
    ids: FxHashMap<N, u32>,
    by_key: FxHashMap<SoundKey, Vec<u32>>,
    docs: Vec<Vec<u32>>,
}

impl<N> Default for Names<N> {
    fn default() -> Self {
        Names {
            forms: Vec::new(),
            ids: FxHashMap::default(),
            by_key: FxHashMap::default(),
            docs: Vec::new(),
        }
    }
}

impl<N: Clone + Eq + std::hash::Hash> Names<N> {
    fn add(&mut self, form: &N, key: impl FnOnce() -> SoundKey, doc: u32) {
        let id = match self.ids.get(form) {
            Some(&id) => id,
            None => {
                let id = self.forms.len() as u32;
                self.forms.push(form.clone());
                self.ids.insert(form.clone(), id);
                self.by_key.entry(key()).or_default().push(id);
                self.docs.push(Vec::new());
                id
            }
        };
        let docs = &mut self.docs[id as usize];
        if docs.last() != Some(&doc) {
            docs.push(doc);
        }
    }
}

/// One candidate of [`Pairing::pair`].
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The article's number in the order it was added.
    pub doc: u32,
    pub score: f32,
    /// The query's evidence it shares, weightiest first, as the query writes it.
    pub shared: Vec<String>,
}

/// The signatures of a set of articles, indexed for pairing.
#[derive(Default)]
pub struct Pairing {
    langs: Vec<Option<Lang>>,
    /// Per article: its distinct pieces of evidence (keys, names, words).
    sizes: Vec<u32>,
    /// Per language: shared key → articles.
    exact: [FxHashMap<String, Vec<u32>>; 2],
    /// Per language: lexicon entity id → articles.
    entities: [FxHashMap<String, Vec<u32>>; 2],
    /// The weight of a shared entity against other evidence ([`ENTITY_WEIGHT`]).
    entity_weight: Option<f32>,
    latin: Names<LatinName>,
    arabic: Names<ArabicName>,
    /// English words by the number of articles writing them in lowercase.
    lowercase: FxHashMap<LatinName, u32>,
    /// Per language: articles and their summed sizes.
    count: [u32; 2],
    items: [u64; 2],
    /// Name form → the other script's forms the matcher judges the same, worked out on
    /// first use: English form ids (`latin`), Arabic form ids (`arabic`).
    links: RefCell<[FxHashMap<u32, Box<[u32]>>; 2]>,
    /// Name alignments tried, for the work counts of [`Pairing::ranked`].
    alignments: std::cell::Cell<u64>,
}

impl Pairing {
    pub fn new() -> Pairing {
        Pairing::default()
    }

    /// Sets the weight of a shared entity (for tuning; [`ENTITY_WEIGHT`] otherwise).
    pub fn set_entity_weight(&mut self, weight: f32) {
        self.entity_weight = Some(weight);
    }

    /// Forgets the name links worked out so far: an index that grew may hold forms they
    /// lack.
    fn forget_links(&mut self) {
        for side in self.links.get_mut() {
            side.clear();
        }
    }

    /// Adds an article (its number is the count of articles added before it). An article in
    /// neither language is counted but never a candidate.
    pub fn add(&mut self, lang: Option<Lang>, signature: Option<&Signature>) -> u32 {
        let doc = self.langs.len() as u32;
        self.langs.push(lang);
        let (Some(lang), Some(sig)) = (lang, signature) else {
            self.sizes.push(0);
            return doc;
        };
        let items =
            (sig.exact.len() + sig.entities.len() + sig.latin.len() + sig.arabic.len()) as u32;
        self.sizes.push(items);
        self.count[lang.index()] += 1;
        self.items[lang.index()] += u64::from(items);
        for (key, _) in &sig.exact {
            let docs = self.exact[lang.index()].entry(key.clone()).or_default();
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
        for (id, _) in &sig.entities {
            let docs = self.entities[lang.index()].entry(id.clone()).or_default();
            if docs.last() != Some(&doc) {
                docs.push(doc);
            }
        }
        for (_, name) in &sig.latin {
            self.latin.add(name, || name.key(), doc);
        }
        for word in &sig.lowercase {
            *self.lowercase.entry(word.clone()).or_default() += 1;
        }
        for (_, forms) in &sig.arabic {
            for form in forms.iter() {
                self.arabic.add(form, || form.key(), doc);
            }
        }
        doc
    }

    /// The articles in the other language than `sig`'s, best first, at most `limit`;
    /// `exclude` (the query's own number, if it was added) is never a candidate. Entities
    /// in a reason are named in the query's language.
    pub fn pair(&self, sig: &Signature, exclude: Option<u32>, limit: usize) -> Vec<Candidate> {
        self.pair_shown(sig, exclude, limit, sig.lang)
    }

    /// As [`Pairing::pair`], with entities in a reason named in `shown`'s script.
    pub fn pair_shown(
        &self,
        sig: &Signature,
        exclude: Option<u32>,
        limit: usize,
        shown: Lang,
    ) -> Vec<Candidate> {
        self.ranked(sig, exclude, shown, limit, &mut 0)
    }

    /// The first `limit` articles in the other language sharing evidence with `sig`, best
    /// first; `work` counts the candidates scored and names aligned.
    pub(super) fn ranked(
        &self,
        sig: &Signature,
        exclude: Option<u32>,
        shown: Lang,
        limit: usize,
        work: &mut u64,
    ) -> Vec<Candidate> {
        let aligned = self.alignments.get();
        let target = sig.lang.other();
        let n = self.count[target.index()];
        if n == 0 {
            return Vec::new();
        }
        // Each piece of evidence: (as shown, the target articles holding it, its weight
        // factor, whether it is a word an entity's name may cover in a reason).
        let mut evidence: Vec<(&str, Vec<u32>, f32, bool)> = Vec::new();
        for (key, surface) in &sig.exact {
            if let Some(docs) = self.exact[target.index()].get(key) {
                evidence.push((surface, docs.clone(), 1.0, false));
            }
        }
        let entity_weight = self.entity_weight.unwrap_or(ENTITY_WEIGHT);
        for (id, names) in &sig.entities {
            if let Some(docs) = self.entities[target.index()].get(id) {
                let name = &names[shown.index()];
                let name = if name.is_empty() {
                    &names[1 - shown.index()]
                } else {
                    name
                };
                evidence.push((name, docs.clone(), entity_weight, false));
            }
        }
        match sig.lang {
            Lang::En => {
                for (surface, name) in sig.latin.iter().filter(|(_, n)| !self.is_word(n)) {
                    let docs = self.latin_matches(name);
                    if !docs.is_empty() {
                        evidence.push((surface, docs, 1.0, true));
                    }
                }
            }
            Lang::Ar => {
                for (surface, forms) in &sig.arabic {
                    let mut docs = Vec::new();
                    for form in forms.iter() {
                        docs.extend(self.arabic_matches(form));
                    }
                    docs.sort_unstable();
                    docs.dedup();
                    if !docs.is_empty() {
                        evidence.push((surface, docs, 1.0, true));
                    }
                }
            }
        }
        // Sums in a dense vector by article (touched ones listed): one add per holder.
        let mut total = 0.0f32;
        let mut sums = vec![0.0f32; self.langs.len()];
        let mut touched = Vec::new();
        let weights: Vec<f32> = evidence
            .iter()
            .map(|(_, docs, factor, _)| {
                if docs.is_empty() {
                    0.0
                } else {
                    factor * (1.0f32 + n as f32 / docs.len() as f32).ln()
                }
            })
            .collect();
        for ((_, docs, _, _), &weight) in evidence.iter().zip(&weights) {
            if weight <= 0.0 {
                continue;
            }
            total += weight;
            for &doc in docs {
                if Some(doc) == exclude {
                    continue;
                }
                let Some(sum) = sums.get_mut(doc as usize) else {
                    continue;
                };
                if *sum == 0.0 {
                    touched.push(doc);
                }
                *sum += weight;
            }
        }
        let average = self.items[target.index()] as f32 / n as f32;
        *work += touched.len() as u64 + (self.alignments.get() - aligned);
        let mut out: Vec<Candidate> = touched
            .into_iter()
            .map(|doc| {
                let length = self.sizes[doc as usize] as f32 / average.max(1.0);
                Candidate {
                    doc,
                    score: sums[doc as usize] / total / length.max(0.05).sqrt(),
                    shared: Vec::new(),
                }
            })
            .collect();
        // The first `limit` picked before they are sorted: thousands may share a name.
        let order =
            |a: &Candidate, b: &Candidate| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
        if limit < out.len() {
            if limit > 0 {
                out.select_nth_unstable_by(limit - 1, order);
            }
            out.truncate(limit);
        }
        out.sort_by(order);
        // The reason, for the candidates kept only: the evidence each holds, weightiest
        // first, without the words an entity already names.
        let mut hidden: Vec<Option<bool>> = vec![None; evidence.len()];
        for c in &mut out {
            let mut held: Vec<(f32, usize)> = evidence
                .iter()
                .enumerate()
                .filter(|(k, e)| {
                    e.1.binary_search(&c.doc).is_ok()
                        && !*hidden[*k].get_or_insert_with(|| e.3 && sig.covered(e.0))
                })
                .map(|(k, _)| (weights[k], k))
                .collect();
            held.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            c.shared = held
                .iter()
                .map(|&(_, k)| evidence[k].0.to_string())
                .collect();
        }
        out
    }

    /// The Arabic articles holding a name the matcher judges the same as English `name`.
    fn latin_matches(&self, name: &LatinName) -> Vec<u32> {
        let id = self.latin.ids.get(name).copied();
        let forms = self.known_forms(0, id, || self.find_arabic(name));
        self.docs_of(&self.arabic, &forms)
    }

    /// The English articles holding a name (not a common word) the matcher judges the
    /// same as Arabic `form`.
    fn arabic_matches(&self, form: &ArabicName) -> Vec<u32> {
        let id = self.arabic.ids.get(form).copied();
        let forms = self.known_forms(1, id, || self.find_latin(form));
        self.docs_of(&self.latin, &forms)
    }

    /// The other language's name forms matching name `id` of one language (`side` 0:
    /// English, 1: Arabic), found by `find` once per indexed name and kept in `links`; a
    /// name the index lacks (`None`) is matched afresh each time.
    fn known_forms(
        &self,
        side: usize,
        id: Option<u32>,
        find: impl FnOnce() -> Vec<u32>,
    ) -> Box<[u32]> {
        let Some(id) = id else {
            return find().into();
        };
        let known = self.links.borrow()[side].get(&id).cloned();
        known.unwrap_or_else(|| {
            let forms: Box<[u32]> = find().into();
            self.links.borrow_mut()[side].insert(id, forms.clone());
            forms
        })
    }

    fn find_arabic(&self, name: &LatinName) -> Vec<u32> {
        self.block(&self.arabic, name.key())
            .iter()
            .copied()
            .filter(|&f| same(name, &self.arabic.forms[f as usize]))
            .collect()
    }

    /// The forms of `names` under sound key `key`, each one alignment the matcher will try
    /// (counted in `alignments`, the work figure).
    fn block<'a, N>(&self, names: &'a Names<N>, key: SoundKey) -> &'a [u32] {
        let block = names.by_key.get(&key).map_or(&[][..], Vec::as_slice);
        self.alignments
            .set(self.alignments.get() + block.len() as u64);
        block
    }

    fn find_latin(&self, form: &ArabicName) -> Vec<u32> {
        self.block(&self.latin, form.key())
            .iter()
            .copied()
            .filter(|&f| {
                let l = &self.latin.forms[f as usize];
                !self.is_word(l) && same(l, form)
            })
            .collect()
    }

    /// The articles holding any of `forms`, sorted and distinct.
    fn docs_of<N>(&self, names: &Names<N>, forms: &[u32]) -> Vec<u32> {
        let mut docs = Vec::new();
        for &f in forms {
            docs.extend_from_slice(&names.docs[f as usize]);
        }
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// The articles (both languages) that mention lexicon entity `id`.
    pub(super) fn entity_count(&self, id: &str) -> usize {
        self.entities
            .iter()
            .filter_map(|m| m.get(id))
            .map(Vec::len)
            .sum()
    }

    /// Whether a capitalized English word is mostly a common word in the corpus: written in
    /// lowercase in at least half as many articles as capitalized.
    fn is_word(&self, name: &LatinName) -> bool {
        let lower = self.lowercase.get(name).copied().unwrap_or(0);
        let capital = self
            .latin
            .ids
            .get(name)
            .map_or(0, |&id| self.latin.docs[id as usize].len());
        lower > 0 && 2 * lower as usize >= capital
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.langs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.langs.is_empty()
    }

    /// The language of article `doc`, if it has one pairing knows.
    pub fn lang(&self, doc: u32) -> Option<Lang> {
        self.langs.get(doc as usize).copied().flatten()
    }
}

/// Whether the transliteration matcher judges two prepared names one name.
fn same(latin: &LatinName, arabic: &ArabicName) -> bool {
    lengths_compatible(latin.len(), arabic.len())
        && score_at_least(latin, arabic, THRESHOLD).is_some()
}

/// A corpus's articles indexed for pairing, with the corpus id of each pairing number.
pub fn index_corpus(corpus: &crate::Corpus) -> (Pairing, Vec<crate::index::DocId>) {
    let mut pairing = Pairing::new();
    let mut ids = Vec::new();
    for summary in corpus.list(&crate::ListFilter::default()) {
        let sig = sign_in(corpus, summary.id);
        pairing.add(sig.as_ref().map(|s| s.lang), sig.as_ref());
        ids.push(summary.id);
    }
    (pairing, ids)
}

/// Article `id` of `corpus` signed, with the entities it mentions when the corpus is linked
/// to a lexicon.
pub fn sign_in(corpus: &crate::Corpus, id: crate::index::DocId) -> Option<Signature> {
    let sig = sign(&corpus.get(id)?.article)?;
    Some(
        sig.with_entities(
            corpus
                .entities(id)
                .into_iter()
                .map(|e| (e.name.id, e.name.en, e.name.ar)),
        ),
    )
}

/// One candidate for an article of a corpus: its corpus id and file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CorpusCandidate {
    pub id: crate::index::DocId,
    pub file: String,
    pub title: String,
    pub date: Option<String>,
    pub score: f32,
    pub shared: Vec<String>,
}

/// The articles of `corpus` in the other language than article `id`'s, best first (at
/// most `limit`), or `None` when there is no such article or it is in neither language.
/// The pairing index is built on first use and kept (one per thread) until the corpus's
/// articles change: it is keyed by every article's id and content hash.
pub fn pairs_in(
    corpus: &crate::Corpus,
    id: crate::index::DocId,
    limit: usize,
    shown: Option<Lang>,
) -> Option<Vec<CorpusCandidate>> {
    with_index(corpus, |pairing, ids, sigs| {
        let doc = ids.iter().position(|&d| d == id)?;
        let sig = sigs.get(doc)?.as_ref()?;
        let ranked = pairing.pair_shown(sig, Some(doc as u32), limit, shown.unwrap_or(sig.lang));
        Some(
            ranked
                .into_iter()
                .filter_map(|c| {
                    let cid = *ids.get(c.doc as usize)?;
                    let article = &corpus.get(cid)?.article;
                    Some(CorpusCandidate {
                        id: cid,
                        file: article.file.clone(),
                        title: article.title.clone(),
                        date: article.date.clone(),
                        score: c.score,
                        shared: c.shared,
                    })
                })
                .collect(),
        )
    })
}

/// A pairing index, built or being built: what it is built from, the articles still to
/// sign (corpus ids, last first), the index, the corpus id of each pairing number, and each
/// article's signature.
struct Kept {
    fingerprint: u64,
    /// The articles taken in (signed or still to sign) and the [`Articles`] hash of them,
    /// and the links generation: an index whose articles all come first, unchanged, in a
    /// corpus with the same links grows by the newer articles instead of starting again
    /// (an upload signs only what it added).
    taken: (usize, u64),
    links: u64,
    todo: Vec<DocId>,
    pairing: Pairing,
    ids: Vec<DocId>,
    sigs: Vec<Option<Signature>>,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// How far [`prepare`] has built the pairing index: articles signed of those to sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub ready: bool,
}

/// Builds `corpus`'s pairing index a slice at a time: signs articles until about `budget`
/// bytes of their text are read (at least one article), so that a caller (the page's
/// worker) can answer other requests between slices; call until `ready`. Signing is most
/// of the cost of a first [`pairs_in`] (about 0.7 ms an article in wasm). The index is kept
/// (one per thread) until the articles or the lexicon links change ([`fingerprint`]); a
/// change between slices starts it again, unless articles were only added (then only they
/// are signed).
pub fn prepare(corpus: &crate::Corpus, budget: usize) -> Progress {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept.as_ref().map_or(0, |k| k.taken.0);
        let now = Articles::of(corpus, at);
        let links = corpus.links_generation();
        let fingerprint = now.fingerprint(links);
        // The kept index goes on when its articles still come first, unchanged, and the
        // links are the same; else an empty one starts.
        let fits = kept
            .as_ref()
            .is_some_and(|k| k.links == links && now.count >= at && now.prefix == k.taken.1);
        let kept = match kept.as_mut() {
            Some(k) if fits => k,
            _ => kept.insert(Kept {
                fingerprint: Articles::EMPTY.fingerprint(links),
                taken: (0, Articles::EMPTY.hash),
                links,
                todo: Vec::new(),
                pairing: Pairing::new(),
                ids: Vec::new(),
                sigs: Vec::new(),
            }),
        };
        // Articles added since: signed after those still to sign.
        if kept.fingerprint != fingerprint {
            let mut todo: Vec<DocId> = corpus.ids().skip(kept.taken.0).collect();
            todo.reverse();
            todo.append(&mut kept.todo);
            kept.todo = todo;
            kept.taken = (now.count, now.hash);
            kept.fingerprint = fingerprint;
            kept.pairing.forget_links();
        }
        let mut read = 0usize;
        while read < budget.max(1) {
            let Some(id) = kept.todo.pop() else { break };
            read += corpus.get(id).map_or(0, |s| {
                s.article.title.len() + s.article.paragraphs.iter().map(String::len).sum::<usize>()
            });
            let sig = sign_in(corpus, id);
            kept.pairing.add(sig.as_ref().map(|s| s.lang), sig.as_ref());
            kept.ids.push(id);
            kept.sigs.push(sig);
        }
        Progress {
            done: kept.ids.len(),
            total: kept.ids.len() + kept.todo.len(),
            ready: kept.todo.is_empty(),
        }
    })
}

/// Calls `f` with `corpus`'s pairing index, its corpus ids and signatures by pairing number,
/// built first as far as [`prepare`] has not.
pub(super) fn with_index<R>(
    corpus: &crate::Corpus,
    f: impl FnOnce(&Pairing, &[DocId], &[Option<Signature>]) -> R,
) -> R {
    prepare(corpus, usize::MAX);
    KEPT.with(|kept| {
        let kept = kept.borrow();
        let kept = kept.as_ref().expect("prepare leaves an index");
        f(&kept.pairing, &kept.ids, &kept.sigs)
    })
}

/// A hash of every article's id and content hash and of the entity links (a lexicon
/// loaded or changed relinks): what a kept pairing index was built from.
pub fn fingerprint(corpus: &crate::Corpus) -> u64 {
    Articles::of(corpus, 0).fingerprint(corpus.links_generation())
}

/// A corpus's articles, hashed in id order (FNV-1a of each id and content hash): their
/// count, the hash of them all, and the hash of the first `at` of them.
struct Articles {
    count: usize,
    hash: u64,
    prefix: u64,
}

impl Articles {
    const EMPTY: Articles = Articles {
        count: 0,
        hash: crate::hash::OFFSET,
        prefix: crate::hash::OFFSET,
    };

    fn of(corpus: &crate::Corpus, at: usize) -> Articles {
        let mut hash = crate::hash::OFFSET;
        let mut prefix = hash;
        let mut count = 0;
        // Read in place (no summaries made): the page's worker asks once per slice of `prepare`.
        for id in corpus.ids() {
            if count == at {
                prefix = hash;
            }
            hash = crate::hash::fnv1a_from(hash, &id.to_le_bytes());
            let content = corpus.get(id).map_or("", |s| s.hash.as_str());
            hash = crate::hash::fnv1a_from(hash, content.as_bytes());
            count += 1;
        }
        if count == at {
            prefix = hash;
        }
        Articles {
            count,
            hash,
            prefix,
        }
    }

    fn fingerprint(&self, links: u64) -> u64 {
        crate::hash::fnv1a_from(self.hash, &links.to_le_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> crate::Corpus {
        let mut corpus = crate::Corpus::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path).unwrap();
            corpus.add_bytes(&path.to_string_lossy(), &bytes);
        }
        corpus
    }

    #[test]
    fn pairs_in_a_corpus_follow_its_changes() {
        let mut corpus = seeds();
        let list = corpus.list(&crate::ListFilter::default());
        let id_of = |prefix: &str| {
            list.iter()
                .find(|s| s.file.contains(prefix))
                .map(|s| s.id)
                .unwrap()
        };
        let (english, arabic) = (id_of("/000_"), id_of("/001_"));
        let first = pairs_in(&corpus, english, 3, None).unwrap();
        assert_eq!(first[0].id, arabic, "{first:?}");
        assert!(first.iter().all(|c| c.id != english));
        // The cache is rebuilt when an article goes.
        corpus.remove(arabic).unwrap();
        let after = pairs_in(&corpus, english, 3, None).unwrap();
        assert!(after.iter().all(|c| c.id != arabic), "{after:?}");
        assert_eq!(pairs_in(&corpus, 9_999, 3, None), None);
    }

    #[test]
    fn the_index_is_built_in_slices_and_started_again_on_a_change() {
        let corpus = seeds();
        let ids: Vec<DocId> = corpus.ids().collect();
        let n = ids.len();
        let whole = pairs_in(&corpus, ids[0], 3, None).unwrap();
        let whole_putin = pairs_in(&corpus, ids[2], 3, None).unwrap();
        // Another corpus (the kept index is for the seeds as they are).
        let mut other = seeds();
        other.remove(ids[n - 1]).unwrap();
        // One byte a slice: one article a call, progress counted in articles.
        let first = prepare(&other, 1);
        assert_eq!((first.done, first.total, first.ready), (1, n - 1, false));
        // A change between slices: the build starts again on what the corpus now holds.
        other.remove(ids[n - 2]).unwrap();
        let again = prepare(&other, 1);
        assert_eq!((again.done, again.total), (1, n - 2));
        let mut calls = 1;
        while !prepare(&other, 1).ready {
            calls += 1;
        }
        assert_eq!(calls, n - 3, "one article a call, the last call says ready");
        // Names linked on the smaller index (002 names Putin, whom only 004 writes in
        // Arabic), then articles only added: the index grows, signing just the two new ones,
        // and answers as an index built whole.
        let before = pairs_in(&other, ids[2], 3, None).unwrap();
        assert!(before.iter().all(|c| c.id != ids[n - 1]));
        let back = seeds();
        let grown = prepare(&back, 1);
        assert_eq!((grown.done, grown.total, grown.ready), (n - 1, n, false));
        assert!(prepare(&back, 1).ready);
        assert_eq!(pairs_in(&back, ids[0], 3, None).unwrap(), whole);
        assert_eq!(pairs_in(&back, ids[2], 3, None).unwrap(), whole_putin);
    }
}
