//! Naming the outlet of many articles at once: the user picks files by a name pattern (a
//! folder, a substring, or `fakes_*_alaraby`) and gives the outlet they came from, which
//! the files themselves do not say. The name is folded as the intake folds outlets
//! ([`crate::ingest::outlet_name`]: aliases in both scripts become one name), so a named
//! article counts under the same Source entry as one whose page named the outlet.

use super::Corpus;
use crate::index::DocId;
use serde::Serialize;

/// File names shown as examples of a pattern's matches.
const SAMPLE: usize = 5;

/// The articles whose file name matches a pattern.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FileMatch {
    /// Their ids, ascending.
    pub ids: Vec<DocId>,
    /// How many distinct files they come from.
    pub files: usize,
    /// The first few of those file names, in id order.
    pub sample: Vec<String>,
}

/// What [`Corpus::name_outlet`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The outlet set (the given name folded), or `None` when the outlet was cleared or
    /// the name was refused.
    pub name: Option<String>,
    /// True when a non-empty name names no outlet ("News", "Hosted"): nothing changed.
    pub refused: bool,
    /// Articles whose outlet changed.
    pub changed: usize,
}

impl Corpus {
    /// Articles whose file name holds `pattern`, letters compared without case; a `*` in
    /// the pattern stands for any run of characters (`fakes_*_alaraby` matches
    /// `drop/fakes_0011_alaraby.txt`). A folder is a pattern like `alaraby/`. An empty
    /// pattern matches nothing; `*` matches every article.
    pub fn files_matching(&self, pattern: &str) -> FileMatch {
        let pattern = pattern.trim().to_lowercase();
        let mut found = FileMatch::default();
        if pattern.is_empty() {
            return found;
        }
        let parts: Vec<&str> = pattern.split('*').filter(|p| !p.is_empty()).collect();
        let mut last_file: Option<&str> = None;
        for (id, stored) in self.store.iter() {
            let file = stored.article.file.as_str();
            if !holds_in_order(&file.to_lowercase(), &parts) {
                continue;
            }
            found.ids.push(id);
            // Articles of one file have consecutive ids (a file is read at once).
            if last_file != Some(file) {
                found.files += 1;
                if found.sample.len() < SAMPLE && !found.sample.iter().any(|s| s == file) {
                    found.sample.push(file.to_string());
                }
                last_file = Some(file);
            }
        }
        found
    }

    /// Sets the outlet of articles `ids` to `name`, folded as the intake folds outlets; an
    /// empty name clears it. Unknown ids are skipped. A name that names no outlet changes
    /// nothing and says so (`refused`).
    pub fn name_outlet(&mut self, ids: &[DocId], name: &str) -> Named {
        let outlet = if name.trim().is_empty() {
            None
        } else {
            match crate::ingest::outlet_name(name) {
                Some(folded) => Some(folded),
                None => {
                    return Named {
                        refused: true,
                        ..Named::default()
                    }
                }
            }
        };
        let changed = ids
            .iter()
            .filter(|&&id| self.store.set_outlet(id, outlet.clone()))
            .count();
        if changed > 0 {
            self.touch();
        }
        Named {
            name: outlet,
            refused: false,
            changed,
        }
    }
}

/// Whether `text` holds every part, each after the one before.
fn holds_in_order(text: &str, parts: &[&str]) -> bool {
    let mut rest = text;
    for part in parts {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::{Corpus, SearchOptions};

    fn corpus() -> Corpus {
        let mut c = Corpus::new();
        for (file, body) in [
            ("drop/fakes_0011_alaraby.txt", "Aleppo under siege again"),
            (
                "drop/fakes_0012_alaraby.txt",
                "Ghouta talks resume in Geneva",
            ),
            (
                "drop/fakes_0013_hayat.txt",
                "Idlib ceasefire holds for a day",
            ),
            ("real/Alaraby-notes.txt", "Rouhani visits Damascus briefly"),
        ] {
            let text = format!("{file} title\n\n{body} and more words follow here.");
            let got = c.add_bytes(file, text.as_bytes());
            assert_eq!(got.added.len(), 1, "{file}: {:?}", got.warnings);
        }
        c
    }

    fn sources(c: &Corpus) -> Vec<(String, usize)> {
        let r = c.search("", &SearchOptions::default());
        r.facets.source.into_iter().collect()
    }

    #[test]
    fn a_star_pattern_matches_parts_in_order_without_case() {
        let c = corpus();
        let m = c.files_matching("FAKES_*_alaraby");
        assert_eq!((m.ids.len(), m.files), (2, 2));
        assert_eq!(m.sample[0], "drop/fakes_0011_alaraby.txt");
        assert_eq!(c.files_matching("alaraby").ids.len(), 3);
        assert_eq!(c.files_matching("drop/").ids.len(), 3);
        assert_eq!(c.files_matching("*").ids.len(), 4);
        assert!(c.files_matching("  ").ids.is_empty());
        assert!(c.files_matching("alaraby_*_fakes").ids.is_empty());
    }

    #[test]
    fn naming_folds_aliases_and_updates_the_source_facet() {
        let mut c = corpus();
        let ids = c.files_matching("fakes_*_alaraby").ids;
        let named = c.name_outlet(&ids, "العربي الجديد");
        assert_eq!(
            (named.name.as_deref(), named.changed),
            (Some("العربي الجديد"), 2)
        );
        assert_eq!(sources(&c), vec![("العربي الجديد".to_string(), 2)]);
        // Aliases fold as at intake: «أ ف ب» is AFP.
        let hayat = c.files_matching("hayat").ids;
        assert_eq!(c.name_outlet(&hayat, "أ ف ب").name.as_deref(), Some("AFP"));
        assert_eq!(c.name_outlet(&hayat, "afp").changed, 0);
        let opts = SearchOptions {
            sources: vec!["AFP".to_string()],
            ..SearchOptions::default()
        };
        assert_eq!(c.search("", &opts).total, 1);
        // An empty name clears; a name that is no outlet changes nothing.
        let refused = c.name_outlet(&ids, "Hosted");
        assert!(refused.refused && refused.changed == 0);
        assert_eq!(c.name_outlet(&ids, "").changed, 2);
        assert_eq!(sources(&c), vec![("AFP".to_string(), 1)]);
    }

    #[test]
    fn a_named_outlet_survives_the_saved_bytes() {
        let mut c = corpus();
        let ids = c.files_matching("hayat").ids;
        c.name_outlet(&ids, "Al-Hayat");
        let back = Corpus::from_bytes(&c.to_bytes()).expect("own bytes load");
        assert_eq!(sources(&back), vec![("Al-Hayat".to_string(), 1)]);
        assert_eq!(c.name_outlet(&[999], "AFP").changed, 0);
    }
}
