//! A small tree builder over the tokenizer: elements and text in an arena, with the parts
//! of the HTML standard's tree construction that shape real pages — void elements,
//! paragraphs closed by the next block, list items and table cells closed by their
//! siblings, end tags that do not cross a table cell — and nothing that runs code. Nesting
//! deeper than [`MAX_DEPTH`] is flattened, so every later walk is bounded.

use super::tokenizer::{tokenize, Token};

/// Index of a node in [`Dom::nodes`]; 0 is the document.
pub type NodeId = usize;

#[derive(Clone, Debug)]
pub enum Data {
    Document,
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub parent: NodeId,
    pub children: Vec<NodeId>,
    pub data: Data,
}

pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Open elements deeper than this are not opened: their content goes to the last one.
pub const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements an end tag does not look past for its match (the standard's "scope").
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "applet", "object", "marquee",
];

/// Known HTML elements that are never self-closing: `<div/>` opens a div, as in browsers.
const CONTAINERS: &[&str] = &[
    "a",
    "article",
    "aside",
    "b",
    "blockquote",
    "body",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "html",
    "i",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "span",
    "strong",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

impl Dom {
    pub fn parse(html: &str) -> Dom {
        let mut b = Builder {
            dom: Dom {
                nodes: vec![Node {
                    parent: 0,
                    children: Vec::new(),
                    data: Data::Document,
                }],
            },
            stack: vec![0],
        };
        tokenize(html, |t| b.token(t));
        b.dom
    }

    pub fn name(&self, id: NodeId) -> &str {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => name,
            _ => "",
        }
    }

    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Element { attrs, .. }) => attrs
                .iter()
                .find(|(n, _)| n == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes.get(id).map_or(&[], |n| &n.children)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        (id != 0).then(|| self.nodes.get(id).map(|n| n.parent))?
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// Every element under `id` (itself included) in document order, without recursion.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut todo = vec![id];
        while let Some(n) = todo.pop() {
            out.push(n);
            todo.extend(self.children(n).iter().rev());
        }
        out
    }

    /// All text under `id`, in document order, concatenated.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                s.push_str(t);
            }
        }
        s
    }

    /// Elements named `name` anywhere in the page, in document order.
    pub fn find_all(&self, name: &str) -> Vec<NodeId> {
        (0..self.nodes.len())
            .filter(|&i| self.name(i) == name)
            .collect()
    }
}

struct Builder {
    dom: Dom,
    stack: Vec<NodeId>,
}

