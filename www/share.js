// Share links: a view of the page (query, filters, open articles) as a URL fragment, and,
// for small selections, the articles themselves carried in the fragment (encoded by
// www/pkg-share/articles.js, loaded on first use). Pure module: no DOM, no worker; the page
// and the Node tests import it.
//
// Link format, version 1. Everything lives in the fragment (after "#"), which browsers
// never send to a server, so neither the query nor carried articles leave the machine:
//
//   https://host/qarin/#v=1&q=Ghouta&x=1&lang=ar&src=AFP&from=2018-02-01&to=2018-03-31
//                       &sort=date&dup=1&p=2&a=<hash>&cmp=<hash>.<hash>&d=<articles>
//
//   key    value                                     default
//   v      format version; must be 1                 (required when anything else is set)
//   q      query text                                ""
//   x      "1": match exact written forms            off
//   lang   "ar" | "en" | "fr" | … (ISO 639 code)         all languages
//   src    source (outlet or agency) filter          all
//   from   first date, YYYY-MM-DD                    none
//   to     last date, YYYY-MM-DD                     none
//   sort   "date" (newest first)                     relevance
//   dup    "1": near-duplicates listed one by one    folded into one result each
//   p      result page, 1-based                      1
//   a      content hash of the article in the reader none
//   cmp    2–4 hashes joined by ".": the compare     closed
//          view is open with these articles
//   pick   1–4 hashes joined by ".": ticked for      none
//          Compare, the view closed
//   l, r   (links made before the compare view took 2–4 articles, still read): the
//   cmp=1  pair ticked ("l" English, "r" Arabic); "cmp=1": open. Read as pick/cmp.
//   tool   open corpus tool; t.<k> its settings      none (pkg-analysis/tools.js reads them)
//   view   "stories": the story clusters are shown   the results (pkg-stories/)
//   d      carried articles (below)                  none
//
//   xl     "0": no cross-lingual expansion       on
//   ent    lexicon ids, comma-separated (AND)        none
//
// A link never shows a filter that filters nothing: a value that cannot be read is left
// out and named as a problem.
//
// A hash is the article's content hash, 16 lowercase hex digits: links never use the
// core's ids or upload order. Keys are written in this order and defaults are left out,
// so one view has one link.
//
// Carried articles ("d", see www/pkg-share/articles.js), version 1: base64url without padding of deflate-raw (RFC 1951) of
//
//   byte 0      payload version = 1
//   then, per file:
//     varint    name length in bytes (LEB128, unsigned)
//     …         name, UTF-8
//     varint    content length in bytes
//     …         the file's bytes exactly as they were added (ingest reads them again, so
//               the receiver's articles get the same content hashes)
//
// A whole link may be at most MAX_LINK_CHARS characters; bigger selections go in a bundle.

export const LINK_VERSION = 1;
/** The longest link the page makes: chat and mail programs keep links this long intact. */
export const MAX_LINK_CHARS = 32_000;

const HASH = /^[0-9a-f]{16}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A language code as the core names them (ISO 639-1, or 639-3 for the rarer ones).
const LANGS = { has: (l) => typeof l === 'string' && l !== 'all' && /^[a-z]{2,3}$/.test(l) };
const ENTS = /^[a-z]+:[\w.:-]+(,[a-z]+:[\w.:-]+)*$/;
const KEYS = new Set(['v', 'q', 'x', 'xl', 'lang', 'src', 'ent', 'from', 'to', 'sort', 'dup', 'p', 'a', 'l', 'r', 'cmp', 'pick', 'tool', 'view', 'd']);
/** The most articles the compare view shows. */
export const MAX_COMPARED = 4;
const HASHES = /^[0-9a-f]{16}(\.[0-9a-f]{16}){0,3}$/;

/** The view a page starts with: every field at its default. */
export function emptyView() {
  return {
    q: '', exact: false, crossLingual: true, ent: '', lang: 'all', source: '', from: '', to: '', sort: 'relevance', fold: true, page: 1,
    open: null, picked: [], compare: false, tool: '', ts: {}, stories: false,
  };
}

/** Whether two views are the same view (same link). */
export function sameView(a, b) {
  return encodeView(a) === encodeView(b);
}

/**
 * The fragment (without "#") for `view`; `data`, when given, is an encoded payload of
 * carried articles (see `encodeArticles`). An all-default view without data is "".
 */
export function encodeView(view, data = '') {
  const v = { ...emptyView(), ...view };
  const p = [];
  const put = (k, value) => p.push(`${k}=${encodeComponent(value)}`);
  if (v.q) put('q', v.q);
  if (v.exact) put('x', '1');
  if (v.crossLingual === false) put('xl', '0');
  if (LANGS.has(v.lang)) put('lang', v.lang);
  if (v.source) put('src', v.source);
  if (ENTS.test(v.ent)) put('ent', v.ent);
  if (DATE.test(v.from)) put('from', v.from);
  if (DATE.test(v.to)) put('to', v.to);
  if (v.sort === 'date') put('sort', 'date');
  if (v.fold === false) put('dup', '1');
  if (Number.isInteger(v.page) && v.page > 1) put('p', String(v.page));
  if (HASH.test(v.open ?? '')) put('a', v.open);
  const picked = (v.picked ?? []).filter((h) => HASH.test(h)).slice(0, MAX_COMPARED);
  if (v.compare && picked.length >= 2) put('cmp', picked.join('.'));
  else if (picked.length) put('pick', picked.join('.'));
  if (/^[a-z]+$/.test(v.tool)) {
    put('tool', v.tool);
    for (const k of Object.keys(v.ts ?? {}).sort()) put(`t.${k}`, v.ts[k]);
  }
  if (v.stories === true) put('view', 'stories');
  if (data) p.push(`d=${data}`);
  return p.length ? [`v=${LINK_VERSION}`, ...p].join('&') : '';
}

