//! Term → postings, compact and incremental.
//!
//! Every word of an article gets a position: the title's words come first, then one gap,
//! then the body's, so a phrase never runs from title into body and the field of a
//! position is known from the title's length. A word is indexed under its main term and
//! under each alternative reading (see `analysis::Word::terms`), flagged as such, so
//! ranking can weigh the two differently.
//!
//! Memory is what limits a corpus in a browser tab, so the dictionary holds no per-term
//! allocation: term texts sit back to back in one byte arena, a hash table holds only
//! 4-byte term ids, and every posting list is a slice of one shared list arena. A list
//! that outgrows its slice moves to the arena's end with room to double (like a `Vec`);
//! the hole it leaves is reclaimed by [`Postings::shrink`] or when holes pass half the
//! arena. Each list is laid out per article as
//!
//! ```text
//! varint((doc − previous doc) · 2 + 1)                  when the term occurs once, or
//! varint((doc − previous doc) · 2)  varint(n)           when it occurs n ≠ 1 times,
//! then n × varint((position − previous position) · 2 + alt)
//! ```
//! (the first doc and position are taken relative to 0; most terms occur once in an
//! article, so the count usually costs nothing). Lists of more than
//! [`SKIP_EVERY`] articles get a skip entry every [`SKIP_EVERY`] articles, so a query can
//! jump to the articles it still considers instead of decoding the whole list. Removed
//! articles stay in the lists until [`Postings::compact`] rewrites them; readers skip ids
//! the store no longer has.

use crate::analysis::Word;
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
use std::hash::BuildHasher;
use std::rc::Rc;

/// Articles between two skip entries of a list.
pub const SKIP_EVERY: u32 = 64;

/// The position of the first body word, given the number of title words.
pub fn body_start(title_words: u32) -> u32 {
    title_words + 1
}

/// One dictionary entry: where its text and its list live, and the list's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Term {
    /// Where the text starts in the arena; it ends where the next term's starts.
    pub text_at: u32,
    pub start: u32,
    pub len: u32,
    pub cap: u32,
    /// Articles in the list (removed ones included until compaction).
    pub docs: u32,
    pub last_doc: u32,
}

/// A place to resume decoding a list: the article before it (the delta base) and the
/// byte offset of the next article's entry within the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skip {
    pub base: u32,
    pub at: u32,
}

/// Skip entries of the lists long enough to have them, by term id.
pub type Skips = FxHashMap<u32, Vec<Skip>>;

#[derive(Clone, Debug, Default)]
pub struct Postings {
    /// Term ids, found by hashing their text.
    table: IdTable,
    text: Vec<u8>,
    terms: Vec<Term>,
    lists: Vec<u8>,
    /// Bytes of `lists` no list uses any more (left by moves).
    holes: usize,
    skips: Skips,
    /// Term ids in text order, for prefix ranges; built on the first prefix query after
    /// a change.
    sorted: OnceCell<Vec<u32>>,
    /// Term ids by a derived key and by length, for did-you-mean; built on first use after
    /// a change (see [`TermKeys`]).
    keys: OnceCell<TermKeys>,
}

/// The dictionary grouped two ways for a query that looks for near spellings: by a key
/// derived from each term's text (did-you-mean's spelling family, hashed to 32 bits) and
/// by script and letter count. Derived once per dictionary state, so a query with few
/// results looks its candidates up instead of reading all the terms' text. The one key
/// function is the caller's; a 32-bit key may collide, so callers check what they find.
#[derive(Clone, Debug, Default)]
pub struct TermKeys {
    /// (key, term id), sorted.
    by_key: Vec<(u32, u32)>,
    /// (`length_key`, term id), sorted.
    by_length: Vec<(u32, u32)>,
    /// The [`letter_mask`] of each term of `by_length`, in its order.
    masks: Vec<u64>,
}

