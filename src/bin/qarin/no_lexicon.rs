//! The CLI built without the `bilingual` feature: no lexicon, no entities, no pairing or
//! transliteration, and the options and commands that would need them are refused with that
//! reason.

use qarin::Corpus;

pub const USAGE: &str = "  qarin entities [--lexicon FILE ...] [--] TEXT   (not in this build)";

const ABSENT: &str = "this build of qarin has no lexicon (built without the bilingual feature)";

/// Nothing to link; a user lexicon cannot be read.
pub fn link(_corpus: &mut Corpus, user: &[String]) -> Result<(), String> {
    if user.is_empty() {
        Ok(())
    } else {
        Err(ABSENT.to_string())
    }
}

pub fn entities_command(_args: &[String]) -> Result<(), String> {
    Err(ABSENT.to_string())
}

/// Stand-ins for the commands the `bilingual` part brings.
macro_rules! absent_command {
    ($name:ident, $usage:literal) => {
        pub mod $name {
            pub const USAGE: &str = $usage;
            pub fn command(_args: &[String]) -> Result<(), String> {
                Err(super::ABSENT.to_string())
            }
        }
    };
}
absent_command!(names, "  qarin names ...   (not in this build)");
absent_command!(pair, "  qarin pair ...   (not in this build)");
absent_command!(stories, "  qarin stories ...   (not in this build)");
absent_command!(translit, "  qarin translit ...   (not in this build)");
