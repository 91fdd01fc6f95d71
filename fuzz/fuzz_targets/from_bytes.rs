//! `Corpus::from_bytes` over mutated saved corpora (seeded with real blobs by
//! tests/fuzz.sh). The checksum would reject almost every mutation before the decoder
//! sees it, so this target recomputes it: what is tested is the decoder against crafted
//! bytes. A corpus that loads is searched, listed, grown, saved and loaded again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    if bytes.len() >= 28 && bytes.starts_with(b"QARINCOR") {
        let payload = bytes[28..].to_vec();
        bytes[12..20].copy_from_slice(&fnv(&payload).to_le_bytes());
        bytes[20..28].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    }
    let Ok(mut c) = qarin::Corpus::from_bytes(&bytes) else {
        return;
    };
    for q in [
        "syria",
        "\"prime minister\"",
        "negot*",
        "title:talks",
        "سوريا",
        "",
    ] {
        let result = c.search(q, &Default::default());
        if let Some(hit) = result.hits.first() {
            let _ = c.highlight(hit.id, q, false);
        }
    }
    let listed = c.list(&Default::default());
    if let Some(first) = listed.first() {
        let _ = c.list(&qarin::ListFilter {
            similar_to: Some(first.id),
            ..Default::default()
        });
        let _ = c.remove(first.id);
    }
    c.add_bytes(
        "new.txt",
        b"A new article\n\nSyria talks went on in Geneva.",
    );
    let again = c.to_bytes();
    let reloaded = qarin::Corpus::from_bytes(&again).expect("a saved corpus loads again");
    assert_eq!(reloaded.len(), c.len());
});
