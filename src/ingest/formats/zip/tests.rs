//! The zip reader on archives built in memory.

use super::directory::entry_name;
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

const ART: &[u8] =
    b"Rain in the valley\n\nRain fell on the valley for the third day, officials said on Monday.";

#[test]
fn reads_entries_skips_hidden_and_names_damage() {
    let z = build(&[
        ("news/a.txt", ART, true),
        ("news/", b"", false),
        ("__MACOSX/news/._a.txt", b"junk", false),
        (".DS_Store", b"junk", false),
        (
            "b.txt",
            b"Storm hits the coast\n\nA storm hit the coast overnight, cutting power to thousands.",
            false,
        ),
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
    // Two different entries: a copy of the first would be skipped before unpacking.
    let big = vec![b'a'; 200_000];
    let big_b = vec![b'b'; 200_000];
    let z = build(&[
        ("a.txt", &big, true),
        ("b.txt", &big_b, true),
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

#[test]
fn copies_of_an_entry_are_named_and_not_read_again() {
    let other = b"Storm hits the coast\n\nA storm hit the coast overnight, cutting power.";
    let z = build(&[
        ("a.txt", ART, true),
        ("b.txt", ART, true),
        ("c.txt", ART, false),
        ("d.txt", other, true),
    ]);
    let got = read("up.zip", &z);
    let files: Vec<&str> = got.articles.iter().map(|a| a.file.as_str()).collect();
    assert_eq!(files, ["up.zip/a.txt", "up.zip/d.txt"]);
    // The same packed bytes (b) and the same bytes stored instead of deflated (c).
    for copy in ["up.zip/b.txt", "up.zip/c.txt"] {
        assert!(got
            .problems
            .iter()
            .any(|p| p.file == copy && p.message.contains("duplicate of up.zip/a.txt")));
    }
}
