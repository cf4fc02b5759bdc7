/**
 * The popup (for a flagged, a clean and an uncovered tab) and the options page in Chromium:
 * axe-core finds no serious or critical violation in light or dark, and the flagged tab's popup
 * shows the status, dates and sources and copies citations.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { bibtexEntry, cslItem } from '../../src/data/citations';
import { parseDataset } from '../../src/data/schema';
import { keyDatesOf, sourcesOf } from '../../src/data/topics';
import { formatDate } from '../../src/dates';
import { launchWithExtension, optionsUrl, type ExtensionBrowser, type FixtureServer } from './harness';
import { openPopup, openTab, startUiFixtureServer, UI_HOSTS, UI_PAGES, type OpenTab, type UiPage } from './ui-pages';

const dataset = parseDataset(raw);
const mou = dataset.topics.find((topic) => topic.id === 'home-office-mou')!;
const SCHEMES = ['light', 'dark'] as const;

/** Runs axe-core in the page (its source evaluated: the extension's CSP allows no script tags). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** Unfolds everything shown on demand, so axe checks it too. */
async function unfoldAll(page: Page): Promise<void> {
  for (const summary of await page.locator('details summary').all()) await summary.click();
  // Each click takes a button off the list of folded ones, so always click the first left.
  const folded = page.locator('button[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

declare global {
  interface Window {
    axe: typeof axe;
    copied: string[];
  }
}

describe('the popup and options page in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  const tabs = {} as Record<UiPage, OpenTab>;

  beforeAll(async () => {
    server = await startUiFixtureServer();
    browser = await launchWithExtension(server, UI_HOSTS);
    for (const which of UI_PAGES) tabs[which] = await openTab(browser, which);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of SCHEMES) {
    for (const which of UI_PAGES) {
      it(`popup for a ${which} tab: no serious or critical axe violation (${scheme})`, async () => {
        const popup = await openPopup(browser, tabs[which].tabId, (page) => page.emulateMedia({ colorScheme: scheme }));
        await unfoldAll(popup);
        expect(await seriousViolations(popup)).toEqual([]);
        await popup.close();
      });
    }

    it(`options page: no serious or critical axe violation (${scheme})`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(optionsUrl(browser));
      await page.waitForSelector('fieldset');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('popup for a flagged tab: status, key dates, sources and citation copies', async () => {
    const popup = await openPopup(browser, tabs.flagged.tabId, (page) =>
      // Records what reaches the clipboard (reading it back is not allowed), then writes it for real.
      page.addInitScript(() => {
        window.copied = [];
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => {
          window.copied.push(text);
          return write(text);
        };
      }),
    );
    const topic = popup.locator('[data-topic="home-office-mou"]');

    const banner = await topic.locator('.status-banner').innerText();
    expect(banner).toContain(`${mou.status.label} since ${formatDate(mou.status.since, 'en-GB')}`);
    expect(banner).toContain(`Record as of ${formatDate(dataset.asOf, 'en-GB')}`);

    const dates = () => topic.locator('.timeline time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    expect(await dates()).toEqual(keyDatesOf(mou.events).map((event) => event.date));
    await topic.getByRole('button', { name: `Show all ${mou.events.length} dates` }).click();
    expect(await dates()).toEqual(mou.events.map((event) => event.date));

    const sources = sourcesOf(dataset, mou);
    const links = topic.locator('.source-list a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(sources.slice(0, 5).map((s) => s.url));
    for (const link of await popup.locator('a').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }

    const notice = topic.locator('.sources [role="status"]');
    await topic.getByLabel('Cite as').selectOption('bibtex');
    await topic.getByRole('button', { name: `Copy the citation for ${sources[0]!.title}` }).click();
    await expect.poll(() => notice.innerText()).toBe('Copied 1 reference as BibTeX.');
    await topic.getByLabel('Cite as').selectOption('csl-json');
    await topic.getByRole('button', { name: `Copy all ${sources.length}` }).click();
    await expect.poll(() => notice.innerText()).toBe(`Copied ${sources.length} references as CSL-JSON.`);
    const copied = await popup.evaluate(() => window.copied);
    expect(copied[0]).toBe(bibtexEntry(sources[0]!));
    expect(JSON.parse(copied[1]!)).toEqual(sources.map(cslItem));
    await popup.close();
  });
});
