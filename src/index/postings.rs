//! Term → postings. Every token of an article gets a position: the title's tokens come
//! first, then one gap, then the body's, so a phrase never runs from title into body and
//! the field of a position is known from the title's length. A word is indexed under its
//! main term and, separately, under each alternative reading (see `analysis::Token::terms`),
//! so ranking can weigh the two differently.

use crate::analysis::Token;
use std::collections::HashMap;

/// Which reading of a word a posting records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Main,
    Alternative,
}

/// Where one term occurs in one article. Positions are ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub positions: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
pub struct Postings {
    main: HashMap<String, Vec<Posting>>,
    alternative: HashMap<String, Vec<Posting>>,
    /// Exact surface forms (`=word` search), keyed by `Token::exact`.
    exact: HashMap<String, Vec<Posting>>,
}

/// The position of the first body token, given the number of title tokens.
pub fn body_start(title_tokens: u32) -> u32 {
    title_tokens + 1
}

impl Postings {
    /// Indexes one article's tokens. `doc` must be larger than every id added before, so
    /// posting lists stay sorted by id without sorting.
    pub fn add(&mut self, doc: u32, title: &[Token], body: &[Token]) {
        let mut main: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut alternative: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut exact: HashMap<&str, Vec<u32>> = HashMap::new();
        let body_at = body_start(title.len() as u32);
        let positioned = title.iter().enumerate().map(|(i, t)| (i as u32, t)).chain(
            body.iter()
                .enumerate()
                .map(|(i, t)| (body_at + i as u32, t)),
        );
        for (pos, token) in positioned {
            main.entry(&token.term).or_default().push(pos);
            for alt in &token.terms[1..] {
                alternative.entry(alt).or_default().push(pos);
            }
            exact.entry(&token.exact).or_default().push(pos);
        }
        for (map, terms) in [
            (&mut self.main, main),
            (&mut self.alternative, alternative),
            (&mut self.exact, exact),
        ] {
            for (term, positions) in terms {
                map.entry(term.to_string())
                    .or_default()
                    .push(Posting { doc, positions });
            }
        }
    }

    /// Removes every posting of `doc`; terms left with none are dropped.
    pub fn remove(&mut self, doc: u32) {
        for map in [&mut self.main, &mut self.alternative, &mut self.exact] {
            map.retain(|_, list| {
                if let Ok(i) = list.binary_search_by_key(&doc, |p| p.doc) {
                    list.remove(i);
                }
                !list.is_empty()
            });
        }
    }

    pub fn get(&self, term: &str, reading: Reading) -> &[Posting] {
        let map = match reading {
            Reading::Main => &self.main,
            Reading::Alternative => &self.alternative,
        };
        map.get(term).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn get_exact(&self, form: &str) -> &[Posting] {
        self.exact.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of distinct main terms.
    pub fn terms(&self) -> usize {
        self.main.len()
    }
}

/// The posting of `doc` in a list sorted by id.
pub fn find(list: &[Posting], doc: u32) -> Option<&Posting> {
    list.binary_search_by_key(&doc, |p| p.doc)
        .ok()
        .map(|i| &list[i])
}
