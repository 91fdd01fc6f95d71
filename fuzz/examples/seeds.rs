//! Writes the starting inputs of the fuzz targets into `DIR/<target>/` (run by
//! tests/fuzz.sh): saved corpora made from the seed articles (with an index, with a
//! removed article, with a list long enough to have skip entries), the ingest test files
//! behind each format's name byte, and a few queries of every kind.

use std::path::Path;

fn main() {
    let out = std::env::args().nth(1).expect("usage: seeds DIR");
    let out = Path::new(&out);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = out.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };

    let mut seeds: Vec<_> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    let mut c = qarin::Corpus::new();
    for path in &seeds {
        let name = path.file_name().unwrap().to_string_lossy();
        c.add_bytes(&name, &std::fs::read(path).unwrap());
    }
    write("from_bytes", "seeds", &c.to_bytes());
    c.remove(1).unwrap();
    write("from_bytes", "seeds_removed", &c.to_bytes());
    let mut many = qarin::Corpus::new();
    for i in 0..70 {
        let text = format!("Report {i}\n\nSyria talks number {i} went on in Geneva.");
        many.add_bytes(&format!("r{i}.txt"), text.as_bytes());
    }
    write("from_bytes", "skips", &many.to_bytes());

    // The ingest target's first byte picks the name (see fuzz_targets/ingest.rs).
    let names = [
        "txt", "html", "mhtml", "zip", "docx", "odt", "csv", "tsv", "json", "jsonl",
    ];
    for entry in std::fs::read_dir(root.join("tests/data/ingest")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let ext = path.extension().map_or("", |e| e.to_str().unwrap_or(""));
        let pick = names.iter().position(|n| *n == ext).unwrap_or(0) as u8;
        let bytes = std::fs::read(&path).unwrap();
        if bytes.len() > 64 << 10 {
            continue;
        }
        write("ingest", &name, &[&[pick][..], &bytes].concat());
        if ext == "html" {
            write("html", &name, &bytes);
        }
    }
    let queries = [
        "Syria",
        "Iran talks",
        "\"prime minister\"",
        "negot*",
        "Rohani~",
        "title:Syria",
        "Syria -Russia",
        "Iran OR Iraq",
        "(Iran OR Iraq) AND NOT talks",
        "=Iran's",
        "lang:ar سوريا",
        "\"الأمم المتحدة\"",
        "/gh?outa/",
        "/(Ghouta)/si[e]ge/",
        "talks NEAR/3 Iran",
        "source:x date:2018",
    ];
    for (i, q) in queries.iter().enumerate() {
        write("query", &format!("q{i}"), q.as_bytes());
    }
}
