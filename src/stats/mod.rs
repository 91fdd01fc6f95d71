//! The corpus tools: concordance (KWIC), word lists, n-grams, collocates, keyness,
//! dispersion and trends, over a sub-corpus chosen by a query and filters. Part of the
//! default (full) build and the CLI; the page's start-up build leaves it out.
//!
//! # Counting rules (the same in every tool)
//! - A position is every word the analyzer emits in an article's **body** (paragraphs):
//!   stop words, numbers and mixed tokens (`a00`) included; `N` (`tokens`) is their count
//!   over the sub-corpus. **Titles do not count** in any tool.
//! - Windows (KWIC context, collocation spans, n-grams) never cross articles.
//! - The sub-corpus is every article matching the `filter` query and the filters (the
//!   search's matching and filters, never a page of hits); an empty filter is the whole
//!   corpus. Queries are not expanded across scripts unless `cross_lingual` asks (the
//!   search's expansion through the linked lexicon); `exact` matches written forms.
//! - Rows group words by [`By::Form`] (case-folded, normalized, not stemmed) or
//!   [`By::Term`] (the analyzer's main term, its stem); a row's `word` is the most
//!   frequent written form of the group in the counted articles (ties: the smaller
//!   string), its `term` the form or term itself. Stop-word rows are left out unless
//!   asked (a row is a stop word when its `word` is); they always count in `N`.
//!
//! [`Tools`] keeps the forward index ([`tokens`]) between requests; each tool is a file,
//! written as stages of a [`job::Run`] so that [`Tools::step`] can answer a request in
//! slices (progress, and a newer request heard between them) with the same code as a
//! whole call.

pub mod collocation;
mod count;
pub mod dispersion;
pub mod freq;
pub mod job;
pub mod keyness;
pub mod kwic;
mod matches;
pub mod measures;
pub mod ngrams;
pub mod tokens;

pub use job::Phase;
pub use tokens::{By, Progress};

use job::{Halt, Run, Stages};
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::query::SearchOptions;
use crate::Corpus;

/// Rows or lines a tool returns when no limit is given.
pub const DEFAULT_LIMIT: usize = 1000;

/// Which articles a tool counts over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// A query of the query language; empty: every article.
    pub filter: String,
    pub lang: Option<String>,
    /// Outlet or agency names (any of them).
    pub sources: Vec<String>,
    /// ISO date bounds or prefixes, as in search.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Expand the queries (the filter and a tool's own) across scripts with the linked
    /// lexicon, as search does; off unless asked (a concordance of الغوطة lists Arabic
    /// lines only). Nothing to expand with until a lexicon is linked.
    pub cross_lingual: bool,
    /// Match every query word by its exact written form (the search's "Exact form"); no
    /// cross-lingual expansion then, as in search.
    pub exact: bool,
}

impl Scope {
    fn search_options(&self) -> SearchOptions {
        SearchOptions {
            lang: self.lang.clone(),
            sources: self.sources.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            exact: self.exact,
            cross_lingual: self.cross_lingual,
            ..SearchOptions::default()
        }
    }
}

/// The tools with their forward index, built on first use and kept in step with the
/// corpus each call, and the request being answered in slices.
#[derive(Debug, Default)]
pub struct Tools {
    tokens: tokens::Tokens,
    /// The corpus revision the forward index was last found in step with.
    synced: Option<u64>,
    job: Option<Job>,
}

/// A request answered in slices ([`Tools::step`]): its kept stages, valid for this request
/// on this corpus revision only.
#[derive(Debug)]
struct Job {
    request: Request,
    revision: u64,
    stages: Stages,
}

/// A request to one tool, as [`Tools::step`] takes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Freq(freq::Options),
    Kwic(String, kwic::Options),
    Ngrams(ngrams::Options),
    Collocates(String, collocation::Options),
    Keyness(keyness::Options),
    Dispersion(String, dispersion::Options),
}

/// A tool's answer, serialized as that tool's own shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Freq(freq::Freq),
    Kwic(kwic::Kwic),
    Ngrams(ngrams::Ngrams),
    Collocates(collocation::Collocates),
    Keyness(keyness::Keyness),
    Dispersion(dispersion::Dispersion),
}

/// What one slice of [`Tools::step`] came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Not yet: where the work is (`reading` is the forward index being built).
    Working(Phase),
    Done(Answer),
}

/// Work units a word read into the forward index costs (an analysis, about 30 times a
/// counting pass's visit to a word in wasm).
const READ_COST: usize = 32;

impl Tools {
    pub fn new() -> Self {
        Self::default()
    }

    /// The forward index in step with `corpus`.
    fn ready(&mut self, corpus: &Corpus) -> &tokens::Tokens {
        if self.synced != Some(corpus.revision()) {
            self.tokens.sync(corpus);
            self.synced = Some(corpus.revision());
        }
        &self.tokens
    }

    /// Builds the forward index a slice at a time (about `budget` words a call) so that a
    /// caller can show progress and stop between slices; every tool calls it whole first.
    pub fn prepare(&mut self, corpus: &Corpus, budget: usize) -> tokens::Progress {
        if self.synced == Some(corpus.revision()) {
            return tokens::Progress {
                ready: true,
                ..Default::default()
            };
        }
        let progress = self.tokens.step(corpus, budget);
        if progress.ready {
            self.synced = Some(corpus.revision());
        }
        progress
    }

