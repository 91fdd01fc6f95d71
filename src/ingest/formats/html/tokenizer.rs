//! An HTML tokenizer that reads and never runs anything: start and end tags with their
//! attributes, text with character references decoded, comments and doctypes skipped.
//! `<script>`, `<style>` and the other raw-text elements are read to their closing tag
//! without looking inside (their text is handed over as is, for JSON-LD). Every input is
//! accepted: a stray `<` is text, an unclosed comment or quote runs to the end.

use super::entities;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Start {
        /// Lower-cased ASCII.
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    /// Text, references decoded (raw-text elements: exactly as written).
    Text(String),
}

/// Elements whose content is not markup.
fn raw_text(name: &str) -> Option<bool> {
    // The flag: whether references are decoded inside (RCDATA).
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

/// Calls `f` for every token of `html`, in order.
pub fn tokenize(html: &str, f: impl FnMut(Token)) {
    tokenize_mode(html, false, f)
}

/// As [`tokenize`]; with `xml`, no element is raw text (`<title>` in XML is markup).
pub fn tokenize_mode(html: &str, xml: bool, mut f: impl FnMut(Token)) {
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            // Jump to the next '<' (memchr-like: the text between is one token).
            i = html[i..].find('<').map_or(b.len(), |p| i + p);
            continue;
        }
        let next = b.get(i + 1).copied();
        let markup_end = match next {
            Some(c) if c.is_ascii_alphabetic() => Some(Markup::Start),
            Some(b'/') if b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) => Some(Markup::End),
            Some(b'/') if b.get(i + 2) == Some(&b'>') => Some(Markup::Skip(i + 3)),
            Some(b'!') | Some(b'?') => Some(Markup::Special),
            _ => None,
        };
        let Some(kind) = markup_end else {
            i += 1;
            continue;
        };
        flush_text(html, text_start, i, &mut f);
        i = match kind {
            Markup::Skip(end) => end,
            Markup::Special => special(html, i, &mut f),
            Markup::End => {
                let (name, end) = tag_name(html, i + 2);
                let close = html[end..].find('>').map_or(b.len(), |p| end + p + 1);
                f(Token::End { name });
                close
            }
            Markup::Start => {
                let (name, attrs, self_closing, end) = start_tag(html, i + 1);
                let raw = if xml { None } else { raw_text(&name) };
                let raw_name = name.clone();
                f(Token::Start {
                    name,
                    attrs,
                    self_closing,
                });
                match raw {
                    Some(decode) if !self_closing => {
                        let (content_end, after) = find_close(html, end, &raw_name);
                        let content = &html[end..content_end];
                        if !content.is_empty() {
                            f(Token::Text(if decode {
                                entities::decode(content)
                            } else {
                                content.to_string()
                            }));
                        }
                        f(Token::End { name: raw_name });
                        after
                    }
                    _ => end,
                }
            }
        };
        text_start = i;
    }
    flush_text(html, text_start, b.len(), &mut f);
}

enum Markup {
    Start,
    End,
    Special,
    Skip(usize),
}

fn flush_text(html: &str, from: usize, to: usize, f: &mut impl FnMut(Token)) {
    if let Some(t) = html.get(from..to).filter(|t| !t.is_empty()) {
        f(Token::Text(entities::decode(t)));
    }
}

/// `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE>`, `<?xml ?>`: returns where the markup ends.
fn special(html: &str, i: usize, f: &mut impl FnMut(Token)) -> usize {
    let rest = &html[i..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        return comment.find("-->").map_or(html.len(), |p| i + 4 + p + 3);
    }
    if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
        let (text, end) = match cdata.find("]]>") {
            Some(p) => (&cdata[..p], i + 9 + p + 3),
            None => (cdata, html.len()),
        };
        if !text.is_empty() {
            f(Token::Text(text.to_string()));
        }
        return end;
    }
    rest.find('>').map_or(html.len(), |p| i + p + 1)
}

/// A tag name from byte `i`: lower-cased, up to white space, `/` or `>`.
fn tag_name(html: &str, i: usize) -> (String, usize) {
    let rest = &html[i..];
    let len = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    (rest[..len].to_ascii_lowercase(), i + len)
}

