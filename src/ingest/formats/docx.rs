//! Word (`.docx`) and OpenDocument (`.odt`) files: zips of XML. The body's paragraphs
//! (`<w:p>` runs of `<w:t>`, or `<text:p>`/`<text:h>`) become lines; the title is the
//! document's "Title" paragraph, else its metadata title (`docProps/core.xml`, `meta.xml`),
//! else its first line. Then the lines are cleaned like a text file's.

use super::format::Format;
use super::html::tokenize_xml;
use super::{text, zip, Budget, Ingested};
use crate::message::Code;

pub(crate) fn read(file: &str, bytes: &[u8], fmt: Format, budget: &mut Budget, out: &mut Ingested) {
    let (body_part, meta_part) = match fmt {
        Format::Odt => ("content.xml", "meta.xml"),
        _ => ("word/document.xml", "docProps/core.xml"),
    };
    let body = match zip::find_entry(bytes, body_part, budget) {
        Ok(b) => b,
        Err(e) => {
            out.problem(file, e);
            return;
        }
    };
    let xml = String::from_utf8_lossy(&body);
    let (mut lines, styled_title) = match fmt {
        Format::Odt => (odt_lines(&xml), None),
        _ => docx_lines(&xml),
    };
    let meta_title = zip::find_entry(bytes, meta_part, budget)
        .ok()
        .and_then(|m| element_text(&String::from_utf8_lossy(&m), "dc:title"));
    let title = match styled_title.or(meta_title) {
        Some(t) => t,
        None if !lines.is_empty() => lines.remove(0),
        None => String::new(),
    };
    match text::build(file, &title, lines) {
        Some(mut a) => {
            a.encoding = Some("UTF-8".to_string());
            out.articles.push(a);
        }
        None => out.problem(file, Code::DocumentNoText),
    }
}

/// Paragraphs of a Word body, and the text of the first paragraph styled "Title".
fn docx_lines(xml: &str) -> (Vec<String>, Option<String>) {
    let mut lines = Vec::new();
    let mut title = None;
    let mut cur = String::new();
    let mut in_text = false;
    let mut is_title = false;
    tokenize_xml(xml, |ev| match ev {
        XmlEvent::Start(name, attrs) => match name {
            "w:p" => {
                cur.clear();
                is_title = false;
            }
            "w:t" => in_text = true,
            "w:tab" => cur.push('\t'),
            "w:br" | "w:cr" => cur.push('\n'),
            "w:pstyle" => {
                is_title = attrs
                    .iter()
                    .any(|(k, v)| k == "w:val" && v.eq_ignore_ascii_case("title"));
            }
            _ => {}
        },
        XmlEvent::End(name) => match name {
            "w:t" => in_text = false,
            "w:p" => {
                let line = std::mem::take(&mut cur);
                if is_title && title.is_none() && !line.trim().is_empty() {
                    title = Some(line.trim().to_string());
                } else {
                    lines.push(line);
                }
            }
            _ => {}
        },
        XmlEvent::Text(t) if in_text => cur.push_str(t),
        XmlEvent::Text(_) => {}
    });
    (lines, title)
}

/// Paragraphs and headings of an OpenDocument body.
fn odt_lines(xml: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    tokenize_xml(xml, |ev| match ev {
        XmlEvent::Start(name, attrs) => match name {
            "text:p" | "text:h" => {
                if depth == 0 {
                    cur.clear();
                }
                depth += 1;
            }
            "text:s" => {
                let n = attrs
                    .iter()
                    .find(|(k, _)| k == "text:c")
                    .and_then(|(_, v)| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                cur.push_str(&" ".repeat(n));
            }
            "text:tab" => cur.push('\t'),
            "text:line-break" => cur.push('\n'),
            _ => {}
        },
        XmlEvent::End(name) => {
            if matches!(name, "text:p" | "text:h") && depth > 0 {
                depth -= 1;
                if depth == 0 {
                    lines.push(std::mem::take(&mut cur));
                }
            }
        }
        XmlEvent::Text(t) if depth > 0 => cur.push_str(t),
        XmlEvent::Text(_) => {}
    });
    lines
}

/// The text of the first element `name` in an XML part.
fn element_text(xml: &str, name: &str) -> Option<String> {
    let mut inside = false;
    let mut found: Option<String> = None;
    let mut text = String::new();
    tokenize_xml(xml, |ev| match ev {
        XmlEvent::Start(n, _) if n == name && found.is_none() => inside = true,
        XmlEvent::End(n) if n == name && inside => {
            inside = false;
            found = Some(std::mem::take(&mut text));
        }
        XmlEvent::Text(t) if inside => text.push_str(t),
        _ => {}
    });
    found
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

pub(crate) use super::html::XmlEvent;

#[cfg(test)]
mod tests {
    use crate::ingest::formats::zip::tests::build;
    use crate::ingest::read;

    #[test]
    fn word_and_opendocument() {
        let doc = r#"<?xml version="1.0"?><w:document><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Rain in the valley</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Rain fell on the valley for the third day, </w:t></w:r><w:r><w:t>officials said &amp; residents agreed.</w:t></w:r></w:p>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>Roads were closed.</w:t></w:r></w:p>
</w:body></w:document>"#;
        let z = build(&[("word/document.xml", doc.as_bytes(), true)]);
        let got = read("a.docx", &z);
        let a = &got.articles[0];
        assert_eq!(a.title, "Rain in the valley");
        assert_eq!(
            a.paragraphs,
            [
                "Rain fell on the valley for the third day, officials said & residents agreed.",
                "Roads were closed."
            ]
        );
        let odt = r#"<office:document-content><office:body><office:text>
<text:h text:outline-level="1">مطر في الوادي</text:h>
<text:p>هطل المطر<text:s text:c="2"/>على الوادي لليوم الثالث على التوالي، وفق ما قاله مسؤولون.</text:p>
</office:text></office:body></office:document-content>"#;
        let z = build(&[("content.xml", odt.as_bytes(), true)]);
        let got = read("b.odt", &z);
        assert_eq!(got.articles[0].title, "مطر في الوادي");
        assert_eq!(got.articles[0].lang, "ar");
        let got = read("c.docx", &build(&[("other.xml", b"x", false)]));
        assert!(got.problems[0]
            .message
            .contains("word/document.xml is missing"));
    }
}
