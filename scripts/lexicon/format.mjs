// The lexicon's file format, shared by the build script and the test that checks the
// committed data/lexicon/lexicon.tsv: parse rows, check them, write them back.
//
// Layout (UTF-8, LF):
//   # qarin-lexicon v1
//   #id	kind	parent	en	ar	en_alt	ar_alt	source
//   country:sy	country		Syria	سوريا	Syrian Arab Republic	سورية|الجمهورية العربية السورية	iso-countries|cldr|hand
// Alternatives and sources are `|`-separated; parent, en or ar (not both), the alternatives
// and source may be empty. Lines that start with `#` and blank lines are comments.

export const VERSION_LINE = '# qarin-lexicon v1';
export const COLUMNS = ['id', 'kind', 'parent', 'en', 'ar', 'en_alt', 'ar_alt', 'source'];
export const KINDS = ['country', 'capital', 'city', 'region', 'person', 'org', 'group', 'demonym', 'party', 'event'];
// The id prefix each kind takes. A capital is a city whose id starts `city:`, so that its id
// outlives a change of capital.
export const PREFIX = { capital: 'city' };
export const SOURCES = ['iso-countries', 'cldr', 'wikidata-names', 'hand', 'user'];

const ID = /^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/** Splits one `|` list into trimmed, non-empty, distinct names. */
export function splitAlt(field) {
  const out = [];
  for (const part of (field ?? '').split('|')) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Parses TSV text into rows `{id, kind, parent, en, ar, en_alt: [], ar_alt: [], source: []}`;
 * problems come back as `{line, message}` instead of throwing. */
export function parseTsv(text, origin = '') {
  const rows = [];
  const problems = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length > COLUMNS.length) {
      problems.push({ line: i + 1, origin, message: `${cells.length} columns, at most ${COLUMNS.length}` });
      return;
    }
    const get = (k) => (cells[COLUMNS.indexOf(k)] ?? '').trim();
    rows.push({
      id: get('id'),
      kind: get('kind'),
      parent: get('parent'),
      en: get('en').replace(/\s+/g, ' '),
      ar: get('ar').replace(/\s+/g, ' '),
      en_alt: splitAlt(get('en_alt')),
      ar_alt: splitAlt(get('ar_alt')),
      source: splitAlt(get('source')),
      line: i + 1,
      origin,
    });
  });
  return { rows, problems };
}

/** Reads the JSON form of a lexicon (a user file): an array of objects with the column keys,
 * alternatives and sources as arrays of strings (a single string is taken as one name). */
export function fromJson(value, origin = '') {
  const rows = [];
  const problems = [];
  if (!Array.isArray(value)) return { rows, problems: [{ line: 0, origin, message: 'not an array of entries' }] };
  value.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ line: i + 1, origin, message: 'entry is not an object' });
      return;
    }
    const text = (k) => (typeof item[k] === 'string' ? item[k].trim().replace(/\s+/g, ' ') : '');
    const list = (k) => {
      const v = item[k];
      const names = Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? [v] : [];
      return splitAlt(names.map((n) => n.replace(/\|/g, ' ')).join('|'));
    };
    rows.push({ id: text('id'), kind: text('kind'), parent: text('parent'), en: text('en'), ar: text('ar'), en_alt: list('en_alt'), ar_alt: list('ar_alt'), source: list('source'), line: i + 1, origin });
  });
  return { rows, problems };
}

/** Checks a whole lexicon: every problem as a string (empty when all is well). */
export function validate(rows) {
  const problems = [];
  const ids = new Set();
  for (const r of rows) {
    const where = `${r.origin ?? ''}${r.line ? ':' + r.line : ''} ${r.id}`;
    if (!ID.test(r.id)) problems.push(`${where}: id is not a lowercase ASCII slug with a prefix`);
    if (ids.has(r.id)) problems.push(`${where}: duplicate id`);
    ids.add(r.id);
    if (!KINDS.includes(r.kind)) problems.push(`${where}: unknown kind ${r.kind}`);
    else if (!r.id.startsWith((PREFIX[r.kind] ?? r.kind) + ':')) problems.push(`${where}: id prefix does not match kind ${r.kind}`);
    if (!r.en && !r.ar) problems.push(`${where}: no English and no Arabic name`);
    for (const name of [r.en, ...r.en_alt]) {
      if (ARABIC.test(name)) problems.push(`${where}: Arabic letters in an English name: ${name}`);
    }
    for (const name of [r.ar, ...r.ar_alt]) {
      if (LATIN.test(name)) problems.push(`${where}: Latin letters in an Arabic name: ${name}`);
    }
    for (const name of [r.id, r.kind, r.parent, r.en, r.ar, ...r.en_alt, ...r.ar_alt, ...r.source]) {
      if (/[\t\n\r|]/.test(name)) problems.push(`${where}: tab, newline or | inside a field`);
    }
    for (const s of r.source) if (!SOURCES.includes(s)) problems.push(`${where}: unknown source ${s}`);
    if (r.parent === r.id) problems.push(`${where}: its own parent`);
  }
  for (const r of rows) {
    if (r.parent && !ids.has(r.parent)) problems.push(`${r.id}: parent ${r.parent} does not exist`);
  }
  return problems;
}

/** Writes rows as the lexicon file, sorted by id. */
export function toTsv(rows) {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [VERSION_LINE, '#' + COLUMNS.join('\t')];
  for (const r of sorted) {
    lines.push([r.id, r.kind, r.parent, r.en, r.ar, r.en_alt.join('|'), r.ar_alt.join('|'), r.source.join('|')].join('\t'));
  }
  return lines.join('\n') + '\n';
}
