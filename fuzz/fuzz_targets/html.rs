//! The HTML extractor: any text read as a page (tokenizer, tree, article extraction,
//! page metadata).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = std::str::from_utf8(data) {
        let _ = qarin::ingest::html::read_page(html);
    }
    let _ = qarin::ingest::read("page.html", data);
});
