import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { dateSpan, parseDataset, TOPIC_IDS, type Dataset, type Topic } from '../../src/data/schema';

const dataset: Dataset = parseDataset(raw);
const sources = new Map(dataset.sources.map((s) => [s.id, s]));
const topic = (id: string): Topic => {
  const found = dataset.topics.find((t) => t.id === id);
  if (!found) throw new Error(`no topic ${id}`);
  return found;
};
const primary = (ids: readonly string[]) => ids.filter((id) => sources.get(id)?.kind === 'primary');

describe('the bundled dataset', () => {
  it('parses against the schema', () => {
    expect(() => parseDataset(raw)).not.toThrow();
    expect(dataset.schemaVersion).toBe(1);
  });

  it('holds all seven topics, the headline topic first', () => {
    expect(dataset.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    expect(dataset.topics[0]!.id).toBe('home-office-mou');
  });

  it('gives every topic a status, events and a primary source behind the status', () => {
    for (const t of dataset.topics) {
      expect(t.status.label.length, t.id).toBeGreaterThan(0);
      expect(t.status.detail.length, t.id).toBeGreaterThan(0);
      expect(t.events.length, t.id).toBeGreaterThan(0);
      expect(primary(t.status.sources).length, t.id).toBeGreaterThan(0);
      expect(t.summary.length, t.id).toBeLessThanOrEqual(900);
    }
  });

  it('dates nothing after asOf, and asOf is the newest date relied on', () => {
    const dates = dataset.topics.flatMap((t) => [t.status.since, ...t.events.map((e) => e.date)]);
    for (const date of dates) expect(dateSpan(date).start <= dataset.asOf, date).toBe(true);
    expect(dates.map((d) => dateSpan(d).start).sort().at(-1)).toBe(dataset.asOf);
  });

  it('cites every source somewhere, and every source is https', () => {
    const cited = new Set(
      dataset.topics.flatMap((t) => [
        ...t.status.sources,
        ...t.events.flatMap((e) => e.sources),
        ...t.figures.flatMap((f) => f.sources),
        ...t.discrepancies.flatMap((d) => d.sources),
      ]),
    );
    expect(dataset.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
    for (const s of dataset.sources) expect(s.url.startsWith('https://'), s.id).toBe(true);
  });

  it('marks sources read on a mirror or copy as such', () => {
    const mirrorHosts = /parallelparliament\.co\.uk|thepeopleschamber\.uk|zoomlaw|vlex|vdocuments|fdocuments|readkong/;
    for (const s of dataset.sources.filter((s) => mirrorHosts.test(s.url))) {
      expect(s.note, s.id).toMatch(/mirror|copy/i);
    }
  });
});

describe('the headline topic, pinned to the primary record', () => {
  const mou = topic('home-office-mou');
  const pins: [string, string, RegExp, string][] = [
    ['2017-01-01', 'takes effect', /takes effect/i, 'govuk-mou'],
    ['2017-01-24', 'published on GOV.UK', /published/i, 'govuk-mou'],
    ['2017-12-20', 'renewed', /renewed/i, 'govuk-mou'],
    ['2018-01-29', 'committee letter', /committee chair asks NHS Digital to withdraw/i, 'hc677-67709'],
    ['2018-04-15', 'committee report', /report \(HC 677\)/i, 'hc677-report'],
    ['2018-05-09', 'narrowing', /narrows/i, 'hansard-2018-05-09-data-protection-bill'],
    ['2018-11-09', 'withdrawal', /withdrawn/i, 'govuk-mou'],
  ];

  it.each(pins)('%s: %s', (date, _what, title, source) => {
    const event = mou.events.find((e) => e.date === date && title.test(e.title));
    expect(event, `event on ${date}`).toBeDefined();
    expect(event!.sources).toContain(source);
    expect(sources.get(source)!.kind).toBe('primary');
  });

  it('says it was withdrawn on 9 November 2018, on the GOV.UK record', () => {
    expect(mou.status.label).toBe('Withdrawn');
    expect(mou.status.since).toBe('2018-11-09');
    expect(mou.status.sources).toContain('govuk-mou');
  });

  it('keeps the key dates in order', () => {
    const order = pins.map(([date, , title]) => mou.events.findIndex((e) => e.date === date && title.test(e.title)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('discrepancies and unverified claims', () => {
  const all = dataset.topics.flatMap((t) => t.discrepancies);

  it('keeps at least the 23 recorded discrepancies, each with a claim, a finding and sources', () => {
    const checked = all.filter((d) => d.verdict !== 'unverified');
    expect(checked.length).toBeGreaterThanOrEqual(23);
    for (const d of all) {
      expect(d.claim.length, d.id).toBeGreaterThan(0);
      expect(d.finding.length, d.id).toBeGreaterThan(0);
      expect(d.sources.length, d.id).toBeGreaterThan(0);
    }
  });

  it('records the press dates that differ from the record for the headline topic', () => {
    const byId = new Map(all.map((d) => [d.id, d]));
    expect(byId.get('mou-publication-date')?.expected).toBe('24 January 2017');
    expect(byId.get('mou-withdrawal-date')?.expected).toBe('9 November 2018');
    expect(byId.get('mou-report-date')?.expected).toBe('15 April 2018');
  });

  it('never shows an unverified claim as a figure', () => {
    const unverified = all.filter((d) => d.verdict === 'unverified');
    expect(unverified.length).toBeGreaterThanOrEqual(15);
    const figures = dataset.topics.flatMap((t) => t.figures);
    const numbersIn = (text: string) => (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    // Figures that appear only in unverified claims must not be figures of the dataset.
    for (const value of [6171, 1775, 1355, 10000]) {
      expect(unverified.some((d) => numbersIn(d.claim).includes(value)), String(value)).toBe(true);
      expect(figures.some((f) => f.value === value), String(value)).toBe(false);
    }
    // No figure statement leans on a source only the unverified items cite.
    const unverifiedOnly = new Set(unverified.flatMap((d) => d.claimSources ?? []));
    for (const t of dataset.topics) for (const d of t.discrepancies) if (d.verdict !== 'unverified') for (const id of d.sources) unverifiedOnly.delete(id);
    for (const f of figures) for (const id of f.sources) expect(unverifiedOnly.has(id), `${f.id} cites ${id}`).toBe(false);
  });

  it('lists claim sources only among a discrepancy’s own sources', () => {
    for (const d of all) for (const id of d.claimSources ?? []) expect(d.sources).toContain(id);
  });
});

describe('detector vocabulary', () => {
  it('names a topic only with unambiguous phrases, never a bare acronym that means other things', () => {
    const names = dataset.topics.flatMap((t) => t.terms.names);
    for (const ambiguous of ['FDP', 'MoU', 'MOU', 'Google', 'Home Office', 'opt-out', 'HO', 'MRN']) expect(names).not.toContain(ambiguous);
  });

  it('gives the receiving side for the Home Office topics and the company topics', () => {
    expect(topic('home-office-mou').terms.partners).toEqual(expect.arrayContaining(['Home Office', 'Immigration Enforcement', 'immigration officials']));
    expect(topic('overseas-visitor-charging').terms.partners).toContain('Home Office');
    expect(topic('deepmind-royal-free').terms.partners).toContain('DeepMind');
    expect(topic('federated-data-platform').terms.partners).toContain('Palantir');
  });
});
