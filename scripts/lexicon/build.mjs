// Builds data/lexicon/lexicon.tsv, the bilingual lexicon Qarin ships, from licensed sources
// and the hand-written files data/lexicon/hand/*.tsv. Run by hand after changing a source:
//
//   node scripts/lexicon/build.mjs            (writes the file and prints figures)
//   node scripts/lexicon/build.mjs --check    (fails if the committed file is out of date)
//
// Sources (devDependencies, see NOTICE): i18n-iso-countries (MIT) for the 250 ISO 3166-1
// countries in English and Arabic; CLDR (Unicode License v3) for territory names
// (cldr-localenames-full), time-zone exemplar cities (cldr-dates-full) and the zone → country
// table (cldr-core windowsZones). Hand rows win over source rows: they fix canonical names,
// kinds and parents; every other name a source gives becomes an alternative.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTsv, toTsv, validate } from './format.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'data', 'lexicon', 'lexicon.tsv');
const HAND = join(ROOT, 'data', 'lexicon', 'hand');

const rows = new Map();

/** Lowercase ASCII slug: diacritics dropped, anything else a hyphen. */
export function slug(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function addAlt(list, name, except) {
  if (name && name !== except && !list.includes(name)) list.push(name);
}

/** Adds a row or folds it into the row with the same id. `lead` names the fields whose
 * canonical value the new row replaces (the old one becomes an alternative). */
function put(row, lead = []) {
  const old = rows.get(row.id);
  if (!old) {
    const fresh = { parent: '', en: '', ar: '', en_alt: [], ar_alt: [], source: [], ...row };
    fresh.en_alt = [...fresh.en_alt];
    fresh.ar_alt = [...fresh.ar_alt];
    fresh.source = [...fresh.source];
    rows.set(row.id, fresh);
    return;
  }
  if (lead.includes('kind') && row.kind) old.kind = row.kind;
  if (row.parent && (lead.includes('parent') || !old.parent)) old.parent = row.parent;
  for (const lang of ['en', 'ar']) {
    const alt = `${lang}_alt`;
    if (row[lang] && row[lang] !== old[lang]) {
      if (lead.includes(lang) || !old[lang]) {
        addAlt(old[alt], old[lang], row[lang]);
        old[lang] = row[lang];
      } else addAlt(old[alt], row[lang], old[lang]);
    }
    for (const name of row[alt] ?? []) addAlt(old[alt], name, old[lang]);
    old[alt] = old[alt].filter((n) => n !== old[lang]);
  }
  for (const s of row.source ?? []) if (!old.source.includes(s)) old.source.push(s);
}

// Source names in catalogue order ("Moldova, Republic of") or with a gloss in brackets
// ("Congo (DRC)") are never written so in running text; they are kept only as a last resort.
const catalogue = (name) => /,|\(/.test(name ?? '');
function running(names) {
  const kept = names.filter((n) => n && !catalogue(n));
  return kept.length ? kept : names.filter(Boolean).slice(0, 1);
}

// --- i18n-iso-countries: every ISO 3166-1 country, English and Arabic ---------------------
function isoCountries() {
  const en = require('i18n-iso-countries/langs/en.json').countries;
  const ar = require('i18n-iso-countries/langs/ar.json').countries;
  const list = (v) => (Array.isArray(v) ? v : v ? [v] : []);
  for (const code of Object.keys(en)) {
    const ens = running(list(en[code]));
    const ars = running(list(ar[code]));
    put({ id: `country:${code.toLowerCase()}`, kind: 'country', en: ens[0], ar: ars[0] ?? '', en_alt: ens.slice(1), ar_alt: ars.slice(1), source: ['iso-countries'] });
  }
}

// --- CLDR territory names: the short English name leads ("Syria", not "Syrian Arab
// Republic"); CLDR's Arabic names and variants become alternatives ------------------------
function cldrTerritories() {
  const en = require('cldr-localenames-full/main/en/territories.json').main.en.localeDisplayNames.territories;
  const ar = require('cldr-localenames-full/main/ar/territories.json').main.ar.localeDisplayNames.territories;
  for (const key of Object.keys(en)) {
    const code = key.split('-alt-')[0];
    const id = `country:${code.toLowerCase()}`;
    if (!/^[A-Z]{2}$/.test(code) || !rows.has(id)) continue;
    const variant = key.includes('-alt-');
    const enName = catalogue(en[key]) ? '' : en[key];
    const arName = catalogue(ar[key]) ? '' : ar[key] ?? '';
    if (enName || arName) put({ id, kind: 'country', en: enName, ar: arName, source: ['cldr'] }, variant || !enName ? [] : ['en']);
  }
}

// --- CLDR exemplar cities of the time zones, with the zone's country from windowsZones ---
// Left out: research stations (Antarctica), county seats named for a US zone ("Knox,
// Indiana"), and zones whose Arabic exemplar is wrong or a common word (Samara → سمراء
// "brunette", Nome → نوم "sleep", Chuuk → ترك "left", Miquelon's "Saint-Pierre" → مكويلون,
// Perth → برثا, El Aaiún → العيون "the eyes"), or whose English name is mostly something else (Darwin, Swift Current);
// Hebron is written by hand (الخليل).
const SKIP_ZONES = new Set([
  'America/Coral_Harbour', 'America/Scoresbysund', 'America/Miquelon', 'America/Moncton', 'America/Nome',
  'Europe/Samara', 'Pacific/Truk', 'Pacific/Chuuk', 'Pacific/Easter', 'Pacific/Wake', 'Australia/Perth',
  'Asia/Oral', 'Asia/Hebron', 'America/Resolute', 'America/Thule', 'America/Swift_Current', 'Australia/Darwin',
  'Africa/El_Aaiun', 'Asia/Dili',
]);

function cldrCities() {
  const zonesEn = require('cldr-dates-full/main/en/timeZoneNames.json').main.en.dates.timeZoneNames.zone;
  const zonesAr = require('cldr-dates-full/main/ar/timeZoneNames.json').main.ar.dates.timeZoneNames.zone;
  const country = new Map();
  for (const { mapZone } of require('cldr-core/supplemental/windowsZones.json').supplemental.windowsZones.mapTimezones) {
    if (mapZone._territory === '001' || !/^[A-Z]{2}$/.test(mapZone._territory)) continue;
    for (const tz of mapZone._type.split(' ')) country.set(tz, mapZone._territory.toLowerCase());
  }
  // Names that are a country's own name (Asia/Kuwait → "Kuwait") are not cities here.
  const countryNames = new Set();
  for (const r of rows.values()) if (r.kind === 'country') for (const n of [r.en, r.ar, ...r.en_alt, ...r.ar_alt]) countryNames.add(n);
  const walk = (nodeAr, nodeEn, path) => {
    for (const [key, value] of Object.entries(nodeAr)) {
      if (typeof value !== 'object' || value === null) continue;
      const tz = [...path, key];
      if (value._type !== 'zone') {
        walk(value, nodeEn?.[key] ?? {}, tz);
        continue;
      }
      if (tz[0] === 'Etc' || tz[0] === 'Antarctica' || SKIP_ZONES.has(tz.join('/')) || !value.exemplarCity) continue;
      const en = nodeEn?.[key]?.exemplarCity ?? key.replace(/_/g, ' ');
      const ar = value.exemplarCity;
      const cc = country.get(tz.join('/'));
      if (!cc || en.includes(',') || countryNames.has(en) || countryNames.has(ar)) continue;
      let id = `city:${slug(en)}`;
      const old = rows.get(id);
      if (old && old.parent && old.parent !== `country:${cc}`) id = `${id}-${cc}`;
      put({ id, kind: 'city', parent: `country:${cc}`, en, ar, source: ['cldr'] });
    }
  };
  walk(zonesAr, zonesEn, []);
}

// --- Hand-written rows: they lead every field they fill ----------------------------------
function hand() {
  const problems = [];
  const seen = new Map();
  for (const file of readdirSync(HAND).filter((f) => f.endsWith('.tsv')).sort()) {
    const parsed = parseTsv(readFileSync(join(HAND, file), 'utf8'), `hand/${file}`);
    problems.push(...parsed.problems.map((p) => `${p.origin}:${p.line}: ${p.message}`));
    for (const r of parsed.rows) {
      if (seen.has(r.id)) problems.push(`hand/${file}:${r.line}: ${r.id} already written in ${seen.get(r.id)}`);
      seen.set(r.id, `hand/${file}:${r.line}`);
      const { line, origin, ...row } = r;
      if (!row.source.length) row.source = ['hand'];
      // A parent of "-" removes the one a source gave (CLDR's zone table puts Jerusalem
      // under one country; the lexicon takes no side).
      const clear = row.parent === '-';
      if (clear) row.parent = '';
      put(row, ['kind', 'parent', 'en', 'ar']);
      if (clear) rows.get(row.id).parent = '';
    }
  }
  return problems;
}

// --- Demonym forms. Arabic: from each masculine singular nisba (سوري, and variants such as
// أميركي: a name whose every word ends in ي, without ال) the regular feminine, plurals and
// definite forms, ال on every word (الكوري الشمالي); a form that is another entry's name
// (سورية is also Syria) is left out. Broken plurals (أكراد, أتراك, روس) and phrases that are
// not all nisbas (جنوب أفريقي) are written by hand in ar_alt. English: the plural in -s of a
// demonym ending in -n or -i (Syrians, Iraqis); the analyzer's stemmer meets the rest. ------
export function arabicForms(masculine) {
  const words = masculine.split(' ');
  if (!words.every((w) => w.endsWith('ي') && !w.startsWith('ال') && w.length > 1)) return [];
  const forms = [];
  for (const suffix of ['', 'ة', 'ون', 'ين', 'ات']) {
    const bare = words.map((w) => w + suffix);
    forms.push(bare.join(' '), bare.map((w) => 'ال' + w).join(' '));
  }
  return forms;
}

// Generated forms that are far more often another common word ("the upper part").
const NOT_DEMONYM_FORMS = new Set(['العلوي', 'علوية', 'العلوية', 'العلويات', 'علويات']);

function demonymForms() {
  const owner = new Map();
  for (const r of rows.values()) {
    if (r.kind === 'demonym') continue;
    for (const n of [r.ar, ...r.ar_alt]) owner.set(n, r.id);
  }
  for (const r of rows.values()) {
    if (r.kind !== 'demonym') continue;
    for (const base of [r.ar, ...r.ar_alt]) {
      for (const f of arabicForms(base)) if (!owner.has(f) && !NOT_DEMONYM_FORMS.has(f)) addAlt(r.ar_alt, f, r.ar);
    }
    for (const name of [r.en, ...r.en_alt]) {
      if (/[a-z](an|i)$/.test(name) && !name.includes(' ')) addAlt(r.en_alt, name + 's', r.en);
    }
  }
}

// Once every source is in: a source row's catalogue-order names go when it has a plain one.
function dropCatalogueNames() {
  for (const r of rows.values()) {
    if (r.source.includes('hand')) continue;
    for (const lang of ['en', 'ar']) {
      const alt = `${lang}_alt`;
      if (catalogue(r[lang]) && r[alt].some((n) => !catalogue(n))) r[lang] = r[alt].find((n) => !catalogue(n));
      if (!catalogue(r[lang])) r[alt] = r[alt].filter((n) => !catalogue(n) && n !== r[lang]);
    }
  }
}

function main() {
  isoCountries();
  cldrTerritories();
  cldrCities();
  dropCatalogueNames();
  const problems = hand();
  demonymForms();
  const list = [...rows.values()];
  problems.push(...validate(list));
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`${problems.length} problem(s); lexicon not written`);
    process.exit(1);
  }
  const text = toTsv(list);
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUT, 'utf8');
    if (committed !== text) {
      console.error('data/lexicon/lexicon.tsv is out of date: run node scripts/lexicon/build.mjs');
      process.exit(1);
    }
  } else writeFileSync(OUT, text);
  const kinds = {};
  let en = 0;
  let ar = 0;
  for (const r of list) {
    kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    en += (r.en ? 1 : 0) + r.en_alt.length;
    ar += (r.ar ? 1 : 0) + r.ar_alt.length;
  }
  console.log(JSON.stringify({ entries: list.length, kinds, names: { en, ar }, bytes: Buffer.byteLength(text) }));
}

main();
