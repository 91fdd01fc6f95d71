//! What a page says about itself: headline, byline, publication date, canonical URL,
//! language and site name, from `<meta>` tags, JSON-LD (`application/ld+json`, the
//! schema.org vocabulary news sites publish for search engines), `<link rel=canonical>`,
//! `<html lang>` and `<time>`. Only standard vocabularies are read, never a site's own
//! markup.

use super::tree::{Dom, NodeId};
use crate::ingest::formats::json::{self, Value};
use crate::ingest::meta::date;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// The headline (og:title, JSON-LD headline), else the document `<title>`.
    pub title: Option<String>,
    /// The document `<title>`.
    pub doc_title: Option<String>,
    pub byline: Option<String>,
    /// The publication date as the page writes it (ISO 8601 from metadata, or a
    /// `<time>`'s text).
    pub date: Option<String>,
    pub url: Option<String>,
    /// The declared language's primary subtag, lower case ("en" for "en-US").
    pub lang: Option<String>,
    pub site: Option<String>,
    /// JSON-LD `articleBody`, when the page gives one.
    pub article_body: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Reads the page's metadata. `gone[id]` marks boilerplate whose `<time>` must not date the
/// article (a teaser's time stamp is not the article's).
pub fn read(dom: &Dom, gone: &[bool]) -> PageMeta {
    let mut m = PageMeta::default();
    let mut og_title = None;
    let mut meta_date = None;
    let mut meta_author = None;
    let mut og_url = None;
    let mut app_name = None;
    for id in dom.find_all("meta") {
        let key = dom
            .attr(id, "property")
            .or_else(|| dom.attr(id, "name"))
            .or_else(|| dom.attr(id, "itemprop"))
            .or_else(|| dom.attr(id, "http-equiv"))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let Some(content) = dom.attr(id, "content").and_then(clean) else {
            continue;
        };
        match key.as_str() {
            "og:title" | "twitter:title" => {
                og_title.get_or_insert(content);
            }
            "article:published_time"
            | "datepublished"
            | "og:published_time"
            | "published_time"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.issued"
            | "dcterms.created"
            | "article.published"
            | "article:published"
            | "datecreated" => {
                meta_date.get_or_insert(content);
            }
            "author" | "dc.creator" | "article:author" | "byl" if !content.starts_with("http") => {
                meta_author.get_or_insert(content);
            }
            "og:url" => {
                og_url.get_or_insert(content);
            }
            "og:site_name" => {
                m.site.get_or_insert(content);
            }
            "application-name" => {
                app_name.get_or_insert(content);
            }
            "content-language" | "language" | "dc.language" => {
                m.lang = m.lang.take().or_else(|| primary_lang(&content));
            }
            _ => {}
        }
    }
    let ld = json_ld(dom);
    m.doc_title = dom
        .find_all("title")
        .first()
        .and_then(|&t| clean(&dom.text_content(t)));
    m.title = og_title
        .or_else(|| ld.headline.clone())
        .or_else(|| m.doc_title.clone());
    m.date = ld
        .date
        .clone()
        .or(meta_date)
        .or_else(|| time_element(dom, gone))
        .or_else(|| date_element(dom, gone));
    m.byline = ld
        .author
        .clone()
        .or(meta_author)
        .or_else(|| byline_element(dom, gone));
    m.url = dom
        .find_all("link")
        .into_iter()
        .find(|&l| {
            dom.attr(l, "rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| dom.attr(l, "href").and_then(clean))
        .filter(|u| u.starts_with("http"))
        .or(og_url)
        .or_else(|| ld.url.clone());
    let html_lang = dom
        .find_all("html")
        .first()
        .and_then(|&h| dom.attr(h, "lang").or_else(|| dom.attr(h, "xml:lang")))
        .and_then(primary_lang);
    m.lang = html_lang
        .or(m.lang)
        .or_else(|| ld.lang.as_deref().and_then(primary_lang));
    // `application-name` is a weaker site name: some pages (MSN's) put the headline there,
    // before an `og:site_name` that names the outlet.
    let headline = |s: &String| {
        [&m.title, &m.doc_title]
            .iter()
            .any(|t| t.as_ref() == Some(s))
    };
    let app_name = app_name.filter(|s| !headline(s));
    m.site = m.site.or(ld.publisher).or(app_name);
    m.article_body = ld.body;
    m
}

/// "en-US" gives "en"; anything not shaped like a language tag gives `None`.
pub fn primary_lang(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())).then_some(p)
}

/// The first `<time>` outside boilerplate, by its `datetime` attribute or its text.
fn time_element(dom: &Dom, gone: &[bool]) -> Option<String> {
    dom.find_all("time")
        .into_iter()
        .filter(|&t| !gone.get(t).copied().unwrap_or(false))
        .find_map(|t| {
            dom.attr(t, "datetime")
                .and_then(clean)
                .or_else(|| clean(&dom.text_content(t)))
        })
}

/// The text of the first element whose class or id says "date" ("news-date",
/// "publishedAt", ...) and that reads as a full date, outside boilerplate: the element
/// itself is furniture, but one inside a related-articles list is another story's.
fn date_element(dom: &Dom, gone: &[bool]) -> Option<String> {
    const WORDS: &[&str] = &[
        "date",
        "time",
        "timestamp",
        "published",
        "pubdate",
        "posted",
        "dateline",
        "datetime",
        "publish",
        "publishdate",
        "publishedat",
        "postdate",
        "postedon",
    ];
    for id in 1..dom.nodes.len() {
        let parent_gone = dom
            .parent(id)
            .is_some_and(|p| gone.get(p).copied().unwrap_or(false));
        if parent_gone || dom.name(id).is_empty() {
            continue;
        }
        let tokens = super::classes::tokens(dom, id);
        if !tokens.iter().any(|t| WORDS.contains(&t.as_str())) {
            continue;
        }
        let Some(text) = clean(&dom.text_content(id)).filter(|t| t.chars().count() <= 80) else {
            continue;
        };
        if date::parse_date_with(&text, date::NumericOrder::DayFirst).is_some() {
            return Some(text);
        }
    }
    None
}

/// A byline in the page: `rel=author`, `itemprop=author`, or a short element whose class
/// says "byline"/"author".
fn byline_element(dom: &Dom, _gone: &[bool]) -> Option<String> {
    let short = |id: NodeId| {
        clean(&dom.text_content(id)).filter(|t| t.chars().count() <= 80 && t.chars().count() >= 3)
    };
    for id in 1..dom.nodes.len() {
        let rel = dom
            .attr(id, "rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"));
        let itemprop = dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("author"));
        if rel || itemprop {
            if let Some(t) = short(id) {
                return Some(strip_by(&t));
            }
        }
    }
    for id in 1..dom.nodes.len() {
        let class = super::classes::tokens(dom, id);
        if class.iter().any(|c| c == "byline" || c == "author") {
            if let Some(t) = short(id) {
                return Some(strip_by(&t));
            }
        }
    }
    None
}

