//! Byte ingest of every format, as an upload reaches the core: the first byte picks the
//! file name (so each reader, and sniffing by content, gets its turn), the rest is the
//! file. Whatever it reads is indexed and searched once.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "a.txt", "a.html", "a.mhtml", "a.zip", "a.docx", "a.odt", "a.csv", "a.tsv", "a.json",
    "a.jsonl", "a.xml", "a", "a.pdf",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let mut corpus = qarin::Corpus::new();
    let report = corpus.add_bytes(name, bytes);
    if let Some(first) = report.added.first() {
        let word = first.title.split_whitespace().next().unwrap_or("a");
        let _ = corpus.search(word, &Default::default());
    }
});
