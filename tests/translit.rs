//! Transliteration matching measured on `../shared/corpus/names/translit_dev.tsv` (Wikidata
//! name tokens, `latin<TAB>arabic<TAB>count`). The file is split deterministically: even
//! lines are the tune half (the rules were tuned on it), odd lines the check half. On each
//! half: recall = share of its true pairs judged `same`; false-match rate = share of
//! mismatched pairs judged `same`, each Latin name paired with `DECOYS` Arabic names of other
//! lines of the same half drawn with a fixed seed (never one the file gives as that Latin
//! name's spelling). Both figures are printed (`--nocapture`) and held to floors.
//! `QARIN_TRANSLIT_DUMP=1` prints the misses and false matches of the tune half.

#![cfg(feature = "bilingual")]

use qarin::bilingual::translit::{score_at_least, score_names, ArabicName, LatinName, THRESHOLD};
use std::collections::HashSet;
use std::time::Instant;

const DEV: &str = "../shared/corpus/names/translit_dev.tsv";
const DECOYS: usize = 10;

struct Pair {
    latin: String,
    arabic: String,
}

fn read_dev() -> Option<Vec<Pair>> {
    let text = std::fs::read_to_string(DEV).ok()?;
    Some(
        text.lines()
            .filter_map(|line| {
                let mut cols = line.split('\t');
                Some(Pair {
                    latin: cols.next()?.to_string(),
                    arabic: cols.next()?.to_string(),
                })
            })
            .collect(),
    )
}

/// A fixed-seed generator (xorshift64*), so the decoys are the same on every run.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

struct Measure {
    pairs: usize,
    recall: f64,
    decoys: usize,
    false_rate: f64,
    pairs_per_second: f64,
}

fn measure(half: &[&Pair], all: &[Pair], dump: bool) -> Measure {
    let known: HashSet<(&str, ArabicName)> = all
        .iter()
        .map(|p| (p.latin.as_str(), ArabicName::new(&p.arabic)))
        .collect();
    let latin: Vec<LatinName> = half.iter().map(|p| LatinName::new(&p.latin)).collect();
    let arabic: Vec<ArabicName> = half.iter().map(|p| ArabicName::new(&p.arabic)).collect();
    let scores = std::env::var_os("QARIN_TRANSLIT_SCORES").is_some();
    let mut scoring = std::time::Duration::ZERO;
    let mut timed = |l: &LatinName, a: &ArabicName| {
        let started = Instant::now();
        let s = score_names(l, a);
        scoring += started.elapsed();
        s
    };
    let mut hits = 0;
    for (k, p) in half.iter().enumerate() {
        let s = timed(&latin[k], &arabic[k]);
        if scores {
            println!("pos\t{s:.4}");
        }
        if s >= THRESHOLD {
            hits += 1;
        } else if dump {
            println!("miss\t{}\t{}\t{s:.3}", p.latin, p.arabic);
        }
    }
    let keyed = (0..half.len())
        .filter(|&k| latin[k].key() == arabic[k].key())
        .count();
    println!(
        "sound keys equal on {:.4} of true pairs",
        keyed as f64 / half.len() as f64
    );
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut decoys, mut false_hits) = (0, 0);
    for (k, p) in half.iter().enumerate() {
        for _ in 0..DECOYS {
            let other = rng.below(half.len());
            if known.contains(&(p.latin.as_str(), arabic[other].clone())) {
                continue;
            }
            decoys += 1;
            let s = timed(&latin[k], &arabic[other]);
            if scores {
                println!("neg\t{s:.4}");
            }
            if s >= THRESHOLD {
                false_hits += 1;
                if dump {
                    println!("false\t{}\t{}\t{s:.3}", p.latin, half[other].arabic);
                }
            }
        }
    }
    let seconds = scoring.as_secs_f64();
    // The decision alone (what pairing runs): the alignment stops once over budget.
    let started = Instant::now();
    let mut decided = 0;
    for (k, l) in latin.iter().enumerate() {
        for a in arabic.iter().skip(k % 7).step_by(97) {
            decided += usize::from(score_at_least(l, a, THRESHOLD).is_some()) + 1;
        }
    }
    let decisions = latin
        .iter()
        .enumerate()
        .map(|(k, _)| arabic.iter().skip(k % 7).step_by(97).count())
        .sum::<usize>();
    println!(
        "decisions: {:.0} pairs/s ({} judged)",
        decisions as f64 / started.elapsed().as_secs_f64(),
        decided - decisions
    );
    Measure {
        pairs: half.len(),
        recall: hits as f64 / half.len() as f64,
        decoys,
        false_rate: false_hits as f64 / decoys.max(1) as f64,
        pairs_per_second: (half.len() + decoys) as f64 / seconds,
    }
}

#[test]
fn recall_and_false_matches_on_both_halves() {
    let Some(all) = read_dev() else {
        eprintln!("skipped: {DEV} is not there");
        return;
    };
    assert!(all.len() > 7_000, "{} pairs read", all.len());
    let dump = std::env::var_os("QARIN_TRANSLIT_DUMP").is_some();
    let tune: Vec<&Pair> = all.iter().step_by(2).collect();
    let check: Vec<&Pair> = all.iter().skip(1).step_by(2).collect();
    for (name, half, dump) in [("tune", &tune, dump), ("check", &check, false)] {
        let m = measure(half, &all, dump);
        println!(
            "translit {name}: {} pairs, recall {:.4}; {} decoys, false {:.4}; {:.0} pairs/s",
            m.pairs, m.recall, m.decoys, m.false_rate, m.pairs_per_second
        );
        assert!(m.recall >= 0.97, "{name} recall {:.4}", m.recall);
        assert!(m.false_rate <= 0.003, "{name} false {:.4}", m.false_rate);
    }
}

#[test]
fn cli_judges_each_line_and_skips_lines_without_a_tab() {
    let dir = std::env::temp_dir().join(format!("qarin-translit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pairs.tsv");
    let text =
        "Le Drian\tلودريان\nStaffan de Mistura\tستافان دي ميستورا\t3\nMacron\tبوتين\nno tab here\n";
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["translit", "--pairs"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(stdout.starts_with("{\"latin\":\"Le Drian\",\"arabic\":\"لودريان\",\"score\":"));
    let same: Vec<bool> = rows.iter().map(|r| r["same"] == true).collect();
    assert_eq!(same, [true, true, false]);
    for r in &rows {
        let s = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s), "{r}");
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4: no tab"));
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["translit", "--pairs", "/nonexistent/pairs.tsv"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    std::fs::remove_dir_all(&dir).ok();
}
