//! Query text to a syntax tree. Grammar (operators are upper case; everything else is a
//! word):
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary+
//! unary   := ("-" | "NOT") unary | primary
//! primary := "(" or ")" | '"' text '"' | "=" word | word
//! ```
//! A malformed query is an [`Error`] with the byte offset of the problem, never a panic.

use crate::error::Error;

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
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

#[derive(Clone, Debug, PartialEq)]
enum Lexeme {
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
                let end = rest.find(close).ok_or_else(|| {
                    Error::query(
                        "this quotation mark is never closed: add a closing \" to end the phrase",
                        at,
                    )
                })?;
                out.push((at, Lexeme::Quoted(rest[..end].to_string())));
                let stop = at + c.len_utf8() + end;
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
    let lexemes = lex(query)?;
    if lexemes.is_empty() {
        return Ok(None);
    }
    let mut p = Parser {
        lexemes,
        at: 0,
        end: query.len(),
    };
    let node = p.or()?;
    if let Some((at, _)) = p.lexemes.get(p.at) {
        return Err(Error::query(
            "this closing parenthesis has no opening one",
            *at,
        ));
    }
    Ok(Some(node))
}

struct Parser {
    lexemes: Vec<(usize, Lexeme)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.at).map(|(_, l)| l)
    }

    fn offset(&self) -> usize {
        self.lexemes.get(self.at).map_or(self.end, |(at, _)| *at)
    }

    fn is_operator(&self, name: &str) -> bool {
        matches!(self.peek(), Some(Lexeme::Word(w)) if w == name)
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
            0 => Err(Error::query("a search term is missing here", self.offset())),
            1 => Ok(parts.remove(0)),
            _ => Ok(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Node, Error> {
        if matches!(self.peek(), Some(Lexeme::Minus)) || self.is_operator("NOT") {
            self.at += 1;
            if self.peek().is_none() {
                return Err(Error::query("nothing follows this exclusion", self.end));
            }
            return Ok(Node::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, Error> {
        let open_at = self.offset();
        let Some((_, lexeme)) = self.lexemes.get(self.at).cloned() else {
            return Err(Error::query("a search term is missing here", self.end));
        };
        self.at += 1;
        match lexeme {
            Lexeme::Open => {
                let inner = self.or()?;
                if !matches!(self.peek(), Some(Lexeme::Close)) {
                    return Err(Error::query("this parenthesis is never closed", open_at));
                }
                self.at += 1;
                Ok(inner)
            }
            Lexeme::Quoted(text) => Ok(Node::Phrase { text }),
            Lexeme::Word(w) => match w.strip_prefix('=') {
                Some(rest) if !rest.is_empty() => Ok(Node::Word {
                    text: rest.to_string(),
                    exact: true,
                }),
                _ => Ok(Node::Word {
                    text: w,
                    exact: false,
                }),
            },
            Lexeme::Close | Lexeme::Minus => {
                Err(Error::query("a search term is missing here", open_at))
            }
        }
    }
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
    fn malformed_queries_say_where() {
        let e = parse("Ghouta \"unclosed").unwrap_err();
        assert_eq!(e.offset(), Some(7));
        assert_eq!(parse("((a)").unwrap_err().offset(), Some(0));
        assert_eq!(parse("a )").unwrap_err().offset(), Some(2));
        assert!(parse("a OR").is_err());
        assert!(parse("-").is_err());
        assert!(parse("()").is_err());
    }
}
