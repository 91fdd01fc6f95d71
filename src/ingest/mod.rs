//! Ingest: bytes of one uploaded file in, cleaned [`Article`]s and per-file problems out.
//!
//! `decode` turns bytes into text (or says why it cannot), `text` splits a plain-text article
//! into title and paragraphs, `clean` removes the noise news pages carry (title suffixes,
//! repeated titles, outlet lines, datelines, related-link lists, comment forms, navigation),
//! recording every removal, and `meta` guesses the language and reads the dateline.
//! Nothing here panics on any input: a bad file becomes a [`Problem`].

mod clean;
mod decode;
mod meta;
mod text;

use serde::{Deserialize, Serialize};

pub use meta::detect_lang;

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
    /// What cleaning took out, in document order.
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
}

impl Article {
    /// The body as one string: paragraphs joined by `"\n"`.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n")
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
    pub message: String,
}

/// The result of reading one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Reads one whole file exactly as `qarin ingest` and the page do.
pub fn read(file: &str, bytes: &[u8]) -> Ingested {
    let mut out = Ingested::default();
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(message) => {
            out.problems.push(Problem {
                file: file.to_string(),
                message,
            });
            return out;
        }
    };
    match text::parse(file, &decoded.text) {
        Some(mut article) => {
            article.warnings.splice(0..0, decoded.warnings);
            out.articles.push(article);
        }
        None => out.problems.push(Problem {
            file: file.to_string(),
            message: "no article text found (the file holds only blank lines or boilerplate)"
                .to_string(),
        }),
    }
    out
}