/// The letters a word has, one bit each (a code point modulo 64: the Latin letters and the
/// Arabic letters each fall on distinct bits). A letter of one word that the other lacks
/// costs at least one edit, so the bits two words do not share bound their edit distance
/// from below without reading either word.
pub fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

impl TermKeys {
    /// Term ids whose key is `key`.
    pub fn with_key(&self, key: u32) -> impl Iterator<Item = u32> + '_ {
        let from = self.by_key.partition_point(|&(k, _)| k < key);
        self.by_key[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, id)| id)
    }

    /// Term ids of `letters` letters, ASCII (Latin once normalized) or not, each with its
    /// [`letter_mask`].
    pub fn with_length(
        &self,
        ascii: bool,
        letters: usize,
    ) -> impl Iterator<Item = (u32, u64)> + '_ {
        let key = length_key(ascii, letters);
        let from = self.by_length.partition_point(|&(k, _)| k < key);
        self.by_length[from..]
            .iter()
            .zip(&self.masks[from..])
            .take_while(move |&(&(k, _), _)| k == key)
            .map(|(&(_, id), &mask)| (id, mask))
    }
}

fn length_key(ascii: bool, letters: usize) -> u32 {
    u32::from(ascii) << 31 | letters.min(u32::MAX as usize >> 1) as u32
}

/// Term ids by the hash of their text: open addressing with linear probing, slots hold
/// `id + 1` (0 is empty), at most half full while terms are added and at most three
/// quarters full once the index is finished ([`IdTable::finished`]). Our own ten lines rather than
/// `hashbrown::HashTable`, which cost the start-up wasm several KB for the same job.
#[derive(Clone, Debug, Default)]
struct IdTable {
    slots: Vec<u32>,
    len: usize,
}

impl IdTable {
    /// Slots for a finished table of `len` ids: the smallest power of two at most three
    /// quarters full. A finished index is mostly read, and a lookup in a table three
    /// quarters full still probes about 2.5 slots for a present term (linear probing),
    /// while the table takes half the memory of a half-full one. The next insert grows it
    /// back to half full.
    fn finished_slots(len: usize) -> usize {
        (len * 4 / 3 + 1).next_power_of_two().max(16)
    }

    /// An empty table sized for `n` ids as a finished one (see [`IdTable::finished_slots`]),
    /// to be filled with [`IdTable::push_unique`].
    fn finished(n: usize) -> Self {
        IdTable {
            slots: vec![0; Self::finished_slots(n)],
            len: 0,
        }
    }

    fn find(&self, h: u64, eq: impl Fn(u32) -> bool) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = h as usize & mask;
        loop {
            match self.slots[i] {
                0 => return None,
                s if eq(s - 1) => return Some(s - 1),
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn put(&mut self, h: u64, id: u32) {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = id + 1;
    }

    /// Adds `id` (not present yet) to a table sized for it: no growth, no rehash.
    fn push_unique(&mut self, h: u64, id: u32) {
        self.put(h, id);
        self.len += 1;
    }

    /// Adds `id` (not present yet); `rehash` gives the hash of any stored id when the
    /// table grows.
    fn insert_unique(&mut self, h: u64, id: u32, rehash: impl Fn(u32) -> u64) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.resize((self.len + 1) * 2, &rehash);
        }
        self.put(h, id);
        self.len += 1;
    }

    fn resize(&mut self, at_least: usize, rehash: &impl Fn(u32) -> u64) {
        let old = std::mem::replace(
            &mut self.slots,
            vec![0; at_least.next_power_of_two().max(16)],
        );
        for s in old.into_iter().filter(|&s| s != 0) {
            self.put(rehash(s - 1), s - 1);
        }
    }

    /// Shrinks to a finished table (see [`IdTable::finished_slots`]).
    fn shrink_to_fit(&mut self, rehash: impl Fn(u32) -> u64) {
        let slots = Self::finished_slots(self.len);
        if slots < self.slots.len() {
            self.resize(slots, &rehash);
        }
    }

