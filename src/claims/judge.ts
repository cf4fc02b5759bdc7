/**
 * Verdicts for one sentence's dates and figures against its topic's record.
 *
 * A date is compared with the events its trigger words point to, a figure with the topic's
 * figures in the same unit. Recorded discrepancies (a claim the press has made, with its finding)
 * come first for figures and after a matching event for dates. `differs` needs one clear record,
 * tied by words close by: exactly one event, or one figure for exactly the same period; otherwise
 * the check says `unverified` or nothing.
 */
import type { DateAnchor, FigureAnchor } from './anchors';
import type { Link, Sentence } from './sentence';
import type { CompiledTopic, DiscrepancyTarget, EventTarget, FigureTarget, Target, Unit } from './targets';
import type { Claim, ClaimVerdict } from './types';

/** Prepositions that make a date a limit, not the day something happened: "since 2005", "delayed to September". */
const BOUNDS = new Set(['since', 'until', 'till', 'by', 'before', 'after', 'to']);

interface Span {
  first: number;
  end: number;
}

interface Candidate {
  target: Target;
  /** The trigger words by the date or number, if the target has any. */
  hit: Span | null;
  distance: number;
  /** Close enough to tell the page it is wrong, not just that it agrees. */
  near: boolean;
  /** How many kinds of trigger the target matched on (words, about, with). */
  specificity: number;
}

export interface Judged {
  /** The claim but for its text and topic, which the caller knows. */
  claim: Omit<Claim, 'text' | 'topic'>;
  /** Where the date or number itself starts, so a passage read twice gives it once. */
  at: number;
}

type Anchor = { kind: 'date'; anchor: DateAnchor } | { kind: 'figure'; anchor: FigureAnchor };

/** Whether the thing named around token `at` (what acted, or what was acted on) is one the target is about. */
function isAbout(s: Sentence, target: Target, at: number, anchor: Span): boolean {
  if (!target.about) return true;
  const limit = anchor.first > at ? anchor.first : s.end;
  return s.subjectsAt(at, anchor, limit).some((subject) => target.about!.has(subject));
}

/** Whether a target is tied to a date or figure by the sentence's words: the nearest of its trigger phrases that is. */
function attach(s: Sentence, target: Target, index: number, anchor: Anchor): Candidate | null {
  let hit: Span | null = null;
  let link: Link = { words: 0, near: true };
  if (target.words) {
    for (const h of s.wordHits(index)) {
      if (s.owner(h, anchor.kind) !== anchor.anchor || (anchor.kind === 'date' && s.hedged(h))) continue;
      const found = s.link(h, anchor.anchor, anchor.kind === 'date' ? anchor.anchor.prep : null);
      if (found && (!hit || found.words < link.words) && isAbout(s, target, h.first, anchor.anchor)) {
        hit = h;
        link = found;
      }
    }
    if (!hit) return null;
  } else if (!isAbout(s, target, anchor.kind === 'figure' ? anchor.anchor.number : anchor.anchor.first, anchor.anchor)) {
    return null;
  }
  if (target.with && !s.hasWith(index)) return null;
  return { target, hit, distance: link.words, near: link.near, specificity: Number(target.words) + Number(!!target.about) + Number(target.with) };
}

function candidates(s: Sentence, topic: CompiledTopic, anchor: Anchor, accepts: (target: Target) => boolean): Candidate[] {
  const found: Candidate[] = [];
  topic.targets.forEach((target, index) => {
    const candidate = accepts(target) ? attach(s, target, index, anchor) : null;
    if (candidate) found.push(candidate);
  });
  return found.sort((a, b) => a.distance - b.distance);
}

