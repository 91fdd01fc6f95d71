//! Query text to a syntax tree. Grammar (operators are upper case; everything else is a
//! word):
//!
//! ```text
//! query   := or
//! or      := and (("OR" | "|") and)*
//! and     := unary+
//! unary   := ("-" | "NOT") unary | primary
//! primary := "(" or ")" | '"' text '"' | "=" word | word "*" | word "~" [1|2] | word
//!          | "title:" primary | ("lang:" | "source:" | "file:") (word | '"' text '"')
//!          | "/" regex "/"
//! ```
//! A malformed query is an [`Error`] with the byte offset of the problem, never a panic.
//! [`notes`] says where a query may not mean what it seems to (`or` in lower case, an
//! unknown `name:`), as the page shows beside the box: operators are upper case by rule.

use super::pattern::{self, Pattern};
use crate::error::Error;
use crate::message::{Code, Message};

/// Bytes a query may hold: enough for any query a person writes or a script builds, and it
/// bounds the work of reading one.
pub const MAX_QUERY_BYTES: usize = 65_536;
/// Search terms (words, phrases, regexes) a query may hold, as Lucene's clause limit.
pub const MAX_TERMS: usize = 1_024;
/// `/regex/` terms a query may hold: each is compiled and measured, then scanned.
pub const MAX_REGEXES: usize = 16;
/// Levels of nesting (parentheses, `-`/`NOT`, `title:`) a query may have. Every walk over
/// the tree (evaluating, costing, dropping it) recurses once per level, so this bounds
/// their stack use: a 1 MB wasm stack must hold it (a test runs the deepest query on a
/// 256 KB thread).
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A word as typed; analysis decides its terms (it may yield several: Jean-Yves).
    Word {
        text: String,
        exact: bool,
    },
    /// Words that must occur next to each other, in order.
    Phrase {
        text: String,
    },
    /// Words starting with the text (`negot*`).
    Prefix {
        text: String,
    },
    /// Words within `edits` edits of the text (`Rohani~`); `None` picks by length.
    Fuzzy {
        text: String,
        edits: Option<u8>,
    },
    /// A regular expression over the original text (`/Ghouta|غوطة/`).
    Regex {
        pattern: String,
        /// Byte offset of the opening slash, for error messages.
        at: usize,
    },
    /// The inner query, matched in titles only (`title:Ghouta`).
    Title(Box<Node>),
    /// Articles whose language, source (outlet or agency) or file name matches.
    Filter {
        field: Field,
        value: String,
    },
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
    /// Names of one thing: the words as typed first, then names a linker added
    /// (cross-lingual expansion; the parser never makes one). Matches as an OR; scores as
    /// its best part, an added name weighed [`crate::query::bm25::ADDED_NAME_WEIGHT`], so
    /// an article naming the thing three ways is not three times as relevant.
    Same(Vec<Node>),
}

/// The metadata a `field:value` filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Lang,
    Source,
    File,
}

#[derive(Clone, Debug, PartialEq)]
enum Lexeme {
    Regex(String),
    Open,
    Close,
    Quoted(String),
    Minus,
    Word(String),
}

