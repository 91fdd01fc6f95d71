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
    /// A format Qarin does not read, named ("a PDF document").
    Unsupported(&'static str),
}

/// Magic numbers of formats that are certainly not text, named for the report.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Microsoft Office document (.doc/.xls/.ppt)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\0", "an xz archive"),
    (b"RIFF", "a RIFF (audio/video/WebP) file"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\0\0\0\x18ftyp", "an MP4/QuickTime video"),
    (b"\0\0\0\x1cftyp", "an MP4/QuickTime video"),
    (b"\0\0\0\x20ftyp", "an MP4/QuickTime video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\0", "an SQLite database"),
];

/// Extensions of formats Qarin does not read.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("pdf", "a PDF document"),
    (
        "doc",
        "an old Word document (.doc); save it as .docx or text",
    ),
    ("rtf", "an RTF document; save it as .docx or text"),
    ("pages", "an Apple Pages document"),
    ("xls", "a spreadsheet"),
    ("xlsx", "a spreadsheet; export it as CSV"),
    ("ods", "a spreadsheet; export it as CSV"),
    ("ppt", "a presentation"),
    ("pptx", "a presentation"),
    ("odp", "a presentation"),
    ("epub", "an e-book"),
    ("png", "an image"),
    ("jpg", "an image"),
    ("jpeg", "an image"),
    ("gif", "an image"),
    ("webp", "an image"),
    ("bmp", "an image"),
    ("tif", "an image"),
    ("tiff", "an image"),
    ("svg", "an image"),
    ("heic", "an image"),
    ("ico", "an image"),
    ("mp3", "an audio file"),
    ("wav", "an audio file"),
    ("m4a", "an audio file"),
    ("ogg", "an audio file"),
    ("mp4", "a video"),
    ("mov", "a video"),
    ("avi", "a video"),
    ("mkv", "a video"),
    ("webm", "a video"),
    ("rar", "a RAR archive (only .zip archives are read)"),
    ("7z", "a 7-Zip archive (only .zip archives are read)"),
    ("tar", "a tar archive (only .zip archives are read)"),
    ("gz", "a gzip archive (only .zip archives are read)"),
    ("tgz", "a gzip archive (only .zip archives are read)"),
    ("bz2", "a bzip2 archive (only .zip archives are read)"),
    ("xz", "an xz archive (only .zip archives are read)"),
    ("exe", "a program"),
    ("dll", "a program library"),
    ("woff", "a web font"),
    ("woff2", "a web font"),
    ("ttf", "a font"),
    ("otf", "a font"),
    (
        "css",
        "a style sheet (part of a saved page, not an article)",
    ),
    ("js", "a script (part of a saved page, not an article)"),
];

/// The lower-cased extension of a file name's last component, without the dot.
pub fn extension(name: &str) -> String {
    let last = name.rsplit('/').next().unwrap_or(name);
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// What a signature says the bytes are, for formats that are certainly not text.
pub fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some("a zip archive");
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
                Format::Unsupported(unsupported(&ext).unwrap_or("an office document"))
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
    fn by_magic_then_extension() {
        assert_eq!(sniff("a.txt", b"PK\x03\x04rest"), Format::Zip);
        assert_eq!(sniff("a.docx", b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(
            sniff("a.txt", b"%PDF-1.4"),
            Format::Unsupported("a PDF document")
        );
        assert_eq!(
            sniff("x/a.PDF", b"junk"),
            Format::Unsupported("a PDF document")
        );
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
