import { readsRelativeDates } from '../claims/relative-dates';
import type { Mention } from './types';
import type { ClaimContext, MentionSummary } from '../messages';

const PASSAGE_LIMIT = 600;
const PHRASE_LIMIT = 12;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the background and popup get of a mention: the passage as readable text, not page nodes. */
export function summarise(text: string, mention: Mention): MentionSummary {
  // Collapsed only as far as the summary reaches: a passage may be 65,536 characters long, and a
  // page may report 500. What collapses to more than the limit starts as the whole would.
  let passage = '';
  for (let end = mention.start, size = 4 * PASSAGE_LIMIT; passage.length <= PASSAGE_LIMIT && end < mention.end; size *= 2) {
    end = Math.min(mention.end, mention.start + size);
    passage = collapse(text.slice(mention.start, end));
  }
  const phrases = new Set<string>();
  for (const phrase of mention.phrases) {
    if (phrases.size === PHRASE_LIMIT) break;
    phrases.add(collapse(text.slice(phrase.start, phrase.end)));
  }
  return {
    topic: mention.topic,
    passage: passage.length > PASSAGE_LIMIT ? `${passage.slice(0, PASSAGE_LIMIT - 1)}…` : passage,
    phrases: [...phrases],
    confidence: mention.confidence,
  };
}

/** Text beyond this is left out of what the claims check reads. */
const CLAIM_CONTEXT_LIMIT = 50_000;

/**
 * The flagged passages and their neighbours, compacted into one text for the claims check, which
 * reads each flagged passage and the passages on either side of it. The article's date is asked
 * for only when the text has a date that needs it.
 */
export function claimContext(
  passages: readonly ({ text: string } | null)[],
  mentions: readonly Mention[],
  articleDate?: () => string | undefined,
): ClaimContext {
  const wanted = new Set<number>();
  for (const { block } of mentions) {
    // A null is a place where the page's passages were never built.
    for (const index of [block - 1, block, block + 1]) if (passages[index]) wanted.add(index);
  }
  let text = '';
  const blocks: ClaimContext['blocks'] = [];
  const compacted = new Map<number, number>();
  for (const index of [...wanted].sort((a, b) => a - b)) {
    const passage = passages[index]!.text;
    if (text.length + passage.length > CLAIM_CONTEXT_LIMIT) break;
    if (text) text += '\n\n';
    compacted.set(index, blocks.length);
    blocks.push({ start: text.length, end: text.length + passage.length });
    text += passage;
  }
  const flagged = mentions.flatMap((m) => (compacted.has(m.block) ? [{ topic: m.topic, block: compacted.get(m.block)! }] : []));
  const day = articleDate && readsRelativeDates(text) ? articleDate() : undefined;
  return { text, blocks, passages: flagged, ...(day ? { articleDate: day } : {}) };
}
