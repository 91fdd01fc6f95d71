//! Limits on memory and work (issue 12, items 2 and 4): hostile inputs built by
//! `tests/hostile/` must cost memory within a stated multiple of the text kept, and
//! intake must stay linear in the number of articles.
//!
//! `cargo test --release --test limits -- --ignored write_hostile_inputs` writes the
//! full-size inputs to `$QARIN_HOSTILE_DIR` (default `target/hostile`) for
//! `benches/hostile.sh`, which measures time and peak memory of the CLI on each.
// The inputs are tables and zips, which only the full reader reads.
#![cfg(feature = "formats")]

mod hostile;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::PathBuf;

use qarin::Corpus;

/// The system allocator, counting per thread (tests run on threads side by side) the
/// allocations made, the bytes live and their peak.
struct Counting;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn grew(by: isize) {
    // `try_with`: the counters may be gone while a thread ends.
    let _ = LIVE.try_with(|l| {
        let now = l.get() + by;
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        grew(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        grew(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|a| a.set(a.get() + 1));
        grew(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What `f` cost on this thread: its result, the allocations it made and the peak of
/// bytes live above what was live before it.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let allocs = ALLOCS.with(Cell::get);
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(Cell::get) - base;
    (out, ALLOCS.with(Cell::get) - allocs, peak.max(0) as usize)
}

/// Bytes of text an article keeps: title, body, metadata and what cleaning removed.
fn kept_text(c: &Corpus) -> usize {
    c.list(&Default::default())
        .iter()
        .filter_map(|s| c.get(s.id))
        .map(|s| kept(&s.article))
        .sum()
}

#[test]
fn many_short_articles_are_taken_in_linear_work() {
    // Rows too short for a near-duplicate signature: each add used to re-read every
    // stored article, looking for signatures a corpus loaded from bytes lacks.
    let cost = |rows: usize| {
        let csv = hostile::short_rows_csv(rows, 7);
        let mut c = Corpus::new();
        let (report, allocs, _) = measure(|| c.add_bytes("short.csv", &csv));
        assert_eq!(report.added.len(), rows);
        allocs
    };
    let (small, large) = (cost(1000), cost(4000));
    // Linear work: four times the rows, about four times the allocations (not sixteen).
    assert!(
        large < small * 6,
        "1,000 rows: {small} allocations; 4,000 rows: {large}"
    );
    // A corpus loaded from bytes signs its stored articles once, at the first add.
    let mut c = Corpus::new();
    c.add_bytes("short.csv", &hostile::short_rows_csv(2000, 8));
    let mut loaded = Corpus::from_bytes(&c.to_bytes()).unwrap();
    let (_, allocs, _) = measure(|| {
        for i in 0..200 {
            loaded.add_bytes(
                &format!("n{i}.txt"),
                format!("Note {i}\n\nA short note {i}.").as_bytes(),
            );
        }
    });
    assert!(
        allocs < 200 * 400 + 2000 * 20,
        "{allocs} allocations for 200 adds"
    );
}

#[test]
#[ignore = "writes the full-size hostile inputs for benches/hostile.sh"]
fn write_hostile_inputs() {
    let dir = std::env::var_os("QARIN_HOSTILE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/hostile"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: Vec<u8>| {
        eprintln!("{name}: {} bytes", bytes.len());
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    let only = std::env::var("ONLY").unwrap_or_default();
    let write = |name: &str, make: &dyn Fn() -> Vec<u8>| {
        if only.is_empty() || only.contains(name) {
            write(name, make());
        }
    };
    write("wide-20mb.csv", &|| hostile::wide_csv(2000, 20 << 20, 1));
    write("wide-60mb.csv", &|| hostile::wide_csv(2000, 60 << 20, 2));
    write("wide3.zip", &|| hostile::zip_of_wide_csvs(2000, 60 << 20));
    write("copies17.zip", &|| {
        hostile::zip_of_copies(17, &hostile::long_text(60 << 20, 3), "txt")
    });
    write("long-63mb.txt", &|| hostile::long_text(63 << 20, 4));
    write("short-40k.csv", &|| hostile::short_rows_csv(40_000, 5));
}

/// Bytes of text the articles of one read keep.
fn kept_in(articles: &[qarin::ingest::Article]) -> usize {
    articles.iter().map(kept).sum()
}

/// Bytes of text one article keeps: title, paragraphs, removed parts and extra fields.
fn kept(a: &qarin::ingest::Article) -> usize {
    a.title.len()
        + a.paragraphs.iter().map(String::len).sum::<usize>()
        + a.removed.iter().map(|r| r.text.len()).sum::<usize>()
        + a.extra
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
}

#[test]
fn a_wide_table_costs_its_kept_text_not_its_cells() {
    // 2,000 columns of short values: every cell used to cost a header copy and an entry
    // in its row's article, about 100 bytes of memory per byte read.
    let csv = hostile::wide_csv(2000, 2 << 20, 11);
    let (got, allocs, peak) = measure(|| qarin::ingest::read("wide.csv", &csv));
    let kept = kept_in(&got.articles);
    eprintln!(
        "wide csv {} bytes: {} articles, kept {kept} bytes, peak {peak} bytes, {allocs} allocations",
        csv.len(),
        got.articles.len()
    );
    assert!(got.articles.len() > 200);
    assert!(got.articles.iter().all(|a| a.extra.len() <= 32));
    assert!(got
        .notes
        .iter()
        .any(|n| n.message.contains("1966 metadata columns")));
    // The file's text once, and a small multiple of what is kept.
    assert!(
        peak <= csv.len() + 8 * kept,
        "peak {peak} bytes for {} read and {kept} kept",
        csv.len()
    );
    // The same file in a corpus: the index adds a bounded multiple of the text kept.
    let mut c = Corpus::new();
    let (_, _, peak) = measure(|| c.add_bytes("wide.csv", &csv));
    let kept = kept_text(&c);
    eprintln!("in a corpus: kept {kept} bytes, peak {peak} bytes");
    assert!(peak <= csv.len() + 8 * kept, "peak {peak} bytes");
}

#[test]
fn wide_json_records_keep_a_bounded_number_of_metadata_fields() {
    let mut jsonl = String::new();
    for r in 0..50 {
        jsonl.push_str(&format!(
            "{{\"title\": \"Report {r}\", \"text\": \"{}\"",
            hostile::words(&mut hostile::Rng::new(r + 1), 30)
        ));
        for c in 0..2000 {
            jsonl.push_str(&format!(", \"key_{c}\": \"v{}\"", c % 10));
        }
        jsonl.push_str("}\n");
    }
    let (got, allocs, peak) = measure(|| qarin::ingest::read("wide.jsonl", jsonl.as_bytes()));
    eprintln!("wide jsonl: {allocs} allocations, peak {peak} bytes");
    assert_eq!(got.articles.len(), 50);
    assert!(got.articles.iter().all(|a| a.extra.len() == 32));
    assert!(got
        .notes
        .iter()
        .any(|n| n.message.contains("1968 metadata columns")));
}

#[test]
fn copies_inside_an_archive_are_parsed_once() {
    let text = hostile::long_text(1 << 20, 12);
    let z = hostile::zip_of_copies(8, &text, "txt");
    let (got, allocs, peak) = measure(|| qarin::ingest::read("copies.zip", &z));
    eprintln!(
        "8 copies of {} bytes: {allocs} allocations, peak {peak} bytes",
        text.len()
    );
    assert_eq!(got.articles.len(), 1);
    assert_eq!(got.problems.len(), 7);
    // One entry unpacked, decoded and kept at a time, not eight.
    assert!(peak < 8 * text.len(), "peak {peak} bytes");
}

#[test]
fn a_near_duplicate_signature_costs_bounded_memory() {
    // Every word and shingle hash of the body was kept: 16 bytes a word.
    let text = String::from_utf8(hostile::long_text(8 << 20, 13)).unwrap();
    let (sig, _, peak) = measure(|| qarin::ingest::dedup::signature(&text));
    assert!(sig.is_some());
    assert!(peak < 3 << 20, "peak {peak} bytes for {} bytes", text.len());
}

#[test]
fn a_long_text_costs_a_small_multiple_of_itself() {
    let text = hostile::long_text(8 << 20, 14);
    let (got, _, peak) = measure(|| qarin::ingest::read("long.txt", &text));
    let kept = kept_in(&got.articles);
    eprintln!("long text {} bytes: kept {kept}, peak {peak}", text.len());
    assert_eq!(got.articles.len(), 1);
    // Decoded text, its lines and the cleaned paragraphs; no whole copy to read its language.
    assert!(
        peak <= text.len() + 2 * kept + (2 << 20),
        "peak {peak} bytes"
    );
}

#[test]
fn a_whole_file_added_twice_is_not_parsed_again() {
    let text = hostile::long_text(4 << 20, 15);
    let mut c = Corpus::new();
    let first = c.add_bytes("long.txt", &text);
    assert_eq!(first.added.len(), 1);
    let (again, allocs, peak) = measure(|| c.add_bytes("long.txt", &text));
    eprintln!(
        "the same {} bytes again: {allocs} allocations, peak {peak} bytes",
        text.len()
    );
    assert!(again.added.is_empty());
    assert_eq!(again.warnings.len(), 1);
    assert_eq!(
        again.warnings[0].message.to_string(),
        "skipped: duplicate of long.txt"
    );
    // Parsing it cost a multiple of its size; a hash of its bytes costs nothing.
    assert!(peak < 64 << 10, "peak {peak} bytes");
    // Once its article is removed, the same file adds it again.
    assert!(c.remove(first.added[0].id).is_ok());
    assert_eq!(c.add_bytes("long.txt", &text).added.len(), 1);
    // Another name is another file (its format and sidecar rows follow the name): parsed,
    // and its article refused as a copy.
    let renamed = c.add_bytes("copy.txt", &text);
    assert!(renamed.added.is_empty());
    assert_eq!(
        renamed.warnings[0].message.to_string(),
        "skipped: duplicate of long.txt"
    );
}

#[test]
fn json_records_are_read_a_record_at_a_time() {
    // Many short records: built as one value, every field of every record was a key, a
    // value and a member slot, held until the last row was made. CSV (one record at a time
    // into reused cells) is the yardstick: the same rows in JSON cost about as much.
    let (mut array, mut lines, mut csv) = (
        String::from("["),
        String::new(),
        String::from("title,text,a,b\n"),
    );
    for i in 0..40_000 {
        let record = format!(
            "{{\"title\": \"Report {i}\", \"text\": \"Rain fell on valley {i} overnight.\", \"a\": \"{i}\", \"b\": \"x\"}}"
        );
        array.push_str(&record);
        array.push_str(",\n");
        lines.push_str(&record);
        lines.push('\n');
        csv.push_str(&format!(
            "Report {i},Rain fell on valley {i} overnight.,{i},x\n"
        ));
    }
    array.push(']');
    let (got, _, csv_peak) = measure(|| qarin::ingest::read("feed.csv", csv.as_bytes()));
    assert_eq!(got.articles.len(), 40_000);
    drop(got);
    for (name, text) in [("feed.json", &array), ("feed.jsonl", &lines)] {
        let (got, _, peak) = measure(|| qarin::ingest::read(name, text.as_bytes()));
        eprintln!(
            "{name} {} bytes: peak {peak}; the CSV {csv_peak}",
            text.len()
        );
        assert_eq!(got.articles.len(), 40_000, "{name}");
        assert!(
            peak < csv_peak + csv_peak / 8 + text.len(),
            "{name}: peak {peak} bytes, CSV {csv_peak}"
        );
    }
}
