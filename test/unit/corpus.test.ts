import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { evaluate, loadCorpus } from '../corpus/evaluate';

describe('detector on the labelled corpus', () => {
  const corpus = loadCorpus();
  const scores = evaluate(buildLexicon(parseDataset(raw).topics), corpus);

  it('covers every topic and every near-miss family', () => {
    const families = new Set(corpus.map((entry) => entry.family));
    for (const topic of parseDataset(raw).topics) expect(families).toContain(`pos:${topic.id}`);
    for (const miss of ['nhs-no-sharing', 'home-office-no-nhs', 'data-no-nhs', 'pupil-data', 'non-uk-health', 'breach', 'nhs-and-home-office-unrelated', 'sidebar']) {
      expect(families).toContain(`miss:${miss}`);
    }
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it('holds precision, recall and topic accuracy at 0.95 or above', () => {
    const summary = { precision: scores.precision, recall: scores.recall, topicAccuracy: scores.topicAccuracy, misses: scores.misses.map((m) => `${m.id}[${m.block}]`) };
    expect(summary.precision, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.95);
    expect(summary.topicAccuracy, JSON.stringify(summary)).toBeGreaterThanOrEqual(0.95);
  });

  it('never flags a near miss', () => {
    const missIds = new Set(corpus.filter((entry) => entry.family.startsWith('miss:')).map((entry) => entry.id));
    expect(scores.misses.filter((miss) => missIds.has(miss.id))).toEqual([]);
  });
});
