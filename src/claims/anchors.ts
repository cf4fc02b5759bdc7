/**
 * The dates and figures a sentence states ("anchors"), read from its tokens.
 *
 * Dates: "9 November 2018", "November 9, 2018", "24–25 February 2021", "November 2018", "2018",
 * "late 2016", "mid-2018", and, given the article's date, "last year", "this year", "last month".
 * Periods (for figures): "between January and November 2016", "September–November 2016",
 * "2014–2016", "the first quarter of 2016", "the first 11 months of 2016", "the past year".
 * Figures: "8,127 requests", "more than 8,000 people", "£330m", "1.6 million patients",
 * "over 90%", "three conditions", "clause 12". "Thousands" is not a figure: it has no number.
 */
import { dateSpan, isPartialDate } from '../data/schema';
import { isJoiner, normalise, type Token } from './tokens';

export type Grain = 'day' | 'days' | 'month' | 'season' | 'year';

export interface DateAnchor {
  /** Tokens [first, end). */
  first: number;
  end: number;
  /** The days it can mean, as YYYY-MM-DD. */
  from: string;
  to: string;
  grain: Grain;
  /** A span of months or years: how long a figure ran, never the day something happened. */
  period: boolean;
  /** "The past year" and the like: a loose span. */
  vague: boolean;
  /** The word before it ("in", "on", "since"), if any. */
  prep: string | null;
}

export type Qualifier = 'over' | 'under' | 'about' | 'almost' | 'up to' | 'at least';

export interface FigureAnchor {
  first: number;
  end: number;
  /** Where the number itself is, for the claim's own words. */
  number: number;
  value: number;
  /** Significant digits as written: "8,000" → 1, "8,127" → 4, "1.6 million" → 2. */
  precision: number;
  qualifier: Qualifier | null;
  /** The kind of thing counted: "request", "people", "GBP", "percent", "clause"… or null. */
  unit: string | null;
  rate: 'year' | 'month' | null;
}

// ---------------------------------------------------------------------------------------------
// Small readers over tokens. Each returns the index after what it read, or -1.

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

const pad = (n: number) => String(n).padStart(2, '0');

class Reader {
  constructor(
    readonly tokens: readonly Token[],
    readonly end: number,
  ) {}

  at(i: number): Token | undefined {
    return i < this.end ? this.tokens[i] : undefined;
  }

  /** One of the given words (normalised), or -1. */
  word(i: number, ...words: string[]): number {
    const token = this.at(i);
    return token && token.kind === 'word' && words.includes(token.norm) ? i + 1 : -1;
  }

  /** Words in sequence, skipping joiners ("mid-2018"). */
  words(i: number, ...words: string[]): number {
    let at = i;
    for (const word of words) {
      if (isJoiner(this.tokens, at)) at++;
      at = this.word(at, word);
      if (at < 0) return -1;
    }
    return at;
  }

  /** A capitalised month name, and a full stop after an abbreviation ("Sept."). */
  month(i: number): { value: number; next: number } | null {
    const token = this.at(i);
    if (!token || token.kind !== 'word' || !/^\p{Lu}/u.test(token.text)) return null;
    const value = MONTHS[token.norm];
    if (value === undefined) return null;
    const next = this.at(i + 1)?.text === '.' && token.norm.length <= 4 && !this.at(i + 1)!.spaced ? i + 2 : i + 1;
    return { value, next };
  }

  year(i: number): { value: number; next: number } | null {
    const token = this.at(i);
    if (!token || token.kind !== 'number' || !/^\d{4}$/.test(token.text)) return null;
    const value = Number(token.text);
    // "SI 2024/342" and "2017/18" are not years on their own.
    const after = this.at(i + 1);
    if (value < 1900 || value > 2099 || (after && after.text === '/' && !after.spaced)) return null;
    return { value, next: i + 1 };
  }

  /** A day of the month, with "th" and the like. */
  day(i: number): { value: number; next: number } | null {
    const token = this.at(i);
    if (!token || token.kind !== 'number' || !/^\d{1,2}$/.test(token.text)) return null;
    const value = Number(token.text);
    if (value < 1 || value > 31) return null;
    const suffix = this.at(i + 1);
    const next = suffix && !suffix.spaced && ['st', 'nd', 'rd', 'th'].includes(suffix.norm) ? i + 2 : i + 1;
    return { value, next };
  }

