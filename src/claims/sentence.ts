/**
 * One sentence, read for claims: its dates and figures, the trigger phrases near them, and the
 * rules that decide whether a phrase is really about a given date or number.
 *
 * The rules keep a date about one event from being compared with another:
 * - a trigger must sit within a few words of the date or number, with no clause break, no
 *   "after", "which", "until"… and no "and" starting a new statement in between;
 * - each trigger belongs to the nearest date (or number) only;
 * - "called for it to be suspended", "would be withdrawn", "was not withdrawn": a trigger after a
 *   hedge or negation asserts nothing about dates;
 * - what acted or was acted on (the nearest thing named before or after the trigger) must be
 *   what the record is about: "the committee released evidence" is not about its report.
 */
import { findDates, findFigures, type DateAnchor, type FigureAnchor } from './anchors';
import type { CompiledTopic, PhraseRole } from './targets';
import { isClauseBreak, type PhraseHit, type Token } from './tokens';

/**
 * Words between a trigger and its date or number. A near link (a few words, one prepositional
 * phrase at most: "withdrawn by NHS Digital on…") is close enough to say the page's date differs.
 * A far one ("renewed the memorandum on patient data between NHS Digital and the Home Office on
 * 20 December 2017") is only good enough to agree: in "withdrawn under pressure from MPs in
 * January 2018" the date is the MPs'.
 */
const NEAR_GAP = 8;
const FAR_GAP = 14;
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'under', 'over', 'between', 'into', 'through', 'against', 'about', 'within', 'without', 'across', 'around', 'per', 'towards']);

export interface Link {
  words: number;
  near: boolean;
}

/** Words that start another statement: a date beyond them belongs to something else. */
const BREAK_WORDS = new Set([
  'after', 'before', 'following', 'since', 'until', 'till', 'when', 'while', 'whilst', 'whereas', 'amid', 'because', 'but',
  'although', 'though', 'who', 'which', 'whose', 'where', 'that', 'then', 'later', 'earlier', 'previously', 'subsequently',
  'ago', 'than', 'despite', 'unlike', 'prompting', 'leading', 'nor', 'whether', 'if', 'unless', 'once', 'as', 'during', 'pending',
  // Another verb between a trigger and a date ("withdrawn as ministers prepared rules in 2019") takes the date.
  'went', 'came', 'made', 'began', 'took', 'gave', 'said', 'told', 'won', 'lost', 'rose', 'fell', 'saw', 'met', 'left',
  'became', 'brought', 'sought', 'found', 'held', 'kept', 'wrote', 'sent',
]);

/** Words that make what follows a wish, plan or denial rather than a dated fact. */
const HEDGES = new Set([
  'not', 'never', 'no', 'would', 'will', 'could', 'should', 'may', 'might', 'must', 'shall', 'plan', 'plans', 'planned',
  'planning', 'proposed', 'proposes', 'proposal', 'proposals', 'expected', 'due', 'hoped', 'hopes', 'threatened',
  'threatens', 'sought', 'seeks', 'seeking', 'asked', 'urged', 'called', 'calling', 'calls', 'demanded', 'demanding',
  'wanted', 'wants', 'refused', 'refuses', 'declined', 'rejected', 'if', 'unless', 'whether', 'intended', 'intends', 'aimed', 'aims',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this']);

/** Words that open a clause carrying on the sentence's main verb. */
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'has', 'have', 'had', 'will', 'would', 'been', 'did']);

interface Span {
  first: number;
  end: number;
}

export class Sentence {
  readonly dates: DateAnchor[];
  readonly figures: FigureAnchor[];
  /** Trigger-word hits by target, and the targets whose `with` words the sentence holds. */
  private readonly wordsOf = new Map<number, PhraseHit<PhraseRole>[]>();
  private readonly withs = new Set<number>();
  private readonly subjects: PhraseHit<string>[];
  private readonly inDate = new Set<number>();
  private readonly owners = new Map<PhraseHit<PhraseRole>, Span | null>();
  private readonly periods = new Map<DateAnchor, FigureAnchor | null>();
  /** For each token, where its clause starts and ends (commas and the like). */
  private readonly segmentStart: number[] = [];
  private readonly segmentEnd: number[] = [];

