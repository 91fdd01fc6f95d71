//! Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; a file that
//! is empty or holds binary data (an image renamed `.txt`, say) is refused with a message
//! that says which. Invalid UTF-8 in an otherwise textual file is replaced and warned about,
//! never passed on silently.

/// Decoded text plus anything the user should know about how it was read.
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Magic numbers of formats people most often upload by mistake, named in the message.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF (audio/video/WebP) file"),
    (b"\x7fELF", "an executable program"),
];

pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(if bytes.is_empty() {
            "empty file".to_string()
        } else {
            "empty file (only white space)".to_string()
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(utf8(rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Ok(utf16(rest, u16::from_le_bytes, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Ok(utf16(rest, u16::from_be_bytes, "UTF-16BE"));
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(format!("not a text file: it is {what}"));
        }
    }
    if looks_binary(bytes) {
        return Err("not a text file: it holds binary data".to_string());
    }
    Ok(utf8(bytes))
}

/// Binary when NUL bytes appear or when over 10% of the first 8 KiB are control bytes
/// other than tab, newline, carriage return and form feed.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 10 > head.len()
}

fn utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            warnings: Vec::new(),
        },
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
            Decoded {
                text,
                warnings: vec![format!(
                    "not valid UTF-8: {bad} undecodable byte sequence(s) shown as \u{fffd}; \
                     the file may use another encoding"
                )],
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let mut warnings = Vec::new();
    if bytes.len() % 2 == 1 {
        warnings.push(format!(
            "{name} file has an odd number of bytes; the last one was dropped"
        ));
    }
    if text.contains('\u{fffd}') {
        warnings.push(format!(
            "{name} file holds unpaired surrogates, shown as \u{fffd}"
        ));
    }
    Decoded { text, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary_files_by_name_of_format() {
        assert_eq!(decode(b"").err().unwrap(), "empty file");
        assert!(decode(b" \n\r\n")
            .err()
            .unwrap()
            .contains("only white space"));
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0")
            .err()
            .unwrap()
            .contains("PNG"));
        assert!(decode(b"abc\0def").err().unwrap().contains("binary"));
    }

    #[test]
    fn reads_utf8_with_bom_and_utf16() {
        assert_eq!(decode("\u{feff}سلام".as_bytes()).unwrap().text, "سلام");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi ع".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Hi ع");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Hi ع".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Hi ع");
    }

    #[test]
    fn invalid_utf8_is_warned_about() {
        let d = decode(b"caf\xe9 au lait").unwrap();
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
    }
}
