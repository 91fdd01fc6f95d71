//! Cleaning: the noise news pages carry around an article, removed by general rules about
//! how news pages are built, never by strings of particular files (they are measured on
//! articles no one has seen). Each rule is a small function that records what it takes out
//! as a [`Removed`], so the reader can show it greyed out and a user can see why.
//!
//! The rules run from the top down: the site name after the headline, then lines at the
//! head of the body (a repeated headline, an outlet or byline, a date line, a share bar),
//! then prefixes of the first paragraph (a date stamp, the headline again, the dateline),
//! then the tail (comment forms, related-link lists, navigation, time stamps), navigation
//! lines anywhere, and last the furniture that single-paragraph pages run into their last
//! paragraph. Removals are sorted into document order at the end. Whole-line rules never
//! take the first body line from the tail side nor the last line from the head side, and
//! prefix or suffix cuts always leave text behind, so a misfire can shorten an article but
//! never empty one that has a real paragraph.

use std::sync::OnceLock;

use super::meta::{self, fold, fold_char, folded_list, is_agency, is_credit, key, Script};
use super::{Removed, RemovedKind};

/// What cleaning produced for one article.
pub(crate) struct Cleaned {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub removed: Vec<Removed>,
    pub dateline: Option<String>,
    pub agency: Option<String>,
    pub outlet: Option<String>,
}

/// Cleans one article: `title` is its first line, `lines` the non-blank lines after it,
/// already trimmed.
pub(crate) fn clean(title: &str, lines: Vec<String>) -> Cleaned {
    let mut doc = Doc {
        full_title: title.to_string(),
        title: title.to_string(),
        lines: lines.into_iter().map(Some).collect(),
        removed: Vec::new(),
        dateline: None,
        agency: None,
        outlet: None,
    };
    title_suffix(&mut doc);
    head_lines(&mut doc);
    lead_prefixes(&mut doc);
    tail(&mut doc);
    navigation_lines(&mut doc);
    last_paragraph_tail(&mut doc);
    doc.finish()
}

/// The article while it is being cleaned. A removed line becomes `None`; removals carry
/// their position (0 = title, `i + 1` = body line `i`) so they can be put in document order.
struct Doc {
    full_title: String,
    title: String,
    lines: Vec<Option<String>>,
    removed: Vec<(usize, Removed)>,
    dateline: Option<String>,
    agency: Option<String>,
    outlet: Option<String>,
}

impl Doc {
    fn kept(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.lines[i].is_some())
            .collect()
    }

    fn line(&self, i: usize) -> &str {
        self.lines.get(i).and_then(|l| l.as_deref()).unwrap_or("")
    }

    fn drop_line(&mut self, i: usize, kind: RemovedKind) {
        if let Some(text) = self.lines.get_mut(i).and_then(Option::take) {
            self.removed.push((i + 1, Removed { kind, text }));
        }
    }

    /// Removes the first `len` bytes of line `i` (a char boundary, checked).
    fn cut_prefix(&mut self, i: usize, len: usize, kind: RemovedKind) -> bool {
        let Some(Some(line)) = self.lines.get_mut(i) else {
            return false;
        };
        let (Some(head), Some(rest)) = (line.get(..len), line.get(len..)) else {
            return false;
        };
        let (head, rest) = (head.trim().to_string(), rest.trim_start().to_string());
        if head.is_empty() || rest.is_empty() {
            return false;
        }
        *line = rest;
        self.removed.push((i + 1, Removed { kind, text: head }));
        true
    }

    fn finish(mut self) -> Cleaned {
        // Stable: removals at one position keep the order the rules made them in.
        self.removed.sort_by_key(|(pos, _)| *pos);
        Cleaned {
            title: self.title,
            paragraphs: self.lines.into_iter().flatten().collect(),
            removed: self.removed.into_iter().map(|(_, r)| r).collect(),
            dateline: self.dateline,
            agency: self.agency,
            outlet: self.outlet,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Matching helpers

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_with_ellipsis(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '»' | ')'));
    t.ends_with("...") || t.ends_with('…') || t.ends_with("..")
}

/// Ends like a sentence: a full stop, question or exclamation mark, possibly inside quotes.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | '»' | ')')
    });
    t.ends_with(['.', '!', '?', '؟', '。']) && !ends_with_ellipsis(s)
}

/// The characters of `s` that matter when comparing a headline with a line: folded, soft
/// punctuation dropped (FA-KES bodies lost their commas and apostrophes, titles kept
/// them), white space runs as one space. Each with its byte range in `s`.
fn significant(s: &str) -> Vec<(usize, usize, char)> {
    let mut out: Vec<(usize, usize, char)> = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let Some(f) = fold_char(c) else { continue };
        if matches!(f, ',' | ';' | '\'' | '"' | ':' | '(' | ')' | '،' | '؛') {
            continue;
        }
        if f == ' ' && out.last().is_none_or(|l| l.2 == ' ') {
            continue;
        }
        out.push((i, i + c.len_utf8(), f));
    }
    if out.last().is_some_and(|l| l.2 == ' ') {
        out.pop();
    }
    out
}

/// Byte index in `line` where a prefix equal to `prefix` ends (compared as
/// [`significant`] characters), if `line` starts with it.
fn match_prefix(line: &str, prefix: &str) -> Option<usize> {
    let p = significant(prefix);
    let l = significant(line);
    if p.is_empty() || l.len() < p.len() || l.iter().zip(&p).any(|(a, b)| a.2 != b.2) {
        return None;
    }
    Some(l[p.len() - 1].1)
}

// ---------------------------------------------------------------------------------------
// Phrase lists. General phrases of news sites in English and Arabic, matched folded and
// whole-line unless said otherwise.

static RELATED_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
const RELATED: &[&str] = &[
    "related", "related articles", "related posts", "related stories", "related news",
    "related content", "related coverage", "related topics", "related links", "related reading",
    "read more", "read also", "also read", "see also", "more stories", "more news", "other news",
    "you may also like", "you might also like", "you may be interested in", "recommended",
    "recommended for you", "recommended stories", "most read", "most popular", "most viewed",
    "most shared", "most commented", "top stories", "latest news", "latest stories", "trending",
    "trending now", "editor's picks", "editors' picks", "more on this story", "in other news",
    "what to read next", "further reading", "مواضيع ذات صلة", "مقالات ذات صلة", "أخبار ذات صلة",
    "مواد ذات صلة", "موضوعات ذات صلة", "تقارير ذات صلة", "روابط ذات صلة", "قصص ذات صلة", "ذات صلة",
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "الأكثر قراءة",
    "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية", "الأكثر قراءة اليوم",
    "الأخبار الأكثر قراءة", "أخبار متعلقة", "مقالات متعلقة", "مواضيع متعلقة", "أخبار مشابهة",
    "مقالات مشابهة", "قد يعجبك أيضا", "قد يهمك أيضا", "قد يهمك", "قد يعجبك", "شاهد أيضا",
    "المزيد من الأخبار", "آخر الأخبار", "أهم الأخبار", "مقالات أخرى", "أخبار أخرى", "اخترنا لك",
    "ننصحك بقراءة",
];

/// A heading that opens a list of links to other articles.
fn is_related_heading(k: &str) -> bool {
    is_related_phrase(k) || is_related_pattern(k)
}

/// One of the known related-links headings, word for word.
fn is_related_phrase(k: &str) -> bool {
    !k.is_empty() && folded_list(&RELATED_CELL, RELATED).iter().any(|p| p == k)
}

