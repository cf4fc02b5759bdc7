/**
 * A page that keeps growing, as a live blog does: paragraphs appended in batches after the page
 * was read. What each batch costs the content script should follow what was added, not the page.
 */
import { tabIdOf } from '../test/e2e/harness';
import { nextReport, watchScanFailures, type Variant } from './browsers';
import { FillerText, RELEVANT_PARAGRAPHS } from './pages';
import { startRecording, type LoadCost } from './recording';

export interface BatchCost extends LoadCost {
  /** Characters of text the batch added. */
  addedChars: number;
  /** False when the background refused the report that followed the batch. */
  reported: boolean;
}

/**
 * `count` paragraphs of filler, the first about the Home Office agreement, as HTML with a link in
 * each. Always the same topic, so that flagged passages grow by one a batch whatever the page.
 */
function batchHtml(filler: FillerText, count: number, batch: number): { html: string[]; chars: number } {
  const texts = Array.from({ length: count }, (_, i) => (i === 0 ? RELEVANT_PARAGRAPHS[0]! : filler.paragraph()));
  const html = texts.map((text, i) => {
    const [first, ...rest] = text.split(' ');
    return `<p><a href="/live/${batch}/${i}">${first}</a> ${rest.join(' ')}</p>`;
  });
  return { html, chars: texts.reduce((sum, text) => sum + text.length, 0) };
}

/**
 * Opens the page with this extension, then appends `batches` × `perBatch` paragraphs at the end of
 * its main column, one batch at a time, waiting each time until the extension has reported it.
 */
export async function appendInBatches(ours: Variant, url: string, batches: number, perBatch: number): Promise<BatchCost[]> {
  const extension = ours.extension!;
  const page = await ours.browser.context.newPage();
  const filler = new FillerText(batches * perBatch);
  try {
    const tabId = await tabIdOf(extension, page);
    const failures = watchScanFailures(page);
    await page.goto(url);
    // A refused report leaves nothing to compare with: any report with text then counts.
    let chars = (await nextReport(extension, tabId, failures))?.chars ?? 0;
    const costs: BatchCost[] = [];
    for (let batch = 0; batch < batches; batch++) {
      const { html, chars: addedChars } = batchHtml(filler, perBatch, batch);
      const cdp = await ours.browser.context.newCDPSession(page);
      const recorder = await startRecording(cdp);
      await page.evaluate((items) => {
        const main = document.querySelector('main')!;
        for (const item of items) main.insertAdjacentHTML('beforeend', item);
      }, html);
      const report = await nextReport(extension, tabId, failures, (r) => r.chars > chars);
      if (report) chars = report.chars;
      costs.push({ ...(await recorder.stop()), addedChars, reported: report !== null });
      await cdp.detach();
    }
    return costs;
  } finally {
    await page.close();
  }
}
