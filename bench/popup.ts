/**
 * The popup's time to first content: from the start of its navigation until the first section
 * (the results, or "nothing found") is in its document.
 */
import { popupUrl, tabIdOf } from '../test/e2e/harness';
import { nextReport, watchScanFailures, type Variant } from './browsers';

export async function popupFirstContent(ours: Variant, articleUrl: string, runs: number): Promise<number[]> {
  const extension = ours.extension!;
  const article = await ours.browser.context.newPage();
  try {
    const tabId = await tabIdOf(extension, article);
    const failures = watchScanFailures(article);
    await article.goto(articleUrl);
    await nextReport(extension, tabId, failures);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const popup = await ours.browser.context.newPage();
      await popup.addInitScript(() => {
        const scope = window as unknown as { benchFirstSection?: number };
        new MutationObserver((_, observer) => {
          if (!document.querySelector('main section')) return;
          scope.benchFirstSection = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await popup.goto(popupUrl(extension, tabId));
      const handle = await popup.waitForFunction(() => (window as unknown as { benchFirstSection?: number }).benchFirstSection);
      times.push((await handle.jsonValue()) as number);
      await popup.close();
    }
    return times;
  } finally {
    await article.close();
  }
}
