import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseArgs } from '../../src/cli/export';
import { combinedCsv, csvField, csvRecord, eventsCsv, exportDataset, sourceForm, sourcesCsv, toJson, toJsonLd } from '../../src/data/export';
import { datasetAge, staleFrom } from '../../src/data/freshness';
import { parseDataset, type Dataset } from '../../src/data/schema';

const dataset = parseDataset(raw);

/** A strict RFC 4180 reader, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) throw new Error('last record not ended by CRLF');
  return records;
}

describe('CSV', () => {
  it('quotes only fields that need it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(8127)).toBe('8127');
    expect(csvRecord(['x', 'y,z', ''])).toBe('x,"y,z",');
  });

  it('round-trips awkward text', () => {
    const awkward = ['', ' leading space', 'comma, inside', '"quoted"', 'line\r\nbreak', 'lone\nLF', 'it’s £1,000 — “curly”', '""', ','];
    const text = `${csvRecord(awkward)}\r\n${csvRecord(['a', 'b'])}\r\n`;
    expect(parseCsv(text)).toEqual([awkward, ['a', 'b']]);
  });

  it('round-trips the events table', () => {
    const rows = parseCsv(eventsCsv(dataset));
    const [header, ...body] = rows;
    expect(header).toEqual(['topic', 'event', 'date', 'title', 'detail', 'sources', 'source_urls']);
    const events = dataset.topics.flatMap((t) => t.events.map((e) => ({ topic: t.id, ...e })));
    expect(body).toHaveLength(events.length);
    body.forEach((row, i) => {
      const event = events[i]!;
      expect(row).toHaveLength(header!.length);
      expect(row[0]).toBe(event.topic);
      expect(row[2]).toBe(event.date);
      expect(row[3]).toBe(event.title);
      expect(row[4]).toBe(event.detail ?? '');
      expect(row[5]!.split(' ')).toEqual(event.sources);
    });
    const withdrawal = body.find((r) => r[0] === 'home-office-mou' && r[2] === '2018-11-09');
    expect(withdrawal?.[6]).toContain('https://www.gov.uk/government/publications/information-requests-from-the-home-office-to-nhs-digital');
  });

  it('round-trips the sources table, with the topics citing each', () => {
    const [header, ...body] = parseCsv(sourcesCsv(dataset));
    expect(header).toEqual(['id', 'title', 'publisher', 'url', 'published', 'kind', 'note', 'topics']);
    expect(body.map((r) => r[0])).toEqual(dataset.sources.map((s) => s.id));
    body.forEach((row, i) => {
      const s = dataset.sources[i]!;
      expect(row.slice(0, 7)).toEqual([s.id, s.title, s.publisher, s.url, s.published ?? '', s.kind, s.note ?? '']);
      expect(row[7]!.length).toBeGreaterThan(0);
    });
  });

  it('puts events and sources in one table for the default export', () => {
    const [header, ...body] = parseCsv(combinedCsv(dataset));
    expect(header![0]).toBe('record');
    const events = body.filter((r) => r[0] === 'event').length;
    const sources = body.filter((r) => r[0] === 'source').length;
    expect(events).toBe(dataset.topics.reduce((n, t) => n + t.events.length, 0));
    expect(sources).toBe(dataset.sources.length);
    expect(exportDataset(dataset, 'csv')).toBe(combinedCsv(dataset));
  });
});

describe('JSON', () => {
  it('is the dataset, and parses back to it', () => {
    const text = toJson(dataset);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseDataset(JSON.parse(text))).toEqual(dataset);
  });
});

describe('JSON-LD', () => {
  const doc = toJsonLd(dataset) as { '@context': string; '@graph': Record<string, any>[] };
  const types = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const type = (node as Record<string, unknown>)['@type'];
      if (typeof type === 'string') types.add(type);
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);

  it('uses schema.org and the expected types', () => {
    expect(doc['@context']).toBe('https://schema.org');
    for (const type of ['Dataset', 'CreativeWork', 'Event', 'Legislation', 'Report', 'ClaimReview', 'Claim', 'Rating', 'PropertyValue', 'Organization']) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it('describes topics, events and reviews', () => {
    const root = doc['@graph'].find((n) => n['@type'] === 'Dataset')!;
    expect(root.dateModified).toBe(dataset.asOf);
    const topics = root.hasPart as Record<string, any>[];
    expect(topics.map((t) => t.identifier)).toEqual(dataset.topics.map((t) => t.id));
    const mou = topics[0]!;
    expect(mou['@type']).toBe('CreativeWork');
    expect(mou.creativeWorkStatus).toBe('Withdrawn (since 2018-11-09)');
    const withdrawal = (mou.about as Record<string, any>[]).find((e) => e.startDate === '2018-11-09')!;
    expect(withdrawal['@type']).toBe('Event');
    expect(withdrawal.recordedIn).toContainEqual({ '@id': '#source/govuk-mou' });
    const review = (mou.review as Record<string, any>[]).find((r) => r.identifier === 'mou-report-date')!;
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed).toMatch(/14 April 2018/);
    expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'Differs from the record' });
    const unverified = (mou.review as Record<string, any>[]).find((r) => r.identifier === 'unverified-requests-2017-6171')!;
    expect(unverified.reviewRating.alternateName).toBe('Unverified');
  });

  it('types sources by what they are, and every reference resolves', () => {
    const nodes = new Map(doc['@graph'].map((n) => [n['@id'] as string, n]));
    expect(nodes.get('#source/legislation-uksi-2017-756')?.['@type']).toBe('Legislation');
    expect(nodes.get('#source/hc677-report')?.['@type']).toBe('Report');
    expect(nodes.get('#source/caselaw-2023-ewca-civ-1474')?.genre).toMatch(/court judgment/);
    expect(nodes.get('#source/guardian-2017-01-24')?.['@type']).toBe('Article');
    const refs: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const keys = Object.keys(node);
        if (keys.length === 1 && keys[0] === '@id') refs.push((node as { '@id': string })['@id']);
        else Object.values(node).forEach(collect);
      }
    };
    collect(doc);
    const ids = new Set<string>();
    const gather = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(gather);
      else if (node && typeof node === 'object') {
        const id = (node as Record<string, unknown>)['@id'];
        if (typeof id === 'string' && Object.keys(node).length > 1) ids.add(id);
        Object.values(node).forEach(gather);
      }
    };
    gather(doc);
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });

  it('classes sources from their address', () => {
    const s = (url: string, kind: Dataset['sources'][number]['kind'] = 'primary') => sourceForm({ id: 'x', title: 't', publisher: 'p', url, kind });
    expect(s('https://www.legislation.gov.uk/uksi/2024/342/made')).toBe('legislation');
    expect(s('https://www.bailii.org/ew/cases/EWCA/Civ/2021/800.html')).toBe('judgment');
    expect(s('https://hansard.parliament.uk/Commons/2018-05-09/debates/x/y')).toBe('parliamentary-record');
    expect(s('https://www.gov.uk/x')).toBe('official');
    expect(s('https://www.foxglove.org.uk/x', 'party')).toBe('statement');
    expect(s('https://www.theguardian.com/x', 'secondary')).toBe('article');
  });
});

describe('export command arguments', () => {
  it('accepts the documented forms', () => {
    expect(parseArgs(['--format', 'csv'])).toEqual({ ok: true, args: { format: 'csv' } });
    expect(parseArgs(['--format=jsonld', '--out', 'x.jsonld'])).toEqual({ ok: true, args: { format: 'jsonld', out: 'x.jsonld' } });
    expect(parseArgs(['--format', 'csv', '--table', 'sources'])).toEqual({ ok: true, args: { format: 'csv', table: 'sources' } });
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it('rejects bad arguments', () => {
    for (const argv of [[], ['--format'], ['--format', 'xml'], ['--format', 'json', '--table', 'events'], ['--format', 'csv', 'extra'], ['--out', 'x'], ['--format', 'csv', '--format', 'json']]) {
      expect(parseArgs(argv).ok, argv.join(' ')).toBe(false);
    }
  });
});

describe('dataset freshness', () => {
  it('counts whole months and turns stale after 12', () => {
    expect(datasetAge('2026-06-25', new Date('2026-06-25T12:00:00Z'))).toEqual({ months: 0, stale: false });
    expect(datasetAge('2026-06-25', new Date('2026-07-24T23:59:00Z'))).toEqual({ months: 0, stale: false });
    expect(datasetAge('2026-06-25', new Date('2026-07-25T00:00:00Z'))).toEqual({ months: 1, stale: false });
    expect(datasetAge('2026-06-25', new Date('2027-06-25T18:00:00Z'))).toEqual({ months: 12, stale: false });
    expect(datasetAge('2026-06-25', new Date('2027-06-26T00:00:00Z'))).toEqual({ months: 12, stale: true });
    expect(datasetAge('2026-06-25', new Date('2028-01-01T00:00:00Z'))).toEqual({ months: 18, stale: true });
    expect(datasetAge('2026-06-25', new Date('2026-01-01T00:00:00Z'))).toEqual({ months: 0, stale: false });
  });

  it('handles month ends', () => {
    expect(datasetAge('2024-02-29', new Date('2025-02-28T00:00:00Z'))).toEqual({ months: 12, stale: false });
    expect(datasetAge('2024-02-29', new Date('2025-03-01T00:00:00Z'))).toEqual({ months: 12, stale: true });
    expect(datasetAge('2026-01-31', new Date('2026-02-28T00:00:00Z'))).toEqual({ months: 1, stale: false });
    expect(staleFrom('2026-06-25')).toBe('2027-06-26');
  });

  it('rejects an asOf that is not a date', () => {
    expect(() => datasetAge('2026-13-01', new Date())).toThrow(RangeError);
    expect(() => datasetAge('2026-06', new Date())).toThrow(RangeError);
  });
});
