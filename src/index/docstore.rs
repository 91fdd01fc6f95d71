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
}

/// Articles by id; a removed id stays empty and is never reused, so ids stay valid.
#[derive(Clone, Debug, Default)]
pub struct DocStore {
    docs: Vec<Option<Stored>>,
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
        }
        self.title_tokens += u64::from(stored.title_tokens);
        self.body_tokens += u64::from(stored.body_tokens);
        let hash = stored.hash.clone();
        match self.docs[at].replace(stored) {
            Some(old) => {
                self.by_hash.remove(&old.hash);
            }
            None => self.live += 1,
        }
        self.by_hash.insert(hash, id);
    }

    pub fn take(&mut self, id: DocId) -> Option<Stored> {
        let stored = self.docs.get_mut(id as usize)?.take()?;
        self.by_hash.remove(&stored.hash);
        self.live -= 1;
        self.title_tokens -= u64::from(stored.title_tokens);
        self.body_tokens -= u64::from(stored.body_tokens);
        Some(stored)
    }

    pub fn get(&self, id: DocId) -> Option<&Stored> {
        self.docs.get(id as usize)?.as_ref()
    }

    /// Live articles in id order.
    pub fn iter(&self) -> impl Iterator<Item = (DocId, &Stored)> {
        self.docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i as DocId, d.as_ref()?)))
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
}

/// [`Article::content_hash`] as 16 hex digits: a stable name for links and duplicates.
pub fn content_hash(article: &Article) -> String {
    format!("{:016x}", article.content_hash())
}
