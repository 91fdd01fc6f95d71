//! Ingest: bytes of one uploaded file in, cleaned [`Article`]s and per-file problems out.
//!
//! `format` picks the reader by magic bytes and extension; `decode` turns bytes into text
//! and names the encoding; `text` reads a plain-text article, `html` a page, `mhtml` a
//! browser's single-file save, `docx` a Word or OpenDocument file, `table` CSV/TSV and
//! JSON exports (one article a row, or a metadata `sidecar`), and `zip` an archive, whose
//! entries come back here. `clean` removes the noise news pages carry, recording every
//! removal, `meta` reads language, dateline and dates, and `dedup` finds near-duplicates.
//! Nothing here panics on any input, and nothing reads a clock: limits ([`Limits`]) count
//! bytes and entries. A bad file becomes a [`Problem`]; the other files still load.

mod clean;
pub mod decode;
pub mod dedup;
pub mod format;
pub mod intake;
mod meta;
mod text;

// The one gate between the two builds: the full build's readers, or the small build's
// stand-in that answers "this build reads plain text only" (`formats/none.rs`). Both
// offer the same names, so nothing else in the crate asks which build it is.
#[cfg(feature = "formats")]
pub mod formats;
#[cfg(not(feature = "formats"))]
#[path = "formats/none.rs"]
pub mod formats;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::message::{Code, Message};

pub use meta::date::{parse_date, resolve_weekday, FoundDate, NumericOrder};
pub use meta::{detect_lang, outlet_name};
/// An article from a title and body lines, cleaned, dated and its language named as every
/// reader's are: where a reader of another format hands over its text.
pub use text::build as build_article;

/// One cleaned article. `paragraphs` hold the body; every offset the rest of the core hands
/// out points into `title` or into [`Article::body`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Where it came from, as the user named it (see the README for the rules).
    pub file: String,
    pub title: String,
    /// `"ar"`, `"en"`, another ISO 639-1 code, or `"und"`.
    pub lang: String,
    pub paragraphs: Vec<String>,
    /// Place named in a dateline ("TEHRAN (Tasnim) –" gives "TEHRAN").
    pub dateline: Option<String>,
    /// Wire service or news agency credited ("Tasnim").
    pub agency: Option<String>,
    /// Publication that printed it ("بلدي نيوز").
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// The date as the source wrote it ("25 شوال 1436 هـ", "2019-03-04T10:00:00Z").
    #[serde(default)]
    pub date_text: Option<String>,
    /// The page's canonical address.
    #[serde(default)]
    pub url: Option<String>,
    /// Author(s) as credited.
    #[serde(default)]
    pub byline: Option<String>,
    /// The encoding the file was read as ("UTF-8", "windows-1256", ...).
    #[serde(default)]
    pub encoding: Option<String>,
    /// The file of an article already loaded that tells nearly the same text.
    #[serde(default)]
    pub near_duplicate_of: Option<String>,
    /// Other metadata, by name (columns of a metadata sidecar Qarin has no field for).
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
    /// What cleaning took out, in document order.
    pub removed: Vec<Removed>,
    pub warnings: Vec<Message>,
}

impl Article {
    /// The body as one string: paragraphs joined by `"\n"`.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// Bytes `from..to` of [`Self::body`] (cut to its length) without joining the whole
    /// body, borrowed when they lie in one paragraph: snippets and concordance lines read a
    /// few hundred bytes of articles many times longer. Empty if a bound is not on a
    /// character boundary.
    pub fn body_part(&self, from: usize, to: usize) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        let mut pieces: Vec<&str> = Vec::new();
        let mut at = 0;
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                if (from..to).contains(&at) {
                    pieces.push("\n");
                }
                at += 1;
            }
            let end = at + p.len();
            if at >= to {
                break;
            }
            if end > from {
                let (s, e) = (from.max(at) - at, to.min(end) - at);
                match p.get(s..e) {
                    Some(piece) => pieces.push(piece),
                    None => return Cow::Borrowed(""),
                }
            }
            at = end;
        }
        match pieces.as_slice() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one),
            _ => Cow::Owned(pieces.concat()),
        }
    }

    /// FNV-1a 64 of title and body: names the article whatever file or order it came in.
    /// (Hashes the bytes of title, newline and body without joining the body.)
    pub fn content_hash(&self) -> u64 {
        use crate::hash::{fnv1a_from, OFFSET};
        let mut h = fnv1a_from(fnv1a_from(OFFSET, self.title.as_bytes()), b"\n");
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                h = fnv1a_from(h, b"\n");
            }
            h = fnv1a_from(h, p.as_bytes());
        }
        h
    }
}