fn lex(query: &str) -> Result<Vec<(usize, Lexeme)>, Error> {
    let mut out = Vec::new();
    let mut chars = query.char_indices().peekable();
    while let Some(&(at, c)) = chars.peek() {
        match c {
            _ if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' => {
                chars.next();
                out.push((
                    at,
                    if c == '(' {
                        Lexeme::Open
                    } else {
                        Lexeme::Close
                    },
                ));
            }
            '"' | '“' | '”' | '«' | '»' => {
                chars.next();
                let close = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»');
                let rest = &query[at + c.len_utf8()..];
                let Some(end) = rest.find(close) else {
                    // Glued to the end of a word (`آسيا”` pasted from a headline), an
                    // unmatched mark closes a quotation the query left out: punctuation.
                    if query[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|p| !p.is_whitespace())
                    {
                        continue;
                    }
                    return Err(Error::query(Code::QueryUnclosedQuote, at));
                };
                out.push((at, Lexeme::Quoted(rest[..end].to_string())));
                let stop = at + c.len_utf8() + end;
                while chars.peek().is_some_and(|&(i, _)| i <= stop) {
                    chars.next();
                }
            }
            '/' => {
                // Up to the next slash not escaped by a backslash.
                let body = &query[at + 1..];
                let mut escaped = false;
                let end = body
                    .char_indices()
                    .find(|&(_, c)| {
                        let close = c == '/' && !escaped;
                        escaped = c == '\\' && !escaped;
                        close
                    })
                    .map(|(i, _)| i)
                    .ok_or_else(|| Error::query(Code::QueryUnclosedRegex, at))?;
                out.push((at, Lexeme::Regex(body[..end].replace("\\/", "/"))));
                let stop = at + 1 + end;
                while chars.peek().is_some_and(|&(i, _)| i <= stop) {
                    chars.next();
                }
            }
            // Inside a word a hyphen is part of it (Jean-Yves); at a word's start it excludes.
            '-' => {
                chars.next();
                out.push((at, Lexeme::Minus));
            }
            _ => {
                let mut end = at;
                while let Some(&(i, c)) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”' | '«' | '»')
                    {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                out.push((at, Lexeme::Word(query[at..end].to_string())));
            }
        }
    }
    Ok(out)
}

/// Parses a query. An empty query (or one of spaces only) is `Ok(None)`.
pub fn parse(query: &str) -> Result<Option<Node>, Error> {
    let lexemes = read(query)?;
    if lexemes.is_empty() {
        return Ok(None);
    }
    let mut p = Parser {
        lexemes,
        at: 0,
        end: query.len(),
        depth: 0,
    };
    let node = p.or()?;
    if let Some((at, _)) = p.lexemes.get(p.at) {
        return Err(Error::query(Code::QueryUnmatchedClose, *at));
    }
    Ok(Some(node))
}

/// The lexemes of a query within the size limits, which are checked before anything
/// else reads it.
fn read(query: &str) -> Result<Vec<(usize, Lexeme)>, Error> {
    if query.len() > MAX_QUERY_BYTES {
        let max = [("max", MAX_QUERY_BYTES.to_string())];
        return Err(Error::query(Message::new(Code::QueryTooLong, max), 0));
    }
    let lexemes = lex(query)?;
    let mut terms = 0;
    let mut regexes = 0;
    for (at, lexeme) in &lexemes {
        let is_term = match lexeme {
            // Operators, and a field whose value is the next lexeme (`title:(`), are
            // not terms.
            Lexeme::Word(w) => !matches!(w.as_str(), "OR" | "|" | "NOT") && !w.ends_with(':'),
            Lexeme::Quoted(_) => true,
            Lexeme::Regex(_) => {
                regexes += 1;
                true
            }
            Lexeme::Open | Lexeme::Close | Lexeme::Minus => false,
        };
        terms += usize::from(is_term);
        if terms > MAX_TERMS {
            let max = [("max", MAX_TERMS.to_string())];
            return Err(Error::query(
                Message::new(Code::QueryTooManyTerms, max),
                *at,
            ));
        }
        if regexes > MAX_REGEXES {
            let max = [("max", MAX_REGEXES.to_string())];
            return Err(Error::query(
                Message::new(Code::QueryTooManyRegexes, max),
                *at,
            ));
        }
    }
    Ok(lexemes)
}

/// Whether `query` holds a `/regex/` as the lexer reads it (not a slash inside a word or
/// a phrase) and this build cannot search one: the page then loads its full build.
/// A query too long or malformed to read needs nothing more: its error is the same in
/// both builds.
pub fn needs_full_build(query: &str) -> bool {
    !pattern::AVAILABLE
        && query.len() <= MAX_QUERY_BYTES
        && lex(query).is_ok_and(|l| l.iter().any(|(_, l)| matches!(l, Lexeme::Regex(_))))
}

