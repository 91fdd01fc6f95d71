//! The link between English and Arabic: the lexicon of entities in both scripts,
//! entity recognition, transliteration matching of names, cross-lingual expansion and
//! same-story pairing. Part of the default (full) build and the CLI; the page's start-up
//! build leaves it out.
//!
//! The rest of the core reaches this part only through the `query::link::Linker` trait
//! object a [`Recognizer`] is given as ([`link`]).

pub mod align;
mod beads;
mod calendar;
pub mod entities;
mod expand;
pub mod lexicon;
mod name_words;
pub mod names;
pub mod pairing;
pub mod sentences;
mod signature;
pub mod stories;
pub mod translit;
mod translit_rules;

pub use entities::{Mention, Recognizer};
pub use lexicon::{Entry, Lexicon};

use crate::error::Error;
use crate::Corpus;
use serde::Serialize;
use std::rc::Rc;

/// What loading a lexicon gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Loaded {
    /// Entities, after later files replaced earlier entries with the same id.
    pub entities: usize,
    /// Distinct names compiled for recognition.
    pub names: usize,
    /// Entity mentions found in the corpus's articles.
    pub mentions: usize,
}

/// Reads the lexicon files `texts` (TSV or JSON, later ones adding to and correcting the
/// earlier) and links `corpus` to their entities. Nothing changes when a file is wrong.
pub fn link(corpus: &mut Corpus, texts: &[&str]) -> Result<Loaded, Error> {
    let mut lexicon = Lexicon::default();
    for text in texts {
        lexicon.merge(Lexicon::parse(text)?);
    }
    let recognizer = Recognizer::new(lexicon);
    let (entities, names) = (recognizer.lexicon().len(), recognizer.name_count());
    corpus.set_linker(Some(Rc::new(recognizer)));
    Ok(Loaded {
        entities,
        names,
        mentions: corpus.mention_count(),
    })
}
