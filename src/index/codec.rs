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
//! str = u32 byte length + UTF-8 bytes; opt = u8 0 (none) or 1 + str
//! ```
//! Versions store articles only; the index is rebuilt on load. This file writes version 2
//! and reads 1 and 2 (a version 1 article has none of the fields marked [v2]). Any other
//! version, a bad checksum or a truncated blob is an error, never a partial corpus.

use crate::error::{Error, ErrorKind};
use crate::hash::fnv1a as fnv;
use crate::ingest::{Article, Removed, RemovedKind};

const MAGIC: &[u8; 8] = b"QARINCOR";
pub const VERSION: u32 = 2;
/// The oldest version [`decode`] still reads.
const OLDEST: u32 = 1;
const HEADER: usize = 28;

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

/// Encodes `(id, article)` pairs.
pub fn encode<'a>(articles: impl Iterator<Item = (u32, &'a Article)>) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    let list: Vec<_> = articles.collect();
    w.u32(list.len() as u32);
    for (id, a) in list {
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
        w.strs(&a.warnings);
        w.u32(a.extra.len() as u32);
        for (k, v) in &a.extra {
            w.str(k);
            w.str(v);
        }
    }
    let payload = w.0;
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&fnv(&payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

fn format_error(message: &str) -> Error {
    Error::new(
        ErrorKind::Format,
        format!("cannot read saved corpus: {message}"),
    )
}

/// Decodes bytes written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Vec<(u32, Article)>, Error> {
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
    let count = r.u32()?;
    let mut out = Vec::new();
    for _ in 0..count {
        let id = r.u32()?;
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
        let n = r.u32()?;
        let mut removed = Vec::new();
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
        a.warnings = r.strs()?;
        if version >= 2 {
            for _ in 0..r.u32()? {
                let k = r.str()?;
                let v = r.str()?;
                a.extra.insert(k, v);
            }
        }
        out.push((id, a));
    }
    if !r.bytes.is_empty() {
        return Err(format_error("unexpected bytes after the last article"));
    }
    Ok(out)
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
    fn strs(&mut self) -> Result<Vec<String>, Error> {
        let n = self.u32()?;
        (0..n).map(|_| self.str()).collect()
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

    #[test]
    fn round_trips() {
        let a = sample();
        let bytes = encode([(7, &a)].into_iter());
        assert_eq!(decode(&bytes).unwrap(), vec![(7, a)]);
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
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(&fnv(&p).to_le_bytes());
        bytes.extend_from_slice(&(p.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&p);
        let got = decode(&bytes).unwrap();
        assert_eq!(got.len(), 1);
        let (id, a) = &got[0];
        assert_eq!(
            (*id, a.title.as_str(), a.dateline.as_deref()),
            (3, "T", Some("PARIS"))
        );
        assert_eq!((a.date.as_ref(), a.extra.len()), (None, 0));
    }

    #[test]
    fn damaged_truncated_and_other_versions_are_errors() {
        let bytes = encode([(0, &sample())].into_iter());
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(decode(&flipped).unwrap_err().message().contains("checksum"));
        assert!(decode(&bytes[..bytes.len() - 3])
            .unwrap_err()
            .message()
            .contains("truncated"));
        let mut v3 = bytes.clone();
        v3[8] = 3;
        assert!(decode(&v3).unwrap_err().message().contains("version 3"));
        assert!(decode(b"hello").is_err());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err());
        }
    }
}
