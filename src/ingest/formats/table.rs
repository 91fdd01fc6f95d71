//! Exports with one article a row: CSV and TSV files with a header, JSON Lines, and JSON
//! arrays of objects. A `title` (or `headline`) column and a `text` (or `body`, `content`,
//! ...) column make an article of each row, named `export.csv#N`, where N counts the data
//! rows from 1 (the header is not counted, so `#1` is the spreadsheet's second line) and
//! JSON records from 1; the other columns are read as metadata (see [`sidecar::field`]).
//! A table with a `file` column and no text column is a metadata sidecar. Quoted CSV fields
//! may hold delimiters, doubled quotes and line breaks; a quote that does not close a
//! field is just a character (TSV files quote titles like «"داعش" يروج»).

use std::collections::HashMap;

use super::delimited::Records;
use super::json::{self, Value};
use super::meta::date::NumericOrder;
use super::sidecar::{self, Field, Row, Sidecar};
use super::{decode, text, Budget, Ingested};
use crate::message::{Code, Message};

/// At most this many rows without an article are named one by one.
const NAMED_BAD_ROWS: usize = 20;

/// Metadata columns Qarin has no field for that are kept per table, in header order; the
/// rest are dropped with one note. Every kept cell costs each article a named entry, so
/// without a cap a table of 2,000 short columns cost about 100 bytes of memory per byte
/// read (issue 12); with it, a row costs its kept text plus a bounded overhead.
pub(crate) const MAX_EXTRA_COLUMNS: usize = 32;

/// A table's columns: header names, their meanings, and which are kept.
struct Columns {
    names: Vec<String>,
    kinds: Vec<Field>,
    keep: Vec<bool>,
    extra: usize,
    ignored: usize,
}

/// One row: (column, value) for its kept, filled cells.
type Cells = Vec<(usize, String)>;

impl Columns {
    fn new() -> Self {
        Columns {
            names: Vec::new(),
            kinds: Vec::new(),
            keep: Vec::new(),
            extra: 0,
            ignored: 0,
        }
    }

    /// Adds a column; its index.
    fn push(&mut self, name: &str) -> usize {
        let name = name.trim().trim_start_matches('\u{feff}').to_string();
        let kind = sidecar::field(&name);
        let keep = kind != Field::Other || self.extra < MAX_EXTRA_COLUMNS;
        if kind == Field::Other {
            if keep {
                self.extra += 1;
            } else {
                self.ignored += 1;
            }
        }
        self.names.push(name);
        self.kinds.push(kind);
        self.keep.push(keep);
        self.names.len() - 1
    }

    fn has(&self, f: Field) -> bool {
        self.kinds.contains(&f)
    }

    fn kind(&self, column: usize) -> Field {
        self.kinds.get(column).copied().unwrap_or(Field::Other)
    }

    /// The first filled value of a column of kind `f`.
    fn get<'r>(&self, row: &'r Cells, f: Field) -> Option<&'r str> {
        row.iter()
            .find(|(c, v)| self.kind(*c) == f && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// A row's cells named by their headers, as sidecars take them.
    fn named(&self, row: Cells) -> Vec<(String, String)> {
        row.into_iter()
            .map(|(c, v)| (self.names.get(c).cloned().unwrap_or_default(), v))
            .collect()
    }

    /// The order of the all-numeric dates in the rows' date columns: that of the first
    /// value that decides it, row by row.
    fn date_order<R: std::borrow::Borrow<Cells>>(
        &self,
        rows: impl Iterator<Item = R>,
    ) -> NumericOrder {
        for row in rows {
            for (c, v) in row.borrow() {
                if matches!(self.kind(*c), Field::Date | Field::ReferenceDate) {
                    let order = sidecar::numeric_order(std::iter::once(v.as_str()));
                    if order != NumericOrder::Unknown {
                        return order;
                    }
                }
            }
        }
        NumericOrder::Unknown
    }

    /// Notes the columns that were not kept.
    fn note_ignored(&self, file: &str, out: &mut Ingested) {
        if self.ignored > 0 {
            out.notes.push(super::Problem {
                file: file.to_string(),
                message: Message::new(
                    Code::TableColumnsIgnored,
                    [
                        ("count", self.ignored.to_string()),
                        ("max", MAX_EXTRA_COLUMNS.to_string()),
                    ],
                ),
            });
        }
    }
}

