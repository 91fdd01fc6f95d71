//! Zip archives: the central directory is read (ZIP64 too), each entry's local header
//! checked, stored and deflated entries unpacked (`miniz_oxide`, with an output limit) and
//! their CRC-32 verified, and every entry handed back to `ingest` under the name
//! `archive.zip/dir/file.txt`. An archive whose directory is lost (a download cut short)
//! is read by walking its local headers. Folders, hidden files and macOS metadata
//! (`__MACOSX/`) are skipped; encrypted entries, other compression methods and damaged
//! entries are named, and the readable ones still load. Limits: entries and unpacked bytes
//! per upload, bytes per entry, and how deep archives inside archives are opened.
//!
//! ```text
//! local header   "PK\3\4" ver flags method time date crc csize usize nlen elen name extra data
//! central entry  "PK\1\2" made ver flags method time date crc csize usize nlen elen clen
//!                disk iattr eattr offset name extra comment
//! end of dir     "PK\5\6" disk cdisk n-here n-total cd-size cd-offset clen comment
//! zip64 locator  "PK\6\7" disk eocd64-offset disks;  zip64 end "PK\6\6" ... n-total
//!                cd-size cd-offset (u64);  zip64 extra field 0x0001: usize csize offset
//! ```
//! All integers little-endian.

use super::{megabytes, read_file, Budget, Ingested};

