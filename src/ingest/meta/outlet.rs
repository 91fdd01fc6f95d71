//! The outlet and agency names one story is filed under, made one spelling per outlet: pages
//! and datelines name the same publisher in both scripts and many forms ("AFP", «أ ف ب»,
//! «فرانس برس»; "Telegraph.co.uk", "The Telegraph"), and sometimes put a section or a
//! hosting note where the outlet belongs ("Letters to the Editor", "Hosted"). The Source
//! menu counts by these names, so they are tidied as each article is admitted (the one
//! intake of the page and the CLI, after sidecars): known aliases fold to one name, an address
//! becomes its host ("http://www.tmz.com" → "tmz.com"), and what names no outlet is dropped.
//! General knowledge of news publishers, not of any file; matched by [`super::key`], so case,
//! Arabic letter variants and decorating punctuation do not matter.

use super::{is_credit, key};
use std::sync::OnceLock;

/// One name per outlet, then the spellings that mean it (the name itself is matched too).
#[rustfmt::skip]
const ALIASES: &[(&str, &[&str])] = &[
    ("AFP", &["agence france-presse", "agence france presse", "france presse", "أ ف ب", "ا ف ب",
        "أ.ف.ب", "أ. ف. ب", "فرانس برس", "فرانس بريس", "وكالة فرانس برس", "الفرنسية"]),
    ("Reuters", &["reuters.com", "rtrs", "thomson reuters", "رويترز", "وكالة رويترز"]),
    ("AP", &["associated press", "the associated press", "apnews.com", "أسوشيتد برس",
        "اسوشيتد برس", "أسوشيتدبرس"]),
    ("dpa", &["deutsche presse-agentur", "د ب أ", "د.ب.أ", "د. ب. أ", "الألمانية"]),
    ("The Telegraph", &["telegraph", "telegraph.co.uk", "the daily telegraph", "daily telegraph",
        "تلغراف", "التلغراف", "ديلي تلغراف"]),
    ("SANA", &["sana.sy", "syrian arab news agency", "سانا", "وكالة سانا"]),
    ("SPA", &["saudi press agency", "spa.gov.sa", "واس", "وكالة الأنباء السعودية"]),
    ("WAM", &["emirates news agency", "وام"]),
    ("QNA", &["qatar news agency", "قنا"]),
    ("KUNA", &["kuwait news agency", "كونا"]),
    ("Anadolu Agency", &["anadolu", "aa", "aa.com.tr", "الأناضول", "وكالة الأناضول"]),
    ("Sputnik", &["sputniknews.com", "سبوتنيك"]),
    ("TASS", &["tass.com", "تاس"]),
    ("Xinhua", &["xinhuanet.com", "شينخوا"]),
    ("IRNA", &["إرنا", "ارنا"]),
    ("Tasnim", &["tasnim news agency", "tasnimnews.com", "تسنيم"]),
    ("Al Jazeera", &["aljazeera", "aljazeera.com", "aljazeera.net", "al jazeera english",
        "الجزيرة", "الجزيرة نت"]),
    ("Al Arabiya", &["alarabiya", "alarabiya.net", "al arabiya english", "العربية نت"]),
    ("Asharq Al-Awsat", &["aawsat", "aawsat.com", "asharqalawsat", "asharq al awsat",
        "الشرق الأوسط"]),
    ("BBC News", &["bbc", "bbc.com", "bbc.co.uk", "bbc arabic", "بي بي سي", "بي بي سي عربي"]),
    ("The Wall Street Journal", &["wsj", "wsj.com", "wall street journal"]),
    ("USA Today", &["usatoday", "usatoday.com"]),
    ("The Hill", &["thehill", "thehill.com"]),
    ("Express", &["express.co.uk", "daily express"]),
    ("MSN", &["msn.com"]),
];

/// Section names, page furniture and hosting notes found where a page names its outlet.
#[rustfmt::skip]
const NOT_OUTLETS: &[&str] = &[
    "letters to the editor", "letters", "hosted", "hosted news", "home", "homepage", "news",
    "latest news", "breaking news", "opinion", "opinions", "blog", "blogs", "sponsored",
    "advertisement", "world", "politics", "middle east", "الرئيسية", "أخبار", "الأخبار", "رأي",
];

