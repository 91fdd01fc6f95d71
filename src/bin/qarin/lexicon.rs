//! The lexicon in the CLI: the shipped one is embedded in the binary (no flag needed),
//! `--lexicon FILE` adds a user's file (TSV or JSON) on top; and `qarin entities`, which
//! prints the entities the recognizer finds in a text.

// The other bilingual commands, in files of their own beside this one.
#[path = "names.rs"]
pub mod names;
#[path = "pair.rs"]
pub mod pair;
#[path = "stories.rs"]
pub mod stories;
#[path = "translit.rs"]
pub mod translit;

use qarin::bilingual::{self, Lexicon, Recognizer};
use qarin::Corpus;

/// `data/lexicon/lexicon.tsv`, as shipped.
pub const SHIPPED: &str = include_str!("../../../data/lexicon/lexicon.tsv");

/// The shipped lexicon and the files `user` (later ones correct earlier ones).
fn texts(user: &[String]) -> Result<Vec<String>, String> {
    let mut out = vec![SHIPPED.to_string()];
    for path in user {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: cannot read the lexicon: {e}"))?;
        out.push(text);
    }
    Ok(out)
}

/// Links `corpus` to the shipped lexicon and the user files.
pub fn link(corpus: &mut Corpus, user: &[String]) -> Result<(), String> {
    let texts = texts(user)?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    bilingual::link(corpus, &refs)
        .map(|_| ())
        .map_err(|e| format!("lexicon: {}", e.message()))
}

pub const USAGE: &str = "  qarin entities [--lexicon FILE ...] [--] TEXT";

/// `qarin entities TEXT`: a JSON array of `{entity, start, end, confidence}`.
pub fn entities_command(args: &[String]) -> Result<(), String> {
    let mut user = Vec::new();
    let mut text = None;
    let mut it = args.iter();
    let mut options = true;
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--lexicon" if options => user.push(super::value(&mut it, arg)?.clone()),
            "--" if options => options = false,
            _ if options && arg.starts_with("--") => {
                return Err(format!("unknown option {arg:?}\n{USAGE}"))
            }
            _ if text.is_none() => text = Some(arg.clone()),
            _ => return Err(format!("give one TEXT\n{USAGE}")),
        }
    }
    let text = text.ok_or_else(|| format!("no TEXT given\n{USAGE}"))?;
    let mut lexicon = Lexicon::default();
    for t in texts(&user)? {
        lexicon.merge(Lexicon::parse(&t).map_err(|e| format!("lexicon: {}", e.message()))?);
    }
    let found = Recognizer::new(lexicon).recognize(&text);
    println!(
        "{}",
        serde_json::to_string(&found).map_err(|e| e.to_string())?
    );
    Ok(())
}
