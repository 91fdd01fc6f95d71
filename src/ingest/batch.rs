//! Many files read together without building an index, as `qarin ingest` reads them: the
//! same rules as [`crate::Corpus::add_bytes`] — a metadata sidecar applies to the matching
//! articles read before and after it, an exact duplicate (same title and body) is skipped
//! as "duplicate of X", a near-duplicate is kept with `near_duplicate_of` ([`dedup`]).

use std::collections::HashMap;

#[cfg(feature = "formats")]
use super::sidecar;
use super::{dedup, read_with, Article, Limits, Problem};
use crate::message::{Code, Message};

#[derive(Default)]
pub struct Batch {
    pub limits: Limits,
    articles: Vec<Article>,
    /// Problems (files or parts not read) and notes (read, with something to say).
    pub problems: Vec<Problem>,
    pub notes: Vec<Problem>,
    #[cfg(feature = "formats")]
    sidecars: sidecar::Index,
    by_hash: HashMap<u64, usize>,
    near: dedup::Index,
}

impl Batch {
    pub fn new(limits: Limits) -> Self {
        Batch {
            limits,
            ..Batch::default()
        }
    }

    /// Reads one file.
    pub fn add(&mut self, file: &str, bytes: &[u8]) {
        let got = read_with(file, bytes, &self.limits);
        self.problems.extend(got.problems);
        self.notes.extend(got.notes);
        #[cfg(feature = "formats")]
        for sc in &got.sidecars {
            let mut only = sidecar::Index::default();
            only.add(sc);
            self.sidecars.add(sc);
            for a in &mut self.articles {
                only.apply_to(a);
            }
        }
        for a in got.articles {
            self.admit(a);
        }
    }

    fn admit(&mut self, mut a: Article) {
        #[cfg(feature = "formats")]
        self.sidecars.apply_to(&mut a);
        let hash = a.content_hash();
        if let Some(&i) = self.by_hash.get(&hash) {
            let other = self.articles.get(i).map_or("", |o| o.file.as_str());
            self.problems.push(Problem {
                file: a.file.clone(),
                message: Message::new(Code::DuplicateOf, [("file", other.to_string())]),
            });
            return;
        }
        let i = self.articles.len();
        if let Some(sig) = dedup::signature(&a.body()) {
            if let Some((j, c)) = self.near.find(&sig, |_| true) {
                if let Some(other) = self.articles.get(j as usize) {
                    a.warnings.push(Message::new(
                        Code::NearDuplicateOf,
                        [
                            ("file", other.file.clone()),
                            ("percent", dedup::percent(c).to_string()),
                        ],
                    ));
                    a.near_duplicate_of = Some(other.file.clone());
                }
            }
            self.near.add(i as u32, sig);
        }
        self.by_hash.insert(hash, i);
        self.articles.push(a);
    }

    /// The articles read, in the order of the files.
    pub fn finish(self) -> (Vec<Article>, Vec<Problem>, Vec<Problem>) {
        (self.articles, self.problems, self.notes)
    }
}

#[cfg(all(test, feature = "formats"))]
mod tests {
    use super::*;

    #[test]
    fn sidecars_before_or_after_and_duplicates() {
        let mut b = Batch::default();
        let art = b"Rain in the valley\n\nRain fell on the valley for the third day, officials said on Monday.";
        b.add("in/a.txt", art);
        b.add(
            "meta.tsv",
            b"file\tsource\tdate\na.txt\tValley News\t2019-03-04\nb.txt\tHill Times\t2019-03-05\n",
        );
        b.add(
            "in/b.txt",
            b"Storm hits the coast\n\nA storm hit the coast overnight, cutting power to thousands.",
        );
        b.add("in/copy.txt", art);
        let (articles, problems, notes) = b.finish();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].outlet.as_deref(), Some("Valley News"));
        assert_eq!(articles[1].date.as_deref(), Some("2019-03-05"));
        assert!(problems
            .iter()
            .any(|p| p.file == "in/copy.txt" && p.message.contains("duplicate of in/a.txt")));
        assert!(notes.iter().any(|n| n.file == "meta.tsv"));
    }
}
