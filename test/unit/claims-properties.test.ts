/**
 * Properties of the claims check: it never throws, its offsets always point into the text, and
 * it gets through a megabyte of hostile text (its patterns are code over tokens, and sentences are
 * bounded, so the work grows with the text, not with its square).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { checkClaims, type Claim } from '../../src/claims';
import { readsRelativeDates } from '../../src/claims/relative-dates';
import { blocksFromPlainText } from '../../src/detect/blocks';
import { detect } from '../../src/detect/detector';
import { buildLexicon } from '../../src/detect/lexicon';

const dataset = parseDataset(raw);
const lexicon = buildLexicon(dataset.topics);
const topicIds = dataset.topics.map((t) => t.id);

/** The words the check reacts to, with dates, numbers and punctuation: text that exercises every path. */
const triggerWords = [
  ...new Set(dataset.topics.flatMap((t) => [...t.events, ...t.figures, ...t.discrepancies].flatMap((r) => [...(r.triggers?.words ?? []), ...(r.triggers?.about ?? []), ...(r.triggers?.with ?? [])]))),
];
const pieces = fc.oneof(
  fc.constantFrom(...triggerWords),
  fc.constantFrom('9 November 2018', 'late 2016', 'mid-2018', '24–25 February 2021', 'between January and November 2016', 'last year', 'the first quarter of 2016', '2017–19'),
  fc.constantFrom('8,127', 'more than 8,000 people', '£330m', '1.6 million', '90%', 'clause 12', 'new clause 12', 'three conditions', '1,2,3', '£', '%'),
  fc.constantFrom(' ', ' ', '\n', '\n\n', ', ', '. ', '–', '-', "'", '’', '(', ')', ' and ', ' after ', ' not ', ' NHS Digital ', ' Home Office '),
  fc.string({ maxLength: 8 }),
);
const wordy = fc.array(pieces, { maxLength: 120 }).map((parts) => parts.join(''));

function expectWellFormed(text: string, claims: Claim[], topics: readonly string[]) {
  let last = -1;
  for (const claim of claims) {
    expect(claim.start).toBeGreaterThanOrEqual(0);
    expect(claim.end).toBeGreaterThan(claim.start);
    expect(claim.end).toBeLessThanOrEqual(text.length);
    expect(claim.text).toBe(text.slice(claim.start, claim.end));
    expect(['matches', 'differs', 'disputed', 'unverified']).toContain(claim.verdict);
    expect(['date', 'figure']).toContain(claim.kind);
    expect(topics).toContain(claim.topic);
    expect(claim.start).toBeGreaterThanOrEqual(last);
    last = claim.start;
  }
}

describe('claims check properties', () => {
  it('never throws on any text and any passages, and every claim points into the text', () => {
    const passage = fc.record({ topic: fc.oneof(fc.constantFrom(...topicIds), fc.string()), start: fc.integer({ min: -5, max: 400 }), end: fc.integer({ min: -5, max: 400 }), block: fc.option(fc.integer({ min: -2, max: 20 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), wordy), fc.array(passage, { maxLength: 4 }), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), (text, passages, articleDate) => {
        const blocks = blocksFromPlainText(text);
        const claims = checkClaims(text, passages, dataset, { blocks, articleDate });
        expectWellFormed(text, claims, passages.map((p) => p.topic));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same claims without the article date wherever readsRelativeDates says no date needs it', () => {
    const relative = fc.constantFrom('last', 'Last', 'this', 'THIS', 'past', 'the', 'year', 'Year', "year's", 'years', 'month', 'months', '12', 'twelve', 'January', 'lasts', "last's", 'outlast', ',', '12 months', 'twelve months', 'the last', 'the past');
    const event = fc.constantFrom(
      'The memorandum between NHS Digital and the Home Office on patient data was withdrawn',
      'NHS Digital began sharing patient addresses with the Home Office',
      'The Home Office made requests to NHS Digital for patient data',
    );
    const text = fc
      .tuple(event, fc.array(relative, { minLength: 1, maxLength: 5 }), fc.array(pieces, { maxLength: 6 }))
      .map(([said, when, more]) => `${said} ${when.join(' ')}.${more.join('')}`);
    const whole = (text: string) => [{ topic: 'home-office-mou', start: 0, end: text.length }];
    let needed = 0;
    fc.assert(
      fc.property(text, fc.constantFrom('2019-03-01', '2021-07-15'), (text, articleDate) => {
        const withDate = checkClaims(text, whole(text), dataset, { articleDate });
        if (readsRelativeDates(text)) needed++;
        else expect(withDate).toEqual(checkClaims(text, whole(text), dataset));
      }),
      { numRuns: 400 },
    );
    // The texts do hold dates read with the article's date, so the property says something.
    expect(needed).toBeGreaterThan(40);
    const text1 = 'The memorandum between NHS Digital and the Home Office on patient data was withdrawn last year.';
    expect(checkClaims(text1, whole(text1), dataset, { articleDate: '2019-03-01' })).not.toEqual(checkClaims(text1, whole(text1), dataset));
  });

  it('never throws behind the detector, whatever the article date', () => {
    fc.assert(
      fc.property(wordy, fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), { nil: undefined }), (text, date) => {
        const blocks = blocksFromPlainText(text);
        const mentions = detect(lexicon, text, blocks);
        const claims = checkClaims(text, mentions, dataset, { blocks, articleDate: date?.toISOString().slice(0, 10) });
        expectWellFormed(text, claims, topicIds);
      }),
      { numRuns: 300 },
    );
  });

  it('gets through a megabyte of hostile text in one passage', () => {
    const MB = 1_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    const hostile = [
      // Triggers and dates with no full stop: every trigger has a date within reach.
      fill('the memorandum was withdrawn in November 2018 and published in late 2016 and signed '),
      // Numbers, separators and near-dates that each reader must give up on.
      fill('1,1,1,1,'),
      fill('2018–2018–'),
      fill('£1.5m £'),
      fill('9 9 9 9 November '),
      fill('the first first quarter of of '),
      fill("people's people’s ''''"),
      fill('a'),
      fill('more than 8,000 people 8,127 requests between January and November 2016 suspended in May 2018 '),
    ];
    for (const text of hostile) {
      const claims = checkClaims(text, [{ topic: 'home-office-mou', start: 0, end: text.length }], dataset, { articleDate: '2019-01-01' });
      expectWellFormed(text, claims.slice(0, 50), ['home-office-mou']);
    }
  }, 60_000);
});
