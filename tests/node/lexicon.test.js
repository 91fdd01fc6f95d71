// The shipped lexicon (data/lexicon/lexicon.tsv, built by scripts/lexicon/build.mjs): its
// format, unique ids, existing parents, coverage, and every entity of the five seed articles
// present under the very spelling the seed uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { COLUMNS, VERSION_LINE, parseTsv, fromJson, validate, toTsv } from '../../scripts/lexicon/format.mjs';

const ROOT = new URL('../../', import.meta.url);
const text = readFileSync(new URL('data/lexicon/lexicon.tsv', ROOT), 'utf8');
const { rows, problems } = parseTsv(text, 'lexicon.tsv');
const byId = new Map(rows.map((r) => [r.id, r]));
const names = (r) => [r.en, r.ar, ...r.en_alt, ...r.ar_alt].filter(Boolean);

test('the file starts with its version and column lines and every row has all columns', () => {
  const lines = text.split('\n');
  assert.equal(lines[0], VERSION_LINE);
  assert.equal(lines[1], '#' + COLUMNS.join('\t'));
  assert.equal(text.at(-1), '\n');
  assert.deepEqual(problems, []);
  for (const line of lines.slice(2, -1)) assert.equal(line.split('\t').length, COLUMNS.length, line);
});

test('ids are unique slugs, kinds known, parents exist, names clean', () => {
  assert.deepEqual(validate(rows), []);
  assert.ok(rows.length > 1000, `${rows.length} rows`);
});

test('the file is sorted by id, as the build writes it', () => {
  assert.equal(toTsv(rows), text);
});

test('the validator catches what it should', () => {
  const bad = parseTsv(
    [
      'country:xx\tcountry\t\tX\tإكس',
      'country:xx\tcountry\t\tX again\t',
      'Person:Bad\tperson\t\tBad\t',
      'city:nowhere\tcity\tcountry:zz\tNowhere\tلامكان',
      'org:latin\torg\t\tOrg\tمنظمة Org',
      'group:empty\tgroup\t\t\t',
      'city:x\tperson\t\tX\t',
    ].join('\n'),
  ).rows;
  const found = validate(bad).join('\n');
  for (const want of ['duplicate id', 'not a lowercase ASCII slug', 'parent country:zz does not exist', 'Latin letters in an Arabic name', 'no English and no Arabic name', 'id prefix does not match kind']) {
    assert.ok(found.includes(want), `expected "${want}" in:\n${found}`);
  }
});

test('every ISO country is there with both names, and its demonym where one exists', () => {
  const countries = rows.filter((r) => r.kind === 'country');
  assert.equal(countries.length, 250);
  for (const c of countries) assert.ok(c.en && c.ar, c.id);
  const demonyms = rows.filter((r) => r.kind === 'demonym' && r.parent.startsWith('country:'));
  assert.ok(demonyms.length >= 190, `${demonyms.length} country demonyms`);
  const capitals = rows.filter((r) => r.kind === 'capital');
  assert.ok(capitals.length >= 185, `${capitals.length} capitals`);
  for (const c of capitals) assert.ok(c.id.startsWith('city:') && byId.get(c.parent)?.kind === 'country', c.id);
});

test('Arabic demonyms carry gender, plural and definite forms', () => {
  const syrian = names(byId.get('demonym:sy'));
  for (const form of ['سوري', 'السوري', 'السورية', 'سوريون', 'السوريون', 'سوريين', 'السوريين']) assert.ok(syrian.includes(form), form);
  // سورية is also the country: it stays Syria's.
  assert.ok(!syrian.includes('سورية'));
  assert.ok(names(byId.get('country:sy')).includes('سورية'));
  const kurdish = names(byId.get('demonym:kurdish'));
  for (const form of ['الأكراد', 'الكردية', 'الكرد']) assert.ok(kurdish.includes(form), form);
  const nk = names(byId.get('demonym:kp'));
  assert.ok(nk.includes('الكوري الشمالي') && nk.includes('الكورية الشمالية'));
});

test('no clitic forms: the recognizer strips them', () => {
  // A name that is a clitic (و ف ب ل ك) plus another name of the same entry is one too many.
  for (const r of rows) {
    const own = new Set(names(r));
    for (const n of [r.ar, ...r.ar_alt]) {
      if ('وفبلك'.includes(n[0]) && n.length > 3) assert.ok(!own.has(n.slice(1)), `${r.id}: ${n}`);
    }
  }
});

