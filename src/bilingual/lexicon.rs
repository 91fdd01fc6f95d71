//! The bilingual lexicon as data: reading and checking the TSV file Qarin ships
//! (`data/lexicon/lexicon.tsv`) and the files users add, in TSV or in the JSON form (an
//! array of objects with the same keys, alternatives as arrays). One entity per line:
//!
//! ```text
//! # qarin-lexicon v1
//! #id→kind→parent→en→ar→en_alt→ar_alt→source
//! person:emmanuel-macron→person→country:fr→Emmanuel Macron→إيمانويل ماكرون→Macron→ماكرون→hand
//! ```
//! (→ stands for a tab.)
//! A file is read whole or not at all: the first problem is an error naming its line (in
//! JSON, the entry's number) and column, so a user fixes one file and loads it again. Size
//! limits bound the work of reading an uploaded file; later entries with an id already
//! read replace the earlier ones (a user's correction of a shipped entry).

use crate::error::{Error, ErrorKind};
use crate::message::{Code, Message};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Bytes a lexicon file may hold (the shipped one is far smaller).
pub const MAX_BYTES: usize = 16 << 20;
/// Entities one file may hold.
pub const MAX_ENTRIES: usize = 200_000;
/// Names (canonical and alternatives, both scripts) one entity may have.
pub const MAX_NAMES: usize = 64;
/// Bytes of one name or id.
pub const MAX_NAME_BYTES: usize = 200;
/// The format version this build reads (`# qarin-lexicon v1`).
pub const VERSION: u32 = 1;

/// The kinds an entity may be, as the `kind` column names them.
pub const KINDS: [&str; 10] = [
    "country", "capital", "city", "region", "person", "org", "group", "demonym", "party", "event",
];

/// The columns, in order.
const COLUMNS: [&str; 8] = [
    "id", "kind", "parent", "en", "ar", "en_alt", "ar_alt", "source",
];

/// One entity with its names in both scripts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub kind: String,
    /// Another entity's id (a demonym's country), or empty.
    pub parent: String,
    pub en: String,
    pub ar: String,
    pub en_alt: Vec<String>,
    pub ar_alt: Vec<String>,
    pub source: String,
}

impl Entry {
    /// Every name of the entity, canonical ones first, each with whether it is Arabic.
    pub fn names(&self) -> impl Iterator<Item = (&str, bool)> {
        let en = std::iter::once(self.en.as_str()).chain(self.en_alt.iter().map(String::as_str));
        let ar = std::iter::once(self.ar.as_str()).chain(self.ar_alt.iter().map(String::as_str));
        en.map(|n| (n, false))
            .chain(ar.map(|n| (n, true)))
            .filter(|(n, _)| !n.is_empty())
    }
}

/// Entities by id, in the order first read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    entries: Vec<Entry>,
    by_id: FxHashMap<String, usize>,
}

