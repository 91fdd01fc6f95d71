//! An article from a web page: the extractor's headline and paragraphs, cleaned as plain
//! text is (through [`text::build`]), then the page's own metadata laid over it: date,
//! address, byline, site name and declared language.

use super::html;
use crate::ingest::meta::date::{parse_date_with, NumericOrder};
use crate::ingest::{text, Article, RemovedKind};

/// An article from an HTML page: the page's headline (else its first line) and the
/// paragraphs the extractor found, cleaned like text; then the page's own metadata.
/// `url` is where the page says it was saved from, when the container knows (MHTML).
pub fn from_page(file: &str, page_text: &str, url: Option<String>) -> Option<Article> {
    let page = html::read_page(page_text);
    let m = page.meta;
    let mut paragraphs = page.paragraphs;
    let title = match m.title.clone().filter(|t| !t.trim().is_empty()) {
        Some(t) => t,
        None if !paragraphs.is_empty() => paragraphs.remove(0),
        None => return None,
    };
    let mut a = text::build(file, &title, paragraphs)?;
    if let Some(d) = m.date.as_deref() {
        // The page's metadata dates the article; a `<time>` text may need reading.
        let order = if a.lang == "ar" {
            NumericOrder::DayFirst
        } else {
            NumericOrder::Unknown
        };
        if let Some(f) = parse_date_with(d, order) {
            a.date = Some(f.iso);
            a.date_text = Some(d.to_string());
        }
    }
    a.url = m.url.or(url);
    a.byline = m.byline.map(|b| html::strip_by(&b));
    // The site's name: its metadata, else the name cut off the headline ("… - Site").
    let suffix = a
        .removed
        .iter()
        .find(|r| r.kind == RemovedKind::TitleSuffix)
        .and_then(|r| r.text.rsplit(['|', '-', '–', '—', '•', '·', ':']).next())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    a.outlet = a.outlet.or(m.site).or(suffix);
    // The declared language, unless the text's script says otherwise (an Arabic article
    // in a page template that says lang="en").
    if let Some(lang) = m.lang {
        if a.lang == "und" || script_family(&a.lang) == script_family(&lang) {
            a.lang = lang;
        }
    }
    Some(a)
}

/// The writing system a language code is normally written in, to see when a page's
/// declared language contradicts its text.
fn script_family(lang: &str) -> u8 {
    match lang {
        "ar" | "fa" | "ur" | "ps" | "ku" | "sd" | "ug" => 1,
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" => 2,
        "el" => 3,
        "he" | "yi" => 4,
        _ => 0,
    }
}
