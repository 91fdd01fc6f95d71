//! Near-duplicates: the same story told twice with small changes (one wire story printed by
//! two outlets with their own first line or a trimmed ending).
//!
//! Method: the body is folded (lower case, Arabic letter variants merged, digits made
//! ASCII) and cut into overlapping 5-word shingles; a MinHash signature of 64 values (one
//! permutation split into 64 bins, empty bins densified by rotation: one hash per shingle
//! instead of 64) estimates the Jaccard similarity J of two shingle sets, and with the two set
//! sizes, the containment C of the smaller set in the larger (C = J·(|A|+|B|) / ((1+J)·
//! min(|A|,|B|))). An article is a near-duplicate of an earlier one when **C ≥ 0.6 and
//! J ≥ 0.2** — most of the shorter text is in the longer, and they are not merely a
//! paragraph quoted in a long piece. Candidates come from locality-sensitive hashing (32
//! bands of 2 values), so adding an article does not compare it with every other.
//! Texts of fewer than 10 shingles (about 15 words) are never flagged; a text is judged by
//! its first [`MAX_SHINGLES`] shingles. Exact duplicates are
//! caught before this by the corpus's content hash.

use std::collections::HashMap;

use super::meta::fold_char;
use crate::hash::{OFFSET as FNV_OFFSET, PRIME as FNV_PRIME};

const HASHES: usize = 64;
const ROWS: usize = 2;
const BANDS: usize = HASHES / ROWS;
const SHINGLE: usize = 5;
const MIN_SHINGLES: usize = 10;
pub const MIN_CONTAINMENT: f64 = 0.6;
pub const MIN_JACCARD: f64 = 0.2;

/// A text's MinHash signature and shingle count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    mins: [u32; HASHES],
    shingles: usize,
}

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A letter or digit of folded text, with the common scripts checked without tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c as u32, 0x0621..=0x064A | 0x0671..=0x06D3) || c.is_alphanumeric()
}

/// Shingles signed per text: a body is judged by its first 262,144 shingles (about 1.5 MB
/// of text, far past any news article), so signing costs bounded memory (2 MB) whatever
/// the file (a 63 MB text cost 160 MB of word and shingle hashes before).
pub const MAX_SHINGLES: usize = 1 << 18;