pub(crate) fn read_table(
    file: &str,
    bytes: &[u8],
    delim: u8,
    budget: &mut Budget,
    out: &mut Ingested,
) {
    let d = match decode::decode(bytes) {
        Ok(d) => d,
        Err(m) => {
            out.problem(file, m);
            return;
        }
    };
    let mut delim = delim as char;
    // Spreadsheets in some locales export CSV with semicolons.
    let first_line = d.text.lines().next().unwrap_or("");
    if delim == ',' && !first_line.contains(',') && first_line.contains(';') {
        delim = ';';
    }
    // Records are read one at a time into reused cells, never all at once, and a row
    // keeps only its kept columns: a table costs its kept text, whatever its shape.
    let mut records = Records::new(&d.text, delim);
    let mut cells: Vec<String> = Vec::new();
    let blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    if !records.next_into(&mut cells) {
        out.problem(file, Code::TableEmpty);
        return;
    }
    if blank(&cells) {
        // Only separators and blank cells (",,,") are an empty table; blank names over
        // data are a missing header. Either way the file is named.
        let mut rest = records.clone();
        let mut row = Vec::new();
        let mut data = false;
        while !data && rest.next_into(&mut row) {
            data = !blank(&row);
        }
        out.problem(
            file,
            if data {
                Code::TableNoHeader
            } else {
                Code::TableEmpty
            },
        );
        return;
    }
    let mut columns = Columns::new();
    for name in &cells {
        columns.push(name);
    }
    let max_rows = budget.limits.max_rows;
    let capped = std::cell::Cell::new(false);
    let rows = |records| table_rows(records, &columns.keep, max_rows, &capped);
    // All-numeric dates take their order from the whole column: a first pass reads it.
    let order = if columns.has(Field::Date) || columns.has(Field::ReferenceDate) {
        columns.date_order(rows(records.clone()).flatten())
    } else {
        NumericOrder::Unknown
    };
    let meta = (d.encoding, d.warnings.clone());
    rows_to_articles(file, &columns, rows(records), &[], order, meta, out);
    if capped.get() {
        out.problem(
            file,
            Message::new(Code::TableTooManyRows, [("max", max_rows.to_string())]),
        );
    }
}

/// The rows after the header, blank ones left out, each with its kept, filled cells; at
/// most `max_rows` records are read (`capped` tells whether more were left).
fn table_rows<'a>(
    mut records: Records<'a>,
    keep: &'a [bool],
    max_rows: usize,
    capped: &'a std::cell::Cell<bool>,
) -> impl Iterator<Item = Option<Cells>> + 'a {
    let mut cells: Vec<String> = Vec::new();
    let mut read = 0usize;
    std::iter::from_fn(move || loop {
        if read >= max_rows {
            capped.set(records.more());
            return None;
        }
        if !records.next_into(&mut cells) {
            return None;
        }
        read += 1;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        return Some(Some(kept_cells(keep, &mut cells)));
    })
}

/// The kept, filled cells of a record, taken out of it.
fn kept_cells(keep: &[bool], cells: &mut [String]) -> Cells {
    cells
        .iter_mut()
        .zip(keep)
        .enumerate()
        .filter(|(_, (c, &k))| k && !c.trim().is_empty())
        .map(|(i, (c, _))| (i, std::mem::take(c)))
        .collect()
}

