//! The articles of a corpus, by id, with what ranking needs to know of each (token counts
//! per field) and a content hash that names an article independently of upload order.

use crate::ingest::Article;
use rustc_hash::FxHashMap;

pub type DocId = u32;

/// One stored article.
#[derive(Clone, Debug)]
pub struct Stored {
    pub article: Article,
    /// FNV-1a 64 of title and body, as 16 hex digits.
    pub hash: String,
    pub title_tokens: u32,
    pub body_tokens: u32,
    /// Byte offset in the body of every `query::snippet::MARK_EVERY`th word, so a snippet
    /// cuts out its window without reading the body from the start.
    pub word_marks: Box<[u32]>,
    /// The title's words as [`crate::analysis::Word::form`] hashes, and each two words
    /// next to each other (stop words skipped) as [`pair_form`]s of their readings, sorted
    /// and distinct.
    pub title_forms: Box<[u32]>,
    /// The id of the first article of its near-duplicate group (its own id when it is no
    /// near-duplicate): results fold on it.
    pub family: DocId,
}

/// The hash standing for a word read as term `a` followed by a word read as term `b` in
/// [`Stored::title_forms`]; a clash with a single word's form is as unlikely as any 32-bit
/// clash among a title's few words.
pub fn pair_form(a: &str, b: &str) -> u32 {
    let h = crate::hash::fnv1a_from(crate::hash::fnv1a(a.as_bytes()), &[0x1f]);
    let h = crate::hash::fnv1a_from(h, b.as_bytes());
    (h ^ (h >> 32)) as u32
}

/// [`Stored::title_forms`] of a title's analysed words: their forms, and for each two
/// words next to each other (stop words skipped) every pair of their readings (main and
/// alternative terms: بالغوطة is read as itself and as غوطة), so a query that drops a
/// clitic or inflects a word still finds the two side by side.
pub fn title_forms(words: &[std::rc::Rc<crate::analysis::Word>]) -> Box<[u32]> {
    let mut forms: Vec<u32> = words.iter().map(|w| w.form).collect();
    let content: Vec<&crate::analysis::Word> =
        words.iter().filter(|w| !w.stop).map(|w| &**w).collect();
    for p in content.windows(2) {
        for a in &p[0].terms {
            forms.extend(p[1].terms.iter().map(|b| pair_form(a, b)));
        }
    }
    forms.sort_unstable();
    forms.dedup();
    forms.into()
}

impl Stored {
    /// Whether the title has a word of `form` (a [`crate::analysis::Word::form`]).
    pub fn title_has_form(&self, form: u32) -> bool {
        self.title_forms.binary_search(&form).is_ok()
    }
}

/// What facets count of an article, as small ids into [`DocStore::label`], so counting a
/// match costs no string work. [`NO_LABEL`] where the article has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    pub lang: u32,
    pub outlet: u32,
    pub agency: u32,
    /// `YYYY-MM` of its date.
    pub month: u32,
}

pub const NO_LABEL: u32 = u32::MAX;

/// Articles by id; a removed id stays empty and is never reused, so ids stay valid.
#[derive(Clone, Debug, Default)]
pub struct DocStore {
    /// Boxed so that an id left empty (a removed article) costs a pointer, not a whole
    /// `Stored`: ids are never reused, and a saved corpus may carry up to
    /// `codec::MAX_ID_GAP` of them.
    docs: Vec<Option<Box<Stored>>>,
    keys: Vec<Keys>,
    labels: Vec<Box<str>>,
    label_ids: FxHashMap<Box<str>, u32>,
    /// Content hash → id, for duplicate checks without a scan.
    by_hash: FxHashMap<String, DocId>,
    live: usize,
    title_tokens: u64,
    body_tokens: u64,
}

impl DocStore {
    /// The id the next article will get.
    pub fn next_id(&self) -> DocId {
        self.docs.len() as DocId
    }

