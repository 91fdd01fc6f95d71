//! MHTML (`.mhtml`, `.mht`): a browser's "save as single file", a MIME message whose parts
//! are the page and its resources. The page part (`text/html`, the first one, or the one
//! the message names as its start) is unwrapped from quoted-printable or base64, decoded
//! in its declared charset and read like any page; its `Content-Location` is the article's
//! address when the page names none.

use super::{decode, html, page, push, Ingested};
use crate::message::Code;

/// A part: lower-cased header names with their values, and the body bytes.
struct Part<'a> {
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

impl Part<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn read(file: &str, bytes: &[u8], out: &mut Ingested) {
    let top = split_headers(bytes);
    let content_type = top.header("content-type").unwrap_or("").to_string();
    let snapshot = top
        .header("snapshot-content-location")
        .or_else(|| top.header("content-location"))
        .map(str::to_string);
    let parts: Vec<Part> = match param(&content_type, "boundary") {
        Some(b) => split_parts(top.body, &b)
            .into_iter()
            .map(split_headers)
            .collect(),
        None => vec![top],
    };
    let is_html = |p: &Part| {
        p.header("content-type")
            .is_none_or(|t| t.trim().to_ascii_lowercase().starts_with("text/html"))
    };
    let page = parts
        .iter()
        .filter(|p| is_html(p))
        .find(|p| snapshot.is_some() && p.header("content-location") == snapshot.as_deref())
        .or_else(|| parts.iter().find(|p| is_html(p)));
    let Some(page) = page else {
        out.problem(file, Code::MhtmlNoPage);
        return;
    };
    let raw = match page
        .header("content-transfer-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("quoted-printable") => quoted_printable(page.body),
        Some("base64") => base64(page.body),
        _ => page.body.to_vec(),
    };
    let charset = page
        .header("content-type")
        .and_then(|t| param(t, "charset"))
        .or_else(|| html::declared_charset(&raw));
    let url = page
        .header("content-location")
        .map(str::to_string)
        .or(snapshot)
        .filter(|u| u.starts_with("http"));
    match decode::decode_declared(&raw, charset.as_deref()) {
        Ok(d) => push(out, file, page::from_page(file, &d.text, url), d),
        Err(m) => out.problem(file, m),
    }
}

/// Headers (unfolded) and the body after the first blank line.
fn split_headers(bytes: &[u8]) -> Part<'_> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    // Skip blank lines before the headers.
    while bytes.get(i).is_some_and(|&b| b == b'\r' || b == b'\n') {
        i += 1;
    }
    while i < bytes.len() {
        let end = bytes[i..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| i + p);
        let line = String::from_utf8_lossy(&bytes[i..end]);
        let line = line.trim_end_matches('\r');
        i = end + 1;
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        if headers.len() > 200 {
            break;
        }
    }
    Part {
        headers,
        body: bytes.get(i.min(bytes.len())..).unwrap_or(&[]),
    }
}

/// A parameter of a header value: `boundary="x"` in `multipart/related; boundary="x"`.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name))
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The parts between `--boundary` lines.
fn split_parts<'a>(body: &'a [u8], boundary: &str) -> Vec<&'a [u8]> {
    let delim = format!("--{boundary}");
    let d = delim.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    while i + d.len() <= body.len() {
        if &body[i..i + d.len()] == d && (i == 0 || body[i - 1] == b'\n') {
            marks.push(i);
            i += d.len();
        } else {
            i += 1;
        }
    }
    marks
        .windows(2)
        .map(|w| &body[w[0] + d.len()..w[1]])
        .chain(marks.last().map(|&l| &body[l + d.len()..]))
        .filter(|p| !p.starts_with(b"--"))
        .collect()
}

/// Quoted-printable: `=XX` bytes and `=` soft line breaks.
fn quoted_printable(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            match (b.get(i + 1), b.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (Some(&h), Some(&l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                    let v = (hex(h) << 4) | hex(l);
                    out.push(v);
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn hex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

/// Base64, white space ignored, stopping at padding or the first character outside the
/// alphabet.
fn base64(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in b {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => break,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read;

    #[test]
    fn mime_pieces() {
        assert_eq!(
            quoted_printable(b"a=3Db=\r\nc=E2=80=99"),
            "a=bc’".as_bytes()
        );
        assert_eq!(base64(b"SGVs\nbG8="), b"Hello");
        assert_eq!(
            param(
                "multipart/related; type=\"text/html\"; boundary=\"--x\"",
                "boundary"
            )
            .as_deref(),
            Some("--x")
        );
    }

    #[test]
    fn reads_the_page_part() {
        let page = "<html><head><title>Rain in the valley</title></head><body><article><p>Rain fell on the valley for the third day in a row, officials said on Monday, and roads were closed.</p><p>Residents said they had never seen so much water, and schools stayed shut.</p></article></body></html>";
        let qp = page.replace('=', "=3D");
        let m = format!("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/rain\r\nSubject: Rain\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--\"\r\n\r\n\r\n------B--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/rain\r\n\r\n{qp}\r\n------B--\r\nContent-Type: text/css\r\nContent-Location: https://example.org/a.css\r\n\r\np {{}}\r\n------B----\r\n");
        let got = read("saved.mhtml", m.as_bytes());
        assert!(got.problems.is_empty(), "{:?}", got.problems);
        let a = &got.articles[0];
        assert_eq!(a.title, "Rain in the valley");
        assert_eq!(a.url.as_deref(), Some("https://example.org/rain"));
        assert_eq!(a.paragraphs.len(), 2);
    }
}
