//! Which words may be names: the one test that signing, name proposals and the aligned
//! reader share, so an article's names are the same words in all three. A Latin word may be
//! a name when it is capitalized, three letters or more and no stop word; an Arabic word when
//! it is no stop word, and then in each of the forms a clitic may hide it in.

use super::translit::ArabicName;
use crate::analysis::normalize::latin;
use crate::analysis::script::Script;
use crate::analysis::stopwords::is_stop;

/// A capitalized Latin word that may be a name: `(shown, lower)`, its text without an
/// English possessive ("Drian", not "Drian’s") and its normalized lowercase.
pub(super) fn latin_name_word(word: &str) -> Option<(&str, String)> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = latin::normalize(word);
    latin_may_be_name(&lower).then(|| (without_possessive(word), lower))
}

/// Whether a normalized Latin word could be a name by its letters: three or more, and no
/// stop word. A capitalized word that passes may be a name; a lowercase one that passes is
/// counted as the same word written in lowercase (evidence it is a common word).
pub(super) fn latin_may_be_name(lower: &str) -> bool {
    lower.chars().count() >= 3 && !is_stop(Script::Latin, lower)
}

/// `word` without an English possessive ’s or 's.
pub(super) fn without_possessive(word: &str) -> &str {
    ["’s", "'s", "’S", "'S"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word)
}

/// Whether a normalized Arabic word may hold a name: when it is no stop word (its
/// [`arabic_forms`] say where in it the name may be).
pub(super) fn arabic_may_hold_name(normalized: &str) -> bool {
    !is_stop(Script::Arabic, normalized)
}

/// The forms of a normalized Arabic word a name may hide in: the word, and the word with a
/// conjunction (و, ف), a preposition (ب, ك, ل) and the article (ال, or ل after ل) taken
/// off, wherever three letters remain. Forms whose sound key is too short to be told apart
/// are left out.
pub(super) fn arabic_forms(word: &str) -> Vec<ArabicName> {
    let letters: Vec<char> = word.chars().collect();
    let mut starts = vec![0];
    let mut at = 0;
    if matches!(letters.first(), Some('و' | 'ف')) {
        at = 1;
        starts.push(at);
    }
    if matches!(letters.get(at), Some('ب' | 'ك' | 'ل')) {
        let prep = letters[at];
        at += 1;
        starts.push(at);
        // لل: ل + the article with its alef dropped.
        if prep == 'ل' && letters.get(at) == Some(&'ل') {
            starts.push(at + 1);
        }
    }
    // A form with the article is left out when one without it remains: the sound key
    // drops a leading ال anyway, so both would be aligned against the same names.
    if letters[at..].starts_with(&['ا', 'ل']) && letters.len() >= at + 5 {
        starts.retain(|&s| s != at);
        starts.push(at + 2);
    }
    let mut forms: Vec<ArabicName> = Vec::new();
    for start in starts {
        if letters.len() < start + 3 {
            continue;
        }
        let form = ArabicName::normalized(letters[start..].iter().copied());
        if form.key().len() >= 2 && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names_are_capitalized_long_enough_and_no_stop_word() {
        for (word, shown, lower) in [
            ("Macron", "Macron", "macron"),
            ("Drian’s", "Drian", "drian"),
            ("Drian's", "Drian", "drian"),
            ("Élysée", "Élysée", "elysee"),
        ] {
            assert_eq!(
                latin_name_word(word),
                Some((shown, lower.to_string())),
                "{word}"
            );
        }
        assert_eq!(latin_name_word("macron"), None, "lowercase");
        assert_eq!(latin_name_word("Al"), None, "two letters");
        assert_eq!(latin_name_word("The"), None, "a stop word");
    }

    #[test]
    fn arabic_words_hold_names_unless_stop_words() {
        assert!(arabic_may_hold_name("لماكرون"));
        assert!(!arabic_may_hold_name("التي"));
        let forms: Vec<String> = arabic_forms("لماكرون")
            .iter()
            .map(|f| f.letters().iter().collect())
            .collect();
        assert!(forms.contains(&"ماكرون".to_string()), "{forms:?}");
    }
}
