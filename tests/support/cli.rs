//! The native CLI run as a user would, from the repository root (so `seeds` and
//! `../shared/corpus` resolve): what it printed and how it exited.

use std::process::{Command, Output};

pub fn qarin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the qarin binary runs")
}
