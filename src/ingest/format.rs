//! Which reader a file goes to, by its content's magic bytes first (a zip named `.txt`
//! is still a zip) and then by its extension. Formats Qarin does not read are named, so
//! the report says "a PDF document", not "binary data".

/// How one file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: title line, then paragraphs.
    Text,
    /// An HTML page (`.html`, `.htm`, or text that starts like one).
    Html,
    /// A browser's single-file save (`.mhtml`, `.mht`): MIME parts around the page.
    Mhtml,
    Zip,
    /// A Word document (a zip of XML).
    Docx,
    /// An OpenDocument text (a zip of XML).
    Odt,
    /// Comma- or tab-separated rows with a header: articles, or a metadata sidecar.
    Table(u8),
    /// JSON Lines, or a JSON array of objects.
    Json,
    /// A format Qarin does not read, by its key in `message::FORMAT_NAMES` ("pdf").
    Unsupported(&'static str),
}

/// Magic numbers of formats that are certainly not text, with the key of their name for the
/// report (`message::FORMAT_NAMES`).
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "png_image"),
    (b"\xff\xd8\xff", "jpeg_image"),
    (b"GIF8", "gif_image"),
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0", "old_office"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "sevenzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\0", "xz"),
    (b"RIFF", "riff"),
    (b"\x7fELF", "elf"),
    (b"MZ", "windows_program"),
    (b"{\\rtf", "rtf"),
    (b"II*\0", "tiff_image"),
    (b"MM\0*", "tiff_image"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"\0\0\0\x18ftyp", "mp4"),
    (b"\0\0\0\x1cftyp", "mp4"),
    (b"\0\0\0\x20ftyp", "mp4"),
    (b"wOFF", "web_font"),
    (b"wOF2", "web_font"),
    (b"SQLite format 3\0", "sqlite"),
];

/// Extensions of formats Qarin does not read, with the key of their name.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("pdf", "pdf"),
    ("doc", "doc"),
    ("rtf", "rtf"),
    ("pages", "pages"),
    ("xls", "spreadsheet"),
    ("xlsx", "spreadsheet_csv"),
    ("ods", "spreadsheet_csv"),
    ("ppt", "presentation"),
    ("pptx", "presentation"),
    ("odp", "presentation"),
    ("epub", "ebook"),
    ("png", "image"),
    ("jpg", "image"),
    ("jpeg", "image"),
    ("gif", "image"),
    ("webp", "image"),
    ("bmp", "image"),
    ("tif", "image"),
    ("tiff", "image"),
    ("svg", "image"),
    ("heic", "image"),
    ("ico", "image"),
    ("mp3", "audio"),
    ("wav", "audio"),
    ("m4a", "audio"),
    ("ogg", "audio"),
    ("mp4", "video"),
    ("mov", "video"),
    ("avi", "video"),
    ("mkv", "video"),
    ("webm", "video"),
    ("rar", "rar"),
    ("7z", "sevenzip"),
    ("tar", "tar"),
    ("gz", "gzip"),
    ("tgz", "gzip"),
    ("bz2", "bzip2"),
    ("xz", "xz"),
    ("exe", "program"),
    ("dll", "dll"),
    ("woff", "web_font"),
    ("woff2", "web_font"),
    ("ttf", "font"),
    ("otf", "font"),
    ("css", "css"),
    ("js", "js"),
];