pub(crate) fn read_json(file: &str, bytes: &[u8], budget: &mut Budget, out: &mut Ingested) {
    let d = match decode::decode(bytes) {
        Ok(d) => d,
        Err(m) => {
            out.problem(file, m);
            return;
        }
    };
    let mut objects: Vec<Value> = Vec::new();
    // Records past the row limit, counted without reading them.
    let mut dropped = 0usize;
    let max = budget.limits.max_rows;
    let text = d.text.trim();
    // A top-level array (the usual export) is read a record at a time; anything else whole.
    let streamed = json::array_items(text);
    let whole = if streamed.is_some() {
        None
    } else {
        json::parse(text)
    };
    let whole_read = whole.is_some();
    match whole {
        Some(Value::Array(items)) => objects = items,
        Some(Value::Object(members)) => {
            // One article, or an object holding a list of them ({"articles": [...]}).
            let list = members.iter().position(|(_, m)| match m {
                Value::Array(items) => items.iter().all(|i| matches!(i, Value::Object(_))),
                _ => false,
            });
            objects = match list {
                Some(i) => match members.into_iter().nth(i) {
                    Some((_, Value::Array(items))) => items,
                    _ => Vec::new(),
                },
                None => vec![Value::Object(members)],
            };
        }
        Some(_) => {}
        None => {}
    }
    // JSON Lines: a record a line, each parsed as its row is made.
    let lines = || d.text.lines().filter(|l| !l.trim().is_empty());
    let (count, objects): (usize, Box<dyn Iterator<Item = Value> + '_>) = match streamed {
        Some((count, items)) => (count, Box::new(items)),
        None if !whole_read => (
            lines().count(),
            // A line that is not JSON keeps its number, and is named as such below.
            Box::new(lines().map(|line| json::parse(line.trim()).unwrap_or(Value::Null))),
        ),
        None => (objects.len(), Box::new(objects.into_iter())),
    };
    if count == 0 {
        out.problem(file, Code::JsonNotArticles);
        return;
    }
    if count > max {
        dropped = count - max;
    }
    let objects = objects.take(max);
    if dropped > 0 {
        out.problem(
            file,
            Message::new(
                Code::TableRowsDropped,
                [("max", max.to_string()), ("count", dropped.to_string())],
            ),
        );
    }
    // Columns by key, looked up by hash (a linear search made wide records quadratic);
    // each object is freed as its row is made.
    let mut columns = Columns::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Why a record that is an object may give no article: its text is not text.
    let mut why: Vec<Option<Message>> = Vec::with_capacity(count.min(max));
    let rows: Vec<Option<Cells>> = objects
        .map(|o| {
            let Value::Object(members) = o else {
                why.push(None);
                return None;
            };
            let mut reason = None;
            let row = members.into_iter().filter_map(|(k, v)| {
                let text = scalar(&v);
                if text.is_none()
                    && reason.is_none()
                    && matches!(v, Value::Object(_) | Value::Array(_))
                    && sidecar::field(&k) == Field::Text
                {
                    reason = Some(Message::new(Code::RowTextNotText, [("column", k.clone())]));
                }
                // A key takes a column even when its value is not text here, so that a
                // text column of objects reads as rows without text, not as no column.
                let column = match by_key.get(&k) {
                    Some(&c) => c,
                    None => {
                        let c = columns.push(&k);
                        by_key.insert(k, c);
                        c
                    }
                };
                let text = text?;
                columns.keep[column].then_some((column, text))
            });
            let row = row.collect();
            why.push(reason);
            Some(row)
        })
        .collect();
    let order = columns.date_order(rows.iter().flatten());
    let meta = (d.encoding, d.warnings);
    rows_to_articles(file, &columns, rows.into_iter(), &why, order, meta, out);
}

/// A JSON value as a cell: scalars written out, a list of them joined, a person's name.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(scalar).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(_) => v.get("name").and_then(scalar),
        Value::Null => None,
        other => other.to_text(),
    }
}

