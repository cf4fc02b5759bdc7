import { createGate, gateSources, type Gate } from './gate';
import { inAnyCase, normalise, type Lexicon, type TermEntry } from './lexicon';
import type { KeyPhrase, Mention, TextBlock } from './types';

interface Hit extends KeyPhrase {
  topic?: string;
  /** The phrase as the lexicon holds it. */
  term: string;
}

/** Every lexicon phrase in text[start, end), longest first where two overlap. */
export function findTerms(lexicon: Lexicon, text: string, start = 0, end = text.length): Hit[] {
  const hits: Hit[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const searches = [lexicon.anyCase && inAnyCase(lexicon.anyCase, slice), lexicon.exactCase && { regex: lexicon.exactCase, subject: slice }];
  for (const search of searches) {
    if (!search) continue;
    const { regex, subject } = search;
    regex.lastIndex = 0;
    for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
      // Acronyms are held as written, everything else normalised.
      const term = lexicon.entries.has(m[0]) ? m[0] : normalise(m[0]);
      const entries: readonly TermEntry[] = lexicon.entries.get(term) ?? [];
      for (const entry of entries) {
        hits.push({ start: start + m.index, end: start + m.index + m[0].length, kind: entry.kind, topic: entry.topic, term });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop hits that sit inside a longer one ("NHS" inside "NHS Digital").
  const kept: Hit[] = [];
  let reach = -1;
  let reachStart = -1;
  for (const hit of hits) {
    if (hit.end <= reach && !(hit.start === reachStart && hit.end === reach)) continue;
    kept.push(hit);
    if (hit.end > reach) {
      reach = hit.end;
      reachStart = hit.start;
    }
  }
  return kept;
}

/**
 * How many different cues: a word said twice ("household debt… government debt") is one cue,
 * and so are its singular and plural.
 */
function differentCues(cues: readonly Hit[]): number {
  return new Set(cues.map((cue) => cue.term.replace(/s$/, ''))).size;
}

interface TopicScore {
  names: Hit[];
  partners: Hit[];
  cues: Hit[];
}

/**
 * Decides whether one passage is about NHS data being shared, and about which topic.
 * Rules, precision first; a topic is a candidate when:
 * - the passage names it ("care.data", "GPDPR"); or
 * - it has the NHS side (an NHS-data phrase, or an NHS word with a data word) and
 *   - the topic's receiving side, with an NHS-data phrase, an act of sharing or a topic cue; or
 *   - a topic cue with an act of sharing, or two different topic cues.
 * Of several candidates, the one with the most topic phrases wins (names count most).
 */
export function classifyPassage(hits: Hit[], topicOrder: readonly string[]): { topic: string; confidence: number; phrases: Hit[] } | null {
  const byTopic = new Map<string, TopicScore>();
  const shared = { nhsData: [] as Hit[], nhs: [] as Hit[], data: [] as Hit[], sharing: [] as Hit[] };
  for (const hit of hits) {
    if (hit.topic !== undefined) {
      let score = byTopic.get(hit.topic);
      if (!score) byTopic.set(hit.topic, (score = { names: [], partners: [], cues: [] }));
      if (hit.kind === 'name') score.names.push(hit);
      else if (hit.kind === 'partner') score.partners.push(hit);
      else score.cues.push(hit);
    } else if (hit.kind === 'nhs-data') shared.nhsData.push(hit);
    else if (hit.kind === 'nhs') shared.nhs.push(hit);
    else if (hit.kind === 'data') shared.data.push(hit);
    else if (hit.kind === 'sharing') shared.sharing.push(hit);
  }
  if (byTopic.size === 0) return null;

  const strongNhs = shared.nhsData.length > 0;
  const nhsSide = strongNhs || (shared.nhs.length > 0 && shared.data.length > 0);
  const act = shared.sharing.length > 0;
  let best: { topic: string; confidence: number; weight: number; phrases: Hit[] } | null = null;
  for (const topic of topicOrder) {
    const score = byTopic.get(topic);
    if (!score) continue;
    const partner = score.partners.length > 0;
    const distinctCues = differentCues(score.cues);
    let confidence = 0;
    if (score.names.length > 0) {
      confidence = nhsSide ? 0.95 : 0.85;
    } else if (nhsSide && partner && (strongNhs || act || distinctCues > 0)) {
      confidence = 0.6 + (strongNhs ? 0.1 : 0) + (act ? 0.1 : 0) + (distinctCues > 0 ? 0.1 : 0);
    } else if (nhsSide && ((distinctCues > 0 && act) || distinctCues > 1)) {
      confidence = 0.6 + (strongNhs ? 0.1 : 0) + (distinctCues > 1 && act ? 0.1 : 0);
    }
    if (confidence === 0) continue;
    const weight = 3 * score.names.length + 2 * score.partners.length + score.cues.length;
    if (!best || weight > best.weight) {
      const nhsPhrases = strongNhs ? shared.nhsData : [...shared.nhs, ...shared.data];
      const phrases = [...score.names, ...score.partners, ...score.cues, ...nhsPhrases, ...shared.sharing];
      best = { topic, confidence: Math.min(1, confidence), weight, phrases };
    }
  }
  if (!best) return null;
  best.phrases.sort((a, b) => a.start - b.start);
  return { topic: best.topic, confidence: Math.round(best.confidence * 100) / 100, phrases: best.phrases };
}

/** What one passage holds: its phrases, and its verdict when it is about a topic on its own. */
export interface BlockAnalysis {
  hits: Hit[];
  verdict: { topic: string; confidence: number; phrases: Hit[] } | null;
}

/** Looks at one passage alone. Null when it holds no topic phrase at all (most passages). */
export function analyseBlock(lexicon: Lexicon, text: string, block: TextBlock): BlockAnalysis | null {
  if (block.role === 'peripheral') return null;
  const hits = findTerms(lexicon, text, block.start, block.end);
  if (!hits.some((hit) => hit.topic !== undefined)) return null;
  return { hits, verdict: classifyPassage(hits, lexicon.topics) };
}

/** How many passages away a flagged passage lends its topic to a neighbour that names a cue of it. */
const CONTEXT_REACH = 1;
const LENT_CONFIDENCE = 0.55;
/** An article with this many passages firmly about a topic makes the topic's own words enough elsewhere in it. */
const ARTICLE_TOPIC_MIN = 2;
/** ...and only near them: a long page (a live blog, a feed) is many articles, not one. */
const ARTICLE_REACH = 8;
const FIRM_CONFIDENCE = 0.7;
const ARTICLE_CONFIDENCE = 0.5;

/**
 * False when a passage's cues are all data words too ("debt") and nothing else in it points to the
 * NHS or to sharing: economy news is full of such words, and a page can move on to it.
 */
function pointsToTopic(hits: readonly Hit[], cues: readonly Hit[]): boolean {
  // Sets of places, not a search of the hits for each cue: a long passage holds thousands of each.
  const place = (hit: Hit) => `${hit.start}:${hit.end}`;
  const dataPlaces = new Set(hits.filter((hit) => hit.kind === 'data').map(place));
  if (!cues.every((cue) => dataPlaces.has(place(cue)))) return true;
  const cuePlaces = new Set(cues.map(place));
  return hits.some((hit) => !cuePlaces.has(place(hit)) && hit.kind !== 'not-sharing');
}

/**
 * Turns per-passage analyses into mentions. A passage that is not about a topic on its own is
 * flagged too when it holds one of the topic's cues ("the MoU was withdrawn") and
 * - the passage next to it is flagged for that topic (a cue that is also a data word, "debt",
 *   needs another anchor with it); or
 * - the article is firmly about the topic (ARTICLE_TOPIC_MIN passages on their own, one of them
 *   within ARTICLE_REACH passages) and the cue comes with the topic's receiving side, an act of
 *   sharing or a second cue.
 */
export function mentionsFrom(analyses: readonly (BlockAnalysis | null)[], blocks: readonly TextBlock[]): Mention[] {
  return drain(mentionsFromSteps(analyses, blocks));
}

/** Passages each loop below goes through between two pauses: a page flagged all through has 100,000. */
export const PASSAGES_PER_STEP = 2048; // a power of two, for the cheap test
const pausesAfter = (i: number) => (i & (PASSAGES_PER_STEP - 1)) === PASSAGES_PER_STEP - 1;

/** `mentionsFrom` in steps of PASSAGES_PER_STEP passages. */
function* mentionsFromSteps(analyses: readonly (BlockAnalysis | null)[], blocks: readonly TextBlock[]): Generator<void, Mention[]> {
  const topicAt: (string | null)[] = [];
  const confidence: number[] = [];
  const phrases: Hit[][] = [];
  for (let i = 0; i < analyses.length; i++) {
    if (pausesAfter(i)) yield;
    const verdict = analyses[i]?.verdict;
    topicAt.push(verdict?.topic ?? null);
    confidence.push(verdict?.confidence ?? 0);
    phrases.push(verdict?.phrases ?? []);
  }
  const lend = (i: number, from: number) => {
    const analysis = analyses[i];
    const topic = topicAt[from];
    if (!analysis || topicAt[i] !== null || !topic) return;
    // Only cues lend: a partner alone ("the Home Office said…") is too common to carry the topic.
    const own = analysis.hits.filter((hit) => hit.topic === topic && hit.kind === 'cue');
    if (own.length === 0 || !pointsToTopic(analysis.hits, own)) return;
    topicAt[i] = topic;
    confidence[i] = LENT_CONFIDENCE;
    phrases[i] = own;
  };
  // Forward then backward, so context flows both ways and along a run of related passages.
  for (let i = 0; i < analyses.length; i++) {
    for (let d = 1; d <= CONTEXT_REACH && i - d >= 0; d++) lend(i, i - d);
    if (pausesAfter(i)) yield;
  }
  for (let i = analyses.length - 1; i >= 0; i--) {
    for (let d = 1; d <= CONTEXT_REACH && i + d < analyses.length; d++) lend(i, i + d);
    if (pausesAfter(i)) yield;
  }
  // Per topic, the firm passages in order; a passage looks for the nearest by halving, as a page may hold thousands.
  const firm = new Map<string, number[]>();
  for (let i = 0; i < analyses.length; i++) {
    if (pausesAfter(i)) yield;
    const verdict = analyses[i]?.verdict;
    if (verdict && verdict.confidence >= FIRM_CONFIDENCE) {
      const at = firm.get(verdict.topic);
      if (at) at.push(i);
      else firm.set(verdict.topic, [i]);
    }
  }
  for (let i = 0; i < analyses.length; i++) {
    if (pausesAfter(i)) yield;
    const analysis = analyses[i];
    if (!analysis || topicAt[i] !== null) continue;
    for (const [topic, at] of firm) {
      const nearest = at[firstAtOrAfter(at, i - ARTICLE_REACH)];
      if (at.length < ARTICLE_TOPIC_MIN || nearest === undefined || nearest > i + ARTICLE_REACH) continue;
      const cues = analysis.hits.filter((hit) => hit.topic === topic && hit.kind === 'cue');
      const support = analysis.hits.some((hit) => (hit.topic === topic && hit.kind === 'partner') || hit.kind === 'sharing') || differentCues(cues) > 1;
      if (cues.length === 0 || !support) continue;
      topicAt[i] = topic;
      confidence[i] = ARTICLE_CONFIDENCE;
      phrases[i] = analysis.hits.filter((hit) => hit.topic === topic || hit.kind === 'sharing');
      break;
    }
  }
  const mentions: Mention[] = [];
  for (let index = 0; index < topicAt.length; index++) {
    if (pausesAfter(index)) yield;
    const topic = topicAt[index]!;
    if (topic === null) continue;
    const block = blocks[index]!;
    mentions.push({
      topic,
      block: index,
      start: block.start,
      end: block.end,
      confidence: confidence[index]!,
      phrases: phrases[index]!.map(({ start, end, kind }) => ({ start, end, kind })),
    });
  }
  return mentions;
}

/** Runs steps to their end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Passages further apart than this are as good as unrelated to every rule in `mentionsFrom`. */
export const FAR = Math.max(CONTEXT_REACH, ARTICLE_REACH) + 2;

export interface PassageSource {
  /** How many passages there are. */
  count: number;
  /** The passages that may be about a topic on their own (they pass the gate), in order. */
  gated: readonly number[];
  analyse(index: number): BlockAnalysis | null;
  block(index: number): TextBlock;
}

/**
 * The mentions `mentionsFrom` finds over every passage, from analyses of only the passages that
 * can matter: every gated passage; around each that is about a topic on its own, the passages its
 * topic can reach; and next to each mention, its neighbours, until no new mention appears.
 * The rest hold no name and no NHS side, so nothing they hold can count. `mentionsFrom` then runs
 * over the analysed passages alone, with every gap longer than any rule reaches cut to FAR.
 */
export function findMentions(source: PassageSource): Mention[] {
  return drain(mentionSteps(source));
}

/**
 * `findMentions` in steps: it pauses after each passage analysed (a long passage is a step of
 * its own) and after each look over all of them, so that a caller with a page to keep responsive
 * can give it a turn in between.
 */
export function* mentionSteps(source: PassageSource): Generator<void, Mention[]> {
  const analyses = new Map<number, BlockAnalysis | null>();
  const analysed = (index: number): boolean => {
    if (index < 0 || index >= source.count || analyses.has(index)) return false;
    analyses.set(index, source.analyse(index));
    return true;
  };
  for (const index of source.gated) {
    analysed(index);
    yield;
  }
  // Pauses also where nothing new is analysed: on a page flagged all through, these loops alone
  // look up hundreds of thousands of neighbours. (The gated passages are those analysed so far.)
  for (const index of source.gated) {
    if (!analyses.get(index)?.verdict) continue;
    for (let d = 1; d <= ARTICLE_REACH; d++) {
      if (analysed(index - d)) yield;
      if (analysed(index + d)) yield;
    }
    yield;
  }
  for (;;) {
    const mentions = yield* compactMentions(analyses, source);
    let grew = false;
    for (const { block } of mentions) {
      // On along a run of passages that hold topic phrases, as each may lend to the next:
      // one round for the run, not a round for each of its passages.
      for (const step of [-1, 1]) {
        for (let index = block + step; analysed(index); index += step) {
          grew = true;
          yield;
          if (!analyses.get(index)) break;
        }
      }
      yield;
    }
    if (!grew) return mentions;
  }
}

const GAP: TextBlock = { start: 0, end: 0, role: 'main' };

/** `mentionsFrom` over the analysed passages, in order, at their distances up to FAR, in steps. */
function* compactMentions(analyses: ReadonlyMap<number, BlockAnalysis | null>, source: PassageSource): Generator<void, Mention[]> {
  // In order without a sort: marked in place, then read in order.
  const held = new Uint8Array(source.count);
  for (const [index, analysis] of analyses) if (analysis !== null) held[index] = 1;
  const compact: (BlockAnalysis | null)[] = [];
  const blocks: TextBlock[] = [];
  const original: number[] = [];
  let previous = -1;
  for (let index = 0; index < source.count; index++) {
    if (pausesAfter(index)) yield;
    if (!held[index]) continue;
    const gap = previous < 0 ? 0 : Math.min(index - previous, FAR) - 1;
    for (let g = 0; g < gap; g++) {
      compact.push(null);
      blocks.push(GAP);
      original.push(-1);
    }
    compact.push(analyses.get(index)!);
    blocks.push(source.block(index));
    original.push(index);
    previous = index;
  }
  const mentions = yield* mentionsFromSteps(compact, blocks);
  for (const [k, mention] of mentions.entries()) {
    if (pausesAfter(k)) yield;
    mention.block = original[mention.block]!;
  }
  return mentions;
}

/** Index of the first of `sorted` at or after `value`. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const gates = new WeakMap<Lexicon, Gate>();

/** The gate for a lexicon's topics, built once. */
function gateOf(lexicon: Lexicon): Gate {
  let gate = gates.get(lexicon);
  if (!gate) {
    const names = [...lexicon.entries].filter(([, entries]) => entries.some((entry) => entry.kind === 'name')).map(([phrase]) => phrase);
    gates.set(lexicon, (gate = createGate(gateSources(names))));
  }
  return gate;
}

/**
 * Flags the passages of a text that are about NHS data being shared, the way the content script
 * does: the gate first, then a close look at the passages that can matter.
 */
export function detect(lexicon: Lexicon, text: string, blocks: readonly TextBlock[]): Mention[] {
  const gate = gateOf(lexicon);
  const hits = gate.hits(text);
  const gated: number[] = [];
  blocks.forEach((block, index) => {
    const hit = firstAtOrAfter(hits, block.start);
    if (hit < hits.length && hits[hit]! < block.end && gate.maySeed(text.slice(block.start, block.end))) gated.push(index);
  });
  return findMentions({
    count: blocks.length,
    gated,
    analyse: (index) => analyseBlock(lexicon, text, blocks[index]!),
    block: (index) => blocks[index]!,
  });
}
