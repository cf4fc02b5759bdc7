/**
 * npm run screenshots: renders the popup in each state, the options page and a flagged news page
 * in headless Chromium with the built extension, into docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import raw from '../src/data/dataset.json';
import { staleFrom } from '../src/data/freshness';
import { launchWithExtension, optionsUrl, ROOT } from '../test/e2e/harness';
import { openPopup, openTab, startUiFixtureServer, UI_HOSTS } from '../test/e2e/ui-pages';

const OUT = join(ROOT, 'docs/screenshots');

/**
 * Makes the popup's calls to the background fail, as they do when the background cannot answer.
 * A string, not a function: tsx would add helpers to a function that the page does not have.
 */
const FAIL_MESSAGES = `
  const fail = () => { throw new Error('Could not establish connection. Receiving end does not exist.'); };
  for (const api of [globalThis.chrome, globalThis.browser]) {
    if (api) Object.defineProperty(api.runtime, 'sendMessage', { value: fail, configurable: true });
  }`;

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`docs/screenshots/${name}.png`);
}

mkdirSync(OUT, { recursive: true });
const server = await startUiFixtureServer();
const browser = await launchWithExtension(server, UI_HOSTS);
try {
  const flagged = await openTab(browser, 'flagged');
  const clean = await openTab(browser, 'clean');
  const uncovered = await openTab(browser, 'uncovered');

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await openPopup(browser, flagged.tabId, (page) => page.emulateMedia({ colorScheme: scheme }));
    await shoot(popup, scheme === 'light' ? 'popup-mentions-found' : 'popup-mentions-found-dark');
    await popup.close();
  }

  await shoot(await openPopup(browser, clean.tabId), 'popup-nothing-found');

  await shoot(await openPopup(browser, uncovered.tabId), 'popup-not-covered');

  await shoot(await openPopup(browser, flagged.tabId, (page) => page.addInitScript(FAIL_MESSAGES)), 'popup-error');

  const narrow = await openPopup(browser, flagged.tabId, (page) => page.setViewportSize({ width: 360, height: 640 }));
  await shoot(narrow, 'popup-narrow-360px');

  for (const scheme of ['light', 'dark'] as const) {
    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 800, height: 900 });
    await options.goto(optionsUrl(browser));
    await options.waitForSelector('fieldset');
    await shoot(options, scheme === 'light' ? 'options' : 'options-dark', true);
  }

  // The article itself: key phrases marked, the hover card over the first of them.
  const article = flagged.page;
  await article.setViewportSize({ width: 900, height: 560 });
  await article.bringToFront();
  const phrase = await article.evaluate(() => {
    const first = [...CSS.highlights.values()][0];
    const range = first && ([...first][0] as Range | undefined);
    const box = range?.getBoundingClientRect();
    return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
  });
  if (!phrase) throw new Error('No highlighted phrase on the flagged page');
  await article.mouse.move(phrase.x, phrase.y);
  await article.waitForTimeout(600);
  await shoot(article, 'flagged-page');

  // Last, as the clock it sets holds for every page from now on: the day the bundled record
  // turns stale (more than 12 months after it was reviewed).
  const stale = await openPopup(browser, flagged.tabId, (page) => page.clock.setFixedTime(new Date(`${staleFrom(raw.asOf)}T12:00:00Z`)));
  await shoot(stale, 'popup-dataset-stale');
} finally {
  await browser.close();
  await server.close();
}