    fn capacity(&self) -> usize {
        self.slots.len()
    }
}

fn hash(text: &[u8]) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// The text of term `id`: from its start to the next term's (or the arena's end).
fn text_of<'t>(text: &'t [u8], terms: &[Term], id: u32) -> &'t [u8] {
    let from = terms[id as usize].text_at as usize;
    let to = terms
        .get(id as usize + 1)
        .map_or(text.len(), |t| t.text_at as usize);
    &text[from..to]
}

/// Appends an article's entry header: the doc delta, with the count folded in when 1.
fn put_header(out: &mut Vec<u8>, delta: u32, n: u32) {
    if n == 1 {
        put_varint(out, delta << 1 | 1);
    } else {
        put_varint(out, delta << 1);
        put_varint(out, n);
    }
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

/// Reads one posting list, article by article; positions are decoded only when asked.
#[derive(Clone, Debug)]
pub struct Cursor<'a> {
    bytes: &'a [u8],
    skips: &'a [Skip],
    /// Offset of the next article's entry.
    at: usize,
    /// The current article, or the delta base before the first `next`.
    doc: u32,
    started: bool,
    n: u32,
    positions_at: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8], skips: &'a [Skip]) -> Self {
        Cursor {
            bytes,
            skips,
            at: 0,
            doc: 0,
            started: false,
            n: 0,
            positions_at: 0,
        }
    }

    /// The next article of the list.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<u32> {
        let bytes = self.bytes;
        let mut at = self.at;
        let head = get_varint(bytes, &mut at)?;
        let (delta, n) = match head & 1 {
            1 => (head >> 1, 1),
            _ => (head >> 1, get_varint(bytes, &mut at)?),
        };
        self.positions_at = at;
        // Step over the positions: one varint ends at each byte below 0x80.
        let mut left = n;
        while left > 0 {
            let b = *bytes.get(at)?;
            at += 1;
            left -= u32::from(b < 0x80);
        }
        self.at = at;
        self.doc += delta;
        self.started = true;
        self.n = n;
        Some(self.doc)
    }

    /// The first article at or after `target`, jumping ahead by the skip entries.
    pub fn seek(&mut self, target: u32) -> Option<u32> {
        if self.started && self.doc >= target {
            return Some(self.doc);
        }
        let i = self.skips.partition_point(|s| s.base < target);
        if let Some(s) = i.checked_sub(1).map(|i| self.skips[i]) {
            if s.at as usize > self.at {
                self.at = s.at as usize;
                self.doc = s.base;
            }
        }
        while let Some(doc) = self.next() {
            if doc >= target {
                return Some(doc);
            }
        }
        None
    }

    /// The current article's positions, ascending, each with `true` for an alternative
    /// reading.
    pub fn positions(&self) -> impl Iterator<Item = (u32, bool)> + 'a {
        let (bytes, mut at, mut pos) = (self.bytes, self.positions_at, 0u32);
        (0..self.n).map_while(move |_| {
            let v = get_varint(bytes, &mut at)?;
            // Wrapping: a crafted saved list must not panic a debug build either.
            pos = pos.wrapping_add(v >> 1);
            Some((pos, v & 1 == 1))
        })
    }
}

impl Postings {
    fn term_text(&self, id: u32) -> &str {
        // The arena only ever receives whole `&str`s.
        std::str::from_utf8(text_of(&self.text, &self.terms, id)).unwrap_or_default()
    }

