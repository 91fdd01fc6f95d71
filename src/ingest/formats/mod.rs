//! The readers only the full build has: web pages (`html`, `page`), browser single-file
//! saves (`mhtml`), Word and OpenDocument files (`docx`), zip archives (`zip`), CSV/TSV and
//! JSON exports (`table`, `json`) and metadata sidecars (`sidecar`). The folder sits behind
//! the crate's one `formats` gate (in `ingest/mod.rs`); the small build compiles `none.rs`
//! in its place, which offers the same names: [`read`], [`Sidecar`], [`SidecarIndex`].
//! A new format is a module here plus one arm in [`read`] (and its sniffing in `format`).

mod delimited;
pub(super) mod docx;
pub mod html;
pub mod json;
pub(super) mod mhtml;
mod page;
pub mod sidecar;
pub(super) mod table;
pub(super) mod zip;

pub use sidecar::{Index as SidecarIndex, Sidecar};

/// This build reads every format Qarin knows (the small build's stand-in says false).
pub const READS_EVERY_FORMAT: bool = true;

// What the readers take from the rest of ingest, named as `super::…` inside them.
use super::format::Format;
use super::Problem;
use super::{decode, format, megabytes, meta, push, read_file, text, Article, Budget, Ingested};
use crate::message::{Code, Message};

/// The note that a sidecar's rows were applied to `count` articles already kept.
pub fn applied(sidecar: &Sidecar, count: usize) -> Problem {
    Problem {
        file: sidecar.file.clone(),
        message: Message::new(Code::SidecarApplied, [("count", count.to_string())]),
    }
}

/// Reads a file whose format only this build reads: everything but plain text and the
/// formats Qarin never reads, which `read_file` answers itself.
pub(super) fn read(
    fmt: Format,
    file: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut Budget,
    out: &mut Ingested,
) {
    match fmt {
        Format::Html => {
            let declared = html::declared_charset(bytes);
            match decode::decode_declared(bytes, declared.as_deref()) {
                Ok(d) => push(out, file, page::from_page(file, &d.text, None), d),
                Err(message) => out.problem(file, message),
            }
        }
        Format::Mhtml => mhtml::read(file, bytes, out),
        Format::Zip => zip::read(file, bytes, depth, budget, out),
        Format::Docx | Format::Odt => docx::read(file, bytes, fmt, budget, out),
        Format::Table(delim) => table::read_table(file, bytes, delim, budget, out),
        Format::Json => table::read_json(file, bytes, budget, out),
        Format::Text | Format::Unsupported(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::intake::tests::add;
    use crate::ingest::intake::{ArticleList, Intake};
    use crate::ingest::Article;

    #[test]
    fn sidecars_apply_before_or_after_their_articles() {
        let mut intake = Intake::default();
        let mut list = ArticleList::default();
        let art = b"Rain in the valley\n\nRain fell on the valley for the third day, officials said on Monday.";
        add(&mut intake, &mut list, "in/a.txt", art);
        let warnings = add(
            &mut intake,
            &mut list,
            "meta.tsv",
            b"file\tsource\tdate\na.txt\tValley News\t2019-03-04\nb.txt\tHill Times\t2019-03-05\n",
        );
        assert!(warnings
            .iter()
            .any(|w| w.starts_with("meta.tsv: metadata applied to 1 ")));
        add(
            &mut intake,
            &mut list,
            "in/b.txt",
            b"Storm hits the coast\n\nA storm hit the coast overnight, cutting power to thousands.",
        );
        let warnings = add(&mut intake, &mut list, "in/copy.txt", art);
        assert_eq!(warnings, ["in/copy.txt: skipped: duplicate of in/a.txt"]);
        let articles: Vec<&Article> = list.articles().collect();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].outlet.as_deref(), Some("Valley News"));
        assert_eq!(articles[1].date.as_deref(), Some("2019-03-05"));
    }
}
