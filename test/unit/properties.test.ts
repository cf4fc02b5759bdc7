import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { blocksFromPlainText } from '../../src/detect/blocks';
import { analyseBlock, detect, mentionsFrom } from '../../src/detect/detector';
import { buildLexicon } from '../../src/detect/lexicon';

const lexicon = buildLexicon(parseDataset(raw).topics);
const vocabulary = [...lexicon.entries.keys()];

/** Text made of the lexicon's own words, spacing and punctuation: the hardest input for the matcher. */
const wordy = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(' ', '\n', '\n\n', '-', "'", '’', '.', ',', ' NHS ', ' Home Office '), fc.string()), { maxLength: 200 }).map((parts) => parts.join(''));

describe('detector properties', () => {
  it('never throws, and every mention points inside the text at a flagged passage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 2000 }), wordy), (text) => {
        const blocks = blocksFromPlainText(text);
        for (const mention of detect(lexicon, text, blocks)) {
          expect(mention.start).toBeGreaterThanOrEqual(0);
          expect(mention.end).toBeLessThanOrEqual(text.length);
          expect(mention.confidence).toBeGreaterThan(0);
          expect(mention.confidence).toBeLessThanOrEqual(1);
          for (const phrase of mention.phrases) {
            expect(phrase.start).toBeGreaterThanOrEqual(mention.start);
            expect(phrase.end).toBeLessThanOrEqual(mention.end);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('flags what analysing every passage flags, though it looks closely only past the gate', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(wordy, fc.constant("NHS Digital passed patients' addresses to the Home Office.")), { maxLength: 12 }), (paragraphs) => {
        const text = paragraphs.join('\n\n');
        const blocks = blocksFromPlainText(text);
        expect(detect(lexicon, text, blocks)).toEqual(mentionsFrom(blocks.map((block) => analyseBlock(lexicon, text, block)), blocks));
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on long adversarial input (the regexes are literal alternations: linear by construction)', () => {
    // Near-matches repeated: a backtracking pattern would explode here; this one scans once.
    const adversarial = `${'patients patients’ patient- NHS NHS-Digital Home-Offic '.repeat(20_000)}\n${'a'.repeat(200_000)}`;
    const mentions = detect(lexicon, adversarial, blocksFromPlainText(adversarial));
    expect(Array.isArray(mentions)).toBe(true);
  });
});
