//! Corpus bytes crafted by a stranger (a shared `.qarin` bundle, a tampered snapshot):
//! the checksum is recomputed here, so only the checks of `index::codec` stand between
//! such bytes and the core. Each must be a clear error before anything is sized by what
//! it claims, never a trap, a huge allocation or a corpus that answers wrongly.

use qarin::index::codec::MAX_ID_GAP;
use qarin::{Corpus, SearchOptions};

const HEADER: usize = 28;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `payload` framed as a version 5 corpus, with a valid checksum.
fn framed(payload: &[u8]) -> Vec<u8> {
    let mut out = b"QARINCOR".to_vec();
    out.extend_from_slice(&5u32.to_le_bytes());
    out.extend_from_slice(&fnv(payload).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// `bytes` with the payload edited by `edit` and the checksum made to match again.
fn tampered(bytes: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut payload = bytes[HEADER..].to_vec();
    edit(&mut payload);
    framed(&payload)
}

fn put(p: &mut Vec<u8>, v: u32) {
    p.extend_from_slice(&v.to_le_bytes());
}

fn put_str(p: &mut Vec<u8>, s: &str) {
    put(p, s.len() as u32);
    p.extend_from_slice(s.as_bytes());
}

/// One version 5 article written by hand, every count given by `counts` (paragraphs,
/// removed, warnings, extra, word marks), so a test can make one of them lie.
fn article(p: &mut Vec<u8>, id: u32, counts: [u32; 5]) {
    put(p, id);
    put_str(p, "a.txt");
    put_str(p, "Title");
    put_str(p, "en");
    put(p, counts[0]);
    for _ in 0..counts[0].min(1) {
        put_str(p, "Body words here.");
    }
    p.extend_from_slice(&[0; 9]); // nine absent optional fields
    put(p, counts[1]);
    put(p, counts[2]);
    put(p, counts[3]);
    put(p, 1); // title words
    put(p, 3); // body words
    put(p, counts[4]);
    put(p, 0); // title forms
    put(p, id); // family
}

const HONEST: [u32; 5] = [1, 0, 0, 0, 0];

/// A corpus of one hand-written article with id `id`, saved without an index.
fn one_article(id: u32) -> Vec<u8> {
    let mut p = Vec::new();
    put(&mut p, 1);
    article(&mut p, id, HONEST);
    p.push(0);
    framed(&p)
}

fn error(bytes: &[u8]) -> String {
    match Corpus::from_bytes(bytes) {
        Ok(c) => panic!("loaded a crafted corpus of {} articles", c.len()),
        Err(e) => e.message().to_string(),
    }
}

#[test]
fn a_huge_article_id_is_a_clear_error_not_a_huge_store() {
    // The hand-written blob itself loads: the test edits only what it names.
    let c = Corpus::from_bytes(&one_article(0)).expect("an honest blob loads");
    assert_eq!(c.search("body", &SearchOptions::default()).total, 1);
    // A removed article leaves its id unused: gaps up to the bound load.
    let c = Corpus::from_bytes(&one_article(MAX_ID_GAP)).expect("a gap within the bound");
    assert_eq!(c.list(&Default::default())[0].id, MAX_ID_GAP);
    // 5,000,000 grew wasm memory to 1.2 GB; u32::MAX trapped.
    for id in [MAX_ID_GAP + 1, 5_000_000, u32::MAX] {
        let message = error(&one_article(id));
        assert!(message.contains(&format!("article id {id}")), "{message}");
    }
}

#[test]
fn counts_larger_than_the_bytes_are_clear_errors() {
    let mut lying = Vec::new();
    for i in 0..5 {
        let mut counts = HONEST;
        counts[i] = u32::MAX;
        lying.push((i, counts));
    }
    for (i, counts) in lying {
        let mut p = Vec::new();
        put(&mut p, 1);
        article(&mut p, 0, counts);
        p.push(0);
        let message = error(&framed(&p));
        assert!(message.contains("cannot fit"), "count {i}: {message}");
    }
    // The article count itself.
    let bytes = tampered(&one_article(0), |p| p[..4].copy_from_slice(&[0xff; 4]));
    assert!(error(&bytes).contains("4294967295 articles cannot fit"));
}

fn two_articles() -> Corpus {
    let mut c = Corpus::new();
    c.add_bytes("a.txt", b"Alpha report\n\nThe alpha team met in Paris.");
    c.add_bytes(
        "b.txt",
        b"Bravo report\n\nThe bravo zebra crossed the road.",
    );
    c
}

/// Where article `file`'s id sits in the payload: just before its file name.
fn id_at(payload: &[u8], file: &str) -> usize {
    let mut name = (file.len() as u32).to_le_bytes().to_vec();
    name.extend_from_slice(file.as_bytes());
    payload.windows(name.len()).position(|w| w == name).unwrap() - 4
}

#[test]
fn an_article_the_saved_index_does_not_name_is_an_error() {
    let bytes = two_articles().to_bytes();
    // b.txt renumbered 1 → 5: still ascending and small, but the index names 1.
    let moved = tampered(&bytes, |p| {
        let at = id_at(p, "b.txt");
        p[at..at + 4].copy_from_slice(&5u32.to_le_bytes());
    });
    assert!(error(&moved).contains("index"), "{}", error(&moved));
    // Out of order.
    let swapped = tampered(&bytes, |p| {
        let at = id_at(p, "a.txt");
        p[at..at + 4].copy_from_slice(&3u32.to_le_bytes());
    });
    assert!(error(&swapped).contains("out of order"));
}

#[test]
fn ids_of_removed_articles_are_not_handed_out_again_after_loading() {
    let mut c = two_articles();
    c.remove(1).unwrap();
    // The saved index still lists the removed b.txt (id 1) until compaction.
    let mut loaded = Corpus::from_bytes(&c.to_bytes()).unwrap();
    let report = loaded.add_bytes("c.txt", b"Charlie report\n\nThe charlie yak slept.");
    assert_eq!(report.added.len(), 1);
    let total = |c: &Corpus, q: &str| c.search(q, &SearchOptions::default()).total;
    // Before the fix the new article took id 1 and inherited b.txt's words.
    assert_eq!(total(&loaded, "zebra"), 0);
    assert_eq!(total(&loaded, "yak"), 1);
    assert_eq!(total(&loaded, "report"), 2);
}
