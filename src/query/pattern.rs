//! `/regex/` search over the original text: the one place that knows whether this build
//! has regular expressions. With the `regex` feature a [`Pattern`] is a `regex-lite`
//! expression; without it (the page's start-up build) [`Pattern`] is a type with no values
//! and compiling one answers `query_no_regex`, so the parser, the planner and the snippets
//! are written once for both builds.
//!
//! `regex-lite` searches in time linear in text size × compiled size, but it cannot be
//! interrupted, and finding every match re-scans text after each one. So the work of one
//! search is bounded by counting, never by the clock: a [`Budget`] of work units, where
//! reading a text costs its length × the pattern's compiled size and each match costs
//! [`MATCH_COST`] bytes more at that rate. A text the budget cannot pay for is not read at
//! all, and the caller says the answer is partial. One text yields at most [`MAX_MATCHES`]
//! matches.

use std::cell::Cell;

/// Work units one search may spend (text bytes × compiled pattern bytes). Measured
/// natively at about 0.25 ns per unit on the shared corpus (`/si[e]ge|حصار/` and
/// `/(.*){1000}/` alike), so about 4 s at most; a simple pattern (300–600 compiled bytes)
/// may read 25–50 MB of text. The figures are in the `query` notes.
pub const WORK_LIMIT: u64 = 16_000_000_000;
/// What one match costs, in bytes read at the pattern's rate: each match restarts the
/// search, which sets up its state anew.
pub const MATCH_COST: u64 = 8;
/// Matches read from one text; a score counts no more (its term frequency has saturated
/// long before), and a highlight marks no more. It also bounds what the budget cannot
/// see: after each match the engine may re-read the rest of the text (`/[^X]+Y|./`), so
/// one text costs at most this many re-reads.
pub const MAX_MATCHES: usize = 2_000;

/// Work units left for regex searching, shared by every pattern of one query. Interior
/// mutability lets the snippet code, which only borrows what it marks with, spend it.
#[derive(Clone, Debug)]
pub struct Budget {
    left: Cell<u64>,
    short: Cell<bool>,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(WORK_LIMIT)
    }
}

impl Budget {
    pub fn new(units: u64) -> Self {
        Budget {
            left: Cell::new(units),
            short: Cell::new(false),
        }
    }

    /// Records that some work was not done (a text's matches cut at [`MAX_MATCHES`]).
    pub fn note_short(&self) {
        self.short.set(true);
    }

    /// Whether some text went unread or some matches uncounted for want of budget.
    pub fn ran_short(&self) -> bool {
        self.short.get()
    }

    /// Units spent so far out of `of` (for tests and measurements).
    pub fn spent(&self, of: u64) -> u64 {
        of - self.left.get()
    }
}

/// How far [`Pattern::scan`] got through a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scanned {
    /// Every match was handed over.
    All,
    /// The first matches were, then [`MAX_MATCHES`] or the budget stopped it.
    Capped,
    /// The budget could not pay for reading the text: nothing was read.
    Unread,
}

#[cfg(feature = "regex")]
mod engine {
    use super::{Budget, Scanned, MATCH_COST, MAX_MATCHES};
    use crate::message::{Code, Message};
    use regex_lite::{Regex, RegexBuilder};

    /// Whether this build searches regular expressions.
    pub const AVAILABLE: bool = true;
    pub const MAX_PATTERN: usize = 1_000;
    /// Compiled size in bytes (regex-lite's own count) above which a pattern is refused.
    pub const SIZE_LIMIT: usize = 1 << 20;
    const NEST_LIMIT: u32 = 100;

    /// A compiled pattern and its compiled size, the rate at which it spends work.
    #[derive(Clone, Debug)]
    pub struct Pattern {
        re: Regex,
        size: u64,
    }

    /// Takes `units` from `budget` if it has that many left; otherwise takes nothing and
    /// remembers that some work was not done.
    fn take(budget: &Budget, units: u64) -> bool {
        match budget.left.get().checked_sub(units) {
            Some(rest) => {
                budget.left.set(rest);
                true
            }
            None => {
                budget.note_short();
                false
            }
        }
    }

    fn build(pattern: &str, limit: usize) -> Result<Regex, regex_lite::Error> {
        RegexBuilder::new(pattern)
            .size_limit(limit)
            .nest_limit(NEST_LIMIT)
            .build()
    }

    impl Pattern {
        /// Compiles a user's pattern, or says what is wrong with it.
        pub fn compile(pattern: &str) -> Result<Pattern, Message> {
            if pattern.is_empty() {
                return Err(Code::QueryRegexEmpty.into());
            }
            if pattern.len() > MAX_PATTERN {
                let max = [("max", MAX_PATTERN.to_string())];
                return Err(Message::new(Code::QueryRegexTooLong, max));
            }
            let re = build(pattern, SIZE_LIMIT).map_err(|e| {
                // The regex library's own words, after our English lead-in.
                let detail = e.to_string();
                let first = detail.lines().find(|l| !l.trim().is_empty());
                let detail = [("detail", first.unwrap_or(&detail).trim().to_string())];
                Message::new(Code::QueryRegexInvalid, detail)
            })?;
            Ok(Pattern {
                size: compiled_size(pattern) as u64,
                re,
            })
        }

