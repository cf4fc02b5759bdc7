import { describe, expect, it } from 'vitest';
import { DatasetError, dateSpan, datasetProblems, formatPath, isPartialDate, parseDataset } from '../../src/data/schema';

/** Loosely typed, so that tests can break it in any way. */
interface Loose {
  schemaVersion: number;
  asOf: string;
  sources: any[];
  topics: any[];
}

/** A small valid dataset; each test breaks one thing in a fresh copy. */
function valid(): Loose {
  return {
    schemaVersion: 1,
    asOf: '2026-06-25',
    sources: [
      { id: 'gov', title: 'Official page', publisher: 'GOV.UK', url: 'https://www.gov.uk/x', published: '2017-01-24', kind: 'primary' },
      { id: 'paper', title: 'News report', publisher: 'A paper', url: 'https://news.example/y', kind: 'secondary', note: 'Reprint.' },
    ],
    topics: [
      {
        id: 'home-office-mou',
        title: 'Agreement',
        summary: 'A short summary.',
        status: { label: 'Withdrawn', since: '2018-11-09', detail: 'Withdrawn.', sources: ['gov'] },
        events: [
          { date: '2017-01-01', title: 'In effect', sources: ['gov'] },
          { date: '2017-01', title: 'Published in the same month', sources: ['gov', 'paper'] },
          { date: '2018-11-09', title: 'Withdrawn', detail: 'Formally.', sources: ['gov'] },
        ],
        figures: [{ id: 'requests', value: 8127, unit: 'requests', period: 'January–November 2016', from: '2016-01', to: '2016-11', statement: 'Requests.', sources: ['paper'] }],
        discrepancies: [{ id: 'pub-date', claim: 'Late 2016.', finding: '24 January 2017.', verdict: 'differs', expected: '24 January 2017', sources: ['gov', 'paper'], claimSources: ['paper'] }],
        terms: { names: [], partners: ['Home Office'], cues: ['MoU'] },
      },
      {
        id: 'care-data',
        title: 'care.data',
        summary: 'Closed.',
        status: { label: 'Closed', since: '2016-07', detail: 'Closed.', sources: ['gov'] },
        events: [{ date: '2016', title: 'Closed', sources: ['gov'] }],
        figures: [],
        discrepancies: [],
        terms: { names: ['care.data'], partners: [], cues: [] },
      },
    ],
  };
}
type Data = Loose;

