//! The zip directory: the central directory (ZIP64 too) or, when it is lost, the local
//! headers walked from the start; entry names decoded. Layout: see the parent module.

/// One entry of the directory.
pub(super) struct Entry {
    pub(super) name: String,
    pub(super) flags: u16,
    pub(super) method: u16,
    pub(super) crc: u32,
    pub(super) csize: u64,
    pub(super) usize: u64,
    pub(super) offset: u64,
}

pub(super) fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

pub(super) fn u64_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(i..i.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// Entries listed by the central directory, or `None` when it cannot be found or read.
pub(super) fn central_directory(b: &[u8]) -> Option<Vec<Entry>> {
    // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65535).
    let from = b.len().saturating_sub(65_535 + 22);
    let eocd = (from..b.len().saturating_sub(21))
        .rev()
        .find(|&i| u32_at(b, i) == Some(0x0605_4b50))?;
    let mut total = u64::from(u16_at(b, eocd + 10)?);
    let mut cd_offset = u64::from(u32_at(b, eocd + 16)?);
    // ZIP64: a locator just before the end record points to the zip64 end record.
    if eocd >= 20 && u32_at(b, eocd - 20) == Some(0x0706_4b50) {
        let at = usize::try_from(u64_at(b, eocd - 12)?).ok()?;
        if u32_at(b, at) == Some(0x0606_4b50) {
            total = u64_at(b, at + 32)?;
            cd_offset = u64_at(b, at + 48)?;
        }
    }
    let mut i = usize::try_from(cd_offset).ok()?;
    let mut out = Vec::new();
    for _ in 0..total.min(1_000_000) {
        if u32_at(b, i)? != 0x0201_4b50 {
            return if out.is_empty() { None } else { Some(out) };
        }
        let flags = u16_at(b, i + 8)?;
        let method = u16_at(b, i + 10)?;
        let crc = u32_at(b, i + 16)?;
        let mut csize = u64::from(u32_at(b, i + 20)?);
        let mut usize = u64::from(u32_at(b, i + 24)?);
        let nlen = usize::from(u16_at(b, i + 28)?);
        let elen = usize::from(u16_at(b, i + 30)?);
        let clen = usize::from(u16_at(b, i + 32)?);
        let mut offset = u64::from(u32_at(b, i + 42)?);
        let name_bytes = b.get(i + 46..i + 46 + nlen)?;
        let extra = b.get(i + 46 + nlen..i + 46 + nlen + elen).unwrap_or(&[]);
        // ZIP64 sizes and offset, in that order, for the fields that overflowed.
        if let Some(z) = extra_field(extra, 0x0001) {
            let mut k = 0;
            for field in [&mut usize, &mut csize, &mut offset] {
                if *field == 0xFFFF_FFFF {
                    *field = u64_at(z, k)?;
                    k += 8;
                }
            }
        }
        let name = entry_name(name_bytes, flags, extra);
        out.push(Entry {
            name,
            flags,
            method,
            crc,
            csize,
            usize,
            offset,
        });
        i += 46 + nlen + elen + clen;
    }
    Some(out)
}

/// Entries found by walking local headers from the start, for an archive without a
/// readable directory. Sizes come from each header; an entry whose sizes follow its data
/// (flag bit 3) is found by looking for the next header.
pub(super) fn local_headers(b: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < 1_000_000 {
        let Some(at) = (i..b.len().saturating_sub(29)).find(|&k| u32_at(b, k) == Some(0x0403_4b50))
        else {
            break;
        };
        let field = |k: usize| u16_at(b, at + k).unwrap_or(0);
        let (flags, method) = (field(6), field(8));
        let crc = u32_at(b, at + 14).unwrap_or(0);
        let mut csize = u64::from(u32_at(b, at + 18).unwrap_or(0));
        let usize = u64::from(u32_at(b, at + 22).unwrap_or(0));
        let (nlen, elen) = (usize::from(field(26)), usize::from(field(28)));
        let start = at + 30 + nlen + elen;
        let name_bytes = b.get(at + 30..(at + 30 + nlen).min(b.len())).unwrap_or(&[]);
        let extra = b.get(at + 30 + nlen..start.min(b.len())).unwrap_or(&[]);
        let mut crc = crc;
        let mut usize = usize;
        if flags & 8 != 0 {
            // Sizes and CRC follow the data, in a descriptor before the next header.
            let next = (start..b.len().saturating_sub(3))
                .find(|&k| matches!(u32_at(b, k), Some(0x0403_4b50 | 0x0201_4b50)))
                .unwrap_or(b.len());
            let desc = if next >= 16 && u32_at(b, next - 16) == Some(0x0807_4b50) {
                next - 12
            } else {
                next.saturating_sub(12)
            };
            crc = u32_at(b, desc).unwrap_or(0);
            usize = u64::from(u32_at(b, desc + 8).unwrap_or(0));
            csize = u64::from(u32_at(b, desc + 4).unwrap_or(0));
        }
        out.push(Entry {
            name: entry_name(name_bytes, flags, extra),
            flags,
            method,
            crc,
            csize,
            usize,
            offset: at as u64,
        });
        i = start
            .saturating_add(usize::try_from(csize).unwrap_or(usize::MAX))
            .max(at + 4);
    }
    out
}

/// The data of extra field `id`.
fn extra_field(extra: &[u8], id: u16) -> Option<&[u8]> {
    let mut i = 0;
    while i + 4 <= extra.len() {
        let (tag, len) = (u16_at(extra, i)?, usize::from(u16_at(extra, i + 2)?));
        if tag == id {
            return extra.get(i + 4..i + 4 + len);
        }
        i += 4 + len;
    }
    None
}

/// An entry's name: UTF-8 when flagged or valid, the Info-ZIP Unicode path when present,
/// else code page 437 (the zip format's original); backslashes made slashes, leading
/// slashes and "./" dropped.
pub(super) fn entry_name(raw: &[u8], flags: u16, extra: &[u8]) -> String {
    let name = if flags & 0x0800 != 0 || std::str::from_utf8(raw).is_ok() {
        String::from_utf8_lossy(raw).into_owned()
    } else if let Some(u) = extra_field(extra, 0x7075).and_then(|d| d.get(5..)) {
        String::from_utf8_lossy(u).into_owned()
    } else {
        raw.iter()
            .map(|&c| if c < 0x80 { c as char } else { cp437(c) })
            .collect()
    };
    let name = name.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for p in name.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if name.ends_with('/') {
        out.push('/');
    }
    out
}

fn cp437(b: u8) -> char {
    const HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";
    HIGH.chars()
        .nth(usize::from(b.wrapping_sub(0x80)))
        .unwrap_or('\u{fffd}')
}
