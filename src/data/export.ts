/**
 * Exports of the dataset for researchers: CSV (events and sources), JSON, and JSON-LD with
 * schema.org types. Pure functions of a parsed Dataset; no I/O, no Node modules.
 */
import type { Dataset, Discrepancy, Source, Topic, Verdict } from './schema';
import { sourceIdsOf } from './topics';

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): fields separated by commas, records by CRLF; a field holding a comma, a double
// quote, CR or LF is wrapped in double quotes, with inner quotes doubled.

export function csvField(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly (string | number | undefined | null)[]): string {
  return fields.map(csvField).join(',');
}

function csvTable(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [header, ...rows].map((row) => `${csvRecord(row)}\r\n`).join('');
}

/** Every topic's events, oldest first within each topic, with their sources' ids and addresses. */
export const EVENT_COLUMNS = ['topic', 'event', 'date', 'title', 'detail', 'sources', 'source_urls'] as const;

export function eventsCsv(dataset: Dataset): string {
  const urls = new Map(dataset.sources.map((source) => [source.id, source.url]));
  const rows = dataset.topics.flatMap((topic) =>
    topic.events.map((event, i) => [
      topic.id,
      eventId(topic, i),
      event.date,
      event.title,
      event.detail,
      event.sources.join(' '),
      event.sources.map((id) => urls.get(id) ?? '').join(' '),
    ]),
  );
  return csvTable(EVENT_COLUMNS, rows);
}

/** Every source, with the topics that cite it. */
export const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'url', 'published', 'kind', 'note', 'topics'] as const;

export function sourcesCsv(dataset: Dataset): string {
  const citedBy = topicsCiting(dataset);
  const rows = dataset.sources.map((s) => [s.id, s.title, s.publisher, s.url, s.published, s.kind, s.note, (citedBy.get(s.id) ?? []).join(' ')]);
  return csvTable(SOURCE_COLUMNS, rows);
}

/** Events and sources in one table; `record` says which a row is. */
export const COMBINED_COLUMNS = ['record', 'topic', 'id', 'date', 'title', 'detail', 'kind', 'publisher', 'url', 'note', 'sources'] as const;

export function combinedCsv(dataset: Dataset): string {
  const citedBy = topicsCiting(dataset);
  const events = dataset.topics.flatMap((topic) =>
    topic.events.map((event, i) => ['event', topic.id, eventId(topic, i), event.date, event.title, event.detail, '', '', '', '', event.sources.join(' ')]),
  );
  const sources = dataset.sources.map((s) => ['source', (citedBy.get(s.id) ?? []).join(' '), s.id, s.published, s.title, '', s.kind, s.publisher, s.url, s.note, '']);
  return csvTable(COMBINED_COLUMNS, [...events, ...sources]);
}

export type CsvTable = 'all' | 'events' | 'sources';

export function toCsv(dataset: Dataset, table: CsvTable = 'all'): string {
  if (table === 'events') return eventsCsv(dataset);
  if (table === 'sources') return sourcesCsv(dataset);
  return combinedCsv(dataset);
}

// ---------------------------------------------------------------------------------------------
// JSON.

export function toJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD (schema.org).

export interface JsonLdOptions {
  /** Name of the whole dataset. */
  name?: string;
  /** Who publishes the reviews (ClaimReview author). */
  publisher?: string;
}

/** What kind of document a source is, judged from where it is published. */
export type SourceForm = 'legislation' | 'judgment' | 'committee-report' | 'parliamentary-record' | 'official' | 'article' | 'statement';

const host = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};
const onHost = (url: string, ...domains: string[]) => domains.some((d) => host(url) === d || host(url).endsWith(`.${d}`));

export function sourceForm(source: Source): SourceForm {
  const { url } = source;
  if (onHost(url, 'legislation.gov.uk')) return 'legislation';
  if (onHost(url, 'caselaw.nationalarchives.gov.uk', 'bailii.org', 'iclr.co.uk')) return 'judgment';
  if (onHost(url, 'publications.parliament.uk', 'committees.parliament.uk')) return 'committee-report';
  if (onHost(url, 'hansard.parliament.uk', 'questions-statements.parliament.uk', 'parallelparliament.co.uk', 'thepeopleschamber.uk')) return 'parliamentary-record';
  if (source.kind === 'primary') return 'official';
  if (source.kind === 'party') return 'statement';
  return 'article';
}

const SCHEMA_TYPE: Record<SourceForm, string> = {
  legislation: 'Legislation',
  judgment: 'CreativeWork',
  'committee-report': 'Report',
  'parliamentary-record': 'CreativeWork',
  official: 'CreativeWork',
  article: 'Article',
  statement: 'CreativeWork',
};

const GENRE: Record<SourceForm, string> = {
  legislation: 'legislation',
  judgment: 'court judgment',
  'committee-report': 'parliamentary committee report',
  'parliamentary-record': 'parliamentary record',
  official: 'official publication',
  article: 'press or commentary',
  statement: "participant's own statement",
};

export const VERDICT_LABELS: Record<Verdict | 'none', string> = {
  differs: 'Differs from the record',
  disputed: 'Sources disagree',
  unverified: 'Unverified',
  none: 'Checked against the record',
};

