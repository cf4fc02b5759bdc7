/**
 * The claims check: the dates and figures a page states in and around its flagged passages,
 * each compared with the record in the dataset.
 *
 *   checkClaims(text, mentions, dataset, { blocks, articleDate }) → Claim[]
 *
 * Pure and DOM-free: the content script, the popup and the scan CLI can all call it. Accuracy
 * first: `differs` only when the sentence clearly speaks of the same event or figure (see
 * sentence.ts and judge.ts); when unsure it says `unverified` or nothing.
 */
import { isFullDate, type Dataset } from '../data/schema';
import { judgeDate, judgeFigure, type Judged } from './judge';
import { Sentence } from './sentence';
import { compileDataset, knownUnits } from './targets';
import { sentences, tokenize } from './tokens';
import type { CheckOptions, Claim, ClaimPassage } from './types';

export type { CheckOptions, Claim, ClaimPassage, ClaimVerdict } from './types';

/** A stretch of text to read for one topic. */
interface Reading {
  topic: string;
  start: number;
  end: number;
}

/** The flagged passages, then their unflagged neighbours (which take the passage's topic). */
function passagesToRead(passages: readonly ClaimPassage[], blocks: CheckOptions['blocks']): Reading[] {
  const readings: Reading[] = passages.map(({ topic, start, end }) => ({ topic, start, end }));
  if (blocks) {
    const flagged = new Set(passages.map((p) => p.block));
    for (const passage of passages) {
      if (passage.block === undefined) continue;
      for (const index of [passage.block - 1, passage.block + 1]) {
        const block = blocks[index];
        if (block && !flagged.has(index) && block.role !== 'peripheral') readings.push({ topic: passage.topic, start: block.start, end: block.end });
      }
    }
  }
  const seen = new Set<string>();
  return readings.filter((reading) => {
    const key = `${reading.topic}:${reading.start}:${reading.end}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/**
 * The claims in and around the flagged passages, in text order, each with its verdict. Offsets are
 * in `text`. A date or figure read in two passages (a shared neighbour) is given once.
 */
export function checkClaims(text: string, passages: readonly ClaimPassage[], dataset: Dataset, options: CheckOptions = {}): Claim[] {
  const topics = compileDataset(dataset);
  const nouns = knownUnits(topics.values());
  const articleDate = options.articleDate && isFullDate(options.articleDate) ? options.articleDate : undefined;
  const claims = new Map<number, Claim>();
  for (const reading of passagesToRead(passages, options.blocks)) {
    const topic = topics.get(reading.topic);
    if (!topic) continue;
    const tokens = tokenize(text, Math.max(0, reading.start), Math.min(text.length, reading.end));
    for (const [first, end] of sentences(tokens)) {
      const sentence = new Sentence(tokens, first, end, topic, nouns, articleDate);
      const found: (Judged | null)[] = [...sentence.dates.map((d) => judgeDate(sentence, topic, d)), ...sentence.figures.map((f) => judgeFigure(sentence, topic, f))];
      for (const judged of found) {
        if (!judged || claims.has(judged.at)) continue;
        const claim = judged.claim;
        claims.set(judged.at, { ...claim, topic: reading.topic, text: text.slice(claim.start, claim.end) });
      }
    }
  }
  return [...claims.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
