//! `qarin pair --corpus PATH [--corpus PATH ...] [--limit N] ARTICLE_FILE`: the articles of
//! the corpus in the other language than ARTICLE_FILE's that tell the same story, best first,
//! as `{"candidates": [{"file", "score", "shared": [...]}, ...]}`. ARTICLE_FILE may lie inside
//! a `--corpus` folder (it is then never its own candidate) or anywhere else.

use qarin::bilingual::pairing::{index_corpus, sign};
use serde::Serialize;
use std::path::Path;

pub const USAGE: &str = "  qarin pair --corpus PATH [--corpus PATH ...] [--limit N] ARTICLE_FILE";

#[derive(Serialize)]
struct Out {
    candidates: Vec<Candidate>,
}

#[derive(Serialize)]
struct Candidate {
    file: String,
    score: f64,
    shared: Vec<String>,
}

pub fn command(args: &[String]) -> Result<(), String> {
    let mut corpora = Vec::new();
    let mut limit = 10;
    let mut article = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpora.push(crate::value(&mut it, arg)?.clone()),
            "--limit" => limit = crate::number(crate::value(&mut it, arg)?, arg)?,
            _ if arg.starts_with("--") => {
                return Err(format!("unknown option {arg:?}\nusage:\n{USAGE}"))
            }
            _ if article.is_none() => article = Some(arg.clone()),
            _ => return Err(format!("unexpected argument {arg:?}\nusage:\n{USAGE}")),
        }
    }
    let article = article.ok_or_else(|| format!("no ARTICLE_FILE given\nusage:\n{USAGE}"))?;
    if corpora.is_empty() {
        return Err(format!("no --corpus given\nusage:\n{USAGE}"));
    }
    let corpus = crate::open_corpus(&corpora)?;
    let (pairing, ids) = index_corpus(&corpus);
    // The article itself: one of the corpus's (same file, however the path is written), or
    // read from its own file.
    let wanted = std::fs::canonicalize(&article).ok();
    let inside = ids.iter().position(|&id| {
        corpus.get(id).is_some_and(|s| {
            s.article.file == article
                || wanted.is_some()
                    && std::fs::canonicalize(Path::new(&s.article.file)).ok() == wanted
        })
    });
    let (signature, exclude) = match inside {
        Some(n) => {
            let stored = corpus.get(ids[n]).ok_or("article vanished")?;
            (sign(&stored.article), Some(n as u32))
        }
        None => {
            let bytes =
                std::fs::read(&article).map_err(|e| format!("{article}: cannot read: {e}"))?;
            let read = qarin::ingest::read(&article, &bytes);
            for p in &read.problems {
                crate::warn(&p.file, &p.message.to_string());
            }
            let first = read
                .articles
                .first()
                .ok_or_else(|| format!("{article}: no article could be read"))?;
            (sign(first), None)
        }
    };
    let signature = signature
        .ok_or_else(|| format!("{article}: neither English nor Arabic, nothing to pair"))?;
    let candidates = pairing
        .pair(&signature, exclude, limit)
        .into_iter()
        .filter_map(|c| {
            let stored = corpus.get(*ids.get(c.doc as usize)?)?;
            Some(Candidate {
                file: stored.article.file.clone(),
                score: (f64::from(c.score) * 1000.0).round() / 1000.0,
                shared: c.shared,
            })
        })
        .collect();
    let line = serde_json::to_string(&Out { candidates }).map_err(|e| e.to_string())?;
    println!("{line}");
    Ok(())
}
