//! The shared articles grown to any size, the same way for every native bench and as
//! `benches/corpus.js` grows them for the wasm one: the real `.txt` files of
//! `../shared/corpus/{en,ar}` in name order, then copy k of each with " (copy k)" after the
//! title and "qx<k>" after every 50th body word (so copies are new articles, not duplicates).

/// `size` articles as `(file name, bytes)`.
pub fn articles(size: usize) -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut real = Vec::new();
    for lang in ["en", "ar"] {
        let Ok(dir) = std::fs::read_dir(root.join(lang)) else {
            continue;
        };
        let mut names: Vec<_> = dir
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for name in names {
            if let Ok(bytes) = std::fs::read(root.join(lang).join(&name)) {
                real.push((format!("{lang}/{name}"), bytes));
            }
        }
    }
    let mut out = Vec::with_capacity(size);
    for i in 0..size {
        let Some((file, bytes)) = real.get(i % real.len().max(1)) else {
            break;
        };
        let k = i / real.len();
        if k == 0 {
            out.push((file.clone(), bytes.clone()));
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        let mut lines = text.splitn(2, '\n');
        let title = lines.next().unwrap_or("").trim();
        let body = lines.next().unwrap_or("").trim();
        let body: Vec<String> = body
            .split(' ')
            .enumerate()
            .map(|(j, w)| {
                if j % 50 == 49 {
                    format!("{w} qx{k}")
                } else {
                    w.to_string()
                }
            })
            .collect();
        out.push((
            format!("copy{k}/{file}"),
            format!("{title} (copy {k})\n\n{}", body.join(" ")).into_bytes(),
        ));
    }
    out
}