/// Attributes kept per tag.
const MAX_ATTRS: usize = 64;

/// A start tag from byte `i` (just after `<`): name, attributes, self-closing flag and the
/// byte after `>`.
fn start_tag(html: &str, i: usize) -> (String, Vec<(String, String)>, bool, usize) {
    let b = html.as_bytes();
    let (name, mut j) = tag_name(html, i);
    let mut attrs: Vec<(String, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            self_closing = b[j] == b'/';
            j += 1;
        }
        if j >= b.len() {
            return (name, attrs, self_closing, b.len());
        }
        if b[j] == b'>' {
            return (name, attrs, self_closing, j + 1);
        }
        self_closing = false;
        // Attribute name: up to white space, '=', '>' or '/' (a leading '=' belongs to it).
        let start = j;
        j += 1;
        while j < b.len() && !(b[j].is_ascii_whitespace() || matches!(b[j], b'=' | b'>' | b'/')) {
            j += 1;
        }
        let attr = html[start..j].to_ascii_lowercase();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[j + 1..].find(q as char).map_or(b.len(), |p| j + 1 + p);
                    value = entities::decode(&html[j + 1..end]);
                    j = (end + 1).min(b.len());
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(b.len(), |p| j + p);
                    value = entities::decode(&html[j..end]);
                    j = end;
                }
            }
        }
        // The first of a repeated name counts, as in browsers; past MAX_ATTRS the rest are
        // read over (nothing Qarin looks at comes that late, and the check is linear).
        if attrs.len() < MAX_ATTRS && !attrs.iter().any(|(n, _)| *n == attr) {
            attrs.push((attr, value));
        }
    }
}

/// The end of a raw-text element's content from byte `from`: (content end, byte after the
/// closing tag). Unclosed: the rest of the input.
fn find_close(html: &str, from: usize, name: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let mut k = from;
    while let Some(p) = html[k..].find("</") {
        let at = k + p;
        let n = at + 2;
        let matches = b
            .get(n..n + name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()));
        let boundary = b
            .get(n + name.len())
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
        if matches && boundary {
            let close = html[n..].find('>').map_or(b.len(), |q| n + q + 1);
            return (at, close);
        }
        k = at + 2;
    }
    (b.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token> {
        let mut v = Vec::new();
        tokenize(s, |t| v.push(t));
        v
    }

    fn start(name: &str, attrs: &[(&str, &str)]) -> Token {
        Token::Start {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            self_closing: false,
        }
    }

    #[test]
    fn tags_attributes_text() {
        assert_eq!(
            tokens("<P Class=\"a &amp; b\" id=x data-x='1'>Hi &eacute;<br/>1 < 2</p>"),
            vec![
                start("p", &[("class", "a & b"), ("id", "x"), ("data-x", "1")]),
                Token::Text("Hi é".into()),
                Token::Start {
                    name: "br".into(),
                    attrs: vec![],
                    self_closing: true
                },
                Token::Text("1 < 2".into()),
                Token::End { name: "p".into() },
            ]
        );
    }

    #[test]
    fn raw_text_comments_and_odd_input() {
        assert_eq!(
            tokens("<script>if (a < b) { x = '</p>'; }</SCRIPT ><!-- <p>no</p> -->t"),
            vec![
                start("script", &[]),
                Token::Text("if (a < b) { x = '</p>'; }".into()),
                Token::End {
                    name: "script".into()
                },
                Token::Text("t".into()),
            ]
        );
        assert_eq!(
            tokens("<title>A &amp; B</title>"),
            vec![
                start("title", &[]),
                Token::Text("A & B".into()),
                Token::End {
                    name: "title".into()
                }
            ]
        );
        for s in [
            "<",
            "<a",
            "<a b='",
            "<!--",
            "<![CDATA[x",
            "</",
            "</a",
            "<script>",
            "<?",
            "<a =>",
            "é<é>",
            "<a b=\"ü",
            "<p/",
        ] {
            let _ = tokens(s);
        }
    }
}
