import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  fixture,
  launchWithExtension,
  popupUrl,
  startFixtureServer,
  tabIdOf,
  waitFor,
  waitForReport,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const RELEVANT = "NHS Digital handed patients' home addresses to the Home Office so that immigration officials could trace them.";

/** Number of ranges registered with CSS.highlights, as the page itself sees them. */
const highlightedRanges = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0));

describe('page behaviour in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/live', fixture('dynamic.html'));
    server.route('/article', fixture('mou-article.html'));
    browser = await launchWithExtension(server, ['www.theguardian.com']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageErrors = new WeakMap<Page, string[]>();

  async function open(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`https://www.theguardian.com${path}`);
    return { page, tabId: await tabIdOf(browser, page) };
  }

  /** Closes a page, failing the test if anything was thrown into it meanwhile. */
  async function close(page: Page): Promise<void> {
    await page.close();
    expect(pageErrors.get(page)).toEqual([]);
  }

  const reported = (tabId: number) => waitForReport(browser, tabId);

  it('ignores editable regions and form fields, and leaves a page with no mention untouched', async () => {
    const { page, tabId } = await open('/live');
    await reported(tabId);
    expect(await badgeText(browser, tabId)).toBe('');
    expect(await page.evaluate(() => document.documentElement.outerHTML === (window as unknown as { initialHtml: string }).initialHtml)).toBe(true);
    // Nor a global: the content script's own live in its isolated world.
    expect(await page.evaluate(() => Object.getOwnPropertyNames(window).sort().join(' ') === (window as unknown as { initialGlobals: string }).initialGlobals)).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    await close(page);
  });

  it('counts content appended after load, and marks it without changing the DOM', async () => {
    const { page, tabId } = await open('/live');
    await reported(tabId);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.evaluate((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      document.getElementById('feed')!.append(item);
    }, RELEVANT);
    expect(await waitFor(() => badgeText(browser, tabId), (text) => text === '1')).toBe('1');
    expect(await highlightedRanges(page)).toBeGreaterThan(0);
    // The only change to the page is the one the page made itself.
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    expect(after.replace(/<li>.*<\/li>/, '')).toBe(before);
    await close(page);
  });

  it('follows a page that re-renders its article: marks move to the new nodes', async () => {
    const { page, tabId } = await open('/article');
    const count = await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      article.replaceWith(article.cloneNode(true));
    });
    // Highlights on detached nodes would be empty; once re-read, every range is live again.
    await waitFor(
      () => page.evaluate(() => [...CSS.highlights.values()].every((h) => [...h].every((r) => (r as Range).startContainer.isConnected))),
      (live) => live,
    );
    expect(await badgeText(browser, tabId)).toBe(count);
    expect(await highlightedRanges(page)).toBeGreaterThan(0);
    await close(page);
  });

  it('starts afresh on same-document navigation', async () => {
    const { page, tabId } = await open('/article');
    await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    await page.evaluate(() => {
      history.pushState({}, '', '/other-story');
      document.querySelector('main')!.innerHTML = '<article><h1>Rail fares</h1><p>Fares rise again in March.</p></article>';
    });
    await waitFor(() => badgeText(browser, tabId), (text) => text === '');
    await waitFor(() => highlightedRanges(page), (n) => n === 0);
    await close(page);
  });

  it('scrolls to a passage when the popup asks to show it', async () => {
    server.route('/long', fixture('mou-article.html').replace('<main>', `<main>${'<p>Filler paragraph about the weather.</p>'.repeat(80)}`));
    const { page, tabId } = await open('/long');
    await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.getByRole('button', { name: 'Show on page' }).nth(1).click();
    await page.bringToFront();
    await waitFor(() => page.evaluate(() => scrollY), (y) => y > 500);
    await popup.close();
    await close(page);
  });

  const logLine = 'A line of the log about buses and the weather, nothing more.\n';
  const loggedMention = "NHS Digital passed patients' addresses to the Home Office under the memorandum of understanding.";
  const log = `<pre>${logLine.repeat(1800)}${loggedMention}\n${logLine.repeat(500)}</pre>`;
  // The same log on its own, and in a box of its own that scrolls, low down a page; a log of one
  // line that does not wrap, the mention far along it; and a log with the mention in its first
  // piece, far above the middle of the <pre>.
  const logPages: [string, string][] = [
    ['on its own', log],
    ['in a box that scrolls', `<p style="height: 1500px">Above the box.</p><div id="box" style="height: 300px; overflow: auto">${log}</div>`],
    ['on one line', `<pre>${'buses and the weather today, '.repeat(3500)}${loggedMention} ${'More buses. '.repeat(50)}</pre>`],
    ['in the first piece', `<pre>${logLine.repeat(100)}${loggedMention}\n${logLine.repeat(2200)}</pre>`],
  ];
  it.each(logPages)('scrolls to the phrase when the passage shown is a piece of a long one, far from its middle: log %s', async (name, body) => {
    const path = `/log-${logPages.findIndex(([other]) => other === name)}`;
    server.route(path, `<!doctype html><html lang="en"><head><title>log</title></head><body>${body}</body></html>`);
    const { page, tabId } = await open(path);
    await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    // Where the phrase starts, and what shows of the page: the window, within the box if any.
    const placeOfPhrase = () =>
      page.evaluate((text) => {
        const node = document.querySelector('pre')!.firstChild as Text;
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(text));
        range.setEnd(node, node.data.indexOf(text) + 11);
        const box = document.getElementById('box')?.getBoundingClientRect();
        const { top, left } = range.getBoundingClientRect();
        return { top, left, width: innerWidth, from: Math.max(0, box?.top ?? 0), to: Math.min(innerHeight, box?.bottom ?? innerHeight) };
      }, loggedMention);
    const shows = ({ top, left, width, from, to }: { top: number; left: number; width: number; from: number; to: number }) =>
      top >= from && top < to && left >= 0 && left < width;
    const before = await placeOfPhrase();
    expect(shows(before)).toBe(false);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.getByRole('button', { name: 'Show on page' }).first().click();
    await page.bringToFront();
    // Read once the page has stopped: a smooth scroll may pass over the phrase on its way elsewhere.
    let place = await waitFor(placeOfPhrase, (now) => now.top !== before.top || now.left !== before.left);
    for (let still = false; !still; ) {
      await page.waitForTimeout(300);
      const now = await placeOfPhrase();
      still = now.top === place.top && now.left === place.left;
      place = now;
    }
    expect(shows(place)).toBe(true);
    await popup.close();
    await close(page);
  });

  it('shows a hover card in a closed shadow root over a marked phrase, and removes it after', async () => {
    const { page, tabId } = await open('/article');
    await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.values()][0]!.values().next().value as Range;
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    const extraNodes = () => page.evaluate(() => document.documentElement.children.length);
    const baseline = await extraNodes();
    await page.mouse.move(box.x, box.y);
    await waitFor(extraNodes, (n) => n === baseline + 1);
    // Closed: the page cannot look inside.
    expect(await page.evaluate(() => (document.documentElement.lastElementChild as HTMLElement).shadowRoot)).toBeNull();
    await page.mouse.move(2, 2);
    await waitFor(extraNodes, (n) => n === baseline);
    await close(page);
  });
});
