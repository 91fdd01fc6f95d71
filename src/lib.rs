//! Qarin (قارِن, "compare") is the core of an in-browser toolkit for bilingual English/Arabic
//! news corpora.
//!
//! # Brief overview
//! Bytes flow one way: [`ingest`] turns a file into cleaned [`Article`]s, [`analysis`] turns
//! text into tokens (one analyzer for indexing, querying, highlighting and statistics),
//! [`index`] stores articles and their postings, and [`query`] parses a query, ranks hits
//! with BM25 and cuts snippets. [`Corpus`] ties them together; the native CLI
//! (`src/bin/qarin.rs`) and the wasm class (`src/wasm.rs`) are thin shells over it.
//!
//! ```
//! let mut corpus = qarin::Corpus::new();
//! corpus.add_bytes("a.txt", "Macron calls Rouhani\n\nMacron called Rouhani on Sunday.".as_bytes());
//! let result = corpus.search("rouhani", &qarin::SearchOptions::default());
//! assert_eq!(result.total, 1);
//! ```

pub mod analysis;
#[cfg(feature = "bilingual")]
pub mod bilingual;
mod corpus;
pub mod error;
mod hash;
pub mod index;
pub mod ingest;
pub mod message;
mod order;
pub mod query;
#[cfg(feature = "stats")]
pub mod stats;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use corpus::{AddReport, ArticleSummary, Corpus, FileMatch, ListFilter, Named, Stats, Warning};
pub use error::{Error, ErrorKind};
pub use ingest::Article;
pub use message::Message;
pub use query::{SearchOptions, SearchResult, Sort};
