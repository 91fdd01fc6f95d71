//! A corpus: the articles and their index, kept in step. Both shells (the CLI and the wasm
//! class) do everything through this type.

use crate::analysis;
use crate::error::{Error, ErrorKind};
use crate::index::{codec, docstore_hash, DocId, DocStore, Postings, Stored};
use crate::ingest::intake::{Intake, Shelf};
use crate::ingest::{self, Article, Problem};
use crate::query::{self, SearchOptions, SearchResult};
use rustc_hash::FxHashMap;
use serde::Serialize;

pub use crate::ingest::intake::Warning;
pub use naming::{FileMatch, Named};

mod naming;

/// What `list`, `add_*` and the page show of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    pub id: DocId,
    pub file: String,
    pub title: String,
    pub lang: String,
    /// Content hash: names the article in links, whatever its id or upload order.
    pub hash: String,
}

/// The result of adding one file: the articles it gave and what went wrong.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AddReport {
    pub added: Vec<ArticleSummary>,
    /// Problems and per-article warnings, each naming its file.
    pub warnings: Vec<Warning>,
}

/// Sizes of a corpus, for the benchmarks and the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub terms: usize,
    /// Bytes of the index: posting lists, term dictionary, and per article its token
    /// counts, word marks and title forms (stored texts excluded).
    pub index_bytes: usize,
    /// Bytes of the stored texts (titles, bodies, removed parts).
    pub text_bytes: usize,
}

/// Which articles `list` returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub lang: Option<String>,
    /// Only the other articles of this article's near-duplicate group.
    pub similar_to: Option<DocId>,
}

#[derive(Clone, Debug, Default)]
pub struct Corpus {
    store: DocStore,
    postings: Postings,
    analyzer: analysis::Config,
    removed_since_compaction: usize,
    // Ingest state (see `add_bytes`): limits, metadata sidecar rows kept for files that
    // come later, and near-duplicate signatures.
    intake: Intake,
    // Entity links (the full build, once a lexicon is loaded): the entities each article
    // mentions, recorded as it is indexed.
    links: Option<query::link::Links>,
    // How many times the links were set: what a cache of link-derived data (pairing)
    // compares to know it is stale.
    links_generation: u64,
    // Any change to the articles, their metadata or links takes a new number, unique
    // across corpora (see `revision`).
    revision: u64,
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty corpus whose analyzer runs with other settings (for measurements).
    pub fn with_analyzer(analyzer: analysis::Config) -> Self {
        Corpus {
            analyzer,
            ..Self::default()
        }
    }

    /// Reads a whole file as `qarin ingest` would and adds its articles (the rules are
    /// [`ingest::intake`]'s). A metadata sidecar among the files (a CSV/TSV with a `file`
    /// column) is kept: its rows attach to matching articles already loaded and to those
    /// added later.
    pub fn add_bytes(&mut self, file: &str, bytes: &[u8]) -> AddReport {
        let mut intake = std::mem::take(&mut self.intake);
        let got = intake.add_file(self, file, bytes);
        self.intake = intake;
        AddReport {
            added: got.added,
            warnings: got.warnings,
        }
    }

    /// Sets the size limits for files added from now on.
    pub fn set_limits(&mut self, limits: ingest::Limits) {
        self.intake.limits = limits;
    }

    /// Adds an already cleaned article by the rules of [`Corpus::add_bytes`]: sidecar
    /// metadata for its file is attached, an exact duplicate of a stored one is refused,
    /// and a near-duplicate is added with `near_duplicate_of` naming the other file.
    pub fn add_article(&mut self, article: Article) -> Result<ArticleSummary, Problem> {
        let mut intake = std::mem::take(&mut self.intake);
        let got = intake.admit(self, article);
        self.intake = intake;
        got.map(|(summary, _)| summary)
    }

    /// Indexes `article`, whose joined paragraphs are `body`, under `id`, in the
    /// near-duplicate group `family`.
    fn insert(
        &mut self,
        id: DocId,
        article: Article,
        hash: String,
        body: &str,
        family: DocId,
    ) -> ArticleSummary {
        self.touch();
        let title = analysis::words(&article.title, &self.analyzer);
        let mut words = Vec::new();
        let mut word_marks = Vec::new();
        analysis::each_word(body, &self.analyzer, |start, _, word| {
            if words.len() % query::snippet::MARK_EVERY == 0 {
                word_marks.push(start as u32);
            }
            words.push(std::rc::Rc::clone(word));
        });
        self.postings.add(id, &title, &words);
        if let Some(links) = self.links.as_mut() {
            links.add(id, &title, &words);
        }
        let title_forms = crate::index::title_forms(&title);
        let summary = summary(id, &article, &hash);
        self.store.put(
            id,
            Stored {
                article,
                hash,
                title_tokens: title.len() as u32,
                body_tokens: words.len() as u32,
                word_marks: word_marks.into(),
                title_forms,
                family,
            },
        );
        summary
    }

