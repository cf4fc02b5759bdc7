/**
 * Whether text may hold a date that reads only with the article's date ("last year", "January
 * this year", "the past 12 months"): a word `readRelative` (anchors.ts) starts from, then the
 * one it needs next. Finding the article's date walks the whole page, so it is looked up only then.
 */
export function readsRelativeDates(text: string): boolean {
  return /(?:last|this|past)(?:['’]s?)?\s+(?:year|month|12|twelve)/i.test(text);
}