/**
 * Reads a fragment (with or without "#"): `{view, data, problems, isView}`. Never throws: a value
 * that cannot be read is left at its default and named in `problems` (`[{key, code}]`,
 * code "version" | "hash" | "date" | "value" | "unsupported"). `data` is the raw "d" value or "". `isView` is false for an ordinary anchor
 * such as "#results" (no key of this format), which the page leaves alone.
 */
export function decodeView(fragment) {
  const view = emptyView();
  const problems = [];
  let text = String(fragment ?? '');
  if (text.startsWith('#')) text = text.slice(1);
  if (!text) return { view, data: '', problems, isView: true };
  const params = new Map();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value;
    try {
      value = key === 'd' ? raw : decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      problems.push({ key, code: 'value' });
      continue;
    }
    if (!params.has(key)) params.set(key, value);
  }
  const version = params.get('v');
  if (version === undefined && ![...params.keys()].some((k) => KEYS.has(k) || k.startsWith('t.'))) {
    // An ordinary anchor ("#results"), not a view.
    return { view, data: '', problems, isView: false };
  }
  if (version !== String(LINK_VERSION)) {
    problems.push({ key: 'v', code: 'version' });
    return { view, data: '', problems, isView: true };
  }
  const hash = (key) => {
    const value = params.get(key);
    if (value === undefined || value === '') return null;
    if (HASH.test(value)) return value;
    problems.push({ key, code: 'hash' });
    return null;
  };
  const date = (key) => {
    const value = params.get(key);
    if (value === undefined || value === '') return '';
    if (DATE.test(value)) return value;
    problems.push({ key, code: 'date' });
    return '';
  };
  view.q = params.get('q') ?? '';
  view.exact = params.get('x') === '1';
  const lang = params.get('lang');
  if (lang !== undefined) {
    if (LANGS.has(lang)) view.lang = lang;
    else if (lang !== 'all') problems.push({ key: 'lang', code: 'value' });
  }
  view.crossLingual = params.get('xl') !== '0';
  view.source = params.get('src') ?? '';
  const ent = params.get('ent') ?? '';
  if (ENTS.test(ent)) view.ent = ent;
  else if (ent) problems.push({ key: 'ent', code: 'value' });
  view.from = date('from');
  view.to = date('to');
  view.sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  view.fold = params.get('dup') !== '1';
  const page = params.get('p');
  if (page !== undefined) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= 1e7) view.page = n;
    else problems.push({ key: 'p', code: 'value' });
  }
  view.open = hash('a');
  const list = (key) => {
    const value = params.get(key);
    if (value === undefined || value === '' || (key === 'cmp' && value === '1')) return null;
    if (HASHES.test(value)) return [...new Set(value.split('.'))];
    problems.push({ key, code: 'hash' });
    return null;
  };
  const shown = list('cmp');
  if (shown && shown.length >= 2) {
    view.picked = shown;
    view.compare = true;
  } else {
    // An older link names the pair with "l" and "r" and opens it with "cmp=1".
    const pair = [hash('l'), hash('r')].filter(Boolean);
    view.picked = list('pick') ?? shown ?? pair;
    view.compare = params.get('cmp') === '1' && pair.length === 2;
  }
  const tool = params.get('tool') ?? '';
  view.tool = /^[a-z]+$/.test(tool) ? tool : '';
  for (const key of params.keys()) {
    if (view.tool && key.startsWith('t.')) view.ts[key.slice(2)] = params.get(key);
  }
  const main = params.get('view');
  view.stories = main === 'stories';
  if (main !== undefined && !view.stories) problems.push({ key: 'view', code: 'value' });
  const data = params.get('d') ?? '';
  if (data && !/^[A-Za-z0-9_-]+$/.test(data)) {
    problems.push({ key: 'd', code: 'value' });
    return { view, data: '', problems, isView: true };
  }
  return { view, data, problems, isView: true };
}

/** The hashes a view needs the corpus to hold: open article and side-by-side pair. */
export function viewHashes(view) {
  return [...new Set([view.open, ...(view.picked ?? [])].filter((h) => h && HASH.test(h)))];
}

/** encodeURIComponent, keeping the characters a fragment allows as they are (shorter links). */
function encodeComponent(value) {
  return encodeURIComponent(value).replace(/%(2F|3A|40|2C|3B|24|21|27|28|29|2A)/g, (m, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The link for `view` at `base` (a URL without fragment), with optional carried data. */
export function linkFor(base, view, data = '') {
  const fragment = encodeView(view, data);
  const url = String(base).replace(/#.*$/, '');
  return fragment ? `${url}#${fragment}` : url;
}