/// A piece of the file that cleaning removed, kept so the reader can show it greyed out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// A site name after the headline ("… - It's Over 9000!").
    TitleSuffix,
    /// The headline printed again as the first body line.
    RepeatedTitle,
    /// A line naming the outlet ("بلدي نيوز - (متابعات)").
    OutletLine,
    /// The place and agency that open the first paragraph ("PARIS –").
    Dateline,
    /// A list of links to other articles after the body, with its heading.
    RelatedLinks,
    /// A blog comment form ("Leave a Reply", …).
    CommentForm,
    /// Navigation or section headings ("Top Stories").
    Navigation,
    /// A date/time stamp line on its own.
    Timestamp,
}

/// A file, or part of one, that yielded no article, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    #[serde(flatten)]
    pub message: Message,
}

/// The result of reading one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    /// Notes on the file that are not problems ("metadata for 12 files").
    pub notes: Vec<Problem>,
    /// Metadata sidecars the file held (a CSV/TSV with a `file` column; never in the
    /// small build).
    pub sidecars: Vec<formats::Sidecar>,
}

impl Ingested {
    fn problem(&mut self, file: &str, message: impl Into<Message>) {
        self.problems.push(Problem {
            file: file.to_string(),
            message: message.into(),
        });
    }
}

/// How much one upload may make Qarin read: sizes in bytes. Archives are checked before
/// and while they unpack (a zip bomb stops at the limit, with the entries read so far
/// kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest single file, or archive entry once unpacked.
    pub max_file_bytes: usize,
    /// Largest archive file.
    pub max_archive_bytes: usize,
    /// Total one archive (with the archives inside it) may unpack to.
    pub max_unpacked_bytes: usize,
    /// Entries one archive (with the archives inside it) may hold.
    pub max_entries: usize,
    /// Archives inside archives: how many levels are opened.
    pub max_nesting: usize,
    /// Rows of one CSV, TSV or JSON export.
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_archive_bytes: 512 << 20,
            max_unpacked_bytes: 1 << 30,
            max_entries: 20_000,
            max_nesting: 2,
            max_rows: 200_000,
        }
    }
}

/// What one top-level file has used of its limits so far.
// Only the full build's archive and table readers read the counters.
#[allow(dead_code)]
pub(crate) struct Budget<'a> {
    pub limits: &'a Limits,
    pub unpacked: usize,
    pub entries: usize,
}

/// Whether this build reads a file: the full build every file (it names what it cannot
/// read), the small build plain text and the formats no build reads. The page asks before
/// it chooses a build (`Corpus.readsFile`).
pub fn reads_file(name: &str, bytes: &[u8]) -> bool {
    formats::READS_EVERY_FORMAT
        || matches!(
            format::sniff(name, bytes),
            format::Format::Text | format::Format::Unsupported(_)
        )
}

/// Reads one whole file exactly as `qarin ingest` and the page do, with default limits.
pub fn read(file: &str, bytes: &[u8]) -> Ingested {
    read_with(file, bytes, &Limits::default())
}

/// Reads one whole file within `limits`.
pub fn read_with(file: &str, bytes: &[u8], limits: &Limits) -> Ingested {
    let mut out = Ingested::default();
    let mut budget = Budget {
        limits,
        unpacked: 0,
        entries: 0,
    };
    read_file(file, bytes, 0, &mut budget, &mut out);
    out
}

