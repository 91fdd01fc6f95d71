//! `qarin names --corpus PATH [--corpus PATH ...] [--lexicon FILE ...] [--limit N]
//! [--article FILE]`: Latin and Arabic names of the corpus that sound alike and that the
//! lexicon (shipped, plus the user files) does not know, as one JSON object
//! `{"proposals": [{"en", "ar", "score", "en_articles", "ar_articles"}], "latin", "arabic",
//! "alignments", "partial"}`, best first. Proposals only: nothing is added to a lexicon.

use qarin::bilingual::names::{propose, Options};
use std::path::Path;

pub const USAGE: &str =
    "  qarin names --corpus PATH [--corpus PATH ...] [--lexicon FILE ...] [--limit N] [--article FILE]";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut corpora = Vec::new();
    let mut user = Vec::new();
    let mut limit = 30;
    let mut article = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpora.push(crate::value(&mut it, arg)?.clone()),
            "--lexicon" => user.push(crate::value(&mut it, arg)?.clone()),
            "--limit" => limit = crate::number(crate::value(&mut it, arg)?, arg)?,
            "--article" => article = Some(crate::value(&mut it, arg)?.clone()),
            _ => return Err(format!("unexpected argument {arg:?}\nusage:\n{USAGE}")),
        }
    }
    if corpora.is_empty() {
        return Err(format!("no --corpus given\nusage:\n{USAGE}"));
    }
    let mut corpus = crate::open_corpus(&corpora)?;
    super::link(&mut corpus, &user)?;
    // The article: one of the corpus's files, however its path is written.
    let article = match article {
        None => None,
        Some(path) => {
            let wanted = std::fs::canonicalize(&path).ok();
            let found = corpus.ids().find(|&id| {
                corpus.get(id).is_some_and(|s| {
                    s.article.file == path
                        || wanted.is_some()
                            && std::fs::canonicalize(Path::new(&s.article.file)).ok() == wanted
                })
            });
            Some(found.ok_or_else(|| format!("{path}: not an article of the --corpus paths"))?)
        }
    };
    let out = propose(&corpus, &Options { article, limit });
    println!(
        "{}",
        serde_json::to_string(&out).map_err(|e| e.to_string())?
    );
    Ok(())
}
