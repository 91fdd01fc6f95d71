//! Cross-lingual expansion: a query rewritten so that a known name also finds the
//! entity's other names, in the other script above all (`Ghouta` → `Ghouta OR "الغوطة"`).
//! A word, a quoted phrase, or a run of plain words inside an AND (`Le Drian`,
//! `Eastern Ghouta`) that is exactly one of the lexicon's names becomes an OR of itself
//! and the entity's other names as phrases. A name that contains another one added
//! (`الغوطة الشرقية` beside `الغوطة`) adds nothing and is left out, which keeps the
//! rewritten query small. Numbers need no expansion: the analyzer already reads ٢٤٠١ as
//! 2401.

use super::entities::{Recognizer, MAX_NAME_WORDS};
use crate::analysis;
use crate::query::link::Expansion;
use crate::query::Node;

/// Names one match may add.
const MAX_ADDED: usize = 24;

pub(super) fn expand(r: &Recognizer, node: Node) -> (Node, Vec<Expansion>) {
    let mut out = Vec::new();
    let node = walk(r, node, &mut out);
    (node, out)
}

fn walk(r: &Recognizer, node: Node, out: &mut Vec<Expansion>) -> Node {
    match node {
        Node::Word { ref text, exact } if !exact => match alternatives(r, text, out) {
            Some(alts) => or(node, alts),
            None => node,
        },
        Node::Phrase { ref text } => match alternatives(r, text, out) {
            Some(alts) => or(node, alts),
            None => node,
        },
        Node::And(parts) => Node::And(runs(r, parts, out)),
        Node::Or(parts) => Node::Or(parts.into_iter().map(|p| walk(r, p, out)).collect()),
        Node::Same(parts) => Node::Same(parts),
        Node::Not(inner) => Node::Not(Box::new(walk(r, *inner, out))),
        Node::Title(inner) => Node::Title(Box::new(walk(r, *inner, out))),
        other => other,
    }
}

/// The typed words first, then the names added: one group scored by its best part.
fn or(node: Node, alternatives: Vec<Node>) -> Node {
    let mut parts = vec![node];
    parts.extend(alternatives);
    Node::Same(parts)
}

fn plain_word(node: &Node) -> Option<&str> {
    match node {
        Node::Word { text, exact: false } => Some(text),
        _ => None,
    }
}

/// The parts of an AND with each longest run of plain words that is one name replaced by
/// its expansion; other parts are walked on their own.
fn runs(r: &Recognizer, parts: Vec<Node>, out: &mut Vec<Expansion>) -> Vec<Node> {
    let mut result = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let run_end = (i..parts.len())
            .take_while(|&k| plain_word(&parts[k]).is_some())
            .last()
            .map_or(i, |k| k + 1)
            .min(i + MAX_NAME_WORDS);
        let found = (i + 2..=run_end).rev().find_map(|j| {
            let text = parts[i..j]
                .iter()
                .filter_map(plain_word)
                .collect::<Vec<_>>()
                .join(" ");
            alternatives(r, &text, out).map(|alts| (j, alts))
        });
        match found {
            Some((j, alts)) => {
                result.push(or(Node::And(parts[i..j].to_vec()), alts));
                i = j;
            }
            None => {
                result.push(walk(r, parts[i].clone(), out));
                i += 1;
            }
        }
    }
    result
}

