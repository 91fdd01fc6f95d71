//! The positional inverted index and the article store behind it.
//!
//! `postings` maps each term to the articles and positions where it occurs, once for main
//! terms and once for alternative readings; `docstore` keeps the articles and per-article
//! lengths; `codec` writes and reads the whole corpus as versioned bytes.

pub mod codec;
mod docstore;
pub mod postings;

pub use docstore::{
    content_hash as docstore_hash, pair_form, title_forms, DocId, DocStore, Keys, Stored, NO_LABEL,
};
pub use postings::Postings;