  constructor(
    readonly tokens: readonly Token[],
    readonly first: number,
    readonly end: number,
    topic: CompiledTopic,
    units: ReadonlySet<string>,
    articleDate?: string,
  ) {
    this.dates = findDates(tokens, first, end, articleDate);
    for (const date of this.dates) for (let i = date.first; i < date.end; i++) this.inDate.add(i);
    this.figures = findFigures(tokens, first, end, this.inDate, units);
    const subjects: PhraseHit<string>[] = [];
    for (const hit of topic.phrases.find(tokens, first, end)) {
      const value = hit.value;
      if (value.role === 'subject') subjects.push({ ...hit, value: value.key });
      else if (value.role === 'with') this.withs.add(value.target);
      else if (this.wordsOf.has(value.target)) this.wordsOf.get(value.target)!.push(hit);
      else this.wordsOf.set(value.target, [hit]);
    }
    this.subjects = outermost(subjects);
    let start = first;
    for (let i = first; i < end; i++) {
      if (isClauseBreak(tokens, i)) start = i + 1;
      this.segmentStart.push(start);
    }
    let stop = end;
    for (let i = end - 1; i >= first; i--) {
      if (isClauseBreak(tokens, i)) stop = i;
      this.segmentEnd[i - first] = stop;
    }
  }

  /** The target's trigger-word hits. */
  wordHits(target: number): readonly PhraseHit<PhraseRole>[] {
    return this.wordsOf.get(target) ?? [];
  }

  hasWith(target: number): boolean {
    return this.withs.has(target);
  }

  /**
   * How a phrase is linked to a date or number, or null when something breaks them apart.
   * `prep` is the date's own preposition ("in", "on"), which does not count.
   */
  link(phrase: Span, anchor: Span, prep: string | null = null): Link | null {
    const t = this.tokens;
    let from: number;
    let to: number;
    if (phrase.end <= anchor.first) {
      from = phrase.end;
      to = anchor.first > from && prep !== null && t[anchor.first - 1]!.norm === prep ? anchor.first - 1 : anchor.first;
    } else if (anchor.end <= phrase.first) {
      from = anchor.end;
      to = phrase.first;
    } else {
      return { words: 0, near: true };
    }
    // "In November 2018, the memorandum was withdrawn": the comma after an opening date is no break.
    const opening = anchor.end <= phrase.first && anchor.first - (prep !== null ? 1 : 0) <= this.first;
    let words = 0;
    let prepositions = 0;
    for (let i = from; i < to && words <= FAR_GAP; i++) {
      const token = t[i]!;
      if (isClauseBreak(t, i)) {
        if (opening && i === anchor.end && token.text === ',') continue;
        return null;
      }
      if (token.kind === 'punct') continue;
      words++;
      if (PREPOSITIONS.has(token.norm)) prepositions++;
      if (BREAK_WORDS.has(token.norm)) return null;
      // So does a regular past tense after the trigger; before it ("the revised memorandum") it is mostly an adjective.
      if (phrase.end <= anchor.first && /^\p{Ll}{2,}ed$/u.test(token.text)) return null;
      // "NHS Digital and the Home Office" joins names; "and was published" starts a new statement.
      if ((token.norm === 'and' || token.norm === 'or') && !this.nameAfter(i + 1, to)) return null;
    }
    return words <= FAR_GAP ? { words, near: words <= NEAR_GAP && prepositions <= 1 } : null;
  }

  /** A name follows (after "the" and the like): the "and" joins two names. */
  private nameAfter(from: number, to: number): boolean {
    let i = from;
    while (i < to && DETERMINERS.has(this.tokens[i]!.norm)) i++;
    return i < to && /^\p{Lu}/u.test(this.tokens[i]!.text);
  }

  /** A hedge or negation shortly before the phrase, within its clause. */
  hedged(phrase: Span): boolean {
    const t = this.tokens;
    const before = (n: number) => (phrase.first - n >= this.first ? t[phrase.first - n]!.norm : '');
    // "to be withdrawn", "to narrow": an infinitive is an aim, not a fact.
    if (before(1) === 'to' || (before(1) === 'be' && before(2) === 'to') || (before(1) === 'been' && before(3) === 'to')) return true;
    let seen = 0;
    for (let i = phrase.first - 1; i >= this.first && seen < 5; i--) {
      if (isClauseBreak(t, i)) break;
      const token = t[i]!;
      // Dates do not count: "May" in "May 2018" is not the hedge "may".
      if (token.kind !== 'word' || this.inDate.has(i)) continue;
      seen++;
      if (HEDGES.has(token.norm) || token.norm.endsWith("n't")) return true;
    }
    return false;
  }

  /**
   * The date or figure a trigger belongs to: of the nearest one before it and the nearest after,
   * the one it is linked to by fewer words (the later one on a tie). Further ones are never nearer.
   */
  owner(hit: PhraseHit<PhraseRole>, kind: 'date' | 'figure'): Span | null {
    if (this.owners.has(hit)) return this.owners.get(hit)!;
    const anchors: readonly (DateAnchor | FigureAnchor)[] = kind === 'date' ? this.dates : this.figures;
    const prep = (anchor: DateAnchor | FigureAnchor) => ('prep' in anchor ? anchor.prep : null);
    let before: DateAnchor | FigureAnchor | null = null;
    let after: DateAnchor | FigureAnchor | null = null;
    for (const anchor of anchors) {
      if (anchor.end <= hit.first) before = anchor;
      else if (!after) after = anchor;
    }
    const gapBefore = before ? this.link(hit, before, prep(before))?.words : undefined;
    const gapAfter = after ? this.link(hit, after, prep(after))?.words : undefined;
    const owner = gapAfter !== undefined && (gapBefore === undefined || gapAfter <= gapBefore) ? after : gapBefore !== undefined ? before : null;
    this.owners.set(hit, owner);
    return owner;
  }