    /// Removes an article and its postings.
    pub fn remove(&mut self, id: DocId) -> Result<(), Error> {
        self.store
            .take(id)
            .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no article with id {id}")))?;
        self.touch();
        if let Some(links) = self.links.as_mut() {
            links.remove(id);
        }
        // Removed articles stay in the posting lists (searches skip them) until enough
        // have gone that rewriting the lists pays.
        self.removed_since_compaction += 1;
        if self.removed_since_compaction > 64.max(self.store.len() / 4) {
            let store = &self.store;
            self.postings.compact(|doc| store.get(doc).is_some());
            self.removed_since_compaction = 0;
        }
        Ok(())
    }

    pub fn get(&self, id: DocId) -> Option<&Stored> {
        self.store.get(id)
    }

    /// Articles in id order, filtered.
    pub fn list(&self, filter: &ListFilter) -> Vec<ArticleSummary> {
        let lang = filter
            .lang
            .as_deref()
            .filter(|l| !l.is_empty() && *l != "all");
        // No group for an article that is not stored: `DocId::MAX` matches nothing.
        let family = filter
            .similar_to
            .map(|id| self.store.get(id).map_or(DocId::MAX, |s| s.family));
        self.store
            .iter()
            .filter(|(_, s)| lang.is_none_or(|l| s.article.lang == l))
            .filter(|&(id, s)| {
                family.is_none_or(|f| s.family == f && Some(id) != filter.similar_to)
            })
            .map(|(id, s)| summary(id, &s.article, &s.hash))
            .collect()
    }

    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        query::search_linked(
            &self.store,
            &self.postings,
            &self.analyzer,
            self.links.as_ref(),
            query,
            options,
        )
    }

    /// Links the corpus to entities through `linker` (or unlinks it with `None`): every
    /// stored article's mentions are found now, and those of articles added later as
    /// they are indexed.
    pub fn set_linker(&mut self, linker: Option<std::rc::Rc<dyn query::link::Linker>>) {
        // Unique across corpora, so a cache keyed by it (pairing, name proposals) never takes
        // one corpus's links for another's with the same articles.
        static LINKINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        self.links_generation = 1 + LINKINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.touch();
        self.links = linker.map(|linker| {
            let mut links = query::link::Links::new(linker);
            for (id, stored) in self.store.iter() {
                let a = &stored.article;
                let title = analysis::words(&a.title, &self.analyzer);
                let body = analysis::words(&a.body(), &self.analyzer);
                links.add(id, &title, &body);
            }
            links
        });
    }

    /// The entities article `id` mentions, with how often, most first (empty without a
    /// linker).
    pub fn entities(&self, id: DocId) -> Vec<query::link::EntityCount> {
        let Some(links) = self.links.as_ref() else {
            return Vec::new();
        };
        let mut out: Vec<query::link::EntityCount> = links
            .of(id)
            .iter()
            .filter_map(|&(e, n)| {
                Some(query::link::EntityCount {
                    name: links.linker.entity(e)?,
                    count: n as usize,
                })
            })
            .collect();
        out.sort_unstable_by(|a, b| b.count.cmp(&a.count).then(a.name.id.cmp(&b.name.id)));
        out
    }

    /// Where `text` names entities: `(byte start, byte end, entity number)`, in order
    /// (empty without a linker), and the linker that numbers them.
    pub fn mention_spans(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let Some(links) = self.links.as_ref() else {
            return Vec::new();
        };
        let mut words = Vec::new();
        let mut places = Vec::new();
        analysis::each_word(text, &self.analyzer, |s, e, w| {
            words.push(std::rc::Rc::clone(w));
            places.push((s, e));
        });
        links
            .linker
            .spans(&words)
            .into_iter()
            .filter_map(|(i, n, entity)| {
                Some((
                    places.get(i)?.0,
                    places.get(i + n.checked_sub(1)?)?.1,
                    entity,
                ))
            })
            .collect()
    }

    /// The entity numbered `entity` by the corpus's linker, for showing.
    pub fn entity_name(&self, entity: u32) -> Option<query::link::EntityName> {
        self.links.as_ref()?.linker.entity(entity)
    }

    /// The linker the corpus is linked through, if any.
    pub fn linker(&self) -> Option<&std::rc::Rc<dyn query::link::Linker>> {
        self.links.as_ref().map(|l| &l.linker)
    }

    /// A number that changes with every change to the articles (added, removed, their
    /// metadata), their outlets or their links, and that no other corpus state (in this
    /// process) has had: a cache of derived data compares it instead of reading the
    /// articles. Equal numbers mean equal contents (a clone keeps it until it changes).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Takes a new [`Corpus::revision`].
    fn touch(&mut self) {
        static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        self.revision = 1 + REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Which call of [`Corpus::set_linker`] (in this process, on any corpus) made the
    /// corpus's links: 0 before any.
    pub fn links_generation(&self) -> u64 {
        self.links_generation
    }

    /// Entity-mention pairs recorded (0 without a linker), for the size figures.
    pub fn mention_count(&self) -> usize {
        self.links.as_ref().map_or(0, |l| l.len())
    }

    /// Article `id` with the words `query` looks for marked, for the reader.
    pub fn highlight(
        &self,
        id: DocId,
        query: &str,
        exact: bool,
    ) -> Result<query::Highlighted, Error> {
        self.highlight_across(id, query, exact, true)
    }

    /// As [`Corpus::highlight`]; with `cross_lingual` off the names a query word stands for
    /// in the other script are not marked (the search did not look for them either).
    pub fn highlight_across(
        &self,
        id: DocId,
        query: &str,
        exact: bool,
        cross_lingual: bool,
    ) -> Result<query::Highlighted, Error> {
        query::highlight(
            &self.store,
            &self.postings,
            &self.analyzer,
            self.links.as_ref().filter(|_| cross_lingual),
            id,
            query,
            exact,
        )
    }

    /// Every article `query` and the filters of `options` choose, not a page of hits:
    /// the sub-corpus of the corpus tools. An empty query chooses every article.
    pub fn matching(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<query::subset::Subset, query::QueryError> {
        let links = self
            .links
            .as_ref()
            .filter(|_| options.cross_lingual && !options.exact);
        let linker = links.map(|l| &*l.linker);
        query::subset::matching(
            &self.store,
            &self.postings,
            &self.analyzer,
            query,
            options,
            linker,
        )
    }

    /// [`Corpus::leaves`], the query first expanded across scripts through the linked
    /// lexicon when `cross_lingual` (as search expands it).
    pub fn leaves_expanded(
        &self,
        query: &str,
        exact: bool,
        cross_lingual: bool,
    ) -> Result<query::leaves::Leaves, query::QueryError> {
        let linker = self
            .links
            .as_ref()
            .filter(|_| cross_lingual)
            .map(|l| &*l.linker);
        query::leaves::leaves(query, &self.postings, &self.analyzer, exact, linker)
    }

    /// The positive parts of `query` as word tests, for listing its matches in a text.
    pub fn leaves(
        &self,
        query: &str,
        exact: bool,
    ) -> Result<query::leaves::Leaves, query::QueryError> {
        query::leaves::leaves(query, &self.postings, &self.analyzer, exact, None)
    }

    /// The analyzer this corpus was indexed with.
    pub fn analyzer(&self) -> &analysis::Config {
        &self.analyzer
    }

    /// Ids of the live articles, ascending.
    pub fn ids(&self) -> impl Iterator<Item = DocId> + '_ {
        self.store.iter().map(|(id, _)| id)
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Frees memory kept for growth; call after adding a batch of files.
    pub fn shrink(&mut self) {
        self.postings.shrink();
    }

    pub fn stats(&self) -> Stats {
        let text_bytes = self
            .store
            .iter()
            .map(|(_, s)| {
                let a = &s.article;
                a.title.len()
                    + a.paragraphs.iter().map(String::len).sum::<usize>()
                    + a.removed.iter().map(|r| r.text.len()).sum::<usize>()
            })
            .sum();
        Stats {
            articles: self.store.len(),
            terms: self.postings.terms().count(),
            index_bytes: self.postings.heap_bytes() + self.store.search_bytes(),
            text_bytes,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// The whole corpus and its index as versioned bytes (see `index::codec`). The index
    /// is saved only when built by the default analyzer, the one a load uses.
    pub fn to_bytes(&self) -> Vec<u8> {
        let default = self.analyzer == analysis::Config::default();
        codec::encode(&self.store, default.then_some(&self.postings))
    }

    /// A corpus from bytes written by [`Corpus::to_bytes`], ids kept. With a saved index
    /// nothing is analysed again; an older blob is indexed as it loads.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, Error> {
        Self::from_saved(codec::decode(bytes)?)
    }

    fn from_saved(saved: codec::Saved) -> Result<Corpus, Error> {
        let mut corpus = Corpus::new();
        let indexed = saved.postings.is_some();
        // Before version 5 the groups were not saved: an article joins the group of the
        // first article of the file its `near_duplicate_of` names. Only then are files
        // mapped to ids, so a current blob loads without that work.
        let by_name = saved
            .articles
            .iter()
            .any(|(_, _, l)| l.as_ref().is_none_or(|l| l.family.is_none()));
        let mut by_file: FxHashMap<String, DocId> = FxHashMap::default();
        for (id, article, lengths) in saved.articles {
            if id < corpus.store.next_id() {
                return Err(Error::new(
                    ErrorKind::Format,
                    "cannot read saved corpus: article ids out of order",
                ));
            }
            // A group is named by its first article, so never by a later id.
            let family = match lengths.as_ref().and_then(|l| l.family) {
                Some(family) if family <= id => family,
                _ => article
                    .near_duplicate_of
                    .as_ref()
                    .and_then(|file| corpus.store.get(*by_file.get(file)?))
                    .map_or(id, |other| other.family),
            };
            if by_name {
                by_file.entry(article.file.clone()).or_insert(id);
            }
            let hash = docstore_hash(&article);
            match lengths.filter(|_| indexed) {
                Some(l) => {
                    // Saved before titles kept their word pairs: the title is read again.
                    let title_forms = if l.title_pairs {
                        l.title_forms
                    } else {
                        crate::index::title_forms(&analysis::words(
                            &article.title,
                            &corpus.analyzer,
                        ))
                    };
                    corpus.store.put(
                        id,
                        Stored {
                            article,
                            hash,
                            title_tokens: l.title_tokens,
                            body_tokens: l.body_tokens,
                            word_marks: l.word_marks,
                            title_forms,
                            family,
                        },
                    )
                }
                None => {
                    let body = article.body();
                    corpus.insert(id, article, hash, &body, family);
                }
            }
        }
        if let Some(postings) = saved.postings {
            corpus.postings = postings;
        }
        corpus.touch();
        Ok(corpus)
    }
}

/// The corpus keeps what the intake admits in its store and index.
impl Shelf for Corpus {
    type Kept = ArticleSummary;

    fn file_with_hash(&self, hash: u64) -> Option<&str> {
        let id = self.store.find_hash(&format!("{hash:016x}"))?;
        Some(self.store.get(id)?.article.file.as_str())
    }

    fn has(&self, id: u32) -> bool {
        self.store.get(id).is_some()
    }

    fn file_and_group(&self, id: u32) -> Option<(&str, u32)> {
        let s = self.store.get(id)?;
        Some((s.article.file.as_str(), s.family))
    }

    fn files(&self) -> Vec<(u32, &str)> {
        self.store
            .iter()
            .map(|(id, s)| (id, s.article.file.as_str()))
            .collect()
    }

    fn update(&mut self, id: u32, change: &mut dyn FnMut(&mut Article)) {
        if let Some(mut stored) = self.store.take(id) {
            self.touch();
            change(&mut stored.article);
            self.store.put(id, stored);
        }
    }

    fn each(&self, f: &mut dyn FnMut(u32, &Article)) {
        for (id, s) in self.store.iter() {
            f(id, &s.article);
        }
    }

    fn keep(&mut self, article: Article, body: &str, group: Option<u32>) -> (u32, ArticleSummary) {
        let id = self.store.next_id();
        let hash = docstore_hash(&article);
        (
            id,
            self.insert(id, article, hash, body, group.unwrap_or(id)),
        )
    }
}

fn summary(id: DocId, a: &Article, hash: &str) -> ArticleSummary {
    ArticleSummary {
        id,
        file: a.file.clone(),
        title: a.title.clone(),
        lang: a.lang.clone(),
        hash: hash.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_5_blob_reads_its_titles_again_for_their_word_pairs() {
        let mut c = Corpus::new();
        c.add_bytes(
            "a.txt",
            b"Syrian Army kills rebels in Hama\n\nThe army said so.",
        );
        let mut bytes = c.to_bytes();
        // Version 5 saved the same fields; its title forms had no pairs. The checksum
        // covers the payload only.
        bytes[8..12].copy_from_slice(&5u32.to_le_bytes());
        let loaded = Corpus::from_bytes(&bytes).unwrap();
        let id = loaded.ids().next().unwrap();
        let words = analysis::words("rebels Hama", &loaded.analyzer);
        let pair = crate::index::pair_form(&words[0].terms[0], &words[1].terms[0]);
        assert!(loaded.get(id).unwrap().title_has_form(pair));
        assert_eq!(
            loaded.get(id).unwrap().title_forms,
            c.get(id).unwrap().title_forms
        );
    }

    /// `bytes` with its payload replaced, header length and checksum made to fit.
    fn with_payload(bytes: &[u8], payload: &[u8]) -> Vec<u8> {
        let mut out = bytes[..12].to_vec();
        out.extend_from_slice(&crate::hash::fnv1a(payload).to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(payload);
        out
    }

    fn answers(c: &Corpus) -> Vec<String> {
        [
            "siege",
            "ghouta talks",
            "\"the siege\"",
            "tal*",
            "الغوطة",
            "-siege",
        ]
        .iter()
        .map(|q| format!("{:?}", c.search(q, &SearchOptions::default())))
        .collect()
    }

    #[test]
    fn a_damaged_index_is_an_error_and_another_analyzers_index_is_rebuilt() {
        let mut c = Corpus::new();
        for i in 0..300 {
            let text = format!(
                "Talks {i}\n\nThe siege of Ghouta went on, day {i}. حصار الغوطة {}",
                if i % 3 == 0 {
                    "talks resumed"
                } else {
                    "no news"
                }
            );
            c.add_bytes(&format!("{i}.txt"), text.as_bytes());
        }
        let with_index = c.to_bytes();
        let articles = codec::encode(&c.store, None);
        // The two payloads agree up to the index flag, which ends the articles-only one.
        let (payload, plain) = (&with_index[28..], &articles[28..]);
        let flag = plain.len() - 1;
        assert_eq!(&payload[..flag], &plain[..flag]);
        assert_eq!((payload[flag], plain[flag]), (1, 0));
        let saved = answers(&c);
        assert_eq!(answers(&Corpus::from_bytes(&articles).unwrap()), saved);
        // An index from another analyzer version: the articles are indexed again.
        let mut other = payload.to_vec();
        other[flag + 1] ^= 0x55;
        assert_eq!(
            answers(&Corpus::from_bytes(&with_payload(&with_index, &other)).unwrap()),
            saved
        );
        // Every cut of the index part, checksum fixed, is an error, never a corpus.
        for cut in (flag + 1..payload.len()).step_by(7) {
            assert!(
                Corpus::from_bytes(&with_payload(&with_index, &payload[..cut])).is_err(),
                "cut at {cut}"
            );
        }
        // A term whose list runs past the others' (its length grown by one): an error.
        let mut longer = payload.to_vec();
        let text_len = u32::from_le_bytes(longer[flag + 5..flag + 9].try_into().unwrap());
        let first_term = flag + 9 + text_len as usize + 4;
        longer[first_term + 4] += 1;
        assert!(Corpus::from_bytes(&with_payload(&with_index, &longer)).is_err());
    }

    #[test]
    fn near_duplicate_groups_are_found_again_from_the_names_when_not_saved() {
        let story: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let mut c = Corpus::new();
        for (file, intro) in [("a.txt", "First"), ("b.txt", "Second"), ("c.txt", "Third")] {
            let text = format!("{intro} report\n\n{intro} outlet. {}.", story.join(" "));
            c.add_bytes(file, text.as_bytes());
        }
        c.add_bytes(
            "d.txt",
            b"Unrelated\n\nNothing like the others at all here.",
        );
        let families =
            |c: &Corpus| -> Vec<DocId> { c.store.iter().map(|(_, s)| s.family).collect() };
        assert_eq!(families(&c), [0, 0, 0, 3]);
        // As a version 4 blob loads: no saved groups, so `near_duplicate_of` names them.
        let mut saved = codec::decode(&c.to_bytes()).unwrap();
        for (_, _, lengths) in &mut saved.articles {
            lengths.as_mut().unwrap().family = None;
        }
        assert_eq!(families(&Corpus::from_saved(saved).unwrap()), [0, 0, 0, 3]);
        // A saved group that names a later article is not trusted.
        let mut saved = codec::decode(&c.to_bytes()).unwrap();
        saved.articles[0].2.as_mut().unwrap().family = Some(3);
        assert_eq!(families(&Corpus::from_saved(saved).unwrap()), [0, 0, 0, 3]);
    }
}
