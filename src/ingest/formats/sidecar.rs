//! Metadata sidecars: a CSV/TSV file with a `file` column, dropped in with the files it
//! describes, in any order. Each row's other columns attach to the article whose file
//! matches: the row's `file` value must equal the article's file name or a trailing part
//! of its path, whole components ("a.txt" matches "corpus/ar/a.txt" and "up.zip/a.txt";
//! "ar/a.txt" matches only inside a folder "ar"). When several rows match, the one naming
//! the most components wins, then the one added last.
//!
//! Columns are read by name ([`field`]): date columns give `date` (a date read from the
//! text that differs is kept in `extra` as `date_in_text`; a column named like an
//! extraction or download date only when the article has no date of its own, and it then
//! places a weekday-only dateline), source/outlet/publisher give `outlet`, url/link `url`,
//! author/byline `byline`, location/place `dateline`, agency `agency`, lang/language
//! `lang`; title and text columns are ignored; every other column goes to `extra`.
//! All-numeric dates take their order from the whole column ("4/5/17" is April 5 when
//! another row has "4/25/17").

use std::collections::HashMap;

use super::meta::date::{self, NumericOrder};
use super::Article;

/// Rows of one sidecar file.
#[derive(Clone, Debug, PartialEq)]
pub struct Sidecar {
    /// The sidecar's own file name.
    pub file: String,
    pub rows: Vec<Row>,
    /// How the file's all-numeric dates are ordered.
    pub order: NumericOrder,
}

impl Sidecar {
    /// The sidecar's own file name (a method, as the small build's stand-in has it).
    pub fn file(&self) -> &str {
        &self.file
    }
}

/// One row: the file it describes and its other columns, by header name.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: String,
    pub fields: Vec<(String, String)>,
}

/// What a column means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    File,
    Title,
    Text,
    Date,
    /// When the text was collected, not published: a date only for undated articles.
    ReferenceDate,
    Outlet,
    Url,
    Byline,
    Dateline,
    Agency,
    Lang,
    Other,
}

/// The meaning of a column, by its header (case, spaces and `-`/`_` aside).
pub fn field(header: &str) -> Field {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    match h.as_str() {
        "file" | "filename" | "file_name" | "path" | "filepath" | "file_path" => Field::File,
        "title" | "headline" | "heading" => Field::Title,
        "text" | "body" | "content" | "article" | "story" | "full_text" | "fulltext"
        | "maintext" | "main_text" | "article_text" | "body_text" => Field::Text,
        "date" | "published" | "publication_date" | "pub_date" | "pubdate" | "date_published"
        | "datepublished" | "publish_date" | "published_at" | "date_created" | "created"
        | "created_at" | "datetime" => Field::Date,
        "date_extracted" | "extracted" | "extracted_at" | "retrieved" | "date_retrieved"
        | "crawled" | "crawl_date" | "crawled_at" | "scraped" | "date_scraped" | "scraped_at"
        | "accessed" | "date_accessed" | "downloaded" | "date_downloaded" | "collected"
        | "date_collected" => Field::ReferenceDate,
        "source" | "outlet" | "publisher" | "publication" | "newspaper" | "site" | "site_name"
        | "sitename" | "media" | "paper" | "source_name" => Field::Outlet,
        "url" | "link" | "href" | "canonical" | "canonical_url" | "source_url" | "article_url"
        | "permalink" => Field::Url,
        "author" | "authors" | "byline" | "writer" | "reporter" => Field::Byline,
        "location" | "place" | "dateline" | "city" => Field::Dateline,
        "agency" | "wire" | "news_agency" => Field::Agency,
        "lang" | "language" => Field::Lang,
        _ => Field::Other,
    }
}

/// The order of a column's all-numeric dates: day first when some value's first number is
/// over 12, month first when some second number is.
pub fn numeric_order<'a>(values: impl Iterator<Item = &'a str>) -> NumericOrder {
    for v in values {
        let parts: Vec<u32> = v
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .take(3)
            .filter_map(|p| p.parse().ok())
            .collect();
        let slash_or_dot = v.contains('/') || v.contains('.');
        if parts.len() == 3 && slash_or_dot && parts[0] <= 31 && parts[1] <= 31 {
            if parts[0] > 12 {
                return NumericOrder::DayFirst;
            }
            if parts[1] > 12 {
                return NumericOrder::MonthFirst;
            }
        }
    }
    NumericOrder::Unknown
}

/// Attaches metadata columns to an article.
pub fn apply(fields: &[(String, String)], order: NumericOrder, a: &mut Article) {
    let mut reference: Option<(String, String)> = None;
    for (name, value) in fields {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let set = |slot: &mut Option<String>| *slot = Some(value.to_string());
        match field(name) {
            Field::File | Field::Title | Field::Text => {}
            Field::Date => match date::parse_date_with(value, order) {
                Some(f) => {
                    // The sidecar decides; a different date read from the text is kept.
                    if let (Some(old), true) = (&a.date, a.date.as_deref() != Some(&f.iso)) {
                        let text = a.date_text.clone().unwrap_or_else(|| old.clone());
                        a.extra.insert("date_in_text".to_string(), text);
                    }
                    a.date = Some(f.iso);
                    a.date_text = Some(value.to_string());
                }
                None => {
                    a.extra.insert(name.clone(), value.to_string());
                }
            },
            Field::ReferenceDate => {
                if let Some(f) = date::parse_date_with(value, order) {
                    reference = Some((f.iso, value.to_string()));
                }
                a.extra.insert(name.clone(), value.to_string());
            }
            Field::Outlet => set(&mut a.outlet),
            Field::Url => set(&mut a.url),
            Field::Byline => set(&mut a.byline),
            Field::Dateline => set(&mut a.dateline),
            Field::Agency => set(&mut a.agency),
            Field::Lang => {
                if let Some(l) = super::html::primary_lang(value) {
                    a.lang = l;
                }
            }
            Field::Other => {
                a.extra.insert(name.clone(), value.to_string());
            }
        }
    }
    if let (None, Some((iso, text))) = (&a.date, reference) {
        // A dateline's lone weekday is placed before the collection date.
        let weekday = a
            .date_text
            .as_deref()
            .and_then(|w| date::resolve_weekday(w, &iso));
        match weekday {
            Some(day) => a.date = Some(day),
            None => {
                a.date = Some(iso);
                a.date_text = Some(text);
            }
        }
    }
}