    fn id(&self, term: &str) -> Option<u32> {
        let (text, terms) = (&self.text, &self.terms);
        self.table.find(hash(term.as_bytes()), |id| {
            text_of(text, terms, id) == term.as_bytes()
        })
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(id) = self.id(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(Term {
            text_at: self.text.len() as u32,
            ..Term::default()
        });
        self.text.extend_from_slice(term.as_bytes());
        let (text, terms) = (&self.text, &self.terms);
        self.table.insert_unique(hash(term.as_bytes()), id, |id| {
            hash(text_of(text, terms, id))
        });
        id
    }

    /// Appends one article's entry to list `id`, moving the list to the arena's end when
    /// its slice is full.
    fn append(&mut self, id: u32, doc: u32, entry: &[u8]) {
        let t = &mut self.terms[id as usize];
        if t.docs > 0 && t.docs.is_multiple_of(SKIP_EVERY) {
            self.skips.entry(id).or_default().push(Skip {
                base: t.last_doc,
                at: t.len,
            });
        }
        let need = t.len as usize + entry.len();
        if need > t.cap as usize {
            let at_end = (t.start + t.cap) as usize == self.lists.len();
            let cap = need.max(t.cap as usize * 2);
            if at_end {
                self.lists.resize(t.start as usize + cap, 0);
            } else {
                let start = self.lists.len();
                self.lists
                    .extend_from_within(t.start as usize..(t.start + t.len) as usize);
                self.lists.resize(start + cap, 0);
                self.holes += t.cap as usize;
                t.start = start as u32;
            }
            t.cap = cap as u32;
        }
        let at = (t.start + t.len) as usize;
        self.lists[at..at + entry.len()].copy_from_slice(entry);
        t.len += entry.len() as u32;
        t.docs += 1;
        t.last_doc = doc;
        if self.holes > self.lists.len() / 2 && self.lists.len() > 1 << 16 {
            self.pack();
        }
    }

    /// Lays the lists out again back to back, without holes or spare room.
    fn pack(&mut self) {
        let mut packed = Vec::with_capacity(self.terms.iter().map(|t| t.len as usize).sum());
        for t in &mut self.terms {
            let start = packed.len();
            packed.extend_from_slice(&self.lists[t.start as usize..(t.start + t.len) as usize]);
            t.start = start as u32;
            t.cap = t.len;
        }
        self.lists = packed;
        self.holes = 0;
    }

    /// Indexes one article's words, in order (title words, then body words). `doc` must be
    /// larger than every id added before.
    pub fn add(&mut self, doc: u32, title: &[Rc<Word>], body: &[Rc<Word>]) {
        self.sorted.take();
        self.keys.take();
        let body_at = body_start(title.len() as u32);
        let mut hits: Vec<(u32, u32)> = Vec::with_capacity((title.len() + body.len()) * 5 / 4);
        let positioned = title.iter().enumerate().map(|(i, w)| (i as u32, w)).chain(
            body.iter()
                .enumerate()
                .map(|(i, w)| (body_at + i as u32, w)),
        );
        for (pos, word) in positioned {
            for (reading, term) in word.terms.iter().enumerate() {
                let id = self.intern(term);
                hits.push((id, pos << 1 | u32::from(reading > 0)));
            }
        }
        hits.sort_unstable();
        let mut entry = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            let id = hits[i].0;
            let end = hits[i..]
                .iter()
                .position(|h| h.0 != id)
                .map_or(hits.len(), |n| i + n);
            entry.clear();
            let t = &self.terms[id as usize];
            put_header(
                &mut entry,
                doc - if t.docs == 0 { 0 } else { t.last_doc },
                (end - i) as u32,
            );
            let mut previous = 0;
            for &(_, coded) in &hits[i..end] {
                let (pos, alt) = (coded >> 1, coded & 1);
                put_varint(&mut entry, (pos - previous) << 1 | alt);
                previous = pos;
            }
            self.append(id, doc, &entry);
            i = end;
        }
    }

    /// Number of articles in `term`'s list (removed ones included until compaction).
    pub fn df(&self, term: &str) -> usize {
        self.id(term)
            .map_or(0, |id| self.terms[id as usize].docs as usize)
    }

