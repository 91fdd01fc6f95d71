//! The only file that knows wasm-bindgen: a `Corpus` class for JavaScript (the page's
//! worker and the Node tests). Methods take and return plain JS objects and throw a
//! `JsError` on failure; nothing here may panic, because a panic poisons the instance.

use crate::corpus::{Corpus as Core, ListFilter};
use crate::query::SearchOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

// Arguments come from JavaScript, where any value can arrive where a string was meant.
// wasm-bindgen's glue for `&str` and `&[u8]` trusts the type: a Symbol threw halfway
// through a call and left the instance broken ("memory access out of bounds"), and
// `{length: 1e9}` passed as bytes made it copy a billion undefined values. So every
// argument a caller can get wrong arrives as a `JsValue` and is checked here first.

/// `value` as a string, or a `JsError` naming the method and argument.
fn string_arg(value: &JsValue, method: &str, what: &str) -> Result<String, JsError> {
    value
        .as_string()
        .ok_or_else(|| wrong_type(value, method, what, "a string"))
}

/// The bytes of a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`.
fn bytes_arg(value: &JsValue, method: &str) -> Result<Vec<u8>, JsError> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        Ok(array.to_vec())
    } else if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        Ok(js_sys::Uint8Array::new(buffer).to_vec())
    } else {
        Err(wrong_type(
            value,
            method,
            "bytes",
            "a Uint8Array or an ArrayBuffer",
        ))
    }
}

/// An article id: a whole number from 0 to 2^32 − 1.
fn id_arg(value: &JsValue, method: &str) -> Result<u32, JsError> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n))
        .map(|n| n as u32)
        .ok_or_else(|| wrong_type(value, method, "id", "a whole number from 0"))
}

/// An array of article ids (each as [`id_arg`] reads it).
#[cfg(any(feature = "formats", feature = "bilingual"))]
fn ids_arg(value: &JsValue, method: &str) -> Result<Vec<u32>, JsError> {
    if !js_sys::Array::is_array(value) {
        return Err(wrong_type(value, method, "ids", "an array of ids"));
    }
    js_sys::Array::from(value)
        .iter()
        .map(|v| id_arg(&v, method))
        .collect()
}

/// Options: `undefined`, `null` or a plain object (not an array, string or number).
fn options_arg(value: &JsValue, method: &str) -> Result<(), JsError> {
    let absent = value.is_undefined() || value.is_null();
    let object = value.is_object() && !js_sys::Array::is_array(value) && !value.is_function();
    if absent || object {
        Ok(())
    } else {
        Err(wrong_type(value, method, "options", "an object"))
    }
}

fn wrong_type(value: &JsValue, method: &str, what: &str, want: &str) -> JsError {
    let got = value.js_typeof().as_string().unwrap_or_default();
    let got = if value.is_null() {
        "null"
    } else if js_sys::Array::is_array(value) {
        "array"
    } else {
        &got
    };
    JsError::new(&format!("{method}: the {what} must be {want}, not {got}"))
}

/// Plain-object conversion: maps become objects, `None` becomes `null`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))
}

/// [`to_js`] through one JSON string: for big answers (a search's hits and facets) one
/// `JSON.parse` is several times cheaper than building the objects a property at a time
/// across the boundary.
fn to_js_json<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot convert result"))
}

/// Reads an optional property of a plain options object.
fn prop(options: &JsValue, name: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys_get(options, name).filter(|v| !v.is_undefined() && !v.is_null())
}

fn js_sys_get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
}

fn usize_prop(options: &JsValue, name: &str, default: usize) -> usize {
    prop(options, name)
        .and_then(|v| v.as_f64())
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map_or(default, |n| n as usize)
}

/// A true/false property, `default` when absent or not a boolean.
fn bool_prop(options: &JsValue, name: &str, default: bool) -> bool {
    prop(options, name)
        .and_then(|v| v.as_bool())
        .unwrap_or(default)
}

fn string_prop(options: &JsValue, name: &str) -> Option<String> {
    prop(options, name).and_then(|v| v.as_string())
}