/** The problems reported for a broken copy, as the lines of the error message. */
function problemsOf(breakIt: (data: Data) => void): string[] {
  const data = valid();
  breakIt(data);
  try {
    parseDataset(data, 'src/data/dataset.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the dataset to be rejected');
}

describe('parseDataset accepts a valid dataset', () => {
  it('returns it typed', () => {
    const data = parseDataset(valid());
    expect(data.topics[0]!.events).toHaveLength(3);
    expect(datasetProblems(valid())).toEqual([]);
  });
});

describe('parseDataset names the file, the path and the problem', () => {
  it('an impossible date', () => {
    expect(problemsOf((d) => (d.topics[0]!.events[1]!.date = '2017-13-01'))).toEqual([
      'src/data/dataset.json: topics[0].events[1].date: "2017-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.events[0]!.date = '2017-02-30'))[0]).toContain('topics[0].events[0].date: "2017-02-30" is not a date');
    expect(problemsOf((d) => (d.sources[0]!.published = '24/01/2017'))[0]).toContain('sources[0].published: "24/01/2017" is not a date');
    expect(problemsOf((d) => (d.asOf = '2026-06'))[0]).toBe('src/data/dataset.json: asOf: "2026-06" is not a full date (YYYY-MM-DD)');
  });

  it('an unknown source id', () => {
    expect(problemsOf((d) => (d.topics[0]!.events[2]!.sources = ['gov', 'nowhere']))).toEqual([
      'src/data/dataset.json: topics[0].events[2].sources[1]: unknown source id "nowhere"',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.figures[0]!.sources = ['missing']))[0]).toContain('topics[0].figures[0].sources[0]: unknown source id "missing"');
    expect(problemsOf((d) => (d.topics[0]!.discrepancies[0]!.claimSources = ['gov', 'other']))[0]).toContain(
      'topics[0].discrepancies[0].claimSources[1]: "other" is not one of this discrepancy\'s sources',
    );
  });

  it('events out of order', () => {
    const lines = problemsOf((d) => d.topics[0]!.events.push({ date: '2017-06-30', title: 'Earlier than the last', sources: ['gov'] }));
    expect(lines).toEqual([
      'src/data/dataset.json: topics[0].events[3].date: "2017-06-30" is out of order: it comes after events[2] ("2018-11-09"); events must be oldest first',
    ]);
  });

  it('lets a month or a year sit beside the days it covers', () => {
    // events[1] is "2017-01" after "2017-01-01": allowed. A year before a later day is not.
    expect(datasetProblems(valid())).toEqual([]);
    expect(problemsOf((d) => (d.topics[0]!.events[2]!.date = '2016'))[0]).toContain('topics[0].events[2].date: "2016" is out of order');
  });

  it('a duplicate id', () => {
    expect(problemsOf((d) => d.sources.push({ ...d.sources[0]! }))).toEqual(['src/data/dataset.json: sources[2].id: duplicate source id "gov" (first at sources[0])']);
    expect(problemsOf((d) => (d.topics[1]!.id = 'home-office-mou'))[0]).toBe(
      'src/data/dataset.json: topics[1].id: duplicate topic id "home-office-mou" (first at topics[0])',
    );
    expect(problemsOf((d) => d.topics[1]!.figures.push({ ...d.topics[0]!.figures[0]! }))[0]).toBe(
      'src/data/dataset.json: topics[1].figures[0].id: duplicate figure id "requests" (first at topics[0].figures[0])',
    );
    expect(problemsOf((d) => d.topics[0]!.discrepancies.push({ ...d.topics[0]!.discrepancies[0]! }))[0]).toBe(
      'src/data/dataset.json: topics[0].discrepancies[1].id: duplicate discrepancy id "pub-date" (first at topics[0].discrepancies[0])',
    );
  });

  it('a status with no primary source', () => {
    expect(problemsOf((d) => (d.topics[1]!.status.sources = ['paper']))).toEqual([
      'src/data/dataset.json: topics[1].status.sources: no primary source (a topic\'s status needs at least one source of kind "primary")',
    ]);
  });

  it('a date after asOf', () => {
    expect(problemsOf((d) => d.topics[0]!.events.push({ date: '2026-07', title: 'Later', sources: ['gov'] }))).toEqual([
      'src/data/dataset.json: topics[0].events[3].date: "2026-07" is after asOf "2026-06-25"',
    ]);
    expect(problemsOf((d) => (d.topics[1]!.status.since = '2026-06-26'))[0]).toBe('src/data/dataset.json: topics[1].status.since: "2026-06-26" is after asOf "2026-06-25"');
    expect(problemsOf((d) => (d.topics[0]!.figures[0]!.to = '2027'))[0]).toBe('src/data/dataset.json: topics[0].figures[0].to: "2027" is after asOf "2026-06-25"');
  });

  it('an unknown key', () => {
    expect(problemsOf((d) => Object.assign(d.topics[0]!.events[0]!, { notes: 'x' }))).toEqual(['src/data/dataset.json: topics[0].events[0].notes: unknown key "notes"']);
    expect(problemsOf((d) => Object.assign(d, { extra: true }))).toEqual(['src/data/dataset.json: extra: unknown key "extra"']);
  });

  it('a topic id outside the seven, a bad kind, a missing field, a wrong type, a non-https URL', () => {
    expect(problemsOf((d) => (d.topics[1]!.id = 'care-dot-data'))[0]).toMatch(/^src\/data\/dataset\.json: topics\[1\]\.id: "care-dot-data" is not a topic id \(one of: home-office-mou, /);
    expect(problemsOf((d) => (d.sources[1]!.kind = 'press'))[0]).toBe(
      'src/data/dataset.json: sources[1].kind: "press" is not a source kind (one of: primary, secondary, party)',
    );
    expect(problemsOf((d) => delete d.topics[0]!.status)[0]).toBe('src/data/dataset.json: topics[0].status: is required');
    expect(problemsOf((d) => (d.topics[0]!.figures[0]!.value = '8,127'))[0]).toBe(
      'src/data/dataset.json: topics[0].figures[0].value: must be a number, not the string "8,127"',
    );
    expect(problemsOf((d) => (d.sources[0]!.url = 'http://www.gov.uk/x'))[0]).toBe('src/data/dataset.json: sources[0].url: "http://www.gov.uk/x" is not an https URL');
  });

  it('a topic name used by two topics', () => {
    expect(problemsOf((d) => d.topics[1]!.terms.names.push('Care.Data', 'MoU')).length).toBe(1);
    expect(problemsOf((d) => d.topics[0]!.terms.names.push('care.data'))[0]).toBe(
      'src/data/dataset.json: topics[1].terms.names[0]: "care.data" already names another topic (topics[0].terms.names[0]); a name must be unambiguous',
    );
  });

  it('reports every problem, one per line, not just the first', () => {
    const lines = problemsOf((d) => {
      d.topics[0]!.events[0]!.sources = ['nowhere'];
      d.topics[1]!.status.sources = ['paper'];
      d.topics[0]!.events.push({ date: '2026-12-01', title: 'Future', sources: ['gov'] });
    });
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('src/data/dataset.json: topics['))).toBe(true);

    const shape = problemsOf((d) => {
      d.topics[0]!.events[1]!.date = '2017-1-1';
      Object.assign(d.sources[0]!, { author: 'x' });
      d.sources[1]!.url = 'ftp://x';
    });
    expect(shape).toHaveLength(3);
  });

  it('claim triggers: events need words, figure claims need values, date claims take no unit, hearings end later', () => {
    const ok = valid();
    ok.topics[0]!.events[2]!.triggers = { words: ['withdrawn'], about: ['memorandum'] };
    ok.topics[0]!.events[0]!.end = '2017-01-02';
    ok.topics[0]!.figures[0]!.triggers = { with: ['Home Office'] };
    ok.topics[0]!.discrepancies[0]!.triggers = { kind: 'date', dates: ['2016'], words: ['published'] };
    expect(datasetProblems(ok)).toEqual([]);

    expect(problemsOf((d) => (d.topics[0]!.events[2]!.triggers = { about: ['memorandum'] }))).toEqual([
      'src/data/dataset.json: topics[0].events[2].triggers.words: is required: an event is recognised by what happened',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.events[2]!.triggers = { words: [] }))[0]).toBe(
      'src/data/dataset.json: topics[0].events[2].triggers.words: needs at least one phrase or must be left out',
    );
    expect(problemsOf((d) => (d.topics[0]!.discrepancies[0]!.triggers = { kind: 'figure', unit: 'requests' }))).toEqual([
      'src/data/dataset.json: topics[0].discrepancies[0].triggers.values: is required for a figure: the numbers the claim uses',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.discrepancies[0]!.triggers = { kind: 'date', values: [2016] }))).toEqual([
      'src/data/dataset.json: topics[0].discrepancies[0].triggers: values and unit are only for a figure claim',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.discrepancies[0]!.triggers = { kind: 'when' }))[0]).toContain('triggers.kind: "when" is not a claim kind (date or figure)');
    expect(problemsOf((d) => (d.topics[0]!.events[0]!.end = '2016-12-31'))).toEqual([
      'src/data/dataset.json: topics[0].events[0].end: "2016-12-31" must be a later day than a full date (YYYY-MM-DD)',
    ]);
    expect(problemsOf((d) => (d.topics[0]!.events[1]!.end = '2017-01-05'))[0]).toContain('topics[0].events[1].end: "2017-01-05" must be a later day');
  });

  it('uses the file name it is given', () => {
    const data = valid();
    data.asOf = 'soon';
    expect(() => parseDataset(data, 'brand/dataset.json')).toThrow(/^brand\/dataset\.json: asOf: /);
  });
});

describe('date helpers', () => {
  it('accept real partial dates only', () => {
    for (const ok of ['2018', '2018-02', '2016-02-29', '2018-12-31']) expect(isPartialDate(ok), ok).toBe(true);
    for (const bad of ['2017-02-29', '2018-00', '2018-13', '18-01-01', '2018-1-1', '2018/01/01', '', '2018-01-01T00:00']) expect(isPartialDate(bad), bad).toBe(false);
  });

  it('span a partial date over the days it covers', () => {
    expect(dateSpan('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(dateSpan('2018')).toEqual({ start: '2018-01-01', end: '2018-12-31' });
    expect(dateSpan('2018-11-09')).toEqual({ start: '2018-11-09', end: '2018-11-09' });
  });

  it('format paths the way the messages show them', () => {
    expect(formatPath(['topics', 0, 'events', 3, 'date'])).toBe('topics[0].events[3].date');
    expect(formatPath([])).toBe('(root)');
  });
});
