//! Finding the article in a page, readability-style, in our own code: score text blocks
//! (longer, comma-rich paragraphs score more), give each block's score to the elements
//! around it, discount links, pick the best-scoring element, take in siblings that score
//! well too, and then drop what inside it is still furniture (link lists, short labels).
//! Class and id words only nudge scores ([`classes`]): the decision rests on text shape,
//! so pages no rule has seen (Arabic ones included) are read the same way.

use super::blocks::{blocks, Block};
use super::classes::{self, Hint};
use super::tree::{Dom, NodeId};

/// Elements never part of an article's text.
const DROP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "map",
    "head",
    "title",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "nav",
    "aside",
    "footer",
    "dialog",
    "menu",
    "header",
    "figcaption",
    "label",
];

/// Owners that are paragraphs themselves; their score goes to their parent.
const PARAGRAPHS: &[&str] = &[
    "p",
    "pre",
    "td",
    "th",
    "li",
    "dd",
    "dt",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "address",
    "caption",
];

pub struct Extracted {
    pub paragraphs: Vec<String>,
    /// Nodes dropped as never text or furniture (their `<time>` dates nothing).
    pub gone: Vec<bool>,
}

/// Per-node sums over the blocks under it.
#[derive(Clone, Copy, Default)]
struct Stats {
    chars: usize,
    links: usize,
    /// Characters of paragraph-like blocks (long, few links).
    prose: usize,
    commas: usize,
}

fn commas(s: &str) -> usize {
    s.chars().filter(|c| matches!(c, ',' | '،')).count()
}

/// A paragraph of running text: long, several words, few of its characters in links.
fn is_prose(b: &Block) -> bool {
    b.chars >= 80 && b.link_chars * 3 < b.chars && b.text.split_whitespace().nth(7).is_some()
}

/// Sums block stats up the tree: every ancestor of a block's owner gets its numbers.
fn stats(dom: &Dom, list: &[Block]) -> Vec<Stats> {
    let mut own = vec![Stats::default(); dom.nodes.len()];
    for b in list {
        let s = &mut own[b.owner];
        s.chars += b.chars;
        s.links += b.link_chars;
        s.commas += commas(&b.text);
        if is_prose(b) {
            s.prose += b.chars;
        }
    }
    // Children have larger ids than their parents: one pass from the end sums subtrees.
    for id in (1..dom.nodes.len()).rev() {
        let s = own[id];
        let p = dom.nodes[id].parent;
        let t = &mut own[p];
        t.chars += s.chars;
        t.links += s.links;
        t.prose += s.prose;
        t.commas += s.commas;
    }
    own
}

/// Marks subtrees that are never text: dropped elements, hidden ones, and link clusters
/// inside a line ([`link_clusters`]).
fn hard_drops(dom: &Dom) -> Vec<bool> {
    let cluster = link_clusters(dom);
    let mut gone = vec![false; dom.nodes.len()];
    for id in 1..dom.nodes.len() {
        let p = dom.nodes[id].parent;
        gone[id] =
            gone[p] || DROP.contains(&dom.name(id)) || classes::hidden(dom, id) || cluster[id];
    }
    gone
}

