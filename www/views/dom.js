// Small DOM helpers shared by the views. Data (file names, titles, article text) only ever
// becomes a text node: `h()` turns every string child into `document.createTextNode`.

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

const LANGS = {
  ar: { name: 'Arabic', native: 'العربية', short: 'AR', dir: 'rtl' },
  en: { name: 'English', native: 'English', short: 'EN', dir: 'ltr' },
};

/**
 * How to display a language code: `{name, short, lang, dir}`. Arabic blocks get
 * `dir="rtl" lang="ar"`; everything else `dir="auto"` (and its `lang` when known).
 */
export function langInfo(code) {
  const known = LANGS[code];
  if (known) return { ...known, lang: code, blockDir: code === 'ar' ? 'rtl' : 'auto' };
  const label = code ? String(code) : 'unknown';
  return { name: label, native: label, short: label.toUpperCase(), dir: 'auto', lang: null, blockDir: 'auto' };
}

/** Snippet segments `[{text, hit}]` as nodes: hits in `<mark>`, the rest as text. */
export function snippetNodes(segments) {
  return (segments ?? []).map((s) => (s.hit ? h('mark', {}, s.text) : document.createTextNode(s.text)));
}

/** "1 article", "5 articles". */
export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