impl Lexicon {
    /// Reads a lexicon file: JSON when it starts with `[`, TSV otherwise.
    pub fn parse(text: &str) -> Result<Lexicon, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() > MAX_BYTES {
            let max = (MAX_BYTES >> 20).to_string();
            return Err(fail(Message::new(Code::LexiconTooLarge, [("max", max)])));
        }
        let entries = if text.trim_start().starts_with('[') {
            parse_json(text, None)?
        } else {
            parse_tsv(text, None)?
        };
        Ok(Lexicon::of(entries))
    }

    /// Reads a user's file, keeping every good entry: a bad line (or JSON entry) is left
    /// out and named in the problems, each naming its line and column. Only a file that
    /// cannot be read at all (too large, another version, not JSON) is an error.
    pub fn parse_lenient(text: &str) -> Result<(Lexicon, Vec<Error>), Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() > MAX_BYTES {
            let max = (MAX_BYTES >> 20).to_string();
            return Err(fail(Message::new(Code::LexiconTooLarge, [("max", max)])));
        }
        let mut problems = Vec::new();
        let entries = if text.trim_start().starts_with('[') {
            parse_json(text, Some(&mut problems))?
        } else {
            parse_tsv(text, Some(&mut problems))?
        };
        Ok((Lexicon::of(entries), problems))
    }

    fn of(entries: Vec<Entry>) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for entry in entries {
            lexicon.insert(entry);
        }
        lexicon
    }

    /// Adds `other`'s entries; one with an id already here replaces it.
    pub fn merge(&mut self, other: Lexicon) {
        for entry in other.entries {
            self.insert(entry);
        }
    }

    fn insert(&mut self, entry: Entry) {
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn fail(message: Message) -> Error {
    Error::new(ErrorKind::Lexicon, message)
}

/// Where a field is: line (or JSON entry) and column, both from 1.
#[derive(Clone, Copy)]
struct At {
    line: usize,
    column: usize,
}

impl At {
    fn message(self, code: Code, more: &[(&'static str, String)]) -> Error {
        let mut args: Vec<(&'static str, String)> = vec![
            ("line", self.line.to_string()),
            ("column", self.column.to_string()),
            ("field", COLUMNS[self.column - 1].to_string()),
        ];
        args.extend(more.iter().cloned());
        fail(Message::with_args(code, args))
    }
}

/// Keeps `e` among `problems` when reading leniently, or returns it.
fn problem(problems: &mut Option<&mut Vec<Error>>, e: Error) -> Result<(), Error> {
    match problems {
        Some(list) => {
            list.push(e);
            Ok(())
        }
        None => Err(e),
    }
}

fn parse_tsv(text: &str, mut problems: Option<&mut Vec<Error>>) -> Result<Vec<Entry>, Error> {
    let mut out = Vec::new();
    let mut first_line: FxHashMap<String, usize> = FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(comment) = line.strip_prefix('#') {
            check_version(comment)?;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() > COLUMNS.len() || fields.len() < 4 {
            let args = [
                ("line", line_no.to_string()),
                ("count", fields.len().to_string()),
            ];
            problem(
                &mut problems,
                fail(Message::new(Code::LexiconColumns, args)),
            )?;
            continue;
        }
        let field = |i: usize| fields.get(i).map_or("", |f| f.trim());
        let alternatives = |i: usize| -> Vec<String> {
            field(i)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let entry = Entry {
            id: field(0).to_string(),
            kind: field(1).to_string(),
            parent: field(2).to_string(),
            en: field(3).to_string(),
            ar: field(4).to_string(),
            en_alt: alternatives(5),
            ar_alt: alternatives(6),
            source: field(7).to_string(),
        };
        if let Err(e) = check(&entry, line_no) {
            problem(&mut problems, e)?;
            continue;
        }
        if let Some(&first) = first_line.get(&entry.id) {
            let at = At {
                line: line_no,
                column: 1,
            };
            let e = at.message(
                Code::LexiconDuplicate,
                &[("value", entry.id), ("first", first.to_string())],
            );
            problem(&mut problems, e)?;
            continue;
        }
        first_line.insert(entry.id.clone(), line_no);
        out.push(entry);
        if out.len() > MAX_ENTRIES {
            return Err(too_many());
        }
    }
    Ok(out)
}

fn too_many() -> Error {
    let max = [("max", MAX_ENTRIES.to_string())];
    fail(Message::new(Code::LexiconTooMany, max))
}

/// A `# qarin-lexicon vN` line must name a version this build reads; other comments pass.
fn check_version(comment: &str) -> Result<(), Error> {
    let Some(version) = comment.trim().strip_prefix("qarin-lexicon") else {
        return Ok(());
    };
    let version = version.trim();
    if version
        .strip_prefix('v')
        .and_then(|v| v.parse::<u32>().ok())
        == Some(VERSION)
    {
        return Ok(());
    }
    let args = [("version", version.chars().take(20).collect::<String>())];
    Err(fail(Message::new(Code::LexiconVersion, args)))
}

fn parse_json(text: &str, mut problems: Option<&mut Vec<Error>>) -> Result<Vec<Entry>, Error> {
    use serde_json::Value;
    let json_error = |detail: String| fail(Message::new(Code::LexiconJson, [("detail", detail)]));
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(e.to_string()))?;
    let Value::Array(items) = value else {
        return Err(json_error("not an array of entries".to_string()));
    };
    if items.len() > MAX_ENTRIES {
        return Err(too_many());
    }
    let mut out = Vec::with_capacity(items.len());
    let mut first_entry: FxHashMap<String, usize> = FxHashMap::default();
    for (n, item) in items.iter().enumerate() {
        let line = n + 1;
        let Value::Object(object) = item else {
            problem(
                &mut problems,
                json_error(format!("entry {line} is not an object")),
            )?;
            continue;
        };
        let text_of = |column: usize| -> Result<String, Error> {
            match object.get(COLUMNS[column]) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(s)) => Ok(s.trim().to_string()),
                Some(_) => Err(At {
                    line,
                    column: column + 1,
                }
                .message(Code::LexiconBadName, &[("max", MAX_NAME_BYTES.to_string())])),
            }
        };
        let list_of = |column: usize| -> Result<Vec<String>, Error> {
            let bad = || {
                At {
                    line,
                    column: column + 1,
                }
                .message(Code::LexiconBadName, &[("max", MAX_NAME_BYTES.to_string())])
            };
            match object.get(COLUMNS[column]) {
                None | Some(Value::Null) => Ok(Vec::new()),
                // A string is read as the TSV column is: alternatives split at `|`.
                Some(Value::String(s)) => Ok(s
                    .split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|v| v.as_str().map(|s| s.trim().to_string()).ok_or_else(bad))
                    .filter(|s| s.as_ref().map_or(true, |s| !s.is_empty()))
                    .collect(),
                Some(_) => Err(bad()),
            }
        };
        let read = || -> Result<Entry, Error> {
            let entry = Entry {
                id: text_of(0)?,
                kind: text_of(1)?,
                parent: text_of(2)?,
                en: text_of(3)?,
                ar: text_of(4)?,
                en_alt: list_of(5)?,
                ar_alt: list_of(6)?,
                // `source` may be a list too, as the alternatives are.
                source: list_of(7)?.join("|"),
            };
            check(&entry, line)?;
            if let Some(&first) = first_entry.get(&entry.id) {
                let at = At { line, column: 1 };
                return Err(at.message(
                    Code::LexiconDuplicate,
                    &[("value", entry.id), ("first", first.to_string())],
                ));
            }
            Ok(entry)
        };
        match read() {
            Ok(entry) => {
                first_entry.insert(entry.id.clone(), line);
                out.push(entry);
            }
            Err(e) => problem(&mut problems, e)?,
        }
    }
    Ok(out)
}

/// An id: a kind prefix, a colon, then lowercase ASCII letters, digits and `- . _ :`.
fn is_id(id: &str) -> bool {
    let Some((prefix, rest)) = id.split_once(':') else {
        return false;
    };
    id.len() <= MAX_NAME_BYTES
        && !prefix.is_empty()
        && prefix.bytes().all(|b| b.is_ascii_lowercase())
        && !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._:".contains(&b))
}

/// A name: not too long, no control characters (a tab or newline in a JSON string).
fn is_name(name: &str) -> bool {
    name.len() <= MAX_NAME_BYTES && !name.chars().any(char::is_control)
}

/// The checks every entry passes, whatever the file's form.
fn check(entry: &Entry, line: usize) -> Result<(), Error> {
    let at = |column: usize| At { line, column };
    if !is_id(&entry.id) {
        return Err(at(1).message(Code::LexiconBadId, &[("value", short(&entry.id))]));
    }
    if !KINDS.contains(&entry.kind.as_str()) {
        let args = [("value", short(&entry.kind)), ("kinds", KINDS.join(", "))];
        return Err(at(2).message(Code::LexiconBadKind, &args));
    }
    if !entry.parent.is_empty() && !is_id(&entry.parent) {
        return Err(at(3).message(Code::LexiconBadId, &[("value", short(&entry.parent))]));
    }
    if entry.en.is_empty() && entry.ar.is_empty() {
        let args = [("line", line.to_string())];
        return Err(fail(Message::new(Code::LexiconNoName, args)));
    }
    let max = [("max", MAX_NAME_BYTES.to_string())];
    let columns: [(usize, &[String]); 2] = [(6, &entry.en_alt), (7, &entry.ar_alt)];
    for (column, name) in [(4, &entry.en), (5, &entry.ar), (8, &entry.source)] {
        if !is_name(name) {
            return Err(at(column).message(Code::LexiconBadName, &max));
        }
    }
    for (column, names) in columns {
        if names.iter().any(|n| !is_name(n)) {
            return Err(at(column).message(Code::LexiconBadName, &max));
        }
    }
    if 2 + entry.en_alt.len() + entry.ar_alt.len() > MAX_NAMES {
        let column = if entry.en_alt.len() > entry.ar_alt.len() {
            6
        } else {
            7
        };
        return Err(at(column).message(Code::LexiconBadName, &max));
    }
    Ok(())
}

/// A value quoted in a message, cut short.
fn short(value: &str) -> String {
    value.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# qarin-lexicon v1\n#id\tkind\tparent\ten\tar\ten_alt\tar_alt\tsource\n";

    fn error(text: &str) -> (String, Vec<(String, String)>) {
        let e = Lexicon::parse(text).expect_err("should fail");
        let m = e.into_message();
        let args = m
            .args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        (m.code.name().to_string(), args)
    }

    fn arg<'a>(args: &'a [(String, String)], name: &str) -> &'a str {
        args.iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    #[test]
    fn reads_tsv_with_alternatives_and_crlf() {
        let text = format!(
            "{HEAD}person:jean-yves-le-drian\tperson\tcountry:fr\tJean-Yves Le Drian\tجان إيف لودريان\tLe Drian | Drian\tلودريان|لو دريان\thand\r\n\ncountry:fr\tcountry\t\tFrance\tفرنسا\n"
        );
        let lex = Lexicon::parse(&text).expect("valid");
        assert_eq!(lex.len(), 2);
        let e = lex.get("person:jean-yves-le-drian").expect("present");
        assert_eq!(e.en_alt, ["Le Drian", "Drian"]);
        assert_eq!(e.ar_alt, ["لودريان", "لو دريان"]);
        assert_eq!(e.source, "hand");
        assert_eq!(lex.get("country:fr").map(|e| e.source.as_str()), Some(""));
        let names: Vec<_> = e.names().collect();
        assert_eq!(names[0], ("Jean-Yves Le Drian", false));
        assert_eq!(names.len(), 6);
    }

    #[test]
    fn errors_name_line_and_column() {
        let (code, args) = error(&format!(
            "{HEAD}country:fr\tcountry\t\tFrance\tفرنسا\nCity:X\tcity\t\tX\t\t\t\t\n"
        ));
        assert_eq!(code, "lexicon_bad_id");
        assert_eq!((arg(&args, "line"), arg(&args, "column")), ("4", "1"));
        let (code, args) = error(&format!("{HEAD}city:x\ttown\t\tX\t\t\t\t\n"));
        assert_eq!(
            (code.as_str(), arg(&args, "column")),
            ("lexicon_bad_kind", "2")
        );
        assert_eq!(arg(&args, "value"), "town");
        let (code, args) = error(&format!("{HEAD}city:x\tcity\t\t\t\t\t\t\n"));
        assert_eq!(
            (code.as_str(), arg(&args, "line")),
            ("lexicon_no_name", "3")
        );
        let (code, args) = error(&format!("{HEAD}city:x\tcity\n"));
        assert_eq!(
            (code.as_str(), arg(&args, "count")),
            ("lexicon_columns", "2")
        );
        let (code, args) = error(&format!("{HEAD}city:x\tcity\t\tX\n\ncity:x\tcity\t\tY\n"));
        assert_eq!(code, "lexicon_duplicate");
        assert_eq!((arg(&args, "line"), arg(&args, "first")), ("5", "3"));
        let long = "a".repeat(MAX_NAME_BYTES + 1);
        let (code, args) = error(&format!("{HEAD}city:x\tcity\t\tX\t\t{long}\n"));
        assert_eq!(
            (code.as_str(), arg(&args, "column")),
            ("lexicon_bad_name", "6")
        );
        let (code, _) = error("# qarin-lexicon v2\ncity:x\tcity\t\tX\n");
        assert_eq!(code, "lexicon_version");
        let message = Lexicon::parse(&format!("{HEAD}city:x\ttown\t\tX\n"))
            .expect_err("bad kind")
            .message()
            .to_string();
        assert!(message.contains("line 3, column 2"), "{message}");
    }

    #[test]
    fn reads_json_with_arrays_or_strings() {
        let text = r#"[{"id": "person:x-y", "kind": "person", "en": "X Y", "ar": "إكس", "en_alt": ["Y"], "ar_alt": "واي|إكس واي"},
                      {"id": "city:z", "kind": "city", "en": "Z", "parent": null}]"#;
        let lex = Lexicon::parse(text).expect("valid");
        let e = lex.get("person:x-y").expect("present");
        assert_eq!(e.en_alt, ["Y"]);
        assert_eq!(e.ar_alt, ["واي", "إكس واي"]);
        let (code, args) = error(r#"[{"id": "city:z", "kind": "city", "en": "Z\nW"}]"#);
        assert_eq!(
            (code.as_str(), arg(&args, "field")),
            ("lexicon_bad_name", "en")
        );
        let (code, args) = error(
            r#"[{"id": "city:z", "kind": "city", "en": "Z"}, {"id": "city:w", "kind": "city", "en_alt": [1]}]"#,
        );
        assert_eq!(
            (code.as_str(), arg(&args, "line")),
            ("lexicon_bad_name", "2")
        );
        assert_eq!(error("[1,").0, "lexicon_json");
        assert_eq!(error(r#"{"id": 1}"#).0, "lexicon_columns");
    }

    #[test]
    fn merging_replaces_by_id() {
        let mut base = Lexicon::parse(&format!("{HEAD}city:x\tcity\t\tX\ncity:y\tcity\t\tY\n"))
            .expect("valid");
        base.merge(
            Lexicon::parse(r#"[{"id": "city:x", "kind": "city", "en": "Ex"}]"#).expect("valid"),
        );
        assert_eq!(base.len(), 2);
        assert_eq!(base.get("city:x").map(|e| e.en.as_str()), Some("Ex"));
    }

    #[test]
    fn lenient_reading_keeps_the_good_lines_and_names_the_bad() {
        let text = format!(
            "{HEAD}city:x\tcity\t\tX\ncity:y\ttown\t\tY\nbad line\ncity:x\tcity\t\tX2\ncity:z\tcity\t\tZ\tزد\n"
        );
        let (lex, problems) = Lexicon::parse_lenient(&text).expect("readable");
        let ids: Vec<&str> = lex.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["city:x", "city:z"]);
        assert_eq!(lex.get("city:x").map(|e| e.en.as_str()), Some("X"));
        let found: Vec<(String, String)> = problems
            .into_iter()
            .map(|e| {
                let m = e.into_message();
                let line = m
                    .args
                    .iter()
                    .find(|(k, _)| *k == "line")
                    .map_or(String::new(), |(_, v)| v.clone());
                (m.code.name().to_string(), line)
            })
            .collect();
        let want = [
            ("lexicon_bad_kind", "4"),
            ("lexicon_columns", "5"),
            ("lexicon_duplicate", "6"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(c, l)| (c.to_string(), l.to_string()))
            .collect();
        assert_eq!(found, want);
        // JSON: entry by entry; a file that is not JSON at all is an error.
        let (lex, problems) = Lexicon::parse_lenient(
            r#"[{"id": "city:a", "kind": "city", "en": "A"}, 7, {"id": "city:b", "kind": "nope", "en": "B"}, {"id": "city:c", "kind": "city", "ar": "ج"}]"#,
        )
        .expect("readable");
        assert_eq!(lex.len(), 2);
        assert_eq!(problems.len(), 2);
        assert!(Lexicon::parse_lenient("[1,").is_err());
        // The strict reader still refuses the whole file.
        assert!(Lexicon::parse(&text).is_err());
    }

    #[test]
    fn size_limits_hold() {
        let big = "#".repeat(MAX_BYTES + 1);
        assert_eq!(error(&big).0, "lexicon_too_large");
        let names = vec!["n"; MAX_NAMES].join("|");
        assert_eq!(
            error(&format!("city:x\tcity\t\tX\t\t{names}\n")).0,
            "lexicon_bad_name"
        );
    }
}