/// Inline elements (`span`, `b`, ...) that hold nothing but two links or more: a card or
/// pop-up a page hides inside a sentence ("Rep. <a>Name</a><span><a>Name</a><a>Other
/// story</a></span>"), shown on hover, never read as part of the line.
fn link_clusters(dom: &Dom) -> Vec<bool> {
    let n = dom.nodes.len();
    // Per node: text characters, those inside links, and links.
    let mut chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    let mut links = vec![0usize; n];
    for id in (1..n).rev() {
        if let Some(t) = dom.text(id) {
            chars[id] += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        if dom.name(id) == "a" {
            links[id] += 1;
            link_chars[id] = chars[id];
        }
        let p = dom.nodes[id].parent;
        chars[p] += chars[id];
        link_chars[p] += link_chars[id];
        links[p] += links[id];
    }
    (0..n)
        .map(|id| {
            super::blocks::is_inline(dom.name(id))
                && dom.name(id) != "a"
                && links[id] >= 2
                && chars[id] >= 40
                && link_chars[id] == chars[id]
        })
        .collect()
}

pub fn extract(dom: &Dom, title: &str) -> Extracted {
    let mut gone = hard_drops(dom);
    let first = blocks(dom, 0, &gone);
    let st = stats(dom, &first);
    let total_prose = st[0].prose.max(1);
    // Furniture by class or id, unless it holds much of the page's prose (a page that
    // calls its whole main column "sidebar-content" keeps its article).
    let hints: Vec<Hint> = (0..dom.nodes.len())
        .map(|id| classes::hint(dom, id))
        .collect();
    for id in 1..dom.nodes.len() {
        let p = dom.nodes[id].parent;
        if gone[p] {
            gone[id] = true;
            continue;
        }
        let protected = matches!(dom.name(id), "body" | "html" | "main")
            || st[id].prose * 10 >= total_prose * 3;
        let weak = hints[id].weak_negative && !hints[id].negative && !hints[id].positive;
        if !protected && (hints[id].negative || (weak && st[id].prose == 0)) {
            gone[id] = true;
        }
    }
    let list = blocks(dom, 0, &gone);
    let st = stats(dom, &list);
    let Some(root) = top_candidate(dom, &list, &st, &hints) else {
        return Extracted {
            paragraphs: Vec::new(),
            gone,
        };
    };
    let parts = with_siblings(dom, root, &list, &st, &hints);
    let mut keep = vec![false; dom.nodes.len()];
    for &p in &parts {
        for d in dom.descendants(p) {
            keep[d] = true;
        }
    }
    let fishy = fishy_containers(dom, &keep, &st, &hints);
    let folded_title = fold_words(title);
    let mut paragraphs = Vec::new();
    for b in &list {
        if !keep[b.owner] || fishy[b.owner] {
            continue;
        }
        if b.link_chars * 2 > b.chars && b.chars < 200 {
            continue;
        }
        if matches!(dom.name(b.owner), "h1") && fold_words(&b.text) == folded_title {
            continue;
        }
        paragraphs.push(b.text.clone());
    }
    Extracted { paragraphs, gone }
}

/// Every text block of a fragment (an `articleBody` written as HTML), scripts and hidden
/// parts aside.
pub fn all_blocks(dom: &Dom) -> Vec<String> {
    let gone = hard_drops(dom);
    blocks(dom, 0, &gone).into_iter().map(|b| b.text).collect()
}

fn fold_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn initial_score(dom: &Dom, id: NodeId, hints: &[Hint]) -> f64 {
    let tag = match dom.name(id) {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let h = hints[id];
    let class = match (h.positive, h.negative) {
        (true, false) => 25.0,
        (false, true) => -25.0,
        _ => 0.0,
    };
    tag + class
}

/// The element the article most likely is.
fn top_candidate(dom: &Dom, list: &[Block], st: &[Stats], hints: &[Hint]) -> Option<NodeId> {
    let mut score: Vec<Option<f64>> = vec![None; dom.nodes.len()];
    for b in list {
        if b.chars < 25 {
            continue;
        }
        let owner_name = dom.name(b.owner);
        if matches!(owner_name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            continue;
        }
        let value = 1.0 + commas(&b.text) as f64 + (b.chars as f64 / 100.0).min(3.0);
        let mut node = if PARAGRAPHS.contains(&owner_name) {
            dom.parent(b.owner)
        } else {
            Some(b.owner)
        };
        for level in 0..5 {
            let Some(n) = node else { break };
            if n == 0 {
                break;
            }
            let s = score[n].get_or_insert_with(|| initial_score(dom, n, hints));
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *s += value / divider;
            node = dom.parent(n);
        }
    }
    let final_score = |n: NodeId| -> Option<f64> {
        let s = score[n]?;
        let ld = st[n].links as f64 / st[n].chars.max(1) as f64;
        Some(s * (1.0 - ld))
    };
    let mut best: Option<(NodeId, f64)> = None;
    for n in 0..dom.nodes.len() {
        if let Some(s) = final_score(n) {
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((n, s));
            }
        }
    }
    let (mut top, mut top_score) = best?;
    // Climb while the parent scores higher (the article's paragraphs were split among
    // several children of one column).
    let mut last = top_score;
    let mut up = dom.parent(top);
    while let Some(p) = up {
        if p == 0 || dom.name(p) == "body" {
            break;
        }
        match final_score(p) {
            Some(s) if s > last => {
                last = s;
                if s > top_score {
                    top = p;
                    top_score = s;
                }
            }
            Some(s) if s >= top_score * 0.9 && st[p].prose <= st[top].prose + st[top].prose / 5 => {
                // Barely more text above: the parent is just a wrapper.
                last = s;
            }
            _ => break,
        }
        up = dom.parent(p);
    }
    // An only child stands for its parent.
    while let Some(p) = dom.parent(top) {
        if p == 0
            || dom.name(p) == "body"
            || dom
                .children(p)
                .iter()
                .filter(|&&c| !dom.name(c).is_empty())
                .count()
                != 1
        {
            break;
        }
        top = p;
    }
    Some(top)
}

/// The chosen element with the siblings that look like more of the article.
fn with_siblings(
    dom: &Dom,
    top: NodeId,
    list: &[Block],
    st: &[Stats],
    hints: &[Hint],
) -> Vec<NodeId> {
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    let top_prose = st[top].prose.max(1);
    let top_class = dom.attr(top, "class").unwrap_or("");
    // Whether each element's last text ends a sentence (for lone short paragraphs).
    let mut ends_sentence = vec![false; dom.nodes.len()];
    for b in list {
        ends_sentence[b.owner] = b.text.trim_end().ends_with(['.', '!', '?', '؟']);
    }
    let mut out = Vec::new();
    for &s in dom.children(parent) {
        if s == top {
            out.push(s);
            continue;
        }
        if dom.name(s).is_empty() || hints[s].negative {
            continue;
        }
        let same_class = !top_class.is_empty() && dom.attr(s, "class") == Some(top_class);
        let ld = st[s].links as f64 / st[s].chars.max(1) as f64;
        let prose_ok = st[s].prose * 5 >= top_prose && ld < 0.25;
        let paragraph = dom.name(s) == "p" && {
            let text: String = list
                .iter()
                .filter(|b| b.owner == s)
                .map(|b| b.text.as_str())
                .collect();
            let n = st[s].chars;
            (n > 80 && ld < 0.25)
                || (n > 0 && ld == 0.0 && text.trim_end().ends_with(['.', '!', '?', '؟']))
        };
        if prose_ok || paragraph || (same_class && st[s].prose > 0) {
            out.push(s);
        }
    }
    out
}

/// Containers inside the article that are furniture by shape: mostly links, or lists of
/// short link items, with few commas.
fn fishy_containers(dom: &Dom, keep: &[bool], st: &[Stats], hints: &[Hint]) -> Vec<bool> {
    let mut fishy = vec![false; dom.nodes.len()];
    for id in 1..dom.nodes.len() {
        let p = dom.nodes[id].parent;
        if fishy[p] {
            fishy[id] = true;
            continue;
        }
        if !keep[id] {
            continue;
        }
        let name = dom.name(id);
        if !matches!(
            name,
            "div" | "section" | "ul" | "ol" | "table" | "dl" | "form" | "figure"
        ) {
            continue;
        }
        let s = st[id];
        if s.chars == 0 || s.commas >= 10 {
            continue;
        }
        let ld = s.links as f64 / s.chars as f64;
        let limit = if hints[id].positive { 0.5 } else { 0.25 };
        let list_of_links = matches!(name, "ul" | "ol") && ld > 0.3;
        if ld > limit || list_of_links {
            fishy[id] = true;
        }
    }
    fishy
}
