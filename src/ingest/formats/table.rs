//! Exports with one article a row: CSV and TSV files with a header, JSON Lines, and JSON
//! arrays of objects. A `title` (or `headline`) column and a `text` (or `body`, `content`,
//! ...) column make an article of each row, named `export.csv#N`, where N counts the data
//! rows from 1 (the header is not counted, so `#1` is the spreadsheet's second line) and
//! JSON records from 1; the other columns are read as metadata (see [`sidecar::field`]).
//! A table with a `file` column and no text column is a metadata sidecar. Quoted CSV fields
//! may hold delimiters, doubled quotes and line breaks; a quote that does not close a
//! field is just a character (TSV files quote titles like «"داعش" يروج»).

use super::json::{self, Value};
use super::meta::date::NumericOrder;
use super::sidecar::{self, Field, Row, Sidecar};
use super::{decode, text, Budget, Ingested};
use crate::message::{Code, Message};

/// At most this many rows without an article are named one by one.
const NAMED_BAD_ROWS: usize = 20;

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
    let mut records = parse_delimited(&d.text, delim, budget.limits.max_rows + 1);
    // Only separators and blank cells (",,,"): said as empty, naming the file.
    let blank = |r: &Vec<String>| r.iter().all(|c| c.trim().is_empty());
    if records.iter().all(blank) {
        out.problem(file, Code::TableEmpty);
        return;
    }
    let header = records.remove(0);
    if blank(&header) {
        out.problem(file, Code::TableNoHeader);
        return;
    }
    let rows: Vec<Vec<(String, String)>> = records
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            header
                .iter()
                .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
                .zip(r.into_iter().chain(std::iter::repeat(String::new())))
                .collect()
        })
        .collect();
    if rows.len() >= budget.limits.max_rows {
        out.problem(
            file,
            Message::new(
                Code::TableTooManyRows,
                [("max", budget.limits.max_rows.to_string())],
            ),
        );
    }
    rows_to_articles(file, &header, rows, &[], d, out);
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
    match json::parse(d.text.trim()) {
        Some(Value::Array(items)) => objects = items,
        Some(v @ Value::Object(_)) => {
            // One article, or an object holding a list of them ({"articles": [...]}).
            let list = match &v {
                Value::Object(members) => members.iter().find_map(|(_, m)| match m {
                    Value::Array(items) if items.iter().all(|i| matches!(i, Value::Object(_))) => {
                        Some(items.clone())
                    }
                    _ => None,
                }),
                _ => None,
            };
            objects = list.unwrap_or_else(|| vec![v]);
        }
        Some(_) => {}
        None => {
            for line in d.text.lines().filter(|l| !l.trim().is_empty()) {
                if objects.len() == max {
                    dropped += 1;
                    continue;
                }
                // A line that is not JSON keeps its number, and is named as such below.
                objects.push(json::parse(line.trim()).unwrap_or(Value::Null));
            }
        }
    }
    if objects.is_empty() {
        out.problem(file, Code::JsonNotArticles);
        return;
    }
    if objects.len() > max {
        dropped = objects.len() - max;
        objects.truncate(max);
    }
    if dropped > 0 {
        out.problem(
            file,
            Message::new(
                Code::TableRowsDropped,
                [("max", max.to_string()), ("count", dropped.to_string())],
            ),
        );
    }
    let mut header: Vec<String> = Vec::new();
    // Why a record may give no article: not an object, or its text is not text.
    let mut why: Vec<Option<Message>> = Vec::with_capacity(objects.len());
    let rows: Vec<Vec<(String, String)>> = objects
        .iter()
        .map(|o| {
            let Value::Object(members) = o else {
                why.push(Some(Code::RecordNotObject.into()));
                return Vec::new();
            };
            let mut reason = None;
            let row = members
                .iter()
                .filter_map(|(k, v)| {
                    if !header.contains(k) {
                        header.push(k.clone());
                    }
                    let text = scalar(v);
                    if text.is_none() && reason.is_none() && sidecar::field(k) == Field::Text {
                        reason = matches!(v, Value::Object(_) | Value::Array(_))
                            .then(|| Message::new(Code::RowTextNotText, [("column", k.clone())]));
                    }
                    Some((k.clone(), text?))
                })
                .collect();
            why.push(reason);
            row
        })
        .collect();
    rows_to_articles(file, &header, rows, &why, d, out);
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

