/**
 * When a news page says it was published, from the metadata publishers put in the page head.
 * The claims check needs it to read "last year" and "this year".
 */
const SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'time[itemprop="datePublished"]',
];

/** A day written YYYY-MM-DD; the claims check validates it fully (the content script stays free of the schema). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The page's publication day as YYYY-MM-DD, or undefined when it does not say. */
export function articleDate(document: Document): string | undefined {
  for (const selector of SELECTORS) {
    const element = document.querySelector(selector);
    const value = (element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? '').trim().slice(0, 10);
    if (DAY.test(value)) return value;
  }
  return undefined;
}