/// One entry of the directory.
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    csize: u64,
    usize: u64,
    offset: u64,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(i..i.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// Reads archive `file` into `out`, its entries as files of their own.
pub(crate) fn read(
    file: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut Budget,
    out: &mut Ingested,
) {
    if depth > budget.limits.max_nesting {
        out.problem(
            file,
            format!(
                "not opened: an archive nested more than {} levels deep",
                budget.limits.max_nesting
            ),
        );
        return;
    }
    let (entries, damaged_directory) = match central_directory(bytes) {
        Some(e) => (e, false),
        None => (local_headers(bytes), true),
    };
    if damaged_directory {
        if entries.is_empty() {
            out.problem(
                file,
                "not a readable zip archive (its directory is missing or damaged)",
            );
            return;
        }
        out.problem(
            file,
            "the archive's directory is missing or damaged; entries were found one by one and \
             some may be missing",
        );
    }
    let mut skipped: Vec<String> = Vec::new();
    let mut files = 0usize;
    for e in entries {
        if e.name.ends_with('/') {
            continue;
        }
        let full = format!("{file}/{}", e.name);
        if is_hidden(&e.name) {
            skipped.push(e.name.clone());
            continue;
        }
        files += 1;
        budget.entries += 1;
        if budget.entries > budget.limits.max_entries {
            out.problem(
                file,
                format!(
                    "holds more than {} entries; the rest were not read (zip bomb guard)",
                    budget.limits.max_entries
                ),
            );
            break;
        }
        match unpack(bytes, &e, budget) {
            Ok(data) => read_file(&full, &data, depth + 1, budget, out),
            Err(Stop::Entry(message)) => out.problem(&full, message),
            Err(Stop::Archive(message)) => {
                out.problem(&full, message.clone());
                out.problem(
                    file,
                    format!("{message}; the rest of the archive was not read"),
                );
                break;
            }
        }
    }
    if !skipped.is_empty() {
        let shown: Vec<&str> = skipped.iter().take(5).map(String::as_str).collect();
        let more = if skipped.len() > 5 { ", …" } else { "" };
        out.problem(
            file,
            format!(
                "skipped {} hidden or system entr{} (macOS metadata, dot files): {}{more}",
                skipped.len(),
                if skipped.len() == 1 { "y" } else { "ies" },
                shown.join(", ")
            ),
        );
    }
    if files == 0 && skipped.is_empty() && !damaged_directory {
        out.problem(file, "the archive holds no files");
    }
}

/// The unpacked bytes of the entry named `name` (a document's part, such as
/// `word/document.xml`), within the upload's limits.
pub(crate) fn find_entry(bytes: &[u8], name: &str, budget: &mut Budget) -> Result<Vec<u8>, String> {
    let entries = central_directory(bytes).unwrap_or_else(|| local_headers(bytes));
    let e = entries
        .into_iter()
        .find(|e| e.name == name)
        .ok_or_else(|| format!("{name} is missing"))?;
    unpack(bytes, &e, budget).map_err(|s| match s {
        Stop::Entry(m) | Stop::Archive(m) => format!("{name}: {m}"),
    })
}

/// Hidden and system entries: dot files and folders, macOS resource forks, Windows
/// thumbnails.
fn is_hidden(name: &str) -> bool {
    name.split('/')
        .any(|c| c.starts_with('.') || c == "__MACOSX")
        || matches!(
            name.rsplit('/').next().unwrap_or(""),
            "Thumbs.db" | "desktop.ini" | "Icon\r"
        )
}

enum Stop {
    /// This entry is not read; the others may be.
    Entry(String),
    /// A limit of the whole upload was reached.
    Archive(String),
}

/// The bytes of one entry, unpacked and checked.
fn unpack(bytes: &[u8], e: &Entry, budget: &mut Budget) -> Result<Vec<u8>, Stop> {
    let limits = budget.limits;
    if e.flags & 1 != 0 {
        return Err(Stop::Entry("not read: the entry is encrypted".into()));
    }
    if e.usize > limits.max_file_bytes as u64 {
        return Err(Stop::Entry(format!(
            "too large: {} unpacked, more than the limit of {}",
            megabytes(e.usize.min(usize::MAX as u64) as usize),
            megabytes(limits.max_file_bytes)
        )));
    }
    let room = limits.max_unpacked_bytes.saturating_sub(budget.unpacked);
    if e.usize > room as u64 {
        return Err(Stop::Archive(format!(
            "the archive unpacks to more than {} (zip bomb guard)",
            megabytes(limits.max_unpacked_bytes)
        )));
    }
    let damaged = |why: &str| Stop::Entry(format!("damaged: {why}; not read"));
    let at = usize::try_from(e.offset).map_err(|_| damaged("bad offset"))?;
    if u32_at(bytes, at) != Some(0x0403_4b50) {
        return Err(damaged("its header is missing"));
    }
    let nlen = usize::from(u16_at(bytes, at.saturating_add(26)).unwrap_or(0));
    let elen = usize::from(u16_at(bytes, at.saturating_add(28)).unwrap_or(0));
    let start = at.saturating_add(30 + nlen + elen);
    let csize = usize::try_from(e.csize).map_err(|_| damaged("bad size"))?;
    let data = bytes
        .get(start..start.saturating_add(csize))
        .ok_or_else(|| damaged("the archive ends inside it"))?;
    let limit = limits.max_file_bytes.min(room);
    let out = match e.method {
        0 => data.to_vec(),
        8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit) {
            Ok(v) => v,
            Err(err) if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                // The work was done: it counts against the upload's budget, so an archive of
                // many oversized entries stops at the limit too.
                budget.unpacked = budget.unpacked.saturating_add(limit);
                return Err(if limit < limits.max_file_bytes {
                    Stop::Archive(format!(
                        "the archive unpacks to more than {} (zip bomb guard)",
                        megabytes(limits.max_unpacked_bytes)
                    ))
                } else {
                    Stop::Entry(format!(
                        "too large: unpacks to more than the limit of {}",
                        megabytes(limits.max_file_bytes)
                    ))
                });
            }
            Err(_) => return Err(damaged("its compressed data is corrupt")),
        },
        m => {
            let what = match m {
                9 => "Deflate64",
                12 => "bzip2",
                14 => "LZMA",
                93 => "Zstandard",
                95 => "xz",
                98 => "PPMd",
                99 => "AES encryption",
                _ => "an unknown method",
            };
            return Err(Stop::Entry(format!(
                "not read: compressed with {what} (method {m}); Qarin reads stored and deflated entries"
            )));
        }
    };
    budget.unpacked += out.len();
    if crc32(&out) != e.crc {
        return Err(damaged("checksum mismatch"));
    }
    Ok(out)
}

