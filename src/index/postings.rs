//! Term → postings, compact and incremental.
//!
//! Every word of an article gets a position: the title's words come first, then one gap,
//! then the body's, so a phrase never runs from title into body and the field of a
//! position is known from the title's length. A word is indexed under its main term and
//! under each alternative reading (see `analysis::Word::terms`), flagged as such, so
//! ranking can weigh the two differently.
//!
//! Terms are interned to ids; each term's list is one byte vector, appended to as articles
//! arrive (ids only grow), laid out per article as
//!
//! ```text
//! varint(doc − previous doc)  varint(n)  n × varint((position − previous position) · 2 + alt)
//! ```
//! (the first doc and position are taken relative to 0). Removed articles stay in the
//! lists until [`Postings::compact`] rewrites them; readers skip ids the store no longer has.

use crate::analysis::Word;
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// The position of the first body word, given the number of title words.
pub fn body_start(title_words: u32) -> u32 {
    title_words + 1
}

#[derive(Clone, Debug, Default)]
struct List {
    bytes: Vec<u8>,
    /// Articles in the list (removed ones included until compaction).
    docs: u32,
    last_doc: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Postings {
    /// Term → id; the id indexes `lists`. The dictionary holds each term once.
    ids: FxHashMap<Box<str>, u32>,
    lists: Vec<List>,
}

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it; `None` when the bytes end or overflow.
pub fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

impl Postings {
    fn intern(&mut self, term: &str) -> usize {
        if let Some(&id) = self.ids.get(term) {
            return id as usize;
        }
        let id = self.lists.len();
        self.ids.insert(term.into(), id as u32);
        self.lists.push(List::default());
        id
    }

    /// Indexes one article's words, in order (title words, then body words). `doc` must be
    /// larger than every id added before.
    pub fn add(&mut self, doc: u32, title: &[Rc<Word>], body: &[Rc<Word>]) {
        let body_at = body_start(title.len() as u32);
        let mut hits: Vec<(u32, u32)> = Vec::with_capacity((title.len() + body.len()) * 5 / 4);
        let positioned = title.iter().enumerate().map(|(i, w)| (i as u32, w)).chain(
            body.iter()
                .enumerate()
                .map(|(i, w)| (body_at + i as u32, w)),
        );
        for (pos, word) in positioned {
            for (reading, term) in word.terms.iter().enumerate() {
                let id = self.intern(term) as u32;
                hits.push((id, pos << 1 | u32::from(reading > 0)));
            }
        }
        hits.sort_unstable();
        let mut i = 0;
        while i < hits.len() {
            let id = hits[i].0;
            let end = hits[i..]
                .iter()
                .position(|h| h.0 != id)
                .map_or(hits.len(), |n| i + n);
            let list = &mut self.lists[id as usize];
            put_varint(&mut list.bytes, doc - list.last_doc);
            put_varint(&mut list.bytes, (end - i) as u32);
            let mut previous = 0;
            for &(_, coded) in &hits[i..end] {
                let (pos, alt) = (coded >> 1, coded & 1);
                put_varint(&mut list.bytes, (pos - previous) << 1 | alt);
                previous = pos;
            }
            list.docs += 1;
            list.last_doc = doc;
            i = end;
        }
    }

    /// Number of articles in `term`'s list (removed ones included until compaction).
    pub fn df(&self, term: &str) -> usize {
        self.ids
            .get(term)
            .map_or(0, |&id| self.lists[id as usize].docs as usize)
    }

    /// Calls `f(doc, positions)` for every article in `term`'s list, in id order; each
    /// position comes with `true` when it is an alternative reading.
    pub fn for_each(&self, term: &str, mut f: impl FnMut(u32, &[(u32, bool)])) {
        let Some(&id) = self.ids.get(term) else {
            return;
        };
        let bytes = &self.lists[id as usize].bytes;
        let mut at = 0;
        let mut doc = 0u32;
        let mut positions = Vec::new();
        while at < bytes.len() {
            let (Some(delta), Some(n)) = (get_varint(bytes, &mut at), get_varint(bytes, &mut at))
            else {
                return;
            };
            doc += delta;
            positions.clear();
            let mut pos = 0u32;
            for _ in 0..n {
                let Some(v) = get_varint(bytes, &mut at) else {
                    return;
                };
                pos += v >> 1;
                positions.push((pos, v & 1 == 1));
            }
            f(doc, &positions);
        }
    }

