//! The three single-byte encodings legacy news files come in: windows-1256 and ISO-8859-6
//! (Arabic) and windows-1252 (English and other Western languages; WHATWG reads the labels
//! `iso-8859-1`, `latin1` and `us-ascii` as this too). Bytes below 0x80 are ASCII in all
//! three; the upper halves below are the WHATWG Encoding Standard's index tables
//! (`index-windows-1256.txt`, `index-iso-8859-6.txt`, `index-windows-1252.txt`).

/// A supported single-byte encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SingleByte {
    Windows1256,
    Iso8859_6,
    Windows1252,
}

impl SingleByte {
    pub fn name(self) -> &'static str {
        match self {
            SingleByte::Windows1256 => "windows-1256",
            SingleByte::Iso8859_6 => "ISO-8859-6",
            SingleByte::Windows1252 => "windows-1252",
        }
    }

    /// The character byte `b` stands for; `None` where the encoding leaves it undefined.
    pub fn char_of(self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(b as char);
        }
        let code = match self {
            SingleByte::Windows1256 => u32::from(WINDOWS_1256[usize::from(b - 0x80)]),
            SingleByte::Windows1252 if b < 0xA0 => {
                u32::from(WINDOWS_1252_C1[usize::from(b - 0x80)])
            }
            SingleByte::Windows1252 => u32::from(b),
            SingleByte::Iso8859_6 => match b {
                // C1 controls map to themselves (the caller counts them as suspicious).
                0x80..=0x9F | 0xA0 | 0xA4 | 0xAD => u32::from(b),
                0xAC => 0x060C,
                0xBB => 0x061B,
                0xBF => 0x061F,
                0xC1..=0xDA => 0x0621 + u32::from(b - 0xC1),
                0xE0..=0xF2 => 0x0640 + u32::from(b - 0xE0),
                _ => return None,
            },
        };
        char::from_u32(code)
    }

    /// Decodes all of `bytes`; undefined bytes become U+FFFD and are counted.
    pub fn decode(self, bytes: &[u8]) -> (String, usize) {
        let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
        let mut undefined = 0;
        for &b in bytes {
            match self.char_of(b) {
                Some(c) => out.push(c),
                None => {
                    undefined += 1;
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
        (out, undefined)
    }
}

/// windows-1256, bytes 0x80–0xFF.
#[rustfmt::skip]
const WINDOWS_1256: [u16; 128] = [
    0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
    0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
    0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
    0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
    0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
    0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,
    0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
    0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
    0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,
    0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
];

/// windows-1252, bytes 0x80–0x9F (0xA0–0xFF are Latin-1, the same code points). WHATWG
/// maps the five bytes Microsoft leaves undefined to the C1 controls of the same value.
#[rustfmt::skip]
const WINDOWS_1252_C1: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// The encoding a charset label names (WHATWG labels, case and spaces aside), when it is
/// one of the three.
pub fn from_label(label: &str) -> Option<SingleByte> {
    let l = label.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
    Some(match l.as_str() {
        "windows-1256" | "cp1256" | "x-cp1256" => SingleByte::Windows1256,
        "iso-8859-6" | "iso8859-6" | "iso88596" | "iso_8859-6" | "iso_8859-6:1987" | "arabic"
        | "asmo-708" | "csiso88596e" | "csiso88596i" | "csisolatinarabic" | "ecma-114"
        | "iso-8859-6-e" | "iso-8859-6-i" | "iso-ir-127" => SingleByte::Iso8859_6,
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso88591"
        | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1" | "ascii" | "us-ascii" | "cp819"
        | "ibm819" | "csisolatin1" | "iso-ir-100" | "ansi_x3.4-1968" => SingleByte::Windows1252,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_tables() {
        // "سلام" in each Arabic encoding.
        let w = [0xD3, 0xE1, 0xC7, 0xE3];
        assert_eq!(SingleByte::Windows1256.decode(&w), ("سلام".to_string(), 0));
        let i = [0xD3, 0xE4, 0xC7, 0xE5];
        assert_eq!(SingleByte::Iso8859_6.decode(&i), ("سلام".to_string(), 0));
        assert_eq!(SingleByte::Iso8859_6.decode(&[0xDD]).1, 1);
        assert_eq!(
            SingleByte::Windows1252.decode(b"caf\xe9 \x93x\x94 \x80"),
            ("café “x” €".to_string(), 0)
        );
        assert_eq!(from_label(" CP1256"), Some(SingleByte::Windows1256));
        assert_eq!(from_label("latin1"), Some(SingleByte::Windows1252));
        assert_eq!(from_label("koi8-r"), None);
    }
}
