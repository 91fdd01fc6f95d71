//! `qarin`: the native command line over the same core as the page, printing JSON.
//!
//! ```text
//! qarin ingest [--max-file-mb N] PATH...   one JSON article per line (files, folders,
//!                                           zips, pages, exports; see the README)
//! qarin search --corpus PATH [--corpus PATH ...] [--limit N] [--offset N] [--lang xx]
//!              [--exact] QUERY              one JSON result object
//! qarin analyze TEXT                      a JSON array of tokens
//! qarin translit --pairs FILE              one JSON line per latin<TAB>arabic line
//! qarin pair --corpus PATH ... ARTICLE_FILE  the other language's articles on its story
//! qarin stories --corpus PATH ...           the corpus's stories told in both languages
//! ```
//! Files that cannot be read, and every warning on the files read, are named on stderr,
//! control and bidi characters escaped (a file name cannot drive the terminal); the exit
//! code is non-zero only when nothing at all could be read (or the command line itself is
//! wrong). `qarin COMMAND --help` prints that command's usage.

#[cfg_attr(feature = "bilingual", path = "qarin/lexicon.rs")]
#[cfg_attr(not(feature = "bilingual"), path = "qarin/no_lexicon.rs")]
mod lexicon;

use qarin::ingest::intake::{ArticleList, Intake};
use qarin::ingest::{self, Problem};
use qarin::{Corpus, SearchOptions};
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

// The crate root is src/bin/qarin.rs, so its child modules need their path named. The
// corpus tools' one gate: without the `stats` feature a stand-in names them and refuses.
#[cfg_attr(feature = "stats", path = "qarin/stats.rs")]
#[cfg_attr(not(feature = "stats"), path = "qarin/no_stats.rs")]
mod stats;

const INGEST_USAGE: &str = "  qarin ingest [--max-file-mb N] [--] PATH...";
const SEARCH_USAGE: &str = "  qarin search --corpus PATH [--corpus PATH ...] [--limit N] [--offset N] [--lang xx] [--from DATE] [--to DATE] [--exact] [--explain] [--fold]
               [--no-cross-lingual] [--lexicon FILE ...] [--entity ID ...] QUERY
  qarin search --corpus PATH ... --queries FILE   (one query per line, one JSON result per line)";
