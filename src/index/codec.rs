//! Saved corpus bytes (`Corpus::to_bytes` / `Corpus::from_bytes`).
//!
//! ```text
//! offset  size  field
//! 0       8     magic "QARINCOR"
//! 8       4     format version, u32 little-endian (this file writes VERSION)
//! 12      8     FNV-1a 64 checksum of the payload, u64 LE
//! 20      8     payload length in bytes, u64 LE
//! 28      ...   payload:
//!                 u32 article count, then per article:
//!                   u32 id, str file, str title, str lang,
//!                   u32 n + n × str paragraphs,
//!                   opt dateline, opt agency, opt outlet,
//!                   [v2] opt date, opt date_text, opt url, opt byline, opt encoding,
//!                   [v2] opt near_duplicate_of,
//!                   u32 n + n × (u8 kind, str text) removed,
//!                   u32 n + n × str warnings,
//!                   [v2] u32 n + n × (str key, str value) extra
//!                   [v3] u32 title words, u32 body words, u32 n + n × u32 word marks
//!                   [v4] u32 n + n × u32 title forms (sorted; [v6] with word pairs)
//!                   [v5] u32 family (id of its near-duplicate group's first article)
//!                 [v3] u8 0, or 1 and the index:
//!                   u32 analyzer version (`analysis::VERSION`),
//!                   u32 n + n bytes term texts,
//!                   u32 n + n × (u32 text start, u32 list length, u32 articles,
//!                                u32 last article) terms,
//!                   u32 n + n bytes lists (back to back in term order),
//!                   u32 n + n × (u32 term, u32 k + k × (u32 base, u32 at)) skips
//! str = u32 byte length + UTF-8 bytes; opt = u8 0 (none) or 1 + str
//! ```
//! Version 3 saves the index with the articles, so loading skips analysis and indexing;
//! version 4 adds each title's word forms (for ranking), version 5 each article's
//! near-duplicate group (for folding results; before it, groups are found again from the
//! `near_duplicate_of` names), version 6 each title's word pairs among its forms (for
//! ranking; before it, titles are analysed again at load). This file writes version 6 and
//! reads 1 to 6; a blob older than 4, or an index saved by another analyzer version, loads
//! its articles and is indexed again. Any other version,
//! a bad checksum, a truncated blob or an index whose parts do not fit together is an
//! error, never a partial or wrong corpus.
//!
//! The checksum only catches damage, not a crafted blob, so nothing read is trusted: every
//! count is checked against what the bytes left can hold before anything is sized by it,
//! article ids ascend and stay below the article count plus [`MAX_ID_GAP`] (an id sizes
//! the store's table), and every saved posting list is walked once to check it agrees with
//! its term and names no article id beyond that bound.

use super::postings::{Postings, Skip, Term};
use super::DocStore;
use crate::error::{Error, ErrorKind};
use crate::hash::fnv1a as fnv;
use crate::ingest::{Article, Removed, RemovedKind};
use rustc_hash::FxHashMap;

const MAGIC: &[u8; 8] = b"QARINCOR";
pub const VERSION: u32 = 6;
/// The oldest version [`decode`] still reads.
const OLDEST: u32 = 1;
const HEADER: usize = 28;
/// How far article ids may run ahead of the article count: ids of removed articles are
/// never reused, so a saved corpus has gaps, but each empty id costs the store a slot
/// (about 24 bytes), and a crafted id of 5,000,000 must not cost a gigabyte.
pub const MAX_ID_GAP: u32 = 1 << 20;

const KINDS: [RemovedKind; 8] = [
    RemovedKind::TitleSuffix,
    RemovedKind::RepeatedTitle,
    RemovedKind::OutletLine,
    RemovedKind::Dateline,
    RemovedKind::RelatedLinks,
    RemovedKind::CommentForm,
    RemovedKind::Navigation,
    RemovedKind::Timestamp,
];

