//! BM25F ranking (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009):
//! each field's term frequency is length-normalized on its own and weighted, the weighted
//! sum is saturated once with `k1`, and the result is multiplied by the term's idf.
//!
//! Parameters: `k1 = 1.2` and `b = 0.75` (the usual defaults) for the body, `b = 0.3` for
//! the title (`B_TITLE`: headlines are short and alike in length), a title occurrence counts as
//! `TITLE_WEIGHT = 10` body occurrences (chosen on the
//! known-item benchmark: 3 gave English MRR@10 0.39, 8 gave 0.50, 20 gave 0.55), and a match through an alternative reading of a word
//! (و/ف/ب/ك/ل read as a clitic) counts `ALTERNATIVE_WEIGHT = 0.4` of a main-reading match.
//!
//! Stemming lets `kills` find `killed`, but a title with the word written as the query
//! writes it (after normalization, before stemming) is likelier the article meant: such a
//! word adds `TITLE_FORM_WEIGHT × idf` (chosen on the known-item benchmark, see
//! `TITLE_FORM_WEIGHT`).

use serde::Serialize;

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
/// The title's length normalization, per field as BM25F allows: with the body's 0.75 a
/// short headline that shares two words with the query beat the longer one the reader
/// recalled them from. Known-item MRR@10 at 4.4k articles (folded, as the page searches),
/// English / Arabic, held-out set in brackets: 0.75 gave 0.737 / 0.947 (0.777 / 0.907),
/// 0.5 gave 0.735 / 0.952 (0.780 / 0.911), 0.3 gave 0.737 / 0.952 (0.781 / 0.913), 0 gave
/// 0.738 / 0.941 (0.772 / 0.910).
pub const B_TITLE: f32 = 0.3;
pub const TITLE_WEIGHT: f32 = 10.0;
pub const ALTERNATIVE_WEIGHT: f32 = 0.4;
/// The bonus for the query's written form in the title, in idf units (a title match alone
/// saturates near 2). Known-item MRR@10 at 4.4k articles, English / Arabic: 0 gave
/// 0.552 / 0.880, 0.15 gave 0.666 / 0.894, 0.3 to 0.8 gave 0.688 / 0.894.
pub const TITLE_FORM_WEIGHT: f32 = 0.3;

/// What a name the linker added to a query (cross-lingual expansion: `الغوطة` for
/// `Ghouta`) weighs against the words as typed; a group of names scores as its best part.
/// Chosen for what it means — the reader's own words outrank our proposal, as an
/// alternative reading does — not tuned (see ARCHITECTURE "Ranking" for the MRR it gives).
pub const ADDED_NAME_WEIGHT: f32 = ALTERNATIVE_WEIGHT;

/// What two query words side by side in the title, in any of their readings (stop words
/// aside), add to the score: about half a title match of a common word, so it decides
/// between titles that share the words, not against a rarer word. Known-item MRR@10 at
/// 4.4k articles (the bench's queries, natively), English / held-out English: 0 gave
/// 0.685 / 0.685, 0.5 gave 0.716 / 0.747, 1 gave 0.717 / 0.747, 2 to 6 gave 0.724 / 0.747
/// (pairs of written forms; pairs of readings, kept for Arabic clitics: 0.720 / 0.747,
/// Arabic 0.904 → 0.912 / 0.877 → 0.883).
pub const TITLE_PAIR_WEIGHT: f32 = 2.0;

/// The part [`TITLE_PAIR_WEIGHT`] adds to an explained score, in the same shape as a
/// word's: the weight stands as its idf, with a saturation of 1 and no frequencies.
pub fn pair_explanation(word: String) -> Explanation {
    Explanation {
        word,
        idf: TITLE_PAIR_WEIGHT,
        title_tf: 0.0,
        body_tf: 0.0,
        title_weight: TITLE_WEIGHT,
        title_norm: 1.0,
        body_norm: 1.0,
        tf: 0.0,
        saturation: 1.0,
        title_form: 0.0,
        form_weight: TITLE_FORM_WEIGHT,
        score: TITLE_PAIR_WEIGHT,
    }
}