impl Builder {
    fn current(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn open_name(&self, k: usize) -> &str {
        self.stack.get(k).map_or("", |&id| self.dom.name(id))
    }

    fn append(&mut self, data: Data) -> NodeId {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            parent,
            children: Vec::new(),
            data,
        });
        if let Some(p) = self.dom.nodes.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    /// Position in the stack of the innermost open `name`, not looking past `scope`.
    fn in_scope(&self, name: &str, scope: &[&str]) -> Option<usize> {
        for k in (1..self.stack.len()).rev() {
            let n = self.open_name(k);
            if n == name {
                return Some(k);
            }
            if scope.contains(&n) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, k: usize) {
        self.stack.truncate(k.max(1));
    }

    fn token(&mut self, t: Token) {
        match t {
            Token::Text(s) => {
                let cur = self.current();
                let last = self
                    .dom
                    .nodes
                    .get(cur)
                    .and_then(|n| n.children.last().copied());
                if let Some(Some(Data::Text(prev))) =
                    last.map(|l| self.dom.nodes.get_mut(l).map(|n| &mut n.data))
                {
                    prev.push_str(&s);
                } else {
                    self.append(Data::Text(s));
                }
            }
            Token::Start {
                name,
                attrs,
                self_closing,
            } => self.start(name, attrs, self_closing),
            Token::End { name } => self.end(&name),
        }
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) {
        let n = name.as_str();
        if matches!(n, "html" | "body" | "head") {
            if let Some(k) = self.in_scope(n, &[]) {
                // A second <body>: its attributes join the first.
                if let Some(Node {
                    data: Data::Element { attrs: old, .. },
                    ..
                }) = self.stack.get(k).and_then(|&id| self.dom.nodes.get_mut(id))
                {
                    for a in attrs {
                        if !old.iter().any(|(o, _)| *o == a.0) {
                            old.push(a);
                        }
                    }
                }
                return;
            }
        }
        if n == "body" {
            if let Some(k) = self.in_scope("head", &[]) {
                self.close_to(k);
            }
        }
        if CLOSES_P.contains(&n) {
            let button_scope = [SCOPE, &["button"]].concat();
            if let Some(k) = self.in_scope("p", &button_scope) {
                self.close_to(k);
            }
        }
        match n {
            "li" => self.close_same(&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_same(&["dt", "dd"], &["dl"]),
            "tr" => self.close_same(&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_same(&["td", "th"], &["tr", "table"]),
            "thead" | "tbody" | "tfoot" => {
                self.close_same(&["thead", "tbody", "tfoot", "tr", "td", "th"], &["table"])
            }
            "option" => self.close_same(&["option"], &["select", "datalist"]),
            "a" => {
                // Nested links are not allowed: a new <a> closes the open one.
                if let Some(k) = self.in_scope("a", SCOPE) {
                    self.close_to(k);
                }
            }
            _ => {}
        }
        let void = VOID.contains(&n) || (self_closing && !CONTAINERS.contains(&n));
        let id = self.append(Data::Element { name, attrs });
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    /// Closes an open element of `names` when one is open inside the nearest `within`.
    fn close_same(&mut self, names: &[&str], within: &[&str]) {
        for k in (1..self.stack.len()).rev() {
            let n = self.open_name(k);
            if names.contains(&n) {
                self.close_to(k);
                return;
            }
            if within.contains(&n) || SCOPE.contains(&n) {
                return;
            }
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" {
            self.start("br".to_string(), Vec::new(), true);
            return;
        }
        if matches!(name, "body" | "html") {
            return;
        }
        let scope: &[&str] = if SCOPE.contains(&name) {
            &["html"]
        } else {
            SCOPE
        };
        if let Some(k) = self.in_scope(name, scope) {
            self.close_to(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested names, text as quoted.
    fn shape(dom: &Dom, id: NodeId) -> String {
        let inner: Vec<String> = dom.children(id).iter().map(|&c| shape(dom, c)).collect();
        match &dom.nodes[id].data {
            Data::Text(t) => format!("{t:?}"),
            Data::Document => inner.join(" "),
            Data::Element { name, .. } if inner.is_empty() => name.clone(),
            Data::Element { name, .. } => format!("{name}({})", inner.join(" ")),
        }
    }

    #[test]
    fn implied_ends() {
        let dom =
            Dom::parse("<p>a<p>b<div>c</div><ul><li>x<li>y</ul><table><tr><td>1<td>2</table>");
        assert_eq!(
            shape(&dom, 0),
            r#"p("a") p("b") div("c") ul(li("x") li("y")) table(tr(td("1") td("2")))"#
        );
        let dom = Dom::parse("<div><table><tr><td><div>x</td></tr></table>after</div>");
        assert_eq!(shape(&dom, 0), r#"div(table(tr(td(div("x")))) "after")"#);
        let dom = Dom::parse("<b><i>x</b>y</i><br/><img src=a>z</br><a>1<a>2");
        assert_eq!(
            shape(&dom, 0),
            r#"b(i("x")) "y" br img "z" br a("1") a("2")"#
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(10_000) + "x";
        let dom = Dom::parse(&html);
        let mut depth = 0;
        let mut id = 0;
        while let Some(&c) = dom.children(id).first() {
            id = c;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1);
        assert_eq!(dom.text_content(0), "x");
    }
}
