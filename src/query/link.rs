//! What search asks of entity linking, as a trait object: the full build's
//! `bilingual` part implements [`Linker`] (the lexicon's entities in both scripts), the
//! start-up build never has one, and nothing here or in the corpus needs a `cfg`.
//!
//! A corpus with a linker keeps, per article, the entities it mentions ([`Links`]): the
//! entity facet and the `entities` filter read them. A query is rewritten before it is
//! evaluated so that a known name also matches its other spellings, in both scripts
//! ([`Linker::expand`]); the rewrite is an ordinary query tree (`OR` of phrases), so
//! ranking, snippets and highlighting need nothing new.

use super::parse::Node;
use crate::analysis::Word;
use crate::index::DocId;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::rc::Rc;

/// Entity recognition and query expansion over one lexicon. Entities are numbered from 0.
pub trait Linker: std::fmt::Debug {
    /// Adds to `counts` the entities mentioned in `words` (an article's title or body,
    /// analysed), each with how often.
    fn mentions(&self, words: &[Rc<Word>], counts: &mut FxHashMap<u32, u32>);
    /// `node` rewritten so that each known name (or run of words that is one) also matches
    /// the entity's other names, and what was added.
    fn expand(&self, node: Node) -> (Node, Vec<Expansion>);
    /// The entity numbered `entity`, for showing.
    fn entity(&self, entity: u32) -> Option<EntityName>;
    /// The number of the entity with this id.
    fn find(&self, id: &str) -> Option<u32>;
    /// Where `words` name entities, in order: `(first word, words, entity)` (for the
    /// aligned reader; a linker that cannot place its mentions finds none).
    fn spans(&self, _words: &[Rc<Word>]) -> Vec<(usize, usize, u32)> {
        Vec::new()
    }
    /// Every word of every known name, normalized as name proposals compare words (Arabic
    /// also without its clitics and article): what is known is not proposed again. None by
    /// default.
    fn known_words(&self) -> Vec<String> {
        Vec::new()
    }
}

/// An entity as a result shows it: id, kind and canonical names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityName {
    pub id: String,
    pub kind: String,
    pub en: String,
    pub ar: String,
}

/// One query expansion: the words as typed, the names added, the entity they name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expansion {
    pub from: String,
    pub to: Vec<String>,
    /// The entity's id (the first, when the words name several).
    pub entity: String,
    /// Every entity the words name, by number.
    #[serde(skip)]
    pub entities: Vec<u32>,
}

/// An entity of the facet: who, and in how many matching articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    #[serde(flatten)]
    pub name: EntityName,
    pub count: usize,
}

/// A corpus's linker and, per article, the entities it mentions with their counts
/// (ascending by entity number).
#[derive(Clone, Debug)]
pub struct Links {
    pub linker: Rc<dyn Linker>,
    mentions: FxHashMap<DocId, Box<[(u32, u32)]>>,
}

impl Links {
    pub fn new(linker: Rc<dyn Linker>) -> Self {
        Links {
            linker,
            mentions: FxHashMap::default(),
        }
    }

    /// Records the entities of article `id` from its analysed title and body.
    pub fn add(&mut self, id: DocId, title: &[Rc<Word>], body: &[Rc<Word>]) {
        let mut counts = FxHashMap::default();
        self.linker.mentions(title, &mut counts);
        self.linker.mentions(body, &mut counts);
        let mut list: Vec<(u32, u32)> = counts.into_iter().collect();
        list.sort_unstable();
        if list.is_empty() {
            self.mentions.remove(&id);
        } else {
            self.mentions.insert(id, list.into());
        }
    }

    pub fn remove(&mut self, id: DocId) {
        self.mentions.remove(&id);
    }

    /// The entities article `id` mentions, with counts, ascending by number.
    pub fn of(&self, id: DocId) -> &[(u32, u32)] {
        self.mentions.get(&id).map_or(&[], |m| m)
    }

    pub fn mentions(&self, id: DocId, entity: u32) -> bool {
        self.of(id).binary_search_by_key(&entity, |m| m.0).is_ok()
    }

    /// Entity-mention pairs held, for the size figures.
    pub fn len(&self) -> usize {
        self.mentions.values().map(|m| m.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
    }
}
