//! `qarin stories --corpus PATH [--corpus PATH ...] [--min-size N] [--limit N]`: the
//! corpus grouped into stories told in English and Arabic (`qarin::bilingual::stories`),
//! as one JSON object `{"stories": [{"label_en", "label_ar", "en", "ar", "from", "to",
//! "score"}], "total", "paired", "partial", "work"}`. The shipped lexicon is linked (plus
//! `--lexicon FILE`s) unless `--no-lexicon`.

use qarin::bilingual::stories::{stories_in, Options};

pub const USAGE: &str = "  qarin stories --corpus PATH [--corpus PATH ...] [--min-size N] [--limit N]\n                [--top N] [--min-score X] [--max-size N] [--window-days N] [--lexicon FILE ...] [--no-lexicon]";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut corpora = Vec::new();
    let mut options = Options::default();
    let mut lexicons = Vec::new();
    let mut linked = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpora.push(crate::value(&mut it, arg)?.clone()),
            "--min-size" => options.min_size = crate::number(crate::value(&mut it, arg)?, arg)?,
            "--limit" => options.limit = crate::number(crate::value(&mut it, arg)?, arg)?,
            "--top" => options.top = crate::number(crate::value(&mut it, arg)?, arg)?,
            "--max-size" => options.max_size = crate::number(crate::value(&mut it, arg)?, arg)?,
            "--window-days" => {
                options.window_days = crate::number(crate::value(&mut it, arg)?, arg)?
                    .try_into()
                    .map_err(|_| format!("{arg}: too large"))?
            }
            "--min-score" => {
                let v = crate::value(&mut it, arg)?;
                options.min_score = v
                    .parse()
                    .ok()
                    .filter(|x: &f32| x.is_finite())
                    .ok_or_else(|| format!("{arg}: a number, not {v:?}"))?;
            }
            "--lexicon" => lexicons.push(crate::value(&mut it, arg)?.clone()),
            "--no-lexicon" => linked = false,
            _ => return Err(format!("unknown argument {arg:?}\nusage:\n{USAGE}")),
        }
    }
    if corpora.is_empty() {
        return Err(format!("no --corpus given\nusage:\n{USAGE}"));
    }
    let mut corpus = crate::open_corpus(&corpora)?;
    if linked {
        crate::lexicon::link(&mut corpus, &lexicons)?;
    } else if !lexicons.is_empty() {
        return Err("--lexicon and --no-lexicon do not go together".into());
    }
    let found = stories_in(&corpus, &options);
    let line = serde_json::to_string(&found).map_err(|e| e.to_string())?;
    println!("{line}");
    Ok(())
}
