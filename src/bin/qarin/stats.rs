//! `qarin freq|kwic|ngrams|collocates|keyness`: the corpus tools over a sub-corpus chosen
//! with `--filter QUERY --lang xx --source NAME --from DATE --to DATE`, one JSON object on
//! stdout. Each command accepts only its own options (see `usage`).

use super::{number, open_corpus, value};
use qarin::stats::{self, By, Scope, Tools};

/// The usage of a tool command, `None` for any other name.
pub fn usage(command: &str) -> Option<&'static str> {
    match command {
        "freq" => Some(FREQ_USAGE),
        "kwic" => Some(KWIC_USAGE),
        "ngrams" => Some(NGRAMS_USAGE),
        "collocates" => Some(COLLOCATES_USAGE),
        "keyness" => Some(KEYNESS_USAGE),
        "dispersion" => Some(DISPERSION_USAGE),
        _ => None,
    }
}

/// Runs the tool command `command` (one [`usage`] names).
pub fn run(command: &str, args: &[String]) -> Result<(), String> {
    match command {
        "freq" => freq_command(args),
        "kwic" => kwic_command(args),
        "ngrams" => ngrams_command(args),
        "collocates" => collocates_command(args),
        "keyness" => keyness_command(args),
        _ => dispersion_command(args),
    }
}

const FREQ_USAGE: &str = "  qarin freq --corpus PATH [--corpus PATH ...] [SCOPE] [--by form|term] [--stop] [--min F] [--limit N]";
const KWIC_USAGE: &str = "  qarin kwic --corpus PATH ... [SCOPE] [--width W] [--sort key|L1|L2|L3|R1|R2|R3] [--limit N] QUERY";
const NGRAMS_USAGE: &str = "  qarin ngrams --corpus PATH ... [SCOPE] --n N [--by form|term] [--min F] [--limit N] [--around QUERY] [--window L,R]";
const COLLOCATES_USAGE: &str = "  qarin collocates --corpus PATH ... [SCOPE] [--window L,R] [--by form|term] [--stop] [--min F] [--sort logdice|mi|t|g2|f_xy] [--limit N] NODE";
const KEYNESS_USAGE: &str = "  qarin keyness --corpus PATH ... --target QUERY --reference QUERY [--target-lang xx] [--reference-lang xx] [SCOPE] [--by form|term] [--stop] [--min F] [--cutoff G2] [--limit N]";
const DISPERSION_USAGE: &str = "  qarin dispersion --corpus PATH ... [SCOPE] QUERY";
const SCOPE_USAGE: &str = "  SCOPE: [--filter QUERY] [--lang xx] [--source NAME] [--from DATE] [--to DATE] [--cross-lingual] [--exact]";

/// Everything the tool commands may be given; each command reads its part.
#[derive(Default)]
struct Args {
    corpora: Vec<String>,
    scope: Scope,
    by: By,
    stop: bool,
    limit: Option<usize>,
    min: Option<usize>,
    width: Option<usize>,
    sort: Option<String>,
    n: Option<usize>,
    around: String,
    window: Option<(usize, usize)>,
    target: Option<String>,
    reference: Option<String>,
    target_lang: Option<String>,
    reference_lang: Option<String>,
    cutoff: Option<f64>,
    positional: Vec<String>,
}