    /// A reader of `term`'s list (`None` when the term is not indexed).
    pub fn cursor(&self, term: &str) -> Option<Cursor<'_>> {
        let id = self.id(term)?;
        let t = &self.terms[id as usize];
        let skips = self.skips.get(&id).map_or(&[][..], Vec::as_slice);
        Some(Cursor::new(
            &self.lists[t.start as usize..(t.start + t.len) as usize],
            skips,
        ))
    }

    /// Calls `f(doc, positions)` for every article in `term`'s list, in id order; each
    /// position comes with `true` when it is an alternative reading.
    pub fn for_each(&self, term: &str, mut f: impl FnMut(u32, &[(u32, bool)])) {
        let Some(mut cursor) = self.cursor(term) else {
            return;
        };
        let mut positions = Vec::new();
        while let Some(doc) = cursor.next() {
            positions.clear();
            positions.extend(cursor.positions());
            f(doc, &positions);
        }
    }

    /// Terms in the dictionary, for fuzzy expansion.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        (0..self.terms.len() as u32).map(|id| self.term_text(id))
    }

    /// The text of term `id` (an id from [`TermKeys`]).
    pub fn term(&self, id: u32) -> &str {
        if id as usize >= self.terms.len() {
            return "";
        }
        self.term_text(id)
    }

    /// The dictionary by `key` and by length, derived on first use after a change. `key`
    /// must be the same function at every call (did-you-mean's spelling family).
    pub fn term_keys(&self, key: impl Fn(&str) -> u32) -> &TermKeys {
        self.keys.get_or_init(|| {
            let mut keys = TermKeys::default();
            for id in 0..self.terms.len() as u32 {
                let t = self.term_text(id);
                keys.by_key.push((key(t), id));
                let letters = if t.is_ascii() {
                    t.len()
                } else {
                    t.chars().count()
                };
                keys.by_length.push((length_key(t.is_ascii(), letters), id));
            }
            keys.by_key.sort_unstable();
            keys.by_length.sort_unstable();
            keys.masks = (keys.by_length.iter())
                .map(|&(_, id)| letter_mask(self.term_text(id)))
                .collect();
            keys
        })
    }

    /// Number of terms in the dictionary.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Terms that start with `prefix`, in text order.
    pub fn with_prefix<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = &'s str> + 's {
        let sorted = self.sorted.get_or_init(|| {
            let mut ids: Vec<u32> = (0..self.terms.len() as u32).collect();
            ids.sort_unstable_by(|&a, &b| self.term_text(a).cmp(self.term_text(b)));
            ids
        });
        let from = sorted.partition_point(|&id| self.term_text(id) < prefix);
        sorted[from..]
            .iter()
            .map(|&id| self.term_text(id))
            .take_while(move |t| t.starts_with(prefix))
    }

    /// Bytes used by the index (not the stored articles): the list arena, the term texts,
    /// the dictionary entries, the hash table (4-byte slots)
    /// and the skip entries.
    pub fn heap_bytes(&self) -> usize {
        self.lists.capacity()
            + self.text.capacity()
            + self.terms.capacity() * std::mem::size_of::<Term>()
            + self.table.capacity() * 4
            + self
                .skips
                .values()
                .map(|s| s.capacity() * 8 + 32)
                .sum::<usize>()
    }

    /// Gives back the spare room lists keep for growth (call after a batch of adds). Packs
    /// the lists only when the holes and spare room pass an eighth of the arena, so
    /// calling it after every small batch stays cheap.
    pub fn shrink(&mut self) {
        let used: usize = self.terms.iter().map(|t| t.len as usize).sum();
        if self.lists.len() > used + used / 8 {
            self.pack();
        }
        self.lists.shrink_to_fit();
        self.text.shrink_to_fit();
        self.terms.shrink_to_fit();
        let (text, terms) = (&self.text, &self.terms);
        self.table
            .shrink_to_fit(|id| hash(text_of(text, terms, id)));
    }

    /// Rewrites every list without the articles `live` rejects, and drops terms left with
    /// no article.
    pub fn compact(&mut self, live: impl Fn(u32) -> bool) {
        let old = std::mem::take(self);
        let mut entry = Vec::new();
        for id in 0..old.terms.len() as u32 {
            let t = &old.terms[id as usize];
            let bytes = &old.lists[t.start as usize..(t.start + t.len) as usize];
            let mut cursor = Cursor::new(bytes, &[]);
            let mut new_id = None;
            while let Some(doc) = cursor.next() {
                if !live(doc) {
                    continue;
                }
                let nid = *new_id.get_or_insert_with(|| self.intern(old.term_text(id)));
                let last = &self.terms[nid as usize];
                entry.clear();
                put_header(
                    &mut entry,
                    doc - if last.docs == 0 { 0 } else { last.last_doc },
                    cursor.n,
                );
                entry.extend_from_slice(&bytes[cursor.positions_at..cursor.at]);
                self.append(nid, doc, &entry);
            }
        }
        self.pack();
    }

    /// The largest article id any list names (removed ones included), if any.
    pub(crate) fn max_doc(&self) -> Option<u32> {
        self.terms.iter().map(|t| t.last_doc).max()
    }

    /// The parts [`crate::index::codec`] saves.
    pub(crate) fn parts(&self) -> (&[u8], &[Term], &[u8], &Skips) {
        (&self.text, &self.terms, &self.lists, &self.skips)
    }

    /// Postings from saved parts; `None` when they do not fit together (a damaged blob),
    /// name an article id at or above `doc_limit`, or leave out an article of `worded`
    /// (the ids of the saved articles that have words, ascending).
    pub(crate) fn from_parts(
        text: Vec<u8>,
        mut terms: Vec<Term>,
        lists: Vec<u8>,
        skips: Skips,
        doc_limit: u32,
        worded: &[u32],
    ) -> Option<Postings> {
        let mut text_end = text.len();
        for t in terms.iter_mut().rev() {
            let s = text.get(t.text_at as usize..text_end)?;
            std::str::from_utf8(s).ok()?;
            text_end = t.text_at as usize;
            lists.get(t.start as usize..t.start.checked_add(t.len)? as usize)?;
            t.cap = t.len;
        }
        if skips.keys().any(|&id| id as usize >= terms.len()) {
            return None;
        }
        let mut p = Postings {
            // Sized as `shrink` leaves a finished index, so filling it never rehashes.
            table: IdTable::finished(terms.len()),
            text,
            terms,
            lists,
            ..Postings::default()
        };
        for id in 0..p.terms.len() as u32 {
            let term = p.term_text(id);
            if p.id(term).is_some() {
                return None;
            }
            let h = hash(term.as_bytes());
            p.table.push_unique(h, id);
        }
        // Saved lists are packed in term order: each starts where the one before ends.
        let mut end = 0;
        for t in &p.terms {
            if t.start != end {
                return None;
            }
            end = t.start + t.len;
        }
        p.skips = skips;
        let named = p.check_lists(doc_limit)?;
        let has = |id: u32| {
            named
                .get(id as usize / 64)
                .is_some_and(|w| w >> (id % 64) & 1 == 1)
        };
        worded.iter().all(|&id| has(id)).then_some(p)
    }

    /// Walks every saved list once, so that readers, which trust the lists, meet no
    /// surprise: ids ascend and stay below `doc_limit`, positions are whole varints,
    /// each list holds exactly its term's `docs` articles, ends at its `last_doc` and at
    /// its last byte, and its skip entries are exactly those `append` would have made.
    /// `None` at the first disagreement, else the ids the lists name, as a bit set.
    fn check_lists(&self, doc_limit: u32) -> Option<Vec<u64>> {
        let mut named = vec![0u64; self.max_doc().map_or(0, |d| d as usize / 64 + 1)];
        let mut want = Vec::new();
        for (id, t) in self.terms.iter().enumerate() {
            let bytes = self
                .lists
                .get(t.start as usize..(t.start + t.len) as usize)?;
            let (mut at, mut docs, mut last) = (0usize, 0u32, 0u32);
            want.clear();
            while at < bytes.len() {
                if docs > 0 && docs.is_multiple_of(SKIP_EVERY) {
                    want.push(Skip {
                        base: last,
                        at: at as u32,
                    });
                }
                let head = get_varint(bytes, &mut at)?;
                let n = match head & 1 {
                    1 => 1,
                    _ => get_varint(bytes, &mut at)?,
                };
                let delta = head >> 1;
                if docs > 0 && delta == 0 {
                    return None;
                }
                last = if docs == 0 {
                    delta
                } else {
                    last.checked_add(delta)?
                };
                if last >= doc_limit || n == 0 {
                    return None;
                }
                // `last` ≤ the term's `last_doc` ≤ `max_doc` until checked below.
                *named.get_mut(last as usize / 64)? |= 1 << (last % 64);
                // Positions are stepped over as `next` does (one varint ends at each byte
                // below 0x80): decoding each one made loading 2.5 times slower. A damaged
                // position can only misplace a hit; `positions` never panics on one.
                let mut left = n;
                while left > 0 {
                    left -= u32::from(*bytes.get(at)? < 0x80);
                    at += 1;
                }
                docs = docs.checked_add(1)?;
            }
            let saved = self.skips.get(&(id as u32)).map_or(&[][..], |s| &s[..]);
            if docs == 0 || docs != t.docs || last != t.last_doc || saved != &want[..] {
                return None;
            }
        }
        Some(named)
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
            form: 0,
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

    /// Many lists growing in turn move and leave holes; every list must still read back
    /// exactly, and seeking must land where a plain walk would.
    #[test]
    fn interleaved_growth_packing_and_seeking_agree_with_a_plain_walk() {
        let words: Vec<Rc<Word>> = (0..50).map(|i| word(&[&format!("w{i}")])).collect();
        let mut p = Postings::default();
        let mut expected: Vec<Vec<u32>> = vec![Vec::new(); 50];
        for doc in 0..3000u32 {
            let body: Vec<Rc<Word>> = (0..50)
                .filter(|i| (doc * 7 + i * 13) % (i + 2) == 0)
                .map(|i| words[i as usize].clone())
                .collect();
            for w in &body {
                let i: usize = w.terms[0][1..].parse().unwrap();
                expected[i].push(doc);
            }
            p.add(doc, &[], &body);
            if doc % 1000 == 999 {
                p.shrink();
            }
        }
        for (i, docs) in expected.iter().enumerate() {
            let term = format!("w{i}");
            if docs.is_empty() {
                assert!(p.cursor(&term).is_none());
                continue;
            }
            let mut walked = Vec::new();
            p.for_each(&term, |doc, _| walked.push(doc));
            assert_eq!(&walked, docs, "{term}");
            for target in [0, 1, 500, 1234, 2999, 3000] {
                let mut c = p.cursor(&term).unwrap();
                let want = docs.iter().copied().find(|&d| d >= target);
                assert_eq!(c.seek(target), want, "{term} seek {target}");
            }
            // Seeking forward step by step visits the same articles.
            let mut c = p.cursor(&term).unwrap();
            let mut stepped = Vec::new();
            let mut target = 0;
            while let Some(d) = c.seek(target) {
                stepped.push(d);
                target = d + 1;
            }
            assert_eq!(&stepped, docs);
        }
        let want: Vec<String> = [4usize, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]
            .into_iter()
            .filter(|&i| !expected[i].is_empty())
            .map(|i| format!("w{i}"))
            .collect();
        assert_eq!(p.with_prefix("w4").collect::<Vec<_>>(), want);
    }
}