/// A property given as one string or as an array of strings.
fn strings_prop(options: &JsValue, name: &str) -> Vec<String> {
    match prop(options, name) {
        Some(v) => match v.as_string() {
            Some(one) => vec![one],
            // Read by hand: serde's deserializer, with the float formatting of its error
            // messages, made the start-up wasm 12 KB (gzipped) larger.
            None if js_sys::Array::is_array(&v) => {
                let len = js_sys_get(&v, "length")
                    .and_then(|n| n.as_f64())
                    .unwrap_or(0.0) as u32;
                (0..len)
                    .filter_map(|i| js_sys::Reflect::get_u32(&v, i).ok()?.as_string())
                    .collect()
            }
            None => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// Runs once when the module is instantiated: a panic, which must never happen (it kills
/// the instance), then at least reports its message and place in the console instead of
/// a bare "unreachable".
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A corpus of articles with its index, living in wasm memory.
#[wasm_bindgen]
pub struct Corpus {
    core: Core,
    /// The corpus tools' forward index, built on their first call (full build only; the
    /// start-up build has `()` here, never read).
    #[cfg_attr(not(feature = "stats"), allow(dead_code))]
    tools: Tools,
}

#[cfg(feature = "stats")]
type Tools = crate::stats::Tools;
#[cfg(not(feature = "stats"))]
type Tools = ();

#[wasm_bindgen]
impl Corpus {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Corpus {
        Corpus {
            core: Core::new(),
            tools: Tools::default(),
        }
    }

    pub fn remove(&mut self, id: JsValue) -> Result<(), JsError> {
        let id = id_arg(&id, "remove")?;
        self.core.remove(id).map_err(|e| JsError::new(e.message()))
    }

    /// `{total, folded?, hits: [{id, hash, file, title, lang, date, score, snippet: [{text,
    /// hit}], similar?, explain?}], facets: {lang, source, date, year}, warnings?, error?}`. `options`:
    /// `{limit, offset, lang, source (a name or an array of names), exact, explain, from,
    /// to, sort: "relevance" | "date", fold, crossLingual (default true), entities (ids,
    /// all mentioned), snippets (default true), facets (default true)}`; with a lexicon
    /// loaded, `expanded`, `facets.entity` and per hit `entities` too.
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let query = string_arg(&query, "search", "query")?;
        options_arg(&options, "search")?;
        let options = SearchOptions {
            limit: usize_prop(&options, "limit", 10),
            offset: usize_prop(&options, "offset", 0),
            lang: string_prop(&options, "lang"),
            sources: strings_prop(&options, "source"),
            exact: bool_prop(&options, "exact", false),
            explain: bool_prop(&options, "explain", false),
            from: string_prop(&options, "from"),
            to: string_prop(&options, "to"),
            sort: match string_prop(&options, "sort").as_deref() {
                Some("date") => crate::query::Sort::Date,
                _ => crate::query::Sort::Relevance,
            },
            fold: bool_prop(&options, "fold", false),
            cross_lingual: bool_prop(&options, "crossLingual", true),
            entities: strings_prop(&options, "entities"),
            snippets: bool_prop(&options, "snippets", true),
            facets: bool_prop(&options, "facets", true),
        };
        to_js_json(&self.core.search(&query, &options))
    }

    /// The whole article with its id and content hash, or `null`.
    pub fn get(&self, id: JsValue) -> Result<JsValue, JsError> {
        let id = id_arg(&id, "get")?;
        #[derive(Serialize)]
        struct Full<'a> {
            id: u32,
            hash: &'a str,
            #[serde(flatten)]
            article: &'a crate::Article,
            body: String,
        }
        match self.core.get(id) {
            Some(s) => to_js(&Full {
                id,
                hash: &s.hash,
                article: &s.article,
                body: s.article.body(),
            }),
            None => Ok(JsValue::NULL),
        }
    }

    /// Article `id` with the words `query` looks for marked:
    /// `{title: [{text, hit}], paragraphs: [[{text, hit}]], hits}`. `options`: `{exact,
    /// crossLingual (default true: the other script's names of an entity are marked too)}`.
    pub fn highlight(
        &self,
        id: JsValue,
        query: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let id = id_arg(&id, "highlight")?;
        let query = string_arg(&query, "highlight", "query")?;
        options_arg(&options, "highlight")?;
        let exact = bool_prop(&options, "exact", false);
        let cross_lingual = bool_prop(&options, "crossLingual", true);
        let marked = self
            .core
            .highlight_across(id, &query, exact, cross_lingual)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&marked)
    }

    /// `[{id, file, title, lang, hash}]` in id order; `filter`: `{lang, similarTo}`, where
    /// `similarTo: id` keeps the other articles of its near-duplicate group.
    pub fn list(&self, filter: JsValue) -> Result<JsValue, JsError> {
        options_arg(&filter, "list")?;
        to_js(
            &self.core.list(&ListFilter {
                lang: string_prop(&filter, "lang"),
                similar_to: prop(&filter, "similarTo")
                    .and_then(|v| v.as_f64())
                    .map(|id| id as u32),
            }),
        )
    }

    /// Frees memory the index keeps for growth; call after adding a batch of files.
    pub fn shrink(&mut self) {
        self.core.shrink();
    }

    /// `{articles, terms, index_bytes, text_bytes, memory_bytes}`: `memory_bytes` is the
    /// whole wasm linear memory.
    pub fn stats(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct WithMemory {
            #[serde(flatten)]
            stats: crate::Stats,
            memory_bytes: usize,
        }
        let memory_bytes = core::arch::wasm32::memory_size(0) * 65536;
        to_js(&WithMemory {
            stats: self.core.stats(),
            memory_bytes,
        })
    }

    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.core.len()
    }

    /// Versioned bytes of the whole corpus.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.core.to_bytes()
    }

    /// A corpus from `toBytes()` output; throws on damaged or other-version bytes.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: JsValue) -> Result<Corpus, JsError> {
        Core::from_bytes(&bytes_arg(&bytes, "fromBytes")?)
            .map(|core| Corpus {
                core,
                tools: Tools::default(),
            })
            .map_err(|e| JsError::new(e.message()))
    }

    /// Whether searching `query` needs the full build: it holds a `/regex/` as the core's
    /// own parser reads it, and this build has no regex search. Never throws.
    #[wasm_bindgen(js_name = needsFullBuild)]
    pub fn needs_full_build(query: JsValue) -> bool {
        query
            .as_string()
            .is_some_and(|q| crate::query::needs_full_build(&q))
    }

    /// Whether this build has `/regex/` search.
    #[wasm_bindgen(js_name = hasRegex)]
    pub fn has_regex() -> bool {
        crate::query::HAS_REGEX
    }

    /// How many words the analyzer finds in `text` (for throughput measurements: no
    /// objects cross the boundary).
    #[wasm_bindgen(js_name = countWords)]
    pub fn count_words(text: JsValue) -> Result<usize, JsError> {
        let text = string_arg(&text, "countWords", "text")?;
        let mut n = 0;
        crate::analysis::each_word(&text, &Default::default(), |_, _, _| n += 1);
        Ok(n)
    }

    /// Tokens of `text` as the analyzer sees them.
    pub fn analyze(text: JsValue) -> Result<JsValue, JsError> {
        to_js(&crate::analysis::analyze(&string_arg(
            &text, "analyze", "text",
        )?))
    }
}