/// The lower-cased extension of a file name's last component, without the dot.
pub fn extension(name: &str) -> String {
    let last = name.rsplit('/').next().unwrap_or(name);
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// What a signature says the bytes are (a `message::FORMAT_NAMES` key), for formats that
/// are certainly not text.
pub fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some("zip");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Picks the reader for a file.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let ext = extension(name);
    let zip = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08");
    if zip {
        return match ext.as_str() {
            "docx" | "docm" | "dotx" => Format::Docx,
            "odt" => Format::Odt,
            "xlsx" | "pptx" | "ods" | "odp" | "epub" | "pages" => {
                Format::Unsupported(unsupported(&ext).unwrap_or("office"))
            }
            _ => Format::Zip,
        };
    }
    if let Some(what) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
    {
        // A text file may start with "MZ" or "ID3" by chance; those need their extension.
        let weak = bytes.starts_with(b"MZ") || bytes.starts_with(b"ID3");
        if !weak || matches!(ext.as_str(), "exe" | "dll" | "mp3") {
            return Format::Unsupported(what);
        }
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "xht" | "shtml" | "php" | "asp" | "aspx" | "jsp" => {
            return Format::Html
        }
        "mhtml" | "mht" => return Format::Mhtml,
        "zip" => return Format::Zip,
        "docx" => return Format::Docx,
        "odt" => return Format::Odt,
        "csv" => return Format::Table(b','),
        "tsv" | "tab" => return Format::Table(b'\t'),
        "jsonl" | "ndjson" | "json" => return Format::Json,
        _ => {}
    }
    if let Some(what) = unsupported(&ext) {
        return Format::Unsupported(what);
    }
    let head = text_head(bytes);
    if looks_like_mhtml(&head) {
        Format::Mhtml
    } else if looks_like_html(&head) {
        Format::Html
    } else {
        Format::Text
    }
}

fn unsupported(ext: &str) -> Option<&'static str> {
    UNSUPPORTED.iter().find(|(e, _)| *e == ext).map(|(_, w)| *w)
}

/// The first 1 KiB, lower-cased ASCII (other bytes as they come), BOM and white space
/// skipped.
fn text_head(bytes: &[u8]) -> String {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let b = &b[..b.len().min(1024)];
    String::from_utf8_lossy(b).trim_start().to_ascii_lowercase()
}

fn looks_like_html(head: &str) -> bool {
    let h = head.trim_start_matches(|c: char| c.is_whitespace());
    h.starts_with("<!doctype html")
        || h.starts_with("<html")
        || (h.starts_with("<?xml") && h.contains("<html"))
        || (h.starts_with("<!--") && h.contains("<html"))
        || (h.starts_with("<head") || h.starts_with("<meta"))
}

fn looks_like_mhtml(head: &str) -> bool {
    head.contains("mime-version:") && head.contains("multipart/related")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unsupported_format_has_a_name() {
        let keys = SIGNATURES.iter().map(|(_, k)| *k);
        let keys = keys.chain(UNSUPPORTED.iter().map(|(_, k)| *k));
        for key in keys.chain(["zip", "office"]) {
            assert_ne!(crate::message::format_name(key), key, "{key} has no name");
        }
        let m = crate::Message::new(
            crate::message::Code::FormatNotRead,
            [("format", "pdf".into())],
        );
        assert_eq!(
            m.message,
            "not read: it is a PDF document, a format Qarin does not read"
        );
        assert_eq!(m.arg("format"), Some("pdf"));
    }

    #[test]
    fn by_magic_then_extension() {
        assert_eq!(sniff("a.txt", b"PK\x03\x04rest"), Format::Zip);
        assert_eq!(sniff("a.docx", b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(sniff("a.txt", b"%PDF-1.4"), Format::Unsupported("pdf"));
        assert_eq!(sniff("x/a.PDF", b"junk"), Format::Unsupported("pdf"));
        assert_eq!(sniff("a.htm", b"hello"), Format::Html);
        assert_eq!(sniff("page", b"\n <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff("a.csv", b"title,text"), Format::Table(b','));
        assert_eq!(sniff("a.txt", b"MZ is a word"), Format::Text);
        assert_eq!(sniff("notes", b"Title\n\nBody"), Format::Text);
        assert_eq!(extension("dir.d/file"), "");
        assert_eq!(extension(".hidden"), "");
        assert_eq!(extension("a.tar.GZ"), "gz");
    }
}