type Node = Record<string, unknown>;
const ref = (id: string) => ({ '@id': id });
const sourceRef = (id: string) => ref(`#source/${id}`);
const topicRef = (topic: Topic) => `#topic/${topic.id}`;
const eventId = (topic: Topic, index: number) => `${topic.id}/${index + 1}`;

/** Drops keys whose value is undefined or an empty array, so the output stays tidy. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

function sourceNode(source: Source): Node {
  const form = sourceForm(source);
  return compact({
    '@type': SCHEMA_TYPE[form],
    '@id': `#source/${source.id}`,
    identifier: source.id,
    name: source.title,
    url: source.url,
    publisher: { '@type': 'Organization', name: source.publisher },
    datePublished: source.published,
    // What the document is, and how the dataset classes it (primary, secondary or party).
    genre: `${GENRE[form]} (${source.kind} source)`,
    description: source.note,
  });
}

function claimReviewNode(topic: Topic, item: Discrepancy, dataset: Dataset, author: string): Node {
  const claimSources = item.claimSources ?? [];
  const findingSources = item.sources.filter((id) => !claimSources.includes(id));
  const label = VERDICT_LABELS[item.verdict ?? 'none'];
  return compact({
    '@type': 'ClaimReview',
    '@id': `${topicRef(topic)}/discrepancy/${item.id}`,
    identifier: item.id,
    claimReviewed: item.claim,
    reviewBody: item.finding,
    reviewRating: compact({ '@type': 'Rating', alternateName: label, ratingExplanation: item.expected ? `The record: ${item.expected}` : undefined }),
    itemReviewed: compact({ '@type': 'Claim', appearance: claimSources.map(sourceRef) }),
    citation: findingSources.map(sourceRef),
    datePublished: dataset.asOf,
    author: { '@type': 'Organization', name: author },
    about: ref(topicRef(topic)),
  });
}

function topicNode(topic: Topic, dataset: Dataset, author: string): Node {
  return compact({
    '@type': 'CreativeWork',
    '@id': topicRef(topic),
    identifier: topic.id,
    name: topic.title,
    abstract: topic.summary,
    creativeWorkStatus: `${topic.status.label} (since ${topic.status.since})`,
    description: topic.status.detail,
    dateModified: dataset.asOf,
    keywords: topic.terms.names,
    about: topic.events.map((event, i) =>
      compact({
        '@type': 'Event',
        '@id': `${topicRef(topic)}/event/${i + 1}`,
        name: event.title,
        startDate: event.date,
        description: event.detail,
        recordedIn: event.sources.map(sourceRef),
      }),
    ),
    mentions: topic.figures.map((figure) =>
      compact({
        '@type': 'PropertyValue',
        '@id': `${topicRef(topic)}/figure/${figure.id}`,
        identifier: figure.id,
        name: figure.statement,
        value: figure.value,
        unitText: figure.unit,
        description: `Period: ${figure.period}`,
        subjectOf: figure.sources.map(sourceRef),
      }),
    ),
    review: topic.discrepancies.map((item) => claimReviewNode(topic, item, dataset, author)),
    citation: sourceIdsOf(topic).map(sourceRef),
  });
}

export function toJsonLd(dataset: Dataset, options: JsonLdOptions = {}): Node {
  const name = options.name ?? 'Patient Data Context: the public record on NHS patient data sharing';
  const author = options.publisher ?? 'Patient Data Context';
  const dates = dataset.topics.flatMap((t) => t.events.map((e) => e.date)).sort();
  return {
    '@context': 'https://schema.org',
    '@graph': [
      compact({
        '@type': 'Dataset',
        '@id': '#dataset',
        name,
        description:
          'Status, key dates, figures and discrepancies between reports and the record for UK matters in which NHS patient data were shared, each with its sources.',
        dateModified: dataset.asOf,
        version: String(dataset.schemaVersion),
        temporalCoverage: dates.length ? `${dates[0]}/${dataset.asOf}` : undefined,
        hasPart: dataset.topics.map((topic) => topicNode(topic, dataset, author)),
      }),
      ...dataset.sources.map(sourceNode),
    ],
  };
}

export function toJsonLdString(dataset: Dataset, options?: JsonLdOptions): string {
  return `${JSON.stringify(toJsonLd(dataset, options), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------

function topicsCiting(dataset: Dataset): Map<string, string[]> {
  const citedBy = new Map<string, string[]>();
  for (const topic of dataset.topics) {
    for (const id of sourceIdsOf(topic)) citedBy.set(id, [...(citedBy.get(id) ?? []), topic.id]);
  }
  return citedBy;
}

export type ExportFormat = 'csv' | 'json' | 'jsonld';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'jsonld'];

/** The dataset in one of the export formats, as text ending in a newline. */
export function exportDataset(dataset: Dataset, format: ExportFormat, options: { table?: CsvTable } & JsonLdOptions = {}): string {
  if (format === 'csv') return toCsv(dataset, options.table);
  if (format === 'json') return toJson(dataset);
  return toJsonLdString(dataset, options);
}