/// How the query may have been read otherwise than meant, for the page to show beside the
/// box: `or` in lower case between two words is a word (operators are upper case), and
/// `name:value` with a name that is no filter (`date:2016`, `foo:bar`) is searched as
/// words. Addresses (`https://…`) are left alone. Empty for a query that cannot be read.
pub fn notes(query: &str) -> Vec<Message> {
    let Ok(lexemes) = read(query) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, (_, lexeme)) in lexemes.iter().enumerate() {
        let Lexeme::Word(w) = lexeme else { continue };
        let between = i > 0 && i + 1 < lexemes.len();
        if between && w != "OR" && w.eq_ignore_ascii_case("or") {
            out.push(Message::new(Code::QueryLowerOr, [("word", w.clone())]));
        }
        if let Some((name, value)) = w.split_once(':') {
            let known = matches!(
                name,
                "title" | "lang" | "source" | "file" | "http" | "https"
            );
            let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic());
            if is_name && !known && !value.is_empty() && !value.starts_with("//") {
                out.push(Message::new(
                    Code::QueryNotAField,
                    [("field", name.to_string()), ("text", w.clone())],
                ));
            }
        }
    }
    out
}

struct Parser {
    lexemes: Vec<(usize, Lexeme)>,
    at: usize,
    end: usize,
    /// Levels of nesting open at this point (see [`MAX_DEPTH`]).
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.at).map(|(_, l)| l)
    }

    fn offset(&self) -> usize {
        self.lexemes.get(self.at).map_or(self.end, |(at, _)| *at)
    }

    fn is_operator(&self, name: &str) -> bool {
        // `|` standing alone is another way to write OR (`Syria | Aleppo`).
        matches!(self.peek(), Some(Lexeme::Word(w)) if w == name || (name == "OR" && w == "|"))
    }

    fn or(&mut self) -> Result<Node, Error> {
        let mut alternatives = vec![self.and()?];
        while self.is_operator("OR") {
            self.at += 1;
            alternatives.push(self.and()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Node::Or(alternatives)
        })
    }

    fn and(&mut self) -> Result<Node, Error> {
        let mut parts = Vec::new();
        while let Some(l) = self.peek() {
            if matches!(l, Lexeme::Close) || self.is_operator("OR") {
                break;
            }
            parts.push(self.unary()?);
        }
        match parts.len() {
            0 => Err(Error::query(Code::QueryMissingTerm, self.offset())),
            1 => Ok(parts.remove(0)),
            _ => Ok(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Node, Error> {
        if matches!(self.peek(), Some(Lexeme::Minus)) || self.is_operator("NOT") {
            self.at += 1;
            if self.peek().is_none() {
                return Err(Error::query(Code::QueryNothingToExclude, self.end));
            }
            let at = self.offset();
            return Ok(Node::Not(Box::new(self.nested(at, Self::unary)?)));
        }
        self.primary()
    }

    /// `inner` one level deeper, or an error at `at` past [`MAX_DEPTH`] levels.
    fn nested(
        &mut self,
        at: usize,
        inner: impl FnOnce(&mut Self) -> Result<Node, Error>,
    ) -> Result<Node, Error> {
        if self.depth >= MAX_DEPTH {
            let max = [("max", MAX_DEPTH.to_string())];
            return Err(Error::query(Message::new(Code::QueryTooDeep, max), at));
        }
        self.depth += 1;
        let node = inner(self);
        self.depth -= 1;
        node
    }

    fn primary(&mut self) -> Result<Node, Error> {
        let open_at = self.offset();
        let Some((_, lexeme)) = self.lexemes.get(self.at).cloned() else {
            return Err(Error::query(Code::QueryMissingTerm, self.end));
        };
        self.at += 1;
        match lexeme {
            Lexeme::Open => {
                let inner = self.nested(open_at, Self::or)?;
                if !matches!(self.peek(), Some(Lexeme::Close)) {
                    return Err(Error::query(Code::QueryUnclosedParen, open_at));
                }
                self.at += 1;
                Ok(inner)
            }
            Lexeme::Quoted(text) => Ok(Node::Phrase { text }),
            Lexeme::Regex(pattern) => regex(pattern, open_at),
            Lexeme::Word(w) => {
                if let Some((name, value)) = w.split_once(':') {
                    if let Some(node) = self.field(name, value, open_at)? {
                        return Ok(node);
                    }
                }
                word(w, open_at)
            }
            Lexeme::Close | Lexeme::Minus => Err(Error::query(Code::QueryMissingTerm, open_at)),
        }
    }
}

impl Parser {
    /// `name:value`, or `None` when `name` is no field (then the colon is part of a word).
    fn field(&mut self, name: &str, value: &str, at: usize) -> Result<Option<Node>, Error> {
        let field = match name {
            "title" => None,
            "lang" => Some(Field::Lang),
            "source" => Some(Field::Source),
            "file" => Some(Field::File),
            _ => return Ok(None),
        };
        // `title:"a phrase"` and `source:"Baladi News"`: the value is the next lexeme.
        let value = if value.is_empty() {
            match self.lexemes.get(self.at).map(|(_, l)| l.clone()) {
                Some(Lexeme::Quoted(text)) if field.is_some() => {
                    self.at += 1;
                    text
                }
                Some(Lexeme::Quoted(_) | Lexeme::Open) if field.is_none() => {
                    let inner = self.nested(at, Self::primary)?;
                    return Ok(Some(Node::Title(Box::new(inner))));
                }
                _ => {
                    return Err(Error::query(
                        Message::new(Code::QueryFieldNoValue, [("field", name.to_string())]),
                        at,
                    ))
                }
            }
        } else {
            value.to_string()
        };
        Ok(Some(match field {
            None => Node::Title(Box::new(word(value, at + name.len() + 1)?)),
            Some(field) => Node::Filter { field, value },
        }))
    }
}

/// A `/regex/`, compiled now so a bad pattern (or a build without regexes) is reported
/// where it stands.
fn regex(pattern: String, at: usize) -> Result<Node, Error> {
    match Pattern::compile(&pattern) {
        Ok(_) => Ok(Node::Regex { pattern, at }),
        Err(message) => Err(Error::query(message, at)),
    }
}

/// A word lexeme: `=exact`, `prefix*`, `fuzzy~`, `fuzzy~1`, `fuzzy~2` or a plain word.
fn word(w: String, at: usize) -> Result<Node, Error> {
    if let Some(rest) = w.strip_prefix('=').filter(|r| !r.is_empty()) {
        return Ok(Node::Word {
            text: rest.to_string(),
            exact: true,
        });
    }
    if let Some(stem) = w.strip_suffix('*') {
        if stem.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return Err(Error::query(Code::QueryShortPrefix, at));
        }
        return Ok(Node::Prefix {
            text: stem.to_string(),
        });
    }
    for (suffix, edits) in [("~1", Some(1)), ("~2", Some(2)), ("~", None)] {
        if let Some(text) = w.strip_suffix(suffix).filter(|t| !t.is_empty()) {
            return Ok(Node::Fuzzy {
                text: text.to_string(),
                edits,
            });
        }
    }
    Ok(Node::Word {
        text: w,
        exact: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str) -> Node {
        Node::Word {
            text: t.into(),
            exact: false,
        }
    }

    #[test]
    fn parses_the_language() {
        assert_eq!(parse("  ").unwrap(), None);
        assert_eq!(parse("Macron").unwrap(), Some(word("Macron")));
        assert_eq!(
            parse("Macron OR ماكرون -Putin").unwrap(),
            Some(Node::Or(vec![
                word("Macron"),
                Node::And(vec![word("ماكرون"), Node::Not(Box::new(word("Putin")))])
            ]))
        );
        assert_eq!(
            parse("\"Eastern Ghouta\"").unwrap(),
            Some(Node::Phrase {
                text: "Eastern Ghouta".into()
            })
        );
        assert_eq!(
            parse("=أحمد").unwrap(),
            Some(Node::Word {
                text: "أحمد".into(),
                exact: true
            })
        );
        assert_eq!(
            parse("(a OR b) c").unwrap(),
            Some(Node::And(vec![
                Node::Or(vec![word("a"), word("b")]),
                word("c")
            ]))
        );
        assert_eq!(parse("Jean-Yves").unwrap(), Some(word("Jean-Yves")));
    }

    #[test]
    fn parses_prefixes_typos_and_fields() {
        assert_eq!(
            parse("negot*").unwrap(),
            Some(Node::Prefix {
                text: "negot".into()
            })
        );
        assert_eq!(
            parse("Rohani~").unwrap(),
            Some(Node::Fuzzy {
                text: "Rohani".into(),
                edits: None
            })
        );
        assert_eq!(
            parse("روحاني~2").unwrap(),
            Some(Node::Fuzzy {
                text: "روحاني".into(),
                edits: Some(2)
            })
        );
        assert_eq!(
            parse("title:Ghouta").unwrap(),
            Some(Node::Title(Box::new(word("Ghouta"))))
        );
        assert_eq!(
            parse("title:\"Eastern Ghouta\"").unwrap(),
            Some(Node::Title(Box::new(Node::Phrase {
                text: "Eastern Ghouta".into()
            })))
        );
        assert_eq!(
            parse("lang:ar").unwrap(),
            Some(Node::Filter {
                field: Field::Lang,
                value: "ar".into()
            })
        );
        assert_eq!(
            parse("source:\"Baladi News\" x").unwrap(),
            Some(Node::And(vec![
                Node::Filter {
                    field: Field::Source,
                    value: "Baladi News".into()
                },
                word("x")
            ]))
        );
        assert_eq!(parse("time:10").unwrap(), Some(word("time:10")));
        if pattern::AVAILABLE {
            assert_eq!(
                parse("/a\\/b+/").unwrap(),
                Some(Node::Regex {
                    pattern: "a/b+".into(),
                    at: 0
                })
            );
        }
        assert_eq!(parse("x /[/").unwrap_err().offset(), Some(2));
        assert!(parse("a*").is_err());
        assert!(parse("lang: ar").is_err());
    }

    #[test]
    fn malformed_queries_say_where() {
        let e = parse("Ghouta \"unclosed").unwrap_err();
        assert_eq!(e.offset(), Some(7));
        // A closing mark pasted with a headline's word, its opening left behind, is
        // punctuation, not an error.
        assert_eq!(
            parse("آسيا” بثلاثية").unwrap(),
            parse("آسيا بثلاثية").unwrap()
        );
        assert_eq!(parse("((a)").unwrap_err().offset(), Some(0));
        assert_eq!(parse("a )").unwrap_err().offset(), Some(2));
        assert!(parse("a OR").is_err());
        assert!(parse("a |").is_err());
        assert!(parse("-").is_err());
        assert!(parse("()").is_err());
    }

    fn code(query: &str) -> &'static str {
        parse(query).unwrap_err().as_message().code.name()
    }

    /// Nesting past `MAX_DEPTH` is an error before any deeper tree is built, however it
    /// nests: every walk over the tree (and its drop) recurses once per level.
    #[test]
    fn deep_nesting_is_refused_at_the_limit() {
        let nest = |open: &str, close: &str, n: usize| {
            format!("{}Ghouta{}", open.repeat(n), close.repeat(n))
        };
        // Each shape with the levels one repetition opens.
        let shapes = [
            ("(", ")", 1),
            ("-", "", 1),
            ("NOT ", "", 1),
            ("title:(", ")", 2),
            ("-(", ")", 2),
        ];
        for (open, close, levels) in shapes {
            let deepest = nest(open, close, MAX_DEPTH / levels);
            assert!(parse(&deepest).is_ok(), "{open}: {deepest}");
            for n in [MAX_DEPTH + 1, 2_000, 10_000] {
                let q = nest(open, close, n);
                if q.len() <= MAX_QUERY_BYTES {
                    assert_eq!(code(&q), "query_too_deep", "{open} × {n}");
                }
            }
        }
        assert_eq!(code(&"-".repeat(20_000)), "query_too_deep");
        let e = parse(&nest("(", ")", 1_000)).unwrap_err();
        assert_eq!(e.offset(), Some(MAX_DEPTH));
        assert!(e.message().contains("64 levels"), "{}", e.message());
    }

    #[test]
    fn long_queries_are_refused_before_they_are_read() {
        let long = "Ghouta ".repeat(150_000);
        assert_eq!(code(&long), "query_too_long");
        let words = (0..=MAX_TERMS).map(|i| format!("w{i}")).collect::<Vec<_>>();
        assert!(parse(&words[..MAX_TERMS].join(" ")).is_ok());
        assert_eq!(code(&words.join(" ")), "query_too_many_terms");
        assert_eq!(code(&words.join(" OR ")), "query_too_many_terms");
        let regexes = vec!["/a/"; MAX_REGEXES + 1].join(" ");
        assert_eq!(code(&regexes), "query_too_many_regexes");
    }

    /// What the page's worker asks before a search: a `/regex/` as the lexer reads it, in
    /// a build without regexes.
    #[test]
    fn a_full_build_is_needed_exactly_for_a_lexed_regex() {
        let regex = [
            "(Ghouta)/si[e]ge/",
            "/x/",
            "Ghouta -/siege/",
            "a OR /b\\/c/",
        ];
        let plain = [
            "a/b",
            "\"x /y/\"",
            "title:/x/",
            "Ghouta",
            "",
            "/unclosed",
            "a /b/ \"open",
        ];
        for q in regex {
            assert_eq!(needs_full_build(q), !pattern::AVAILABLE, "{q}");
        }
        for q in plain {
            assert!(!needs_full_build(q), "{q}");
        }
        assert!(!needs_full_build(&format!(
            "/x/ {}",
            "a".repeat(MAX_QUERY_BYTES)
        )));
    }

    #[test]
    fn a_bar_alone_is_or_and_notes_say_what_was_read_as_words() {
        assert_eq!(
            parse("Syria | Aleppo").unwrap(),
            parse("Syria OR Aleppo").unwrap()
        );
        let codes = |q: &str| {
            notes(q)
                .iter()
                .map(|m| (m.code.name().to_string(), m.message.clone()))
                .collect::<Vec<_>>()
        };
        let or = codes("Syria or Aleppo");
        assert_eq!(or.len(), 1);
        assert_eq!(or[0].0, "query_lower_or");
        assert!(or[0].1.starts_with("“or” was searched as a word"));
        assert_eq!(codes("Syria Or Aleppo").len(), 1);
        assert!(codes("Syria OR Aleppo").is_empty());
        assert!(codes("or Aleppo").is_empty(), "a leading or is just a word");
        assert_eq!(codes("date:2016 Aleppo")[0].0, "query_not_a_field");
        assert!(codes("date:2016")[0].1.contains("date:2016"));
        assert_eq!(codes("after:2016").len(), 1);
        assert_eq!(codes("foo:bar").len(), 1);
        for fine in [
            "lang:ar Syria",
            "source:AFP",
            "https://example.org",
            "title:Aleppo",
            "10:30",
            "\"unclosed",
        ] {
            assert!(codes(fine).is_empty(), "{fine}");
        }
    }
}
