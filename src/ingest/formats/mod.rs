//! The readers only the full build has: web pages (`html`), browser single-file saves
//! (`mhtml`), Word and OpenDocument files (`docx`), zip archives (`zip`), CSV/TSV and JSON
//! exports (`table`, `json`) and metadata sidecars (`sidecar`). The whole folder sits
//! behind one `formats` feature gate in `ingest/mod.rs`; the small build has none of it.

pub(super) mod docx;
pub mod html;
pub mod json;
pub(super) mod mhtml;
pub mod sidecar;
pub(super) mod table;
pub(super) mod zip;

// What the readers take from the rest of ingest, named as `super::…` inside them.
use super::Problem;
use super::{decode, format, megabytes, meta, push, read_file, text, Article, Budget, Ingested};
