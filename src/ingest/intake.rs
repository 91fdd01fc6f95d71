//! One intake for every shell: how files join a collection of articles, written once for
//! the page's [`crate::Corpus`] and the CLI's `qarin ingest` ([`ArticleList`]).
//!
//! A file is read within the [`Limits`]; its problems and notes become warnings; each
//! metadata sidecar it holds applies to the matching articles already kept and is kept for
//! files that come later; each article gets the sidecar rows that match it, then an exact
//! duplicate of a kept article (same title and body, [`Article::content_hash`]) is refused
//! as "duplicate of X", and a near-duplicate ([`dedup`]) is kept with `near_duplicate_of`
//! naming the other file, in that file's group. Where the articles are kept, and what the
//! caller gets back for each, is the [`Shelf`]'s business.

use std::collections::HashMap;

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::{dedup, formats, read_with, Article, Limits, Problem};
use crate::message::{Code, Message};

/// Something the user should know about one file: `{file, code, args, message, skipped}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    pub message: Message,
    /// True when the file (or this part of it) was not added at all.
    pub skipped: bool,
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Warning", 5)?;
        out.serialize_field("file", &self.file)?;
        self.message.serialize_fields(&mut out)?;
        out.serialize_field("skipped", &self.skipped)?;
        out.end()
    }
}

impl Warning {
    pub fn skipped(p: Problem) -> Self {
        Warning {
            file: p.file,
            message: p.message,
            skipped: true,
        }
    }

    fn note(p: Problem) -> Self {
        Warning {
            file: p.file,
            message: p.message,
            skipped: false,
        }
    }
}

/// Where admitted articles are kept. Ids are the shelf's own; a group (of near-duplicates)
/// is named by the id of its first article.
pub trait Shelf {
    /// What the caller is given for each article kept.
    type Kept;

    /// The file of the kept article with this [`Article::content_hash`].
    fn file_with_hash(&self, hash: u64) -> Option<&str>;
    /// Whether article `id` is still kept.
    fn has(&self, id: u32) -> bool;
    /// The file and group of kept article `id`; `None` once it is removed.
    fn file_and_group(&self, id: u32) -> Option<(&str, u32)>;
    /// Ids and files of the kept articles.
    fn files(&self) -> Vec<(u32, &str)>;
    /// Changes kept article `id` in place (metadata only: title and body stay).
    fn update(&mut self, id: u32, change: &mut dyn FnMut(&mut Article));
    /// Every kept article, for signatures the shelf did not come with (a saved corpus).
    fn each(&self, f: &mut dyn FnMut(u32, &Article));
    /// Keeps an admitted article whose joined paragraphs are `body`, in group `group`
    /// (`None`: a group of its own); returns its id and what the caller is given.
    fn keep(&mut self, article: Article, body: &str, group: Option<u32>) -> (u32, Self::Kept);
}

/// What adding one file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct Intaken<K> {
    pub added: Vec<K>,
    /// Problems, notes and each added article's warnings, each naming its file, in order.
    pub warnings: Vec<Warning>,
}

/// The ingest state a collection keeps between files: limits, sidecar rows for files that
/// come later, and near-duplicate signatures.
#[derive(Clone, Debug, Default)]
pub struct Intake {
    pub limits: Limits,
    sidecars: formats::SidecarIndex,
    near: dedup::Index,
    /// Whether `near` holds the signatures of the shelf's articles. A shelf read from
    /// bytes comes without them; they are taken once, at its first add. (Checking `near`
    /// for emptiness instead re-read the whole shelf on every add while no article was
    /// long enough to sign, which made intake quadratic.)
    signed: bool,
    /// Files read whole, by name, length and FNV-1a of their bytes: the name the articles
    /// came under and the ids of every article the file held. The same file again, with all
    /// of them still kept, is refused before it is parsed (it could only add duplicates), so
    /// a 60 MB file dropped twice is not read twice.
    read: HashMap<(String, usize, u64), (String, Vec<u32>)>,
}

impl Intake {
    pub fn new(limits: Limits) -> Self {
        Intake {
            limits,
            ..Intake::default()
        }
    }