// Each seed article and the entities it names, under the spelling it uses.
const SEEDS = {
  '000_b8dc9deffb4c23c5.txt': {
    'person:emmanuel-macron': ['Emmanuel Macron', 'Macron'],
    'person:hassan-rouhani': ['Hassan Rouhani', 'Rouhani'],
    'person:bashar-al-assad': ['Bashar al-Assad', 'Assad'],
    'person:jean-yves-le-drian': ['Jean-Yves Le Drian', 'Le Drian'],
    'region:eastern-ghouta': ['Eastern Ghouta'],
    'event:unsc-resolution-2401': ['UN Security Council 2401 Resolution'],
    'org:un-security-council': ['UN Security Council'],
    'org:un': ['UN'],
    'org:elysee': ['French presidency'],
    'country:sy': ['Syria'],
    'country:ir': ['Iran'],
    'country:fr': ['France'],
    'country:lb': ['Lebanon'],
    'city:tehran': ['Tehran'],
    'region:middle-east': ['Middle East'],
    'demonym:fr': ['French'],
    'demonym:ir': ['Iranian'],
    'demonym:sy': ['Syrian'],
  },
  '001_629cf4ce1a02286a.txt': {
    'person:emmanuel-macron': ['إيمانويل ماكرون', 'ماكرون'],
    'person:hassan-rouhani': ['حسن روحاني', 'روحاني'],
    'person:jean-yves-le-drian': ['جان إيف لودريان', 'لودريان'],
    'region:eastern-ghouta': ['الغوطة الشرقية', 'الغوطة'],
    'org:un-security-council': ['مجلس الأمن الدولي'],
    'org:un': ['الأمم المتحدة'],
    'org:elysee': ['الرئاسة الفرنسية'],
    'org:quai-dorsay': ['الخارجية الفرنسية'],
    'org:iranian-presidency': ['الرئاسة الإيرانية'],
    'org:journal-du-dimanche': ['جورنال دو ديمانش'],
    'event:jcpoa': ['الاتفاق النووي الإيراني'],
    'event:de-escalation-zones': ['خفض التوتر'],
    'country:sy': ['سوريا', 'سورية'],
    'country:ir': ['إيران'],
    'country:fr': ['فرنسا'],
    'country:ye': ['اليمن'],
    'country:sa': ['السعودية'],
    'country:jo': ['الأردن'],
    'country:il': ['إسرائيل'],
    'city:tehran': ['طهران'],
    'city:damascus': ['دمشق'],
    'city:astana': ['أستانة'],
    'city:jerusalem': ['القدس'],
    'region:europe': ['أوروبا'],
    'region:middle-east': ['الشرق الأوسط'],
    'demonym:fr': ['الفرنسي', 'الفرنسية'],
    'demonym:ir': ['الإيراني', 'الإيرانية'],
    'demonym:sy': ['السوري', 'السورية'],
    'demonym:ye': ['اليمني'],
    'demonym:il': ['الإسرائيلي'],
    'demonym:ps': ['فلسطينية'],
    'demonym:kz': ['الكازاخية'],
  },
  '002_6ca43d48d28243e0.txt': {
    'person:hassan-rouhani': ['Hassan Rouhani', 'Rouhani'],
    'person:vladimir-putin': ['Vladimir Putin', 'Putin'],
    'country:ir': ['Iran'],
    'country:ru': ['Russia'],
    'country:sy': ['Syria'],
    'city:tehran': ['Tehran'],
    'city:moscow': ['Moscow'],
    'city:aleppo': ['Aleppo'],
    'group:isis': ['Daesh', 'ISIL'],
    'org:tasnim': ['Tasnim'],
    'demonym:ir': ['Iranian'],
    'demonym:ru': ['Russian'],
    'demonym:tr': ['Turkish'],
    'demonym:sy': ['Syrian'],
    'demonym:arab': ['Arab'],
  },
  '003_07c0c039424cdcd0.txt': {
    'org:issg': ['International Syria Support Group', 'ISSG'],
    'person:romain-nadal': ['Romain Nadal'],
    'person:jean-marc-ayrault': ['Jean-Marc Ayrault'],
    'person:john-kerry': ['John Kerry'],
    'person:staffan-de-mistura': ['Staffan de Mistura'],
    'person:sergei-lavrov': ['Sergei Lavrov'],
    'country:fr': ['France'],
    'country:sy': ['Syria'],
    'country:ru': ['Russia'],
    'country:ir': ['Iran'],
    'country:ml': ['Mali'],
    'country:us': ['United States', 'US'],
    'city:damascus': ['Damascus'],
    'city:aleppo': ['Aleppo'],
    'city:moscow': ['Moscow'],
    'city:geneva': ['Geneva'],
    'org:un': ['UN'],
    'demonym:fr': ['French'],
    'demonym:ru': ['Russian'],
    'demonym:sy': ['Syrian'],
  },
  '004_23c96fb8be1b69e3.txt': {
    'person:vladimir-putin': ['فلاديمير بوتين', 'بوتين'],
    'person:emmanuel-macron': ['إيمانويل ماكرون', 'ماكرون'],
    'region:eastern-ghouta': ['الغوطة الشرقية'],
    'org:kremlin': ['الكرملين'],
    'org:rt': ['روسيا اليوم'],
    'org:elysee': ['قصر الإليزيه'],
    'org:baladi-news': ['بلدي نيوز'],
    'org:un': ['الأمم المتحدة'],
    'org:constitutional-committee': ['اللجنة الدستورية'],
    'event:unsc-resolution-2401': ['القرار الدولي رقم 2401'],
    'event:sochi-congress': ['مؤتمر الحوار الوطني السوري'],
    'event:ankara-summit-2018': ['قمة أنقرة'],
    'event:de-escalation-zones': ['خفض التصعيد'],
    'event:operation-deterrence-of-aggression': ['ردع العدوان'],
    'group:isis': ['تنظيم الدولة'],
    'country:sy': ['سوريا'],
    'country:ru': ['روسيا'],
    'country:ir': ['إيران'],
    'country:tr': ['تركيا'],
    'country:us': ['امريكا'],
    'country:fr': ['فرنسا'],
    'city:ankara': ['أنقرة'],
    'city:sochi': ['سوتشي'],
    'city:geneva': ['جنيف'],
    'city:sweida': ['السويداء'],
    'region:northwest-syria': ['شمال غرب سوريا'],
    'demonym:ru': ['الروسي', 'الروسية'],
    'demonym:fr': ['الفرنسي', 'الفرنسية'],
    'demonym:sy': ['السوري', 'السورية'],
    'demonym:kurdish': ['الكردي'],
  },
};

