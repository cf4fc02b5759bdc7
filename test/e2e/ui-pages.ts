/**
 * The pages the UI test and `npm run screenshots` open: a news page about the tracing agreement
 * (flagged), an unrelated NHS page on a news site (clean) and the same article on a site outside
 * the news list (not covered), each with the popup opened for its tab.
 */
import type { Page } from 'playwright-core';
import { fixture, popupUrl, startFixtureServer, tabIdOf, waitForReport, type ExtensionBrowser, type FixtureServer } from './harness';

export const UI_HOSTS = ['www.theguardian.com', 'www.bbc.co.uk', 'www.example.org'];

const PAGES = {
  flagged: { url: 'https://www.theguardian.com/news/health-data-row', file: 'mou-article.html', scanned: true },
  clean: { url: 'https://www.bbc.co.uk/news/waiting-lists', file: 'unrelated-nhs.html', scanned: true },
  uncovered: { url: 'https://www.example.org/article', file: 'mou-article.html', scanned: false },
} as const;
export type UiPage = keyof typeof PAGES;
export const UI_PAGES = Object.keys(PAGES) as UiPage[];

/** The popup's width in the toolbar (see base.css) and the height browsers allow it. */
export const POPUP_VIEWPORT = { width: 420, height: 600 };

export async function startUiFixtureServer(): Promise<FixtureServer> {
  const server = await startFixtureServer();
  for (const { url, file } of Object.values(PAGES)) {
    server.route(new URL(url).pathname, fixture(file));
  }
  return server;
}

export interface OpenTab {
  page: Page;
  tabId: number;
}

/** Opens one of the pages in a tab and, where the content script runs, waits for its report. */
export async function openTab(browser: ExtensionBrowser, which: UiPage): Promise<OpenTab> {
  const page = await browser.context.newPage();
  await page.goto(PAGES[which].url);
  const tabId = await tabIdOf(browser, page);
  if (PAGES[which].scanned) await waitForReport(browser, tabId);
  return { page, tabId };
}

/** The popup for a tab, opened as a page of the popup's size, once it shows a state. */
export async function openPopup(browser: ExtensionBrowser, tabId: number, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await prepare?.(popup);
  await popup.goto(popupUrl(browser, tabId));
  await popup.waitForSelector('main section');
  return popup;
}
