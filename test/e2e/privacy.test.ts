import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  fixture,
  CHROME_BUILD,
  launchChromium,
  launchWithExtension,
  popupUrl,
  startFixtureServer,
  startLoggingProxy,
  tabIdOf,
  waitFor,
  type FixtureServer,
  type LaunchedBrowser,
  type LoggingProxy,
} from './harness';

const PAGES = ['https://www.theguardian.com/news/health-data-row', 'https://www.bbc.co.uk/news/waiting-lists'];

describe('privacy: the extension makes no requests of its own', () => {
  let server: FixtureServer;
  // The baseline loads an extension that does nothing: Chromium makes update checks for any
  // loaded extension, and those are the browser's requests, not ours.
  const emptyExtension = mkdtempSync(join(tmpdir(), 'pdc-empty-'));
  writeFileSync(join(emptyExtension, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Empty', version: '1.0' }));

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/news/health-data-row', fixture('mou-article.html'));
    server.route('/news/waiting-lists', fixture('unrelated-nhs.html'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(emptyExtension, { recursive: true, force: true });
  });

  /** Browses the fixture pages behind a logging proxy; `extra` runs with each page open. */
  async function browse(launch: (proxy: LoggingProxy) => Promise<LaunchedBrowser>, extra?: (browser: LaunchedBrowser, url: string) => Promise<void>): Promise<string[]> {
    const proxy = await startLoggingProxy(server);
    const browser = await launch(proxy);
    try {
      for (const url of PAGES) {
        const page = await browser.context.newPage();
        await page.goto(url);
        await extra?.(browser, url);
        await page.waitForTimeout(500);
        await page.close();
      }
      return [...new Set(proxy.log)].sort();
    } finally {
      await browser.close();
      await proxy.close();
    }
  }

  it('sends nothing beyond what the browser sends without it, even with its popup open', async () => {
    const baseline = await browse((proxy) => launchChromium(server, [], { extensionDir: emptyExtension, proxy }));
    let popupsOpened = 0;
    const withExtension = await browse(
      (proxy) => launchWithExtension(server, [], { proxy }),
      async (browser, url) => {
        const extension = browser as Awaited<ReturnType<typeof launchWithExtension>>;
        const page = extension.context.pages().find((p) => p.url() === url)!;
        const tabId = await tabIdOf(extension, page);
        if (url.includes('health-data-row')) await waitFor(() => badgeText(extension, tabId), (text) => text !== '');
        const popup = await extension.context.newPage();
        await popup.goto(popupUrl(extension, tabId));
        await popup.waitForSelector('main section');
        popupsOpened++;
        await popup.close();
      },
    );
    expect(popupsOpened).toBe(PAGES.length);
    // The pages themselves went through the proxy, so it saw the traffic there was.
    expect(baseline).toEqual(expect.arrayContaining(['CONNECT www.theguardian.com:443', 'CONNECT www.bbc.co.uk:443']));
    // Compared by host and path: the browser's own update checks carry a fresh key each time.
    const key = (entry: string) => entry.split('?')[0]!;
    const baselineKeys = new Set(baseline.map(key));
    expect(withExtension.map(key).filter((entry) => !baselineKeys.has(entry))).toEqual([]);
  });
});

describe('privacy: nothing for a page to probe', () => {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('exposes no web-accessible resources', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('asks only for storage, activeTab, scripting and contextMenus; all sites only as an optional permission', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(scripts.flatMap((s) => s.matches).every((m) => m.startsWith('https://') && !m.startsWith('https://*/'))).toBe(true);
  });
});
