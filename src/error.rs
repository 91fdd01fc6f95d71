//! One error type for the whole core. Untrusted input (files, queries, saved bytes) reports
//! problems as values of this type; nothing that came from outside may panic.

use std::fmt;

use crate::message::Message;

/// What went wrong, in broad classes a caller can act on. New kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A query could not be read; `offset` says where (in bytes of the query).
    Query,
    /// Saved corpus bytes are damaged, truncated or of another format version.
    Format,
    /// An id or name that the corpus does not hold.
    NotFound,
    /// An option out of its range or unknown (a sort key, an n-gram size).
    Invalid,
    /// A lexicon file could not be read; the message names the line and column.
    Lexicon,
}

/// An error with a kind, a message for people (with a code the page translates) and, for
/// queries, a byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: Message,
    offset: Option<usize>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<Message>) -> Self {
        Error {
            kind,
            message: message.into(),
            offset: None,
        }
    }

    pub fn query(message: impl Into<Message>, offset: usize) -> Self {
        Error {
            kind: ErrorKind::Query,
            message: message.into(),
            offset: Some(offset),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message in English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message with its code and args.
    pub fn as_message(&self) -> &Message {
        &self.message
    }

    pub fn into_message(self) -> Message {
        self.message
    }

    /// Byte offset into the query where a query error was found.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(at) => write!(f, "{} (at {})", self.message, at),
            None => f.write_str(self.message()),
        }
    }
}

impl std::error::Error for Error {}