    /// Reads one whole file and adds what it holds to `shelf`.
    pub fn add_file<S: Shelf>(
        &mut self,
        shelf: &mut S,
        file: &str,
        bytes: &[u8],
    ) -> Intaken<S::Kept> {
        let key = (file.to_string(), bytes.len(), crate::hash::fnv1a(bytes));
        if let Some((first, ids)) = self.read.get(&key) {
            if ids.iter().all(|&id| shelf.has(id)) {
                let message = Message::new(Code::DuplicateOf, [("file", first.clone())]);
                return Intaken {
                    added: Vec::new(),
                    warnings: vec![Warning::skipped(Problem {
                        file: file.to_string(),
                        message,
                    })],
                };
            }
        }
        let ingested = read_with(file, bytes, &self.limits);
        // Only a file that added every article it held, and no sidecar rows, is known again.
        let mut whole = ingested.sidecars.is_empty() && !ingested.articles.is_empty();
        let mut ids = Vec::new();
        let mut warnings: Vec<Warning> = ingested
            .problems
            .into_iter()
            .map(Warning::skipped)
            .collect();
        warnings.extend(ingested.notes.into_iter().map(Warning::note));
        for sidecar in &ingested.sidecars {
            let applied = self.add_sidecar(shelf, sidecar);
            warnings.push(Warning::note(formats::applied(sidecar, applied)));
        }
        let mut added = Vec::new();
        for article in ingested.articles {
            match self.admit_id(shelf, article) {
                Ok((id, kept, article_warnings)) => {
                    warnings.extend(article_warnings);
                    added.push(kept);
                    ids.push(id);
                }
                Err(problem) => {
                    whole = false;
                    warnings.push(Warning::skipped(problem));
                }
            }
        }
        if whole {
            self.read.insert(key, (file.to_string(), ids));
        }
        Intaken { added, warnings }
    }

    /// Keeps a sidecar's rows and applies them to the matching articles already kept;
    /// returns how many it changed.
    pub fn add_sidecar<S: Shelf>(&mut self, shelf: &mut S, sidecar: &formats::Sidecar) -> usize {
        let mut only = formats::SidecarIndex::default();
        only.add(sidecar);
        self.sidecars.add(sidecar);
        let ids: Vec<u32> = shelf
            .files()
            .into_iter()
            .filter(|(_, file)| only.lookup(file).is_some())
            .map(|(id, _)| id)
            .collect();
        for &id in &ids {
            shelf.update(id, &mut |a| {
                only.apply_to(a);
            });
        }
        ids.len()
    }

    /// Adds an already cleaned article: sidecar metadata for its file is attached, an
    /// exact duplicate of a kept one is refused, and a near-duplicate is kept with
    /// `near_duplicate_of` naming the other file and a warning. Gives what the shelf gave
    /// and the article's warnings, each naming its file.
    pub fn admit<S: Shelf>(
        &mut self,
        shelf: &mut S,
        article: Article,
    ) -> Result<(S::Kept, Vec<Warning>), Problem> {
        self.admit_id(shelf, article)
            .map(|(_, kept, warnings)| (kept, warnings))
    }

    /// [`Intake::admit`], also giving the shelf's id of the article kept.
    fn admit_id<S: Shelf>(
        &mut self,
        shelf: &mut S,
        mut article: Article,
    ) -> Result<(u32, S::Kept, Vec<Warning>), Problem> {
        if !self.sidecars.is_empty() {
            self.sidecars.apply_to(&mut article);
        }
        // One name per outlet (aliases folded, non-outlets dropped), whoever set it. Here
        // and not where articles are stored: the start-up build reads no files, and the
        // alias table would cost it 6 KiB gzipped (a corpus saved before the table grew
        // keeps its names until its files are added again).
        article.outlet = article.outlet.as_deref().and_then(super::outlet_name);
        article.agency = article.agency.as_deref().and_then(super::outlet_name);
        if let Some(other) = shelf.file_with_hash(article.content_hash()) {
            return Err(Problem {
                file: article.file.clone(),
                message: Message::new(Code::DuplicateOf, [("file", other.to_string())]),
            });
        }
        if !self.signed {
            let near = &mut self.near;
            shelf.each(&mut |id, a| {
                if let Some(sig) = dedup::signature(&a.body()) {
                    near.add(id, sig);
                }
            });
            self.signed = true;
        }
        let body = article.body();
        let signature = dedup::signature(&body);
        let mut group = None;
        if let Some(sig) = &signature {
            let found = self
                .near
                .find(sig, |id| shelf.has(id))
                .and_then(|(id, c)| Some((shelf.file_and_group(id)?, c)));
            if let Some(((file, family), containment)) = found {
                let file = file.to_string();
                article.warnings.push(Message::new(
                    Code::NearDuplicateOf,
                    [
                        ("file", file.clone()),
                        ("percent", dedup::percent(containment).to_string()),
                    ],
                ));
                article.near_duplicate_of = Some(file);
                group = Some(family);
            }
        }
        let warnings = article
            .warnings
            .iter()
            .map(|w| Warning {
                file: article.file.clone(),
                message: w.clone(),
                skipped: false,
            })
            .collect();
        let (id, kept) = shelf.keep(article, &body, group);
        if let Some(sig) = signature {
            self.near.add(id, sig);
        }
        Ok((id, kept, warnings))
    }
}