/// A heading with a section name in it: "More from Politics", "Most Visited in Politics",
/// "Top Politics stories", "More Syria news". Trusted only where a list follows to the end:
/// in the middle of an article "More on the economy" may be a subheading.
fn is_related_pattern(k: &str) -> bool {
    if k.is_empty() || word_count(k) > 7 {
        return false;
    }
    let w: Vec<&str> = k.split(' ').collect();
    let n = w.len();
    let starts = |p: &[&str]| w.len() > p.len() && w.iter().zip(p).all(|(a, b)| a == b);
    starts(&["more", "from"])
        || starts(&["most", "visited", "in"])
        || starts(&["most", "read", "in"])
        || starts(&["most", "popular", "in"])
        || starts(&["latest", "in"])
        || starts(&["الاكثر", "قراءه", "في"])
        || ((3..=5).contains(&n) && w[0] == "top" && (w[n - 1] == "stories" || w[n - 1] == "news"))
        || ((3..=4).contains(&n) && w[0] == "more" && (w[n - 1] == "stories" || w[n - 1] == "news"))
}

static NAV_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
const NAV: &[&str] = &[
    "advertisement", "advertisements", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share this story", "share on facebook", "share on twitter", "tweet",
    "click to share", "click to share on twitter", "click to share on facebook", "click to print",
    "click to email", "print", "email", "print this page", "print this article", "follow us",
    "follow us on twitter", "follow us on facebook", "subscribe", "subscribe to our newsletter",
    "sign up for our newsletter", "tags", "like this", "loading", "like loading", "next",
    "previous", "next previous", "previous next", "next article", "previous article", "back to top",
    "scroll to top", "home", "comments", "top", "close", "skip to content", "إعلان", "اعلانات",
    "شارك", "شارك هذا", "شارك المقال", "شارك الخبر", "مشاركة", "تابعونا", "تابعنا",
    "تابعنا على تويتر", "تابعنا على فيسبوك", "طباعة", "أرسل", "إرسال", "الوسوم", "كلمات مفتاحية",
    "كلمات دلالية", "التالي", "السابق", "المقال التالي", "المقال السابق", "انتهى", "التعليقات",
    "الرئيسية", "المزيد", "للمزيد", "more", "تويتر", "فيسبوك", "twitter", "facebook", "whatsapp",
];

/// A line that is only a navigation or sharing label ("Share this:", "Advertisement").
fn is_nav_line(k: &str) -> bool {
    !k.is_empty() && folded_list(&NAV_CELL, NAV).iter().any(|p| p == k)
}

/// Navigation that carries a list after a label, trusted at the end only: "Tags: Syria,
/// Aleppo", "Share on: Facebook Twitter", "الوسوم: سوريا".
fn is_nav_list_line(line: &str) -> bool {
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "tags", "topics", "filed under", "share this", "share on", "share", "follow us on", "keywords",
        "categories", "category", "الوسوم", "كلمات مفتاحية", "كلمات دلالية", "الكلمات المفتاحية",
        "شارك على", "تابعونا على", "تابعنا على", "التصنيف", "الأقسام",
    ];
    let f = fold(line);
    word_count(&f) <= 25
        && !ends_sentence(line)
        && LABELS.iter().any(|l| {
            let l = key(l);
            f.strip_prefix(l.as_str())
                .is_some_and(|r| r.trim_start().starts_with([':', '：']))
        })
}

static COMMENT_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
const COMMENT_STARTS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "add comment",
    "add new comment", "post comment", "submit comment", "your email address will not be published",
    "required fields are marked", "you may use these html tags", "comments are closed",
    "you must be logged in to post a comment", "join the discussion", "comment via",
    "write a comment", "أضف تعليق", "أضف تعليقا", "أضف تعليقك", "اترك تعليقا", "اترك تعليق",
    "اترك رد", "اترك ردا", "لن يتم نشر عنوان بريدك الإلكتروني", "اكتب تعليقك", "إضافة تعليق",
    "أضف رد", "الحقول المطلوبة", "التعليقات مغلقة", "لا توجد تعليقات",
];

/// The first line of a comment form ("Leave a Reply", "أضف تعليق").
fn is_comment_start(line: &str) -> bool {
    let k = key(line);
    let n = word_count(&k);
    folded_list(&COMMENT_CELL, COMMENT_STARTS).iter().any(|p| {
        k.strip_prefix(p.as_str()).is_some_and(|rest| {
            // Whole words only, and short unless the phrase itself is long (the HTML-tags
            // sentence runs on with a list of tags).
            (rest.is_empty() || rest.starts_with([' ', ':', '.', ',', '*', '(']))
                && (n <= 15 || word_count(p) >= 4)
        })
    })
}

// ---------------------------------------------------------------------------------------
// Rule 1: title suffix

/// Separators sites put between a headline and their name, the strongest first.
/// "Blasts- Al Manar TV": a dash glued to the headline still separates a brand.
#[rustfmt::skip]
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " :: ", " • ", " · ", " — ", " – ", " - ", " ― ", " ـ ", "- ", "– ",
];

/// Brand words: a suffix holding one names a publication ("Ahram Online", "بلدي نيوز").
static BRAND_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
const BRAND_WORDS: &[&str] = &[
    "news", "times", "post", "tv", "online", "daily", "agency", "network", "press", "herald",
    "tribune", "journal", "gazette", "today", "channel", "radio", "media", "monitor", "observer",
    "review", "magazine", "weekly", "express", "telegraph", "mirror", "guardian", "independent",
    "reuters", "afp", "bbc", "cnn", "aljazeera", "sputnik", "rt", "france24", "euronews", "نيوز",
    "نت", "أونلاين", "الإخبارية", "الإخباري", "الاخبارية", "قناة", "صحيفة", "جريدة", "موقع",
    "وكالة", "شبكة", "بوست", "تايمز", "تي في", "عربي", "الإلكترونية",
];
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "de", "du", "al", "el", "la", "le", "&", "a",
];

fn is_title_case_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

/// Looks like the name of a site: "It's Over 9000!", "Example.com", "Ahram Online",
/// "Jordan Times" after a sentence-case headline, "Al-Monitor".
fn is_brand_like(seg: &str, head: &str) -> bool {
    let f = fold(seg);
    if seg.contains('!') || f.contains("www.") {
        return true;
    }
    // A domain: letters, a dot, two to four ASCII letters at a word end.
    let domain = f.split_whitespace().any(|w| {
        w.rsplit_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && (2..=4).contains(&b.len()) && b.bytes().all(|c| c.is_ascii_lowercase())
        })
    });
    let brands = folded_list(&BRAND_CELL, BRAND_WORDS);
    let fw: Vec<&str> = f.split(|c: char| c.is_whitespace() || c == '-').collect();
    if domain || fw.iter().any(|w| brands.iter().any(|b| b == w)) {
        return true;
    }
    if fw.first().is_some_and(|w| *w == "al") && seg.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    // Title Case of two words or more, after a headline that is not itself Title Case.
    let words: Vec<&str> = seg.split_whitespace().collect();
    let head_words: Vec<&str> = head
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let head_upper = head_words.iter().filter(|w| is_title_case_word(w)).count();
    let head_title_case = head_words.is_empty() || head_upper * 10 >= head_words.len() * 7;
    words.len() >= 2
        && words.iter().all(|w| is_title_case_word(w))
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !head_title_case
}