/// `(key, name)` of every alias, the names included, sorted by key for a binary search.
static TABLE: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();

fn table() -> &'static [(String, &'static str)] {
    TABLE.get_or_init(|| {
        let mut t: Vec<(String, &str)> = ALIASES
            .iter()
            .flat_map(|(name, alts)| {
                std::iter::once(key(name))
                    .chain(alts.iter().map(|a| key(a)))
                    .map(move |k| (k, *name))
            })
            .collect();
        t.sort();
        t
    })
}

/// The name `raw` is shown and counted under, or `None` when it names no outlet.
pub fn outlet_name(raw: &str) -> Option<String> {
    let host = web_host(raw.trim());
    let k = key(host.unwrap_or(raw));
    if k.is_empty() || NOT_OUTLETS.iter().any(|n| *n == k) || is_credit(&k) {
        return None;
    }
    let t = table();
    if let Ok(i) = t.binary_search_by(|(a, _)| a.as_str().cmp(&k)) {
        return t.get(i).map(|(_, name)| (*name).to_string());
    }
    Some(match host {
        Some(h) => h.to_ascii_lowercase(),
        None => raw.trim().to_string(),
    })
}

/// The host of an address given as a name ("http://www.tmz.com/" → "tmz.com"; empty for
/// "http://"), else `None`.
fn web_host(s: &str) -> Option<&str> {
    let lower = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    let rest = if lower("https://") {
        &s[8..]
    } else if lower("http://") {
        &s[7..]
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = match host.get(..4) {
        Some(w) if w.eq_ignore_ascii_case("www.") => &host[4..],
        _ => host,
    };
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::outlet_name;

    fn name(s: &str) -> Option<String> {
        outlet_name(s)
    }

    #[test]
    fn aliases_fold_to_one_name_in_both_scripts() {
        for s in [
            "AFP",
            "afp",
            "أ ف ب",
            "ا ف ب",
            "فرانس برس",
            "Agence France-Presse",
        ] {
            assert_eq!(name(s).as_deref(), Some("AFP"), "{s}");
        }
        for s in ["Reuters", "رويترز", "REUTERS"] {
            assert_eq!(name(s).as_deref(), Some("Reuters"), "{s}");
        }
        for s in ["Telegraph.co.uk", "The Telegraph", "the telegraph"] {
            assert_eq!(name(s).as_deref(), Some("The Telegraph"), "{s}");
        }
        for s in ["SANA", "سانا", "Sana"] {
            assert_eq!(name(s).as_deref(), Some("SANA"), "{s}");
        }
        for s in ["واس", ".واس"] {
            assert_eq!(name(s).as_deref(), Some("SPA"), "{s}");
        }
    }

    #[test]
    fn an_address_becomes_its_host_and_a_known_host_its_outlet() {
        assert_eq!(name("http://www.tmz.com").as_deref(), Some("tmz.com"));
        assert_eq!(
            name("https://WWW.TMZ.com/news/").as_deref(),
            Some("tmz.com")
        );
        assert_eq!(
            name("http://www.telegraph.co.uk/").as_deref(),
            Some("The Telegraph")
        );
        assert_eq!(name("http://").as_deref(), None);
    }

    #[test]
    fn values_that_name_no_outlet_are_dropped() {
        for s in [
            "Letters to the Editor",
            "Hosted",
            "  ",
            "",
            "Staff",
            "وكالات",
            "Home",
        ] {
            assert_eq!(name(s), None, "{s:?}");
        }
    }

    #[test]
    fn other_names_are_kept_as_written() {
        assert_eq!(name(" MSN ").as_deref(), Some("MSN"));
        assert_eq!(name("New York Post").as_deref(), Some("New York Post"));
        assert_eq!(name("عين اليوم").as_deref(), Some("عين اليوم"));
        assert_eq!(name("ftp://x").as_deref(), Some("ftp://x"));
    }
}
