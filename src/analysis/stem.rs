//! Stemming, by script. English uses Snowball (crate `rust-stemmers`). Arabic uses a light
//! stemmer in the manner of Larkey et al.'s Light10: the definite article and its
//! combinations (ال وال بال كال فال لل) are removed where at least two letters remain, then
//! one common suffix (ها ان ات ون ين يه ه ي; ة and ية arrive as ه and يه) where at least
//! three remain. A single-letter proclitic (و ف ب ك ل) may be a clitic or the word's own
//! first letter (وحسن = و + حسن, but وزير is one word), so it yields an alternative
//! reading, not the main term.

use super::script::Script;
use super::{ArabicStemmer, Config};
use rust_stemmers::{Algorithm, Stemmer};

/// The main term and the alternative readings of a normalized word.
pub fn stem(script: Script, word: &str, config: &Config) -> (String, Vec<String>) {
    match script {
        Script::Arabic => match config.arabic_stemmer {
            ArabicStemmer::Light => arabic(word, config.readings),
            ArabicStemmer::With(stemmer) => (stemmer(word), Vec::new()),
            ArabicStemmer::None => (word.to_string(), Vec::new()),
        },
        Script::Latin if word.chars().all(|c| c.is_ascii_lowercase()) => (
            Stemmer::create(Algorithm::English).stem(word).into_owned(),
            Vec::new(),
        ),
        _ => (word.to_string(), Vec::new()),
    }
}

const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ك', 'ل'];

fn letters(s: &str) -> usize {
    s.chars().count()
}

pub(crate) fn without_article(word: &str) -> &str {
    ARTICLES
        .iter()
        .find_map(|a| word.strip_prefix(a).filter(|rest| letters(rest) >= 2))
        .unwrap_or(word)
}

fn without_suffix(word: &str) -> &str {
    SUFFIXES
        .iter()
        .find_map(|s| word.strip_suffix(s).filter(|rest| letters(rest) >= 3))
        .unwrap_or(word)
}

fn light(word: &str) -> String {
    without_suffix(without_article(word)).to_string()
}

fn arabic(word: &str, readings: bool) -> (String, Vec<String>) {
    let main = light(word);
    let mut alternatives = Vec::new();
    let article_removed = without_article(word).len() != word.len();
    if readings && !article_removed {
        if let Some(rest) = word
            .strip_prefix(PROCLITICS)
            .filter(|rest| letters(rest) >= 3)
        {
            alternatives.push(light(rest));
        }
    }
    (main, alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::normalize_word;

    fn terms(word: &str) -> (String, Vec<String>) {
        let (script, normalized) = normalize_word(word);
        stem(script, &normalized, &Config::default())
    }

    #[test]
    fn conflates_equivalence_classes() {
        let classes: &[&[&str]] = &[
            &["أحمد", "احمد"],
            &["فاطمة", "فاطمه"],
            &["والحسن", "الحسن", "حسن"],
            &["ساهدات", "ساهدون", "ساهد"],
            &["الغوطة", "غوطه", "بالغوطة", "للغوطة"],
            &["Iran’s", "Iran", "Iran's"],
            &["negotiations", "negotiation"],
        ];
        for class in classes {
            let first = terms(class[0]).0;
            for w in *class {
                assert_eq!(terms(w).0, first, "{w} should meet {}", class[0]);
            }
        }
    }

    #[test]
    fn a_leading_proclitic_is_only_an_alternative() {
        assert_eq!(terms("وحسن"), ("وحسن".to_string(), vec!["حسن".to_string()]));
        // Known false positive, kept as an alternative only: وزير also reads as و + زير.
        assert_eq!(terms("وزير"), ("وزير".to_string(), vec!["زير".to_string()]));
        // Too short for a proclitic reading: ولد stays one word.
        assert_eq!(terms("ولد").1, Vec::<String>::new());
    }
}