/// Where a site-name suffix starts: `(head_end, suffix_start)` byte indices, or `None`.
fn find_title_suffix(title: &str) -> Option<(usize, usize)> {
    let (_, sep) = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|p| (p, *s)))
        .max_by_key(|&(p, _)| p)?;
    // Segments split by the same separator, so "… - Region - World - Ahram Online" can go
    // as one breadcrumb.
    let mut seps: Vec<usize> = title.match_indices(sep).map(|(p, _)| p).collect();
    seps.retain(|&p| p > 0);
    let strong = matches!(sep.trim(), "|" | "::" | "•" | "·");
    for k in (1..=seps.len().min(3)).rev() {
        let head_end = seps[seps.len() - k];
        let suffix_start = head_end + sep.len();
        let (Some(head), Some(suffix)) = (title.get(..head_end), title.get(suffix_start..)) else {
            continue;
        };
        let segs: Vec<&str> = suffix.split(sep).map(str::trim).collect();
        let Some((last, middle)) = segs.split_last() else {
            continue;
        };
        let (hw, sw) = (
            word_count(head),
            segs.iter().map(|s| word_count(s)).sum::<usize>(),
        );
        // A breadcrumb of several segments is a signal in itself: it needs less margin.
        let margin = if k == 1 { 2 } else { 1 };
        let shape = !last.is_empty()
            && segs
                .iter()
                .all(|s| !s.is_empty() && word_count(s) <= 5 && s.chars().count() <= 40)
            && middle
                .iter()
                .all(|s| word_count(s) <= 3 && s.split_whitespace().all(is_title_case_word))
            && sw <= 8
            && suffix.chars().count() <= 60
            && hw >= 3
            && hw >= sw + margin
            && head.chars().count() > suffix.chars().count();
        if !shape {
            continue;
        }
        let scripts_differ = matches!(
            (meta::dominant_script(head), meta::dominant_script(suffix)),
            (Some(a), Some(b)) if a != b
        );
        if strong || scripts_differ || is_brand_like(last, head) {
            return Some((head_end, suffix_start));
        }
    }
    None
}

/// Rule 1. Removes a site name after the headline ("Headline - Site Name", "Headline |
/// Site"): the last segment(s) after a separator when they are short, the headline left is
/// clearly longer, and something says "brand": a strong separator (| :: •), a script that
/// differs from the headline's, or a brand-like name. "Syria - rebels retreat from Aleppo"
/// keeps its words: what follows the dash is the longer part and no brand.
fn title_suffix(doc: &mut Doc) {
    if let Some((head_end, suffix_start)) = find_title_suffix(&doc.title) {
        let suffix = doc
            .title
            .get(suffix_start..)
            .unwrap_or("")
            .trim()
            .to_string();
        let head = doc.title.get(..head_end).unwrap_or("").trim().to_string();
        doc.removed.push((
            0,
            Removed {
                kind: RemovedKind::TitleSuffix,
                text: suffix,
            },
        ));
        doc.title = head;
    }
}

// ---------------------------------------------------------------------------------------
// Rules 2-4: the head of the body

/// The line is the headline again: equal after folding to the title with or without its
/// suffix, or the title followed by a date.
fn is_repeated_title(doc: &Doc, line: &str) -> bool {
    let k = key(line);
    if k.is_empty() {
        return false;
    }
    if k == key(&doc.title) || k == key(&doc.full_title) {
        return true;
    }
    [&doc.title, &doc.full_title].iter().any(|t| {
        word_count(t) >= 3
            && match_prefix(line, t)
                .and_then(|e| line.get(e..))
                .is_some_and(|rest| {
                    let rest = rest.trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',')
                    });
                    meta::is_date_line(rest)
                })
    })
}

/// Splits a short credit line at its first dash with white space on at least one side
/// (or a parenthesis after it): "بلدي نيوز - (متابعات)" gives ("بلدي نيوز", "(متابعات)").
/// A dash inside a word ("al-Assad") does not split.
fn split_credit_line(line: &str) -> Option<(&str, &str)> {
    let mut prev: Option<char> = None;
    let mut it = line.char_indices().peekable();
    while let Some((p, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let spaced = prev.is_some_and(char::is_whitespace)
            || next.is_some_and(|n| n.is_whitespace() || n == '(');
        if matches!(c, '-' | '–' | '—' | 'ـ') && spaced && prev.is_some() && next.is_some() {
            // Tatweel is a dash only between spaces; inside a word it stretches letters.
            if c == 'ـ'
                && !(prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace))
            {
                prev = Some(c);
                continue;
            }
            let left = line.get(..p)?.trim();
            let right = line.get(p + c.len_utf8()..)?.trim();
            return Some((left, right));
        }
        prev = Some(c);
    }
    None
}

/// What an outlet line names.
#[derive(Debug, Default, PartialEq)]
struct OutletInfo {
    outlet: Option<String>,
    agency: Option<String>,
}

/// Reads an outlet line: "Name - (credit)" or "Name – متابعات" names the outlet; "Place –
/// واس" names an agency; a byline-shaped line ("Name – Outlet", "Outlet – Place") whose
/// parts cannot be told apart names nothing but is still removed.
fn outlet_line(line: &str, next_is_long: bool) -> Option<OutletInfo> {
    let n = word_count(line);
    if n > 6 || ends_sentence(line) || line.ends_with(['،', ',', ':']) {
        return None;
    }
    let (left, right) = split_credit_line(line)?;
    if left.is_empty() || right.is_empty() || split_credit_line(right).is_some() {
        return None;
    }
    let credit = |s: &str| {
        let inner = s.trim();
        (inner.starts_with('(') && inner.ends_with(')')) || is_credit(&key(inner))
    };
    let agency = |s: &str| is_agency(&key(s));
    let name = |s: &str| s.trim_matches(['(', ')']).trim().to_string();
    if credit(right) && !credit(left) {
        let agency = agency(right).then(|| name(right));
        return Some(OutletInfo {
            outlet: Some(left.to_string()),
            agency,
        });
    }
    if credit(left) && !credit(right) {
        return Some(OutletInfo {
            outlet: Some(name(right)),
            agency: None,
        });
    }
    // Byline shape: two short names, no digits, before a real paragraph.
    let plain = |s: &str| {
        (1..=3).contains(&word_count(s))
            && !s
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '،' | ':' | '"' | '«' | '“'))
    };
    if !(next_is_long && plain(left) && plain(right)) {
        return None;
    }
    let agency = [right, left].into_iter().find(|s| agency(s)).map(name);
    Some(OutletInfo {
        outlet: None,
        agency,
    })
}

/// An outlet credit opening the first paragraph itself: "عين اليوم – متابعات في منطقة
/// ...", or a byline set off from the text by a run of spaces ("Name – Outlet      The
/// ..."). The bytes it takes and what it names.
fn outlet_prefix(line: &str) -> Option<(usize, OutletInfo)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for take in (3..=6).rev() {
        let Some(last) = words.get(take - 1) else {
            continue;
        };
        let end = last.as_ptr() as usize - line.as_ptr() as usize + last.len();
        let (head, rest) = (line.get(..end)?, line.get(end..)?);
        if word_count(rest) < 5 {
            continue;
        }
        let gap = rest.chars().take_while(|c| c.is_whitespace()).count() >= 3;
        if let Some(info) = outlet_line(head, gap).filter(|i| gap || i.outlet.is_some()) {
            return Some((end, info));
        }
    }
    None
}

