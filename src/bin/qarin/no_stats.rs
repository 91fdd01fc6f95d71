//! The corpus tool commands in a CLI built without the `stats` feature: named, so that
//! `qarin freq` says what is missing instead of "unknown command", and refused.

const TOOLS: [&str; 6] = [
    "freq",
    "kwic",
    "ngrams",
    "collocates",
    "keyness",
    "dispersion",
];

pub fn usage(command: &str) -> Option<&'static str> {
    TOOLS
        .contains(&command)
        .then_some("  (this qarin was built without the corpus tools: the `stats` feature)")
}

pub fn run(command: &str, _args: &[String]) -> Result<(), String> {
    Err(format!(
        "{command}: this qarin was built without the corpus tools (cargo feature `stats`)"
    ))
}
