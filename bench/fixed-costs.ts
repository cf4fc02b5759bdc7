/**
 * The content script's costs that do not grow with the page: the parts of its start timed inside
 * a page (bench/probe.ts, bundled here), and sending its report to the background.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import raw from '../src/data/dataset.json';
import { parseDataset } from '../src/data/schema';
import { lexiconData } from '../src/detect/lexicon';
import type { PageReport, PageReportMessage } from '../src/messages';
import { EXTENSION_NAME, HOST, evaluateInWorld, type Variant } from './browsers';
import { BUILT_GATE } from './extensions';
import type { ProbeTimes } from './probe';

const dataset = parseDataset(raw);

/** bench/probe.ts as one script that defines `benchProbe` in the page. */
async function bundleProbe(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: fileURLToPath(new URL('./probe.ts', import.meta.url)), formats: ['iife'], name: 'benchProbe' },
    },
  });
  const [output] = Array.isArray(result) ? result : [result as Rolldown.RolldownOutput];
  return output!.output[0].code;
}

/** Each run in a fresh tab of a browser without the extension, so nothing is compiled yet. */
export async function timeStartParts(variant: Variant, url: string, runs: number): Promise<ProbeTimes[]> {
  const code = await bundleProbe();
  const lexicon = lexiconData(dataset.topics);
  const sample = "NHS Digital passed patients' addresses to the Home Office.";
  const times: ProbeTimes[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await variant.browser.context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: code });
    times.push(
      await page.evaluate(
        ([t, g, s]) => (window as unknown as { benchProbe: typeof import('./probe') }).benchProbe.timeStartParts(t, g, s),
        [lexicon, BUILT_GATE, sample] as const,
      ),
    );
    await page.close();
  }
  return times;
}

export interface MessageTimes {
  /** The synchronous part of `runtime.sendMessage` on the page's main thread, ms. */
  call: number;
  /** Until the background's reply is back, ms. */
  roundTrip: number;
}

/**
 * The message the content script sends with a report: the report and what the claims check
 * reads, here the flagged passages themselves (the content script adds their neighbours).
 */
function reportMessage(report: PageReport): PageReportMessage {
  let offset = 0;
  const blocks = report.mentions.map(({ passage }) => {
    const block = { start: offset, end: offset + passage.length };
    offset = block.end + 2;
    return block;
  });
  const passages = report.mentions.map(({ topic }, block) => ({ topic, block }));
  return { ...report, context: { text: report.mentions.map((m) => m.passage).join('\n\n'), blocks, passages } };
}

/**
 * Sends a page report to the background from the content script's own world, as the content
 * script does: the first message from a page, then a second one; each run in a fresh tab. Uses
 * the variant whose content script is loaded but not started, so the page has sent nothing yet.
 */
export async function timeMessages(variant: Variant, url: string, report: PageReport, runs: number): Promise<{ first: MessageTimes; second: MessageTimes }[]> {
  const expression = `(async () => {
    const { runtime } = globalThis.browser ?? globalThis.chrome;
    const message = { type: 'page-report', payload: ${JSON.stringify(reportMessage(report))} };
    const times = [];
    for (let i = 0; i < 2; i++) {
      const start = performance.now();
      const reply = runtime.sendMessage(message);
      const call = performance.now() - start;
      await reply;
      times.push({ call, roundTrip: performance.now() - start });
    }
    return { first: times[0], second: times[1] };
  })()`;
  const times = [];
  for (let run = 0; run < runs; run++) {
    const page = await variant.browser.context.newPage();
    await page.goto(url);
    times.push((await evaluateInWorld(page, EXTENSION_NAME, expression)) as { first: MessageTimes; second: MessageTimes });
    await page.close();
  }
  return times;
}

export const BLANK_PATH = '/blank';
export const blankUrl = `https://${HOST}${BLANK_PATH}`;