/// A line on its own naming place, date and agency: "الرياض 25 شوال 1436 هـ الموافق 10
/// اغسطس 2015 م واس". The place is the word(s) before the first number, the agency the
/// known agency name that ends the line.
fn dateline_line(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > 16 || words.len() < 3 || ends_sentence(line) {
        return None;
    }
    let first_digit = words.iter().position(|w| {
        w.chars()
            .any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    })?;
    if !(1..=2).contains(&first_digit) {
        return None;
    }
    for take in (1..=3).rev() {
        if words.len() < first_digit + 1 + take {
            continue;
        }
        let agency = words[words.len() - take..].join(" ");
        if is_agency(&key(&agency)) {
            let place = words[..first_digit].join(" ");
            let place = place.trim_end_matches([',', '،']).to_string();
            return Some((place, agency.trim_matches(['(', ')']).to_string()));
        }
    }
    None
}

/// Rules 2 and 3, and date lines: removes, from the head of the body, a date line, the
/// headline repeated (RepeatedTitle), an outlet or byline line (OutletLine) and a
/// place-date-agency line (Dateline), in whatever order they come.
fn head_lines(doc: &mut Doc) {
    let (mut title_done, mut outlet_done, mut dateline_done) = (false, false, false);
    for _ in 0..6 {
        let kept = doc.kept();
        let (Some(&i), next) = (kept.first(), kept.get(1).copied()) else {
            return;
        };
        let line = doc.line(i).to_string();
        // A share bar is cut off its line, which stays.
        if let Some(len) = share_bar_len(&line) {
            if doc.cut_prefix(i, len, RemovedKind::Navigation) {
                continue;
            }
        }
        // Never take the last line: whatever is left must be the body.
        let Some(next) = next else {
            if !outlet_done {
                outlet_prefix_of(doc, i);
            }
            return;
        };
        let next_is_long = word_count(doc.line(next)) >= 8;
        if meta::is_date_line(&line) {
            doc.drop_line(i, RemovedKind::Timestamp);
        } else if !title_done && is_repeated_title(doc, &line) {
            title_done = true;
            doc.drop_line(i, RemovedKind::RepeatedTitle);
        } else if let Some(info) = (!outlet_done)
            .then(|| outlet_line(&line, next_is_long))
            .flatten()
        {
            outlet_done = true;
            doc.outlet = doc.outlet.take().or(info.outlet);
            doc.agency = doc.agency.take().or(info.agency);
            doc.drop_line(i, RemovedKind::OutletLine);
        } else if let Some((place, agency)) =
            (!dateline_done).then(|| dateline_line(&line)).flatten()
        {
            dateline_done = true;
            doc.dateline = Some(place);
            doc.agency = Some(agency);
            doc.drop_line(i, RemovedKind::Dateline);
        } else if is_nav_line(&key(&line)) {
            doc.drop_line(i, RemovedKind::Navigation);
        } else {
            if !outlet_done {
                outlet_prefix_of(doc, i);
            }
            return;
        }
    }
}

/// Cuts an outlet credit that opens line `i` (see [`outlet_prefix`]).
fn outlet_prefix_of(doc: &mut Doc, i: usize) {
    if let Some((len, info)) = outlet_prefix(doc.line(i)) {
        if doc.cut_prefix(i, len, RemovedKind::OutletLine) {
            doc.outlet = info.outlet;
            doc.agency = doc.agency.take().or(info.agency);
        }
    }
}

/// Words of sharing widgets and pagers that pages print before the article text.
#[rustfmt::skip]
const SHARE_BAR: &[&str] = &[
    "next", "previous", "share", "tweet", "facebook", "twitter", "whatsapp", "email", "print",
    "google+", "linkedin", "telegram", "شارك من خلال", "شارك عبر", "شارك", "تويتر", "فيسبوك", "فيس بوك",
    "جوجل بلس", "واتساب", "واتس اب", "اكتب رأيك", "طباعة", "التالي", "السابق", "أرسل لصديق",
];

/// Length of a run of sharing-widget words opening a line ("Next Previous Name – Outlet",
/// "شارك من خلال تويتر فيسبوك ..."), when at least two of them come first and text follows.
/// "عبر تويتر، أعلن ..." ("via Twitter, ... announced") is a sentence: prepositions count
/// only after "شارك", and a word with punctuation ends the run.
fn share_bar_len(line: &str) -> Option<usize> {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        SHARE_BAR
            .iter()
            .map(|p| p.split_whitespace().map(key).collect())
            .collect()
    });
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let mut i = 0;
    let mut hits = 0;
    'outer: while i < words.len() {
        for p in phrases {
            let n = p.len();
            if i + n <= words.len()
                && words[i..i + n]
                    .iter()
                    .zip(p)
                    .all(|((_, w), k)| fold(w) == *k)
            {
                i += n;
                hits += 1;
                continue 'outer;
            }
        }
        break;
    }
    if hits < 2 || i >= words.len() {
        return None;
    }
    Some(words[i].0)
}

/// Rule 4 and the FA-KES-style openings: strips from the first paragraph the headline
/// printed again (RepeatedTitle), with what the page put before it: a date stamp ("Wed 05
/// Apr 2017", "Posted on April 4 2017 by …") as Timestamp, a known agency and a date ("AFP
/// Friday 15 Jul 2016") as Dateline, other labels ("UPDATED") as Navigation; a date stamp
/// opening the paragraph without the headline (Timestamp); and a dateline ("TEHRAN
/// (Tasnim) –", "دمشق - سانا:") as Dateline.
fn lead_prefixes(doc: &mut Doc) {
    let Some(&i) = doc.kept().first() else { return };
    let latin = meta::dominant_script(doc.line(i)) == Some(Script::Latin);
    if let Some((start, end)) = find_title_in_lead(doc, doc.line(i)) {
        let mut offset = 0;
        if start > 0 {
            let before = doc.line(i).get(..start).unwrap_or("").trim().to_string();
            let agency = agency_date_prefix(&before);
            let kind = if agency.is_some() {
                RemovedKind::Dateline
            } else if before.chars().any(|c| c.is_ascii_digit()) {
                RemovedKind::Timestamp
            } else {
                RemovedKind::Navigation
            };
            if doc.cut_prefix(i, start, kind) {
                offset = start;
                doc.agency = agency.or(doc.agency.take());
            }
        }
        let end = end - offset;
        let rest_empty = doc.line(i).get(end..).is_none_or(|r| r.trim().is_empty());
        if rest_empty {
            if doc.kept().len() > 1 {
                doc.drop_line(i, RemovedKind::RepeatedTitle);
                return lead_prefixes_after_title(doc);
            }
        } else if doc.cut_prefix(i, end, RemovedKind::RepeatedTitle) {
            // After the headline, FA-KES pages print "AFP Friday 15 Jul 2016" or a date.
            if let Some((agency, len)) = agency_and_date(doc.line(i)) {
                if doc.cut_prefix(i, len, RemovedKind::Dateline) {
                    doc.agency = Some(agency);
                }
            } else if let Some(len) = leading_date_len(doc.line(i)) {
                doc.cut_prefix(i, len, RemovedKind::Timestamp);
            }
        }
    } else if latin {
        if let Some(len) = leading_date_len(doc.line(i)) {
            doc.cut_prefix(i, len, RemovedKind::Timestamp);
        }
    }
    lead_prefixes_after_title(doc);
}

/// The dateline part of [`lead_prefixes`], on whatever line now opens the body.
fn lead_prefixes_after_title(doc: &mut Doc) {
    let Some(&i) = doc.kept().first() else { return };
    if !doc
        .removed
        .iter()
        .any(|(_, r)| r.kind == RemovedKind::Dateline)
    {
        if let Some(d) = meta::read_dateline(doc.line(i)) {
            if doc.cut_prefix(i, d.len, RemovedKind::Dateline) {
                doc.dateline = d.place.or(doc.dateline.take());
                doc.agency = d.agency.or(doc.agency.take());
            }
        }
    }
}