    /// One slice of `request`: about `budget` units of work (a unit is about one word
    /// counted; reading a word into the forward index costs [`READ_COST`]), then either
    /// the answer or where the work stopped. Call again with the same request to go on;
    /// another request, or a change to the corpus, starts over (the forward index keeps
    /// what it read). The answer is the one the tool's own method gives.
    pub fn step(
        &mut self,
        corpus: &Corpus,
        request: &Request,
        budget: usize,
    ) -> Result<Step, Error> {
        let progress = self.prepare(corpus, (budget / READ_COST).max(1));
        if !progress.ready {
            return Ok(Step::Working(Phase {
                stage: "reading",
                step: 0,
                done: progress.done,
                total: progress.total,
            }));
        }
        let revision = corpus.revision();
        let job = match self.job.take() {
            Some(job) if job.request == *request && job.revision == revision => job,
            _ => Job {
                request: request.clone(),
                revision,
                stages: Stages::default(),
            },
        };
        let job = self.job.insert(job);
        let mut run = Run::new(&mut job.stages, budget);
        let got = answer(&mut run, corpus, &self.tokens, request);
        match got {
            Err(Halt::Paused) => Ok(Step::Working(run.phase)),
            Ok(answer) => {
                self.job = None;
                Ok(Step::Done(answer))
            }
            Err(Halt::Failed(e)) => {
                self.job = None;
                Err(e)
            }
        }
    }

    /// `request` answered whole.
    pub fn answer(&mut self, corpus: &Corpus, request: &Request) -> Result<Answer, Error> {
        self.whole(corpus, |run, tokens| answer(run, corpus, tokens, request))
    }

    /// A tool's stages run whole (no budget: nothing pauses).
    fn whole<T>(
        &mut self,
        corpus: &Corpus,
        tool: impl FnOnce(&mut Run, &tokens::Tokens) -> Result<T, Halt>,
    ) -> Result<T, Error> {
        self.ready(corpus);
        let mut stages = Stages::default();
        match tool(&mut Run::new(&mut stages, usize::MAX), &self.tokens) {
            Ok(answer) => Ok(answer),
            Err(Halt::Failed(e)) => Err(e),
            Err(Halt::Paused) => unreachable!("a whole call has no budget to spend"),
        }
    }

    /// The articles and words of a sub-corpus (`(docs, tokens)`): the caption of a table,
    /// without counting its words.
    pub fn size(&mut self, corpus: &Corpus, scope: &Scope) -> Result<(u64, u64), Error> {
        let (docs, _) = subcorpus(corpus, scope)?;
        let tokens = self.ready(corpus);
        let words = docs.iter().map(|&d| tokens.words(d).len() as u64).sum();
        Ok((docs.len() as u64, words))
    }

    /// Approximate heap bytes of the forward index.
    pub fn heap_bytes(&self) -> usize {
        self.tokens.heap_bytes()
    }
}

/// Runs the tool `request` names.
fn answer(
    run: &mut Run,
    corpus: &Corpus,
    tokens: &tokens::Tokens,
    request: &Request,
) -> Result<Answer, Halt> {
    Ok(match request {
        Request::Freq(o) => Answer::Freq(freq::run(run, corpus, tokens, o)?),
        Request::Kwic(q, o) => Answer::Kwic(kwic::run(run, corpus, tokens, q, o)?),
        Request::Ngrams(o) => Answer::Ngrams(ngrams::run(run, corpus, tokens, o)?),
        Request::Collocates(q, o) => {
            Answer::Collocates(collocation::run(run, corpus, tokens, q, o)?)
        }
        Request::Keyness(o) => Answer::Keyness(keyness::run(run, corpus, tokens, o)?),
        Request::Dispersion(q, o) => {
            Answer::Dispersion(dispersion::run(run, corpus, tokens, q, o)?)
        }
    })
}

/// A sub-corpus's articles (ascending ids) and the search's warnings about them.
type Sub = (Vec<u32>, Vec<crate::Message>);

/// [`subcorpus`] as a stage of `run`.
fn sub(run: &mut Run, corpus: &Corpus, scope: &Scope) -> Result<std::rc::Rc<Sub>, Halt> {
    run.once(|| subcorpus(corpus, scope))
}

/// The articles of `scope`, ascending by id, and the search's warnings about them.
fn subcorpus(corpus: &Corpus, scope: &Scope) -> Result<Sub, Error> {
    let found = corpus
        .matching(&scope.filter, &scope.search_options())
        .map_err(query_error)?;
    Ok((found.docs, found.warnings))
}

fn query_error(e: crate::query::QueryError) -> Error {
    Error::query(e.message, e.offset)
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::Invalid, message)
}

/// `x` per million of `n` (0 when `n` is 0).
fn per_million(x: u64, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        x as f64 * 1e6 / n as f64
    }
}

/// Messages as their English text, for `warnings` arrays.
fn notes(messages: Vec<crate::Message>) -> Vec<String> {
    messages.into_iter().map(|m| m.to_string()).collect()
}