// The seed says the form, maybe after the clitic ل, which eats the alef of ال (للسعودية, للجنة).
const says = (seed, form) => seed.includes(form) || (form.startsWith('ال') && seed.includes('ل' + form.slice(2)));

test('every entity of the seed articles is in the lexicon, under the seed spelling', () => {
  const seedDir = new URL('seeds/', ROOT);
  assert.deepEqual(readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort(), Object.keys(SEEDS).sort());
  for (const [file, entities] of Object.entries(SEEDS)) {
    const seed = readFileSync(new URL(file, seedDir), 'utf8');
    for (const [id, forms] of Object.entries(entities)) {
      const row = byId.get(id);
      assert.ok(row, `${file}: ${id} missing`);
      for (const form of forms) {
        assert.ok(says(seed, form), `${file} does not say "${form}"`);
        assert.ok(names(row).includes(form), `${id} lacks the seed's "${form}"`);
      }
    }
  }
});

test('the issue coverage list: regions and cities of the seven countries, UN bodies, armed groups', () => {
  const want = {
    'city:aleppo': 'country:sy', 'city:idlib': 'country:sy', 'city:raqqa': 'country:sy', 'city:deir-ez-zor': 'country:sy',
    'city:homs': 'country:sy', 'city:hama': 'country:sy', 'city:daraa': 'country:sy', 'city:afrin': 'country:sy',
    'city:manbij': 'country:sy', 'city:kobani': 'country:sy', 'city:khan-shaykhun': 'country:sy', 'city:douma': 'country:sy',
    'org:ocha': 'org:un', 'org:unhcr': 'org:un', 'org:unrwa': 'org:un',
  };
  for (const [id, parent] of Object.entries(want)) assert.equal(byId.get(id)?.parent, parent, id);
  for (const id of ['org:opcw', 'org:arab-league', 'org:eu', 'org:nato', 'org:kremlin', 'org:elysee', 'org:white-house',
    'group:isis', 'group:nusra-front', 'group:hts', 'group:fsa', 'group:sdf', 'group:ypg', 'group:pkk', 'group:hezbollah',
    'group:jaish-al-islam', 'group:ahrar-al-sham', 'group:faylaq-al-rahman', 'org:white-helmets',
    'person:kofi-annan', 'person:lakhdar-brahimi', 'person:geir-pedersen', 'person:staffan-de-mistura']) {
    assert.ok(byId.has(id), id);
  }
  assert.ok(names(byId.get('group:isis')).includes('داعش'));
  assert.ok(names(byId.get('person:hassan-rouhani')).includes('Rohani'));
});

test('the JSON form of a user lexicon reads as the same rows as its TSV form', () => {
  const json = fromJson([
    { id: 'person:jane-doe', kind: 'person', parent: 'country:gb', en: 'Jane Doe', ar: 'جين دو', en_alt: ['Doe', 'J. Doe'], ar_alt: [], source: ['user'] },
    { id: 'org:example', kind: 'org', en: 'Example', ar_alt: 'مثال' },
  ]);
  const tsv = parseTsv('person:jane-doe\tperson\tcountry:gb\tJane Doe\tجين دو\tDoe|J. Doe\t\tuser\norg:example\torg\t\tExample\t\t\tمثال\t\n');
  const strip = (rs) => rs.map(({ line, origin, ...r }) => r);
  assert.deepEqual(strip(json.rows), strip(tsv.rows));
  assert.deepEqual(validate([...rows, ...json.rows]), []);
  assert.equal(fromJson({}).problems.length, 1);
  assert.equal(fromJson([1]).problems.length, 1);
});