        /// Hands the byte range of each match in `text` to `each` (empty matches too),
        /// spending `budget`.
        pub fn scan(
            &self,
            text: &str,
            budget: &Budget,
            mut each: impl FnMut(usize, usize),
        ) -> Scanned {
            let rate = self.size.max(1);
            if !take(budget, (text.len() as u64 + 1).saturating_mul(rate)) {
                return Scanned::Unread;
            }
            for (n, m) in self.re.find_iter(text).enumerate() {
                if n == MAX_MATCHES || !take(budget, MATCH_COST.saturating_mul(rate)) {
                    return Scanned::Capped;
                }
                each(m.start(), m.end());
            }
            Scanned::All
        }
    }

    /// The compiled size of a pattern that compiles within [`SIZE_LIMIT`]: the smallest
    /// size limit it compiles under, found by doubling, then halving the gap three times
    /// (so at most 1/8 too high). regex-lite does not report the size itself.
    fn compiled_size(pattern: &str) -> usize {
        let mut high = 1 << 9;
        while high < SIZE_LIMIT && build(pattern, high).is_err() {
            high *= 2;
        }
        let mut low = high / 2;
        for _ in 0..3 {
            let mid = low + (high - low) / 2;
            if build(pattern, mid).is_ok() {
                high = mid;
            } else {
                low = mid;
            }
        }
        high
    }

    #[cfg(test)]
    mod tests {
        use super::super::WORK_LIMIT;
        use super::*;

        /// The work a scan spends is counted, not timed: reading costs text bytes × the
        /// compiled size, each match [`MATCH_COST`] bytes more; a text the budget cannot
        /// pay for is not read and costs nothing.
        #[test]
        fn scans_spend_counted_work() {
            let simple = Pattern::compile("Ghouta").unwrap();
            let costly = Pattern::compile("(.*){1000}").unwrap();
            assert!(simple.size < 1_000, "{}", simple.size);
            assert!(costly.size > 100_000, "{}", costly.size);
            let text = "Ghouta, Ghouta and Ghouta";
            let budget = Budget::default();
            let mut n = 0;
            assert_eq!(simple.scan(text, &budget, |_, _| n += 1), Scanned::All);
            let want = (text.len() as u64 + 1 + 3 * MATCH_COST) * simple.size;
            assert_eq!((n, budget.spent(WORK_LIMIT)), (3, want));
            assert!(!budget.ran_short());
            // Half a megabyte is more than the costly pattern may read.
            let big = "x".repeat(500_000);
            let budget = Budget::default();
            assert_eq!(costly.scan(&big, &budget, |_, _| ()), Scanned::Unread);
            assert_eq!(budget.spent(WORK_LIMIT), 0);
            assert!(budget.ran_short());
            // A text reads at most MAX_MATCHES matches.
            let dots = Pattern::compile(".").unwrap();
            let mut n = 0;
            let scanned = dots.scan(&big, &Budget::default(), |_, _| n += 1);
            assert_eq!((scanned, n), (Scanned::Capped, MAX_MATCHES));
        }

        #[test]
        fn bad_patterns_say_why() {
            let code = |p: &str| Pattern::compile(p).unwrap_err().code.name();
            assert_eq!(code(""), "query_regex_empty");
            assert_eq!(code(&"a".repeat(MAX_PATTERN + 1)), "query_regex_too_long");
            assert_eq!(code("[a"), "query_regex_invalid");
            assert_eq!(code("(a{1000}){1000}"), "query_regex_invalid");
        }
    }
}

#[cfg(not(feature = "regex"))]
mod engine {
    use super::{Budget, Scanned};
    use crate::message::{Code, Message};

    /// Whether this build searches regular expressions.
    pub const AVAILABLE: bool = false;

    /// No value exists: this build has no regular expressions.
    #[derive(Clone, Debug)]
    pub enum Pattern {}

    impl Pattern {
        /// Always the answer that this build has no regular expressions.
        pub fn compile(_pattern: &str) -> Result<Pattern, Message> {
            Err(Code::QueryNoRegex.into())
        }

        pub fn scan(&self, _: &str, _: &Budget, _: impl FnMut(usize, usize)) -> Scanned {
            match *self {}
        }
    }
}

pub use engine::{Pattern, AVAILABLE};

#[cfg(test)]
mod tests {
    use super::*;

    /// Both builds compile the same code: the full one searches, the small one says it
    /// cannot, with the code the page translates.
    #[test]
    fn compiles_or_says_this_build_cannot() {
        let compiled = Pattern::compile("si[e]ge");
        assert_eq!(compiled.is_ok(), AVAILABLE);
        match compiled {
            Ok(p) => {
                let mut found = Vec::new();
                let budget = Budget::default();
                let scanned = p.scan("the siege of", &budget, |s, e| found.push((s, e)));
                assert_eq!((scanned, found), (Scanned::All, vec![(4, 9)]));
            }
            Err(m) => assert_eq!(m.code.name(), "query_no_regex"),
        }
    }
}
