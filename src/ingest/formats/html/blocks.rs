//! A page as a list of text blocks: each run of text between block boundaries (a
//! paragraph, a heading, a list item, a `<br>`), with the element that holds it and how
//! much of it is link text. Dropped subtrees (scripts, hidden parts, furniture) are
//! skipped. White space is collapsed as a browser renders it; `<pre>` keeps its lines.

use super::tree::{Data, Dom, NodeId};

/// One run of text.
#[derive(Clone, Debug)]
pub struct Block {
    /// The nearest block-level element around the text.
    pub owner: NodeId,
    pub text: String,
    /// Characters other than white space, and those inside links.
    pub chars: usize,
    pub link_chars: usize,
}

/// Elements that do not break the text flow.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "nobr", "label", "img", "picture", "wbr",
];

pub fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// The blocks under `root`, in document order, skipping nodes where `gone` is true.
pub fn blocks(dom: &Dom, root: NodeId, gone: &[bool]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Current::default();
    // (node, entering); owners is the stack of open block elements.
    let mut todo: Vec<(NodeId, bool)> = vec![(root, true)];
    let mut owners: Vec<NodeId> = vec![root];
    let mut links = 0usize;
    let mut pre = 0usize;
    while let Some((id, entering)) = todo.pop() {
        if gone.get(id).copied().unwrap_or(false) {
            continue;
        }
        let name = dom.name(id);
        match &dom.nodes[id].data {
            Data::Text(t) => {
                cur.push(
                    t,
                    links > 0,
                    pre > 0,
                    &mut out,
                    *owners.last().unwrap_or(&root),
                );
                continue;
            }
            Data::Document => {}
            Data::Element { .. } => {}
        }
        let block = !is_inline(name) && id != root;
        if entering {
            if name == "br" || name == "hr" {
                cur.flush(&mut out, *owners.last().unwrap_or(&root));
                continue;
            }
            if block {
                cur.flush(&mut out, *owners.last().unwrap_or(&root));
                owners.push(id);
            }
            if name == "a" {
                links += 1;
            }
            if name == "pre" {
                pre += 1;
            }
            todo.push((id, false));
            for &c in dom.children(id).iter().rev() {
                todo.push((c, true));
            }
        } else {
            if name == "a" {
                links = links.saturating_sub(1);
            }
            if name == "pre" {
                pre = pre.saturating_sub(1);
            }
            if block {
                cur.flush(&mut out, id);
                owners.pop();
            }
        }
    }
    cur.flush(&mut out, *owners.last().unwrap_or(&root));
    out
}

#[derive(Default)]
struct Current {
    text: String,
    chars: usize,
    link_chars: usize,
    /// A space is owed before the next visible character.
    space: bool,
}

impl Current {
    fn push(&mut self, t: &str, link: bool, pre: bool, out: &mut Vec<Block>, owner: NodeId) {
        for c in t.chars() {
            if pre && c == '\n' {
                self.flush(out, owner);
                continue;
            }
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
    }

    fn flush(&mut self, out: &mut Vec<Block>, owner: NodeId) {
        if self.chars > 0 {
            out.push(Block {
                owner,
                text: std::mem::take(&mut self.text),
                chars: self.chars,
                link_chars: self.link_chars,
            });
        }
        *self = Current::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_follow_rendering() {
        let dom = Dom::parse(
            "<div>Intro <b>bold</b>\n text<p>One <a href=#>link</a>.</p>tail<br>next<pre>a\nb</pre></div>",
        );
        let gone = vec![false; dom.nodes.len()];
        let b = blocks(&dom, 0, &gone);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Intro bold text", "One link.", "tail", "next", "a", "b"]
        );
        assert_eq!(dom.name(b[1].owner), "p");
        assert_eq!((b[1].chars, b[1].link_chars), (8, 4));
        assert_eq!(dom.name(b[2].owner), "div");
    }
}
