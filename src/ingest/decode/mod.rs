//! Bytes to text, naming the encoding used. Read in this order: a byte-order mark (UTF-8,
//! UTF-16LE/BE) decides; UTF-16 without a mark is recognised by its zero bytes; valid UTF-8
//! is UTF-8; else a declared charset (an HTML `<meta charset>`, an XML declaration, a MIME
//! header) is used when it names windows-1256, ISO-8859-6 or windows-1252; else the three
//! are tried and the one that reads best wins ([`guess`]). A guess the scores do not
//! clearly settle says so in a warning, as does every undecodable byte: the text is never
//! garbled silently. Empty and binary files are refused with a message saying which.

mod guess;
pub mod single_byte;

use crate::message::{Code, Message};

#[cfg(test)]
use single_byte::SingleByte;

/// Decoded text, the encoding it was read as, and anything the user should know.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warnings: Vec<Message>,
}

impl Decoded {
    fn plain(text: String, encoding: &'static str) -> Self {
        Decoded {
            text,
            encoding,
            warnings: Vec::new(),
        }
    }
}

/// Reads bytes with no declared charset.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Message> {
    decode_declared(bytes, None)
}

/// Reads bytes that may declare their charset (`declared`, a label such as
/// `"windows-1256"`).
pub fn decode_declared(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, Message> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(if bytes.is_empty() {
            Code::EmptyFile
        } else {
            Code::BlankFile
        }
        .into());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(utf8(rest));
    }
    // Every encoding other than UTF-8 is named in a note, so the report says how each
    // legacy file was read.
    for (bom, unit, name) in [
        (
            &b"\xff\xfe"[..],
            u16::from_le_bytes as fn([u8; 2]) -> u16,
            "UTF-16LE",
        ),
        (&b"\xfe\xff"[..], u16::from_be_bytes, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let mut d = utf16(rest, unit, name);
            d.warnings
                .insert(0, encoding_note(Code::EncodingByBom, name));
            return Ok(d);
        }
    }
    if let Some(little) = utf16_without_bom(bytes) {
        let mut d = if little {
            utf16(bytes, u16::from_le_bytes, "UTF-16LE")
        } else {
            utf16(bytes, u16::from_be_bytes, "UTF-16BE")
        };
        d.warnings
            .push(encoding_note(Code::EncodingNoBom, d.encoding));
        return Ok(d);
    }
    if let Some(what) = crate::ingest::format::binary_signature(bytes) {
        return Err(Message::new(
            Code::NotTextFile,
            [("format", what.to_string())],
        ));
    }
    if looks_binary(bytes) {
        return Err(Code::BinaryFile.into());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let mut d = Decoded::plain(text.to_string(), "UTF-8");
        if looks_double_encoded(text) {
            d.warnings.push(Code::Mojibake.into());
        }
        return Ok(d);
    }
    let declared_enc = declared.map(|l| (l, single_byte::from_label(l)));
    if let Some((_, Some(enc))) = declared_enc {
        let (text, undefined) = enc.decode(bytes);
        let mut d = Decoded::plain(text, enc.name());
        d.warnings
            .push(encoding_note(Code::EncodingDeclared, enc.name()));
        if undefined > 0 {
            d.warnings.push(Message::new(
                Code::UndefinedBytesDeclared,
                [
                    ("count", undefined.to_string()),
                    ("encoding", enc.name().to_string()),
                ],
            ));
        }
        return Ok(d);
    }
    if mostly_utf8(bytes) {
        return Ok(utf8(bytes));
    }
    let g = guess::guess(bytes);
    let mut d = Decoded::plain(g.text, g.encoding.name());
    let name = g.encoding.name();
    d.warnings.push(match declared_enc {
        Some((label, None)) if !label.trim().eq_ignore_ascii_case("utf-8") => Message::new(
            Code::EncodingUnknownDeclared,
            [
                ("declared", label.to_string()),
                ("encoding", name.to_string()),
            ],
        ),
        Some(_) => encoding_note(Code::EncodingNotUtf8, name),
        None => encoding_note(Code::EncodingGuessed, name),
    });
    if !g.sure {
        d.warnings.push(encoding_note(Code::EncodingUnsure, name));
    }
    if g.undefined > 0 {
        d.warnings.push(Message::new(
            Code::UndefinedBytes,
            [
                ("count", g.undefined.to_string()),
                ("encoding", name.to_string()),
            ],
        ));
    }
    Ok(d)
}

/// A message whose only arg is the encoding's name.
fn encoding_note(code: Code, encoding: &str) -> Message {
    Message::new(code, [("encoding", encoding.to_string())])
}

