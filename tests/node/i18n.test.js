// The message table (www/i18n.js, with its Arabic half in www/pkg-ar/messages.js): both languages have every message, with the same
// placeholders and every plural form their language needs; no UI string is left in English
// in the Arabic table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages, t, setUiLang, loadUiLang, UI_LANGS } from '../../www/i18n.js';

// The English texts of on-demand features (www/pkg-en/) and the Arabic table (www/pkg-ar/)
// are loaded on demand in the page; the table is all of them.
await import('../../www/pkg-en/messages.js');
await import('../../www/pkg-analysis/messages.js');
await import('../../www/pkg-outlets/messages.js');
await import('../../www/pkg-help/messages.js');
await import('../../www/pkg-share/messages.js');
await loadUiLang('ar');

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const placeholders = (msg) => {
  const texts = typeof msg === 'object' ? Object.values(msg) : [msg];
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+(?::\w+)*)(?:\|[^}]*)?\}/g)].map((m) => m[1])))].sort();
};
/** Latin words allowed in Arabic UI text: brand, file formats and encodings, key names, the ranking formula. */
// Names of products, file formats and extensions, written in Latin letters in Arabic too.
const FORMAT_WORDS = 'PNG JPEG GIF TIFF PDF Microsoft Office Word RTF Apple Pages Ogg RIFF WebP MP3 MP4 QuickTime zip gzip RAR Zip bzip2 xz tar SQLite doc docx xls ppt';
// Statistics symbols (the corpus tools' G², p and N) and query syntax (OR, lang:, source:…)
// are written in Latin letters whatever the UI language.
const LATIN_OK = new Set(['G', 'p', 'N', 'Qarin', 'CSV', 'TSV', 'JSON', 'MHTML', 'UTF', 'BM25', 'Esc', 'Enter', 'OR', 'NOT', 'lang', 'source', 'file', 'title', ...FORMAT_WORDS.split(' ')]);

test('English and Arabic have exactly the same message keys', () => {
  assert.deepEqual(Object.keys(messages.ar).sort(), Object.keys(messages.en).sort());
  assert.deepEqual(UI_LANGS, Object.keys(messages));
});

test('each message has the same placeholders in both languages', () => {
  // Names must match; the plural unit may differ (Arabic counts after "من" take the genitive).
  const names = (list) => [...new Set(list.map((p) => p.split(':')[0]))].sort();
  for (const key of Object.keys(messages.en)) {
    const en = names(placeholders(messages.en[key]));
    const ar = names(placeholders(messages.ar[key]));
    // A plural form may spell a count as a word ("مقالة واحدة") instead of {n}.
    if (key.startsWith('n.')) assert.deepEqual(ar.filter((p) => p !== 'n'), en.filter((p) => p !== 'n'), key);
    else assert.deepEqual(ar, en, key);
  }
});

test('plural messages have every form the language uses', () => {
  for (const lang of UI_LANGS) {
    const needed = new Intl.PluralRules(lang === 'ar' ? 'ar' : 'en').resolvedOptions().pluralCategories;
    for (const [key, msg] of Object.entries(messages[lang])) {
      if (typeof msg !== 'object') continue;
      for (const c of needed) assert.ok(typeof msg[c] === 'string', `${lang} ${key} lacks "${c}"`);
    }
  }
});

test('every {name:unit} names a plural message', () => {
  for (const lang of UI_LANGS) {
    for (const [key, msg] of Object.entries(messages[lang])) {
      for (const p of placeholders(msg)) {
        const unit = p.split(':')[1];
        if (unit) assert.equal(typeof messages[lang][`n.${unit}`], 'object', `${lang} ${key}: n.${unit}`);
      }
    }
  }
});

test('the Arabic table holds no English words', () => {
  for (const [key, msg] of Object.entries(messages.ar)) {
    const texts = typeof msg === 'object' ? Object.values(msg) : [msg];
    for (const text of texts) {
      const words = (text.replace(/\{[^}]*\}/g, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !LATIN_OK.has(w));
      assert.deepEqual(words, [], `ar ${key}: ${text}`);
    }
  }
});

test('counts take the right Arabic plural forms', () => {
  setUiLang('ar');
  try {
    assert.equal(t('n.articles', { n: 1 }), 'مقالة واحدة');
    assert.equal(t('n.articles', { n: 2 }), 'مقالتان');
    assert.equal(t('n.articles', { n: 5 }), '5 مقالات');
    assert.equal(t('n.articles', { n: 11 }), '11 مقالة');
    assert.equal(t('n.articles', { n: 100 }), '100 مقالة');
    assert.equal(t('report.summary', { what: 'الرفع', added: 3, files: 4 }), 'الرفع: أُضيفت 3 مقالات من 4 ملفات.');
    assert.equal(t('report.summary', { what: 'الرفع', added: 2, files: 2 }), 'الرفع: أُضيفت مقالتان من ملفين.');
  } finally {
    setUiLang('en');
  }
  assert.equal(t('n.articles', { n: 1 }), '1 article');
  assert.equal(t('n.files', { n: 1200 }), '1,200 files');
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('every message key the page uses is in the table, and every data-i18n key too', () => {
  const files = ['app.js', ...['page', 'views'].flatMap((d) => readdirSync(join(www, d)).map((f) => `${d}/${f}`))];
  const used = new Set();
  for (const f of files) {
    const src = readFileSync(join(www, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
  }
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n="([\w.]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(';')) used.add(pair.split('=')[1]);
  }
  const missing = [...used].filter((k) => !(k in messages.en));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 100, `${used.size} keys found`);
});

test('index.html writes no UI text outside the message table', () => {
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('<body>'), html.indexOf('</body>'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<div class="brand"[\s\S]*?<\/div>/, '');
  const text = body.replace(/<[^>]+>/g, ' ').replace(/[\s·/↑↓]+/g, ' ').trim();
  assert.equal(text, '');
  assert.doesNotMatch(body, /\s(placeholder|title|aria-label)="/);
});
