//! Metadata read from the text itself: the language of a whole article (by script share,
//! then a few cheap checks inside a script), and the small grammars `clean` needs to
//! recognise a dateline ("TEHRAN (Tasnim) –", "دمشق - سانا:") or a date stamp ("Wed 05 Apr
//! 2017", "2019-08-18 14:55:10"). Nothing here allocates per character or panics: every
//! slice is cut at a char boundary found by iteration.

pub mod date;
mod dateline;
mod fold;
mod lang;
mod outlet;
mod stamp;

pub(crate) use dateline::read_dateline;
pub(crate) use fold::{
    fold, fold_char, folded, folded_list, is_agency, is_credit, key, FoldedChars,
};
pub use lang::detect_lang;
pub(crate) use lang::{dominant_script, script_of};
pub use outlet::outlet_name;
pub(crate) use stamp::{date_prefix_len, is_date_line, strip_publication_words};
