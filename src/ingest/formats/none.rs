//! The small build's stand-in for `formats/` (the page's start-up module reads plain text
//! only): the same names as the full build's registry, answering "this build reads plain
//! text only" for every other format, with no metadata sidecars. The page then loads the
//! full build (`Corpus.readsFile` tells it when).

use super::format::Format;
use super::{Article, Budget, Ingested, Problem};
use crate::message::Code;

/// This build reads plain text only.
pub const READS_EVERY_FORMAT: bool = false;

/// Says the file needs the full build.
pub(super) fn read(
    _fmt: Format,
    file: &str,
    _bytes: &[u8],
    _depth: usize,
    _budget: &mut Budget,
    out: &mut Ingested,
) {
    out.problem(file, Code::TextOnlyBuild);
}

/// A metadata sidecar: none can exist without the table reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Sidecar {}

/// The note that a sidecar was applied: there is none to make.
pub fn applied(sidecar: &Sidecar, _count: usize) -> Problem {
    match *sidecar {}
}

/// The sidecar rows kept for later files: always empty here.
#[derive(Clone, Debug, Default)]
pub struct SidecarIndex(());

impl SidecarIndex {
    pub fn is_empty(&self) -> bool {
        true
    }

    pub fn add(&mut self, sidecar: &Sidecar) -> usize {
        match *sidecar {}
    }

    pub fn lookup(&self, _file: &str) -> Option<(&[(String, String)], super::NumericOrder)> {
        None
    }

    pub fn apply_to(&self, _article: &mut Article) -> bool {
        false
    }
}
