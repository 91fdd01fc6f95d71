//! Zip archives: the central directory is read (ZIP64 too), each entry's local header
//! checked, stored and deflated entries unpacked (`miniz_oxide`, with an output limit) and
//! their CRC-32 verified, and every entry handed back to `ingest` under the name
//! `archive.zip/dir/file.txt`. An archive whose directory is lost (a download cut short)
//! is read by walking its local headers. Folders, hidden files and macOS metadata
//! (`__MACOSX/`) are skipped; encrypted entries, other compression methods and damaged
//! entries are named, and the readable ones still load. An entry whose bytes repeat an
//! earlier entry's (packed bytes compared by hash before unpacking, unpacked bytes after)
//! is named a duplicate and not parsed again. Limits: entries and unpacked bytes
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

mod directory;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::HashMap;

use super::{megabytes, read_file, Budget, Ingested};
use crate::hash::fnv1a;
use crate::message::{Code, Message};
use directory::{central_directory, local_headers, u16_at, u32_at, Entry};

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
            Message::new(
                Code::ZipTooDeep,
                [("max", budget.limits.max_nesting.to_string())],
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
            out.problem(file, Code::ZipUnreadable);
            return;
        }
        out.problem(file, Code::ZipDirectoryDamaged);
    }
    let mut skipped: Vec<String> = Vec::new();
    let mut files = 0usize;
    // Entries already read, by a hash of their packed bytes (with the directory's CRC,
    // size and method) and of their unpacked bytes: a copy is named and skipped before it
    // is unpacked or parsed (17 copies of one 60 MB text cost 17 parses before).
    let mut packed_seen: HashMap<(u32, u64, u16, u64), String> = HashMap::new();
    let mut unpacked_seen: HashMap<(usize, u64), String> = HashMap::new();
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
                Message::new(
                    Code::ZipTooManyEntries,
                    [("max", budget.limits.max_entries.to_string())],
                ),
            );
            break;
        }
        let packed_key = packed(bytes, &e)
            .ok()
            .map(|p| (e.crc, e.usize, e.method, fnv1a(p)));
        if let Some(first) = packed_key.and_then(|k| packed_seen.get(&k)) {
            out.problem(
                &full,
                Message::new(Code::DuplicateOf, [("file", first.clone())]),
            );
            continue;
        }
        match unpack(bytes, &e, budget) {
            Ok(data) => {
                let key = (data.len(), fnv1a(&data));
                if let Some(first) = unpacked_seen.get(&key) {
                    out.problem(
                        &full,
                        Message::new(Code::DuplicateOf, [("file", first.clone())]),
                    );
                    continue;
                }
                read_file(&full, &data, depth + 1, budget, out);
                if let Some(k) = packed_key {
                    packed_seen.insert(k, full.clone());
                }
                unpacked_seen.insert(key, full);
            }
            Err(Stop::Entry(message)) => out.problem(&full, message),
            Err(Stop::Archive) => {
                let limit = [("limit", megabytes(budget.limits.max_unpacked_bytes as u64))];
                out.problem(
                    &full,
                    Message::new(Code::ZipUnpackedTooLarge, limit.clone()),
                );
                out.problem(file, Message::new(Code::ZipStopped, limit));
                break;
            }
        }
    }
    if !skipped.is_empty() {
        let shown: Vec<&str> = skipped.iter().take(5).map(String::as_str).collect();
        let more = if skipped.len() > 5 { ", …" } else { "" };
        let names = ("names", format!("{}{more}", shown.join(", ")));
        out.problem(
            file,
            match skipped.len() {
                1 => Message::new(Code::ZipHiddenSkippedOne, [names]),
                n => Message::new(Code::ZipHiddenSkipped, [("count", n.to_string()), names]),
            },
        );
    }
    if files == 0 && skipped.is_empty() && !damaged_directory {
        out.problem(file, Code::ZipEmpty);
    }
}

