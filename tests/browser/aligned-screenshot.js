// The README's picture of the aligned reader: seeds 000 (English) and 001 (Arabic) side by
// side, Macron hovered (marked in both columns). Not a test:
//   node tests/browser/aligned-screenshot.js   (after ./qarin.sh build; writes docs/screenshots/aligned-reader.png)
import { fileURLToPath } from 'node:url';
import { start, search, ready } from './helpers.js';

const OUT = fileURLToPath(new URL('../../docs/screenshots/aligned-reader.png', import.meta.url));
const b = await start({ viewport: { width: 1366, height: 860 } });
const page = b.page;
try {
  await b.open();
  await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
  await search(page, '');
  const hash = (file) => page.locator(`[data-file^="${file}"]`).getAttribute('data-hash');
  const [en, ar] = [await hash('000_'), await hash('001_')];
  await page.goto(`${new URL(page.url()).origin}/#v=1&cmp=${en}.${ar}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('#compare')?.dataset.aligned === 'true' && !document.body.dataset.busy);
  await page.locator('#sbs-0 .ent-shared[data-ent="person:emmanuel-macron"]').first().hover();
  await page.screenshot({ path: OUT });
  console.log(OUT);
} finally {
  await b.close();
}