// Reading files is the full build's: the page's start-up build only restores a corpus
// (`fromBytes`: the saved snapshot, or the demo corpus prebuilt by `./qarin.sh build`)
// and searches it; leaving ingest out of it keeps 47 KB (gzipped) out of the app shell.
// The worker loads the full build before it reads any file.
#[cfg(feature = "formats")]
mod files {
    use super::*;

    #[wasm_bindgen]
    impl Corpus {
        /// Reads `text` as the whole content of file `name`: `{added, warnings}`.
        #[wasm_bindgen(js_name = addText)]
        pub fn add_text(&mut self, name: JsValue, text: JsValue) -> Result<JsValue, JsError> {
            let name = string_arg(&name, "addText", "name")?;
            let text = string_arg(&text, "addText", "text")?;
            let report = self.core.add_bytes(&name, text.as_bytes());
            keep_headroom();
            to_js(&report)
        }

        /// Reads raw file bytes (any encoding the ingest understands): `{added, warnings}`.
        #[wasm_bindgen(js_name = addBytes)]
        pub fn add_bytes(&mut self, name: JsValue, bytes: JsValue) -> Result<JsValue, JsError> {
            let name = string_arg(&name, "addBytes", "name")?;
            let bytes = bytes_arg(&bytes, "addBytes")?;
            let report = self.core.add_bytes(&name, &bytes);
            keep_headroom();
            to_js(&report)
        }

        /// Whether the core reads the file (a format it knows), without reading it.
        #[wasm_bindgen(js_name = readsFile)]
        pub fn reads_file(name: JsValue, bytes: JsValue) -> Result<bool, JsError> {
            let name = string_arg(&name, "readsFile", "name")?;
            let bytes = bytes_arg(&bytes, "readsFile")?;
            Ok(crate::ingest::reads_file(&name, &bytes))
        }
    }