  /** "–", "-", "to" or "and" between the two ends of a range. */
  dash(i: number): number {
    const token = this.at(i);
    if (token && token.kind === 'punct' && '-‐‑–—'.includes(token.text)) return i + 1;
    return this.word(i, 'to', 'and');
  }

  /** An optional token: the index after it when present, else i. */
  optional(i: number, text: string): number {
    return this.at(i)?.norm === text ? i + 1 : i;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates.

type Found = Omit<DateAnchor, 'first' | 'end' | 'prep'> & { next: number };

function partial(year: number, month?: number, day?: number): string | null {
  const value = day !== undefined ? `${year}-${pad(month!)}-${pad(day)}` : month !== undefined ? `${year}-${pad(month)}` : `${year}`;
  return isPartialDate(value) ? value : null;
}

function found(from: string | null, to: string | null, grain: Grain, next: number, period = false, vague = false): Found | null {
  if (!from || !to) return null;
  const start = dateSpan(from).start;
  const end = dateSpan(to).end;
  return end < start ? null : { from: start, to: end, grain, next, period, vague };
}

/** "late 2016" and friends: the months each phrase covers, generously. */
const SEASONS: [string[], number, number][] = [
  [['early'], 1, 4], [['start', 'of'], 1, 3], [['beginning', 'of'], 1, 3],
  [['mid'], 5, 8], [['middle', 'of'], 5, 8], [['late'], 9, 12], [['end', 'of'], 10, 12],
  [['spring'], 3, 5], [['summer'], 6, 8], [['autumn'], 9, 11],
];

const QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, q1: 1, q2: 2, q3: 3, q4: 4 };

interface Today {
  year: number;
  month: number;
  date: string;
}

function readDate(r: Reader, i: number, today: Today | null): Found | null {
  // 24–25 February 2021; 24 and 25 February 2021
  const d1 = r.day(i);
  if (d1) {
    const joined = r.dash(d1.next);
    const d2 = joined > 0 ? r.day(joined) : null;
    const m = d2 ? r.month(d2.next) : null;
    const y = m ? r.year(m.next) : null;
    if (d2 && m && y && d2.value > d1.value) return found(partial(y.value, m.value, d1.value), partial(y.value, m.value, d2.value), 'days', y.next);
    // 9 November 2018; 9th of November, 2018
    const m1 = r.month(r.optional(d1.next, 'of'));
    const y1 = m1 ? r.year(r.optional(m1.next, ',')) : null;
    if (m1 && y1) return found(partial(y1.value, m1.value, d1.value), partial(y1.value, m1.value, d1.value), 'day', y1.next);
  }
  const m = r.month(i);
  if (m) {
    // November 9, 2018
    const d = r.day(m.next);
    const yd = d ? r.year(r.optional(d.next, ',')) : null;
    if (d && yd) return found(partial(yd.value, m.value, d.value), partial(yd.value, m.value, d.value), 'day', yd.next);
    // September–November 2016; between September and November 2016
    const joined = r.dash(m.next);
    const m2 = joined > 0 ? r.month(joined) : null;
    const y2 = m2 ? r.year(m2.next) : null;
    if (m2 && y2 && m2.value > m.value) return found(partial(y2.value, m.value), partial(y2.value, m2.value), 'month', y2.next, true);
    const y = r.year(m.next);
    if (y) {
      // January 2014 to November 2016
      const on = r.dash(y.next);
      const m3 = on > 0 ? r.month(on) : null;
      const y3 = m3 ? r.year(m3.next) : null;
      if (m3 && y3) return found(partial(y.value, m.value), partial(y3.value, m3.value), 'month', y3.next, true);
      return found(partial(y.value, m.value), partial(y.value, m.value), 'month', y.next);
    }
    // January last year (with the article's date)
    const relative = today ? r.word(m.next, 'last', 'this') : -1;
    const year = relative > 0 ? r.word(relative, 'year') : -1;
    if (year > 0) {
      const value = today!.year - (r.at(m.next)!.norm === 'last' ? 1 : 0);
      return found(partial(value, m.value), partial(value, m.value), 'month', year);
    }
  }
  // late 2016, the start of 2017, mid-2018, late in 2016
  const lead = r.optional(i, 'the');
  for (const [words, from, to] of SEASONS) {
    const after = r.words(lead, ...words);
    if (after < 0) continue;
    const y = r.year(isJoiner(r.tokens, after) ? after + 1 : r.optional(r.optional(after, 'of'), 'in'));
    if (y) return found(partial(y.value, from), partial(y.value, to), 'season', y.next);
  }
  // the first quarter of 2016, Q1 2016, the first 11 months of 2016
  const quarter = QUARTERS[r.at(lead)?.norm ?? ''];
  if (quarter) {
    const q = r.words(lead + 1, 'quarter', 'of');
    const y = r.year(q > 0 ? q : r.at(lead)!.norm.startsWith('q') ? lead + 1 : -1);
    if (y) return found(partial(y.value, quarter * 3 - 2), partial(y.value, quarter * 3), 'month', y.next, true);
  }
  if (r.word(lead, 'first') > 0) {
    const count = r.at(lead + 1);
    const n = count?.kind === 'number' ? Number(count.text) : NUMBER_WORDS[count?.norm ?? ''];
    const months = r.words(lead + 2, 'months', 'of');
    const y = months > 0 ? r.year(months) : null;
    if (y && n && n >= 1 && n <= 12) return found(partial(y.value, 1), partial(y.value, n), 'month', y.next, true);
  }
  const y = r.year(i);
  if (y) {
    // 2014–2016, 2017–19, between 2014 and 2016
    const joined = r.dash(y.next);
    const end = joined > 0 ? r.at(joined) : undefined;
    if (end?.kind === 'number' && /^(\d{2}|\d{4})$/.test(end.text)) {
      const last = end.text.length === 2 ? Math.floor(y.value / 100) * 100 + Number(end.text) : Number(end.text);
      if (last > y.value) return found(partial(y.value), partial(last), 'year', joined + 1, true);
    }
    return found(partial(y.value), partial(y.value), 'year', y.next);
  }
  if (today) return readRelative(r, i, today);
  return null;
}

/** "last year", "this year", "last month", "the past year", "the last 12 months": only with the article's date. */
function readRelative(r: Reader, i: number, today: Today): Found | null {
  const lead = r.optional(i, 'the');
  const which = r.word(lead, 'last', 'this', 'past');
  if (which < 0) return null;
  const word = r.at(lead)!.norm;
  const year = r.word(which, 'year');
  if (year > 0 && word !== 'past' && lead === i) {
    const value = today.year - (word === 'last' ? 1 : 0);
    return found(partial(value), partial(value), 'year', year);
  }
  const month = r.word(which, 'month');
  if (month > 0 && word !== 'past' && lead === i) {
    const back = word === 'last' ? 1 : 0;
    const value = new Date(Date.UTC(today.year, today.month - 1 - back, 1));
    return found(partial(value.getUTCFullYear(), value.getUTCMonth() + 1), partial(value.getUTCFullYear(), value.getUTCMonth() + 1), 'month', month);
  }
  // "the past year" / "the last 12 months": the twelve months before the article.
  const twelve = r.word(which, '12', 'twelve');
  const span = year > 0 && lead > i ? year : twelve > 0 ? r.word(twelve, 'months') : -1;
  if (span < 0) return null;
  const from = `${today.year - 1}${today.date.slice(4)}`;
  return found(isPartialDate(from) ? from : `${today.year - 1}-${today.date.slice(5, 7)}`, today.date, 'month', span, true, true);
}

/** Every date and period in tokens[first, end), left to right, none overlapping. */
export function findDates(tokens: readonly Token[], first: number, end: number, articleDate?: string): DateAnchor[] {
  const r = new Reader(tokens, end);
  const today = articleDate ? { year: Number(articleDate.slice(0, 4)), month: Number(articleDate.slice(5, 7)), date: articleDate } : null;
  const anchors: DateAnchor[] = [];
  for (let i = first; i < end; i++) {
    const date = readDate(r, i, today);
    if (!date) continue;
    const { next, ...rest } = date;
    const before = i > first ? tokens[i - 1]! : null;
    anchors.push({ ...rest, first: i, end: next, prep: before?.kind === 'word' ? before.norm : null });
    i = next - 1;
  }
  return anchors;
}

// ---------------------------------------------------------------------------------------------
// Figures.

/** Nouns that count the same thing: 8,000 "patients", "people" and "records" are all people. */
const SAME_UNIT: Record<string, string> = {
  person: 'people', individual: 'people', patient: 'people', migrant: 'people', immigrant: 'people',
  record: 'people', pupil: 'people', child: 'people', children: 'people', adult: 'people', 'opt-out': 'people',
  application: 'request', query: 'request', enquiry: 'request',
};

/** A noun as a unit: singular, with synonyms folded ("requests" → "request", "patients" → "people"). */
export function unitOf(word: string): string {
  let w = normalise(word);
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return SAME_UNIT[w] ?? w;
}

const QUALIFIERS: [string[], Qualifier][] = (
  [
    ['more than', 'over'], ['in excess of', 'over'], ['upwards of', 'over'], ['above', 'over'], ['over', 'over'],
    ['fewer than', 'under'], ['less than', 'under'], ['under', 'under'], ['below', 'under'],
    ['almost', 'almost'], ['nearly', 'almost'], ['close to', 'almost'], ['just under', 'almost'], ['just short of', 'almost'],
    ['about', 'about'], ['around', 'about'], ['some', 'about'], ['roughly', 'about'], ['approximately', 'about'],
    ['an estimated', 'about'], ['estimated', 'about'], ['circa', 'about'],
    ['up to', 'up to'], ['as many as', 'up to'], ['as much as', 'up to'], ['a maximum of', 'up to'], ['at most', 'up to'], ['no more than', 'up to'],
    ['at least', 'at least'], ['a minimum of', 'at least'], ['no fewer than', 'at least'], ['no less than', 'at least'],
  ] as [string, Qualifier][]
)
  .map(([phrase, q]): [string[], Qualifier] => [phrase.split(' '), q])
  .sort((a, b) => b[0].length - a[0].length);

/** "handed over 8,000 records" hands over 8,000; it does not say "more than". */
const OVER_AS_VERB = new Set(['handed', 'hand', 'hands', 'handing', 'turned', 'passed', 'taken', 'took', 'given', 'signed']);

/** Words after which a number is a reference, not a count: "HC 677", "section 253", "Article 23". */
const REFERENCES = new Set([
  'hc', 'si', 'section', 'sections', 'schedule', 'paragraph', 'paragraphs', 'para', 'article', 'articles', 'regulation', 'regulations',
  'page', 'no', 'number', 'pq', 'amd', 'civ', 'ewca', 'ewhc', 'kb', 'admin', 'uksi', 'ukpga', 'chapter', 'part', 'rule', 'rules', 'c', 'dcb',
]);

const MULTIPLIERS: Record<string, number> = { m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, k: 1e3, thousand: 1e3 };

const RATES: [string[], 'year' | 'month'][] = [
  [['a', 'year'], 'year'], [['each', 'year'], 'year'], [['per', 'year'], 'year'], [['every', 'year'], 'year'], [['annually'], 'year'],
  [['a', 'month'], 'month'], [['each', 'month'], 'month'], [['per', 'month'], 'month'], [['every', 'month'], 'month'], [['monthly'], 'month'],
];

/** "8,127" → 8127; "1.6" → 1.6; null for "1,2,3" and other malformed groupings. */
function numberValue(text: string): number | null {
  const [whole, fraction, extra] = text.split('.');
  if (extra !== undefined || whole === undefined || fraction === '') return null;
  const groups = whole.split(',');
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  return Number(groups.join('') + (fraction !== undefined ? `.${fraction}` : ''));
}

function significantDigits(text: string): number {
  const digits = text.replace(/,/g, '');
  if (digits.includes('.')) return digits.replace('.', '').replace(/^0+/, '').length;
  return digits.replace(/^0+/, '').replace(/0+$/, '').length || 1;
}

function qualifierBefore(r: Reader, at: number, first: number): { qualifier: Qualifier; first: number } | null {
  for (const [words, qualifier] of QUALIFIERS) {
    const start = at - words.length;
    if (start < first || r.words(start, ...words) !== at) continue;
    if (qualifier === 'over' && words.length === 1 && OVER_AS_VERB.has(r.at(start - 1)?.norm ?? '')) return null;
    return { qualifier, first: start };
  }
  return null;
}

/** The first known unit among the next few words: "8,127 Home Office tracing requests" → "request". */
function unitAfter(r: Reader, i: number, units: ReadonlySet<string>): { unit: string; next: number } | null {
  let at = i;
  for (let seen = 0; seen < 4; seen++) {
    const token = r.at(at);
    if (!token || token.kind !== 'word') return null;
    // "opt-outs": a hyphenated noun is one word.
    const joined = isJoiner(r.tokens, at + 1) && r.at(at + 2)?.kind === 'word' ? `${token.text}-${r.at(at + 2)!.text}` : null;
    if (joined && units.has(unitOf(joined))) return { unit: unitOf(joined), next: at + 3 };
    if (units.has(unitOf(token.text))) return { unit: unitOf(token.text), next: at + 1 };
    at = joined ? at + 3 : at + 1;
  }
  return null;
}

function rateAfter(r: Reader, i: number): { rate: 'year' | 'month'; next: number } | null {
  for (let at = i; at < i + 4 && r.at(at)?.kind === 'word'; at++) {
    for (const [words, rate] of RATES) {
      const next = r.words(at, ...words);
      if (next > 0) return { rate, next };
    }
  }
  return null;
}

/**
 * Every figure in tokens[first, end), skipping tokens that dates already took. `units` are the
 * nouns worth reading as units (from the dataset's figures).
 */
export function findFigures(tokens: readonly Token[], first: number, end: number, taken: ReadonlySet<number>, units: ReadonlySet<string>): FigureAnchor[] {
  const r = new Reader(tokens, end);
  const anchors: FigureAnchor[] = [];
  for (let i = first; i < end; i++) {
    const token = tokens[i]!;
    if (taken.has(i)) continue;
    const previous = i > first ? tokens[i - 1]! : null;
    // clause 12, new clause 12
    if (token.kind === 'word' && token.norm === 'clause' && r.at(i + 1)?.kind === 'number') {
      const value = numberValue(r.at(i + 1)!.text);
      const isNew = previous?.norm === 'new';
      if (value !== null) anchors.push({ first: isNew ? i - 1 : i, end: i + 2, number: i + 1, value, precision: Infinity, qualifier: null, unit: isNew ? 'new clause' : 'clause', rate: null });
      i += 1;
      continue;
    }
    // three conditions, four areas: a number word counts only with a unit right after it.
    const wordValue = token.kind === 'word' ? NUMBER_WORDS[token.norm] : undefined;
    if (wordValue !== undefined) {
      const unit = r.at(i + 1) && units.has(unitOf(r.at(i + 1)!.text)) ? unitOf(r.at(i + 1)!.text) : null;
      if (unit && unit !== 'clause') {
        const q = qualifierBefore(r, i, first);
        anchors.push({ first: q?.first ?? i, end: i + 2, number: i, value: wordValue, precision: Infinity, qualifier: q?.qualifier ?? null, unit, rate: null });
      }
      continue;
    }
    if (token.kind !== 'number') continue;
    const base = numberValue(token.text);
    const after = r.at(i + 1);
    const slashed = (after?.text === '/' && !after.spaced) || (previous?.text === '/' && !token.spaced);
    if (base === null || slashed || (previous?.kind === 'word' && REFERENCES.has(previous.norm))) continue;
    const pound = previous?.text === '£';
    let at = i + 1;
    let multiplier = 1;
    const scale = r.at(at);
    if (scale?.kind === 'word' && MULTIPLIERS[scale.norm] && (scale.spaced ? scale.norm.length > 2 : true)) {
      multiplier = MULTIPLIERS[scale.norm]!;
      at++;
    }
    let unit: string | null = null;
    if (pound) unit = 'GBP';
    else if (r.at(at)?.text === '%') {
      unit = 'percent';
      at++;
    } else if (r.words(at, 'per', 'cent') > 0 || r.word(at, 'percent') > 0) {
      unit = 'percent';
      at = Math.max(r.words(at, 'per', 'cent'), r.word(at, 'percent'));
    }
    // A bare year ("in 2016 requests rose") is a date the date reader left alone, not a count.
    if (!unit && multiplier === 1 && /^\d{4}$/.test(token.text) && base >= 1900 && base <= 2099) continue;
    if (!unit) {
      const counted = unitAfter(r, at, units);
      if (counted) {
        unit = counted.unit;
        at = counted.next;
      }
    }
    const rate = rateAfter(r, at);
    const q = qualifierBefore(r, pound ? i - 1 : i, first);
    anchors.push({
      first: q?.first ?? (pound ? i - 1 : i),
      end: rate?.next ?? at,
      number: i,
      value: Math.round(base * multiplier * 1000) / 1000,
      precision: significantDigits(token.text),
      qualifier: q?.qualifier ?? null,
      unit,
      rate: rate?.rate ?? null,
    });
    i = (rate?.next ?? at) - 1;
  }
  return anchors;
}
