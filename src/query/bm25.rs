//! BM25F ranking (Robertson & Zaragoza, "The Probabilistic Relevance Framework", 2009):
//! each field's term frequency is length-normalized on its own and weighted, the weighted
//! sum is saturated once with `k1`, and the result is multiplied by the term's idf.
//!
//! Parameters: `k1 = 1.2` and `b = 0.75` (the usual defaults), a title occurrence counts as
//! `TITLE_WEIGHT = 3` body occurrences, and a match through an alternative reading of a word
//! (و/ف/ب/ك/ل read as a clitic) counts `ALTERNATIVE_WEIGHT = 0.4` of a main-reading match.

pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;
pub const TITLE_WEIGHT: f32 = 3.0;
pub const ALTERNATIVE_WEIGHT: f32 = 0.4;

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
}

/// The BM25F score of one term in one article, given the corpus' mean field lengths.
pub fn score(idf: f32, f: Fields, mean_title: f32, mean_body: f32) -> f32 {
    let norm = |len: f32, mean: f32| 1.0 - B + B * len / mean;
    let tf = TITLE_WEIGHT * f.title_tf / norm(f.title_len, mean_title)
        + f.body_tf / norm(f.body_len, mean_body);
    idf * tf * (K1 + 1.0) / (tf + K1)
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
}