/// UTF-8 text that was once read as windows-1252/1256 and saved again: the lead bytes of
/// Arabic and accented letters (Ø Ù Ã Â) followed by what their second byte looks like
/// in those tables, again and again.
fn looks_double_encoded(text: &str) -> bool {
    // Ã Â Ø Ù Ú Û all start with the byte 0xC3 in UTF-8: most texts have none.
    if !text.as_bytes().contains(&0xC3) {
        return false;
    }
    let (mut pairs, mut non_ascii) = (0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        if !c.is_ascii() {
            non_ascii += 1;
            let second = matches!(c, '\u{80}'..='\u{BF}' | '\u{2018}'..='\u{2022}' | '\u{2026}' | '\u{20AC}' | '\u{2122}' | '\u{0152}' | '\u{0153}' | '\u{0160}' | '\u{0161}' | '\u{0178}' | '\u{017D}' | '\u{017E}' | '\u{0192}' | '\u{02C6}' | '\u{02DC}');
            if second && matches!(prev, 'Ø' | 'Ù' | 'Ã' | 'Â' | 'Ú' | 'Û') {
                pairs += 1;
            }
        }
        prev = c;
    }
    pairs >= 3 && pairs * 10 >= non_ascii
}

/// Binary when NUL bytes appear or when over 10% of the first 8 KiB are control bytes
/// other than tab, newline, carriage return and form feed.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a))
        .count();
    controls * 10 > head.len()
}

/// UTF-16 without a byte-order mark: in the first 4 KiB, the high byte of nearly every
/// unit is 0x00 (Latin text) or 0x06 (Arabic), on one side only. `Some(true)` for little
/// endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let units = head.len() / 2;
    let count = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0 || b == 6)
            .count()
    };
    let zeros = |odd: usize| {
        head.iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (high_odd, high_even) = (count(1), count(0));
    // The other side must hold text: almost no zero bytes there.
    if high_odd * 10 >= units * 9 && zeros(0) * 20 < units && zeros(1) * 2 >= units / 4 {
        Some(true)
    } else if high_even * 10 >= units * 9 && zeros(1) * 20 < units && zeros(0) * 2 >= units / 4 {
        Some(false)
    } else {
        None
    }
}

/// Nearly valid UTF-8: many multi-byte sequences and few bad bytes (a file cut short or
/// spliced), better read as UTF-8 with the bad bytes marked than through a legacy table.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|&b| b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                good += ok.iter().filter(|&&b| b >= 0xC0).count();
                bad += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or(&[]);
            }
        }
    }
    good >= 4 && bad * 20 <= good
}

fn utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::plain(text.to_string(), "UTF-8"),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
            Decoded {
                text,
                encoding: "UTF-8",
                warnings: vec![Message::new(
                    Code::InvalidUtf8,
                    [("count", bad.to_string())],
                )],
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &'static str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let mut warnings = Vec::new();
    if bytes.len() % 2 == 1 {
        warnings.push(encoding_note(Code::Utf16OddLength, name));
    }
    if text.contains('\u{fffd}') {
        warnings.push(encoding_note(Code::Utf16Unpaired, name));
    }
    Decoded {
        text,
        encoding: name,
        warnings,
    }
}

/// Encodes `text` in a single-byte encoding (for tests and fixtures); `None` when a
/// character has no byte there.
#[cfg(test)]
pub(crate) fn encode_single(text: &str, enc: SingleByte) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| (0u8..=255).find(|&b| enc.char_of(b) == Some(c)))
        .collect()
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
        assert!(decode(b"abc\0def\x01\x02\x03\x04\x05")
            .err()
            .unwrap()
            .contains("binary"));
    }

    #[test]
    fn reads_utf8_with_bom_and_utf16() {
        assert_eq!(decode("\u{feff}سلام".as_bytes()).unwrap().text, "سلام");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi ع".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hi ع", "UTF-16LE"));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Hi ع".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Hi ع");
    }

    #[test]
    fn utf16_without_a_mark() {
        let text = "قال الوزير إن the talks will resume";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn legacy_encodings_declared_and_guessed() {
        let ar = "قال وزير الخارجية في مؤتمر صحفي إن المفاوضات مستمرة";
        let bytes = encode_single(ar, SingleByte::Windows1256).unwrap();
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ar, "windows-1256"));
        assert!(d.warnings.iter().any(|w| w.contains("guessed")));
        assert!(!d.warnings.iter().any(|w| w.contains("not sure")));
        let d = decode_declared(&bytes, Some("windows-1256")).unwrap();
        assert_eq!(d.warnings, ["read as windows-1256 (declared)"]);
        let bytes = encode_single(ar, SingleByte::Iso8859_6).unwrap();
        assert_eq!(decode(&bytes).unwrap().encoding, "ISO-8859-6");
    }

    #[test]
    fn mojibake_in_utf8_is_warned_about() {
        // "السلام" written as UTF-8, read as windows-1252, saved as UTF-8 again.
        let bytes = "السلام عليكم".as_bytes();
        let mojibake: String = bytes
            .iter()
            .map(|&b| {
                single_byte::SingleByte::Windows1252
                    .char_of(b)
                    .unwrap_or('?')
            })
            .collect();
        let d = decode(mojibake.as_bytes()).unwrap();
        assert!(
            d.warnings.iter().any(|w| w.contains("garbled")),
            "{mojibake}"
        );
        let d = decode("café • naïve µ résumé".as_bytes()).unwrap();
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_warned_about() {
        let d = decode(b"caf\xe9 au lait, cr\xe8me br\xfbl\xe9e").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "café au lait, crème brûlée");
        let mut nearly = "é".repeat(50).into_bytes();
        nearly.push(0xff);
        let d = decode(&nearly).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
    }
}