/// What ranking and snippets know of an article besides its text (saved since version 3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lengths {
    pub title_tokens: u32,
    pub body_tokens: u32,
    pub word_marks: Box<[u32]>,
    pub title_forms: Box<[u32]>,
    /// Whether `title_forms` holds the title's word pairs too (saved since version 6).
    pub title_pairs: bool,
    /// The article's near-duplicate group (saved since version 5).
    pub family: Option<u32>,
}

/// A decoded blob: articles by id, and the index when it was saved and can be trusted.
#[derive(Debug, Default)]
pub struct Saved {
    pub articles: Vec<(u32, Article, Option<Lengths>)>,
    pub postings: Option<Postings>,
}

/// Encodes the stored articles and, when given, the index built from them.
pub fn encode(store: &DocStore, postings: Option<&Postings>) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u32(store.len() as u32);
    for (id, stored) in store.iter() {
        let a = &stored.article;
        w.u32(id);
        w.str(&a.file);
        w.str(&a.title);
        w.str(&a.lang);
        w.strs(&a.paragraphs);
        for field in [
            &a.dateline,
            &a.agency,
            &a.outlet,
            &a.date,
            &a.date_text,
            &a.url,
            &a.byline,
            &a.encoding,
            &a.near_duplicate_of,
        ] {
            w.opt(field);
        }
        w.u32(a.removed.len() as u32);
        for r in &a.removed {
            w.0.push(KINDS.iter().position(|k| *k == r.kind).unwrap_or(0) as u8);
            w.str(&r.text);
        }
        w.strs(&crate::Message::store_all(&a.warnings));
        w.u32(a.extra.len() as u32);
        for (k, v) in &a.extra {
            w.str(k);
            w.str(v);
        }
        w.u32(stored.title_tokens);
        w.u32(stored.body_tokens);
        w.u32s(&stored.word_marks);
        w.u32s(&stored.title_forms);
        w.u32(stored.family);
    }
    match postings {
        Some(p) => {
            w.0.push(1);
            w.u32(crate::analysis::VERSION);
            encode_index(&mut w, p);
        }
        None => w.0.push(0),
    }
    framed(VERSION, &w.0)
}

