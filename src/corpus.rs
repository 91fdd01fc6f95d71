//! A corpus: the articles and their index, kept in step. Both shells (the CLI and the wasm
//! class) do everything through this type.

use crate::analysis;
use crate::error::{Error, ErrorKind};
use crate::index::{codec, docstore_hash, DocId, DocStore, Postings, Stored};
use crate::ingest::{self, Article, Problem};
use crate::query::{self, SearchOptions, SearchResult};
use serde::Serialize;

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

/// Something the user should know about one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    pub message: String,
    /// True when the file (or this part of it) was not added at all.
    pub skipped: bool,
}

impl Warning {
    fn skipped(p: Problem) -> Self {
        Warning {
            file: p.file,
            message: p.message,
            skipped: true,
        }
    }
}

/// Which articles `list` returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub lang: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Corpus {
    store: DocStore,
    postings: Postings,
    analyzer: analysis::Config,
    removed_since_compaction: usize,
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

    /// Reads a whole file as `qarin ingest` would and adds its articles.
    pub fn add_bytes(&mut self, file: &str, bytes: &[u8]) -> AddReport {
        let ingested = ingest::read(file, bytes);
        let mut report = AddReport {
            added: Vec::new(),
            warnings: ingested
                .problems
                .into_iter()
                .map(Warning::skipped)
                .collect(),
        };
        for article in ingested.articles {
            let notes: Vec<Warning> = article
                .warnings
                .iter()
                .map(|w| Warning {
                    file: article.file.clone(),
                    message: w.clone(),
                    skipped: false,
                })
                .collect();
            match self.add_article(article) {
                Ok(summary) => {
                    report.added.push(summary);
                    report.warnings.extend(notes);
                }
                Err(problem) => report.warnings.push(Warning::skipped(problem)),
            }
        }
        report
    }

    /// Adds an already cleaned article; an exact duplicate of a stored one is refused.
    pub fn add_article(&mut self, article: Article) -> Result<ArticleSummary, Problem> {
        let hash = docstore_hash(&article);
        if let Some(other) = self
            .store
            .find_hash(&hash)
            .and_then(|id| self.store.get(id))
        {
            return Err(Problem {
                file: article.file.clone(),
                message: format!("skipped: duplicate of {}", other.article.file),
            });
        }
        let id = self.store.next_id();
        Ok(self.insert(id, article, hash))
    }

    fn insert(&mut self, id: DocId, article: Article, hash: String) -> ArticleSummary {
        let title = analysis::words(&article.title, &self.analyzer);
        let body = analysis::words(&article.body(), &self.analyzer);
        self.postings.add(id, &title, &body);
        let summary = summary(id, &article, &hash);
        self.store.put(
            id,
            Stored {
                article,
                hash,
                title_tokens: title.len() as u32,
                body_tokens: body.len() as u32,
            },
        );
        summary
    }

    /// Removes an article and its postings.
    pub fn remove(&mut self, id: DocId) -> Result<(), Error> {
        self.store
            .take(id)
            .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no article with id {id}")))?;
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
        self.store
            .iter()
            .filter(|(_, s)| lang.is_none_or(|l| s.article.lang == l))
            .map(|(id, s)| summary(id, &s.article, &s.hash))
            .collect()
    }

    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResult {
        query::search(&self.store, &self.postings, &self.analyzer, query, options)
    }

    /// Article `id` with the words `query` looks for marked, for the reader.
    pub fn highlight(
        &self,
        id: DocId,
        query: &str,
        exact: bool,
    ) -> Result<query::Highlighted, Error> {
        let stored = self
            .store
            .get(id)
            .ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no article with id {id}")))?;
        query::highlight(&stored.article, &self.analyzer, query, exact)
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// The whole corpus as versioned bytes (see `index::codec` for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::encode(self.store.iter().map(|(id, s)| (id, &s.article)))
    }

    /// A corpus from bytes written by [`Corpus::to_bytes`], ids kept.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, Error> {
        let mut corpus = Corpus::new();
        for (id, article) in codec::decode(bytes)? {
            if id < corpus.store.next_id() {
                return Err(Error::new(
                    ErrorKind::Format,
                    "cannot read saved corpus: article ids out of order",
                ));
            }
            let hash = docstore_hash(&article);
            corpus.insert(id, article, hash);
        }
        Ok(corpus)
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
