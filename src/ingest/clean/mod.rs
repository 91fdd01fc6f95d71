//! Cleaning: the noise news pages carry around an article, removed by general rules about
//! how news pages are built, never by strings of particular files (they are measured on
//! articles no one has seen). Each rule is a small function that records what it takes out
//! as a [`Removed`], so the reader can show it greyed out and a user can see why.
//!
//! The rules run from the top down: the site name after the headline, then lines at the
//! head of the body (a repeated headline, an outlet or byline, a date line, a share bar),
//! then prefixes of the first paragraph (a date stamp, the headline again, the dateline),
//! then the tail (comment forms, related-link lists, navigation, time stamps), navigation
//! lines anywhere, and last the furniture that single-paragraph pages run into their last
//! paragraph. Removals are sorted into document order at the end. Whole-line rules never
//! take the first body line from the tail side nor the last line from the head side, and
//! prefix or suffix cuts always leave text behind, so a misfire can shorten an article but
//! never empty one that has a real paragraph.

mod head;
mod lead;
mod matching;
mod phrases;
mod tail;
#[cfg(test)]
mod tests;
mod title;

use super::{Removed, RemovedKind};
use head::head_lines;
use lead::lead_prefixes;
use tail::{last_paragraph_tail, navigation_lines, tail};
use title::title_suffix;

/// What cleaning produced for one article.
pub(crate) struct Cleaned {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub removed: Vec<Removed>,
    pub dateline: Option<String>,
    pub agency: Option<String>,
    pub outlet: Option<String>,
    /// Texts removed before the first kept line (date stamps, dateline and outlet lines,
    /// the headline printed again): where the article's own date is written. Removals
    /// further down (a teaser's time stamp) never date the article.
    pub head_removed: Vec<String>,
}

/// Cleans one article: `title` is its first line, `lines` the non-blank lines after it,
/// already trimmed.
pub(crate) fn clean(title: &str, lines: Vec<String>) -> Cleaned {
    let mut doc = Doc {
        full_title: title.to_string(),
        title: title.to_string(),
        lines: lines.into_iter().map(Some).collect(),
        removed: Vec::new(),
        dateline: None,
        agency: None,
        outlet: None,
    };
    title_suffix(&mut doc);
    head_lines(&mut doc);
    lead_prefixes(&mut doc);
    tail(&mut doc);
    navigation_lines(&mut doc);
    last_paragraph_tail(&mut doc);
    doc.finish()
}

/// The article while it is being cleaned. A removed line becomes `None`; removals carry
/// their position (0 = title, `i + 1` = body line `i`) so they can be put in document order.
struct Doc {
    full_title: String,
    title: String,
    lines: Vec<Option<String>>,
    removed: Vec<(usize, Removed)>,
    dateline: Option<String>,
    agency: Option<String>,
    outlet: Option<String>,
}

impl Doc {
    fn kept(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.lines[i].is_some())
            .collect()
    }

    fn line(&self, i: usize) -> &str {
        self.lines.get(i).and_then(|l| l.as_deref()).unwrap_or("")
    }

    fn drop_line(&mut self, i: usize, kind: RemovedKind) {
        if let Some(text) = self.lines.get_mut(i).and_then(Option::take) {
            self.removed.push((i + 1, Removed { kind, text }));
        }
    }

    /// Removes the first `len` bytes of line `i` (a char boundary, checked).
    fn cut_prefix(&mut self, i: usize, len: usize, kind: RemovedKind) -> bool {
        let Some(Some(line)) = self.lines.get_mut(i) else {
            return false;
        };
        let (Some(head), Some(rest)) = (line.get(..len), line.get(len..)) else {
            return false;
        };
        let (head, rest) = (head.trim().to_string(), rest.trim_start().to_string());
        if head.is_empty() || rest.is_empty() {
            return false;
        }
        *line = rest;
        self.removed.push((i + 1, Removed { kind, text: head }));
        true
    }

    fn finish(mut self) -> Cleaned {
        // By position; removals at one position keep the order the rules made them in.
        let removed = std::mem::take(&mut self.removed);
        self.removed =
            crate::order::by_key(removed, |(pos, _)| (*pos).min(u32::MAX as usize) as u32);
        let first_kept = self
            .lines
            .iter()
            .position(Option::is_some)
            .map_or(usize::MAX, |i| i + 1);
        let head_removed = self
            .removed
            .iter()
            .filter(|(pos, r)| {
                *pos > 0
                    && *pos <= first_kept
                    && matches!(
                        r.kind,
                        RemovedKind::Timestamp
                            | RemovedKind::Dateline
                            | RemovedKind::RepeatedTitle
                            | RemovedKind::OutletLine
                    )
            })
            .map(|(_, r)| r.text.clone())
            .collect();
        Cleaned {
            head_removed,
            title: self.title,
            paragraphs: self.lines.into_iter().flatten().collect(),
            removed: self.removed.into_iter().map(|(_, r)| r).collect(),
            dateline: self.dateline,
            agency: self.agency,
            outlet: self.outlet,
        }
    }
}
