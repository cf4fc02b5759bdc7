/**
 * The Firefox build in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
 *
 * Firefox is kept offline: with MOZ_DISABLE_NONLOCAL_CONNECTIONS any non-local connection aborts
 * it, so the fixture pages are served from 127.0.0.1, and the extension is built for this test with
 * 127.0.0.1 added to its content-script hosts (PDC_TEST_HOSTS; a shipped build never has it).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../build';
import { fixture, startFixtureServer, waitFor, type FixtureServer } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const missing = !existsSync(FIREFOX);
if (missing) console.warn(`Skipping the Firefox tests: ${FIREFOX} is not installed (apt-get install firefox-esr; .ci/run does it).`);

/** An extension page's globals: Firefox gives its pages the WebExtension API as `browser`. */
type ExtensionPageGlobals = typeof globalThis & { browser: WebExtensionApi };

// Firefox can be slow to start while other tests run on the same two cores.
const PATIENCE_MS = 30_000;

describe.skipIf(missing)('the Firefox build in Firefox ESR', () => {
  const uuid = randomUUID();
  let buildDir: string;
  let popupPath: string;
  let server: FixtureServer;
  let firefox: Browser;

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'pdc-firefox-build-'));
    await buildExtension('firefox', buildDir, { PDC_TEST_HOSTS: '127.0.0.1' });
    const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
    popupPath = manifest.action.default_popup;

    server = await startFixtureServer();
    server.route('/news/health-data-row', fixture('mou-article.html'));
    server.route('/news/waiting-lists', fixture('unrelated-nhs.html'));

    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true, // the fixture server's certificate is self-signed
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // A fixed UUID gives the extension's pages a known moz-extension:// address.
        'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
      },
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    await firefox.installExtension(buildDir);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  /** Opens one of the extension's pages. */
  async function openExtensionPage(query = ''): Promise<Page> {
    const url = `moz-extension://${uuid}/${popupPath}${query}`;
    const page = await firefox.newPage();
    // `goto` never settles for a moz-extension:// address although the page loads: poll instead.
    page.goto(url).catch(() => undefined);
    await waitFor(
      () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''),
      (state) => state === `${url} complete`,
      PATIENCE_MS,
    );
    return page;
  }

  /** The tab showing `path` on the fixture server, and its badge, as the extension sees them. */
  function tabAt(extensionPage: Page, path: string): Promise<{ id: number; badge: string } | undefined> {
    return extensionPage.evaluate(async (url) => {
      const { browser } = globalThis as ExtensionPageGlobals;
      const [tab] = await browser.tabs.query({ url });
      return tab?.id === undefined ? undefined : { id: tab.id, badge: await browser.action.getBadgeText({ tabId: tab.id }) };
    }, `https://127.0.0.1${path}`); // a match pattern: no port
  }

  const mainText = (page: Page) => page.evaluate(() => document.querySelector('main')?.textContent ?? '');

  it('flags the page about the tracing agreement, not the unrelated one, and the popup shows the passages', async () => {
    const article = await firefox.newPage();
    await article.goto(`https://127.0.0.1:${server.port}/news/health-data-row`);
    const unrelated = await firefox.newPage();
    await unrelated.goto(`https://127.0.0.1:${server.port}/news/waiting-lists`);

    const control = await openExtensionPage();
    const flagged = await waitFor(() => tabAt(control, '/news/health-data-row'), (tab) => Boolean(tab?.badge), PATIENCE_MS);
    const other = await tabAt(control, '/news/waiting-lists');
    expect(other).toBeDefined();
    await control.close();

    // The content script reports even when it finds nothing, so the popup can say so.
    const quiet = await openExtensionPage(`?tab=${other!.id}`);
    await waitFor(() => mainText(quiet), (text) => text.includes('Nothing found on this page'), PATIENCE_MS);
    expect((await tabAt(quiet, '/news/waiting-lists'))?.badge).toBe('');
    await quiet.close();

    const popup = await openExtensionPage(`?tab=${flagged!.id}`);
    await waitFor(() => mainText(popup), (text) => text.includes('handed patients'), PATIENCE_MS);
    const passages = await popup.$$eval('[data-topic="home-office-mou"] .passages blockquote', (quotes) => quotes.map((q) => q.textContent ?? ''));
    expect(passages.length).toBe(Number(flagged!.badge));
    expect(passages.some((p) => p.startsWith('The arrangement rested on a memorandum'))).toBe(true);
    expect(await mainText(popup)).not.toContain('waiting times');

    // Firefox for Android shows the popup as a page on a phone: nothing may run off its side.
    await popup.setViewport({ width: 360, height: 640 });
    const width = await popup.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await popup.close();
    await article.close();
    await unrelated.close();
  });
});