/// Articles kept in a list, in the order they came, as `qarin ingest` prints them.
#[derive(Clone, Debug, Default)]
pub struct ArticleList {
    articles: Vec<(Article, u32)>,
    by_hash: HashMap<u64, usize>,
}

impl ArticleList {
    /// The articles kept, in order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.articles.iter().map(|(a, _)| a)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

impl Shelf for ArticleList {
    /// The article's position in the list.
    type Kept = usize;

    fn file_with_hash(&self, hash: u64) -> Option<&str> {
        let &i = self.by_hash.get(&hash)?;
        Some(self.articles.get(i)?.0.file.as_str())
    }

    fn has(&self, id: u32) -> bool {
        (id as usize) < self.articles.len()
    }

    fn file_and_group(&self, id: u32) -> Option<(&str, u32)> {
        let (a, group) = self.articles.get(id as usize)?;
        Some((a.file.as_str(), *group))
    }

    fn files(&self) -> Vec<(u32, &str)> {
        (0u32..)
            .zip(&self.articles)
            .map(|(i, (a, _))| (i, a.file.as_str()))
            .collect()
    }

    fn update(&mut self, id: u32, change: &mut dyn FnMut(&mut Article)) {
        if let Some((a, _)) = self.articles.get_mut(id as usize) {
            change(a);
        }
    }

    fn each(&self, f: &mut dyn FnMut(u32, &Article)) {
        for (i, (a, _)) in (0u32..).zip(&self.articles) {
            f(i, a);
        }
    }

    fn keep(&mut self, article: Article, _body: &str, group: Option<u32>) -> (u32, usize) {
        let i = self.articles.len();
        let id = u32::try_from(i).unwrap_or(u32::MAX);
        self.by_hash.insert(article.content_hash(), i);
        self.articles.push((article, group.unwrap_or(id)));
        (id, i)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Adds a file, giving its warnings as `file: message` lines.
    pub(crate) fn add(
        intake: &mut Intake,
        list: &mut ArticleList,
        file: &str,
        bytes: &[u8],
    ) -> Vec<String> {
        let got = intake.add_file(list, file, bytes);
        got.warnings
            .iter()
            .map(|w| format!("{}: {}", w.file, w.message))
            .collect()
    }

    #[test]
    fn duplicates_and_near_duplicates_join_the_first_articles_group() {
        let story: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let mut intake = Intake::default();
        let mut list = ArticleList::default();
        for (file, intro) in [("a.txt", "First"), ("b.txt", "Second")] {
            let text = format!("{intro} report\n\n{intro} outlet. {}.", story.join(" "));
            add(&mut intake, &mut list, file, text.as_bytes());
        }
        let copy = format!("First report\n\nFirst outlet. {}.", story.join(" "));
        let warnings = add(&mut intake, &mut list, "copy.txt", copy.as_bytes());
        assert_eq!(warnings, ["copy.txt: skipped: duplicate of a.txt"]);
        assert_eq!(list.len(), 2);
        let b = list.articles().nth(1).unwrap();
        assert_eq!(b.near_duplicate_of.as_deref(), Some("a.txt"));
        assert_eq!(list.file_and_group(1), Some(("b.txt", 0)));
    }
}
