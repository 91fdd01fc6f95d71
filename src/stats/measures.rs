//! The association and keyness formulas, exactly as pinned in ARCHITECTURE.md (issue 13):
//!
//! - Collocation, with `f_x` the node's frequency, `f_y` the collocate's, `o11` their
//!   co-occurrences within the window, `span = L + R` and `n` the words of the
//!   sub-corpus: `E11 = f_x·f_y·span / N`; the four cells for G² are `O11`, `R1 − O11`,
//!   `f_y − O11`, `N − R1 − f_y + O11` with `R1 = f_x·span`; logDice = 14 +
//!   log2(2·O11/(f_x + f_y)); MI = log2(O11/E11); T = (O11 − E11)/√O11.
//! - Keyness of a word with `a` words of `n1` in the target and `b` of `n2` in the
//!   reference: four-cell G² over `a, b, n1 − a, n2 − b`; Log Ratio =
//!   log2((a/n1)/(b/n2)) and %DIFF = 100·(a/n1 − b/n2)/(b/n2), a zero count taken as 0.5.
//!
//! G² is 2·Σ O·ln(O/E) over the four cells of a 2×2 table, E from its margins; a cell
//! with O = 0 adds nothing. A cell below zero (possible only with overlapping windows)
//! is taken as 0. Every function returns a finite number.

/// G² of a 2×2 table `[[o11, o12], [o21, o22]]`.
pub fn g2_table(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let cells = [o11, o12, o21, o22].map(|c| c.max(0.0));
    let [o11, o12, o21, o22] = cells;
    let n = o11 + o12 + o21 + o22;
    if n <= 0.0 {
        return 0.0;
    }
    let (r1, r2, c1, c2) = (o11 + o12, o21 + o22, o11 + o21, o12 + o22);
    let term = |o: f64, r: f64, c: f64| {
        let e = r * c / n;
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (term(o11, r1, c1) + term(o12, r1, c2) + term(o21, r2, c1) + term(o22, r2, c2));
    // Rounding can leave a tiny negative for a table at independence.
    g2.max(0.0)
}

/// The collocation measures of one collocate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Association {
    pub logdice: f64,
    pub mi: f64,
    pub t: f64,
    pub g2: f64,
}

/// Measures for `o11` co-occurrences of a node of frequency `f_x` and a collocate of
/// frequency `f_y`, windows of `span` words, `n` words in all. `o11` must be above 0.
pub fn association(o11: f64, f_x: f64, f_y: f64, span: f64, n: f64) -> Association {
    let e11 = if n > 0.0 { f_x * f_y * span / n } else { 0.0 };
    let r1 = f_x * span;
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    Association {
        logdice: finite(14.0 + (2.0 * o11 / (f_x + f_y)).log2()),
        mi: finite((o11 / e11).log2()),
        t: finite((o11 - e11) / o11.sqrt()),
        g2: g2_table(o11, r1 - o11, f_y - o11, n - r1 - f_y + o11),
    }
}

/// The keyness measures of one word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keyness {
    pub g2: f64,
    pub log_ratio: f64,
    pub pct_diff: f64,
}

/// Measures for `a` of `n1` words in the target, `b` of `n2` in the reference.
pub fn keyness(a: f64, n1: f64, b: f64, n2: f64) -> Keyness {
    let g2 = g2_table(a, b, n1 - a, n2 - b);
    let (a0, b0) = (if a > 0.0 { a } else { 0.5 }, if b > 0.0 { b } else { 0.5 });
    let (pa, pb) = (a0 / n1, b0 / n2);
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    Keyness {
        g2,
        log_ratio: finite((pa / pb).log2()),
        pct_diff: finite(100.0 * (pa - pb) / pb),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn collocation_measures_match_the_hand_computed_values() {
        // f_x = 10, f_y = 20, O11 = 5, span = 10, N = 1000:
        // E11 = 10·20·10/1000 = 2; MI = log2(5/2) = 1.321928; T = (5 − 2)/√5 = 1.341641;
        // logDice = 14 + log2(10/30) = 12.415037; R1 = 100, cells 5, 95, 15, 885:
        // G² = 2·(5 ln(5/2) + 95 ln(95/98) + 15 ln(15/18) + 885 ln(885/882)) = 3.796242.
        let m = association(5.0, 10.0, 20.0, 10.0, 1000.0);
        assert!(close(m.mi, 1.321_928_094_887_362), "{m:?}");
        assert!(close(m.t, 1.341_640_786_499_874), "{m:?}");
        assert!(close(m.logdice, 12.415_037_499_278_844), "{m:?}");
        assert!(close(m.g2, 3.796_241_603_631_451), "{m:?}");
    }

    #[test]
    fn keyness_measures_match_the_hand_computed_values() {
        // a = 30 of 1000, b = 10 of 2000: Log Ratio = log2(0.03/0.005) = 2.584963,
        // %DIFF = 100·(0.03 − 0.005)/0.005 = 500; cells 30, 10, 970, 1990: G² = 29.462729.
        let k = keyness(30.0, 1000.0, 10.0, 2000.0);
        assert!(close(k.log_ratio, 2.584_962_500_721_156), "{k:?}");
        assert!(close(k.pct_diff, 500.0), "{k:?}");
        assert!(close(k.g2, 29.462_729_300_977_68), "{k:?}");
    }

    #[test]
    fn a_zero_count_is_half_a_word_and_four_cells_differ_from_two() {
        // a = 0 of 1000, b = 20 of 2000: Log Ratio = log2((0.5/1000)/(20/2000)) =
        // log2(0.05) = −4.321928; %DIFF = 100·(0.0005 − 0.01)/0.01 = −95.
        let k = keyness(0.0, 1000.0, 20.0, 2000.0);
        assert!(close(k.log_ratio, -4.321_928_094_887_363), "{k:?}");
        assert!(close(k.pct_diff, -95.0), "{k:?}");
        // Four cells 0, 20, 1000, 1980 (N = 3000): E = 6.667, 13.333, 993.333, 1986.667;
        // G² = 2·(20 ln(20/13.333) + 1000 ln(1000/993.333) + 1980 ln(1980/1986.667))
        // = 16.285644. The two-term form, 2·(20 ln(20/13.333)) = 16.218604, differs.
        assert!(close(k.g2, 16.285_643_723_208_22), "{k:?}");
        assert!(!close(k.g2, 16.218_604_324_326_577));
        // The reference zero too: %DIFF from 30/1000 against 0.5/2000 = 11900.
        let k = keyness(30.0, 1000.0, 0.0, 2000.0);
        assert!(close(k.pct_diff, 11_900.0), "{k:?}");
        assert!(k.g2.is_finite() && k.log_ratio.is_finite());
    }

    #[test]
    fn equal_rates_give_nothing_and_degenerate_tables_stay_finite() {
        let k = keyness(10.0, 1000.0, 20.0, 2000.0);
        assert!(close(k.g2, 0.0) && close(k.log_ratio, 0.0) && close(k.pct_diff, 0.0));
        assert_eq!(g2_table(0.0, 0.0, 0.0, 0.0), 0.0);
        let m = association(1.0, 1.0, 1.0, 10.0, 0.0);
        assert!(m.mi.is_finite() && m.t.is_finite() && m.g2.is_finite());
    }
}
