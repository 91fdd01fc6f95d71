// The core's messages in the UI language: every code of the Rust catalog (src/message.rs,
// whose own test checks that these lines are all of it) has an English and an Arabic entry
// in www/i18n.js (Arabic: www/pkg-ar/messages.js) with the same args, and coreParts renders each with its args as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { messages, coreParts, loadUiLang } from '../../www/i18n.js';

// The English texts of on-demand features (www/pkg-en/) and the Arabic table (www/pkg-ar/)
// are loaded on demand in the page; the table is all of them.
await import('../../www/pkg-en/messages.js');
await loadUiLang('ar');

/** The placeholder names of a message (`{name}` or `{name:unit}`), sorted. */
const names = (msg) => [...new Set([...msg.matchAll(/\{(\w+)(?::\w+)*(?:\|[^}]*)?\}/g)].map((m) => m[1]))].sort();

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = readFileSync(`${root}src/message.rs`, 'utf8');
/** `{code: [arg names]}` from the catalog lines `Variant, "code", "English {arg}";`. */
const catalog = Object.fromEntries([...source.matchAll(/^\s*[A-Z][A-Za-z0-9]*, "([a-z0-9_]+)", "((?:[^"\\]|\\.)*)";$/gm)]
  .map(([, code, english]) => [code, names(english.replace(/\\u\{[0-9a-f]+\}/gi, ''))]));
/** Free text, shown as written: no translation by design. */
const UNTRANSLATED = new Set(['text']);
const codes = Object.keys(catalog).filter((c) => !UNTRANSLATED.has(c));
const sample = (args) => Object.fromEntries(args.map((a) => [a, ['count', 'max', 'percent'].includes(a) ? '7' : `«${a}-value»`]));

test('the catalog is read from the Rust source', () => {
  assert.ok(codes.length >= 60, `${codes.length} codes found in src/message.rs`);
  for (const c of ['text', 'encoding_unsure', 'zip_entry_checksum', 'query_unclosed_quote']) assert.ok(c in catalog, c);
  assert.deepEqual(catalog.encoding_unsure, ['encoding']);
});

test('every code has an English and an Arabic message with the same args as the core', () => {
  for (const code of codes) {
    for (const lang of ['en', 'ar']) {
      const msg = messages[lang][`core.${code}`];
      assert.equal(typeof msg, 'string', `${lang} core.${code} is missing`);
      assert.deepEqual(names(msg), catalog[code], `${lang} core.${code}`);
    }
  }
  const stale = Object.keys(messages.en).filter((k) => k.startsWith('core.') && !(k.slice(5) in catalog));
  assert.deepEqual(stale, [], 'entries for codes the core no longer has');
});