const ANALYZE_USAGE: &str = "  qarin analyze [--] TEXT";
const USAGE: &str = "usage:
  qarin ingest [--max-file-mb N] [--] PATH...
  qarin search --corpus PATH [--corpus PATH ...] [--limit N] [--offset N] [--lang xx] [--from DATE] [--to DATE] [--exact] [--explain] [--fold]
               [--no-cross-lingual] [--lexicon FILE ...] [--entity ID ...] QUERY
  qarin search --corpus PATH ... --queries FILE   (one query per line, one JSON result per line)
  qarin analyze [--] TEXT
  qarin entities [--lexicon FILE ...] [--] TEXT
  qarin freq --corpus PATH ... [SCOPE] [--by form|term] [--stop] [--min F] [--limit N]
  qarin kwic --corpus PATH ... [SCOPE] [--width W] [--sort key|L1..L3|R1..R3] [--limit N] QUERY
  qarin ngrams --corpus PATH ... [SCOPE] --n N [--min F] [--limit N] [--around QUERY] [--window L,R]
  qarin collocates --corpus PATH ... [SCOPE] [--window L,R] [--min F] [--sort logdice|mi|t|g2|f_xy] [--limit N] NODE
  qarin keyness --corpus PATH ... --target QUERY --reference QUERY [--target-lang xx] [--reference-lang xx] [--cutoff G2]
  qarin dispersion --corpus PATH ... [SCOPE] QUERY
  SCOPE: [--filter QUERY] [--lang xx] [--source NAME] [--from DATE] [--to DATE]
  qarin translit --pairs FILE   (latin<TAB>arabic lines; one JSON line each)
  qarin names --corpus PATH [--corpus PATH ...] [--lexicon FILE ...] [--limit N] [--article FILE]
  qarin pair --corpus PATH [--corpus PATH ...] [--limit N] [--names en|ar] [--no-lexicon] ARTICLE_FILE
  qarin stories --corpus PATH [--corpus PATH ...] [--min-size N] [--limit N]
  qarin COMMAND --help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str);
    // `--help` (or `-h`) anywhere among a command's arguments asks for its usage.
    let mut before_separator = args.iter().take_while(|a| *a != "--");
    if before_separator.any(|a| a == "--help" || a == "-h") || command == Some("help") {
        let usage = match command {
            Some("ingest") => INGEST_USAGE,
            Some("search") => SEARCH_USAGE,
            Some("analyze") => ANALYZE_USAGE,
            Some(tool) if stats::usage(tool).is_some() => stats::usage(tool).unwrap_or(""),
            Some("translit") => lexicon::translit::USAGE,
            Some("pair") => lexicon::pair::USAGE,
            Some("names") => lexicon::names::USAGE,
            Some("stories") => lexicon::stories::USAGE,
            Some("entities") => lexicon::USAGE,
            _ => USAGE.trim_start_matches("usage:\n"),
        };
        println!("usage:\n{usage}");
        return ExitCode::SUCCESS;
    }
    let result = match command {
        Some("ingest") => ingest_command(&args[1..]),
        Some("search") => search_command(&args[1..]),
        Some("analyze") => analyze_command(&args[1..]),
        Some(tool) if stats::usage(tool).is_some() => stats::run(tool, &args[1..]),
        Some("translit") => lexicon::translit::command(&args[1..]),
        Some("pair") => lexicon::pair::command(&args[1..]),
        Some("names") => lexicon::names::command(&args[1..]),
        Some("stories") => lexicon::stories::command(&args[1..]),
        Some("entities") => lexicon::entities_command(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("qarin: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Every file under `path` as `(name, bytes)`; a folder's files are named folder + `/` +
/// relative path, in sorted order, hidden entries skipped.
fn collect(path: &str, out: &mut Vec<(String, Vec<u8>)>, problems: &mut Vec<Problem>) {
    let p = Path::new(path);
    if p.is_dir() {
        let mut entries: Vec<_> = match std::fs::read_dir(p) {
            Ok(rd) => rd
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(e) => {
                problems.push(Problem {
                    file: path.to_string(),
                    message: format!("cannot read folder: {e}").into(),
                });
                return;
            }
        };
        entries.sort();
        for name in entries.into_iter().filter(|n| !n.starts_with('.')) {
            collect(
                &format!("{}/{}", path.trim_end_matches('/'), name),
                out,
                problems,
            );
        }
    } else {
        // Larger than any limit: not read into memory at all.
        let limit = ingest::Limits::default().max_archive_bytes as u64;
        if let Ok(meta) = std::fs::metadata(p) {
            if meta.len() > limit {
                problems.push(Problem {
                    file: path.to_string(),
                    message: format!("too large: more than the limit of {} MB", limit >> 20).into(),
                });
                return;
            }
        }
        match std::fs::read(p) {
            Ok(bytes) => out.push((path.to_string(), bytes)),
            Err(e) => problems.push(Problem {
                file: path.to_string(),
                message: format!("cannot read file: {e}").into(),
            }),
        }
    }
}

fn report(problems: &[Problem]) {
    for p in problems {
        warn(&p.file, &p.message.to_string());
    }
}

/// Names a file and what happened to it on stderr.
fn warn(file: &str, message: &str) {
    eprintln!("qarin: {}: {}", printable(file), printable(message));
}

/// `text` safe to print on a terminal: control characters (C0, DEL, C1, line and
/// paragraph separators) and bidi controls (marks, embeddings, overrides, isolates)
/// written as `\u{…}`, so a file name cannot move the cursor, ring the bell, hide text or
/// reorder what follows it.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{061c}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
            )
    };
    if !text.chars().any(unsafe_char) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

fn read_paths(paths: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    if paths.is_empty() {
        return Err(format!("no files given\n{USAGE}"));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        collect(p, &mut files, &mut problems);
    }
    report(&problems);
    Ok(files)
}

fn ingest_command(args: &[String]) -> Result<(), String> {
    let mut limits = ingest::Limits::default();
    let mut paths = Vec::new();
    let mut it = args.iter();
    let mut options = true;
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--max-file-mb" if options => {
                let mb = number(value(&mut it, arg)?, arg)?;
                limits.max_file_bytes = mb.saturating_mul(1 << 20);
            }
            "--" if options => options = false,
            _ if options && arg.starts_with("--") => {
                return Err(format!(
                    "unknown option {arg:?} (a file whose name starts with - goes after --)\nusage:\n{INGEST_USAGE}"
                ))
            }
            _ => paths.push(arg.clone()),
        }
    }
    let files = read_paths(&paths)?;
    // The same intake as the page's corpus (`Corpus::add_bytes`), without the index: all
    // files first, since a metadata sidecar applies to articles read before it too.
    let mut intake = Intake::new(limits);
    let mut list = ArticleList::default();
    for (name, bytes) in files {
        for w in intake.add_file(&mut list, &name, &bytes).warnings {
            warn(&w.file, &w.message.to_string());
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for a in list.articles() {
        let line = json!({
            "file": a.file, "title": a.title, "lang": a.lang, "body": a.body(),
            "dateline": a.dateline, "agency": a.agency, "outlet": a.outlet,
            "date": a.date, "date_text": a.date_text, "url": a.url, "byline": a.byline,
            "encoding": a.encoding, "near_duplicate_of": a.near_duplicate_of,
            "extra": a.extra, "removed": a.removed, "warnings": a.warnings,
        });
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    if list.is_empty() {
        return Err("no article could be read".to_string());
    }
    Ok(())
}

/// Takes the value after a flag, or says which flag lacks one.
fn value<'a>(
    args: &mut impl Iterator<Item = &'a String>,
    flag: &str,
) -> Result<&'a String, String> {
    args.next()
        .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
}

