/**
 * The browsers the bench drives, one per extension variant, and one measured page load.
 * Pages are served by the test harness's fixture server under a real news hostname.
 */
/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { PageReport } from '../src/messages';
import {
  launchChromium,
  launchWithExtension,
  tabIdOf,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
  type LaunchedBrowser,
} from '../test/e2e/harness';
import { FLOOR_NAME, MARKING_FLOOR_NAME, type BenchExtensions } from './extensions';
import { startRecording, type LoadCost } from './recording';

export const HOST = 'www.theguardian.com';
/** The name of this extension's isolated world on a page (its manifest name). */
export const EXTENSION_NAME = 'Patient Data Context';
/** Quiet time after the content script is done, so that nothing it started is left out. */
const SETTLE_MS = 300;
const STEP_TIMEOUT_MS = 60_000;

export type VariantName = 'none' | 'floor' | 'marking' | 'ours' | 'loaded';

export interface Variant {
  name: VariantName;
  browser: LaunchedBrowser;
  /** Set for this extension (the built one, with its service worker). */
  extension?: ExtensionBrowser;
}

/** This extension: the build in dist/chrome, or the one in `extensionDir`. */
export async function launchOurs(server: FixtureServer, extensionDir?: string): Promise<Variant> {
  const extension = await launchWithExtension(server, [HOST], { extensionDir });
  return { name: 'ours', browser: extension, extension };
}

export async function launchVariant(name: VariantName, server: FixtureServer, extensions: BenchExtensions): Promise<Variant> {
  if (name === 'ours') return launchOurs(server);
  const dir = { none: null, floor: extensions.floor, marking: extensions.markingFloor, loaded: extensions.loadedOnly }[name];
  const browser = await launchChromium(server, [HOST], { extensionDir: dir });
  return { name, browser };
}

/** Registers, before the page's first script, an observer that keeps the longest task (≥ 50 ms). */
export async function observeLongTasks(variant: Variant): Promise<void> {
  await variant.browser.context.addInitScript(() => {
    const scope = window as unknown as { benchLongestTask: number };
    scope.benchLongestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) scope.benchLongestTask = Math.max(scope.benchLongestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** How many times this extension's content script said on the page's console that a scan failed. */
export interface ScanFailures {
  count: number;
}

/** Starts counting the content script's "scan failed" messages (a report the background refused, say). */
export function watchScanFailures(page: Page): ScanFailures {
  const failures = { count: 0 };
  page.on('console', (message) => {
    if (message.text().startsWith(`${EXTENSION_NAME}: scan failed`)) failures.count++;
  });
  return failures;
}

/**
 * The next report this extension stores for a tab that `accept`s, or null if the content script
 * says its scan failed first: either way, the content script is done.
 */
export async function nextReport(
  extension: ExtensionBrowser,
  tabId: number,
  failures: ScanFailures,
  accept: (report: PageReport) => boolean = () => true,
): Promise<PageReport | null> {
  const key = `tab:${tabId}`;
  const before = failures.count;
  const read = async () => {
    if (failures.count > before) return null;
    const stored = await extension.worker.evaluate((k) => chrome.storage.session.get(k), key);
    return (stored[key] as { report: PageReport } | undefined)?.report;
  };
  return (await waitFor(read, (report) => report === null || (report !== undefined && accept(report)), STEP_TIMEOUT_MS))!;
}

/**
 * Evaluates `expression` in an extension's isolated world on the page (found by its name, the
 * extension's name) until it gives a value, and returns it. Promises are awaited.
 */
export async function evaluateInWorld(page: Page, worldName: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  try {
    return await waitFor(
      async () => {
        const world = contexts.find((context) => context.name === worldName);
        if (!world) return undefined;
        const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
        return result.value as unknown;
      },
      (value) => value !== undefined,
      STEP_TIMEOUT_MS,
    );
  } finally {
    await cdp.detach();
  }
}

export interface LoadResult extends LoadCost {
  /** The page's longest task seen by the long-task observer (0 when none reached 50 ms). */
  longestPageTask: number;
  /** Passages this extension flagged; null when the scan failed or its report was refused; undefined for the others. */
  flagged?: number | null;
}

/**
 * The world each of the bench's own variants runs its script in, and the global it sets there
 * when done: reading it does not touch the page.
 */
const DONE_IN_WORLD: Record<'floor' | 'marking' | 'loaded', [world: string, global: string]> = {
  floor: [FLOOR_NAME, 'globalThis.benchFloorChars'],
  marking: [MARKING_FLOOR_NAME, 'globalThis.benchFloorChars'],
  loaded: [EXTENSION_NAME, 'globalThis.pdcContentLoaded'],
};

/** Opens `url` in a new tab, waits until the variant's content script is done, and records what it cost. */
export async function measureLoad(variant: Variant, url: string): Promise<LoadResult> {
  const page = await variant.browser.context.newPage();
  try {
    const tabId = variant.extension ? await tabIdOf(variant.extension, page) : undefined;
    const failures = watchScanFailures(page);
    const cdp = await variant.browser.context.newCDPSession(page);
    const recorder = await startRecording(cdp);
    await page.goto(url, { timeout: STEP_TIMEOUT_MS });
    let flagged: number | null | undefined;
    if (variant.name === 'ours') flagged = (await nextReport(variant.extension!, tabId!, failures))?.flagged ?? null;
    else if (variant.name !== 'none') await evaluateInWorld(page, ...DONE_IN_WORLD[variant.name]);
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    const cost = await recorder.stop();
    const longestPageTask = await page.evaluate(() => (window as unknown as { benchLongestTask: number }).benchLongestTask);
    return { ...cost, longestPageTask, flagged };
  } finally {
    await page.close();
  }
}
