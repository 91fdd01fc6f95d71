//! The sentence alignment of two articles, in the manner of Gale and Church (1993): beads of
//! 1–1, 1–0, 0–1, 2–1 and 1–2 sentences found by dynamic programming, each costing the minus
//! log of its prior plus how unlikely its two lengths are for one translation, minus a reward
//! for the anchors (entities, numbers, names: [`super::align`]) its two sides share.

use super::align::{shared_weight, Anchor, Unit, ANCHOR_REWARD, MAX_CELLS};

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17).
fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// Gale and Church's length cost: −ln P(|δ|) for lengths `la`, `lb` when `b` runs `ratio`
/// characters per character of `a`.
fn length_cost(la: usize, lb: usize, ratio: f64) -> f64 {
    const VARIANCE: f64 = 6.8;
    let (la, lb) = (la as f64, lb as f64);
    let mean = (la + lb / ratio) / 2.0;
    if mean == 0.0 {
        return 0.0;
    }
    let delta = (lb / ratio - la) / (mean * VARIANCE).sqrt();
    let p = 2.0 * (1.0 - phi(delta.abs()));
    -(p.max(1e-12)).ln()
}

/// The sentence beads of one article pair as `(unit of a, unit of b, anchors shared)`, and
/// whether the pair was aligned as a translation.
pub(super) fn sentence_beads(
    units: (&[Unit], &[Unit]),
    anchors: (&[Vec<Anchor>], &[Vec<Anchor>]),
) -> (Vec<(usize, usize, usize)>, bool) {
    let (ua, ub) = units;
    let (xa, xb) = anchors;
    let (n, m) = (ua.len(), ub.len());
    if n == 0 || m == 0 || (n + 1) * (m + 1) > MAX_CELLS {
        return (Vec::new(), false);
    }
    let total = |u: &[Unit]| u.iter().map(|u| u.chars).sum::<usize>().max(1) as f64;
    let ratio = total(ub) / total(ua);
    // (di, dj, −ln prior): Gale and Church's bead priors.
    const MOVES: [(usize, usize, f64); 5] = [
        (1, 1, 0.1165), // −ln 0.89
        (1, 0, 5.2983), // −ln 0.005
        (0, 1, 5.2983),
        (2, 1, 3.1011), // −ln 0.045
        (1, 2, 3.1011),
    ];
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![(0u8, 0usize); (n + 1) * width];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[i * width + j];
            if !here.is_finite() {
                continue;
            }
            for (k, &(di, dj, prior)) in MOVES.iter().enumerate() {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let la: usize = ua[i..ni].iter().map(|u| u.chars).sum();
                let lb: usize = ub[j..nj].iter().map(|u| u.chars).sum();
                let mut c = here + prior + length_cost(la, lb, ratio);
                if di > 0 && dj > 0 {
                    let left: Vec<&[Anchor]> = xa[i..ni].iter().map(Vec::as_slice).collect();
                    let right: Vec<&[Anchor]> = xb[j..nj].iter().map(Vec::as_slice).collect();
                    c -= ANCHOR_REWARD * shared_weight(&left, &right).0;
                }
                let at = ni * width + nj;
                if c < cost[at] {
                    cost[at] = c;
                    back[at] = (k as u8, i * width + j);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let mut at = n * width + m;
    while at != 0 {
        let (k, from) = back[at];
        let (di, dj, _) = MOVES[k as usize];
        let (i, j) = (from / width, from % width);
        if di > 0 && dj > 0 {
            beads.push((i, di, j, dj));
        }
        at = from;
    }
    beads.reverse();
    let anchored_beads = beads
        .iter()
        .filter(|&&(i, di, j, dj)| {
            let left: Vec<&[Anchor]> = xa[i..i + di].iter().map(Vec::as_slice).collect();
            let right: Vec<&[Anchor]> = xb[j..j + dj].iter().map(Vec::as_slice).collect();
            shared_weight(&left, &right).1 > 0
        })
        .count();
    // A translation: sentence counts within a third of each other, most sentences in a
    // bead, and at least a third of the beads anchored.
    let (small, large) = (n.min(m) as f64, n.max(m) as f64);
    let covered: usize = beads.iter().map(|b| b.1).sum();
    let parallel = small / large >= 0.67
        && covered as f64 >= 0.8 * n as f64
        && anchored_beads as f64 >= beads.len() as f64 / 3.0;
    let mut out = Vec::new();
    for (i, di, j, dj) in beads {
        let left: Vec<&[Anchor]> = xa[i..i + di].iter().map(Vec::as_slice).collect();
        let right: Vec<&[Anchor]> = xb[j..j + dj].iter().map(Vec::as_slice).collect();
        let shared = shared_weight(&left, &right).1;
        if !parallel && shared == 0 {
            continue;
        }
        for x in i..i + di {
            for y in j..j + dj {
                out.push((x, y, shared));
            }
        }
    }
    (out, parallel)
}
