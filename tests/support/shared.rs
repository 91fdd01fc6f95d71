//! The shared corpus beside the checkout (`../shared/corpus`) as tests read it.

use qarin::Corpus;
use std::path::Path;

/// The first `per_lang` shared articles of each language (files in name order), or `None`
/// (with a note) when the shared corpus is not beside the checkout.
pub fn corpus(per_lang: usize) -> Option<Corpus> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.join("en").is_dir() || !root.join("ar").is_dir() {
        eprintln!("skipped: {} is not here", root.display());
        return None;
    }
    let mut c = Corpus::new();
    for lang in ["en", "ar"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(lang))
            .expect("shared corpus")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        names.sort();
        for path in names.into_iter().take(per_lang) {
            let bytes = std::fs::read(&path).unwrap();
            c.add_bytes(&path.file_name().unwrap().to_string_lossy(), &bytes);
        }
    }
    Some(c)
}