  /**
   * What the sentence names around token `at`: the nearest subject before it in its clause (who or
   * what acted: "the memorandum was withdrawn", "the High Court dismissed") and the nearest after
   * it, short of `limit` (what was acted on: "awarded the contract in…"). A clause naming neither
   * takes them from the sentence: an aside (", worth up to £330m,") describes the thing named just
   * before it; a clause resuming the main verb ("…, was withdrawn in 2018") has the sentence's
   * first subject. Subjects inside `own` (a figure's own noun, "2,000 requests") do not count.
   */
  subjectsAt(at: number, own: Span, limit: number): string[] {
    const clauseStart = this.segmentStart[at - this.first]!;
    const clauseEnd = Math.min(this.segmentEnd[at - this.first]!, limit);
    let before: PhraseHit<string> | null = null;
    let after: PhraseHit<string> | null = null;
    let preceding: PhraseHit<string> | null = null;
    for (const subject of this.subjects) {
      if (subject.first >= own.first && subject.end <= own.end) continue;
      if (subject.first <= at && subject.first >= clauseStart) before = subject;
      else if (subject.first > at && subject.first < clauseEnd && !after) after = subject;
      else if (subject.first < clauseStart) preceding = subject;
    }
    if (before || after) return [before, after].flatMap((subject) => (subject ? [subject.value] : []));
    if (clauseStart === this.first) return [];
    const resumes = AUXILIARIES.has(this.tokens[clauseStart]?.norm ?? '');
    const inherited = resumes ? this.subjects[0] : preceding;
    return inherited && inherited.first < clauseStart ? [inherited.value] : [];
  }

  /** The period a figure is given for: the nearest date or span of those nearer to it than to any other figure. */
  periodOf(figure: FigureAnchor): DateAnchor | null {
    let best: DateAnchor | null = null;
    for (const date of this.dates) {
      // On a tie the later date wins: "8,127 requests in 2016" gives the figure, then its period.
      if (this.figureOf(date) === figure && (!best || this.cost(date, figure) <= this.cost(best, figure))) best = date;
    }
    return best;
  }

  /** The figure a date belongs to: the nearer of the figures right before and right after it (commas count against). */
  private figureOf(date: DateAnchor): FigureAnchor | null {
    if (this.periods.has(date)) return this.periods.get(date)!;
    let before: FigureAnchor | null = null;
    let after: FigureAnchor | null = null;
    for (const figure of this.figures) {
      if (figure.end <= date.first) before = figure;
      else if (figure.first >= date.end && !after) after = figure;
    }
    const costBefore = before ? this.cost(date, before) : Infinity;
    const costAfter = after ? this.cost(date, after) : Infinity;
    const owner = costAfter < costBefore ? after : costBefore < Infinity ? before : null;
    this.periods.set(date, owner);
    return owner;
  }

  private cost(a: Span, b: Span): number {
    const [from, to] = a.end <= b.first ? [a.end, b.first] : [b.end, a.first];
    let cost = 0;
    for (let i = from; i < to && cost <= 15; i++) {
      const token = this.tokens[i]!;
      // "8,127 in 2016 and 1,424 in 2017": a break or an "and" parts a period from a figure.
      if (isClauseBreak(this.tokens, i) || BREAK_WORDS.has(token.norm) || token.norm === 'and' || token.norm === 'or') cost += 10;
      else if (token.kind !== 'punct') cost += 1;
    }
    return cost <= 15 ? cost : Infinity;
  }
}

/**
 * Subjects as the sentence names them: none inside a longer one ("Court" in "Court of Appeal"),
 * and a run of them as one, named by its last ("Data Platform contract" is a contract).
 */
function outermost(hits: PhraseHit<string>[]): PhraseHit<string>[] {
  const kept = hits.filter((hit) => !hits.some((other) => other !== hit && other.first <= hit.first && hit.end <= other.end && other.end - other.first > hit.end - hit.first));
  const merged: PhraseHit<string>[] = [];
  for (const hit of kept) {
    const last = merged[merged.length - 1];
    if (last && last.end === hit.first) merged[merged.length - 1] = { first: last.first, end: hit.end, value: hit.value };
    else merged.push(hit);
  }
  return merged;
}
