import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  fixture,
  launchWithExtension,
  popupUrl,
  startFixtureServer,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';


describe('the built extension in Chromium', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/news/health-data-row', fixture('mou-article.html'));
    server.route('/news/waiting-lists', fixture('unrelated-nhs.html'));
    browser = await launchWithExtension(server, ['www.theguardian.com', 'www.bbc.co.uk', 'www.example.org']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The passages stored for a tab in session storage (none when nothing is stored). */
  const storedMentions = async (tabId: number): Promise<unknown[]> => {
    const stored = await browser.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId);
    return (stored[`tab:${tabId}`] as { report: { mentions: unknown[] } } | undefined)?.report.mentions ?? [];
  };

  /** A tab on the article about the tracing agreement, once its badge shows the count. */
  async function openFlaggedTab() {
    const tab = await browser.context.newPage();
    await tab.goto('https://www.theguardian.com/news/health-data-row');
    const tabId = await tabIdOf(browser, tab);
    await waitFor(() => badgeText(browser, tabId), (text) => text !== '');
    return { tab, tabId };
  }

  it('flags a page about the tracing agreement: badge count and popup passages', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://www.theguardian.com/news/health-data-row');
    const tabId = await tabIdOf(browser, tab);
    const badge = await waitFor(() => badgeText(browser, tabId), (text) => text !== '');

    // The page's dates were checked against the record in the background.
    const state = await browser.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId);
    const claims = (state[`tab:${tabId}`] as { claims: { text: string; verdict: string; expected: string }[] }).claims;
    expect(claims).toContainEqual(expect.objectContaining({ text: 'withdrawn in November 2018', verdict: 'matches', expected: '9 November 2018' }));

    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('[data-topic="home-office-mou"]');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('handed patients');
    expect(text).not.toContain('waiting times');
    expect(text).not.toContain('should never be shared');
    // The badge counts exactly the passages the popup lists: the paragraph that ties patient
    // addresses to the Home Office, and its neighbours about the memorandum.
    const passages = await popup.locator('.passages blockquote').allInnerTexts();
    expect(passages.length).toBe(Number(badge));
    expect(passages.length).toBeGreaterThanOrEqual(3);
    expect(passages.some((p) => p.startsWith('The arrangement rested on a memorandum'))).toBe(true);
    expect(passages.some((p) => p.includes('Most read') || p.includes('Strike talks'))).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('leaves an unrelated NHS page unflagged: empty badge, "nothing found" popup', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://www.bbc.co.uk/news/waiting-lists');
    const tabId = await tabIdOf(browser, tab);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    // The content script reports even when it finds nothing, so the popup can say so.
    await popup.waitForSelector('text=Nothing found on this page');
    expect(await badgeText(browser, tabId)).toBe('');
    await popup.close();
    await tab.close();
  });

  it('does not run on a site outside the news list until asked', async () => {
    server.route('/article', fixture('mou-article.html'));
    const tab = await browser.context.newPage();
    await tab.goto('https://www.example.org/article');
    const tabId = await tabIdOf(browser, tab);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('text=This page has not been scanned');
    expect(await badgeText(browser, tabId)).toBe('');
    await popup.close();
    await tab.close();
  });

  it('clears the badge when the tab navigates to another page', async () => {
    const { tab, tabId } = await openFlaggedTab();
    await tab.goto('https://www.theguardian.com/news/waiting-lists');
    await waitFor(() => badgeText(browser, tabId), (text) => text === '');
    // The old page's results go once the new page reports (or is found not to run the script).
    await waitFor(() => storedMentions(tabId), (mentions) => mentions.length === 0);
    await tab.close();
  });

  it('drops the results when the tab goes to a site it does not read', async () => {
    server.route('/article', fixture('mou-article.html'));
    const { tab, tabId } = await openFlaggedTab();
    await tab.goto('https://www.example.org/article');
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser, tabId));
    await popup.waitForSelector('text=This page has not been scanned');
    expect(await storedMentions(tabId)).toEqual([]);
    await popup.close();
    await tab.close();
  });
});