test('every format the core names has a name in English and in Arabic, and the core\'s English one', () => {
  const table = source.slice(source.indexOf('pub const FORMAT_NAMES'));
  const formats = Object.fromEntries([...table.slice(0, table.indexOf('];')).matchAll(/\(\s*"([a-z0-9_]+)",\s*"([^"]*)",?\s*\)/g)]
    .map(([, key, name]) => [key, name]));
  assert.ok(Object.keys(formats).length >= 30, 'FORMAT_NAMES read from src/message.rs');
  for (const [key, english] of Object.entries(formats)) {
    assert.equal(messages.en[`format.${key}`], english, `en format.${key}`);
    assert.match(messages.ar[`format.${key}`] ?? '', /[\u0621-\u064A]/, `ar format.${key}`);
  }
  const stale = Object.keys(messages.en).filter((k) => k.startsWith('format.') && !(k.slice(7) in formats));
  assert.deepEqual(stale, [], 'names of formats the core no longer has');
  assert.deepEqual(coreParts({ code: 'not_text_file', args: { format: 'png_image' } }, 'ar'), ['ليس ملفًا نصيًا: الملف صورة PNG']);
});

test('each code renders in Arabic with its args as data and nothing left to fill', () => {
  for (const code of codes) {
    const args = sample(catalog[code]);
    for (const lang of ['en', 'ar']) {
      const parts = coreParts({ code, args, message: 'English' }, lang);
      assert.ok(Array.isArray(parts) && parts.length, `${lang} ${code}`);
      const text = parts.filter((p) => typeof p === 'string').join('');
      assert.doesNotMatch(text, /\{\w+(:\w+)?\}/, `${lang} ${code}: ${text}`);
      const data = parts.filter((p) => typeof p !== 'string').map((p) => p.data);
      for (const [name, value] of Object.entries(args)) {
        if (value === '7') assert.match(text, /7/, `${lang} ${code}: count ${name}`);
        else assert.ok(data.includes(value), `${lang} ${code}: arg ${name} shown as data`);
      }
      if (lang === 'ar') assert.match(text, /[\u0621-\u064A]/, `${code} is Arabic`);
    }
  }
});

test('counts take plural forms, prose args stay English, unknown codes fall back', () => {
  const parts = coreParts({ code: 'sidecar_applied', args: { count: '2' } }, 'ar');
  // After على the dual is oblique (issue 16 item 6: this once read «على مقالتان»).
  assert.match(parts.join(''), /على مقالتين/);
  assert.match(coreParts({ code: 'sidecar_applied', args: { count: '1' } }, 'en').join(''), /1 article already/);
  const detail = coreParts({ code: 'query_regex_invalid', args: { detail: 'unclosed group' } }, 'ar');
  assert.deepEqual(detail.at(-1), { data: 'unclosed group', lang: 'en' });
  const file = coreParts({ code: 'duplicate_of', args: { file: 'a.txt' } }, 'ar');
  assert.deepEqual(file.at(-1), { data: 'a.txt', lang: null });
  assert.equal(coreParts({ code: 'text', args: { text: 'x' }, message: 'x' }, 'ar'), null);
  assert.equal(coreParts({ code: 'from_a_newer_core', args: {}, message: 'x' }, 'ar'), null);
  assert.equal(coreParts({ message: 'plain' }, 'ar'), null);
});

test('the wasm core sends code and args with warnings and query errors', () => {
  const { Corpus } = createRequire(import.meta.url)(`${root}pkg-node/qarin.js`);
  const corpus = new Corpus();
  // An Arabic article in windows-1256 with no declared encoding: read by a guess, said in a
  // note ("اجتماع الوزراء", then "قال وزير الخارجية في مؤتمر صحفي إن المفاوضات مستمرة…").
  const title = 'c7cccae3c7da20c7e1e6d2d1c7c10a0a';
  const line = 'dec7e120e6d2edd120c7e1cec7d1ccedc920dded20e3c4cae3d120d5cddded20c5e420c7e1e3ddc7e6d6c7ca20e3d3cae3d1c920c8ede420c7e1d8d1ddede42e20';
  const bytes = Buffer.from(title + line.repeat(3), 'hex');
  const report = corpus.addBytes('old.txt', bytes);
  const note = report.warnings.find((w) => w.code === 'encoding_guessed');
  assert.ok(note, JSON.stringify(report.warnings));
  assert.deepEqual(note.args, { encoding: 'windows-1256' });
  assert.equal(note.message, 'no encoding declared; read as windows-1256 (guessed)');
  assert.equal(note.skipped, false);
  const article = corpus.get(report.added[0].id);
  assert.ok(article.warnings.some((w) => w.code === 'encoding_guessed' && w.args.encoding === 'windows-1256'));
  const back = Corpus.fromBytes(corpus.toBytes()).get(report.added[0].id);
  assert.deepEqual(back.warnings, article.warnings, 'codes survive saving');
  const empty = corpus.addText('empty.txt', '').warnings[0];
  assert.deepEqual([empty.code, empty.skipped], ['empty_file', true]);
  const { error } = corpus.search('Ghouta "unclosed', {});
  assert.deepEqual([error.code, error.offset], ['query_unclosed_quote', 7]);
  assert.match(error.message, /never closed/);
  const field = corpus.search('lang: ar', {}).error;
  assert.deepEqual([field.code, field.args], ['query_field_no_value', { field: 'lang' }]);
});

test('the worker\'s own messages are in both languages, with the same args', () => {
  // The worker's files: www/worker.js, www/worker/ and its on-demand part in www/pkg-bundle/.
  const files = ['www/worker.js', ...readdirSync(`${root}www/worker`).map((f) => `www/worker/${f}`), 'www/pkg-bundle/worker.js'];
  const worker = files.map((f) => readFileSync(`${root}${f}`, 'utf8')).join('\n');
  const used = new Set([...worker.matchAll(/\bnote\('([a-z_]+)'/g)].map((m) => m[1]));
  assert.ok(used.size >= 5, 'note() calls read from the worker\'s files');
  for (const code of used) {
    const en = messages.en[`worker.${code}`];
    assert.equal(typeof en, 'string', `en worker.${code}`);
    assert.deepEqual(names(messages.ar[`worker.${code}`] ?? ''), names(en), `ar worker.${code}`);
  }
  const stale = Object.keys(messages.en).filter((k) => k.startsWith('worker.') && !used.has(k.slice(7)));
  assert.deepEqual(stale, [], 'entries for messages the worker no longer sends');
  const parts = coreParts({ code: 'worker.not_saved', args: { error: 'QuotaExceededError' } }, 'ar');
  assert.deepEqual(parts, ['لم يُحفظ: ', { data: 'QuotaExceededError', lang: 'en' }]);
});
