//! `qarin pair --corpus PATH [--corpus PATH ...] [--limit N] ARTICLE_FILE`: the articles of
//! the corpus in the other language than ARTICLE_FILE's that tell the same story, best first,
//! as `{"candidates": [{"file", "score", "shared": [...]}, ...]}`. ARTICLE_FILE may lie inside
//! a `--corpus` folder (it is then never its own candidate) or anywhere else.
//!
//! The shipped lexicon is linked (plus `--lexicon FILE`s): shared entities count as evidence
//! and are named in `--names en|ar` (default: the article's language). `--no-lexicon`
//! pairs on numbers, dates and names alone.

use qarin::bilingual::pairing::{index_corpus, sign, sign_in, Lang};
use serde::Serialize;
use std::path::Path;

pub const USAGE: &str = "  qarin pair --corpus PATH [--corpus PATH ...] [--limit N] [--names en|ar]\n             [--lexicon FILE ...] [--no-lexicon] ARTICLE_FILE";

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
    let mut lexicons = Vec::new();
    let mut linked = true;
    let mut shown = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpora.push(crate::value(&mut it, arg)?.clone()),
            "--lexicon" => lexicons.push(crate::value(&mut it, arg)?.clone()),
            "--no-lexicon" => linked = false,
            "--names" => {
                let v = crate::value(&mut it, arg)?;
                shown = Some(Lang::of(v).ok_or_else(|| format!("--names: en or ar, not {v:?}"))?);
            }
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
    let mut corpus = crate::open_corpus(&corpora)?;
    // The article itself: one of the corpus's (same file, however the path is written), or
    // read from its own file and added, so that it is signed as the corpus's articles are.
    let wanted = std::fs::canonicalize(&article).ok();
    let inside = corpus.ids().find(|&id| {
        corpus.get(id).is_some_and(|s| {
            s.article.file == article
                || wanted.is_some()
                    && std::fs::canonicalize(Path::new(&s.article.file)).ok() == wanted
        })
    });
    // An article the intake refuses (a copy of one in the corpus) is signed on its own.
    let mut outside = None;
    let id = match inside {
        Some(id) => Some(id),
        None => {
            let bytes =
                std::fs::read(&article).map_err(|e| format!("{article}: cannot read: {e}"))?;
            let read = qarin::ingest::read(&article, &bytes);
            for p in &read.problems {
                crate::warn(&p.file, &p.message.to_string());
            }
            let first = read
                .articles
                .into_iter()
                .next()
                .ok_or_else(|| format!("{article}: no article could be read"))?;
            match corpus.add_article(first.clone()) {
                Ok(summary) => Some(summary.id),
                Err(_) => {
                    outside = Some(first);
                    None
                }
            }
        }
    };
    if linked {
        crate::lexicon::link(&mut corpus, &lexicons)?;
    } else if !lexicons.is_empty() {
        return Err("--lexicon and --no-lexicon do not go together".into());
    }
    let (pairing, ids) = index_corpus(&corpus);
    let exclude = ids.iter().position(|&d| Some(d) == id).map(|n| n as u32);
    let signature = match (id, &outside) {
        (Some(id), _) => sign_in(&corpus, id),
        (None, Some(a)) => sign(a),
        (None, None) => None,
    }
    .ok_or_else(|| format!("{article}: neither English nor Arabic, nothing to pair"))?;
    let shown = shown.unwrap_or(signature.lang());
    let candidates = pairing
        .pair_shown(&signature, exclude, limit, shown)
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