/// A date stamp opening a paragraph, with its publication words; only with a year in it,
/// and only before text that starts like a sentence or a headline.
fn leading_date_len(line: &str) -> Option<usize> {
    let rest = meta::strip_publication_words(line);
    let offset = line.len() - rest.len();
    let n = meta::date_prefix_len(rest)?;
    let date = rest.get(..n)?;
    let has_year = date
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 || d.len() == 6)
        || date.split_whitespace().any(|w| w.contains(['-', '.', '/']));
    let after = rest.get(n..)?.trim_start();
    let next = after.chars().next()?;
    (has_year
        && (next.is_uppercase() || next.is_ascii_digit() || next == '"' || next == '“')
        && word_count(after) >= 3)
        .then_some(offset + n)
}

/// Where the headline stands near the start of `line`: `(start, end)` bytes, `end` past
/// the punctuation after it. The headline may follow up to twelve words of stamps and
/// credits without a sentence end ("Posted on April 4 2017 by Staff <headline>"). Needs a
/// headline of four words or more, and what follows it must start like a new sentence (so
/// a lede that merely begins with the headline's words keeps them). A headline the page
/// cut short ("… east of") is followed into the sentence it began.
fn find_title_in_lead(doc: &Doc, line: &str) -> Option<(usize, usize)> {
    let mut titles: Vec<String> = Vec::new();
    for t in [&doc.full_title, &doc.title] {
        let t = t.trim_end_matches(['.', ' ']).to_string();
        if word_count(&t) >= 4 && !titles.contains(&t) {
            titles.push(t);
        }
    }
    // A title with a credit word the body leaves out ("… car bomb Rebels").
    if let Some(t) = titles.last().cloned() {
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() >= 7 {
            titles.push(words[..words.len() - 1].join(" "));
        }
    }
    // Cut short: long, or ending on a word no headline ends with.
    let last = doc
        .full_title
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let truncated = doc.full_title.chars().count() >= 80
        || [
            "of", "the", "a", "an", "in", "on", "at", "to", "for", "and", "with", "from", "by",
        ]
        .contains(&last.as_str());
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            line.char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .map(|(p, c)| p + c.len_utf8()),
        )
        .filter(|&p| {
            line.get(p..)
                .is_some_and(|r| !r.starts_with(char::is_whitespace))
        })
        .take(13)
        .collect();
    for &start in &starts {
        let before = line.get(..start)?;
        if has_sentence_end(before) || before.chars().count() > 160 {
            break;
        }
        let rest = line.get(start..)?;
        for t in &titles {
            if let Some(len) = title_at(rest, t, truncated) {
                return Some((start, start + len));
            }
        }
    }
    None
}

/// A full stop, question or exclamation mark ending a sentence in `s`; the dot of an
/// abbreviation ("Aug. 1", "U.S. officials") does not count.
fn has_sentence_end(s: &str) -> bool {
    s.contains(['!', '?', '؟'])
        || s.match_indices(". ").any(|(p, _)| {
            let word = s
                .get(..p)
                .and_then(|h| h.split_whitespace().last())
                .unwrap_or("");
            word.chars().filter(|c| c.is_alphabetic()).count() > 4 && !word.contains('.')
        })
}

/// Length of headline `t` (with the punctuation and space after it) at the start of `s`.
fn title_at(s: &str, t: &str, truncated: bool) -> Option<usize> {
    let mut end = match_prefix(s, t)?;
    let mid_word = s
        .get(..end)?
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric)
        && s.get(end..)?
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    if mid_word {
        if !truncated {
            return None;
        }
        end += s
            .get(end..)?
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(s.len() - end);
    }
    let rest = s.get(end..)?;
    let next = rest.trim_start().chars().next();
    let punct = rest
        .trim_start()
        .starts_with(['.', ':', '-', '–', '—', '|']);
    if next.is_some_and(char::is_lowercase) && !punct {
        // The page cut the headline; its sentence runs on to the first full stop.
        let p = rest.find(". ").filter(|&p| truncated && p <= 100)?;
        end += p + 1;
    }
    let rest = s.get(end..)?;
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '|')
            })
            .len();
    Some(end + skip)
}

/// "AFP Friday 22 Jul 2016": a known agency and a date, nothing else. The agency.
fn agency_date_prefix(s: &str) -> Option<String> {
    let first = s.split_whitespace().next()?;
    let rest = s.get(first.len()..)?.trim();
    (is_agency(&key(first)) && meta::date_prefix_len(rest) == Some(rest.len()))
        .then(|| first.to_string())
}

/// A known agency followed by a date ("AFP Friday 15 Jul 2016 At least ..."): the agency
/// and the bytes both take.
fn agency_and_date(line: &str) -> Option<(String, usize)> {
    let first = line.split_whitespace().next()?;
    if !is_agency(&key(first)) {
        return None;
    }
    // Byte offset of the date: past the agency word and the white space after it.
    let word_end = first.as_ptr() as usize - line.as_ptr() as usize + first.len();
    let rest = line.get(word_end..)?;
    let after = word_end + (rest.len() - rest.trim_start().len());
    let n = leading_date_len(line.get(after..)?)?;
    Some((first.to_string(), after + n))
}

// ---------------------------------------------------------------------------------------
// Rules 5-8: the tail

/// A line that reads like a paragraph of the article, not a teaser: long and not cut
/// short with an ellipsis.
fn is_body_like(line: &str) -> bool {
    word_count(line) >= 30 && !ends_with_ellipsis(line)
}

/// A heading of a list or a navigation label.
fn is_heading(line: &str) -> bool {
    let k = key(line);
    is_related_heading(&k) || is_nav_line(&k)
}

/// An inline "read also" link in the body: "Read also: Another story", "اقرأ أيضاً: ...".
fn is_inline_read_also(line: &str) -> bool {
    let f = fold(line);
    let n = word_count(&f);
    n <= 30
        && [
            "read also",
            "read more",
            "also read",
            "see also",
            "اقرا ايضا",
            "اقرا كذلك",
            "اقرا المزيد",
        ]
        .iter()
        .any(|p| {
            f.strip_prefix(p)
                .is_some_and(|r| r.trim_start().starts_with([':', '-', '|']))
        })
}