/// Articles (or a sidecar) from rows of kept cells; `None` stands for a record that is
/// not an object, and `why[i]`, when given, says why row `i` may have no article better
/// than "no article text". `meta` is the file's encoding and its decoding warnings.
fn rows_to_articles(
    file: &str,
    columns: &Columns,
    rows: impl Iterator<Item = Option<Cells>>,
    why: &[Option<Message>],
    order: NumericOrder,
    meta: (&'static str, Vec<Message>),
    out: &mut Ingested,
) {
    let (encoding, warnings) = meta;
    for w in warnings {
        out.notes.push(super::Problem {
            file: file.to_string(),
            message: w,
        });
    }
    columns.note_ignored(file, out);
    if !columns.has(Field::Text) {
        if columns.has(Field::File) {
            sidecar_from(file, columns, rows, order, out);
        } else {
            let names: Vec<&str> = columns.names.iter().map(String::as_str).take(12).collect();
            out.problem(
                file,
                Message::new(Code::TableNoTextColumn, [("columns", names.join(", "))]),
            );
        }
        return;
    }
    let mut bad = 0usize;
    for (i, row) in rows.enumerate() {
        let name = format!("{file}#{}", i + 1);
        let article = row.as_ref().and_then(|row| {
            let body = columns.get(row, Field::Text).unwrap_or_default();
            match columns.get(row, Field::Title) {
                Some(t) => text::build_from(&name, t, std::iter::once(body)),
                None => text::parse(&name, body),
            }
        });
        match (article, row) {
            (Some(mut a), Some(row)) => {
                a.encoding = Some(encoding.to_string());
                sidecar::apply(&columns.named(row), order, &mut a);
                out.articles.push(a);
            }
            (_, row) => {
                bad += 1;
                if bad <= NAMED_BAD_ROWS {
                    let message = match row {
                        None => Code::RecordNotObject.into(),
                        Some(_) => why
                            .get(i)
                            .cloned()
                            .flatten()
                            .unwrap_or(Code::RowNoText.into()),
                    };
                    out.problem(&name, message);
                }
            }
        }
    }
    if bad > NAMED_BAD_ROWS {
        out.problem(
            file,
            Message::new(
                Code::RowsNoText,
                [("count", (bad - NAMED_BAD_ROWS).to_string())],
            ),
        );
    }
}

fn sidecar_from(
    file: &str,
    columns: &Columns,
    rows: impl Iterator<Item = Option<Cells>>,
    order: NumericOrder,
    out: &mut Ingested,
) {
    let rows: Vec<Row> = rows
        .flatten()
        .filter_map(|r| {
            let key = columns.get(&r, Field::File)?.trim().to_string();
            let fields = r
                .into_iter()
                .filter(|(c, _)| columns.kind(*c) != Field::File)
                .collect();
            Some(Row {
                key,
                fields: columns.named(fields),
            })
        })
        .collect();
    out.notes.push(super::Problem {
        file: file.to_string(),
        message: Message::new(Code::SidecarRows, [("count", rows.len().to_string())]),
    });
    out.sidecars.push(Sidecar {
        file: file.to_string(),
        rows,
        order,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read;

    #[test]
    fn csv_rows_become_articles_and_file_tables_sidecars() {
        let csv = "id,title,text,date,source\n7,Rain in the valley,\"Rain fell on the valley for the third day, officials said.\nRoads were closed.\",2019-03-04,Valley News\n8,,,,\n";
        let got = read("export.csv", csv.as_bytes());
        assert_eq!(got.articles.len(), 1);
        let a = &got.articles[0];
        assert_eq!(a.file, "export.csv#1");
        assert_eq!(a.title, "Rain in the valley");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.date.as_deref(), Some("2019-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Valley News"));
        assert_eq!(a.extra.get("id").map(String::as_str), Some("7"));
        let got = read(
            "meta.tsv",
            b"file\tsource\tdate\na.txt\tnna\t4/5/17\nb.txt\tnna\t4/25/17\n",
        );
        assert!(got.articles.is_empty());
        assert_eq!(got.sidecars[0].rows.len(), 2);
        assert_eq!(got.sidecars[0].order, NumericOrder::MonthFirst);
        let got = read("x.csv", b"a,b\n1,2\n");
        assert!(got.problems[0].message.contains("without a text column"));
    }

    #[test]
    fn json_lines_and_arrays() {
        let jl = "{\"headline\": \"Rain in the valley\", \"body\": \"Rain fell on the valley for the third day, officials said.\", \"author\": {\"name\": \"Jane Doe\"}}\nnot json\n{\"title\": \"Storm\", \"content\": \"A storm hit the coast overnight, cutting power to thousands of homes.\", \"tags\": [\"a\", \"b\"]}\n";
        let got = read("feed.jsonl", jl.as_bytes());
        let files: Vec<&str> = got.articles.iter().map(|a| a.file.as_str()).collect();
        assert_eq!(files, ["feed.jsonl#1", "feed.jsonl#3"]);
        assert_eq!(got.articles[0].byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            got.articles[1].extra.get("tags").map(String::as_str),
            Some("a, b")
        );
        assert!(got
            .problems
            .iter()
            .any(|p| p.file == "feed.jsonl#2" && p.message.contains("not a JSON object")));
        let arr = r#"{"articles": [{"title": "Storm", "text": "A storm hit the coast overnight, cutting power."}]}"#;
        assert_eq!(read("a.json", arr.as_bytes()).articles.len(), 1);
    }

    #[test]
    fn rows_past_the_cap_are_not_read_and_said_so() {
        let mut csv = String::from("title,text\n");
        for i in 0..20 {
            csv.push_str(&format!("Row {i},Rain fell on the valley for day {i}.\n\n"));
        }
        let limits = crate::ingest::Limits {
            max_rows: 10,
            ..Default::default()
        };
        let got = crate::ingest::read_with("cap.csv", csv.as_bytes(), &limits);
        assert!(got.articles.len() <= 10 && got.articles.len() >= 5);
        assert!(got
            .problems
            .iter()
            .any(|p| p.message.contains("more than 10 rows")));
        let got = crate::ingest::read_with("cap.csv", &csv.as_bytes()[..200], &limits);
        assert!(got.problems.is_empty(), "{:?}", got.problems);
    }
}
