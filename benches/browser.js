// The Chromium every page benchmark drives (Debian's, headless, no background network,
// desktop size), opened on the served app and waited on until the page works. A bench keeps
// its own server, profile folder and clean-up.
import { chromium } from 'playwright-core';

/** `{context, page}`: a persistent context in `profile`, its page ready at `url`. */
export async function openApp(profile, url, extra = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1366, height: 900 },
    ...extra,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
    return { context, page };
  } catch (e) {
    await context.close();
    throw e;
  }
}
