/**
 * A page that keeps growing, as a live blog does: paragraphs appended in batches after the page
 * was read. What each batch costs the content script should follow what was added, not the page.
 */
import { tabIdOf } from '../test/e2e/harness';
import { storedReport, type Variant } from './browsers';
import { FillerText, RELEVANT_PARAGRAPHS } from './pages';
import { startRecording, type LoadCost } from './recording';

export interface BatchCost extends LoadCost {
  /** Characters of text the batch added. */
  addedChars: number;
}

/** `count` paragraphs of filler, one of them about NHS data, as HTML with a link in each. */
function batchHtml(filler: FillerText, count: number, batch: number): { html: string[]; chars: number } {
  const texts = Array.from({ length: count }, (_, i) => (i === 0 ? RELEVANT_PARAGRAPHS[batch % RELEVANT_PARAGRAPHS.length]! : filler.paragraph()));
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
    await page.goto(url);
    let chars = (await storedReport(extension, tabId)).chars;
    const costs: BatchCost[] = [];
    for (let batch = 0; batch < batches; batch++) {
      const { html, chars: addedChars } = batchHtml(filler, perBatch, batch);
      const cdp = await ours.browser.context.newCDPSession(page);
      const recorder = await startRecording(cdp);
      await page.evaluate((items) => {
        const main = document.querySelector('main')!;
        for (const item of items) main.insertAdjacentHTML('beforeend', item);
      }, html);
      chars = (await storedReport(extension, tabId, (report) => report.chars > chars)).chars;
      costs.push({ ...(await recorder.stop()), addedChars });
      await cdp.detach();
    }
    return costs;
  } finally {
    await page.close();
  }
}