/// When `text` is exactly a name: the other names of its entities as phrases, recorded in
/// `out`.
fn alternatives(r: &Recognizer, text: &str, out: &mut Vec<Expansion>) -> Option<Vec<Node>> {
    let words = analysis::words(text, &analysis::Config::default());
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let keys = r.keys(&words);
    let best = r.match_at(&keys, 0)?;
    let name = &r.names[best.name as usize];
    if name.terms.len() != words.len() {
        return None;
    }
    let written_so = r.fits(&keys, 0, best.name).is_some_and(|f| f.1);
    // Every entity the words name as well as the best: "Assad" may be more than one
    // person; but a name written exactly as typed outranks one that only stems alike.
    let mut entities: Vec<u32> = vec![name.entity];
    for (n, other) in r.names.iter().enumerate() {
        let alike = other.terms == name.terms
            && r.fits(&keys, 0, n as u32)
                .is_some_and(|f| f.1 == written_so);
        if alike && !entities.contains(&other.entity) {
            entities.push(other.entity);
        }
    }
    let mut added: Vec<&super::entities::Name> = Vec::new();
    for other in r.names.iter().filter(|m| entities.contains(&m.entity)) {
        let redundant = contains(&other.terms, &name.terms)
            || added.iter().any(|a| contains(&other.terms, &a.terms));
        if redundant {
            continue;
        }
        // A shorter name added now may make earlier, longer ones redundant.
        added.retain(|a| !contains(&a.terms, &other.terms));
        added.push(other);
    }
    added.truncate(MAX_ADDED);
    if added.is_empty() {
        return None;
    }
    let from_arabic = words
        .iter()
        .any(|w| w.script == crate::analysis::Script::Arabic);
    // The other script's names first: they are what the user could not type.
    added.sort_by_key(|a| a.arabic == from_arabic);
    let entity = r
        .entry(entities[0])
        .map(|e| e.id.clone())
        .unwrap_or_default();
    out.push(Expansion {
        from: text.to_string(),
        to: added.iter().map(|a| a.text.to_string()).collect(),
        entity,
        entities,
    });
    Some(
        added
            .iter()
            .map(|a| Node::Phrase {
                text: a.text.to_string(),
            })
            .collect(),
    )
}

/// Whether `inner` occurs in `outer` as a contiguous run.
fn contains(outer: &[u32], inner: &[u32]) -> bool {
    inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bilingual::lexicon::Lexicon;
    use crate::query::parse;

    fn recognizer() -> Recognizer {
        let text = include_str!("../../tests/data/lexicon-small.tsv");
        Recognizer::new(Lexicon::parse(text).expect("test lexicon"))
    }

    fn expanded(query: &str) -> (Node, Vec<Expansion>) {
        let node = parse(query).expect("parses").expect("not empty");
        expand(&recognizer(), node)
    }

    fn phrase(text: &str) -> Node {
        Node::Phrase {
            text: text.to_string(),
        }
    }

    fn word(text: &str) -> Node {
        Node::Word {
            text: text.to_string(),
            exact: false,
        }
    }

    #[test]
    fn a_name_gains_its_other_spellings() {
        let (node, exp) = expanded("Ghouta");
        assert_eq!(node, Node::Same(vec![word("Ghouta"), phrase("الغوطة")]));
        assert_eq!(exp.len(), 1);
        assert_eq!(exp[0].entity, "region:eastern-ghouta");
        assert_eq!(exp[0].to, ["الغوطة"]);
        let (node, _) = expanded("بالغوطة");
        assert_eq!(node, Node::Same(vec![word("بالغوطة"), phrase("Ghouta")]));
    }

    #[test]
    fn runs_of_words_are_names() {
        let (node, exp) = expanded("Le Drian visit");
        let Node::And(parts) = node else {
            panic!("an AND")
        };
        assert_eq!(parts[1], word("visit"));
        let Node::Same(alts) = &parts[0] else {
            panic!("an OR")
        };
        assert_eq!(alts[0], Node::And(vec![word("Le"), word("Drian")]));
        assert!(alts.contains(&phrase("لودريان")));
        assert_eq!(exp[0].from, "Le Drian");
        let (_, exp) = expanded("Macron Rouhani");
        let ids: Vec<&str> = exp.iter().map(|e| e.entity.as_str()).collect();
        assert_eq!(ids, ["person:emmanuel-macron", "person:hassan-rouhani"]);
    }

    #[test]
    fn exact_words_regexes_and_unknown_words_stay() {
        for query in ["=Ghouta", "siege", "/Ghouta/", "Ghout*", "lang:ar"] {
            let (node, exp) = expanded(query);
            assert_eq!(Some(node), parse(query).expect("parses"), "{query}");
            assert!(exp.is_empty(), "{query}");
        }
        let (node, _) = expanded("-Putin");
        let Node::Not(inner) = node else {
            panic!("a NOT")
        };
        assert!(matches!(*inner, Node::Same(_)));
    }
}
