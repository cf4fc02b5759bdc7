/**
 * Scores the detector on the labelled corpus: block-level precision and recall (is the passage
 * flagged at all?) and topic accuracy (of the rightly flagged passages, how many got the right
 * topic). Used by the test that holds the bar and by `npm run eval`, which prints the misses.
 */
import { readFileSync } from 'node:fs';
import { detect } from '../../src/detect/detector';
import type { Lexicon } from '../../src/detect/lexicon';
import type { TextBlock } from '../../src/detect/types';

export interface CorpusEntry {
  id: string;
  family: string;
  blocks: { text: string; role: 'main' | 'heading' | 'nav' | 'aside' | 'footer' }[];
  expected: { block: number; topic: string }[];
  note?: string;
}

export interface Miss {
  id: string;
  block: number;
  text: string;
  expected: string | null;
  got: string | null;
}

export interface Scores {
  entries: number;
  blocks: number;
  precision: number;
  recall: number;
  topicAccuracy: number;
  misses: Miss[];
}

export function loadCorpus(path = new URL('./corpus.json', import.meta.url)): CorpusEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as CorpusEntry[];
}

const PERIPHERAL_ROLES = new Set(['nav', 'aside', 'footer']);

/** Lays an entry out as the page layer would: passages joined by blank lines, each with its role. */
function layout(entry: CorpusEntry): { text: string; blocks: TextBlock[] } {
  let text = '';
  const blocks: TextBlock[] = entry.blocks.map((block, i) => {
    if (i > 0) text += '\n\n';
    const start = text.length;
    text += block.text;
    return { start, end: text.length, role: PERIPHERAL_ROLES.has(block.role) ? 'peripheral' : 'main' };
  });
  return { text, blocks };
}

export function evaluate(lexicon: Lexicon, corpus: CorpusEntry[]): Scores {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let rightTopic = 0;
  let blockCount = 0;
  const misses: Miss[] = [];
  for (const entry of corpus) {
    const { text, blocks } = layout(entry);
    const got = new Map(detect(lexicon, text, blocks).map((m) => [m.block, m.topic]));
    const want = new Map(entry.expected.map((e) => [e.block, e.topic]));
    blocks.forEach((_, i) => {
      blockCount++;
      const g = got.get(i) ?? null;
      const w = want.get(i) ?? null;
      if (g && w) {
        truePositives++;
        if (g === w) rightTopic++;
      } else if (g) falsePositives++;
      else if (w) falseNegatives++;
      if (g !== w) misses.push({ id: entry.id, block: i, text: entry.blocks[i]!.text, expected: w, got: g });
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    entries: corpus.length,
    blocks: blockCount,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    topicAccuracy: ratio(rightTopic, truePositives),
    misses,
  };
}