    /// Terms in the dictionary, for prefix and fuzzy expansion.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.ids.keys().map(|t| &**t)
    }

    /// Bytes used by the lists and the dictionary (not the stored articles): list buffers
    /// and headers, the hash table's buckets and control bytes, and each term's heap
    /// string with an allocator header of 8 bytes.
    pub fn heap_bytes(&self) -> usize {
        let lists: usize = self.lists.iter().map(|l| l.bytes.capacity()).sum::<usize>()
            + self.lists.capacity() * std::mem::size_of::<List>();
        let table = self.ids.capacity() * (std::mem::size_of::<(Box<str>, u32)>() + 1);
        let strings: usize = self
            .ids
            .keys()
            .map(|t| t.len().next_multiple_of(8) + 8)
            .sum();
        lists + table + strings
    }

    /// Gives back the spare capacity lists keep for growth (call after a batch of adds).
    pub fn shrink(&mut self) {
        for list in &mut self.lists {
            list.bytes.shrink_to_fit();
        }
        self.lists.shrink_to_fit();
    }

    /// Rewrites every list without the articles `live` rejects, and drops terms left with
    /// no article.
    pub fn compact(&mut self, live: impl Fn(u32) -> bool) {
        let mut old_terms: Vec<(Box<str>, u32)> =
            std::mem::take(&mut self.ids).into_iter().collect();
        old_terms.sort_unstable_by_key(|(_, id)| *id);
        let old_lists = std::mem::take(&mut self.lists);
        for ((term, _), list) in old_terms.into_iter().zip(old_lists) {
            let mut fresh = List::default();
            let mut at = 0;
            let mut doc = 0u32;
            while at < list.bytes.len() {
                let (Some(delta), Some(n)) = (
                    get_varint(&list.bytes, &mut at),
                    get_varint(&list.bytes, &mut at),
                ) else {
                    break;
                };
                doc += delta;
                let after_count = at;
                for _ in 0..n {
                    if get_varint(&list.bytes, &mut at).is_none() {
                        break;
                    }
                }
                if live(doc) {
                    put_varint(&mut fresh.bytes, doc - fresh.last_doc);
                    put_varint(&mut fresh.bytes, n);
                    fresh.bytes.extend_from_slice(&list.bytes[after_count..at]);
                    fresh.docs += 1;
                    fresh.last_doc = doc;
                }
            }
            if fresh.docs > 0 {
                fresh.bytes.shrink_to_fit();
                self.ids.insert(term, self.lists.len() as u32);
                self.lists.push(fresh);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Script;

    fn word(terms: &[&str]) -> Rc<Word> {
        Rc::new(Word {
            script: Script::Latin,
            terms: terms.iter().map(|t| t.to_string()).collect(),
            exact: terms[0].into(),
            stop: false,
        })
    }

    #[test]
    fn varints_round_trip_and_refuse_truncation() {
        let mut bytes = Vec::new();
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            put_varint(&mut bytes, v);
        }
        let mut at = 0;
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            assert_eq!(get_varint(&bytes, &mut at), Some(v));
        }
        assert_eq!(get_varint(&[0x80, 0x80], &mut 0), None);
    }

    #[test]
    fn lists_record_positions_readings_and_survive_compaction() {
        let (a, b, c) = (word(&["siege"]), word(&["ghouta"]), word(&["وحسن", "حسن"]));
        let mut p = Postings::default();
        p.add(0, std::slice::from_ref(&b), &[a, b.clone(), c.clone()]);
        p.add(3, &[], &[c]);
        let mut seen = Vec::new();
        p.for_each("ghouta", |doc, pos| seen.push((doc, pos.to_vec())));
        assert_eq!(seen, [(0, vec![(0, false), (3, false)])]);
        let mut alt = Vec::new();
        p.for_each("حسن", |doc, pos| alt.push((doc, pos.to_vec())));
        assert_eq!(alt, [(0, vec![(4, true)]), (3, vec![(1, true)])]);
        assert_eq!(p.df("حسن"), 2);
        p.compact(|doc| doc != 0);
        assert_eq!(p.df("حسن"), 1);
        assert_eq!(p.df("ghouta"), 0);
        let mut after = Vec::new();
        p.for_each("وحسن", |doc, pos| after.push((doc, pos.to_vec())));
        assert_eq!(after, [(3, vec![(1, false)])]);
    }
}
