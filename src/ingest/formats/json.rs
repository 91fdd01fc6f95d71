//! A small, forgiving JSON reader for what ingest meets: JSON-LD blocks in pages and
//! JSON Lines / JSON array exports. It builds plain values, limits nesting, and never
//! panics; what it cannot read is `None`. Lenient where real files are sloppy: raw control
//! characters inside strings and a trailing comma before `]` or `}` are accepted.

/// A JSON value. Object members keep their order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written: exports only pass numbers on as text (ids, counts), and not
    /// converting them keeps float parsing and printing out of the wasm build.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar as text: strings as they are, numbers and booleans written out.
    pub fn to_text(&self) -> Option<String> {
        match self {
            Value::String(s) | Value::Number(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// Deeper nesting than this is refused (no real export needs it; it bounds the stack).
const MAX_DEPTH: usize = 64;

/// Parses one JSON text; `None` when it is not JSON (surrounding white space allowed).
pub fn parse(text: &str) -> Option<Value> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

/// Parses the first JSON value in `text` and returns it with the bytes it took.
pub fn parse_prefix(text: &str) -> Option<(Value, usize)> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    Some((v, p.i))
}

/// The elements of a top-level JSON array, each parsed as it is taken: a table export built
/// as one value at once cost many times its text (a key, a value and a member slot for every
/// field of every record). `None` when `text` is not one array, as [`parse`] reads it: the
/// whole array is checked first, keeping no element, so a damaged one is never half read.
/// Gives the number of elements and the elements.
pub fn array_items(text: &str) -> Option<(usize, impl Iterator<Item = Value> + '_)> {
    let mut check = Items::new(text)?;
    let mut count = 0usize;
    while check.next().is_some() {
        count += 1;
    }
    check.p.ws();
    (check.closed && check.p.i == check.p.s.len()).then_some(())?;
    Some((count, Items::new(text)?))
}

/// One element after another of the array `p` is in (see [`array_items`]); `closed` once
/// its `]` is read. An element that does not parse ends it, unclosed.
struct Items<'a> {
    p: Parser<'a>,
    closed: bool,
    failed: bool,
}

impl<'a> Items<'a> {
    fn new(text: &'a str) -> Option<Self> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        p.ws();
        (p.peek()? == b'[').then_some(())?;
        p.i += 1;
        Some(Items {
            p,
            closed: false,
            failed: false,
        })
    }

    /// As `Parser::array` reads an element (depth 1: inside the top-level array).
    fn item(&mut self) -> Option<Value> {
        self.p.ws();
        if self.p.peek()? == b']' {
            self.p.i += 1;
            self.closed = true;
            return None;
        }
        let v = self.p.value(1)?;
        self.p.ws();
        match self.p.peek()? {
            b',' => self.p.i += 1,
            b']' => {}
            _ => return None,
        }
        Some(v)
    }
}

impl Iterator for Items<'_> {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        if self.closed || self.failed {
            return None;
        }
        let v = self.item();
        if v.is_none() && !self.closed {
            self.failed = true;
        }
        v
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        if self.s.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Value::String),
            b't' => self.eat(b"true").then_some(Value::Bool(true)),
            b'f' => self.eat(b"false").then_some(Value::Bool(false)),
            b'n' => self.eat(b"null").then_some(Value::Null),
            _ => self.number(),
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut members = Vec::new();
        loop {
            self.ws();
            match self.peek()? {
                b'}' => {
                    self.i += 1;
                    return Some(Value::Object(members));
                }
                b'"' => {}
                _ => return None,
            }
            let key = self.string()?;
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {}
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            if self.peek()? == b']' {
                self.i += 1;
                return Some(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {}
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        let h = std::str::from_utf8(h).ok()?;
        let v = u32::from_str_radix(h, 16).ok()?;
        self.i += 4;
        Some(v)
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let b = self.peek()?;
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.eat(b"\\u") {
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        // Lenient: an unknown escape stands for the character itself.
                        other => other as char,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(b),
            }
        }
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.i += 1;
        }
        let t = std::str::from_utf8(self.s.get(start..self.i)?).ok()?;
        // The JSON grammar: -? digits (. digits)? ([eE] [+-]? digits)?
        let b = t.as_bytes();
        let mut k = usize::from(b.first() == Some(&b'-'));
        let digits = |k: &mut usize| {
            let from = *k;
            while b.get(*k).is_some_and(u8::is_ascii_digit) {
                *k += 1;
            }
            *k > from
        };
        if !digits(&mut k) {
            return None;
        }
        if b.get(k) == Some(&b'.') {
            k += 1;
            if !digits(&mut k) {
                return None;
            }
        }
        if matches!(b.get(k), Some(b'e' | b'E')) {
            k += 1;
            if matches!(b.get(k), Some(b'+' | b'-')) {
                k += 1;
            }
            if !digits(&mut k) {
                return None;
            }
        }
        (k == b.len()).then(|| Value::Number(t.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_items_are_the_elements_parse_reads() {
        for text in [
            "[]",
            " [ ] ",
            "[1, \"a\", {\"k\": [true, null]}]",
            "[{\"a\": 1},]",
            "\n[[1], [2, [3]]]\n",
        ] {
            let Some(Value::Array(want)) = parse(text) else {
                panic!("{text}")
            };
            let (count, items) = array_items(text).expect(text);
            assert_eq!(count, want.len(), "{text}");
            assert_eq!(items.collect::<Vec<_>>(), want, "{text}");
        }
        // Not one whole array: parse refuses it, and so does array_items.
        for text in [
            "",
            "{}",
            "[1, 2",
            "[1 2]",
            "[1] 2",
            "[1,, 2]",
            "[{\"a\": }]",
            "1",
        ] {
            assert!(array_items(text).is_none(), "{text}");
        }
        // Nesting counts from the top-level array, as parse counts it.
        let deep = |n: usize| format!("[{}{}]", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_some() && array_items(&deep(MAX_DEPTH)).is_some());
        assert!(
            parse(&deep(MAX_DEPTH + 1)).is_none() && array_items(&deep(MAX_DEPTH + 1)).is_none()
        );
    }

    #[test]
    fn reads_values_and_refuses_junk() {
        let v = parse(r#" {"a": [1, 2.5, "x\u00e9\ud83d\ude00", true, null], "b": {"c": "d",},} "#)
            .unwrap();
        assert_eq!(
            v.get("b").and_then(|b| b.get("c")).and_then(Value::as_str),
            Some("d")
        );
        assert_eq!(
            v.get("a"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("2.5".into()),
                Value::String("xé😀".into()),
                Value::Bool(true),
                Value::Null
            ]))
        );
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "tru",
            "\"abc",
            "{} x",
            "[[[[",
            "-",
            "1.",
            "1e",
            "--1",
            "1.2.3",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(parse(&deep), None);
        assert_eq!(parse_prefix("{\"a\":1} {\"b\":2}").map(|(_, n)| n), Some(7));
    }
}
