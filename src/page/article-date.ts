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
  // One walk of the document for all the selectors (each alone walks a page that has none),
  // then the first that gives a day, in the selectors' order.
  const found = [...document.querySelectorAll(SELECTORS.join(','))];
  for (const selector of SELECTORS) {
    for (const element of found) {
      if (!element.matches(selector)) continue;
      const value = (element.getAttribute('content') ?? element.getAttribute('datetime') ?? '').trim().slice(0, 10);
      if (DAY.test(value)) return value;
    }
  }
  return undefined;
}