/// Articles (or a sidecar) from rows of named cells; `why[i]`, when given, says why row
/// `i` may have no article better than "no article text".
fn rows_to_articles(
    file: &str,
    header: &[String],
    rows: Vec<Vec<(String, String)>>,
    why: &[Option<Message>],
    d: decode::Decoded,
    out: &mut Ingested,
) {
    let kinds: Vec<Field> = header.iter().map(|h| sidecar::field(h)).collect();
    let has = |f: Field| kinds.contains(&f);
    let encoding = d.encoding;
    for w in d.warnings {
        out.notes.push(super::Problem {
            file: file.to_string(),
            message: w,
        });
    }
    let order = sidecar::numeric_order(rows.iter().flat_map(|r| {
        r.iter()
            .filter(|(k, _)| matches!(sidecar::field(k), Field::Date | Field::ReferenceDate))
            .map(|(_, v)| v.as_str())
    }));
    if !has(Field::Text) {
        if has(Field::File) {
            sidecar_from(file, rows, order, out);
        } else {
            let names: Vec<&str> = header.iter().map(String::as_str).take(12).collect();
            out.problem(
                file,
                Message::new(Code::TableNoTextColumn, [("columns", names.join(", "))]),
            );
        }
        return;
    }
    let mut bad = 0usize;
    for (i, row) in rows.into_iter().enumerate() {
        let name = format!("{file}#{}", i + 1);
        let get = |f: Field| {
            row.iter()
                .find(|(k, v)| sidecar::field(k) == f && !v.trim().is_empty())
                .map(|(_, v)| v.clone())
        };
        let body = get(Field::Text).unwrap_or_default();
        let lines: Vec<String> = body.lines().map(str::to_string).collect();
        let article = match get(Field::Title) {
            Some(t) => text::build(&name, &t, lines),
            None => text::parse(&name, &body),
        };
        match article {
            Some(mut a) => {
                a.encoding = Some(encoding.to_string());
                sidecar::apply(&row, order, &mut a);
                out.articles.push(a);
            }
            None => {
                bad += 1;
                if bad <= NAMED_BAD_ROWS {
                    let message = why.get(i).cloned().flatten();
                    out.problem(&name, message.unwrap_or_else(|| Code::RowNoText.into()));
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
    rows: Vec<Vec<(String, String)>>,
    order: NumericOrder,
    out: &mut Ingested,
) {
    let rows: Vec<Row> = rows
        .into_iter()
        .filter_map(|r| {
            let key = r
                .iter()
                .find(|(k, v)| sidecar::field(k) == Field::File && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())?;
            let fields = r
                .into_iter()
                .filter(|(k, _)| sidecar::field(k) != Field::File)
                .collect();
            Some(Row { key, fields })
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

/// Records of a delimited text, at most `max` of them.
fn parse_delimited(text: &str, delim: char, max: usize) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.char_indices().peekable();
    let mut at_field_start = true;
    while let Some((i, c)) = chars.next() {
        if at_field_start && c == '"' {
            if let Some((value, end)) = quoted(text, i + 1, delim) {
                field = value;
                // Skip to the closing quote.
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                at_field_start = false;
                continue;
            }
        }
        at_field_start = false;
        if c == delim {
            record.push(std::mem::take(&mut field));
            at_field_start = true;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
            }
            record.push(std::mem::take(&mut field));
            records.push(std::mem::take(&mut record));
            at_field_start = true;
            if records.len() >= max {
                return records;
            }
        } else {
            field.push(c);
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// A quoted field starting after the opening quote at byte `from`: its value and the byte
/// after the closing quote, when that quote ends the field (a delimiter, a line end or the
/// end follows). Doubled quotes inside stand for one.
fn quoted(text: &str, from: usize, delim: char) -> Option<(String, usize)> {
    let rest = text.get(from..)?;
    let mut value = String::new();
    let mut it = rest.char_indices().peekable();
    while let Some((j, c)) = it.next() {
        if c == '"' {
            if it.peek().is_some_and(|&(_, n)| n == '"') {
                it.next();
                value.push('"');
                continue;
            }
            let next = it.peek().map(|&(_, n)| n);
            return match next {
                None => Some((value, from + j + 1)),
                Some(n) if n == delim || n == '\n' || n == '\r' => Some((value, from + j + 1)),
                Some(_) => None,
            };
        }
        value.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read;

    #[test]
    fn delimited_records() {
        let r = parse_delimited(
            "a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\n\"q\" r,s",
            ',',
            100,
        );
        assert_eq!(
            r,
            vec![
                vec!["a", "b"],
                vec!["x, y", "say \"hi\"\nthere"],
                vec!["\"q\" r", "s"],
            ]
        );
        let r = parse_delimited("file\ttitle\na.txt\t\"داعش\" يروج\n", '\t', 100);
        assert_eq!(r[1], vec!["a.txt", "\"داعش\" يروج"]);
    }

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
}
