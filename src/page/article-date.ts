/**
 * When a news page says it was published, from the metadata publishers put in the page head.
 * The claims check needs it to read "last year" and "this year".
 */
import { isFullDate } from '../data/schema';

const SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'time[itemprop="datePublished"]',
];

/** The page's publication day as YYYY-MM-DD, or undefined when it does not say. */
export function articleDate(document: Document): string | undefined {
  for (const selector of SELECTORS) {
    const element = document.querySelector(selector);
    const value = (element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? '').trim().slice(0, 10);
    if (isFullDate(value)) return value;
  }
  return undefined;
}