/// Rules 5-8. Rule 6: from a comment-form line ("Leave a Reply", "أضف تعليق") to the end is
/// CommentForm. Rule 5: from a related-links heading ("Related Articles", "مواضيع ذات صلة")
/// to the end is RelatedLinks, one entry a line, when no real paragraph follows it; a
/// heading with nothing under it is Navigation, and an inline "Read also: …" line is
/// RelatedLinks on its own. Rules 7-8: then, from the end backwards, navigation labels and
/// lists ("Tags: …") are Navigation and date stamps Timestamp. Last, a trailing run of
/// teasers (short titles, excerpts cut with "…", date stamps) with at least two stamps, or
/// a stamp and two excerpts, is RelatedLinks. The first body line is never taken here.
fn tail(doc: &mut Doc) {
    let kept = doc.kept();
    let mut cut = None;
    for (p, &i) in kept.iter().enumerate().skip(1) {
        let line = doc.line(i).to_string();
        if is_comment_start(&line) {
            cut = Some(p);
            break;
        }
        let k = key(&line);
        let phrase = is_related_phrase(&k);
        if phrase || (is_related_pattern(&k) && word_count(&line) <= 5) {
            if kept[p + 1..].iter().all(|&j| !is_body_like(doc.line(j))) {
                cut = Some(p);
                break;
            }
            // A known heading in the middle of the article: take it and its link line only.
            if phrase {
                doc.drop_line(i, RemovedKind::RelatedLinks);
                if let Some(&j) = kept.get(p + 1) {
                    if !is_body_like(doc.line(j)) && !ends_sentence(doc.line(j)) {
                        doc.drop_line(j, RemovedKind::RelatedLinks);
                    }
                }
            }
            continue;
        }
        if is_inline_read_also(&line) {
            doc.drop_line(i, RemovedKind::RelatedLinks);
        }
    }
    let mut end = kept.len();
    if let Some(p) = cut {
        end = p;
        let mut comment = false;
        for (q, &i) in kept.iter().enumerate().skip(p) {
            let Some(line) = doc.lines[i].clone() else {
                continue;
            };
            comment = comment || is_comment_start(&line);
            let kind = if comment {
                RemovedKind::CommentForm
            } else if is_heading(&line) {
                // A heading introduces links only when one follows it directly.
                let next = kept.get(q + 1).map(|&j| doc.line(j));
                if next.is_some_and(|n| !is_heading(n) && !is_comment_start(n)) {
                    RemovedKind::RelatedLinks
                } else {
                    RemovedKind::Navigation
                }
            } else {
                RemovedKind::RelatedLinks
            };
            doc.drop_line(i, kind);
        }
    }
    // Navigation and stamps at the very end.
    while end > 1 {
        let i = kept[end - 1];
        let line = doc.line(i);
        let kind = if is_nav_line(&key(line))
            || is_heading(line)
            || is_nav_list_line(line)
            || is_contact_line(line)
        {
            RemovedKind::Navigation
        } else if meta::is_date_line(line) || is_time_line(line) {
            RemovedKind::Timestamp
        } else if doc.lines[i].is_none() {
            end -= 1;
            continue;
        } else {
            break;
        };
        doc.drop_line(i, kind);
        end -= 1;
    }
    teaser_run(doc, &kept[..end]);
}

/// "16:02", "16:02 GMT", "10:30 ت م": a time on its own with at most two short words.
fn is_time_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let parts: Vec<&str> = first.split(':').collect();
    let time = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = words.collect();
    time && rest.len() <= 2 && rest.iter().all(|w| w.chars().count() <= 4)
}

/// Rule 5 without a heading: a trailing run of teaser lines.
fn teaser_run(doc: &mut Doc, kept: &[usize]) {
    let mut start = kept.len();
    let (mut stamps, mut excerpts) = (0, 0);
    while start > 1 {
        let line = doc.line(kept[start - 1]);
        if doc.lines[kept[start - 1]].is_none() {
            start -= 1;
            continue;
        }
        if meta::is_date_line(line) || is_time_line(line) {
            stamps += 1;
        } else if ends_with_ellipsis(line) && word_count(line) <= 60 {
            excerpts += 1;
        } else if word_count(line) > 20 || ends_sentence(line) {
            break;
        }
        start -= 1;
    }
    let run = kept.len() - start;
    if run >= 3 && (stamps >= 2 || (stamps >= 1 && excerpts >= 2)) {
        for &i in &kept[start..] {
            doc.drop_line(i, RemovedKind::RelatedLinks);
        }
    }
}

/// Rule 7 anywhere: a line that is exactly a navigation or sharing label ("Advertisement",
/// "Share this:") goes wherever it stands. Short real lines (a quote, a subheading) stay:
/// only whole known labels match.
fn navigation_lines(doc: &mut Doc) {
    let kept = doc.kept();
    for &i in kept.iter().skip(1) {
        if is_nav_line(&key(doc.line(i))) && doc.kept().len() > 1 {
            doc.drop_line(i, RemovedKind::Navigation);
        }
    }
}

/// Labels that open page furniture (a list of tags, links or sharing buttons) when they
/// come after the last sentence, matched with their case: "Related" and "Tags" open lists,
/// "related" and "tags" are words of a sentence. None is a word an Arabic sentence would
/// start with ("شارك" is also "took part"): those count only as a whole tail, through the
/// navigation list.
const TAIL_LABELS: &[(&str, RemovedKind)] = &[
    ("Related", RemovedKind::RelatedLinks),
    ("Read Also", RemovedKind::RelatedLinks),
    ("Read also", RemovedKind::RelatedLinks),
    ("Read More", RemovedKind::RelatedLinks),
    ("Read more", RemovedKind::RelatedLinks),
    ("Also read", RemovedKind::RelatedLinks),
    ("See also", RemovedKind::RelatedLinks),
    ("اقرأ أيضا", RemovedKind::RelatedLinks),
    ("اقرأ أيضاً", RemovedKind::RelatedLinks),
    ("Tags", RemovedKind::Navigation),
    ("Keywords", RemovedKind::Navigation),
    ("Topics", RemovedKind::Navigation),
    ("Follow us", RemovedKind::Navigation),
    ("Share this", RemovedKind::Navigation),
    ("Share on", RemovedKind::Navigation),
    ("الوسوم", RemovedKind::Navigation),
    ("كلمات مفتاحية", RemovedKind::Navigation),
    ("كلمات دلالية", RemovedKind::Navigation),
    ("Comment via", RemovedKind::CommentForm),
    ("Community standards", RemovedKind::CommentForm),
    ("Leave a comment", RemovedKind::CommentForm),
];

/// Phrases of site footers; two of them after the text mean the footer ran into it.
#[rustfmt::skip]
const FOOTER: &[&str] = &[
    "follow us on", "subscribe to our", "privacy policy", "cookie policy", "terms of use",
    "terms of service", "all rights reserved", "copyright ©", "copyright 20", "© 20", "comment via",
    "share this article", "sign up for our newsletter", "جميع الحقوق محفوظة", "تابعونا على",
    "تابعنا على",
];

/// Pages whose article is one long paragraph run their furniture into it. In the last
/// paragraph, after its last sentence, a short tail opening with a label ("… protests.
/// Read Also", "… studied. ... 11 Tags Assad Damascus Comment via Facebook") goes: related
/// labels as RelatedLinks, comment ones as CommentForm, the rest as Navigation. And from the
/// sentence where a site footer starts ("Follow us on Instagram. … Privacy Policy Cookie
/// Policy"), when two footer phrases or more follow, the rest goes as Navigation.
fn last_paragraph_tail(doc: &mut Doc) {
    let Some(&i) = doc.kept().last() else { return };
    let line = doc.line(i).trim_end().to_string();
    let end = line
        .rfind(['.', '!', '?', '؟', '"', '”', ')', '»'])
        .map_or(0, |p| {
            p + line
                .get(p..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8)
        });
    if let Some(tail) = line
        .get(end..)
        .filter(|t| (1..=150).contains(&word_count(t)))
    {
        // The whole tail a navigation label or related heading ("… protests. Read Also",
        // "… ). Twitter"), share counts ("11") allowed before it.
        let label = tail.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit());
        let k = key(label);
        let whole = if is_related_phrase(&k) {
            Some(RemovedKind::RelatedLinks)
        } else if is_nav_line(&k) {
            Some(RemovedKind::Navigation)
        } else {
            None
        };
        // Else the first label inside the tail, at a word start.
        let inside = || {
            TAIL_LABELS
                .iter()
                .flat_map(|&(l, kind)| tail.match_indices(l).map(move |(at, _)| (at, l, kind)))
                .filter(|&(at, l, _)| {
                    let before = tail.get(..at).and_then(|h| h.chars().last());
                    let after = tail.get(at + l.len()..).and_then(|r| r.chars().next());
                    before.is_none_or(char::is_whitespace)
                        && after.is_none_or(|c| !c.is_alphanumeric())
                })
                .min_by_key(|&(at, _, _)| at)
        };
        let cut = match whole {
            Some(kind) => Some((end, kind)),
            None if end > 0 && end < line.len() => inside().map(|(at, _, kind)| (end + at, kind)),
            None => None,
        };
        if let Some((from, kind)) = cut {
            if cut_suffix(doc, i, from, kind) {
                return;
            }
        }
    }
    footer_in_paragraph(doc, i);
}