/// Reads `args`, allowing the scope options, `--corpus` and the flags in `allowed`.
fn parse(args: &[String], allowed: &[&str], usage: &str) -> Result<Args, String> {
    let mut out = Args::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let a = arg.as_str();
        let specific = a.starts_with("--")
            && !matches!(
                a,
                "--corpus"
                    | "--filter"
                    | "--lang"
                    | "--source"
                    | "--from"
                    | "--to"
                    | "--cross-lingual"
                    | "--exact"
            );
        if specific && !allowed.contains(&a) {
            return Err(format!(
                "unknown option {a:?}\nusage:\n{usage}\n{SCOPE_USAGE}"
            ));
        }
        match a {
            "--corpus" => out.corpora.push(value(&mut it, a)?.clone()),
            "--filter" => out.scope.filter = value(&mut it, a)?.clone(),
            "--lang" => out.scope.lang = Some(value(&mut it, a)?.clone()),
            "--source" => out.scope.sources.push(value(&mut it, a)?.clone()),
            "--from" => out.scope.from = Some(value(&mut it, a)?.clone()),
            "--to" => out.scope.to = Some(value(&mut it, a)?.clone()),
            "--cross-lingual" => out.scope.cross_lingual = true,
            "--exact" => out.scope.exact = true,
            "--by" => {
                out.by = match value(&mut it, a)?.as_str() {
                    "form" => By::Form,
                    "term" => By::Term,
                    other => return Err(format!("--by takes form or term, not {other:?}")),
                }
            }
            "--stop" => out.stop = true,
            "--limit" => out.limit = Some(number(value(&mut it, a)?, a)?),
            "--min" => out.min = Some(number(value(&mut it, a)?, a)?),
            "--width" => out.width = Some(number(value(&mut it, a)?, a)?),
            "--sort" => out.sort = Some(value(&mut it, a)?.clone()),
            "--n" => out.n = Some(number(value(&mut it, a)?, a)?),
            "--around" => out.around = value(&mut it, a)?.clone(),
            "--window" => out.window = Some(window(value(&mut it, a)?)?),
            "--target" => out.target = Some(value(&mut it, a)?.clone()),
            "--reference" => out.reference = Some(value(&mut it, a)?.clone()),
            "--target-lang" => out.target_lang = Some(value(&mut it, a)?.clone()),
            "--reference-lang" => out.reference_lang = Some(value(&mut it, a)?.clone()),
            "--cutoff" => {
                let text = value(&mut it, a)?;
                out.cutoff = Some(
                    text.parse::<f64>()
                        .ok()
                        .filter(|c| c.is_finite())
                        .ok_or_else(|| format!("--cutoff takes a number, not {text:?}"))?,
                )
            }
            "--" => out.positional.extend(it.by_ref().cloned()),
            _ => out.positional.push(arg.clone()),
        }
    }
    Ok(out)
}

/// The one QUERY argument of a command that takes one.
fn one_query(args: &Args, usage: &str) -> Result<String, String> {
    match args.positional.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("no query given\nusage:\n{usage}")),
        _ => Err(format!(
            "unexpected argument {:?} (the query must be one argument; quote it)\nusage:\n{usage}",
            args.positional[1]
        )),
    }
}

fn no_positional(args: &Args, usage: &str) -> Result<(), String> {
    match args.positional.first() {
        Some(extra) => Err(format!("unexpected argument {extra:?}\nusage:\n{usage}")),
        None => Ok(()),
    }
}

fn print<T: serde::Serialize>(result: Result<T, qarin::Error>) -> Result<(), String> {
    let result = result.map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::to_string(&result).map_err(|e| e.to_string())?
    );
    Ok(())
}

/// The corpus of `--corpus`, linked to the shipped lexicon when `--cross-lingual` asks for
/// the expansion across scripts (search links it always; the tools only when asked).
fn open(a: &Args) -> Result<qarin::Corpus, String> {
    let mut corpus = open_corpus(&a.corpora)?;
    if a.scope.cross_lingual && !a.scope.exact {
        super::lexicon::link(&mut corpus, &[])?;
    }
    Ok(corpus)
}

fn min_u32(min: Option<usize>, default: u32) -> u32 {
    min.map_or(default, |m| m.min(u32::MAX as usize) as u32)
}

fn freq_command(args: &[String]) -> Result<(), String> {
    let a = parse(args, &["--by", "--stop", "--limit", "--min"], FREQ_USAGE)?;
    no_positional(&a, FREQ_USAGE)?;
    let corpus = open(&a)?;
    let defaults = stats::freq::Options::default();
    let options = stats::freq::Options {
        scope: a.scope,
        by: a.by,
        stop: a.stop,
        limit: a.limit.unwrap_or(defaults.limit),
        min: min_u32(a.min, defaults.min),
    };
    print(Tools::new().freq(&corpus, &options))
}