/// "By Jane Doe" gives "Jane Doe".
pub fn strip_by(s: &str) -> String {
    let t = s.trim();
    for lead in ["By ", "by ", "BY ", "بقلم ", "بقلم: ", "كتب ", "كتبت "] {
        if let Some(rest) = t.strip_prefix(lead) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

#[derive(Default)]
struct Ld {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    publisher: Option<String>,
    body: Option<String>,
}

/// The first article-typed object of the page's JSON-LD.
fn json_ld(dom: &Dom) -> Ld {
    let mut objects: Vec<Value> = Vec::new();
    for s in dom.find_all("script") {
        let ty = dom.attr(s, "type").unwrap_or("");
        if !ty.eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        let text = dom.text_content(s);
        let text = text
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        if let Some(v) = json::parse(text.trim()) {
            flatten(v, &mut objects, 0);
        }
    }
    let is_article = |o: &Value| {
        types(o).iter().any(|t| {
            let t = t.to_ascii_lowercase();
            t.ends_with("article") || t == "blogposting" || t == "liveblogposting" || t == "report"
        })
    };
    let Some(o) = objects.iter().find(|o| is_article(o)) else {
        return Ld::default();
    };
    let text = |k: &str| o.get(k).and_then(Value::as_str).and_then(clean);
    Ld {
        headline: text("headline").or_else(|| text("name")),
        date: text("datePublished").or_else(|| text("dateCreated")),
        author: o.get("author").and_then(names),
        url: text("url").or_else(|| {
            o.get("mainEntityOfPage").and_then(|m| {
                m.as_str()
                    .map(str::to_string)
                    .or_else(|| m.get("@id").and_then(Value::as_str).map(str::to_string))
            })
        }),
        lang: text("inLanguage"),
        publisher: o.get("publisher").and_then(names),
        body: o
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

fn types(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// Objects of a JSON-LD block: top level, arrays and `@graph` members.
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(_) => {
            if let Some(Value::Array(g)) = v.get("@graph").cloned() {
                g.into_iter().for_each(|i| flatten(i, out, depth + 1));
            }
            out.push(v);
        }
        _ => {}
    }
}

/// A person or organization as text: a name, an object's `name`, or a list of them.
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s).filter(|s| !s.starts_with("http")),
        Value::Object(_) => v.get("name").and_then(names),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_standard_metadata() {
        let html = r#"<html lang="en-GB"><head><title>Headline | Site</title>
<meta property="og:title" content="Headline">
<meta property="og:site_name" content="The Site">
<link rel="canonical" href="https://example.org/a">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
{"@type":["NewsArticle"],"headline":"Headline!","datePublished":"2019-03-04T10:00:00Z",
"author":[{"@type":"Person","name":"Jane Doe"},{"name":"Sam Roe"}],"articleBody":"Text."}]}</script>
</head><body><time datetime="2001-01-01">old</time></body></html>"#;
        let dom = Dom::parse(html);
        let m = read(&dom, &vec![false; dom.nodes.len()]);
        assert_eq!(m.title.as_deref(), Some("Headline"));
        assert_eq!(m.doc_title.as_deref(), Some("Headline | Site"));
        assert_eq!(m.date.as_deref(), Some("2019-03-04T10:00:00Z"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, Sam Roe"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.site.as_deref(), Some("The Site"));
        assert_eq!(m.article_body.as_deref(), Some("Text."));
    }

    #[test]
    fn the_site_name_is_never_the_headline() {
        // As an MSN page has it: the headline as application-name, then og:site_name.
        let page = |site: &str| {
            format!(
                r#"<title>Doctors offer free flu shots</title>
<meta name="application-name" content="Doctors offer free flu shots">{site}"#
            )
        };
        let site = |html: &str| {
            let dom = Dom::parse(html);
            read(&dom, &vec![false; dom.nodes.len()]).site
        };
        let og = r#"<meta property="og:site_name" content="MSN">"#;
        assert_eq!(site(&page(og)).as_deref(), Some("MSN"));
        assert_eq!(site(&page("")), None);
        let named = r#"<title>Headline</title><meta name="application-name" content="The Paper">"#;
        assert_eq!(site(named).as_deref(), Some("The Paper"));
    }

    #[test]
    fn time_and_byline_elements() {
        let html = r#"<div class="teaser"><time datetime="2001-01-01"></time></div>
<p class="byline">By Jane Doe</p><time datetime="2019-05-06T08:00">May 6</time>"#;
        let dom = Dom::parse(html);
        let mut gone = vec![false; dom.nodes.len()];
        let teaser = dom.find_all("div")[0];
        for d in dom.descendants(teaser) {
            gone[d] = true;
        }
        let m = read(&dom, &gone);
        assert_eq!(m.date.as_deref(), Some("2019-05-06T08:00"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
    }
}
