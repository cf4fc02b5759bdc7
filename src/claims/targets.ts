/**
 * What a topic's dates and figures can be checked against ("targets"): its events, figures and
 * discrepancies that carry `triggers` in the dataset, compiled once per dataset.
 */
import type { Dataset, DatasetEvent, Discrepancy, Figure, Topic, Triggers, Verdict } from '../data/schema';
import { dateSpan } from '../data/schema';
import { formatDate } from '../dates';
import { unitOf } from './anchors';
import { PhraseIndex, phraseWords } from './tokens';

/** A figure's unit read apart: "people a month (up to)" → people, month, "up to". */
export interface Unit {
  unit: string;
  rate: 'year' | 'month' | null;
  /** "up to", "more than" and the like, from the brackets. */
  qualifier: string | null;
  /** The words without the brackets, for display: "people a month". */
  label: string;
}

export function parseUnit(text: string): Unit {
  const qualifier = /\(([^)]*)\)/.exec(text)?.[1] ?? null;
  const label = text.replace(/\s*\([^)]*\)/, '').trim();
  const rate = / a year$/.test(label) ? 'year' : / a month$/.test(label) ? 'month' : null;
  const noun = label.replace(/ a (year|month)$/, '');
  const words = noun.split(' ');
  const last = unitOf(words[words.length - 1]!);
  const unit = /^GBP\b/.test(noun) ? 'GBP' : noun === 'percent' ? 'percent' : words[0] === 'new' ? `new ${last}` : last;
  return { unit, rate, qualifier, label };
}

interface Cues {
  /** The target has words that must sit by the date or number. */
  words: boolean;
  /** Subjects the nearest named thing must be one of (normalised phrases). */
  about: ReadonlySet<string> | null;
  /** One of these must be in the sentence. */
  with: boolean;
}

interface Base extends Cues {
  /** The record: `topic/n` for the n-th event (as in the JSON-LD export), else the figure's or discrepancy's id. */
  id: string;
  sources: string[];
  /** What the record says, for the reader. */
  expected: string;
}

export interface EventTarget extends Base {
  type: 'event';
  from: string;
  to: string;
  /** Ran over several days (a hearing): a day inside it is right. */
  multiDay: boolean;
  /** Says when something took effect: "from 1 January 2017" is its date. */
  startsFrom: boolean;
}

export interface FigureTarget extends Base {
  type: 'figure';
  value: number;
  unit: Unit;
  from: string | null;
  to: string | null;
}

export interface DiscrepancyTarget extends Base {
  type: 'discrepancy';
  kind: 'date' | 'figure';
  verdict: Verdict;
  dates: { from: string; to: string }[] | null;
  values: number[] | null;
  unit: Unit | null;
}

export type Target = EventTarget | FigureTarget | DiscrepancyTarget;

export type PhraseRole = { role: 'words' | 'with'; target: number } | { role: 'subject'; key: string };

export interface CompiledTopic {
  targets: Target[];
  /** Every trigger phrase and every subject, by first word. */
  phrases: PhraseIndex<PhraseRole>;
}

/** Things a sentence may be about besides a target's own subjects: "the exemption came into force…". */
const OTHER_SUBJECTS = [
  'exemption', 'immigration exemption', 'regulations', 'rules', 'Immigration Rules', 'Act', 'Bill', 'judgment', 'ruling',
  'appeal', 'Court of Appeal', 'High Court', 'court', 'claim', 'challenge', 'legal challenge', 'judicial review', 'review',
  'report', 'letter', 'letters', 'guidance', 'contract', 'tender', 'procurement', 'platform', 'programme', 'inquiry',
  'committee', 'notice', 'consultation', 'policy', 'study', 'survey', 'directions', 'clause', 'amendment', 'debate',
  'statement', 'hearing', 'investigation', 'correspondence', 'campaign', 'surcharge', 'census', 'budget', 'deadline',
];

/** Words of "from" dates that are a start: "took effect from 1 January 2017" (not "delayed from July"). */
const STARTING = new Set(['effect', 'force', 'effective', 'apply', 'applies', 'applied', 'operational', 'live', 'introduced', 'began', 'started']);

const key = (phrase: string) => phraseWords(phrase).join(' ');

function expectedDate(event: DatasetEvent): string {
  if (!event.end) return formatDate(event.date, 'en-GB');
  const [first, last] = [formatDate(event.date, 'en-GB'), formatDate(event.end, 'en-GB')];
  // "24–25 February 2021" within a month, else both in full.
  return event.date.slice(0, 7) === event.end.slice(0, 7) ? `${first.split(' ')[0]}–${last}` : `${first}–${last}`;
}

