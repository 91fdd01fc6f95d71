//! `/regex/` search over the original text, with the `regex-lite` crate: its searches take
//! time linear in pattern size × text size, whatever the pattern, so no query can hang the
//! page. Work is bounded too, by counting, never by the clock: a pattern may be at most
//! [`MAX_PATTERN`] bytes and compile to at most [`SIZE_LIMIT`] bytes, and one search reads
//! at most [`MAX_SCANNED`] bytes of text, after which it stops and says so.

use regex_lite::{Regex, RegexBuilder};

pub const MAX_PATTERN: usize = 1_000;
pub const SIZE_LIMIT: usize = 1 << 20;
/// Bytes of article text one regex search may read (titles and bodies).
pub const MAX_SCANNED: usize = 256 << 20;

/// Compiles a user's pattern, or says what is wrong with it.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    if pattern.is_empty() {
        return Err("this regular expression is empty".to_string());
    }
    if pattern.len() > MAX_PATTERN {
        return Err(format!(
            "this regular expression is longer than {MAX_PATTERN} bytes"
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(SIZE_LIMIT)
        .nest_limit(100)
        .build()
        .map_err(|e| {
            format!(
                "this regular expression cannot be read: {}",
                first_line(&e.to_string())
            )
        })
}

fn first_line(s: &str) -> &str {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or(s).trim()
}

/// Byte ranges of the matches of `re` in `text`.
pub fn matches(re: &Regex, text: &str) -> Vec<(usize, usize)> {
    re.find_iter(text)
        .filter(|m| m.end() > m.start())
        .map(|m| (m.start(), m.end()))
        .collect()
}