/// Sidecar rows of a corpus, looked up by file name.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// By the key's last path component: (key components, fields, date order, order added).
    by_last: HashMap<String, Vec<Entry>>,
    added: usize,
}

#[derive(Clone, Debug)]
struct Entry {
    parts: Vec<String>,
    fields: Vec<(String, String)>,
    order: NumericOrder,
    seq: usize,
}

fn components(path: &str) -> Vec<String> {
    path.trim()
        .replace('\\', "/")
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .map(str::to_string)
        .collect()
}

impl Index {
    pub fn is_empty(&self) -> bool {
        self.by_last.is_empty()
    }

    /// Adds a sidecar's rows; returns how many rows have a file name.
    pub fn add(&mut self, sc: &Sidecar) -> usize {
        let mut n = 0;
        for row in &sc.rows {
            let parts = components(&row.key);
            let Some(last) = parts.last().cloned() else {
                continue;
            };
            self.added += 1;
            n += 1;
            self.by_last.entry(last).or_default().push(Entry {
                parts,
                fields: row.fields.clone(),
                order: sc.order,
                seq: self.added,
            });
        }
        n
    }

    /// The metadata for `file`, if a row matches it.
    pub fn lookup(&self, file: &str) -> Option<(&[(String, String)], NumericOrder)> {
        let f = components(file);
        let candidates = self.by_last.get(f.last()?)?;
        candidates
            .iter()
            .filter(|e| e.parts.len() <= f.len() && f[f.len() - e.parts.len()..] == e.parts[..])
            .max_by_key(|e| (e.parts.len(), e.seq))
            .map(|e| (e.fields.as_slice(), e.order))
    }

    /// Applies the matching row, if any, to `a`; true when one matched.
    pub fn apply_to(&self, a: &mut Article) -> bool {
        match self.lookup(&a.file) {
            Some((fields, order)) => {
                apply(fields, order, a);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sidecar(rows: &[(&str, &[(&str, &str)])]) -> Sidecar {
        let rows: Vec<Row> = rows
            .iter()
            .map(|(k, f)| Row {
                key: k.to_string(),
                fields: f
                    .iter()
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect(),
            })
            .collect();
        let order = numeric_order(rows.iter().flat_map(|r| {
            r.fields
                .iter()
                .filter(|(k, _)| k == "date")
                .map(|(_, v)| v.as_str())
        }));
        Sidecar {
            file: "meta.tsv".into(),
            rows,
            order,
        }
    }

    #[test]
    fn matches_by_trailing_path_components() {
        let mut idx = Index::default();
        idx.add(&sidecar(&[
            ("a.txt", &[("source", "Valley News")]),
            ("ar/a.txt", &[("source", "Arabic Valley")]),
        ]));
        let outlet = |f: &str| idx.lookup(f).map(|(fields, _)| fields[0].1.clone());
        assert_eq!(outlet("a.txt").as_deref(), Some("Valley News"));
        assert_eq!(outlet("up.zip/en/a.txt").as_deref(), Some("Valley News"));
        assert_eq!(outlet("corpus/ar/a.txt").as_deref(), Some("Arabic Valley"));
        assert_eq!(outlet("corpus/ar/ba.txt"), None);
        assert_eq!(outlet("a.txt/b.txt"), None);
    }

    #[test]
    fn columns_become_fields() {
        let sc = sidecar(&[
            (
                "a.txt",
                &[
                    ("date", "4/5/17"),
                    ("source", "nna"),
                    ("label", "0"),
                    ("title", "T"),
                ],
            ),
            (
                "b.txt",
                &[("date", "4/25/17"), ("url", "http://x.example/b")],
            ),
        ]);
        assert_eq!(sc.order, NumericOrder::MonthFirst);
        let mut idx = Index::default();
        idx.add(&sc);
        let mut a = Article {
            file: "en/a.txt".into(),
            ..Article::default()
        };
        assert!(idx.apply_to(&mut a));
        assert_eq!(a.date.as_deref(), Some("2017-04-05"));
        assert_eq!(a.date_text.as_deref(), Some("4/5/17"));
        assert_eq!(a.outlet.as_deref(), Some("nna"));
        assert_eq!(a.extra.get("label").map(String::as_str), Some("0"));
        assert!(!a.extra.contains_key("title"));
        // A collection date dates only undated articles, and places a lone weekday.
        let fields = vec![(
            "date_extracted".to_string(),
            "2015-07-21 02:51:32".to_string(),
        )];
        let mut b = Article::default();
        apply(&fields, NumericOrder::Unknown, &mut b);
        assert_eq!(b.date.as_deref(), Some("2015-07-21"));
        let mut c = Article {
            date_text: Some("الأحد".into()),
            ..Article::default()
        };
        apply(&fields, NumericOrder::Unknown, &mut c);
        assert_eq!(c.date.as_deref(), Some("2015-07-19"));
        let mut d = Article {
            date: Some("2015-07-01".into()),
            ..Article::default()
        };
        apply(&fields, NumericOrder::Unknown, &mut d);
        assert_eq!(d.date.as_deref(), Some("2015-07-01"));
    }
}
