//! The corpus tools: concordance (KWIC), word lists, n-grams, collocates, keyness,
//! dispersion and trends, over a sub-corpus chosen by a query and filters. Part of the
//! default (full) build and the CLI; the page's start-up build leaves it out.