/// Entries listed by the central directory, or `None` when it cannot be found or read.
fn central_directory(b: &[u8]) -> Option<Vec<Entry>> {
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
fn local_headers(b: &[u8]) -> Vec<Entry> {
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
        i = start.saturating_add(csize as usize).max(at + 4);
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
fn entry_name(raw: &[u8], flags: u16, extra: &[u8]) -> String {
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

/// CRC-32 (IEEE, reflected), as zip stores it.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    !data
        .iter()
        .fold(!0u32, |c, &b| TABLE[usize::from((c as u8) ^ b)] ^ (c >> 8))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ingest::{read, read_with, Limits};

    /// A zip built in memory: `(name, data, deflate)` entries.
    pub(crate) fn build(entries: &[(&str, &[u8], bool)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data, deflate) in entries {
            let packed = if *deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let method: u16 = if *deflate { 8 } else { 0 };
            let offset = out.len() as u32;
            let head = |sig: u32, central: bool| {
                let mut h = Vec::new();
                h.extend_from_slice(&sig.to_le_bytes());
                if central {
                    h.extend_from_slice(&20u16.to_le_bytes());
                }
                h.extend_from_slice(&20u16.to_le_bytes());
                h.extend_from_slice(&0x0800u16.to_le_bytes());
                h.extend_from_slice(&method.to_le_bytes());
                h.extend_from_slice(&[0; 4]);
                h.extend_from_slice(&crc32(data).to_le_bytes());
                h.extend_from_slice(&(packed.len() as u32).to_le_bytes());
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes());
                if central {
                    h.extend_from_slice(&[0; 10]);
                    h.extend_from_slice(&offset.to_le_bytes());
                }
                h.extend_from_slice(name.as_bytes());
                h
            };
            out.extend(head(0x0403_4b50, false));
            out.extend_from_slice(&packed);
            central.extend(head(0x0201_4b50, true));
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    const ART: &[u8] = b"Rain in the valley\n\nRain fell on the valley for the third day, officials said on Monday.";

    #[test]
    fn reads_entries_skips_hidden_and_names_damage() {
        let z = build(&[
            ("news/a.txt", ART, true),
            ("news/", b"", false),
            ("__MACOSX/news/._a.txt", b"junk", false),
            (".DS_Store", b"junk", false),
            ("b.txt", b"Storm hits the coast\n\nA storm hit the coast overnight, cutting power to thousands.", false),
        ]);
        let got = read("up.zip", &z);
        let files: Vec<&str> = got.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(files, ["up.zip/news/a.txt", "up.zip/b.txt"]);
        assert_eq!(got.problems.len(), 1, "{:?}", got.problems);
        assert!(got.problems[0].message.contains("skipped 2 hidden"));
        // A flipped byte in the first entry's data: that entry fails, the other loads.
        let mut bad = z.clone();
        bad[45] ^= 0xff;
        let got = read("up.zip", &bad);
        assert_eq!(got.articles.len(), 1);
        assert!(got
            .problems
            .iter()
            .any(|p| p.file == "up.zip/news/a.txt" && p.message.contains("damaged")));
    }

    #[test]
    fn a_cut_archive_is_read_by_its_local_headers() {
        let z = build(&[("a.txt", ART, true), ("b.txt", ART, false)]);
        let cut = &z[..z.len() - 60];
        let got = read("cut.zip", cut);
        assert!(!got.articles.is_empty());
        assert!(got.problems.iter().any(|p| p.message.contains("directory")));
    }

    #[test]
    fn zip_bomb_guards() {
        let big = vec![b'a'; 200_000];
        let z = build(&[
            ("a.txt", &big, true),
            ("b.txt", &big, true),
            ("c.txt", ART, false),
        ]);
        let limits = Limits {
            max_unpacked_bytes: 300_000,
            ..Limits::default()
        };
        let got = read_with("bomb.zip", &z, &limits);
        assert!(
            got.problems.iter().any(|p| p.message.contains("zip bomb")),
            "{:?}",
            got.problems
        );
        let limits = Limits {
            max_entries: 1,
            ..Limits::default()
        };
        let got = read_with("many.zip", &z, &limits);
        assert!(got
            .problems
            .iter()
            .any(|p| p.message.contains("more than 1 entries")));
        // Nested archives open to the nesting limit only.
        let inner = build(&[("c.txt", ART, false)]);
        let outer = build(&[("inner.zip", &inner, false)]);
        let got = read("outer.zip", &outer);
        assert_eq!(got.articles[0].file, "outer.zip/inner.zip/c.txt");
        let limits = Limits {
            max_nesting: 0,
            ..Limits::default()
        };
        let got = read_with("outer.zip", &outer, &limits);
        assert!(got.articles.is_empty());
        assert!(got.problems.iter().any(|p| p.message.contains("nested")));
    }

    #[test]
    fn names_and_checksums() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(entry_name(b"a\\..\\b/./c.txt", 0, &[]), "b/c.txt");
        assert_eq!(entry_name(b"caf\x82.txt", 0, &[]), "café.txt");
        for junk in [
            &b""[..],
            b"PK\x05\x06",
            b"PK\x03\x04\xff\xff\xff",
            &[0x50; 100],
        ] {
            let _ = read("j.zip", junk);
        }
    }
}