/// Inverse document frequency, the non-negative form used by Lucene.
pub fn idf(docs: usize, df: usize) -> f32 {
    let (n, df) = (docs as f32, df.min(docs) as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Per-field frequencies and lengths of one term in one article.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fields {
    pub title_tf: f32,
    pub body_tf: f32,
    pub title_len: f32,
    pub body_len: f32,
    /// 1 when the title has the word written as the query writes it, else 0.
    pub title_form: f32,
}

/// Why one word scored what it did in one article: `score = idf × (saturation + form_weight ×
/// title_form)`, where `saturation = tf × (k1 + 1) / (tf + k1)` and `tf = title_weight ×
/// title_tf / title_norm + body_tf / body_norm`, each `norm = 1 − b + b × length / mean
/// length`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The query word (or phrase) this part is for.
    pub word: String,
    pub idf: f32,
    pub title_tf: f32,
    pub body_tf: f32,
    pub title_weight: f32,
    pub title_norm: f32,
    pub body_norm: f32,
    pub tf: f32,
    pub saturation: f32,
    pub title_form: f32,
    pub form_weight: f32,
    pub score: f32,
}

/// The BM25F score of one term in one article, given the corpus' mean field lengths.
pub fn score(idf: f32, f: Fields, mean_title: f32, mean_body: f32) -> f32 {
    explain(idf, f, mean_title, mean_body, String::new()).score
}

/// [`score`] with its parts.
pub fn explain(idf: f32, f: Fields, mean_title: f32, mean_body: f32, word: String) -> Explanation {
    let norm = |len: f32, mean: f32, b: f32| 1.0 - b + b * len / mean;
    let title_norm = norm(f.title_len, mean_title, B_TITLE);
    let body_norm = norm(f.body_len, mean_body, B);
    let tf = TITLE_WEIGHT * f.title_tf / title_norm + f.body_tf / body_norm;
    let saturation = tf * (K1 + 1.0) / (tf + K1);
    Explanation {
        word,
        idf,
        title_tf: f.title_tf,
        body_tf: f.body_tf,
        title_weight: TITLE_WEIGHT,
        title_norm,
        body_norm,
        tf,
        saturation,
        title_form: f.title_form,
        form_weight: TITLE_FORM_WEIGHT,
        score: idf * (saturation + TITLE_FORM_WEIGHT * f.title_form),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_and_title_hits_score_higher() {
        assert!(idf(100, 1) > idf(100, 50));
        assert!(idf(100, 100) > 0.0);
        let body = Fields {
            body_tf: 1.0,
            title_len: 8.0,
            body_len: 300.0,
            ..Fields::default()
        };
        let title = Fields {
            title_tf: 1.0,
            ..body
        };
        assert!(score(1.0, title, 8.0, 300.0) > score(1.0, body, 8.0, 300.0));
        let more = Fields {
            body_tf: 5.0,
            ..body
        };
        assert!(
            score(1.0, more, 8.0, 300.0) < 5.0 * score(1.0, body, 8.0, 300.0),
            "saturates"
        );
    }

    /// A headline twice the mean length loses less of a title match than a body twice the
    /// mean length loses of a body match (`B_TITLE` below `B`), and still some.
    #[test]
    fn a_long_title_is_normalized_less_than_a_long_body() {
        let at = |title_tf: f32, body_tf: f32, title_len: f32, body_len: f32| {
            let f = Fields {
                title_tf,
                body_tf,
                title_len,
                body_len,
                ..Fields::default()
            };
            explain(1.0, f, 8.0, 300.0, String::new()).tf
        };
        let title_kept = at(1.0, 0.0, 16.0, 300.0) / at(1.0, 0.0, 8.0, 300.0);
        let body_kept = at(0.0, 1.0, 8.0, 600.0) / at(0.0, 1.0, 8.0, 300.0);
        assert!(
            title_kept < 1.0 && title_kept > body_kept,
            "{title_kept} {body_kept}"
        );
    }
}
