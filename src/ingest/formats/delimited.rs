//! Delimited text (CSV and TSV) read one record at a time into reused cells, so a table
//! never holds more than the record being read. Quoted fields may hold delimiters, doubled
//! quotes and line breaks; a quote that does not close a field is just a character (TSV
//! files quote titles like «"داعش" يروج»).

/// The records of a delimited text, read one at a time.
#[derive(Clone)]
pub(super) struct Records<'a> {
    text: &'a str,
    /// Byte where the next record starts.
    at: usize,
    delim: char,
}

impl<'a> Records<'a> {
    pub(super) fn new(text: &'a str, delim: char) -> Self {
        Records { text, at: 0, delim }
    }

    /// Whether any text is left.
    pub(super) fn more(&self) -> bool {
        self.at < self.text.len()
    }

    /// Reads the next record into `cells`, reusing their strings; false at the end.
    pub(super) fn next_into(&mut self, cells: &mut Vec<String>) -> bool {
        let Some(rest) = self.text.get(self.at..).filter(|r| !r.is_empty()) else {
            return false;
        };
        let delim = self.delim;
        let mut n = 0;
        let start = |cells: &mut Vec<String>, n: usize| match cells.get_mut(n) {
            Some(c) => c.clear(),
            None => cells.push(String::new()),
        };
        start(cells, 0);
        let mut chars = rest.char_indices().peekable();
        let mut at_field_start = true;
        while let Some((i, c)) = chars.next() {
            if at_field_start && c == '"' {
                if let Some(end) = quoted_into(rest, i + 1, delim, &mut cells[n]) {
                    // Skip to the closing quote.
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                    at_field_start = false;
                    continue;
                }
                cells[n].clear();
            }
            at_field_start = false;
            if c == delim {
                n += 1;
                start(cells, n);
                at_field_start = true;
            } else if c == '\n' || c == '\r' {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                self.at += chars.peek().map_or(rest.len(), |&(j, _)| j);
                cells.truncate(n + 1);
                return true;
            } else {
                cells[n].push(c);
            }
        }
        self.at = self.text.len();
        cells.truncate(n + 1);
        // A last record without a line end, unless nothing at all was in it.
        n > 0 || !cells[0].is_empty()
    }
}

/// A quoted field starting after the opening quote at byte `from`, its value written to
/// `value`: the byte after the closing quote, when that quote ends the field (a delimiter,
/// a line end or the end follows). Doubled quotes inside stand for one.
fn quoted_into(text: &str, from: usize, delim: char, value: &mut String) -> Option<usize> {
    let rest = text.get(from..)?;
    value.clear();
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
                None => Some(from + j + 1),
                Some(n) if n == delim || n == '\n' || n == '\r' => Some(from + j + 1),
                Some(_) => None,
            };
        }
        value.push(c);
    }
    None
}

/// Records of a delimited text, at most `max` of them.
#[cfg(test)]
pub(super) fn parse_delimited(text: &str, delim: char, max: usize) -> Vec<Vec<String>> {
    let mut records = Records::new(text, delim);
    let mut out = Vec::new();
    let mut cells = Vec::new();
    while out.len() < max && records.next_into(&mut cells) {
        out.push(cells.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