const pounds = (value: number) => (value >= 1e9 ? `£${value / 1e9}bn` : value >= 1e6 ? `£${value / 1e6}m` : `£${value.toLocaleString('en-GB')}`);

export function expectedFigure(figure: Figure): string {
  const unit = parseUnit(figure.unit);
  const amount =
    unit.unit === 'GBP'
      ? `${pounds(figure.value)}${unit.rate ? ` a ${unit.rate}` : ''}`
      : unit.unit === 'percent'
        ? `${figure.value}%`
        : unit.unit.endsWith('clause')
          ? `${unit.label} ${figure.value}`
          : `${figure.value.toLocaleString('en-GB')} ${unit.label}`;
  return `${unit.qualifier ? `${unit.qualifier} ` : ''}${amount} (${figure.period})`;
}

function cues(triggers: Triggers | undefined): Cues {
  return {
    words: !!triggers?.words,
    about: triggers?.about ? new Set(triggers.about.map(key)) : null,
    with: !!triggers?.with,
  };
}

function compileTopic(topic: Topic): CompiledTopic {
  const targets: Target[] = [];
  const phrases = new PhraseIndex<PhraseRole>();
  const subjects = new Set(OTHER_SUBJECTS.map(key));
  const add = (target: Target, triggers: Triggers | undefined) => {
    const index = targets.push(target) - 1;
    for (const phrase of triggers?.words ?? []) phrases.add(phrase, { role: 'words', target: index });
    for (const phrase of triggers?.with ?? []) phrases.add(phrase, { role: 'with', target: index });
    for (const phrase of triggers?.about ?? []) subjects.add(key(phrase));
  };
  topic.events.forEach((event, i) => {
    if (!event.triggers) return;
    const words = new Set((event.triggers.words ?? []).flatMap(phraseWords));
    add(
      {
        type: 'event', id: `${topic.id}/${i + 1}`, sources: event.sources, expected: expectedDate(event),
        from: dateSpan(event.date).start, to: event.end ?? dateSpan(event.date).end, multiDay: !!event.end,
        startsFrom: [...words].some((w) => STARTING.has(w)), ...cues(event.triggers),
      },
      event.triggers,
    );
  });
  // Every figure takes part: its unit is a trigger in itself.
  for (const figure of topic.figures) {
    add(
      {
        type: 'figure', id: figure.id, sources: figure.sources, expected: expectedFigure(figure),
        value: figure.value, unit: parseUnit(figure.unit),
        from: figure.from ? dateSpan(figure.from).start : null, to: figure.to ? dateSpan(figure.to).end : null, ...cues(figure.triggers),
      },
      figure.triggers,
    );
  }
  for (const item of topic.discrepancies) {
    const t = item.triggers;
    // A discrepancy without a verdict says nothing a page should be told.
    if (!t || !item.verdict) continue;
    add(discrepancyTarget(item, t.kind, item.verdict), t);
  }
  for (const subject of subjects) phrases.add(subject, { role: 'subject', key: subject });
  return { targets, phrases };
}

function discrepancyTarget(item: Discrepancy, kind: 'date' | 'figure', verdict: Verdict): DiscrepancyTarget {
  const t = item.triggers!;
  return {
    type: 'discrepancy', id: item.id, sources: item.sources, expected: item.expected ?? '', kind, verdict,
    dates: t.dates ? t.dates.map((d) => ({ from: dateSpan(d).start, to: dateSpan(d).end })) : null,
    values: t.values ?? null, unit: t.unit ? parseUnit(t.unit) : null, ...cues(t),
  };
}

const compiled = new WeakMap<Dataset, Map<string, CompiledTopic>>();

/** The dataset's topics, compiled once and kept for as long as the dataset object lives. */
export function compileDataset(dataset: Dataset): Map<string, CompiledTopic> {
  let topics = compiled.get(dataset);
  if (!topics) {
    topics = new Map(dataset.topics.map((topic) => [topic.id, compileTopic(topic)]));
    compiled.set(dataset, topics);
  }
  return topics;
}

/** Every unit a figure or discrepancy of the dataset counts in: the nouns worth reading after a number. */
export function knownUnits(topics: Iterable<CompiledTopic>): Set<string> {
  const units = new Set(['people', 'request', 'GBP', 'percent']);
  for (const topic of topics) {
    for (const target of topic.targets) {
      if (target.type === 'figure') units.add(target.unit.unit);
      if (target.type === 'discrepancy' && target.unit) units.add(target.unit.unit);
    }
  }
  return units;
}
