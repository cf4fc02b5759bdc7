/**
 * `npm run bench`: measures the built extension (run `npm run build` first) in headless Chromium
 * against a floor extension and against no extension, then the detector alone in Node, and
 * writes bench/results.md. It reports numbers; it never fails on them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD, startFixtureServer, tabIdOf, type FixtureServer } from '../test/e2e/harness';
import { HOST, launchVariant, measureLoad, nextReport, observeLongTasks, watchScanFailures, type LoadResult, type Variant, type VariantName } from './browsers';
import { timeDetector } from './detector';
import { compareBuilds } from './compare';
import { appendInBatches } from './dynamic';
import { writeBenchExtensions } from './extensions';
import { BLANK_PATH, blankUrl, timeMessages, timeStartParts } from './fixed-costs';
import { articlePage, hostilePages } from './pages';
import { popupFirstContent } from './popup';
import { median, renderResults, type BenchPage, type Results } from './report';

/**
 * `npm run bench -- --quick`: page loads only, fewer runs, a summary on standard output and
 * bench/results.md left alone. For trying a change; the full run is the one to report.
 */
const QUICK = process.argv.includes('--quick');
/** `npm run bench -- --compare <dir>`: this build against the one in <dir> (`bench/compare.ts`). */
const COMPARE_AT = process.argv.indexOf('--compare');
const COMPARE = COMPARE_AT < 0 ? undefined : (process.argv[COMPARE_AT + 1] ?? '');
const RUNS = QUICK ? 5 : 9;
const SIZES = [
  { label: '50 KB', chars: 50_000 },
  { label: '1 MB', chars: 1_000_000 },
  { label: '5 MB', chars: 5_000_000 },
];
/** Hostile pages take seconds to build and load: fewer runs. */
const HOSTILE_RUNS = QUICK ? 2 : 3;
const DYNAMIC = { batches: 20, perBatch: 50 };
const DETECTOR_MB = [1, 10, 50];
/** The whole bench takes about twenty minutes on two cores; past this something is stuck. */
const DEADLINE_MS = 40 * 60_000;

const CONTENT_SCRIPT = join(CHROME_BUILD, 'src/content.js');
const log = (message: string) => console.error(`bench: ${message}`);

function servePages(server: FixtureServer): BenchPage[] {
  server.route(BLANK_PATH, '<!doctype html><title>blank</title>');
  return SIZES.flatMap(({ label, chars }) =>
    [false, true].map((mentions) => {
      const path = `/bench/${chars}${mentions ? '-mentions' : ''}`;
      const page = articlePage(chars, mentions);
      server.route(path, page.html);
      return { label: `${label}${mentions ? ', with mentions' : ''}`, size: label, path, chars: page.chars, mentions };
    }),
  );
}

function serveHostilePages(server: FixtureServer): BenchPage[] {
  return hostilePages().map(({ label, slug, html, chars }) => {
    const path = `/bench/hostile/${slug}`;
    server.route(path, html);
    return { label, size: 'hostile', path, chars, mentions: true };
  });
}

const urlOf = (page: BenchPage) => `https://${HOST}${page.path}`;

