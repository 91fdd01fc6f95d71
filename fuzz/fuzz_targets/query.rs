//! The query parser, planner and search (with highlighting) over a small bilingual
//! corpus: every query must answer or give a clear error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn corpus() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let mut c = qarin::Corpus::new();
        let texts: &[(&str, &str)] = &[
            ("a.txt", "Talks on Ghouta\n\nMacron and Rouhani spoke about the Ghouta siege in Syria on 4 March 2018."),
            ("b.txt", "Iran talks resume\n\nThe prime minister said negotiations with Iran and Iraq would resume."),
            ("c.txt", "حصار الغوطة\n\nقال الرئيس الروسي إن الأمم المتحدة تتابع الوضع في سوريا."),
            ("d.txt", "Oil prices\n\nOil prices rose in London as traders watched Syria and Russia."),
        ];
        for (name, text) in texts {
            c.add_bytes(name, text.as_bytes());
        }
        c.to_bytes()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let _ = qarin::query::parse(query);
    // Loaded from bytes each time: the corpus holds `OnceCell`s and is not `Sync`.
    let c = qarin::Corpus::from_bytes(corpus()).unwrap();
    for explain in [false, true] {
        let options = qarin::SearchOptions {
            explain,
            fold: explain,
            ..Default::default()
        };
        let result = c.search(query, &options);
        if let Some(hit) = result.hits.first() {
            let _ = c.highlight(hit.id, query, explain);
        }
    }
});
