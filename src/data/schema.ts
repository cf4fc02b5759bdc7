/**
 * The bundled dataset's schema (DESIGN §3) and its validation.
 *
 * `parseDataset` checks the shape with valibot (strict objects: an unknown key is an error), then
 * the rules that span the file: source ids that exist, dates that are real and not after `asOf`,
 * events oldest first, unique ids, a primary source behind every topic's status. Every problem is
 * reported, one per line, as `file: path: problem`.
 *
 * Imported by vite.config.ts, the extension's pages and the Node CLIs: no Node modules here.
 */
import * as v from 'valibot';

export const TOPIC_IDS = [
  'home-office-mou',
  'overseas-visitor-charging',
  'care-data',
  'deepmind-royal-free',
  'gpdpr',
  'national-data-opt-out',
  'federated-data-platform',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const SOURCE_KINDS = ['primary', 'secondary', 'party'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a page repeating a discrepancy's claim should be told. */
export const VERDICTS = ['differs', 'disputed', 'unverified'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SCHEMA_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD", always real calendar dates.

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real date written as YYYY, YYYY-MM or YYYY-MM-DD. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1000) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real date written as YYYY-MM-DD. */
export function isFullDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isPartialDate(value);
}

/**
 * The first and last day a (partial) date can mean, as YYYY-MM-DD: "2018-05" → 2018-05-01 to
 * 2018-05-31. Such strings compare correctly as strings.
 */
export function dateSpan(value: string): { start: string; end: string } {
  const m = PARTIAL_DATE.exec(value);
  if (!m || !isPartialDate(value)) throw new RangeError(`not a date: ${value}`);
  const year = m[1]!;
  if (m[2] === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const month = m[2];
  if (m[3] === undefined) {
    const last = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
    return { start: `${year}-${month}-01`, end: `${year}-${month}-${last}` };
  }
  return { start: value, end: value };
}

// ---------------------------------------------------------------------------------------------
// Shape.

const quote = (input: unknown): string => {
  const text = JSON.stringify(input);
  return text === undefined ? String(input) : text;
};

export const Text = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
  v.check((s) => s === s.trim(), 'has leading or trailing spaces'),
);

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, (issue) => `${quote(issue.input)} is not a kebab-case id (a-z, 0-9 and single hyphens)`),
);

const PartialDate = v.pipe(
  v.string(),
  v.check(isPartialDate, (issue) => `${quote(issue.input)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`),
);

const FullDate = v.pipe(
  v.string(),
  v.check(isFullDate, (issue) => `${quote(issue.input)} is not a full date (YYYY-MM-DD)`),
);