    /// Keeps a reserve of free wasm memory, taken in large steps. Left to itself the allocator
    /// grows memory a few pages at a time as articles arrive, and V8 answers each growth with
    /// a garbage collection of the JS heap: building 100k articles spent 70% of its time there
    /// (323 s against 23 s natively). After any growth this takes a step of a quarter of the
    /// memory (16–128 MB, as Emscripten grows) and frees it at once; the allocator keeps what
    /// it frees and serves the next allocations from it.
    fn keep_headroom() {
        use std::arch::wasm32::memory_size;
        use std::cell::Cell;
        thread_local! {
            static SEEN: Cell<usize> = const { Cell::new(0) };
        }
        let pages = memory_size(0);
        if pages != SEEN.get() {
            let step = (pages * 65536 / 4).clamp(16 << 20, 128 << 20);
            // try_reserve: near the 4 GB limit the reserve is skipped, never an abort.
            // black_box: an allocation nobody uses may be optimized away.
            let mut reserve = Vec::<u8>::new();
            if reserve.try_reserve_exact(step).is_ok() {
                drop(std::hint::black_box(reserve));
            }
            SEEN.set(memory_size(0));
        }
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

// The corpus tools (full build). Every method takes `options`, a plain object whose
// fields are all optional: `filter` (a query choosing the sub-corpus; empty: all), `lang`,
// `source` (a name or an array), `from`, `to`, `crossLingual` (accepted, not yet used),
// and per tool the fields its doc names. Results have the CLI's shapes.

/// `options` as a sub-corpus.
#[cfg(feature = "stats")]
fn scope_arg(options: &JsValue) -> crate::stats::Scope {
    crate::stats::Scope {
        filter: string_prop(options, "filter").unwrap_or_default(),
        lang: string_prop(options, "lang"),
        sources: strings_prop(options, "source"),
        from: string_prop(options, "from"),
        to: string_prop(options, "to"),
        cross_lingual: bool_prop(options, "crossLingual", false),
        exact: bool_prop(options, "exact", false),
    }
}

/// `by`: `"form"` (default) or `"term"`.
#[cfg(feature = "stats")]
fn by_arg(options: &JsValue, method: &str) -> Result<crate::stats::By, JsError> {
    match string_prop(options, "by").as_deref() {
        None | Some("") | Some("form") => Ok(crate::stats::By::Form),
        Some("term") => Ok(crate::stats::By::Term),
        Some(other) => Err(JsError::new(&format!(
            "{method}: by must be \"form\" or \"term\", not {other:?}"
        ))),
    }
}

/// `window: [L, R]`, whole numbers; `default` when absent.
#[cfg(feature = "stats")]
fn window_arg(
    options: &JsValue,
    method: &str,
    default: (usize, usize),
) -> Result<(usize, usize), JsError> {
    let Some(v) = prop(options, "window") else {
        return Ok(default);
    };
    let side = |i: u32| {
        js_sys::Reflect::get_u32(&v, i)
            .ok()
            .and_then(|n| n.as_f64())
            .filter(|n| n.fract() == 0.0 && (0.0..=1e6).contains(n))
            .map(|n| n as usize)
    };
    match (js_sys::Array::is_array(&v), side(0), side(1)) {
        (true, Some(l), Some(r)) => Ok((l, r)),
        _ => Err(JsError::new(&format!(
            "{method}: window must be [L, R], two whole numbers"
        ))),
    }
}

/// A sub-corpus given as an object `{query, lang, source, from, to}` (keyness).
#[cfg(feature = "stats")]
fn side_arg(options: &JsValue, name: &str) -> Result<crate::stats::Scope, JsError> {
    match prop(options, name) {
        None => Ok(crate::stats::Scope::default()),
        Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => Ok(crate::stats::Scope {
            filter: string_prop(&v, "query").unwrap_or_default(),
            ..scope_arg(&v)
        }),
        Some(v) => Err(wrong_type(&v, "keyness", name, "an object")),
    }
}

#[cfg(feature = "stats")]
fn min_prop(options: &JsValue, default: u32) -> u32 {
    usize_prop(options, "min", default as usize).min(u32::MAX as usize) as u32
}

#[cfg(feature = "stats")]
fn tool_error(method: &str, e: crate::Error) -> JsError {
    JsError::new(&format!("{method}: {e}"))
}

/// The request of tool `method` (`freq`, `kwic`, `ngrams`, `collocates`, `keyness`,
/// `dispersion`) from its arguments: `query` (the node or query, for the tools that take
/// one) and `options`, as each tool method's doc says.
#[cfg(feature = "stats")]
fn tool_request(
    method: &str,
    query: &JsValue,
    options: &JsValue,
) -> Result<crate::stats::Request, JsError> {
    use crate::stats::{collocation, dispersion, freq, keyness, kwic, ngrams, Request};
    options_arg(options, method)?;
    let query = || string_arg(query, method, "query");
    let sort = string_prop(options, "sort").unwrap_or_default();
    Ok(match method {
        "freq" => Request::Freq(freq::Options {
            scope: scope_arg(options),
            by: by_arg(options, method)?,
            stop: bool_prop(options, "stop", false),
            limit: usize_prop(options, "limit", freq::Options::default().limit),
            min: usize_prop(options, "min", 1).min(u32::MAX as usize) as u32,
        }),
        "kwic" => {
            let d = kwic::Options::default();
            Request::Kwic(
                query()?,
                kwic::Options {
                    scope: scope_arg(options),
                    width: usize_prop(options, "width", d.width),
                    sort: kwic::Sort::parse(&sort).map_err(|e| tool_error(method, e))?,
                    limit: usize_prop(options, "limit", d.limit),
                },
            )
        }
        "ngrams" => {
            let d = ngrams::Options::default();
            Request::Ngrams(ngrams::Options {
                scope: scope_arg(options),
                by: by_arg(options, method)?,
                n: usize_prop(options, "n", d.n),
                min: min_prop(options, d.min),
                limit: usize_prop(options, "limit", d.limit),
                around: string_prop(options, "around").unwrap_or_default(),
                window: window_arg(options, method, d.window)?,
            })
        }
        "collocates" => {
            let d = collocation::Options::default();
            Request::Collocates(
                query()?,
                collocation::Options {
                    scope: scope_arg(options),
                    by: by_arg(options, method)?,
                    window: window_arg(options, method, d.window)?,
                    min: min_prop(options, d.min),
                    stop: bool_prop(options, "stop", false),
                    sort: collocation::Sort::parse(&sort).map_err(|e| tool_error(method, e))?,
                    limit: usize_prop(options, "limit", d.limit),
                },
            )
        }
        "keyness" => {
            let d = keyness::Options::default();
            Request::Keyness(keyness::Options {
                target: side_arg(options, "target")?,
                reference: side_arg(options, "reference")?,
                by: by_arg(options, method)?,
                min: min_prop(options, d.min),
                cutoff: prop(options, "cutoff")
                    .and_then(|v| v.as_f64())
                    .filter(|c| c.is_finite())
                    .unwrap_or(d.cutoff),
                stop: bool_prop(options, "stop", false),
                limit: usize_prop(options, "limit", d.limit),
                per_side: bool_prop(options, "perSide", false),
            })
        }
        "dispersion" => Request::Dispersion(
            query()?,
            dispersion::Options {
                scope: scope_arg(options),
            },
        ),
        other => {
            return Err(JsError::new(&format!(
                "toolsStep: no tool {other:?}: use freq, kwic, ngrams, collocates, keyness or dispersion"
            )))
        }
    })
}

#[cfg(feature = "stats")]
impl Corpus {
    /// Tool `method` answered whole.
    fn tool(
        &mut self,
        method: &str,
        query: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsError> {
        let request = tool_request(method, query, options)?;
        let answer = self
            .tools
            .answer(&self.core, &request)
            .map_err(|e| tool_error(method, e))?;
        to_js(&answer)
    }
}

#[cfg(feature = "stats")]
#[wasm_bindgen]
impl Corpus {
    /// The word list: `{tokens, types, docs, rows: [{word, term, freq, docs,
    /// per_million}]}`. `options`: the sub-corpus, `by`, `stop`, `limit`, `min`.
    pub fn freq(&mut self, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("freq", &JsValue::UNDEFINED, &options)
    }

    /// The concordance of `query`: `{total, lines: [{file, left, keyword, right, id, lang,
    /// n}]}`. `options`: the sub-corpus, `width` (words each side, default 5), `sort`
    /// (`key`, `L1`–`L3`, `R1`–`R3`; default text order), `limit`.
    pub fn kwic(&mut self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("kwic", &query, &options)
    }

    /// N-grams: `{rows: [{ngram, freq, docs}]}`. `options`: the sub-corpus, `n` (2–5,
    /// default 2), `min` (default 2), `by`, `limit`, `around` (a query: only n-grams in
    /// the windows of its matches), `window: [L, R]` (default [5, 5]).
    pub fn ngrams(&mut self, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("ngrams", &JsValue::UNDEFINED, &options)
    }

    /// Collocates of `node` (a query): `{node, node_freq, tokens, rows: [{word, term, f_xy,
    /// f_y, logdice, mi, t, g2}]}`. `options`: the sub-corpus, `window: [L, R]` (default
    /// [5, 5]), `min` (co-occurrences, default 2), `by`, `stop`, `sort` (`logdice`, `mi`,
    /// `t`, `g2`, `f_xy`), `limit`.
    pub fn collocates(&mut self, node: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("collocates", &node, &options)
    }

    /// Keyness: `{target_tokens, reference_tokens, rows: [{word, term, target_freq,
    /// reference_freq, g2, log_ratio, pct_diff}]}`. `options`: `target` and `reference`,
    /// each `{query, lang, source, from, to}`, `by`, `stop`, `min` (default 2), `cutoff`
    /// (least G², default 0), `limit`, `perSide` (`limit` rows key in each direction).
    pub fn keyness(&mut self, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("keyness", &JsValue::UNDEFINED, &options)
    }

    /// Dispersion and trend of `query`: `{tokens, hits, articles: [{id, file, date, tokens,
    /// positions}], months: [{month, hits, tokens, per_million}]}`. `options`: the
    /// sub-corpus.
    pub fn dispersion(&mut self, query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        self.tool("dispersion", &query, &options)
    }

    /// Bytes of the corpus tools' forward index (0 before their first call).
    #[wasm_bindgen(js_name = toolsBytes)]
    pub fn tools_bytes(&self) -> usize {
        self.tools.heap_bytes()
    }
}

/// Same-story pairing (the full build's `bilingual` part).
#[cfg(feature = "bilingual")]
#[wasm_bindgen]
impl Corpus {
    /// The articles in the other language that tell the same story as article `id`, best
    /// first: `{candidates: [{id, file, score, shared: [...]}]}` (empty when `id` is no
    /// article or in neither English nor Arabic). `options`: `{limit}` (default 10),
    /// `{names: "en"|"ar"}` (the script shared entities are named in; default the
    /// article's). The pairing index is built on the first call and kept until the
    /// articles or the lexicon change.
    pub fn pairs(&self, id: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let id = id_arg(&id, "pairs")?;
        options_arg(&options, "pairs")?;
        let limit = usize_prop(&options, "limit", 10);
        let shown =
            string_prop(&options, "names").and_then(|n| crate::bilingual::pairing::Lang::of(&n));
        #[derive(Serialize)]
        struct Pairs {
            candidates: Vec<crate::bilingual::pairing::CorpusCandidate>,
        }
        let candidates =
            crate::bilingual::pairing::pairs_in(&self.core, id, limit, shown).unwrap_or_default();
        to_js(&Pairs { candidates })
    }

    /// Builds the pairing index a slice at a time, about `budget` bytes of article text a
    /// call (a positive whole number), and returns `{done, total, ready}` (articles signed
    /// of those to sign). Call until `ready` to keep each call short; `pairs` and `stories`
    /// build whatever is left themselves.
    #[wasm_bindgen(js_name = pairsPrepare)]
    pub fn pairs_prepare(&self, budget: JsValue) -> Result<JsValue, JsError> {
        let budget = budget_arg(&budget, "pairsPrepare")?;
        let p = crate::bilingual::pairing::prepare(&self.core, budget);
        progress_js(p.done, p.total, p.ready)
    }

    /// The corpus grouped into stories told in both languages: `{stories: [{label_en,
    /// label_ar, en: [{id, file, title, date}], ar, from, to, score}], total, paired,
    /// partial, work}`. `options`: `{minSize}` (default 2), `{limit}` (100), `{names:
    /// "en"|"ar"}`. Work is bounded by a count (`partial` when it ran out).
    pub fn stories(&self, options: JsValue) -> Result<JsValue, JsError> {
        let o = stories_options(&options, "stories")?;
        to_js(&crate::bilingual::stories::stories_in(&self.core, &o))
    }

    /// One slice of `stories(options)`: pairs on until about `budget` more work is counted
    /// (a positive whole number; 25,000 take some 30 ms) and returns `{done, total, ready}`.
    /// Call until `ready`, then `stories(options)` with the same options answers at once;
    /// build the pairing index with `pairsPrepare` first to keep every call short.
    #[wasm_bindgen(js_name = storiesStep)]
    pub fn stories_step(&self, options: JsValue, budget: JsValue) -> Result<JsValue, JsError> {
        let o = stories_options(&options, "storiesStep")?;
        let budget = budget_arg(&budget, "storiesStep")?;
        let s = crate::bilingual::stories::stories_step(&self.core, &o, budget as u64);
        progress_js(s.done, s.total, s.ready)
    }
}

/// The options of `stories` and `storiesStep`: `{minSize, limit, names}`.
#[cfg(feature = "bilingual")]
fn stories_options(
    options: &JsValue,
    method: &str,
) -> Result<crate::bilingual::stories::Options, JsError> {
    options_arg(options, method)?;
    let mut o = crate::bilingual::stories::Options::default();
    o.min_size = usize_prop(options, "minSize", o.min_size);
    o.limit = usize_prop(options, "limit", o.limit);
    if let Some(lang) =
        string_prop(options, "names").and_then(|n| crate::bilingual::pairing::Lang::of(&n))
    {
        o.names = lang;
    }
    Ok(o)
}

/// The bilingual part: the lexicon, entities.
#[cfg(feature = "bilingual")]
#[wasm_bindgen]
impl Corpus {
    /// Reads the shipped lexicon `text` and, when given, a user's lexicon `user` (TSV or
    /// JSON; its entries add to and correct the shipped ones), then links every article to
    /// its entities: `{entities, names, mentions}`. On an error (naming the file's line and
    /// column) nothing changes.
    #[wasm_bindgen(js_name = loadLexicon)]
    pub fn load_lexicon(&mut self, text: JsValue, user: JsValue) -> Result<JsValue, JsError> {
        let text = string_arg(&text, "loadLexicon", "text")?;
        let user = if user.is_undefined() || user.is_null() {
            None
        } else {
            Some(string_arg(&user, "loadLexicon", "user")?)
        };
        let mut texts = vec![text.as_str()];
        texts.extend(user.as_deref());
        let loaded = crate::bilingual::link(&mut self.core, &texts).map_err(|e| {
            let m = e.into_message();
            let report = serde_json::json!({"code": m.code.name(), "args": m.args.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(), "message": m.message});
            JsError::new(&report.to_string())
        })?;
        to_js(&loaded)
    }

    /// The entities article `id` mentions, most first: `[{id, kind, en, ar, count}]`.
    pub fn entities(&self, id: JsValue) -> Result<JsValue, JsError> {
        let id = id_arg(&id, "entities")?;
        to_js(&self.core.entities(id))
    }
}

/// Naming the outlet of many files at once (full build: the alias table is ingest's).
#[cfg(feature = "formats")]
#[wasm_bindgen]
impl Corpus {
    /// The articles whose file name holds `pattern` (`*` = any characters, no case):
    /// `{ids, files, sample}`.
    #[wasm_bindgen(js_name = filesMatching)]
    pub fn files_matching(&self, pattern: JsValue) -> Result<JsValue, JsError> {
        let pattern = string_arg(&pattern, "filesMatching", "pattern")?;
        to_js(&self.core.files_matching(&pattern))
    }

    /// Sets the outlet of articles `ids` (an array of ids) to `name`, folded as the intake
    /// folds outlets (empty: cleared): `{name, refused, changed}`.
    #[wasm_bindgen(js_name = nameOutlet)]
    pub fn name_outlet(&mut self, ids: JsValue, name: JsValue) -> Result<JsValue, JsError> {
        let name = string_arg(&name, "nameOutlet", "name")?;
        let ids = ids_arg(&ids, "nameOutlet")?;
        to_js(&self.core.name_outlet(&ids, &name))
    }
}

/// The aligned reader (the full build's `bilingual` part).
#[cfg(feature = "bilingual")]
#[wasm_bindgen]
impl Corpus {
    /// Aligns articles `ids` (an array of 2–4 ids; unknown ones are left out):
    /// `{articles: [{id, paragraphs: [{mentions: [{entity, start, end}], sentences: [{start,
    /// end}]}]}], links: [{a, pa, b, pb, score, shared}], sentenceLinks: [{a, pa, sa, b, pb,
    /// sb, shared}]}`, offsets in UTF-16 units of each paragraph, `a`/`b` indices into
    /// `articles`; `null` when fewer than two articles remain. `options`: none yet.
    pub fn align(&self, ids: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        options_arg(&options, "align")?;
        let ids = ids_arg(&ids, "align")?;
        if ids.len() > 8 {
            return Err(JsError::new("align: at most 8 articles"));
        }
        #[derive(Serialize)]
        struct Article<'a> {
            id: u32,
            paragraphs: &'a [crate::bilingual::align::Paragraph],
        }
        #[derive(Serialize)]
        struct Out<'a> {
            articles: Vec<Article<'a>>,
            links: &'a [crate::bilingual::align::Link],
            #[serde(rename = "sentenceLinks")]
            sentence_links: &'a [crate::bilingual::align::SentenceLink],
        }
        let Some((kept, alignment)) = crate::bilingual::align::align_in(&self.core, &ids) else {
            return Ok(JsValue::NULL);
        };
        to_js(&Out {
            articles: kept
                .iter()
                .zip(&alignment.articles)
                .map(|(&id, a)| Article {
                    id,
                    paragraphs: &a.paragraphs,
                })
                .collect(),
            links: &alignment.links,
            sentence_links: &alignment.sentence_links,
        })
    }
}

/// Users' own names (issue 14): reading a user's lexicon file leniently and proposing
/// Latin/Arabic name pairs the lexicon lacks (the full build's `bilingual` part).
#[cfg(feature = "bilingual")]
#[wasm_bindgen]
impl Corpus {
    /// Reads a user's lexicon file (TSV or JSON) keeping every good entry:
    /// `{entries: [{id, kind, parent, en, ar, en_alt, ar_alt, source}], problems: [{code,
    /// args, message}], more}` (at most 100 problems listed, `more` the rest). Throws only
    /// when nothing can be read (too large, another version, not JSON), with the same
    /// `{code, args, message}` as JSON text. Changes nothing.
    #[wasm_bindgen(js_name = readLexicon)]
    pub fn read_lexicon(text: JsValue) -> Result<JsValue, JsError> {
        let text = string_arg(&text, "readLexicon", "text")?;
        let report = |m: crate::Message| serde_json::json!({"code": m.code.name(), "args": m.args.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(), "message": m.message});
        let (lexicon, problems) = crate::bilingual::Lexicon::parse_lenient(&text)
            .map_err(|e| JsError::new(&report(e.into_message()).to_string()))?;
        #[derive(Serialize)]
        struct Read<'a> {
            entries: &'a [crate::bilingual::Entry],
            problems: Vec<serde_json::Value>,
            more: usize,
        }
        let more = problems.len().saturating_sub(100);
        let problems = problems
            .into_iter()
            .take(100)
            .map(|e| report(e.into_message()))
            .collect();
        to_js(&Read {
            entries: lexicon.entries(),
            problems,
            more,
        })
    }

