//! HTML pages (`.html`, `.htm`, saved "web page, complete" files, the page inside an
//! `.mhtml`): parsed without running anything (`tokenizer`, `tree`), the article found by
//! text shape (`extract`, with `blocks` and `classes`), and the page's own metadata read
//! (`page_meta`). The result is a title, paragraphs and metadata; `ingest` cleans them
//! like any other article.

mod blocks;
mod classes;
mod entities;
mod extract;
mod page_meta;
mod tokenizer;
mod tree;

pub use entities::decode as decode_entities;
pub use page_meta::{primary_lang, strip_by, PageMeta};
pub(crate) use tree::Dom;

/// One event of an XML part (a `.docx` or `.odt` body): names are lower-cased.
pub enum XmlEvent<'a> {
    Start(&'a str, &'a [(String, String)]),
    End(&'a str),
    Text(&'a str),
}

/// Reads XML with the same non-executing tokenizer as pages; a self-closing element gives
/// its start and its end.
pub fn tokenize_xml(xml: &str, mut f: impl FnMut(XmlEvent)) {
    tokenizer::tokenize_mode(xml, true, |t| match &t {
        tokenizer::Token::Start {
            name,
            attrs,
            self_closing,
        } => {
            f(XmlEvent::Start(name, attrs));
            if *self_closing {
                f(XmlEvent::End(name));
            }
        }
        tokenizer::Token::End { name } => f(XmlEvent::End(name)),
        tokenizer::Token::Text(text) => f(XmlEvent::Text(text)),
    });
}

/// What a page gave.
pub struct Page {
    pub meta: PageMeta,
    pub paragraphs: Vec<String>,
}

/// Reads a decoded page.
pub fn read_page(html: &str) -> Page {
    let dom = Dom::parse(html);
    let title_hint = {
        let gone = vec![false; dom.nodes.len()];
        page_meta::read(&dom, &gone).title.unwrap_or_default()
    };
    let ex = extract::extract(&dom, &title_hint);
    let meta = page_meta::read(&dom, &ex.gone);
    let mut paragraphs = ex.paragraphs;
    // A page that renders its text with scripts leaves little in its markup; its JSON-LD
    // `articleBody`, when it says much more, is the article.
    if let Some(body) = &meta.article_body {
        let words = |s: &str| s.split_whitespace().count();
        let found: usize = paragraphs.iter().map(|p| words(p)).sum();
        let given = words(body);
        if given >= 80 && found * 5 < given * 2 {
            let inner = if body.contains('<') {
                let d = Dom::parse(body);
                extract::all_blocks(&d)
            } else {
                body.lines()
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|l| !l.is_empty())
                    .collect()
            };
            if !inner.is_empty() {
                paragraphs = inner;
            }
        }
    }
    Page { meta, paragraphs }
}

/// The charset a page declares in its first 4 KiB: `<meta charset=...>`, `<meta
/// http-equiv="Content-Type" content="...; charset=...">` or an XML declaration's
/// `encoding`.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if let Some(rest) = head.strip_prefix("<?xml") {
        if let Some(v) = attr_value(rest.split("?>").next().unwrap_or(""), "encoding") {
            return Some(v);
        }
    }
    let mut from = 0;
    while let Some(p) = head[from..].find("<meta") {
        let start = from + p;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(v) = attr_value(tag, "charset") {
            return Some(v);
        }
        from = end;
    }
    None
}

/// The value after `name=` in `s`, quotes and spaces trimmed, up to a quote, space, `;`
/// or `>`.
fn attr_value(s: &str, name: &str) -> Option<String> {
    let at = s.find(name)?;
    let rest = s[at + name.len()..].trim_start().strip_prefix('=')?;
    let rest = rest.trim_start().trim_start_matches(['"', '\'']);
    let v: String = rest
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ' ' | ';' | '>' | '/'))
        .collect();
    (!v.is_empty()).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_rendered_page_falls_back_to_its_json_ld_body() {
        let body = "Rain fell on the valley for the third day, officials said. ".repeat(12);
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Rain","articleBody":"{body}\n\nRoads were closed."}}</script></head><body><div id="app"></div><script>render()</script></body></html>"#
        );
        let page = read_page(&html);
        assert_eq!(page.paragraphs.len(), 2);
        assert_eq!(page.paragraphs[1], "Roads were closed.");
    }

    #[test]
    fn charset_declarations() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1256\">").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'>"
            )
            .as_deref(),
            Some("iso-8859-6")
        );
        assert_eq!(
            declared_charset(b"<?xml version='1.0' encoding='UTF-8'?><html>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }
}