/// `payload` behind the header: magic, `version`, checksum and length.
fn framed(version: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&fnv(payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn encode_index(w: &mut Writer, p: &Postings) {
    let (text, terms, lists, skips) = p.parts();
    w.u32(text.len() as u32);
    w.0.extend_from_slice(text);
    w.u32(terms.len() as u32);
    for t in terms {
        for v in [t.text_at, t.len, t.docs, t.last_doc] {
            w.u32(v);
        }
    }
    let total: usize = terms.iter().map(|t| t.len as usize).sum();
    w.u32(total as u32);
    for t in terms {
        w.0.extend_from_slice(&lists[t.start as usize..(t.start + t.len) as usize]);
    }
    let mut ids: Vec<u32> = skips.keys().copied().collect();
    ids.sort_unstable();
    w.u32(ids.len() as u32);
    for id in ids {
        w.u32(id);
        let list = &skips[&id];
        w.u32(list.len() as u32);
        for s in list {
            w.u32(s.base);
            w.u32(s.at);
        }
    }
}

fn decode_index(r: &mut Reader, doc_limit: u32, worded: &[u32]) -> Result<Postings, Error> {
    let n = r.u32()? as usize;
    let text = r.take(n)?.to_vec();
    let count = r.count(16, "index terms")?;
    let mut terms = Vec::with_capacity(count);
    let mut start = 0u32;
    for _ in 0..count {
        let (text_at, len, docs, last_doc) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
        terms.push(Term {
            text_at,
            start,
            len,
            cap: len,
            docs,
            last_doc,
        });
        start = start
            .checked_add(len)
            .ok_or_else(|| format_error("index lists too long"))?;
    }
    let n = r.u32()? as usize;
    if n != start as usize {
        return Err(format_error("index lists do not match their terms"));
    }
    let lists = r.take(n)?.to_vec();
    let mut skips: FxHashMap<u32, Vec<Skip>> = FxHashMap::default();
    for _ in 0..r.count(8, "skip lists")? {
        let id = r.u32()?;
        let k = r.count(8, "skip entries")?;
        let mut list = Vec::with_capacity(k);
        for _ in 0..k {
            list.push(Skip {
                base: r.u32()?,
                at: r.u32()?,
            });
        }
        if skips.insert(id, list).is_some() {
            return Err(format_error("a term has two skip lists"));
        }
    }
    Postings::from_parts(text, terms, lists, skips, doc_limit, worded)
        .ok_or_else(|| format_error("the saved index does not fit together"))
}

/// The fewest bytes one article takes in a blob of `version`: every field empty.
fn min_article_bytes(version: u32) -> usize {
    // id, file, title, lang, paragraphs; three optional fields; removed and warnings.
    let mut n = 5 * 4 + 3 + 2 * 4;
    if version >= 2 {
        n += 6 + 4; // six more optional fields, extra
    }
    if version >= 3 {
        n += 3 * 4; // title and body words, word marks
    }
    if version >= 4 {
        n += 4; // title forms
    }
    if version >= 5 {
        n += 4; // family
    }
    n
}

fn format_error(message: &str) -> Error {
    Error::new(
        ErrorKind::Format,
        format!("cannot read saved corpus: {message}"),
    )
}

/// Decodes bytes written by [`encode`] (or by an older version).
pub fn decode(bytes: &[u8]) -> Result<Saved, Error> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(format_error("not a Qarin corpus file"));
    }
    let mut head = Reader {
        bytes: &bytes[8..HEADER],
    };
    let version = head.u32()?;
    if !(OLDEST..=VERSION).contains(&version) {
        return Err(format_error(&format!(
            "format version {version}, this version of Qarin reads versions {OLDEST} to {VERSION}"
        )));
    }
    let checksum = head.u64()?;
    let length = head.u64()?;
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != length {
        return Err(format_error("the data is truncated or has bytes appended"));
    }
    if fnv(payload) != checksum {
        return Err(format_error("checksum mismatch (the data is damaged)"));
    }
    let mut r = Reader { bytes: payload };
    let count = r.count(min_article_bytes(version), "articles")?;
    // `count` fits the bytes, so this bound is small and the ids below it are cheap.
    let id_limit = (count as u32).saturating_add(MAX_ID_GAP);
    let mut saved = Saved::default();
    saved.articles.reserve_exact(count);
    let mut next_id = 0u32;
    for _ in 0..count {
        let id = r.u32()?;
        if id < next_id {
            return Err(format_error(&format!("article id {id} is out of order")));
        }
        if id >= id_limit {
            return Err(format_error(&format!(
                "article id {id} is too large for {count} articles (at most {})",
                id_limit - 1
            )));
        }
        next_id = id + 1;
        let file = r.str()?;
        let title = r.str()?;
        let lang = r.str()?;
        let paragraphs = r.strs()?;
        let dateline = r.opt()?;
        let agency = r.opt()?;
        let outlet = r.opt()?;
        let mut a = Article {
            file,
            title,
            lang,
            paragraphs,
            dateline,
            agency,
            outlet,
            ..Article::default()
        };
        if version >= 2 {
            a.date = r.opt()?;
            a.date_text = r.opt()?;
            a.url = r.opt()?;
            a.byline = r.opt()?;
            a.encoding = r.opt()?;
            a.near_duplicate_of = r.opt()?;
        }
        let n = r.count(5, "removed parts")?;
        let mut removed = Vec::with_capacity(n);
        for _ in 0..n {
            let kind = *KINDS
                .get(r.u8()? as usize)
                .ok_or_else(|| format_error("unknown removal kind"))?;
            removed.push(Removed {
                kind,
                text: r.str()?,
            });
        }
        a.removed = removed;
        a.warnings = crate::Message::read_all(r.strs()?);
        if version >= 2 {
            for _ in 0..r.count(8, "extra fields")? {
                let k = r.str()?;
                let v = r.str()?;
                a.extra.insert(k, v);
            }
        }
        let lengths = if version >= 3 {
            let (title_tokens, body_tokens, word_marks) = (r.u32()?, r.u32()?, r.u32s()?);
            // Version 3 saved no title forms: its articles are analysed again.
            let title_forms = if version >= 4 { Some(r.u32s()?) } else { None };
            let family = if version >= 5 { Some(r.u32()?) } else { None };
            title_forms.map(|forms| Lengths {
                title_tokens,
                body_tokens,
                word_marks: word_marks.into(),
                title_forms: forms.into(),
                title_pairs: version >= 6,
                family,
            })
        } else {
            None
        };
        saved.articles.push((id, a, lengths));
    }
    if version >= 3 && r.u8()? == 1 {
        let analyzer = r.u32()?;
        // An index made by another analyzer would answer wrongly, and a version 3 index
        // comes without title forms: index again instead.
        let used = analyzer == crate::analysis::VERSION && version >= 4;
        // Every article with words must be in an index that is used, or search misses it.
        let worded: Vec<u32> = (saved.articles.iter())
            .filter(|(_, _, l)| {
                used && l
                    .as_ref()
                    .is_some_and(|l| l.title_tokens > 0 || l.body_tokens > 0)
            })
            .map(|(id, _, _)| *id)
            .collect();
        let mut postings = decode_index(&mut r, id_limit, &worded)?;
        if used {
            // Lists keep removed articles until compaction; ids past the last saved
            // article would be handed out again after loading and mix two articles'
            // words, so those lists are rewritten without them.
            if postings.max_doc().is_some_and(|doc| doc >= next_id) {
                let ids: Vec<u32> = saved.articles.iter().map(|(id, _, _)| *id).collect();
                postings.compact(|doc| ids.binary_search(&doc).is_ok());
            }
            saved.postings = Some(postings);
        }
    }
    if !r.bytes.is_empty() {
        return Err(format_error("unexpected bytes after the last article"));
    }
    Ok(saved)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        list.iter().for_each(|s| self.str(s));
    }
    fn u32s(&mut self, list: &[u32]) {
        self.u32(list.len() as u32);
        list.iter().for_each(|&v| self.u32(v));
    }
    fn opt(&mut self, field: &Option<String>) {
        match field {
            Some(s) => {
                self.0.push(1);
                self.str(s);
            }
            None => self.0.push(0),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        if self.bytes.len() < n {
            return Err(format_error("the data ends too early"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn str(&mut self) -> Result<String, Error> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| format_error("a text field is not UTF-8"))
    }
    /// A count of items of at least `min_bytes` each, refused when the bytes left cannot
    /// hold that many: no loop or allocation is ever sized by an unchecked count.
    fn count(&mut self, min_bytes: usize, what: &str) -> Result<usize, Error> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_bytes) > self.bytes.len() {
            return Err(format_error(&format!(
                "{n} {what} cannot fit in the {} bytes left",
                self.bytes.len()
            )));
        }
        Ok(n)
    }
    fn strs(&mut self) -> Result<Vec<String>, Error> {
        let n = self.count(4, "texts")?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.str()?);
        }
        Ok(out)
    }
    fn u32s(&mut self) -> Result<Vec<u32>, Error> {
        let n = self.count(4, "numbers")?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.u32()?);
        }
        Ok(out)
    }
    fn opt(&mut self) -> Result<Option<String>, Error> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(format_error("bad optional-field marker")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        Article {
            file: "a.txt".into(),
            title: "عنوان".into(),
            lang: "ar".into(),
            paragraphs: vec!["one".into(), "two".into()],
            dateline: Some("PARIS".into()),
            agency: None,
            outlet: Some("X".into()),
            date: Some("2019-03-04".into()),
            date_text: Some("4 March 2019".into()),
            url: Some("https://example.org/a".into()),
            byline: Some("Jane Doe".into()),
            encoding: Some("windows-1256".into()),
            near_duplicate_of: Some("b.txt".into()),
            extra: [("label".to_string(), "1".to_string())]
                .into_iter()
                .collect(),
            removed: vec![Removed {
                kind: RemovedKind::CommentForm,
                text: "Leave a Reply".into(),
            }],
            warnings: vec!["w".into()],
        }
    }

    fn store(a: Article) -> DocStore {
        let mut store = DocStore::default();
        let hash = super::super::docstore_hash(&a);
        store.put(
            7,
            super::super::Stored {
                article: a,
                hash,
                title_tokens: 1,
                body_tokens: 2,
                word_marks: vec![0].into(),
                title_forms: vec![3, 9].into(),
                family: 4,
            },
        );
        store
    }

    /// `bytes` (a version 5 blob of one article and no index) as the older `version`,
    /// which lacks the article's last `cut` bytes before the index flag.
    fn older(bytes: &[u8], version: u32, cut: usize) -> Vec<u8> {
        let payload = [&bytes[HEADER..bytes.len() - 1 - cut], &[0u8][..]].concat();
        framed(version, &payload)
    }

    #[test]
    fn round_trips() {
        let a = sample();
        let saved = decode(&encode(&store(a.clone()), None)).unwrap();
        let lengths = Lengths {
            title_tokens: 1,
            body_tokens: 2,
            word_marks: vec![0].into(),
            title_forms: vec![3, 9].into(),
            title_pairs: true,
            family: Some(4),
        };
        assert_eq!(saved.articles, vec![(7, a, Some(lengths))]);
        assert!(saved.postings.is_none());
    }

    #[test]
    fn reads_version_1() {
        // A version 1 blob written by hand: the fields of version 1 only.
        let mut p = Vec::new();
        let s = |p: &mut Vec<u8>, t: &str| {
            p.extend_from_slice(&(t.len() as u32).to_le_bytes());
            p.extend_from_slice(t.as_bytes());
        };
        p.extend_from_slice(&1u32.to_le_bytes());
        p.extend_from_slice(&3u32.to_le_bytes());
        s(&mut p, "a.txt");
        s(&mut p, "T");
        s(&mut p, "en");
        p.extend_from_slice(&1u32.to_le_bytes());
        s(&mut p, "Body.");
        p.extend_from_slice(&[1]);
        s(&mut p, "PARIS");
        p.extend_from_slice(&[0, 0]);
        p.extend_from_slice(&0u32.to_le_bytes());
        p.extend_from_slice(&0u32.to_le_bytes());
        let got = decode(&framed(1, &p)).unwrap();
        assert_eq!(got.articles.len(), 1);
        let (id, a, lengths) = &got.articles[0];
        assert!(lengths.is_none() && got.postings.is_none());
        assert_eq!(
            (*id, a.title.as_str(), a.dateline.as_deref()),
            (3, "T", Some("PARIS"))
        );
        assert_eq!((a.date.as_ref(), a.extra.len()), (None, 0));
    }

    #[test]
    fn version_4_loads_without_groups_and_version_3_to_be_indexed_again() {
        // Version 4 is version 5 without the family, the last u32 of an article; version 3
        // lacks the title forms too, the u32 list before it.
        let v5 = encode(&store(sample()), None);
        let v4 = decode(&older(&v5, 4, 4)).unwrap();
        assert_eq!(v4.articles[0].2.as_ref().map(|l| l.family), Some(None));
        let v3 = decode(&older(&v5, 3, 4 + 4 * (1 + 2))).unwrap();
        assert_eq!(v3.articles, vec![(7, sample(), None)]);
        assert!(v3.postings.is_none());
    }

    #[test]
    fn damaged_truncated_and_other_versions_are_errors() {
        let bytes = encode(&store(sample()), None);
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(decode(&flipped).unwrap_err().message().contains("checksum"));
        assert!(decode(&bytes[..bytes.len() - 3])
            .unwrap_err()
            .message()
            .contains("truncated"));
        let mut newer = bytes.clone();
        newer[8] = VERSION as u8 + 1;
        let message = decode(&newer).unwrap_err().message().to_string();
        assert!(
            message.contains(&format!("version {}", VERSION + 1)),
            "{message}"
        );
        assert!(decode(b"hello").is_err());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err());
        }
    }
}
