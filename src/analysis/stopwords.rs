//! Stop words for English and Arabic. The English list is the Snowball project's English
//! stop list (BSD licence); the Arabic list follows the function words of Lucene's Arabic
//! stop list (Apache 2.0), written in ordinary spelling. Both are run through the same
//! normalizer as the text when first used, so every spelling of a stop word (إلى / الى,
//! على / علي) is caught.

use super::normalize::normalize_word;
use super::script::Script;
use std::collections::HashSet;
use std::sync::OnceLock;

const ENGLISH: &str = "i me my myself we our ours ourselves you your yours yourself yourselves \
he him his himself she her hers herself it its itself they them their theirs themselves what \
which who whom this that these those am is are was were be been being have has had having do \
does did doing would should could ought i'm you're he's she's it's we're they're i've you've \
we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't \
aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't \
shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's where's \
why's how's a an the and but if or because as until while of at by for with about against \
between into through during before after above below to from up down in out on off over under \
again further then once here there when where why how all any both each few more most other \
some such no nor not only own same so than too very";

const ARABIC: &str = "في من على إلى عن مع هذا هذه ذلك تلك هؤلاء أولئك الذي التي الذين اللذان \
اللتان اللواتي اللاتي ما ماذا متى أين كيف لماذا هل و أو أم ثم بل لكن لكنّ حتى إذا إذ إن أن \
إنّ أنّ كان كانت يكون تكون كانوا قد لقد لم لن لا ليس ليست كل بعض غير أي أيّ عند عندما بين \
فيه فيها منه منها عليه عليها إليه إليها عنه عنها له لها لهم لهن به بها بهم هو هي هم هن أنا \
نحن أنت أنتم أنتن هما كما مثل أيضا أيضاً قبل بعد خلال حول ضد دون فوق تحت منذ نحو لدى لدي \
ولا وقد وكان وكانت وهو وهي وهذا وهذه ومن وفي وعلى وإن وأن ولم ولن التى الى علي";

fn set(list: &'static str) -> HashSet<String> {
    list.split_whitespace()
        .map(|w| normalize_word(w).1)
        .collect()
}

/// Whether a normalized word is a stop word of its script's language.
pub fn is_stop(script: Script, normalized: &str) -> bool {
    static EN: OnceLock<HashSet<String>> = OnceLock::new();
    static AR: OnceLock<HashSet<String>> = OnceLock::new();
    match script {
        Script::Latin => EN.get_or_init(|| set(ENGLISH)).contains(normalized),
        Script::Arabic => AR.get_or_init(|| set(ARABIC)).contains(normalized),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_stop_word_is_caught() {
        for w in ["إلى", "الى", "إلي", "على", "علي", "The", "don’t", "It's"] {
            let (script, n) = normalize_word(w);
            assert!(is_stop(script, &n), "{w}");
        }
        for w in ["Ghouta", "الغوطة", "Macron"] {
            let (script, n) = normalize_word(w);
            assert!(!is_stop(script, &n), "{w}");
        }
    }
}
