//! What an element's class, id and role say about it, from generic words only: pages are
//! built the same way everywhere, and no rule here may name a site or copy a class from
//! one. "comment", "related", "share", "nav", "footer", "sidebar", "ad" say boilerplate;
//! "article", "content", "story", "body", "text" say article text.

use super::tree::{Dom, NodeId};

/// Words (whole tokens of a class or id) that mark page furniture.
#[rustfmt::skip]
const NEGATIVE: &[&str] = &[
    "comment", "comments", "respond", "reply", "replies", "related", "relatedlinks",
    "nav", "navbar", "navigation", "menu", "megamenu", "footer", "sidebar", "aside", "rail",
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
    "sponsor", "sponsored", "promo", "promos", "promotion", "promoted", "banner",
    "breadcrumb", "breadcrumbs", "subscribe", "subscription", "newsletter", "newsletters",
    "signup", "popup", "popover", "modal", "overlay", "cookie", "cookies", "gdpr", "consent",
    "widget", "widgets", "recommended", "recommendation", "recommendations", "trending",
    "popular", "mostread", "most-read", "toolbar", "bio", "masthead",
    "pagination", "pager", "teaser", "teasers", "hidden", "hide", "sr", "offscreen",
    "screenreader", "visually", "login", "signin", "paywall", "feedback", "rating",
    "reactions", "poll", "app", "apps", "download", "skip", "breaking", "ticker", "alert",
    "alerts", "community", "shoutbox", "tooltip", "lightbox", "search", "logo",
    "copyright", "disclaimer", "cta", "readmore", "read-more", "more-stories", "recirc",
    "recirculation", "partner", "partners", "affiliate", "newsletter-signup", "caption",
    "captions", "figcaption", "gallery", "slideshow", "carousel", "photo-credit",
];

/// Words that mark furniture which may hold a sentence that belongs to the article (an
/// embedded post in a "social" box, a standfirst in a "header"): such elements go only
/// when they hold no paragraph of prose.
#[rustfmt::skip]
const WEAK_NEGATIVE: &[&str] = &[
    "social", "share", "shares", "sharing", "sharebar", "sharetools", "tags", "tagline",
    "byline", "bylines", "author", "authors", "credit", "credits", "print", "email", "follow",
    "timestamp", "dateline", "date", "meta", "more", "next", "prev", "previous", "jump",
    "topics", "keywords", "video", "player", "embed", "utility", "tools", "actions", "buttons", "icons",
    "header", "supplemental", "legends", "external", "outbound", "sticky", "brand",
    "storyline",
];

/// Words that mark the article's own text.
#[rustfmt::skip]
const POSITIVE: &[&str] = &[
    "article", "articlebody", "article-body", "articletext", "article-text", "body", "content",
    "entry", "entry-content", "main", "post", "post-body", "post-content", "text", "story",
    "storybody", "story-body", "blog", "prose", "richtext", "rich-text", "column", "paragraph",
    "paragraphs", "copy", "bodytext", "body-text", "articlecontent", "maincontent",
];

/// ARIA roles of page furniture.
const NEGATIVE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "menu",
    "menubar",
    "alert",
    "alertdialog",
    "tablist",
    "toolbar",
    "tooltip",
];

/// The lower-cased tokens of an element's class and id: split on anything that is not a
/// letter or digit, and between a lower-case letter and a capital ("articleBody" gives
/// "article", "body", and the whole "articlebody").
pub fn tokens(dom: &Dom, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        let Some(v) = dom.attr(id, attr) else {
            continue;
        };
        for word in v.split(|c: char| c.is_whitespace()) {
            if word.is_empty() || word.len() > 80 {
                continue;
            }
            out.push(word.to_ascii_lowercase());
            let mut part = String::new();
            let mut prev_lower = false;
            for c in word.chars() {
                let boundary = !c.is_ascii_alphanumeric() || (prev_lower && c.is_ascii_uppercase());
                if boundary && !part.is_empty() {
                    out.push(std::mem::take(&mut part));
                }
                if c.is_ascii_alphanumeric() {
                    part.push(c.to_ascii_lowercase());
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            }
            if !part.is_empty() && part.len() < word.len() {
                out.push(part);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What the class, id and role say: negative for furniture, positive for article text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hint {
    pub negative: bool,
    /// Furniture unless it holds prose.
    pub weak_negative: bool,
    pub positive: bool,
}

pub fn hint(dom: &Dom, id: NodeId) -> Hint {
    let t = tokens(dom, id);
    let has = |list: &[&str]| t.iter().any(|w| list.contains(&w.as_str()));
    let role_negative = dom
        .attr(id, "role")
        .is_some_and(|r| NEGATIVE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()));
    Hint {
        negative: has(NEGATIVE) || role_negative,
        weak_negative: has(WEAK_NEGATIVE),
        positive: has(POSITIVE)
            || dom
                .attr(id, "itemprop")
                .is_some_and(|p| p.contains("articleBody")),
    }
}

/// Hidden from readers: the `hidden` attribute, `aria-hidden="true"`, or an inline style
/// with `display: none` / `visibility: hidden`.
pub fn hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some()
        || dom
            .attr(id, "aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_hints() {
        let dom = Dom::parse(
            "<div class='articleBody main_col' id=x-1></div><div class='header-ad'></div><div class=shadow></div><nav role=navigation></nav>",
        );
        let divs = dom.find_all("div");
        assert_eq!(
            tokens(&dom, divs[0]),
            [
                "1",
                "article",
                "articlebody",
                "body",
                "col",
                "main",
                "main_col",
                "x",
                "x-1"
            ]
        );
        assert!(hint(&dom, divs[0]).positive);
        assert!(hint(&dom, divs[1]).negative);
        assert_eq!(hint(&dom, divs[2]), Hint::default());
        assert!(hint(&dom, dom.find_all("nav")[0]).negative);
    }
}