/// The signature of a body, or `None` when it is too short to judge. Words are folded
/// and hashed as they are read, without building strings, and each shingle is hashed
/// from a window of the last five words.
pub fn signature(body: &str) -> Option<Signature> {
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    // Each 64-bit shingle hash as (high, low) halves: sorting those pairs reuses the sort
    // the index already brings into the wasm.
    let mut shingles: Vec<(u32, u32)> = Vec::with_capacity((body.len() / 6).min(MAX_SHINGLES));
    let mut word = |h: u64, shingles: &mut Vec<(u32, u32)>| {
        window[words % SHINGLE] = h;
        words += 1;
        if words >= SHINGLE {
            let first = words - SHINGLE;
            let hash = (0..SHINGLE)
                .map(|k| window[(first + k) % SHINGLE])
                .fold(0u64, |h, x| h.rotate_left(13) ^ x);
            shingles.push(crate::order::halves(mix(hash)));
        }
    };
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    for c in body.chars() {
        if shingles.len() >= MAX_SHINGLES {
            break;
        }
        let f = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match fold_char(c) {
                Some(f) => f,
                None => continue,
            }
        };
        if is_word_char(f) {
            h = (h ^ u64::from(u32::from(f))).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if in_word {
            word(h, &mut shingles);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word && shingles.len() < MAX_SHINGLES {
        word(h, &mut shingles);
    }
    from_shingles(shingles)
}

/// The signature of a text's shingle hashes, or `None` when they are too few.
fn from_shingles(mut shingles: Vec<(u32, u32)>) -> Option<Signature> {
    shingles.sort_unstable();
    shingles.dedup();
    if shingles.len() < MIN_SHINGLES {
        return None;
    }
    // One permutation: the hash's top bits pick one of 64 bins, each keeping its minimum;
    // bins no shingle fell in borrow from the next filled bin to their right, offset by the
    // distance (rotation densification), so that two signatures stay comparable bin by bin.
    let mut bins = [u32::MAX; HASHES];
    for &(high, low) in &shingles {
        let bin = (high >> 26) as usize;
        bins[bin] = bins[bin].min(low);
    }
    let mut mins = bins;
    for (j, m) in mins.iter_mut().enumerate() {
        if *m != u32::MAX {
            continue;
        }
        if let Some((d, v)) = (1..HASHES)
            .map(|d| (d, bins[(j + d) % HASHES]))
            .find(|&(_, v)| v != u32::MAX)
        {
            *m = v.wrapping_add((d as u32).wrapping_mul(0x9e37_79b9));
        }
    }
    Some(Signature {
        mins,
        shingles: shingles.len(),
    })
}

/// A containment as a whole percentage, for messages (no float formatting in the wasm
/// build).
pub fn percent(containment: f64) -> u32 {
    (containment * 100.0).round().clamp(0.0, 100.0) as u32
}

/// Estimated (Jaccard, containment of the smaller in the larger) of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> (f64, f64) {
    let same = a.mins.iter().zip(&b.mins).filter(|(x, y)| x == y).count();
    let j = same as f64 / HASHES as f64;
    let (na, nb) = (a.shingles as f64, b.shingles as f64);
    let c = (j * (na + nb) / ((1.0 + j) * na.min(nb))).min(1.0);
    (j, c)
}

/// Signatures of a corpus's articles, by id, with their LSH buckets.
#[derive(Clone, Debug, Default)]
pub struct Index {
    signatures: HashMap<u32, Signature>,
    buckets: HashMap<(u8, u64), Vec<u32>>,
}

fn band_key(sig: &Signature, band: usize) -> (u8, u64) {
    let row = &sig.mins[band * ROWS..(band + 1) * ROWS];
    (
        band as u8,
        row.iter().fold(0u64, |h, &x| mix(h ^ u64::from(x))),
    )
}

impl Index {
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }

    pub fn add(&mut self, id: u32, sig: Signature) {
        for band in 0..BANDS {
            self.buckets
                .entry(band_key(&sig, band))
                .or_default()
                .push(id);
        }
        self.signatures.insert(id, sig);
    }

    /// The most similar earlier article that `sig` nearly duplicates, among those `alive`
    /// accepts: its id and the estimated containment.
    pub fn find(&self, sig: &Signature, alive: impl Fn(u32) -> bool) -> Option<(u32, f64)> {
        let mut seen: Vec<u32> = Vec::new();
        for band in 0..BANDS {
            if let Some(ids) = self.buckets.get(&band_key(sig, band)) {
                seen.extend(ids.iter().copied());
            }
        }
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .filter(|&id| alive(id))
            .filter_map(|id| {
                let (j, c) = similarity(sig, self.signatures.get(&id)?);
                (j >= MIN_JACCARD && c >= MIN_CONTAINMENT).then_some((id, c))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The United Nations said on Monday that aid convoys had reached the besieged district for the first time in three months, carrying food and medicine for some forty thousand people. Officials said the convoy of forty trucks entered after hours of negotiations at a checkpoint. Residents described shortages of bread, fuel and clean water, and doctors said hospitals had run out of basic supplies. The agency called for regular access and an end to the fighting, which has killed hundreds of civilians since the start of the year.";

    /// The shingles as first computed: every word hash kept, then every window of five.
    fn shingles_of_all_words(body: &str) -> Vec<(u32, u32)> {
        let mut words = Vec::new();
        let mut h = FNV_OFFSET;
        let mut in_word = false;
        for c in body.chars() {
            let f = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                match fold_char(c) {
                    Some(f) => f,
                    None => continue,
                }
            };
            if is_word_char(f) {
                h = (h ^ u64::from(u32::from(f))).wrapping_mul(FNV_PRIME);
                in_word = true;
            } else if in_word {
                words.push(h);
                h = FNV_OFFSET;
                in_word = false;
            }
        }
        if in_word {
            words.push(h);
        }
        words
            .windows(SHINGLE)
            .map(|w| mix(w.iter().fold(0u64, |h, &x| h.rotate_left(13) ^ x)))
            .map(crate::order::halves)
            .collect()
    }

    #[test]
    fn a_window_of_five_words_signs_as_all_the_words_did() {
        for text in [STORY, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen", "حصار الغوطة المساعدات قافلة المدينة السكان حصار الغوطة، المساعدات قافلة المدينة السكان الغوطة"] {
            assert_eq!(signature(text), from_shingles(shingles_of_all_words(text)));
        }
    }

    #[test]
    fn the_same_wire_story_from_two_outlets() {
        let a = signature(STORY).unwrap();
        let b = signature(&format!(
            "VALLEY NEWS — {}",
            STORY.replace("Residents described", "Local residents described")
        ))
        .unwrap();
        let trimmed: String = STORY.split(". ").take(3).collect::<Vec<_>>().join(". ");
        let c = signature(&trimmed).unwrap();
        let other = signature("The city council voted on Tuesday to raise bus fares by ten percent from next month, saying fuel costs had doubled and the network was losing money on every route outside the centre, while opposition members walked out in protest.").unwrap();
        let mut idx = Index::default();
        idx.add(1, a.clone());
        assert_eq!(idx.find(&b, |_| true).map(|f| f.0), Some(1));
        assert_eq!(idx.find(&c, |_| true).map(|f| f.0), Some(1));
        assert_eq!(idx.find(&other, |_| true), None);
        assert_eq!(idx.find(&b, |id| id != 1), None);
        assert_eq!(signature("Too short to judge at all."), None);
    }
}