function judged(s: Sentence, anchor: Anchor, candidate: Candidate | null, verdict: ClaimVerdict, record: Target | null = candidate?.target ?? null): Judged {
  const { tokens } = s;
  const a = anchor.anchor;
  const first = Math.min(a.first, candidate?.hit?.first ?? a.first);
  const end = Math.max(a.end, candidate?.hit?.end ?? a.end);
  const start = tokens[first]!.start;
  const stop = tokens[end - 1]!.end;
  return {
    at: tokens[anchor.kind === 'figure' ? anchor.anchor.number : a.first]!.start,
    claim: {
      start,
      end: stop,
      kind: anchor.kind,
      verdict,
      expected: record?.expected ?? '',
      sources: record ? [...record.sources] : [],
      record: record ? { type: record.type, id: record.id } : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Dates.

type DateResult = 'matches' | 'differs' | 'coarser' | 'unclear';

/** How a stated date stands to an event's: "November 2018" matches 9 November 2018; "2 November 2018" differs. */
export function compareDate(date: Pick<DateAnchor, 'from' | 'to' | 'grain'>, event: Pick<EventTarget, 'from' | 'to' | 'multiDay'>): DateResult {
  if (date.from <= event.from && event.to <= date.to) return 'matches';
  // One day of a two-day hearing is right.
  if (event.multiDay && event.from <= date.from && date.to <= event.to) return 'matches';
  // The record gives only the month or year: it cannot confirm the day.
  if (event.from <= date.from && date.to <= event.to) return 'coarser';
  if (date.to < event.from || event.to < date.from) {
    // "Early 2018" for May 2018 is too loose to call wrong; "late 2016" for January 2017 is not.
    return date.grain === 'season' && date.from.slice(0, 4) === event.from.slice(0, 4) ? 'unclear' : 'differs';
  }
  return event.multiDay ? 'differs' : 'unclear';
}

export function judgeDate(s: Sentence, topic: CompiledTopic, date: DateAnchor): Judged | null {
  if (date.period) return null;
  const anchor: Anchor = { kind: 'date', anchor: date };
  const bound = BOUNDS.has(date.prep ?? '');
  const found = candidates(s, topic, anchor, (target) => {
    if (target.type === 'event') return !bound && (date.prep !== 'from' || target.startsFrom);
    if (target.type !== 'discrepancy' || target.kind !== 'date') return false;
    return !target.dates || target.dates.some((d) => d.from <= date.to && date.from <= d.to);
  });
  const events = found.flatMap((c) => (c.target.type === 'event' ? [{ c, result: compareDate(date, c.target) }] : []));
  const match = events.find((e) => e.result === 'matches');
  if (match) return judged(s, anchor, match.c, 'matches');
  const discrepancy = found.find((c) => c.target.type === 'discrepancy' && (c.near || c.target.verdict !== 'differs'));
  if (discrepancy) return judged(s, anchor, discrepancy, (discrepancy.target as DiscrepancyTarget).verdict);
  const coarser = events.find((e) => e.result === 'coarser');
  if (coarser) return judged(s, anchor, coarser.c, 'unverified');
  const only = events.length === 1 ? events[0]! : null;
  if (only && only.result === 'differs' && only.c.near) return judged(s, anchor, only.c, 'differs');
  return null;
}

// ---------------------------------------------------------------------------------------------
// Figures.

const sameUnit = (figure: FigureAnchor, unit: Unit) => figure.unit === unit.unit && figure.rate === unit.rate;

/** Whether a stated figure fits a recorded value, allowing for rounding and "more than" and the like. */
export function valueFits(figure: Pick<FigureAnchor, 'value' | 'precision' | 'qualifier'>, value: number): boolean {
  const stated = figure.value;
  if (stated === value) return true;
  const within = (share: number) => Math.abs(value - stated) <= share * stated;
  const rounded = Number.isFinite(figure.precision) && Number(value.toPrecision(Math.min(figure.precision, 21))) === stated;
  switch (figure.qualifier) {
    case 'over':
      return value > stated;
    case 'at least':
      return value >= stated;
    case 'under':
      return value < stated;
    case 'up to':
      return value <= stated && within(0.1);
    case 'almost':
      return value <= stated && within(0.15);
    case 'about':
      return rounded || within(0.1);
    default:
      // "8,000" for 8,127 is rounding; "£300m" for £330m is not.
      return rounded && within(0.05);
  }
}

interface Period {
  from: string;
  to: string;
  vague: boolean;
}

function periodOf(date: DateAnchor | null): Period | null {
  if (!date) return null;
  // "since 2010" runs on; "until 2018" runs from whenever.
  if (date.prep === 'since' || date.prep === 'from') return { from: date.from, to: '9999-12-31', vague: true };
  if (BOUNDS.has(date.prep ?? '')) return { from: '0000-01-01', to: date.to, vague: true };
  return { from: date.from, to: date.to, vague: date.vague || date.grain === 'season' };
}

/** Overlapping periods, or a figure whose period has no clear ends: nothing says they differ. */
function periodFits(period: Period | null, figure: FigureTarget): boolean {
  if (!period || !figure.from || !figure.to) return true;
  return period.from <= figure.to && figure.from <= period.to;
}

/** The same months at both ends: the statement is about the recorded figure's own period. */
function samePeriod(period: Period, figure: FigureTarget): boolean {
  return !period.vague && !!figure.from && !!figure.to && period.from.slice(0, 7) === figure.from.slice(0, 7) && period.to.slice(0, 7) === figure.to.slice(0, 7);
}

export function judgeFigure(s: Sentence, topic: CompiledTopic, figure: FigureAnchor): Judged | null {
  const anchor: Anchor = { kind: 'figure', anchor: figure };
  const found = candidates(s, topic, anchor, (target) => {
    if (target.type === 'figure') return sameUnit(figure, target.unit);
    if (target.type !== 'discrepancy' || target.kind !== 'figure') return false;
    return !!target.values?.includes(figure.value) && (!target.unit || sameUnit(figure, target.unit));
  });
  const discrepancy = found.find((c) => c.target.type === 'discrepancy' && (c.near || c.target.verdict !== 'differs'));
  if (discrepancy) return judged(s, anchor, discrepancy, (discrepancy.target as DiscrepancyTarget).verdict);

  const period = periodOf(s.periodOf(figure));
  const figures = found.filter((c): c is Candidate & { target: FigureTarget } => c.target.type === 'figure');
  const bySpecificity = (list: typeof figures) => [...list].sort((a, b) => b.specificity - a.specificity);
  const fit = bySpecificity(figures.filter((c) => valueFits(figure, c.target.value) && periodFits(period, c.target)))[0];
  if (fit) return judged(s, anchor, fit, 'matches');
  // An exact figure of three or more digits is the record's own, whatever noun the page uses for it.
  if (figure.precision >= 3 && figure.value >= 100) {
    const same = topic.targets.find((t): t is FigureTarget => t.type === 'figure' && t.value === figure.value && periodFits(period, t));
    if (same) return judged(s, anchor, null, 'matches', same);
  }
  if (period) {
    // One figure for exactly this period, tied by words and not by its unit alone, and more tied than any other.
    const samePeriodFigures = bySpecificity(figures.filter((c) => c.near && samePeriod(period, c.target)));
    const [best, next] = samePeriodFigures;
    if (best && best.specificity > 0 && (!next || next.specificity < best.specificity)) return judged(s, anchor, best, 'differs');
  }
  // The topic counts this kind of thing, but not this figure: nothing on record.
  if (figures.length > 0) return judged(s, anchor, null, 'unverified', null);
  return null;
}