/// The unpacked bytes of the entry named `name` (a document's part, such as
/// `word/document.xml`), within the upload's limits; else why not, as the document's problem.
pub(crate) fn find_entry(
    bytes: &[u8],
    name: &str,
    budget: &mut Budget,
) -> Result<Vec<u8>, Message> {
    let entries = central_directory(bytes).unwrap_or_else(|| local_headers(bytes));
    let e = entries
        .into_iter()
        .find(|e| e.name == name)
        .ok_or_else(|| Message::new(Code::DocumentPartMissing, [("part", name.to_string())]))?;
    unpack(bytes, &e, budget).map_err(|s| match s {
        Stop::Entry(m) => m,
        Stop::Archive => Message::new(
            Code::ZipUnpackedTooLarge,
            [("limit", megabytes(budget.limits.max_unpacked_bytes as u64))],
        ),
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
    Entry(Message),
    /// The upload's limit of unpacked bytes was reached.
    Archive,
}

/// The bytes of one entry, unpacked and checked.
fn unpack(bytes: &[u8], e: &Entry, budget: &mut Budget) -> Result<Vec<u8>, Stop> {
    let limits = budget.limits;
    if e.flags & 1 != 0 {
        return Err(Stop::Entry(Code::ZipEntryEncrypted.into()));
    }
    if e.usize > limits.max_file_bytes as u64 {
        return Err(Stop::Entry(Message::new(
            Code::ZipEntryTooLarge,
            [
                ("size", megabytes(e.usize)),
                ("limit", megabytes(limits.max_file_bytes as u64)),
            ],
        )));
    }
    let room = limits.max_unpacked_bytes.saturating_sub(budget.unpacked);
    if e.usize > room as u64 {
        return Err(Stop::Archive);
    }
    let data = packed(bytes, e)?;
    let damaged = |why: Code| Stop::Entry(why.into());
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
                    Stop::Archive
                } else {
                    Stop::Entry(Message::new(
                        Code::ZipEntryUnpacksTooLarge,
                        [("limit", megabytes(limits.max_file_bytes as u64))],
                    ))
                });
            }
            Err(_) => return Err(damaged(Code::ZipEntryCorrupt)),
        },
        99 => return Err(damaged(Code::ZipEntryAes)),
        m => {
            let number = [("number", m.to_string())];
            let method = match m {
                9 => "Deflate64",
                12 => "bzip2",
                14 => "LZMA",
                93 => "Zstandard",
                95 => "xz",
                98 => "PPMd",
                _ => {
                    return Err(Stop::Entry(Message::new(
                        Code::ZipEntryUnknownMethod,
                        number,
                    )))
                }
            };
            return Err(Stop::Entry(Message::new(
                Code::ZipEntryMethod,
                [("method", method.to_string()), number[0].clone()],
            )));
        }
    };
    budget.unpacked += out.len();
    if crc32(&out) != e.crc {
        return Err(damaged(Code::ZipEntryChecksum));
    }
    Ok(out)
}

/// The packed bytes of an entry, after its local header.
fn packed<'a>(bytes: &'a [u8], e: &Entry) -> Result<&'a [u8], Stop> {
    let damaged = |why: Code| Stop::Entry(why.into());
    let at = usize::try_from(e.offset).map_err(|_| damaged(Code::ZipEntryDamaged))?;
    if u32_at(bytes, at) != Some(0x0403_4b50) {
        return Err(damaged(Code::ZipEntryNoHeader));
    }
    let nlen = usize::from(u16_at(bytes, at.saturating_add(26)).unwrap_or(0));
    let elen = usize::from(u16_at(bytes, at.saturating_add(28)).unwrap_or(0));
    let start = at.saturating_add(30 + nlen + elen);
    let csize = usize::try_from(e.csize).map_err(|_| damaged(Code::ZipEntryDamaged))?;
    bytes
        .get(start..start.saturating_add(csize))
        .ok_or_else(|| damaged(Code::ZipEntryTruncated))
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
