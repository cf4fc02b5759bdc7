/**
 * A saved page's readable text for the scan command: the same extraction the content script
 * uses, run over a DOM parsed without scripts or network, minus navigation, asides and footers.
 */
import { Window } from 'happy-dom';
import { blocksFromPlainText, cutIntoPieces } from '../detect/blocks';
import type { TextBlock } from '../detect/types';
import { articleDate } from '../page/article-date';
import { extractPassages } from '../page/extract';
import { isPeripheral } from '../page/placement';
import { NO_YIELD } from '../page/slices';

export interface ReadableText {
  text: string;
  blocks: TextBlock[];
  truncated: boolean;
  /** When the page says it was published (YYYY-MM-DD), for "last year" in its claims. */
  articleDate?: string;
}

/** Same cap as a page in the browser: a researcher's scan and the extension agree. */
const MAX_CHARS = 6_000_000;
const SEPARATOR = '\n\n';

export async function readableTextOfHtml(html: string): Promise<ReadableText> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const body = document.body as unknown as Element;
    const budget = { remaining: MAX_CHARS, truncated: false };
    const passages = await extractPassages(body, budget, NO_YIELD);
    const parts: string[] = [];
    const blocks: TextBlock[] = [];
    let length = 0;
    for (const passage of passages) {
      if (isPeripheral(passage.element)) continue;
      if (parts.length > 0) {
        parts.push(SEPARATOR);
        length += SEPARATOR.length;
      }
      // Cut where the content script cuts it, so that both find the same.
      blocks.push(...cutIntoPieces({ start: length, end: length + passage.text.length, role: 'main' }, passage.text));
      parts.push(passage.text);
      length += passage.text.length;
    }
    const published = articleDate(document as unknown as Document);
    return { text: parts.join(''), blocks, truncated: budget.truncated, ...(published ? { articleDate: published } : {}) };
  } finally {
    await window.happyDOM.close();
  }
}

export function readableTextOfPlainText(text: string): ReadableText {
  const truncated = text.length > MAX_CHARS;
  const kept = truncated ? text.slice(0, MAX_CHARS) : text;
  const blocks = blocksFromPlainText(kept).flatMap((block) => cutIntoPieces(block, kept.slice(block.start, block.end)));
  return { text: kept, blocks, truncated };
}
