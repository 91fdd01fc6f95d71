// Small DOM helpers shared by the views. Data (file names, titles, article text) only ever
// becomes a text node: `h()` turns every string child into `document.createTextNode`.
import { t, coreParts, uiLang } from '../i18n.js';

/**
 * `h('p', {class: 'x', dir: 'rtl'}, 'text', child)`: an element with attributes and
 * children. Attribute values of `null`, `undefined` or `false` are left out; `true` sets an
 * empty attribute. `on: {click: fn}` adds listeners. Strings and numbers become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name === 'on') {
      for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== null && value !== undefined && value !== false) {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * How to display an article's language code: `{name, short, lang, blockDir}`. `name` is in
 * the UI language; Arabic blocks get `dir="rtl" lang="ar"`, everything else `dir="auto"`
 * (and its `lang` when known).
 */
export function langInfo(code) {
  if (code === 'ar' || code === 'en') {
    return { name: t(`lang.${code}`), short: t(`lang.${code}.short`), lang: code, blockDir: code === 'ar' ? 'rtl' : 'auto' };
  }
  const known = code && code !== 'und';
  return { name: languageName(code), short: known ? String(code).toUpperCase() : '?', lang: null, blockDir: 'auto' };
}

/** The name of language `code` (as the core names it: ISO 639) in the UI language. */
export function languageName(code) {
  if (code === 'ar' || code === 'en') return t(`lang.${code}`);
  if (!code || code === 'und') return t('lang.unknown');
  try {
    return new Intl.DisplayNames([uiLang()], { type: 'language' }).of(code) ?? String(code);
  } catch {
    return String(code);
  }
}

/** Snippet segments `[{text, hit}]` as nodes: hits in `<mark>`, the rest as text. */
export function snippetNodes(segments) {
  return (segments ?? []).map((s) => (s.hit ? h('mark', {}, s.text) : document.createTextNode(s.text)));
}

/**
 * A message that comes from the core (`{code, args, message}`: a warning, a query error) in
 * the UI language; its args (file names, encodings) are data in their own direction. A
 * message without a known code (free text, a newer core, a plain string) stays English and
 * is marked so.
 */
export function coreMessage(m, cls = '') {
  const msg = typeof m === 'string' ? { message: m } : m ?? {};
  const parts = coreParts(msg);
  const attrs = { class: `core-message ${cls}`.trim(), dataset: { code: msg.code ?? 'text' } };
  if (!parts) return h('span', { ...attrs, lang: 'en', dir: 'ltr', 'data-content': '' }, msg.message ?? '');
  return h('span', attrs, parts.map((p) => (typeof p === 'string' ? p : h('bdi', { dir: 'auto', lang: p.lang, 'data-content': '' }, p.data))));
}

/** Offers `blob` as a download named `name` (an object URL: nothing goes over the network). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const sheets = new Map();

/**
 * Adds the stylesheet at `href` to the page (once) and resolves when it applies: on-demand
 * modules under www/pkg-<name>/ bring their own CSS this way (styles.css is the shell's).
 */
export function useStyles(href) {
  const url = String(href);
  if (!sheets.has(url)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    sheets.set(url, new Promise((resolve) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', resolve); // unstyled beats unusable
    }));
    document.head.append(link);
  }
  return sheets.get(url);
}
