//! The link between English and Arabic: the lexicon of entities in both scripts,
//! entity recognition, transliteration matching of names, cross-lingual expansion and
//! same-story pairing. Part of the default (full) build and the CLI; the page's start-up
//! build leaves it out.

mod calendar;
pub mod pairing;
pub mod translit;
mod translit_rules;