function isHttpsUrl(value: string): boolean {
  if (!/^https:\/\/[^\s/?#]+\.[^\s/?#]+/.test(value) || /\s/.test(value)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export const HttpsUrl = v.pipe(
  v.string(),
  v.check(isHttpsUrl, (issue) => `${quote(issue.input)} is not an https URL`),
);

const SourceRefs = v.pipe(v.array(Id), v.minLength(1, 'needs at least one source id'));

/** One detector phrase: no spaces at the ends, at least two characters. */
const Term = v.pipe(
  v.string(),
  v.check((s) => s === s.trim() && s.trim().length >= 2, (issue) => `${quote(issue.input)} is not a usable phrase (2+ characters, no spaces at the ends)`),
);

export const SourceSchema = v.strictObject({
  id: Id,
  title: Text,
  publisher: Text,
  url: HttpsUrl,
  /** When the source was published (or the version relied on), where known. */
  published: v.optional(PartialDate),
  kind: v.picklist(SOURCE_KINDS, (issue) => `${quote(issue.input)} is not a source kind (one of: ${SOURCE_KINDS.join(', ')})`),
  /** A caution about the source itself, e.g. that the address is a mirror of an official text. */
  note: v.optional(Text),
});

/**
 * Words that tie a page's date or number to a record, for the claims check (src/claims). A
 * sentence is about the record when one of `words` sits right by the date or number, the thing it
 * names nearest to those words is one of `about`, and it holds one of `with` somewhere.
 */
export const TriggersSchema = v.strictObject({
  /** What happened, or what was counted: "withdrawn", "traced". */
  words: v.optional(v.pipe(v.array(Term), v.minLength(1, 'needs at least one phrase or must be left out'))),
  /** What it happened to: "memorandum", "report". */
  about: v.optional(v.pipe(v.array(Term), v.minLength(1, 'needs at least one phrase or must be left out'))),
  /** Any one of these must be in the sentence too: "police". */
  with: v.optional(v.pipe(v.array(Term), v.minLength(1, 'needs at least one phrase or must be left out'))),
});

/**
 * How the claims check recognises a page repeating a discrepancy's claim: a date (optionally only
 * the `dates` the claim uses) or a figure with one of `values` (in `unit`, when given).
 */
export const DiscrepancyTriggersSchema = v.strictObject({
  ...TriggersSchema.entries,
  kind: v.picklist(['date', 'figure'], (issue) => `${quote(issue.input)} is not a claim kind (date or figure)`),
  dates: v.optional(v.pipe(v.array(PartialDate), v.minLength(1, 'needs at least one date or must be left out'))),
  values: v.optional(v.pipe(v.array(v.pipe(v.number(), v.finite('must be a finite number'))), v.minLength(1, 'needs at least one value or must be left out'))),
  unit: v.optional(Text),
});

export const EventSchema = v.strictObject({
  date: PartialDate,
  /** The last day of an event that ran over several days, such as a hearing. */
  end: v.optional(FullDate),
  triggers: v.optional(TriggersSchema),
  title: Text,
  detail: v.optional(Text),
  /** One of the few dates that matter most for the topic: shown first, the rest on demand. */
  key: v.optional(v.literal(true, 'must be true or left out')),
  sources: SourceRefs,
});

export const FigureSchema = v.strictObject({
  id: Id,
  value: v.pipe(v.number(), v.finite('must be a finite number')),
  unit: Text,
  /** The exact period the figure covers, in words. */
  period: Text,
  /** The same period as dates, where it has clear ends. */
  from: v.optional(PartialDate),
  to: v.optional(PartialDate),
  statement: Text,
  sources: SourceRefs,
  triggers: v.optional(TriggersSchema),
});

export const DiscrepancySchema = v.strictObject({
  id: Id,
  /** What a press report or other account says. */
  claim: Text,
  /** What the record says. */
  finding: Text,
  verdict: v.optional(v.picklist(VERDICTS, (issue) => `${quote(issue.input)} is not a verdict (one of: ${VERDICTS.join(', ')})`)),
  /** The record's value in a few words, e.g. "15 April 2018". */
  expected: v.optional(Text),
  /** Sources for both sides. */
  sources: SourceRefs,
  /** Which of `sources` carry the claim (the rest support the finding). */
  claimSources: v.optional(v.array(Id)),
  triggers: v.optional(DiscrepancyTriggersSchema),
});

export const StatusSchema = v.strictObject({
  label: v.pipe(Text, v.maxLength(40, 'is too long for a status label (40 characters at most)')),
  since: PartialDate,
  detail: Text,
  sources: SourceRefs,
});

export const TermsSchema = v.strictObject({
  /** Names of the topic itself: a passage holding one is about the topic. */
  names: v.array(Term),
  /** The receiving side of the sharing. */
  partners: v.array(Term),
  /** Pointers to this topic over another; never enough on their own. */
  cues: v.array(Term),
});

export const TopicSchema = v.strictObject({
  id: v.picklist(TOPIC_IDS, (issue) => `${quote(issue.input)} is not a topic id (one of: ${TOPIC_IDS.join(', ')})`),
  title: Text,
  summary: v.pipe(Text, v.maxLength(900, 'is too long for a summary (900 characters at most)')),
  status: StatusSchema,
  events: v.pipe(v.array(EventSchema), v.minLength(1, 'needs at least one event')),
  figures: v.array(FigureSchema),
  discrepancies: v.array(DiscrepancySchema),
  terms: TermsSchema,
});

export const DatasetSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION, (issue) => `${quote(issue.input)} is not a supported schema version (expected ${SCHEMA_VERSION})`),
  /** When the facts were last reviewed. */
  asOf: FullDate,
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
  topics: v.pipe(v.array(TopicSchema), v.minLength(1, 'needs at least one topic')),
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type TopicStatus = v.InferOutput<typeof StatusSchema>;
export type DatasetEvent = v.InferOutput<typeof EventSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Discrepancy = v.InferOutput<typeof DiscrepancySchema>;
export type TopicTerms = v.InferOutput<typeof TermsSchema>;
export type Triggers = v.InferOutput<typeof TriggersSchema>;
export type DiscrepancyTriggers = v.InferOutput<typeof DiscrepancyTriggersSchema>;

// ---------------------------------------------------------------------------------------------
// Problems and errors.

export interface Problem {
  /** Where in the file, e.g. `topics[0].events[3].date`; `(root)` for the whole file. */
  path: string;
  message: string;
}

export class DatasetError extends Error {
  readonly file: string;
  readonly problems: readonly Problem[];

  constructor(file: string, problems: readonly Problem[]) {
    super(problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n'));
    this.name = 'DatasetError';
    this.file = file;
    this.problems = problems;
  }
}

/** `['topics', 0, 'events', 3, 'date']` → `topics[0].events[3].date`. */
export function formatPath(keys: readonly PropertyKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') return `the string ${quote(input)}`;
  return `${typeof input} ${quote(input)}`;
}

/** One valibot issue as a problem in plain words, at its path. */
export function issueProblem(issue: v.BaseIssue<unknown>): Problem {
  const keys = (issue.path ?? []).map((item) => item.key as PropertyKey);
  const path = formatPath(keys);
  const type = issue.type;
  // Plain-language messages for valibot's own type and key issues; our checks carry their own.
  if (type === 'strict_object' && issue.expected === 'never') {
    return { path, message: `unknown key ${quote(keys[keys.length - 1])}` };
  }
  if ((type === 'strict_object' || type === 'object') && issue.received === 'undefined') {
    return { path, message: 'is required' };
  }
  if (issue.kind === 'schema' && ['string', 'number', 'array', 'strict_object', 'object'].includes(type)) {
    const expected = { string: 'a string', number: 'a number', array: 'an array', strict_object: 'an object', object: 'an object' }[type];
    return { path, message: `must be ${expected}, not ${describeType(issue.input)}` };
  }
  return { path, message: issue.message };
}

// ---------------------------------------------------------------------------------------------
// Rules beyond the shape.

function crossChecks(data: Dataset): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const sources = new Map<string, { source: Source; at: string }>();
  data.sources.forEach((source, i) => {
    const at = `sources[${i}]`;
    const first = sources.get(source.id);
    if (first) add(`${at}.id`, `duplicate source id ${quote(source.id)} (first at ${first.at})`);
    else sources.set(source.id, { source, at });
  });

  const afterAsOf = (path: string, date: string | undefined) => {
    if (date !== undefined && dateSpan(date).start > data.asOf) add(path, `${quote(date)} is after asOf ${quote(data.asOf)}`);
  };
  const refs = (path: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (!sources.has(id)) add(`${path}[${i}]`, `unknown source id ${quote(id)}`);
      if (seen.has(id)) add(`${path}[${i}]`, `source id ${quote(id)} is listed twice`);
      seen.add(id);
    });
  };

  data.sources.forEach((source, i) => afterAsOf(`sources[${i}].published`, source.published));

  const topicAt = new Map<string, string>();
  const figureAt = new Map<string, string>();
  const discrepancyAt = new Map<string, string>();
  const nameAt = new Map<string, string>();

  data.topics.forEach((topic, t) => {
    const at = `topics[${t}]`;
    const firstTopic = topicAt.get(topic.id);
    if (firstTopic) add(`${at}.id`, `duplicate topic id ${quote(topic.id)} (first at ${firstTopic})`);
    else topicAt.set(topic.id, at);

    // Status: real sources, at least one primary, and not dated after asOf.
    refs(`${at}.status.sources`, topic.status.sources);
    afterAsOf(`${at}.status.since`, topic.status.since);
    if (!topic.status.sources.some((id) => sources.get(id)?.source.kind === 'primary')) {
      add(`${at}.status.sources`, `no primary source (a topic's status needs at least one source of kind "primary")`);
    }

    // Events: oldest first. A partial date ("2018-05") may sit beside any day it covers, but no
    // event may end before an earlier-listed event begins.
    let latest: { start: string; date: string; index: number } | null = null;
    topic.events.forEach((event, e) => {
      const path = `${at}.events[${e}]`;
      refs(`${path}.sources`, event.sources);
      afterAsOf(`${path}.date`, event.date);
      if (event.end !== undefined && !(isFullDate(event.date) && event.end > event.date)) {
        add(`${path}.end`, `${quote(event.end)} must be a later day than a full date (YYYY-MM-DD)`);
      }
      if (event.triggers && !event.triggers.words) add(`${path}.triggers.words`, 'is required: an event is recognised by what happened');
      const span = dateSpan(event.date);
      if (latest && span.end < latest.start) {
        add(`${path}.date`, `${quote(event.date)} is out of order: it comes after events[${latest.index}] (${quote(latest.date)}); events must be oldest first`);
      }
      if (!latest || span.start > latest.start) latest = { start: span.start, date: event.date, index: e };
    });

    topic.figures.forEach((figure, f) => {
      const path = `${at}.figures[${f}]`;
      const first = figureAt.get(figure.id);
      if (first) add(`${path}.id`, `duplicate figure id ${quote(figure.id)} (first at ${first})`);
      else figureAt.set(figure.id, path);
      refs(`${path}.sources`, figure.sources);
      afterAsOf(`${path}.from`, figure.from);
      afterAsOf(`${path}.to`, figure.to);
      if (figure.from && figure.to && dateSpan(figure.to).end < dateSpan(figure.from).start) {
        add(`${path}.to`, `${quote(figure.to)} is before from ${quote(figure.from)}`);
      }
    });

    topic.discrepancies.forEach((item, d) => {
      const path = `${at}.discrepancies[${d}]`;
      const first = discrepancyAt.get(item.id);
      if (first) add(`${path}.id`, `duplicate discrepancy id ${quote(item.id)} (first at ${first})`);
      else discrepancyAt.set(item.id, path);
      refs(`${path}.sources`, item.sources);
      (item.claimSources ?? []).forEach((id, i) => {
        if (!item.sources.includes(id)) add(`${path}.claimSources[${i}]`, `${quote(id)} is not one of this discrepancy's sources`);
      });
      const triggers = item.triggers;
      if (triggers?.kind === 'figure') {
        if (!triggers.values) add(`${path}.triggers.values`, 'is required for a figure: the numbers the claim uses');
        if (triggers.dates) add(`${path}.triggers.dates`, 'is only for a date claim');
      } else if (triggers?.kind === 'date') {
        if (triggers.values || triggers.unit) add(`${path}.triggers`, 'values and unit are only for a figure claim');
      }
    });

    // Terms: no phrase twice in a topic, and no topic name shared with another topic.
    const seen = new Map<string, string>();
    for (const list of ['names', 'partners', 'cues'] as const) {
      topic.terms[list].forEach((term, i) => {
        const path = `${at}.terms.${list}[${i}]`;
        const key = `${list}:${term.toLowerCase()}`;
        const first = seen.get(key);
        if (first) add(path, `${quote(term)} is listed twice (first at ${first})`);
        else seen.set(key, path);
        if (list === 'names') {
          const other = nameAt.get(term.toLowerCase());
          if (other && !other.startsWith(`${at}.`)) add(path, `${quote(term)} already names another topic (${other}); a name must be unambiguous`);
          else if (!other) nameAt.set(term.toLowerCase(), path);
        }
      });
    }
    if (topic.terms.names.length === 0 && topic.terms.partners.length === 0) {
      add(`${at}.terms`, 'needs at least one name or partner, or the topic can never be detected');
    }
  });

  return problems;
}

/**
 * Validates a parsed JSON value as the dataset. Throws a DatasetError listing every problem, each
 * as `file: path: problem`, e.g.
 * `src/data/dataset.json: topics[0].events[3].date: "2017-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`.
 */
export function parseDataset(raw: unknown, file = 'src/data/dataset.json'): Dataset {
  const result = v.safeParse(DatasetSchema, raw, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) throw new DatasetError(file, result.issues.map(issueProblem));
  const problems = crossChecks(result.output);
  if (problems.length > 0) throw new DatasetError(file, problems);
  return result.output;
}

/** Like parseDataset, but returns the problems instead of throwing (empty when the data are valid). */
export function datasetProblems(raw: unknown): Problem[] {
  const result = v.safeParse(DatasetSchema, raw, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) return result.issues.map(issueProblem);
  return crossChecks(result.output);
}
