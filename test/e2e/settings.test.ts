/**
 * The settings the content script follows, in Chromium: highlights off (counted, not marked) and
 * "only when I click" (a news page is not read until the popup's scan).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, CHROME_BUILD, launchWithExtension, waitFor, type ExtensionBrowser, type FixtureServer } from './harness';
import { openPopup, openTab, startUiFixtureServer, UI_HOSTS } from './ui-pages';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string };
}

/** Collects the page's script contexts as they are created, the extension's isolated world among them. */
async function watchContexts(cdp: CDPSession): Promise<ExecutionContext[]> {
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as ExecutionContext));
  await cdp.send('Runtime.enable');
  return contexts;
}

/** Ranges registered with CSS.highlights, as the page itself sees them. */
const highlightedRanges = (page: Page) => page.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0));

describe('settings the content script follows', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  const store = (items: Record<string, unknown>) => browser.worker.evaluate((values) => chrome.storage.local.set(values), items);

  beforeAll(async () => {
    server = await startUiFixtureServer();
    browser = await launchWithExtension(server, UI_HOSTS);
  });
  afterEach(async () => {
    await browser.worker.evaluate(() => chrome.storage.local.clear());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('with highlights off, counts the passages but marks nothing; turned on, marks them at once', async () => {
    await store({ highlights: false });
    const { page, tabId } = await openTab(browser, 'flagged');
    const count = await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    expect(Number(count)).toBeGreaterThan(0);
    expect(await highlightedRanges(page)).toBe(0);
    await store({ highlights: true });
    await waitFor(() => highlightedRanges(page), (ranges) => ranges > 0);
    await page.close();
  });

  it('in "only when I click" mode, leaves a news page unread until a click scans it', async () => {
    await store({ runMode: 'on-click' });
    const { page, tabId } = await openTab(browser, 'uncovered');
    const contexts = await watchContexts(await browser.context.newCDPSession(page));
    // The same article on a listed news site: the declared script runs, and reads nothing.
    await page.goto('https://www.theguardian.com/news/health-data-row');
    await page.waitForTimeout(1500);
    expect(await badgeText(browser, tabId)).toBe('');
    expect(await highlightedRanges(page)).toBe(0);

    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('main').innerText()).toContain('You chose to have pages read only when you click');

    // What the background's scan does after a click on the toolbar button. Chrome grants that
    // access only to a real click, which a test cannot make, so it is done here in the
    // extension's own isolated world on the page.
    const world = contexts.findLast((c) => c.auxData?.type === 'isolated' && c.name === 'Patient Data Context');
    expect(world).toBeDefined();
    const script = readFileSync(join(CHROME_BUILD, 'src/content.js'), 'utf8');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Runtime.evaluate', { contextId: world!.id, expression: `globalThis.pdcScanRequested = true;\n${script}` });

    await popup.waitForSelector('[data-topic="home-office-mou"]');
    expect(await badgeText(browser, tabId)).not.toBe('');
    expect(await highlightedRanges(page)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });
});