/// Removes line `i` from byte `from` on, when something worth keeping stays before it.
fn cut_suffix(doc: &mut Doc, i: usize, from: usize, kind: RemovedKind) -> bool {
    let Some(Some(line)) = doc.lines.get_mut(i) else {
        return false;
    };
    let (Some(keep), Some(gone)) = (line.get(..from), line.get(from..)) else {
        return false;
    };
    let (keep, gone) = (keep.trim_end().to_string(), gone.trim().to_string());
    if word_count(&keep) < 3 || gone.is_empty() {
        return false;
    }
    *line = keep;
    doc.removed.push((i + 1, Removed { kind, text: gone }));
    true
}

/// The footer rule of [`last_paragraph_tail`].
fn footer_in_paragraph(doc: &mut Doc, i: usize) {
    let line = doc.line(i).to_string();
    // ASCII lower case keeps byte offsets, and the Arabic phrases have no case.
    let lower = line.to_ascii_lowercase();
    let mut hits: Vec<(usize, &str)> = FOOTER
        .iter()
        .flat_map(|p| lower.match_indices(p).map(move |(at, _)| (at, *p)))
        .filter(|&(at, _)| {
            at == 0
                || lower
                    .get(..at)
                    .is_some_and(|h| h.ends_with(|c: char| !c.is_alphanumeric()))
        })
        .collect();
    hits.sort();
    let distinct = {
        let mut d: Vec<&str> = hits.iter().map(|h| h.1).collect();
        d.sort();
        d.dedup();
        d.len()
    };
    let Some(&(first, _)) = hits.first() else {
        return;
    };
    if distinct < 2 || first * 10 < line.len() * 4 {
        return;
    }
    // Back to the start of the sentence the footer opens.
    let start = line
        .get(..first)
        .and_then(|h| h.rfind(". ").map(|p| p + 2))
        .filter(|&s| first - s <= 120)
        .unwrap_or(first);
    cut_suffix(doc, i, start, RemovedKind::Navigation);
}

