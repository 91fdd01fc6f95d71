//! Placeholder: the ingest cleaning rules land here.
