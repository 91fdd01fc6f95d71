//! Generators of the hostile inputs of issue 12 (small files that cost huge memory or
//! work): wide CSVs, archives of many large or duplicate entries, long plain texts and
//! many short rows. Everything is built in memory from a seed, so no big file is ever
//! committed; `tests/limits.rs` writes them to disk for `benches/hostile.sh`.

#![allow(dead_code)]

#[path = "../support/zip.rs"]
mod zipfile;

/// A small deterministic generator (xorshift64*), so every run builds the same bytes.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "the",
    "siege",
    "of",
    "ghouta",
    "talks",
    "resumed",
    "on",
    "monday",
    "officials",
    "said",
    "aid",
    "convoy",
    "reached",
    "district",
    "residents",
    "described",
    "shortages",
    "bread",
    "fuel",
    "water",
    "doctors",
    "hospitals",
    "supplies",
    "agency",
    "called",
    "access",
    "fighting",
    "civilians",
    "council",
    "voted",
    "fares",
    "network",
    "الغوطة",
    "حصار",
    "المساعدات",
    "قافلة",
    "المدينة",
    "السكان",
];

/// `n` words drawn from a small news vocabulary, separated by spaces.
pub fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    s
}

/// A CSV of about `bytes` bytes with `columns` columns: `title`, `text` and
/// `columns - 2` metadata columns of short values, every cell filled. The metadata values
/// repeat row after row, so the file packs small in a zip, as the 533 KB one did.
pub fn wide_csv(columns: usize, bytes: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 64 * columns);
    out.push_str("title,text");
    for c in 2..columns {
        out.push_str(&format!(",meta_column_{c}"));
    }
    out.push('\n');
    let mut row = 0;
    while out.len() < bytes {
        row += 1;
        out.push_str(&format!("Report {row},{}", words(&mut rng, 40)));
        for c in 2..columns {
            out.push_str(&format!(",v{}", c % 100));
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// A CSV of `rows` short articles (title and a sentence of a few words each, all
/// different): too short for a near-duplicate signature.
pub fn short_rows_csv(rows: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::from("title,text\n");
    for r in 0..rows {
        out.push_str(&format!("Item {r},Row {r} says {}\n", words(&mut rng, 4)));
    }
    out.into_bytes()
}

/// A plain-text article of about `bytes` bytes: a title and numbered paragraphs drawn in
/// turn from a pool of twenty, so that it packs about 300:1 in a zip.
pub fn long_text(bytes: usize, seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let pool: Vec<String> = (0..20).map(|_| words(&mut rng, 60)).collect();
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str("A very long report\n\n");
    let mut n = 0;
    while out.len() < bytes {
        out.push_str(&format!("{n}. {}.\n\n", pool[n % pool.len()]));
        n += 1;
    }
    out.into_bytes()
}

/// A zip of deflated `(name, data)` entries.
pub fn zip(entries: &[(String, &[u8])]) -> Vec<u8> {
    let entries: Vec<(&[u8], &[u8])> = entries.iter().map(|(n, d)| (n.as_bytes(), *d)).collect();
    zipfile::write(
        &entries,
        8,
        |data| miniz_oxide::deflate::compress_to_vec(data, 6),
        None,
    )
}

/// A zip of three wide CSVs of `bytes` bytes each (issue 12: 533 KB, 2000 columns).
pub fn zip_of_wide_csvs(columns: usize, bytes: usize) -> Vec<u8> {
    let csvs: Vec<Vec<u8>> = (1..=3).map(|s| wide_csv(columns, bytes, s)).collect();
    let entries: Vec<(String, &[u8])> = csvs
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("wide{i}.csv"), c.as_slice()))
        .collect();
    zip(&entries)
}

/// A zip of `count` copies of one entry (issue 12: 17 × 60 MB).
pub fn zip_of_copies(count: usize, entry: &[u8], ext: &str) -> Vec<u8> {
    let entries: Vec<(String, &[u8])> = (0..count)
        .map(|i| (format!("copy{i}.{ext}"), entry))
        .collect();
    zip(&entries)
}
