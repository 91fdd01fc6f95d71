//! Phrase lists. General phrases of news sites in English and Arabic, matched folded and
//! whole-line unless said otherwise, and the predicates that look lines up in them. The
//! predicates that take a whole line first check what a match needs of the line's start or
//! length (see `matching`), so a paragraph is not folded whole only to be turned down.

use std::sync::OnceLock;

use super::matching::{ends_sentence, fold_head, key_head, key_within, word_count};
use crate::ingest::meta::{fold, folded_list, key};

/// Bytes of the longest of `keys`, computed once into `cell`.
fn longest(cell: &'static OnceLock<usize>, keys: &[String]) -> usize {
    *cell.get_or_init(|| keys.iter().map(String::len).max().unwrap_or(0))
}

pub(super) static RELATED_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
pub(super) const RELATED: &[&str] = &[
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

/// A line that is a heading opening a list of links to other articles.
pub(super) fn is_related_heading(line: &str) -> bool {
    is_related_phrase_line(line) || is_related_pattern_line(line)
}

/// One of the known related-links headings, word for word.
pub(super) fn is_related_phrase(k: &str) -> bool {
    !k.is_empty() && folded_list(&RELATED_CELL, RELATED).iter().any(|p| p == k)
}

/// [`is_related_phrase`] of the line's key.
pub(super) fn is_related_phrase_line(line: &str) -> bool {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let max = longest(&LONGEST, folded_list(&RELATED_CELL, RELATED));
    key_within(line, max).is_some_and(|k| is_related_phrase(&k))
}

/// A heading with a section name in it: "More from Politics", "Most Visited in Politics",
/// "Top Politics stories", "More Syria news". Trusted only where a list follows to the end:
/// in the middle of an article "More on the economy" may be a subheading.
pub(super) fn is_related_pattern(k: &str) -> bool {
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

/// [`is_related_pattern`] of the line's key. Every heading it accepts starts with one of
/// these words and a space (keep them in step).
pub(super) fn is_related_pattern_line(line: &str) -> bool {
    const FIRST_WORDS: &[&str] = &["more ", "most ", "latest ", "top ", "الاكثر "];
    let head = key_head(line, 16);
    FIRST_WORDS.iter().any(|w| head.starts_with(w)) && is_related_pattern(&key(line))
}

pub(super) static NAV_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
pub(super) const NAV: &[&str] = &[
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
pub(super) fn is_nav_line(k: &str) -> bool {
    !k.is_empty() && folded_list(&NAV_CELL, NAV).iter().any(|p| p == k)
}

/// [`is_nav_line`] of the line's key.
pub(super) fn is_nav_line_of(line: &str) -> bool {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let max = longest(&LONGEST, folded_list(&NAV_CELL, NAV));
    key_within(line, max).is_some_and(|k| is_nav_line(&k))
}

/// Navigation that carries a list after a label, trusted at the end only: "Tags: Syria,
/// Aleppo", "Share on: Facebook Twitter", "الوسوم: سوريا".
pub(super) fn is_nav_list_line(line: &str) -> bool {
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        "tags", "topics", "filed under", "share this", "share on", "share", "follow us on", "keywords",
        "categories", "category", "الوسوم", "كلمات مفتاحية", "كلمات دلالية", "الكلمات المفتاحية",
        "شارك على", "تابعونا على", "تابعنا على", "التصنيف", "الأقسام",
    ];
    static LABEL_CELL: OnceLock<Vec<String>> = OnceLock::new();
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let labels = folded_list(&LABEL_CELL, LABELS);
    // Only a line opening with a label can match: fold the rest only then.
    let head = fold_head(line, longest(&LONGEST, labels));
    if !labels.iter().any(|l| head.starts_with(l.as_str())) {
        return false;
    }
    let f = fold(line);
    word_count(&f) <= 25
        && !ends_sentence(line)
        && labels.iter().any(|l| {
            f.strip_prefix(l.as_str())
                .is_some_and(|r| r.trim_start().starts_with([':', '：']))
        })
}

pub(super) static COMMENT_CELL: OnceLock<Vec<String>> = OnceLock::new();
#[rustfmt::skip]
pub(super) const COMMENT_STARTS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "add comment",
    "add new comment", "post comment", "submit comment", "your email address will not be published",
    "required fields are marked", "you may use these html tags", "comments are closed",
    "you must be logged in to post a comment", "join the discussion", "comment via",
    "write a comment", "أضف تعليق", "أضف تعليقا", "أضف تعليقك", "اترك تعليقا", "اترك تعليق",
    "اترك رد", "اترك ردا", "لن يتم نشر عنوان بريدك الإلكتروني", "اكتب تعليقك", "إضافة تعليق",
    "أضف رد", "الحقول المطلوبة", "التعليقات مغلقة", "لا توجد تعليقات",
];

/// The first line of a comment form ("Leave a Reply", "أضف تعليق").
pub(super) fn is_comment_start(line: &str) -> bool {
    // The phrases are short: the head of a long paragraph is enough to compare.
    let mut cut = line.len().min(240);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    // Every phrase starts with a letter: most lines are turned down on their first words.
    static LONGEST: OnceLock<usize> = OnceLock::new();
    let phrases = folded_list(&COMMENT_CELL, COMMENT_STARTS);
    let head = key_head(&line[..cut], longest(&LONGEST, phrases));
    if !phrases.iter().any(|p| head.starts_with(p.as_str())) {
        return false;
    }
    let k = key(&line[..cut]);
    let n = if cut < line.len() {
        word_count(line)
    } else {
        word_count(&k)
    };
    phrases.iter().any(|p| {
        k.strip_prefix(p.as_str()).is_some_and(|rest| {
            // Whole words only, and short unless the phrase itself is long (the HTML-tags
            // sentence runs on with a list of tags).
            (rest.is_empty() || rest.starts_with([' ', ':', '.', ',', '*', '(']))
                && (n <= 15 || word_count(p) >= 4)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::clean::matching::is_alphanumeric;
    use proptest::prelude::*;

    #[test]
    fn comment_phrases_start_with_a_letter() {
        // `is_comment_start` compares them with the key from its first letter on.
        for p in folded_list(&COMMENT_CELL, COMMENT_STARTS) {
            assert!(p.starts_with(is_alphanumeric), "{p}");
        }
    }

    fn heading() -> impl Strategy<Value = String> {
        #[rustfmt::skip]
        const WORDS: &[&str] = &[
            "More", "more", "from", "Most", "visited", "read", "popular", "in", "Latest", "TOP",
            "top", "stories", "news", "الأكثر", "قراءة", "في", "Syria", "»", ":", "-", "...", "",
        ];
        let word = prop::sample::select(WORDS);
        let sep = prop::sample::select(vec![" ", "  ", "\u{A0}", ": ", "", "\u{064B}"]);
        prop::collection::vec((word, sep), 0..9)
            .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn pattern_lines_as_their_keys_say(line in heading()) {
            prop_assert_eq!(is_related_pattern_line(&line), is_related_pattern(&key(&line)));
        }
    }
}