    /// Latin and Arabic names of the corpus that sound alike and that the linked lexicon
    /// does not know: `{proposals: [{en, ar, score, en_articles, ar_articles}], latin,
    /// arabic, alignments, partial}`, best first. `options`: `{article (an id: only its
    /// names, against the other language's articles), limit (default 30)}`.
    #[wasm_bindgen(js_name = proposeNames)]
    pub fn propose_names(&self, options: JsValue) -> Result<JsValue, JsError> {
        options_arg(&options, "proposeNames")?;
        let article = match prop(&options, "article") {
            Some(v) => Some(id_arg(&v, "proposeNames")?),
            None => None,
        };
        let options = crate::bilingual::names::Options {
            article,
            limit: usize_prop(&options, "limit", 30),
        };
        to_js(&crate::bilingual::names::propose(&self.core, &options))
    }
}

/// The corpus tools in slices (progress and stopping between them) and the size of a
/// sub-corpus without counting it.
#[cfg(feature = "stats")]
#[wasm_bindgen]
impl Corpus {
    /// One slice of a tool's request: `method` and its arguments as for the tool's own
    /// method (`query` is ignored by the tools that take none), `budget` the work it may do
    /// (a positive whole number; a unit is about one word counted, some 10 ns in wasm).
    /// Returns `{ready: true, answer}` (the tool method's answer) or `{ready: false, stage,
    /// step, done, total}`: where it stopped (`stage` names it, `step` is its place among
    /// the tool's stages, `done` of `total` its items). Call again with the same request to
    /// go on; another request or a corpus change starts over.
    #[wasm_bindgen(js_name = toolsStep)]
    pub fn tools_step(
        &mut self,
        method: &str,
        query: JsValue,
        options: JsValue,
        budget: JsValue,
    ) -> Result<JsValue, JsError> {
        let budget = budget_arg(&budget, "toolsStep")?;
        let request = tool_request(method, &query, &options)?;
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Reply {
            Answer {
                ready: bool,
                answer: crate::stats::Answer,
            },
            Working {
                ready: bool,
                #[serde(flatten)]
                phase: crate::stats::Phase,
            },
        }
        let reply = match self
            .tools
            .step(&self.core, &request, budget)
            .map_err(|e| tool_error(method, e))?
        {
            crate::stats::Step::Done(answer) => Reply::Answer {
                ready: true,
                answer,
            },
            crate::stats::Step::Working(phase) => Reply::Working {
                ready: false,
                phase,
            },
        };
        to_js(&reply)
    }

