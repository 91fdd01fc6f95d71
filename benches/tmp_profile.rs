use std::time::Instant;
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for lang in ["en", "ar"] {
        for e in std::fs::read_dir(root.join(lang)).unwrap() {
            let p = e.unwrap().path();
            files.push((p.to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
        }
    }
    let t = Instant::now();
    let arts: Vec<_> = files
        .iter()
        .flat_map(|(n, b)| qarin::ingest::read(n, b).articles)
        .collect();
    println!("ingest {:?}", t.elapsed());
    let t = Instant::now();
    let mut n = 0;
    for a in &arts {
        n += qarin::analysis::analyze(&a.title).len() + qarin::analysis::analyze(&a.body()).len();
    }
    println!("analyze {:?} {n}", t.elapsed());
    let t = Instant::now();
    let mut c = qarin::Corpus::new();
    for a in arts {
        let _ = c.add_article(a);
    }
    println!("add_article {:?}", t.elapsed());
}