fn kwic_command(args: &[String]) -> Result<(), String> {
    let a = parse(args, &["--width", "--sort", "--limit"], KWIC_USAGE)?;
    let query = one_query(&a, KWIC_USAGE)?;
    let defaults = stats::kwic::Options::default();
    let sort =
        stats::kwic::Sort::parse(a.sort.as_deref().unwrap_or("")).map_err(|e| e.to_string())?;
    let corpus = open(&a)?;
    let options = stats::kwic::Options {
        scope: a.scope,
        width: a.width.unwrap_or(defaults.width),
        sort,
        limit: a.limit.unwrap_or(defaults.limit),
    };
    print(Tools::new().kwic(&corpus, &query, &options))
}

/// `L,R`: words left and right.
fn window(text: &str) -> Result<(usize, usize), String> {
    let (l, r) = text
        .split_once(',')
        .ok_or_else(|| format!("--window takes L,R (two whole numbers), not {text:?}"))?;
    Ok((number(l.trim(), "--window")?, number(r.trim(), "--window")?))
}

fn ngrams_command(args: &[String]) -> Result<(), String> {
    let allowed = ["--n", "--by", "--min", "--limit", "--around", "--window"];
    let a = parse(args, &allowed, NGRAMS_USAGE)?;
    no_positional(&a, NGRAMS_USAGE)?;
    let corpus = open(&a)?;
    let d = stats::ngrams::Options::default();
    let options = stats::ngrams::Options {
        scope: a.scope,
        by: a.by,
        n: a.n.unwrap_or(d.n),
        min: min_u32(a.min, d.min),
        limit: a.limit.unwrap_or(d.limit),
        around: a.around,
        window: a.window.unwrap_or(d.window),
    };
    print(Tools::new().ngrams(&corpus, &options))
}

fn collocates_command(args: &[String]) -> Result<(), String> {
    let allowed = ["--window", "--by", "--stop", "--min", "--sort", "--limit"];
    let a = parse(args, &allowed, COLLOCATES_USAGE)?;
    let node = one_query(&a, COLLOCATES_USAGE)?;
    let d = stats::collocation::Options::default();
    let sort = stats::collocation::Sort::parse(a.sort.as_deref().unwrap_or(""))
        .map_err(|e| e.to_string())?;
    let corpus = open(&a)?;
    let options = stats::collocation::Options {
        scope: a.scope,
        by: a.by,
        window: a.window.unwrap_or(d.window),
        min: min_u32(a.min, d.min),
        stop: a.stop,
        sort,
        limit: a.limit.unwrap_or(d.limit),
    };
    print(Tools::new().collocates(&corpus, &node, &options))
}

fn keyness_command(args: &[String]) -> Result<(), String> {
    let allowed = [
        "--target",
        "--reference",
        "--target-lang",
        "--reference-lang",
        "--by",
        "--stop",
        "--min",
        "--cutoff",
        "--limit",
    ];
    let a = parse(args, &allowed, KEYNESS_USAGE)?;
    no_positional(&a, KEYNESS_USAGE)?;
    let (Some(target), Some(reference)) = (a.target.clone(), a.reference.clone()) else {
        return Err(format!(
            "keyness needs --target QUERY and --reference QUERY (\"\" for every article)\nusage:\n{KEYNESS_USAGE}"
        ));
    };
    // Each side is the shared scope with its own query (and language, if given).
    let side = |query: String, lang: &Option<String>| Scope {
        filter: query,
        lang: lang.clone().or_else(|| a.scope.lang.clone()),
        ..a.scope.clone()
    };
    let d = stats::keyness::Options::default();
    let options = stats::keyness::Options {
        target: side(target, &a.target_lang),
        reference: side(reference, &a.reference_lang),
        by: a.by,
        min: min_u32(a.min, d.min),
        cutoff: a.cutoff.unwrap_or(d.cutoff),
        stop: a.stop,
        limit: a.limit.unwrap_or(d.limit),
        per_side: false,
    };
    let corpus = open(&a)?;
    print(Tools::new().keyness(&corpus, &options))
}

fn dispersion_command(args: &[String]) -> Result<(), String> {
    let a = parse(args, &[], DISPERSION_USAGE)?;
    let query = one_query(&a, DISPERSION_USAGE)?;
    let corpus = open(&a)?;
    let options = stats::dispersion::Options { scope: a.scope };
    print(Tools::new().dispersion(&corpus, &query, &options))
}
