//! The only file that knows wasm-bindgen: a `Corpus` class for JavaScript (the page's
//! worker and the Node tests). Methods take and return plain JS objects and throw a
//! `JsError` on failure; nothing here may panic, because a panic poisons the instance.

use crate::corpus::{Corpus as Core, ListFilter};
use crate::query::SearchOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Plain-object conversion: maps become objects, `None` becomes `null`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))
}

/// Reads an optional property of a plain options object.
fn prop(options: &JsValue, name: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys_get(options, name).filter(|v| !v.is_undefined() && !v.is_null())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> bool;
}

fn js_sys_get(target: &JsValue, name: &str) -> Option<JsValue> {
    reflect_get(target, &JsValue::from_str(name)).ok()
}

fn usize_prop(options: &JsValue, name: &str, default: usize) -> usize {
    prop(options, name)
        .and_then(|v| v.as_f64())
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map_or(default, |n| n as usize)
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
            None if is_array(&v) => {
                let len = js_sys_get(&v, "length")
                    .and_then(|n| n.as_f64())
                    .unwrap_or(0.0) as u32;
                (0..len)
                    .filter_map(|i| {
                        reflect_get(&v, &JsValue::from_f64(i as f64))
                            .ok()?
                            .as_string()
                    })
                    .collect()
            }
            None => Vec::new(),
        },
        None => Vec::new(),
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

/// A corpus of articles with its index, living in wasm memory.
#[wasm_bindgen]
pub struct Corpus {
    core: Core,
}

#[wasm_bindgen]
impl Corpus {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Corpus {
        Corpus { core: Core::new() }
    }

    /// Reads `text` as the whole content of file `name`: `{added, warnings}`.
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<JsValue, JsError> {
        let report = self.core.add_bytes(name, text.as_bytes());
        keep_headroom();
        to_js(&report)
    }

    /// Reads raw file bytes (any encoding the ingest understands): `{added, warnings}`.
    #[wasm_bindgen(js_name = addBytes)]
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        let report = self.core.add_bytes(name, bytes);
        keep_headroom();
        to_js(&report)
    }

    pub fn remove(&mut self, id: u32) -> Result<(), JsError> {
        self.core.remove(id).map_err(|e| JsError::new(e.message()))
    }

    /// `{total, folded?, hits: [{id, hash, file, title, lang, date, score, snippet: [{text,
    /// hit}], similar?, explain?}], facets: {lang, source, date, year}, warnings?, error?}`. `options`:
    /// `{limit, offset, lang, source (a name or an array of names), exact, explain, from,
    /// to, sort: "relevance" | "date", fold}`.
    pub fn search(&self, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options = SearchOptions {
            limit: usize_prop(&options, "limit", 10),
            offset: usize_prop(&options, "offset", 0),
            lang: string_prop(&options, "lang"),
            sources: strings_prop(&options, "source"),
            exact: prop(&options, "exact")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            explain: prop(&options, "explain")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            from: string_prop(&options, "from"),
            to: string_prop(&options, "to"),
            sort: match string_prop(&options, "sort").as_deref() {
                Some("date") => crate::query::Sort::Date,
                _ => crate::query::Sort::Relevance,
            },
            fold: prop(&options, "fold")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        };
        to_js(&self.core.search(query, &options))
    }

    /// The whole article with its id and content hash, or `null`.
    pub fn get(&self, id: u32) -> Result<JsValue, JsError> {
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
    /// `{title: [{text, hit}], paragraphs: [[{text, hit}]], hits}`. `options`: `{exact}`.
    pub fn highlight(&self, id: u32, query: &str, options: JsValue) -> Result<JsValue, JsError> {
        let exact = prop(&options, "exact")
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let marked = self
            .core
            .highlight(id, query, exact)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&marked)
    }

    /// `[{id, file, title, lang, hash}]` in id order; `filter`: `{lang, similarTo}`, where
    /// `similarTo: id` keeps the other articles of its near-duplicate group.
    pub fn list(&self, filter: JsValue) -> Result<JsValue, JsError> {
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
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, JsError> {
        Core::from_bytes(bytes)
            .map(|core| Corpus { core })
            .map_err(|e| JsError::new(e.message()))
    }

    /// Whether this build reads the file itself: the page's start-up build reads plain
    /// text only, and the worker loads the full build for anything else.
    #[wasm_bindgen(js_name = readsFile)]
    pub fn reads_file(name: &str, bytes: &[u8]) -> bool {
        use crate::ingest::format::{sniff, Format};
        cfg!(feature = "formats")
            || matches!(sniff(name, bytes), Format::Text | Format::Unsupported(_))
    }

    /// TEMP shim (dropped at merge for the real one from the `query` branch): whether
    /// `query` needs the full build, i.e. holds a `/regex/` this build cannot run.
    #[wasm_bindgen(js_name = needsFullBuild)]
    pub fn needs_full_build(query: &str) -> bool {
        !cfg!(feature = "regex") && query.contains('/')
    }

    /// Whether this build has `/regex/` search.
    #[wasm_bindgen(js_name = hasRegex)]
    pub fn has_regex() -> bool {
        cfg!(feature = "regex")
    }

    /// How many words the analyzer finds in `text` (for throughput measurements: no
    /// objects cross the boundary).
    #[wasm_bindgen(js_name = countWords)]
    pub fn count_words(text: &str) -> usize {
        let mut n = 0;
        crate::analysis::each_word(text, &Default::default(), |_, _, _| n += 1);
        n
    }

    /// Tokens of `text` as the analyzer sees them.
    pub fn analyze(text: &str) -> Result<JsValue, JsError> {
        to_js(&crate::analysis::analyze(text))
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}
