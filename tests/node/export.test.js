// Table exports (www/pkg-export/export.js): CSV that spreadsheets open with Arabic intact, JSON, text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv, toJson, articleText, fileNameFrom, BOM } from '../../www/pkg-export/export.js';

test('CSV fields are quoted only when needed, quotes doubled', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rlf'), '"cr\rlf"');
  assert.equal(csvField(' padded'), '" padded"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(3.5), '3.5');
  assert.equal(csvField(-2), '-2');
  assert.equal(csvField(NaN), '');
  assert.equal(csvField(['a', 'b']), 'a; b');
});

test('CSV text that a spreadsheet would run as a formula is neutralised', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-حلب'), "'-حلب");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
});

test('a CSV file starts with a BOM, has a header row and CRLF line ends, Arabic intact', () => {
  const columns = [{ key: 'title', label: 'العنوان' }, { key: 'score', label: 'Score' }];
  const csv = toCsv(columns, [{ title: 'الغوطة الشرقية، اليوم', score: 1.25 }, { title: 'Ghouta', score: null }]);
  assert.ok(csv.startsWith(BOM));
  assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  assert.equal(csv, `${BOM}العنوان,Score\r\nالغوطة الشرقية، اليوم,1.25\r\nGhouta,\r\n`);
});

test('JSON keeps column keys in order and nulls for missing values', () => {
  const json = toJson([{ key: 'rank' }, { key: 'title' }], [{ title: 'x', rank: 1, extra: 'no' }, { rank: 2 }]);
  assert.deepEqual(JSON.parse(json), [{ rank: 1, title: 'x' }, { rank: 2, title: null }]);
  assert.deepEqual(Object.keys(JSON.parse(json)[0]), ['rank', 'title']);
});

test('an article as text is its title and paragraphs apart by blank lines', () => {
  assert.equal(articleText({ title: 'T', paragraphs: ['p1', 'p2'] }), 'T\n\np1\n\np2\n');
  assert.equal(articleText({ title: 'T', paragraphs: [], body: 'b' }), 'T\n\nb\n');
});

test('file names keep letters of any script and drop the rest', () => {
  assert.equal(fileNameFrom('"Eastern Ghouta" -Aleppo'), 'Eastern-Ghouta-Aleppo');
  assert.equal(fileNameFrom('الغوطة / الشرقية'), 'الغوطة-الشرقية');
  assert.equal(fileNameFrom('../../etc', 'x'), 'etc');
  assert.equal(fileNameFrom('///', 'results'), 'results');
});