    /// `{docs, tokens}` of the sub-corpus `options` chooses (`filter`, `lang`, `source`,
    /// `from`, `to`, `exact`, `crossLingual`).
    #[wasm_bindgen(js_name = toolsSize)]
    pub fn tools_size(&mut self, options: JsValue) -> Result<JsValue, JsError> {
        options_arg(&options, "toolsSize")?;
        #[derive(Serialize)]
        struct Size {
            docs: u64,
            tokens: u64,
        }
        let (docs, tokens) = self
            .tools
            .size(&self.core, &scope_arg(&options))
            .map_err(|e| tool_error("toolsSize", e))?;
        to_js(&Size { docs, tokens })
    }
}

/// A slice's budget argument: a positive whole number.
#[cfg(any(feature = "stats", feature = "bilingual"))]
fn budget_arg(budget: &JsValue, method: &str) -> Result<usize, JsError> {
    budget
        .as_f64()
        .filter(|b| b.fract() == 0.0 && *b >= 1.0 && *b <= 4e9)
        .map(|b| b as usize)
        .ok_or_else(|| wrong_type(budget, method, "budget", "a positive whole number"))
}

/// `{done, total, ready}`: how far a sliced build has come.
#[cfg(any(feature = "stats", feature = "bilingual"))]
fn progress_js(done: usize, total: usize, ready: bool) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Step {
        done: usize,
        total: usize,
        ready: bool,
    }
    to_js(&Step { done, total, ready })
}
