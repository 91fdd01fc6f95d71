//! The retrieval check: does a reader who spells a headline differently still find the
//! article? For 500 Arabic articles of `../shared/corpus/ar`, picked with a fixed seed, each
//! headline word is rewritten in another spelling (hamza dropped, ة written ه, a diacritic
//! added, tatweel added, ال removed, و or ب added) and the headline is searched among all
//! Arabic articles; the table says how often the article ranks first under each analyzer
//! configuration.
//! Run `cargo test --release --test retrieval -- --nocapture` to see the table.

use qarin::analysis::{ArabicStemmer, Config};
use qarin::{Corpus, SearchOptions};
use std::path::Path;

/// A small deterministic generator (Knuth's MMIX LCG), so the sample never changes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// One rewrite of a word into another spelling a reader might type.
fn respell(word: &str, rng: &mut Lcg) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut options: Vec<String> = Vec::new();
    if chars.iter().any(|c| matches!(c, 'أ' | 'إ' | 'آ')) {
        options.push(word.replace(['أ', 'إ', 'آ'], "ا"));
    }
    if word.ends_with('ة') {
        options.push(format!("{}ه", &word[..word.len() - 'ة'.len_utf8()]));
    }
    if chars.len() > 4 && word.starts_with("ال") {
        options.push(word["ال".len()..].to_string());
    }
    if chars.len() >= 2 {
        // A fatha after the first letter, as in a vowelled text.
        let mut s: String = chars[..1].iter().collect();
        s.push('\u{064E}');
        s.extend(&chars[1..]);
        options.push(s);
    }
    if chars.len() >= 3 && !matches!(chars[0], 'و' | 'ب') {
        // A conjunction or preposition glued on, as in وحسن or بالغوطة.
        options.push(format!(
            "{}{word}",
            if chars.len().is_multiple_of(2) {
                'و'
            } else {
                'ب'
            }
        ));
    }
    if chars.len() >= 4 {
        let mut s: String = chars[..2].iter().collect();
        s.push('\u{0640}');
        s.extend(&chars[2..]);
        options.push(s);
    }
    if options.is_empty() {
        return word.to_string();
    }
    let i = rng.next(options.len());
    options.swap_remove(i)
}

/// Snowball's Arabic stemmer, the baseline the light stemmer is measured against.
fn snowball_arabic(word: &str) -> String {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Arabic)
        .stem(word)
        .into_owned()
}

const CONFIGS: [(&str, Config); 5] = [
    (
        "none (lowercase only)",
        Config {
            normalize: false,
            arabic_stemmer: ArabicStemmer::None,
            readings: false,
        },
    ),
    (
        "normalize",
        Config {
            normalize: true,
            arabic_stemmer: ArabicStemmer::None,
            readings: false,
        },
    ),
    (
        "normalize + Snowball",
        Config {
            normalize: true,
            arabic_stemmer: ArabicStemmer::With(snowball_arabic),
            readings: false,
        },
    ),
    (
        "normalize + light stemming",
        Config {
            normalize: true,
            arabic_stemmer: ArabicStemmer::Light,
            readings: false,
        },
    ),
    (
        "normalize + light + both readings",
        Config {
            normalize: true,
            arabic_stemmer: ArabicStemmer::Light,
            readings: true,
        },
    ),
];

/// The configuration the product uses must rank the article first at least this often.
const CHOSEN_MINIMUM: f64 = 0.90;

#[test]
fn respelled_headlines_find_their_article() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ar");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is not here", dir.display());
        return;
    };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let texts: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read(p).ok()?,
            ))
        })
        .collect();

    let mut table = Vec::new();
    // The product's analyzer once more with the lexicon linked (cross-lingual expansion
    // on, as the page and the CLI search): expansion must not cost this check anything.
    let linked = cfg!(feature = "bilingual")
        .then_some(("product + lexicon (cross-lingual on)", Config::default()));
    for (n, (name, config)) in CONFIGS.into_iter().chain(linked).enumerate() {
        let mut corpus = Corpus::with_analyzer(config);
        #[cfg(feature = "bilingual")]
        if n == CONFIGS.len() {
            let lexicon = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon/lexicon.tsv"),
            )
            .expect("the shipped lexicon");
            qarin::bilingual::link(&mut corpus, &[&lexicon]).expect("lexicon loads");
        }
        let _ = n;
        let mut ids = Vec::new();
        for (file, bytes) in &texts {
            ids.extend(
                corpus
                    .add_bytes(file, bytes)
                    .added
                    .into_iter()
                    .map(|a| (a.id, a.title)),
            );
        }
        let mut rng = Lcg(2026);
        let mut picked = Vec::new();
        while picked.len() < 500 {
            let i = rng.next(ids.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let mut first = 0;
        let mut respell_rng = Lcg(7);
        for &i in &picked {
            let (id, title) = &ids[i];
            let query: Vec<String> = title
                .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\u{064B}'..='\u{0652}'))
                .filter(|w| !w.is_empty())
                .map(|w| respell(w, &mut respell_rng))
                .collect();
            let result = corpus.search(
                &query.join(" "),
                &SearchOptions {
                    limit: 1,
                    ..SearchOptions::default()
                },
            );
            if result.hits.first().map(|h| h.id) == Some(*id) {
                first += 1;
            }
        }
        table.push((name, first as f64 / picked.len() as f64));
    }
    println!(
        "\nRetrieval check: 500 respelled Arabic headlines among {} articles",
        texts.len()
    );
    println!("{:<36} {:>12}", "configuration", "ranks first");
    for (name, rate) in &table {
        println!("{name:<36} {:>11.1}%", rate * 100.0);
    }
    let chosen = table.get(CONFIGS.len() - 1).map_or(0.0, |(_, r)| *r);
    if let Some((_, with_lexicon)) = table.get(CONFIGS.len()) {
        // Measured 2026-12-02: 96.4% with the lexicon against 98.6% without; the expanded
        // OR adds the other spellings' scores to the name's, which lifts articles that name
        // the entity often over the one whose headline it is. Known cost, to be won back
        // (score an expansion as its best part, not the sum); the floor holds meanwhile.
        assert!(
            *with_lexicon >= CHOSEN_MINIMUM,
            "with the lexicon the product ranks {with_lexicon:.3} first, against {chosen:.3} without"
        );
    }
    assert!(
        chosen >= CHOSEN_MINIMUM,
        "the product's analyzer ranks {chosen:.3} first, below {CHOSEN_MINIMUM}"
    );
    assert!(
        table.iter().all(|(_, r)| *r <= chosen + 0.02),
        "another configuration does clearly better: {table:?}"
    );
}