/// Author contact lines at the end: an e-mail address or a link, alone or in a short line
/// ("name@example.com", "للتواصل مع الكاتب ...").
fn is_contact_line(line: &str) -> bool {
    let email = line.split_whitespace().any(|w| {
        w.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.starts_with('.'))
    });
    let link = line
        .split_whitespace()
        .any(|w| w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www."));
    (email || link) && word_count(line) <= (if email { 40 } else { 3 }) && !ends_sentence(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use RemovedKind::*;

    fn run(text: &str) -> Cleaned {
        let mut lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from);
        let title = lines.next().unwrap_or_default();
        clean(&title, lines.collect())
    }

    fn kinds(c: &Cleaned) -> Vec<RemovedKind> {
        c.removed.iter().map(|r| r.kind).collect()
    }

    const P1: &str = "The council met on Tuesday to discuss the water shortage that has hit the northern villages since the spring, officials said.";
    const P2: &str = "Residents said they had waited for weeks for tankers that never came, and that prices for bottled water had doubled.";

    #[test]
    fn title_suffixes_of_sites_go() {
        let c = run(&format!(
            "Water shortage hits northern villages | The Valley Courier\n{P1}"
        ));
        assert_eq!(c.title, "Water shortage hits northern villages");
        assert_eq!(
            c.removed[0],
            Removed {
                kind: TitleSuffix,
                text: "The Valley Courier".into()
            }
        );
        let c = run(&format!(
            "أزمة مياه تضرب القرى الشمالية في المحافظة - Valley Voice!\n{P1}"
        ));
        assert_eq!(c.title, "أزمة مياه تضرب القرى الشمالية في المحافظة");
        let c = run(&format!(
            "Water shortage hits northern villages - Region - World - Valley Online\n{P1}"
        ));
        assert_eq!(c.title, "Water shortage hits northern villages");
        assert_eq!(c.removed[0].text, "Region - World - Valley Online");
        let c = run(&format!(
            "Water shortage hits northern villages :: valleynews.example\n{P1}"
        ));
        assert_eq!(c.title, "Water shortage hits northern villages");
    }

    #[test]
    fn real_headlines_with_dashes_stay() {
        for t in [
            "Syria - rebels retreat from Aleppo",
            "Turkey says it will not allow a new state on its border - Erdogan",
            "Talks between the two sides resume in Geneva – minister",
            "اشتباكات على الحدود التركية - السورية",
            "ارتفاع أسعار الوقود في المدن الكبرى - فيديو",
            "Iran's Rouhani, Russia's Putin Discuss Latest Developments in Syria",
        ] {
            let c = run(&format!("{t}\n{P1}"));
            assert_eq!(c.title, t);
            assert!(c.removed.is_empty(), "{t}: {:?}", c.removed);
        }
    }

    #[test]
    fn repeated_title_line_goes() {
        let c = run(&format!(
            "Water shortage hits northern villages\nWater  shortage hits northern villages\n{P1}"
        ));
        assert_eq!(kinds(&c), [RepeatedTitle]);
        assert_eq!(c.paragraphs, [P1]);
        // Repeated without the site name, and repeated with a date.
        let c = run(&format!("Water shortage hits northern villages - Valley News!\nWater shortage hits northern villages\n{P1}"));
        assert_eq!(kinds(&c), [TitleSuffix, RepeatedTitle]);
        let c = run(&format!(
            "Water shortage hits villages\nWater shortage hits villages 12 May 2019\n{P1}"
        ));
        assert_eq!(kinds(&c), [RepeatedTitle]);
    }

    #[test]
    fn outlet_lines_name_the_outlet() {
        let c = run(&format!("أزمة مياه في القرى\nصوت الوادي - (خاص)\n{P1}"));
        assert_eq!(c.outlet.as_deref(), Some("صوت الوادي"));
        assert_eq!(kinds(&c), [OutletLine]);
        let c = run(&format!("Water shortage\nValley News - Staff\n{P1}"));
        assert_eq!(c.outlet.as_deref(), Some("Valley News"));
        // A byline: removed, but which part is the outlet cannot be told.
        let c = run(&format!("أزمة مياه\nسالم أحمد – صوت الوادي\n{P1}"));
        assert_eq!((kinds(&c), c.outlet), (vec![OutletLine], None));
        // A short quote line is no outlet line.
        let c = run(&format!(
            "Water shortage\n{P1}\n\"We are thirsty - help us.\"\n{P2}"
        ));
        assert!(c.removed.is_empty());
    }

    #[test]
    fn datelines_are_read_and_stripped() {
        let c = run(&format!("Water\nVALLETTA (Island Wire) – {P1}\n{P2}"));
        assert_eq!(
            (c.dateline.as_deref(), c.agency.as_deref()),
            (Some("VALLETTA"), Some("Island Wire"))
        );
        assert_eq!(
            c.removed[0],
            Removed {
                kind: Dateline,
                text: "VALLETTA (Island Wire) –".into()
            }
        );
        assert!(c.paragraphs[0].starts_with("The council"));
        let c = run(&format!("مياه\nحمص - وكالة الوادي: {P1}"));
        assert_eq!(c.dateline.as_deref(), Some("حمص"));
        assert_eq!(c.agency.as_deref(), Some("وكالة الوادي"));
        let c = run(&format!(
            "أزمة\nجدة 3 محرم 1440 هـ الموافق 13 سبتمبر 2018 م واس\n{P1}"
        ));
        assert_eq!(
            (c.dateline.as_deref(), c.agency.as_deref()),
            (Some("جدة"), Some("واس"))
        );
    }

    #[test]
    fn fakes_style_openings() {
        let t = "Water shortage hits northern villages";
        let c = run(&format!("{t}\nMon 06 May 2019 {t}. {P1}"));
        assert_eq!(kinds(&c), [Timestamp, RepeatedTitle]);
        assert_eq!(c.paragraphs[0], P1);
        let c = run(&format!("{t}\n{t} AFP Monday 6 May 2019 {P1}"));
        assert_eq!(kinds(&c), [RepeatedTitle, Dateline]);
        assert_eq!(c.agency.as_deref(), Some("AFP"));
        // A headline the page cut short, finished in the body.
        let c = run(&format!("Water shortage hits northern villages of the \nWater shortage hits northern villages of the valley. {P1}"));
        assert_eq!(c.paragraphs[0], P1);
        // A short headline is not stripped from a body that happens to start with it.
        let c = run("Water\nWater is scarce in the north this year, officials said.");
        assert!(c.removed.is_empty());
    }

    #[test]
    fn related_lists_go_to_the_end() {
        let c = run(&format!(
            "Water\n{P1}\n{P2}\nمقالات ذات صلة\nAnother story about wells\nA teaser that is cut short ...\n2020-01-02 10:11:12"
        ));
        assert_eq!(
            kinds(&c),
            [RelatedLinks, RelatedLinks, RelatedLinks, RelatedLinks]
        );
        assert_eq!(c.paragraphs, [P1, P2]);
        // Folded Arabic: hamza, tanwin and tatweel do not matter.
        let c = run(&format!("Water\n{P1}\nإقـرأ أيضاً:\nقصة أخرى عن الآبار"));
        assert_eq!(kinds(&c), [RelatedLinks, RelatedLinks]);
        // Headings with nothing under them are navigation.
        let c = run(&format!(
            "Water\n{P1}\nMost Visited in Economy\nTop Economy stories\nTop Stories"
        ));
        assert_eq!(kinds(&c), [Navigation, Navigation, Navigation]);
    }

    #[test]
    fn a_related_heading_before_real_paragraphs_takes_only_its_link() {
        let long = format!("{P1} {P2}");
        let c = run(&format!(
            "Water\n{P1}\nRead also\nWells run dry in the south\n{long}"
        ));
        assert_eq!(kinds(&c), [RelatedLinks, RelatedLinks]);
        assert_eq!(c.paragraphs, [P1, long.as_str()]);
    }

    #[test]
    fn teasers_without_heading() {
        let c = run(&format!(
            "Water\n{P1}\nWells run dry in the south\nThe wells of the southern plain have run dry after ...\n2021-03-04 11:12:13\nFarmers protest prices\nFarmers gathered in the square on ...\n2021-03-05 09:00:00"
        ));
        assert_eq!(c.paragraphs, [P1]);
        assert_eq!(c.removed.len(), 6);
        // A real last paragraph stays.
        let c = run(&format!(
            "Water\n{P1}\n{P2}\nThe ministry said it would act."
        ));
        assert!(c.removed.is_empty());
    }

    #[test]
    fn comment_forms_go() {
        let c = run(&format!(
            "Water\n{P1}\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nPost Comment"
        ));
        assert_eq!(kinds(&c), [CommentForm, CommentForm, CommentForm]);
        let c = run(&format!("مياه\n{P1}\nأضف تعليقاً\nالاسم"));
        assert_eq!(kinds(&c), [CommentForm, CommentForm]);
        // "Comments" opening a sentence is body text.
        let c = run(&format!("Water\n{P1}\nComments made by the minister angered the villagers, who marched on Friday."));
        assert!(c.removed.is_empty());
    }

    #[test]
    fn navigation_and_stamps() {
        let c = run(&format!(
            "Water\n{P1}\nAdvertisement\n{P2}\nShare this:\nTags: water, villages\n2019-05-06"
        ));
        assert_eq!(kinds(&c), [Navigation, Navigation, Navigation, Timestamp]);
        assert_eq!(c.paragraphs, [P1, P2]);
        let c = run(&format!("Water\n{P1} Read Also"));
        assert_eq!(c.paragraphs, [P1]);
        assert_eq!(kinds(&c), [RelatedLinks]);
        let c = run(&format!("أزمة\nشارك من خلال تويتر فيسبوك {P1}\n{P2}"));
        assert_eq!(kinds(&c), [Navigation]);
        assert_eq!(c.paragraphs[0], P1);
    }

    #[test]
    fn share_bars_but_not_sentences_about_sharing() {
        let c = run(&format!("Water\nNext Previous {P1}"));
        assert_eq!(kinds(&c), [Navigation]);
        let c = run(&format!(
            "مياه\nعبر تويتر، أعلن الوزير أن المياه ستعود إلى القرى خلال أيام\n{P2}"
        ));
        assert!(c.removed.is_empty(), "{:?}", c.removed);
    }

    #[test]
    fn credits_and_headlines_after_stamps() {
        // A paper's "reporter - paper - city:" credit: the city is the place.
        let c = run(&format!("أزمة\nسالم أحمد - صحيفة الوادي - حمص: {P1}"));
        assert_eq!(c.dateline.as_deref(), Some("حمص"));
        // The headline after a byline stamp.
        let t = "Water shortage hits northern villages";
        let c = run(&format!(
            "{t}\nPosted on May 6 2019 by Staff Writer {t}. {P1}"
        ));
        assert_eq!(kinds(&c), [Timestamp, RepeatedTitle]);
        assert_eq!(c.paragraphs[0], P1);
        // A lede that begins with the headline's words keeps them.
        let c = run(&format!(
            "{t}\n{t} for the third year running, officials said on Monday."
        ));
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        // A site name glued to the headline's last word.
        let c = run(&format!("{t}- Valley TV Website\n{P1}"));
        assert_eq!(c.title, t);
    }

    #[test]
    fn footers_and_contacts_run_into_the_text() {
        let c = run(&format!(
            "Water\n{P1} {P2} Follow us on Twitter. Privacy Policy Terms of Use"
        ));
        assert_eq!(kinds(&c), [Navigation]);
        assert_eq!(c.paragraphs[0], format!("{P1} {P2}"));
        let c = run(&format!("Water\n{P1}\nwriter@example.org"));
        assert_eq!(kinds(&c), [Navigation]);
        let c = run(&format!(
            "Water\n{P1} 12 Tags water villages drought Comment via Facebook"
        ));
        assert_eq!(kinds(&c), [Navigation]);
        // "tags" inside a last sentence is a word, not a label.
        let c = run(&format!(
            "Water\n{P1} Officials said the tags were found on the wells"
        ));
        assert!(c.removed.is_empty(), "{:?}", c.removed);
    }

    #[test]
    fn short_quotes_and_real_endings_stay() {
        let text =
            format!("Water\n{P1}\n\"We will not leave.\"\n{P2}\nThe wells, he said, are empty");
        let c = run(&text);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        assert_eq!(c.paragraphs.len(), 4);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "a",
            "a\n-",
            "x\n - \n|\n...",
            "عنوان\n(",
            "T\n( ) -",
            "Title\nMay",
            "é - ß | ü\n—",
        ] {
            let _ = run(t);
        }
    }
}
