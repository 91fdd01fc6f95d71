//! Names with an elided prefix: O'Driscoll, D'Souza, N'Djamena, d'Estaing, l'Humanité. A
//! reader types the surname alone (`Driscoll`) as often as the whole word, so such a word
//! is indexed under both readings, the whole word first, as a leading Arabic و/ف/ب/ك/ل is
//! (see `stem`). Contractions and possessives are not names: in don't, it's, I'll, we're
//! and Iran's the part before the apostrophe is long or the part after it is short, so
//! they stay one reading.

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];

/// Where the surname starts in the normalized word, which is the prefix lowercased with the
/// apostrophe dropped: the prefix's length, when `surface` reads as a name with an elided
/// prefix of one or two ASCII letters (O'Neill, d'Estaing). The part after the apostrophe
/// starts with a capital and has at least three letters (all-capital headlines too:
/// O'DRISCOLL), or the prefix is d' or l' and at least four lowercase letters follow (coup
/// d'état, l'amour). `None` for every other word.
pub fn surname_at(surface: &str) -> Option<usize> {
    let prefix = surface
        .bytes()
        .take(3)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let rest = surface[prefix..].strip_prefix(APOSTROPHES)?;
    // A second apostrophe (rock'n'roll) is no name.
    if !(1..=2).contains(&prefix) || rest.contains(APOSTROPHES) {
        return None;
    }
    let letters = rest.chars().count();
    let capital = rest.starts_with(char::is_uppercase) && letters >= 3;
    let elided_article = matches!(&surface[..prefix], "d" | "l" | "D" | "L") && letters >= 4;
    (capital || elided_article).then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::surname_at;

    /// The surname as `surname_at` places it in the surface form.
    fn surname(word: &str) -> Option<&str> {
        let at = surname_at(word)?;
        Some(word[at..].trim_start_matches(super::APOSTROPHES))
    }

    #[test]
    fn names_with_an_elided_prefix_give_their_surname() {
        let cases = [
            ("O'Driscoll", "Driscoll"),
            ("O’Driscoll", "Driscoll"),
            ("O'DRISCOLL", "DRISCOLL"),
            ("D'Souza", "Souza"),
            ("N'Djamena", "Djamena"),
            ("d'Estaing", "Estaing"),
            ("l'Humanité", "Humanité"),
            ("d'état", "état"),
            ("L'Oréal", "Oréal"),
        ];
        for (word, want) in cases {
            assert_eq!(surname(word), Some(want), "{word}");
        }
    }

    #[test]
    fn the_surname_starts_after_the_prefix_of_the_normalized_word() {
        assert_eq!(surname_at("O’Driscoll"), Some(1));
        assert_eq!(surname_at("Dé'Estaing"), None);
        assert_eq!(surname_at("don't"), None);
    }

    #[test]
    fn contractions_and_possessives_stay_one_word() {
        for word in [
            "don't",
            "it's",
            "IT'S",
            "I'll",
            "I'LL",
            "we're",
            "WE'VE",
            "Iran's",
            "Iran’s",
            "UK's",
            "Shi'ite",
            "Ba'ath",
            "Qur'an",
            "o'er",
            "rock'n'roll",
            "Driscoll",
            "'s",
        ] {
            assert_eq!(surname(word), None, "{word}");
        }
    }
}