async function main(): Promise<void> {
  if (!existsSync(CONTENT_SCRIPT)) {
    log(`${CONTENT_SCRIPT} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  if (COMPARE !== undefined && !existsSync(join(COMPARE, 'src/content.js'))) {
    log(`--compare needs a built extension's folder (one holding src/content.js), not ${COMPARE || 'nothing'}.`);
    process.exit(1);
  }
  setTimeout(() => {
    log('stopped: over the time limit');
    process.exit(1);
  }, DEADLINE_MS).unref();
  const started = performance.now();
  const [loadAverage] = loadavg();
  const server = await startFixtureServer();
  if (COMPARE !== undefined) {
    try {
      await compareBuilds(server, [...servePages(server), ...serveHostilePages(server)], COMPARE, RUNS);
    } finally {
      await server.close();
    }
    return;
  }
  const extensions = writeBenchExtensions();
  const variants = new Map<VariantName, Variant>();
  try {
    const pages = servePages(server);
    const hostile = serveHostilePages(server);
    for (const name of ['none', 'floor', 'marking', 'loaded', 'ours'] as const) {
      const variant = await launchVariant(name, server, extensions);
      await observeLongTasks(variant);
      variants.set(name, variant);
    }
    const variant = (name: VariantName) => variants.get(name)!;
    // Fixed costs and the popup are looked at on the smallest pages, where they weigh most.
    const smallPages = pages.filter((page) => page.size === SIZES[0]!.label);
    const fixedPage = smallPages.find((page) => page.mentions)!;

    // Runs go round the pages and variants, so that a slow spell on the machine hits them all.
    const loads = new Map([...pages, ...hostile].map((page) => [page.path, new Map<VariantName, LoadResult[]>()]));
    const measure = async (page: BenchPage, name: VariantName) => {
      const byVariant = loads.get(page.path)!;
      byVariant.set(name, [...(byVariant.get(name) ?? []), await measureLoad(variant(name), urlOf(page))]);
    };
    for (let run = 1; run <= RUNS; run++) {
      log(`page loads, run ${run} of ${RUNS}`);
      for (const page of pages) {
        const names: VariantName[] = ['none', 'floor', 'marking', 'ours', ...(page === fixedPage ? (['loaded'] as const) : [])];
        for (const name of names) await measure(page, name);
      }
    }

    for (let run = 1; run <= HOSTILE_RUNS; run++) {
      log(`hostile pages, run ${run} of ${HOSTILE_RUNS}`);
      for (const page of hostile) {
        for (const name of ['none', 'floor', 'ours'] as const) await measure(page, name);
      }
    }

    if (QUICK) {
      printSummary([...pages, ...hostile], loads);
      return;
    }

    log('fixed costs');
    const startParts = await timeStartParts(variant('none'), blankUrl, RUNS);
    const reportPage = await variant('ours').browser.context.newPage();
    const reportTab = await tabIdOf(variant('ours').extension!, reportPage);
    const failures = watchScanFailures(reportPage);
    await reportPage.goto(urlOf(fixedPage));
    const report = await nextReport(variant('ours').extension!, reportTab, failures);
    await reportPage.close();
    if (!report) throw new Error(`No report on the ${fixedPage.label} page`);
    const messages = await timeMessages(variant('loaded'), urlOf(fixedPage), report, RUNS);

    const dynamic = [];
    for (const page of pages.filter((p) => !p.mentions)) {
      log(`appending to the ${page.label} page`);
      dynamic.push({ page, batches: await appendInBatches(variant('ours'), urlOf(page), DYNAMIC.batches, DYNAMIC.perBatch) });
    }

    log('popup');
    const popup = [];
    for (const page of smallPages) {
      popup.push({ page, times: await popupFirstContent(variant('ours'), urlOf(page), RUNS) });
    }

    const cdp = await variant('none').browser.context.newCDPSession(await variant('none').browser.context.newPage());
    const { product } = await cdp.send('Browser.getVersion');
    for (const v of variants.values()) await v.browser.close();
    variants.clear();

    log('the detector in Node');
    const detector = timeDetector(DETECTOR_MB, RUNS);

    const script = readFileSync(CONTENT_SCRIPT);
    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      chromium: product.replace(/^[^/]*\//, ''),
      node: process.version,
      cores: cpus().length,
      loadAverage: loadAverage!,
      runs: RUNS,
      pages,
      hostile,
      loads,
      fixedPage,
      startParts,
      messages,
      dynamic,
      popup,
      size: { raw: script.length, gzip: gzipSync(script, { level: 9 }).length },
      detector,
      seconds: (performance.now() - started) / 1000,
    };
    const out = new URL('./results.md', import.meta.url);
    writeFileSync(out, renderResults(results));
    log(`wrote ${out.pathname}`);
  } finally {
    for (const v of variants.values()) await v.browser.close();
    extensions.remove();
    await server.close();
  }
}

/** Medians of script time per page: no extension, the floor, this extension, and the ratio. */
function printSummary(pages: readonly BenchPage[], loads: Results['loads']): void {
  const of = (page: BenchPage, name: VariantName, pick: (load: LoadResult) => number) => median((loads.get(page.path)?.get(name) ?? []).map(pick));
  for (const page of pages) {
    const floor = of(page, 'floor', (load) => load.scriptTasks);
    const ours = of(page, 'ours', (load) => load.scriptTasks);
    // Not loaded on hostile pages.
    const marking = of(page, 'marking', (load) => load.scriptTasks);
    const longest = of(page, 'ours', (load) => load.longestScriptTask);
    const gc = of(page, 'ours', (load) => load.longestScriptTaskGc);
    const found = of(page, 'ours', (load) => load.flagged ?? -1);
    console.log(`${page.label.padEnd(22)} floor ${floor.toFixed(2).padStart(7)} ms  ${Number.isNaN(marking) ? '' : `marking floor ${marking.toFixed(2).padStart(7)} ms  `}ours ${ours.toFixed(2).padStart(7)} ms  ${(ours / floor).toFixed(2).padStart(5)}×  longest ${longest.toFixed(1).padStart(5)} ms (GC ${gc.toFixed(1)})  found ${found}`);
  }
}

await main();
