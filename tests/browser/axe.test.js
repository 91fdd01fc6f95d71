// Accessibility (issue 16, "The web's own yardsticks"): axe-core (npm, injected as its source)
// finds ZERO violations of WCAG 2.0/2.1 A and AA and of its best practices in every view of
// the page, in both UI languages, at desktop (1280×800) and phone (390×844) size, in the light
// and the dark theme. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/axe.test.js
// A failure prints each violation's rule id, impact and the elements it names.
//
// VIEWS is the list of views, in the order they are visited. A new view is one line: a name,
// `open(page)` that brings it on screen from wherever the view before left the page, and
// optionally `close(page)` that takes it away again (both wait on the page's own signals).
// Runs: every size × language, the themes paired so that each size and each language is seen
// in both themes (AXE_ALL=1 runs all eight combinations).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { start, search, settled, idle, rows } from './helpers.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** A plain text article (the full build reads it) and a PNG under a .txt name (refused). */
const GOOD = { name: 'a11y-good.txt', mimeType: 'text/plain', buffer: Buffer.from('Talks in Geneva\n\nDiplomats met in Geneva on Monday to discuss a ceasefire in Aleppo and the fate of Ghouta.\n') };
const BROKEN = { name: 'a11y-broken.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]) };

const toolDone = (page, tool) => page.waitForFunction((name) => {
  const out = document.querySelector('#an-out');
  return out?.dataset.tool === name && out.dataset.state === 'done' && !document.body.dataset.busy;
}, tool);
const esc = async (page) => {
  await page.keyboard.press('Escape');
  await idle(page);
};
const tool = (name) => ({
  name: `corpus tools: ${name}`,
  open: async (page) => {
    await page.click(`.an-tab[data-tool=${name}]`);
    await toolDone(page, name);
  },
});

/** Every view of the page, visited in this order. */
const VIEWS = [
  { name: 'start (the demo corpus, no search yet)', open: async () => {} },
  { name: 'search results', open: (page) => search(page, 'Rouhani') },
  { name: 'all articles, the source menu open with its counts', open: async (page) => {
    await search(page, '');
    await page.click('#source summary');
    await page.locator('#source input[type=checkbox]').first().waitFor();
  }, close: (page) => page.click('#source summary') },
  { name: 'a query read with a note (lower-case "or")', open: async (page) => {
    await search(page, 'Syria or Aleppo');
    await page.locator('#summary .partial-note, #summary .core-message').first().waitFor();
  } },
  { name: 'did you mean', open: async (page) => {
    await search(page, 'Alepo');
    await page.locator('.did-you-mean button').first().waitFor();
  } },
  { name: 'a query error', open: async (page) => {
    await search(page, '"Rouhani');
    await page.locator('#query-error:not(:empty)').waitFor();
  } },
  { name: 'the entity filter, one name checked', open: async (page) => {
    await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
    await search(page, 'Putin OR Macron');
    await page.locator('#entity-field [data-entity] input').first().waitFor({ state: 'attached' });
    await page.click('#entity-field summary');
    await page.locator('#entity-field [data-entity] input').first().check();
    await settled(page, 'Putin OR Macron');
  }, close: async (page) => {
    await page.click('#entity-field summary');
    await page.click('#clear-filters');
    await settled(page, 'Putin OR Macron');
  } },
  { name: 'the reader', open: async (page) => {
    await search(page, 'Rouhani');
    await rows(page).first().locator('.hit-open').click();
    await page.locator('#reader article .article-body mark').first().waitFor();
    await idle(page);
  }, close: async (page) => {
    await esc(page);
    await page.locator('#reader article').waitFor({ state: 'detached' });
  } },
  { name: 'the reader with its same-story panel', open: async (page) => {
    await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
    await search(page, 'Rouhani');
    await page.locator('[data-file][data-lang=en] .hit-open').first().click();
    await page.locator('.same-story-item').first().waitFor();
    await idle(page);
  }, close: async (page) => {
    await esc(page);
    await page.locator('#reader article').waitFor({ state: 'detached' });
  } },
  { name: 'the compare view: three articles aligned', open: async (page) => {
    await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
    await search(page, '');
    await page.locator('[data-file][data-lang=en] input.compare-box').nth(0).check();
    await page.locator('[data-file][data-lang=en] input.compare-box').nth(1).check();
    await page.locator('[data-file][data-lang=ar] input.compare-box').first().check();
    await idle(page);
    await page.click('#open-compare');
    await page.waitForFunction(() => document.querySelector('#compare')?.dataset.aligned === 'true' && !document.body.dataset.busy);
    await idle(page);
  }, close: async (page) => {
    await esc(page);
    await page.locator('#compare').waitFor({ state: 'hidden' });
    await page.click('#clear-compare');
    await idle(page);
  } },
  { name: 'the Stories view', open: async (page) => {
    await page.click('#stories');
    await page.locator('.story').first().waitFor({ state: 'attached' });
    await idle(page);
  }, close: async (page) => {
    await page.click('.stories-close');
    await page.waitForFunction(() => !document.querySelector('#stories-view'));
    await idle(page);
  } },
  { name: 'How to search', open: async (page) => {
    await page.click('#query-help');
    await page.locator('#query-help-dialog[open]').waitFor();
  }, close: async (page) => {
    await esc(page);
    await page.locator('#query-help-dialog[open]').waitFor({ state: 'detached' });
  } },
  { name: 'the Corpus menu: name outlets', open: async (page) => {
    await page.click('#corpus-menu summary');
    await page.click('#name-outlets');
    await page.locator('#outlets-dialog[open]').waitFor();
  }, close: async (page) => {
    await page.click('#outlets-dialog button[value=cancel]');
    await idle(page);
  } },
  { name: 'the Corpus menu: my names', open: async (page) => {
    await page.click('#corpus-menu summary');
    await page.click('#my-names');
    await page.locator('#names-dialog[open]').waitFor();
    await idle(page);
  }, close: async (page) => {
    await page.click('#names-close');
    await idle(page);
  } },
  { name: 'the Share dialog', open: async (page) => {
    await page.click('#share');
    await page.locator('#share-view').waitFor();
  }, close: async (page) => {
    await page.click('#share-dialog button[value=close]');
    await page.locator('#share-dialog').waitFor({ state: 'hidden' });
  } },
  { name: 'corpus tools: kwic', open: async (page) => {
    await search(page, 'Ghouta');
    await page.click('#tools');
    await toolDone(page, 'kwic');
  } },
  tool('words'), tool('ngrams'), tool('collocates'), tool('keyness'),
  { ...tool('dispersion'), close: async (page) => {
    await page.click('.an-close');
    await idle(page);
  } },
  { name: 'upload progress', open: (page) => page.evaluate(async () => {
    const { renderProgress } = await import('./views/report.js');
    renderProgress(document.querySelector('#report'), { phase: 'add', done: 40, total: 120, file: 'fakes_0011_alaraby_2016.html', added: 38 }, { cancel() {} });
  }), close: (page) => page.evaluate(() => document.querySelector('#report').replaceChildren()) },
  { name: 'the report of an upload with a failed file', open: async (page) => {
    await page.locator('input[type=file]').first().setInputFiles([GOOD, BROKEN]);
    await page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box[data-files="2"]'));
    await page.locator('#report details summary').first().click();
  }, close: async (page) => {
    await page.click('#report .report-dismiss');
    await idle(page);
  } },
  { name: 'the Corpus menu', open: async (page) => {
    await page.click('#corpus-menu summary');
    await page.locator('#clear-corpus').waitFor();
  }, close: (page) => page.click('#corpus-menu summary') },
  { name: 'the Corpus menu: import a bundle into a corpus', open: async (page) => {
    await page.locator('#bundle-input').setInputFiles({ name: 'corpus.qarin', mimeType: 'application/octet-stream', buffer: Buffer.from('QARINBDL') });
    await page.locator('#confirm-dialog[open] [data-choice]').first().waitFor();
  }, close: async (page) => {
    await page.click('#confirm-dialog button[value=cancel]');
    await idle(page);
  } },
  { name: 'the Corpus menu: clear the corpus?', open: async (page) => {
    await page.click('#corpus-menu summary');
    await page.click('#clear-corpus');
    await page.locator('#confirm-dialog[open] [data-choice=clear]').waitFor();
  }, close: async (page) => {
    await page.click('#confirm-dialog button[value=cancel]');
    await idle(page);
  } },
  { name: 'remove the results?', open: async (page) => {
    await search(page, 'Rouhani');
    await page.click('#remove-results');
    await page.locator('#confirm-dialog[open] [data-choice=remove]').waitFor();
  }, close: async (page) => {
    await page.click('#confirm-dialog button[value=cancel]');
    await idle(page);
  } },
  { name: 'a link naming an article this corpus lacks', open: async (page) => {
    await page.evaluate(() => { location.hash = '#v=1&a=0123456789abcdef'; });
    await page.locator('#notice .notice-box').waitFor();
    await idle(page);
  }, close: async (page) => {
    await page.click('#notice .notice-dismiss');
    await page.evaluate(() => { location.hash = '#v=1'; });
    await idle(page);
  } },
];

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const ALL = process.env.AXE_ALL === '1';
const RUNS = [];
for (const size of Object.keys(SIZES)) {
  for (const lang of ['en', 'ar']) {
    for (const theme of ['light', 'dark']) {
      // Pairwise: each size and each language meets both themes in four runs.
      const paired = (size === 'desktop') === (lang === 'en') ? 'light' : 'dark';
      if (ALL || theme === paired) RUNS.push({ size, lang, theme });
    }
  }
}

/** Runs axe over the whole document; resolves "rule (impact): target, target" lines. */
async function violations(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`) }))), TAGS);
  return found.flatMap((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.slice(0, 8).map((n) => `    ${n}`)]);
}

for (const run of RUNS) {
  const label = `${run.size}, ${run.lang} UI, ${run.theme}`;
  describe(label, () => {
    let b;
    before(async () => {
      // The browser's language and colour scheme choose the page's (www/prefs.js).
      b = await start({ viewport: SIZES[run.size], locale: run.lang === 'ar' ? 'ar' : 'en-US', colorScheme: run.theme });
      await b.open();
    });
    after(async () => {
      await b?.close();
    });

    for (const view of VIEWS) {
      test(`axe finds no violation: ${view.name}`, async () => {
        const page = b.page;
        await view.open(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), run.lang);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), run.theme);
        const found = await violations(page);
        if (view.close) await view.close(page);
        assert.ok(found.length === 0, `${view.name} (${label}):\n${found.join('\n')}`);
      });
    }
    test('logs no errors', () => {
      assert.deepEqual(b.problems, []);
    });
  });
}