    /// Stores an article under `id` (ids only grow; gaps stay empty).
    pub fn put(&mut self, id: DocId, stored: Stored) {
        let at = id as usize;
        if self.docs.len() <= at {
            self.docs.resize(at + 1, None);
            self.keys.resize(at + 1, Keys::default());
        }
        let a = &stored.article;
        let month = a.date.as_deref().and_then(|d| d.get(..7));
        self.keys[at] = Keys {
            lang: self.intern(Some(&a.lang)),
            outlet: self.intern(a.outlet.as_deref()),
            agency: self.intern(a.agency.as_deref()),
            month: self.intern(month),
        };
        self.title_tokens += u64::from(stored.title_tokens);
        self.body_tokens += u64::from(stored.body_tokens);
        let hash = stored.hash.clone();
        match self.docs[at].replace(Box::new(stored)) {
            Some(old) => {
                self.by_hash.remove(&old.hash);
            }
            None => self.live += 1,
        }
        self.by_hash.insert(hash, id);
    }

    /// Sets the outlet of article `id` (a name the caller has already folded, or `None`)
    /// and the facet key counted for it. Returns whether it changed.
    pub fn set_outlet(&mut self, id: DocId, outlet: Option<String>) -> bool {
        let at = id as usize;
        let Some(Some(stored)) = self.docs.get(at) else {
            return false;
        };
        if stored.article.outlet == outlet {
            return false;
        }
        let key = self.intern(outlet.as_deref());
        if let Some(Some(stored)) = self.docs.get_mut(at) {
            stored.article.outlet = outlet;
        }
        if let Some(keys) = self.keys.get_mut(at) {
            keys.outlet = key;
        }
        true
    }

    pub fn take(&mut self, id: DocId) -> Option<Stored> {
        let stored = *self.docs.get_mut(id as usize)?.take()?;
        self.by_hash.remove(&stored.hash);
        self.live -= 1;
        self.title_tokens -= u64::from(stored.title_tokens);
        self.body_tokens -= u64::from(stored.body_tokens);
        Some(stored)
    }

    fn intern(&mut self, label: Option<&str>) -> u32 {
        let Some(label) = label else {
            return NO_LABEL;
        };
        if let Some(&id) = self.label_ids.get(label) {
            return id;
        }
        let id = self.labels.len() as u32;
        self.labels.push(label.into());
        self.label_ids.insert(label.into(), id);
        id
    }

    /// The facet ids of article `id` (all [`NO_LABEL`] for an unknown id).
    pub fn keys(&self, id: DocId) -> Keys {
        self.keys.get(id as usize).copied().unwrap_or(Keys {
            lang: NO_LABEL,
            outlet: NO_LABEL,
            agency: NO_LABEL,
            month: NO_LABEL,
        })
    }

    /// The id of a language, source or month name, if any article ever had it.
    pub fn label_id(&self, label: &str) -> Option<u32> {
        self.label_ids.get(label).copied()
    }

    /// Number of distinct labels: facet counters are indexed by label id below it.
    pub fn labels(&self) -> usize {
        self.labels.len()
    }

    pub fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", |l| l)
    }

    pub fn get(&self, id: DocId) -> Option<&Stored> {
        self.docs.get(id as usize)?.as_deref()
    }

    /// Live articles in id order.
    pub fn iter(&self) -> impl Iterator<Item = (DocId, &Stored)> {
        self.docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i as DocId, d.as_deref()?)))
    }

    pub fn find_hash(&self, hash: &str) -> Option<DocId> {
        self.by_hash.get(hash).copied()
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Mean title and body length in tokens (1 when empty, to keep BM25 finite).
    pub fn mean_lengths(&self) -> (f32, f32) {
        let n = self.live.max(1) as f32;
        (
            (self.title_tokens as f32 / n).max(1.0),
            (self.body_tokens as f32 / n).max(1.0),
        )
    }

    /// Bytes of what search keeps per article besides its text: token counts, word marks
    /// and title forms.
    pub fn search_bytes(&self) -> usize {
        self.iter()
            .map(|(_, s)| 8 + 4 * (s.word_marks.len() + s.title_forms.len()))
            .sum()
    }
}

/// [`Article::content_hash`] as 16 hex digits: a stable name for links and duplicates.
pub fn content_hash(article: &Article) -> String {
    format!("{:016x}", article.content_hash())
}
