import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  badgeText,
  launchWithExtension,
  popupUrl,
  startFixtureServer,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const RELEVANT = "NHS Digital handed patients' home addresses to the Home Office so that immigration officials could trace them.";
const FILLER = 'The council met on Tuesday to discuss bus timetables, road repairs and the library opening hours. ';
const html = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

interface TabReport {
  report: { mentions: { passage: string }[]; flagged: number; truncated: boolean; chars: number };
}

describe('robustness in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchWithExtension(server, ['www.theguardian.com']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, body: string, head = ''): Promise<{ page: Page; tabId: number; errors: string[] }> {
    server.route(path, html(body, head));
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`https://www.theguardian.com${path}`, { timeout: 60_000 });
    return { page, tabId: await tabIdOf(browser, page), errors };
  }

  const stateOf = async (tabId: number): Promise<TabReport | undefined> =>
    (await browser.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId))[`tab:${tabId}`] as TabReport | undefined;
  const reported = (tabId: number, timeoutMs = 30_000) => waitFor(() => stateOf(tabId), (s) => s !== undefined, timeoutMs) as Promise<TabReport>;

  it('caps a 10 MB page, says so, and still counts what it read', async () => {
    const paragraph = `<p>${FILLER.repeat(10)}</p>`;
    const { page, tabId, errors } = await open('/huge', `<p>${RELEVANT}</p>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`);
    const state = await reported(tabId, 60_000);
    expect(state.report.truncated).toBe(true);
    expect(state.report.chars).toBeLessThanOrEqual(6_000_000);
    expect(state.report.mentions).toHaveLength(1);
    expect(await badgeText(browser, tabId)).toBe('1');
    // The page stayed alive and its own scripts run.
    expect(await page.evaluate(() => document.title)).toBe('t');
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('text=only its first part was scanned');
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports the first 500 passages of a page with more, counts them all on the badge, and the popup says so', async () => {
    const { page, tabId, errors } = await open('/many', `<p>${RELEVANT}</p>`.repeat(600));
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text !== '', 30_000)).toBe('600');
    const state = await reported(tabId, 30_000);
    expect(state.report.mentions).toHaveLength(500);
    expect(state.report.flagged).toBe(600);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('text=600 passage(s) flagged on this page.');
    await popup.waitForSelector('text=Only the first 500 are listed below.');
    expect(await popup.locator('blockquote').count()).toBe(500);
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  /** Ranges registered with CSS.highlights, as the page itself sees them. */
  const markedRanges = (page: Page) => page.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0));

  it('reports and marks a page where every one of 30,000 paragraphs is flagged, marking at most 5,000 phrases', async () => {
    const { page, tabId, errors } = await open('/flagged-throughout', `<p>${RELEVANT}</p>`.repeat(30_000));
    const state = await reported(tabId, 60_000);
    expect(state.report.mentions).toHaveLength(500);
    expect(state.report.flagged).toBe(30_000);
    expect(await badgeText(browser, tabId)).toBe('999+');
    const marked = await markedRanges(page);
    expect(marked).toBeGreaterThan(500);
    expect(marked).toBeLessThanOrEqual(5000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports lines that do not wrap, flagged all through, and marks them only as far as the browser can paint them', async () => {
    // The browser paints each mark in a line at a cost of the line's length.
    const line = (chars: number) => `${RELEVANT} `.repeat(Math.ceil(chars / (RELEVANT.length + 1)));
    const { page, tabId, errors } = await open('/long-lines', `<pre>${line(20_000)}</pre><pre>${line(2_000_000)}</pre>`);
    const state = await reported(tabId, 60_000);
    expect(state.report.mentions.length).toBeGreaterThan(1);
    // The short line gets 1,000,000 / 20,000 marks at most, the long one none.
    const marked = await page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h] as Range[]).map((range) => range.startContainer.textContent!.length));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThanOrEqual(50);
    expect(marked.every((length) => length < 100_000)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks a tree 10,000 elements deep without overflowing, and reads on past it', async () => {
    // Chromium itself cannot lay out a tree this deep, so it sits in a display:none container;
    // the scan still walks all of it (hidden passages are read, then not counted) to reach the end.
    const build = `<div id="deep" style="display:none"></div><script>
      let node = document.getElementById('deep');
      for (let i = 0; i < 10000; i++) { const div = document.createElement('div'); node.append(div); node = div; }
      node.textContent = ${JSON.stringify(RELEVANT)};
      const p = document.createElement('p'); p.textContent = ${JSON.stringify(RELEVANT)}; document.body.append(p);
    </script>`;
    const { page, tabId, errors } = await open('/deep', build);
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text !== '')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads a page of 100,000 nodes', async () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => `<span>w${i} </span>`).join('');
    const { page, tabId, errors } = await open('/wide', `<div>${spans}</div><p>${RELEVANT}</p>`);
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text !== '', 30_000)).toBe('1');
    expect(await page.evaluate(() => document.getElementsByTagName('*').length + document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE, null).numberValue)).toBeGreaterThanOrEqual(100_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is unaffected by a page that replaces DOM prototypes and CSS', async () => {
    const sabotage = `<script>
      Element.prototype.closest = () => { throw new Error('sabotaged'); };
      Node.prototype.contains = () => { throw new Error('sabotaged'); };
      Text.prototype.splitText = () => { throw new Error('sabotaged'); };
      Object.defineProperty(window, 'CSS', { value: undefined });
      window.MutationObserver = function () { throw new Error('sabotaged'); };
    </script>`;
    const { page, tabId } = await open('/sabotage', `<p>${RELEVANT}</p>`, sabotage);
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text !== '')).toBe('1');
    await page.close();
  });

  it('scans the top frame only: text in an iframe is not counted', async () => {
    server.route('/framed', html(`<p>${RELEVANT}</p>`));
    const { page, tabId } = await open('/host', `<p>A page about the weather.</p><iframe src="/framed"></iframe>`);
    await page.frameLocator('iframe').locator('p').waitFor();
    const state = await reported(tabId);
    expect(state.report.mentions).toEqual([]);
    expect(await badgeText(browser, tabId)).toBe('');
    await page.close();
  });

  it('keeps an exact count under heavy churn: a feed growing every 50 ms for 10 s', async () => {
    const feed = `<ul id="feed"></ul><script>
      let n = 0;
      const timer = setInterval(() => {
        const li = document.createElement('li');
        li.textContent = n % 10 === 0 ? ${JSON.stringify(RELEVANT)} + ' Update ' + n + '.' : ${JSON.stringify(FILLER)} + n;
        document.getElementById('feed').append(li);
        if (++n === 200) { clearInterval(timer); window.feedDone = true; }
      }, 50);
    </script>`;
    const { page, tabId, errors } = await open('/feed', feed);
    await page.waitForFunction(() => (window as unknown as { feedDone?: boolean }).feedDone, null, { timeout: 20_000 });
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text === '20')).toBe('20');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps results when the service worker is stopped, and drops them when the tab closes', async () => {
    const { page, tabId } = await open('/sw', `<p>${RELEVANT}</p>`);
    await waitFor(() => badgeText(browser, tabId), (text) => text === '1');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('[data-topic="home-office-mou"]');
    await popup.close();
    await page.close();
    await waitFor(() => stateOf(tabId), (state) => state === undefined);
  });

  it('recounts on reload rather than keeping stale results', async () => {
    const { page, tabId } = await open('/reload', `<p>${RELEVANT}</p>`);
    await waitFor(() => badgeText(browser, tabId), (text) => text === '1');
    server.route('/reload', html('<p>Nothing to see here.</p>'));
    await page.reload();
    await waitFor(() => badgeText(browser, tabId), (text) => text === '');
    // The reloaded page's report replaces the old one: not at once, but the old count must go.
    await waitFor(() => stateOf(tabId), (state) => state?.report.mentions.length === 0);
    await page.close();
  });
});
