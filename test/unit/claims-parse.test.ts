/** The claims check's readers: tokens and sentences, dates, figures, and how values compare. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDates, findFigures, unitOf } from '../../src/claims/anchors';
import { compareDate, valueFits } from '../../src/claims/judge';
import { expectedFigure, parseUnit } from '../../src/claims/targets';
import { MAX_SENTENCE_TOKENS, sentences, tokenize } from '../../src/claims/tokens';

const UNITS = new Set(['people', 'request', 'GBP', 'percent', 'condition', 'trust', 'clause']);

function dates(text: string, articleDate?: string) {
  const tokens = tokenize(text);
  return findDates(tokens, 0, tokens.length, articleDate).map((d) => ({
    text: text.slice(tokens[d.first]!.start, tokens[d.end - 1]!.end),
    from: d.from,
    to: d.to,
    grain: d.grain,
    period: d.period,
    prep: d.prep,
  }));
}

function figures(text: string) {
  const tokens = tokenize(text);
  const taken = new Set<number>();
  for (const d of findDates(tokens, 0, tokens.length)) for (let i = d.first; i < d.end; i++) taken.add(i);
  return findFigures(tokens, 0, tokens.length, taken, UNITS).map((f) => ({ value: f.value, unit: f.unit, qualifier: f.qualifier, rate: f.rate, precision: f.precision }));
}

describe('tokens and sentences', () => {
  it('keeps offsets, splits trailing separators off numbers and folds possessives', () => {
    const text = 'In 2016, 8,127 people’s records went.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['In', '2016', ',', '8,127', 'people’s', 'records', 'went', '.']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(tokens.map((t) => t.text));
    expect(tokens[4]!.norm).toBe('people');
  });

  it('splits sentences at full stops before a capital, not after titles, initials or inside GOV.UK', () => {
    const text = 'Dr. Wollaston wrote to J. Smith on GOV.UK pages. The memorandum was withdrawn in 2018. it went on';
    const tokens = tokenize(text);
    const parts = sentences(tokens).map(([a, b]) => text.slice(tokens[a]!.start, tokens[b - 1]!.end));
    expect(parts).toEqual(['Dr. Wollaston wrote to J. Smith on GOV.UK pages.', 'The memorandum was withdrawn in 2018. it went on']);
  });

  it('splits at line breaks, and cuts a run with no full stop into bounded pieces', () => {
    const tokens = tokenize(`one\ntwo ${'word '.repeat(300)}`);
    const ranges = sentences(tokens);
    expect(ranges[0]).toEqual([0, 1]);
    expect(Math.max(...ranges.map(([a, b]) => b - a))).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(ranges.at(-1)![1]).toBe(tokens.length);
  });
});

describe('dates', () => {
  it.each([
    ['on 9 November 2018', '9 November 2018', '2018-11-09', '2018-11-09', 'day'],
    ['on the 9th of November, 2018', '9th of November, 2018', '2018-11-09', '2018-11-09', 'day'],
    ['on November 9, 2018', 'November 9, 2018', '2018-11-09', '2018-11-09', 'day'],
    ['on 24–25 February 2021', '24–25 February 2021', '2021-02-24', '2021-02-25', 'days'],
    ['on 24 and 25 February 2021', '24 and 25 February 2021', '2021-02-24', '2021-02-25', 'days'],
    ['in November 2018', 'November 2018', '2018-11-01', '2018-11-30', 'month'],
    ['in Sept. 2018', 'Sept. 2018', '2018-09-01', '2018-09-30', 'month'],
    ['in 2018', '2018', '2018-01-01', '2018-12-31', 'year'],
    ['in late 2016', 'late 2016', '2016-09-01', '2016-12-31', 'season'],
    ['late in 2016', 'late in 2016', '2016-09-01', '2016-12-31', 'season'],
    ['in mid-2018', 'mid-2018', '2018-05-01', '2018-08-31', 'season'],
    ['at the start of 2017', 'the start of 2017', '2017-01-01', '2017-03-31', 'season'],
  ])('%s', (text, found, from, to, grain) => {
    expect(dates(text)).toMatchObject([{ text: found, from, to, grain, period: false }]);
  });

  it.each([
    ['between September and November 2016', 'September and November 2016', '2016-09-01', '2016-11-30'],
    ['September–November 2016', 'September–November 2016', '2016-09-01', '2016-11-30'],
    ['from January 2014 to November 2016', 'January 2014 to November 2016', '2014-01-01', '2016-11-30'],
    ['between 2014 and 2016', '2014 and 2016', '2014-01-01', '2016-12-31'],
    ['in 2017–19', '2017–19', '2017-01-01', '2019-12-31'],
    ['in the first quarter of 2016', 'the first quarter of 2016', '2016-01-01', '2016-03-31'],
    ['in Q2 2017', 'Q2 2017', '2017-04-01', '2017-06-30'],
    ['in the first 11 months of 2016', 'the first 11 months of 2016', '2016-01-01', '2016-11-30'],
  ])('%s is a period', (text, found, from, to) => {
    expect(dates(text)).toMatchObject([{ text: found, from, to, period: true }]);
  });

  it('reads "last year", "this month" and "the past year" only with the article date', () => {
    expect(dates('withdrawn last year')).toEqual([]);
    expect(dates('withdrawn last year', '2019-03-01')).toMatchObject([{ from: '2018-01-01', to: '2018-12-31', grain: 'year' }]);
    expect(dates('withdrawn this month', '2018-11-20')).toMatchObject([{ from: '2018-11-01', to: '2018-11-30', grain: 'month' }]);
    expect(dates('published last month', '2017-01-10')).toMatchObject([{ from: '2016-12-01', to: '2016-12-31' }]);
    expect(dates('in November last year', '2019-02-01')).toMatchObject([{ from: '2018-11-01', to: '2018-11-30' }]);
    expect(dates('in the past year', '2017-01-24')).toMatchObject([{ from: '2016-01-24', to: '2017-01-24', period: true }]);
  });

  it('does not read a month from "may", a year from a statutory instrument, or a day that does not exist', () => {
    expect(dates('ministers may act')).toEqual([]);
    expect(dates('under SI 2024/342')).toEqual([]);
    expect(dates('on 31 February 2018')).toMatchObject([{ text: 'February 2018', grain: 'month' }]);
  });

  it('records the preposition, which makes "since 2005" a bound', () => {
    expect(dates('since 2005')).toMatchObject([{ prep: 'since' }]);
  });
});

describe('figures', () => {
  it.each([
    ['8,127 Home Office tracing requests', { value: 8127, unit: 'request', qualifier: null, precision: 4 }],
    ["more than 8,000 people's records", { value: 8000, unit: 'people', qualifier: 'over', precision: 1 }],
    ['records of 6,900 patients', { value: 6900, unit: 'people' }],
    ['up to £330m', { value: 330_000_000, unit: 'GBP', qualifier: 'up to', precision: 2 }],
    ['at least £25.6m', { value: 25_600_000, unit: 'GBP', qualifier: 'at least' }],
    ['a £15,000 cap', { value: 15_000, unit: 'GBP' }],
    ['about 1.6 million patients', { value: 1_600_000, unit: 'people', qualifier: 'about', precision: 2 }],
    ['over 90% of requests', { value: 90, unit: 'percent', qualifier: 'over' }],
    ['60 per cent of requests', { value: 60, unit: 'percent' }],
    ['three conditions', { value: 3, unit: 'condition' }],
    ['up to 1,500 pupils a month', { value: 1500, unit: 'people', rate: 'month', qualifier: 'up to' }],
    ['handed over 8,000 records', { value: 8000, unit: 'people', qualifier: null }],
    ['clause 12 of the Bill', { value: 12, unit: 'clause' }],
    ['new clause 12', { value: 12, unit: 'new clause' }],
  ])('%s', (text, expected) => {
    expect(figures(text)).toMatchObject([expected]);
  });

  it('skips references, dates, malformed numbers and words without a number', () => {
    expect(figures('HC 677, section 253 and Article 23')).toEqual([]);
    expect(figures('SI 2024/342 of 9 November 2018')).toEqual([]);
    expect(figures('1,2,3')).toEqual([]);
    expect(figures('thousands of records and two years')).toEqual([]);
  });

  it('folds units: plurals, synonyms, hyphenated nouns', () => {
    expect(['requests', 'applications', 'patients', 'people’s', 'children', 'opt-outs', 'trusts'].map(unitOf)).toEqual(['request', 'request', 'people', 'people', 'people', 'people', 'trust']);
    expect(parseUnit('people a month (up to)')).toEqual({ unit: 'people', rate: 'month', qualifier: 'up to', label: 'people a month' });
    expect(parseUnit('GBP (up to)')).toMatchObject({ unit: 'GBP', qualifier: 'up to' });
  });

  it('says what the record holds in readable words', () => {
    const base = { id: 'x', statement: 's', sources: ['s'] };
    expect(expectedFigure({ ...base, value: 8127, unit: 'requests', period: 'January–November 2016' })).toBe('8,127 requests (January–November 2016)');
    expect(expectedFigure({ ...base, value: 330_000_000, unit: 'GBP (up to)', period: 'seven years' })).toBe('up to £330m (seven years)');
    expect(expectedFigure({ ...base, value: 90, unit: 'percent (more than)', period: 'to May 2018' })).toBe('more than 90% (to May 2018)');
    expect(expectedFigure({ ...base, value: 12, unit: 'new clause', period: 'the Bill' })).toBe('new clause 12 (the Bill)');
  });
});

describe('comparing with the record', () => {
  const event = (from: string, to = from, multiDay = false) => ({ from, to, multiDay });
  const date = (from: string, to: string, grain: 'day' | 'days' | 'month' | 'season' | 'year') => ({ from, to, grain });

  it('matches a coarser statement, differs on another day, and cannot confirm a finer one', () => {
    expect(compareDate(date('2018-11-01', '2018-11-30', 'month'), event('2018-11-09'))).toBe('matches');
    expect(compareDate(date('2018-01-01', '2018-12-31', 'year'), event('2018-11-09'))).toBe('matches');
    expect(compareDate(date('2018-11-02', '2018-11-02', 'day'), event('2018-11-09'))).toBe('differs');
    expect(compareDate(date('2016-07-06', '2016-07-06', 'day'), event('2016-07-01', '2016-07-31'))).toBe('coarser');
  });

  it('calls "late 2016" wrong for January 2017, but "early 2018" only unclear for May 2018', () => {
    expect(compareDate(date('2016-09-01', '2016-12-31', 'season'), event('2017-01-24'))).toBe('differs');
    expect(compareDate(date('2018-01-01', '2018-04-30', 'season'), event('2018-05-09'))).toBe('unclear');
  });

  it('takes a day inside a hearing as right, and a shifted pair of days as wrong', () => {
    const hearing = event('2021-02-24', '2021-02-25', true);
    expect(compareDate(date('2021-02-25', '2021-02-25', 'day'), hearing)).toBe('matches');
    expect(compareDate(date('2021-02-24', '2021-02-25', 'days'), hearing)).toBe('matches');
    expect(compareDate(date('2021-02-23', '2021-02-24', 'days'), hearing)).toBe('differs');
  });

  it.each([
    [{ value: 8000, precision: 1, qualifier: null }, 8127, true],
    [{ value: 8000, precision: 1, qualifier: 'over' }, 8127, true],
    [{ value: 9000, precision: 1, qualifier: 'over' }, 8127, false],
    [{ value: 300_000_000, precision: 1, qualifier: null }, 330_000_000, false],
    [{ value: 7500, precision: 2, qualifier: 'about' }, 8127, true],
    [{ value: 7000, precision: 1, qualifier: null }, 8127, false],
    [{ value: 2000, precision: 1, qualifier: 'almost' }, 1950, true],
    [{ value: 2000, precision: 1, qualifier: 'under' }, 2073, false],
    [{ value: 3, precision: Infinity, qualifier: null }, 4, false],
  ] as const)('%o against %d', (stated, recorded, fits) => {
    expect(valueFits(stated, recorded)).toBe(fits);
  });
});

describe('the claims module', () => {
  it('is pure: no Node modules and no page globals, so every context can run it', () => {
    const dir = join(import.meta.dirname, '../../src/claims');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from 'node:|\bdocument\.|\bwindow\.|\bchrome\.|webextension-polyfill/);
    }
  });
});
