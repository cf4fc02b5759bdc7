/// <reference types="chrome" />
/**
 * Drives Debian's Chromium with the built extension loaded, against pages served from this
 * machine under real news hostnames (so the content script declared for them runs).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, 'dist/chrome');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TLS = join(ROOT, 'test/fixtures/tls');

/** A page written for the tests, from test/fixtures/pages. */
export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test/fixtures/pages', name), 'utf8');
}

export interface FixtureServer {
  port: number;
  /** Every request the server saw, as "host path". */
  requests: string[];
  /** Serves `html` at `path` from now on. */
  route(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer(
    { key: readFileSync(join(TLS, 'key.pem')), cert: readFileSync(join(TLS, 'cert.pem')) },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push(`${req.headers.host ?? ''} ${path}`);
      const body = routes.get(path);
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    route: (path, html) => void routes.set(path, html),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface LoggingProxy {
  port: number;
  /** Every host the browser asked the proxy for, as "CONNECT host:port" or "GET url". */
  log: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that sends every HTTPS connection, whatever its host, to the fixture server and
 * logs what was asked for, so a test can see every request a browser makes.
 */
export async function startLoggingProxy(server: FixtureServer): Promise<LoggingProxy> {
  const log: string[] = [];
  const proxy = createHttpServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, client, head) => {
    log.push(`CONNECT ${req.url}`);
    const upstream = connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    port: (proxy.address() as AddressInfo).port,
    log,
    close: () => new Promise((done) => {
      proxy.closeAllConnections?.();
      proxy.close(() => done());
    }),
  };
}

export interface LaunchOptions {
  /** The unpacked extension to load (the built one unless given); null for none. */
  extensionDir?: string | null;
  /** Send all traffic through this proxy instead of mapping hostnames. */
  proxy?: LoggingProxy;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends LaunchedBrowser {
  worker: Worker;
  extensionId: string;
}

/** Headless Chromium, resolving the given hostnames to the fixture server (or all through a proxy). */
export async function launchChromium(server: FixtureServer, hosts: string[], options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extensionDir = options.extensionDir === undefined ? CHROME_BUILD : options.extensionDir;
  const profile = mkdtempSync(join(tmpdir(), 'pdc-profile-'));
  const routing = options.proxy
    ? [`--proxy-server=http://127.0.0.1:${options.proxy.port}`, '--proxy-bypass-list=<-loopback>']
    : [`--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`).join(', ')}, EXCLUDE localhost`];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
      ...routing,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium with the built extension loaded, and its service worker at hand. */
export async function launchWithExtension(server: FixtureServer, hosts: string[], options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launchChromium(server, hosts, options);
  const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  return { ...browser, worker, extensionId: new URL(worker.url()).host };
}

/** The tab id of a page: bring it to the front and ask the extension for the active tab. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

export async function badgeText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Polls until `read` returns a value that `done` accepts, or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Waits until the extension has reported on the tab (the popup then has something to show). */
export async function waitForReport(browser: ExtensionBrowser, tabId: number): Promise<void> {
  await waitFor(
    () => browser.worker.evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId),
    (stored) => `tab:${tabId}` in stored,
  );
}

export function popupUrl(browser: ExtensionBrowser, tabId: number): string {
  return `chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`;
}

export function optionsUrl(browser: ExtensionBrowser): string {
  return `chrome-extension://${browser.extensionId}/src/options/index.html`;
}