/// A byte count in megabytes for messages (the number only: the text names the unit),
/// with one decimal under 10 MB (integer arithmetic: float formatting would cost the wasm
/// build 16 KB). Sizes are `u64`, as archives declare them: a `usize` is 32 bits in wasm,
/// and no size read from a file may wrap or be cut (a ZIP64 entry may claim 2^63 bytes).
pub(crate) fn megabytes(n: u64) -> String {
    // Whole megabytes and the rest apart: `n * 10` would overflow for the largest sizes.
    let rest_tenths = ((n & 0xF_FFFF) * 10 + (1 << 19)) >> 20;
    let tenths = (n >> 20) * 10 + rest_tenths;
    if tenths >= 100 {
        format!("{}", (tenths + 5) / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Reads one file (or archive entry) at archive nesting `depth` into `out`.
pub(crate) fn read_file(
    file: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut Budget,
    out: &mut Ingested,
) {
    let fmt = format::sniff(file, bytes);
    let limit = match fmt {
        format::Format::Zip => budget.limits.max_archive_bytes,
        _ => budget.limits.max_file_bytes,
    };
    if bytes.len() > limit {
        out.problem(
            file,
            Message::new(
                Code::TooLarge,
                [
                    ("size", megabytes(bytes.len() as u64)),
                    ("limit", megabytes(limit as u64)),
                ],
            ),
        );
        return;
    }
    match fmt {
        format::Format::Text => match decode::decode(bytes) {
            Ok(d) => push(out, file, text::parse(file, &d.text), d),
            Err(message) => out.problem(file, message),
        },
        format::Format::Unsupported(what) => out.problem(
            file,
            Message::new(Code::FormatNotRead, [("format", what.to_string())]),
        ),
        // Pages, documents, archives and exports: the full build reads them; the small
        // build (the page's start-up module) says so, and the page switches builds.
        _ => formats::read(fmt, file, bytes, depth, budget, out),
    }
}

/// Adds a decoded file's article, or says why there is none.
pub(crate) fn push(out: &mut Ingested, file: &str, article: Option<Article>, d: decode::Decoded) {
    match article {
        Some(mut a) => {
            a.encoding = Some(d.encoding.to_string());
            a.warnings.splice(0..0, d.warnings);
            out.articles.push(a);
        }
        None => out.problem(file, Code::NoArticleText),
    }
}

#[cfg(test)]
mod tests {
    use super::{formats, megabytes, reads_file, Article};

    /// Every slice of the joined body, at every pair of bounds, as `body_part` gives it.
    #[test]
    fn body_part_is_the_joined_body_sliced() {
        let a = Article {
            paragraphs: vec!["Ghouta talks".into(), String::new(), "غوطة ok".into()],
            ..Article::default()
        };
        let body = a.body();
        for from in 0..=body.len() + 2 {
            for to in from..=body.len() + 2 {
                let want = body
                    .get(from.min(body.len())..to.min(body.len()))
                    .unwrap_or("");
                assert_eq!(a.body_part(from, to), want, "{from}..{to}");
            }
        }
        assert!(matches!(
            a.body_part(0, 6),
            std::borrow::Cow::Borrowed("Ghouta")
        ));
    }

    #[test]
    fn each_build_says_which_files_it_reads() {
        assert!(reads_file("a.txt", b"Title\n\nBody."));
        assert!(reads_file("a.pdf", b"%PDF-1.4"));
        let full = formats::READS_EVERY_FORMAT;
        assert_eq!(reads_file("a.html", b"<!doctype html><p>x"), full);
        assert_eq!(reads_file("a.zip", b"PK\x03\x04rest"), full);
    }

    #[test]
    fn megabytes_never_wrap() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(3 << 19), "1.5");
        assert_eq!(megabytes(64 << 20), "64");
        assert_eq!(megabytes(1 << 63), "8796093022208");
        assert_eq!(megabytes(u64::MAX), "17592186044416");
    }

    #[test]
    fn content_hash_is_the_hash_of_title_newline_and_joined_body() {
        for paragraphs in [
            &[][..],
            &["one"],
            &["", ""],
            &["أ", "", "ب ج"],
            &["a\nb", "c"],
        ] {
            let article = Article {
                title: "عنوان title".into(),
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Article::default()
            };
            let joined = format!("{}\n{}", article.title, article.body());
            assert_eq!(
                article.content_hash(),
                crate::hash::fnv1a(joined.as_bytes()),
                "{paragraphs:?}"
            );
        }
    }
}