fn number(text: &str, flag: &str) -> Result<usize, String> {
    text.parse()
        .map_err(|_| format!("{flag} takes a whole number, not {text:?}"))
}

/// The articles of every `--corpus` path in one index, their warnings named on stderr.
/// Every command that reads a corpus opens it here (commands live in `qarin/<name>.rs`
/// beside this file and use `value`, `number`, `warn` and this from `super`).
fn open_corpus(corpora: &[String]) -> Result<Corpus, String> {
    let mut corpus = Corpus::new();
    for (name, bytes) in read_paths(corpora)? {
        for w in corpus.add_bytes(&name, &bytes).warnings {
            warn(&w.file, &w.message.to_string());
        }
    }
    if corpus.is_empty() {
        return Err("no article could be read".to_string());
    }
    Ok(corpus)
}

fn search_command(args: &[String]) -> Result<(), String> {
    let mut corpora = Vec::new();
    let mut options = SearchOptions::default();
    let mut query = None;
    let mut queries_file = None;
    let mut user_lexicons = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpora.push(value(&mut it, arg)?.clone()),
            "--queries" => queries_file = Some(value(&mut it, arg)?.clone()),
            "--limit" => options.limit = number(value(&mut it, arg)?, arg)?,
            "--offset" => options.offset = number(value(&mut it, arg)?, arg)?,
            "--lang" => options.lang = Some(value(&mut it, arg)?.clone()),
            "--from" => options.from = Some(value(&mut it, arg)?.clone()),
            "--to" => options.to = Some(value(&mut it, arg)?.clone()),
            "--exact" => options.exact = true,
            "--explain" => options.explain = true,
            "--fold" => options.fold = true,
            "--no-cross-lingual" => options.cross_lingual = false,
            "--lexicon" => user_lexicons.push(value(&mut it, arg)?.clone()),
            "--entity" => options.entities.push(value(&mut it, arg)?.clone()),
            _ if query.is_none() => query = Some(arg.clone()),
            _ => {
                return Err(format!(
                "unexpected argument {arg:?} (the query must be one argument; quote it)\n{USAGE}"
            ))
            }
        }
    }
    // One query per line of a file, against one index, or the single query argument.
    let queries: Vec<String> = match (&queries_file, query) {
        (Some(path), None) => std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: cannot read queries: {e}"))?
            .lines()
            .map(String::from)
            .collect(),
        (None, Some(q)) => vec![q],
        (Some(_), Some(_)) => {
            return Err(format!(
                "give either --queries FILE or a QUERY, not both\n{USAGE}"
            ))
        }
        (None, None) => return Err(format!("no query given\n{USAGE}")),
    };
    let mut corpus = open_corpus(&corpora)?;
    lexicon::link(&mut corpus, &user_lexicons)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for query in &queries {
        let result = corpus.search(query, &options);
        let line = serde_json::to_string(&result).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn analyze_command(args: &[String]) -> Result<(), String> {
    let mut text = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            // There is no language to force: each word is analysed by the rules of its
            // own script (Arabic or Latin), whatever the text around it, exactly as the
            // index and queries see it. The flag was accepted and ignored; now it says so.
            "--lang" => {
                return Err(format!(
                    "analyze has no --lang: each word is analysed by the rules of its own \
                     script, as the index sees it\n{USAGE}"
                ))
            }
            "--" => {
                let rest: Vec<&String> = it.by_ref().collect();
                match (text.is_none(), rest.as_slice()) {
                    (true, [one]) => text = Some((*one).clone()),
                    _ => return Err(format!("give one TEXT to analyze\n{USAGE}")),
                }
            }
            _ if arg.starts_with("--") => {
                return Err(format!(
                    "unknown option {arg:?} (use -- before a text that starts with --)\n{USAGE}"
                ))
            }
            _ if text.is_none() => text = Some(arg.clone()),
            _ => return Err(format!("unexpected argument {arg:?}\n{USAGE}")),
        }
    }
    let text = text.ok_or_else(|| format!("no text given\n{USAGE}"))?;
    let tokens = qarin::analysis::analyze(&text);
    println!(
        "{}",
        serde_json::to_string(&tokens).map_err(|e| e.to_string())?
    );
    Ok(())
}
