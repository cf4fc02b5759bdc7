import { anyCasePattern, foldCase, normalise, phraseSource, SHARED_TERMS, WORD_GAP, type AnyCasePattern } from './lexicon';
import type { TopicVocabulary } from './types';

/**
 * The gate: a first look at a page's text, far cheaper than finding every phrase.
 *
 * A passage is about a topic on its own only when it names the topic or has the NHS side: an
 * NHS-data phrase ("patient records"), or an NHS word ("hospital") with a data word ("addresses")
 * (see `classifyPassage`). So the gate looks in two steps:
 * - over the whole page, for the phrases that start an NHS side or name a topic (`hits`): a page
 *   with none of them has nothing to flag;
 * - in each passage around a hit, whether it holds a name or an NHS-data phrase, or an NHS word
 *   and a data word (`maySeed`): only such a passage can start a mention, and the passages
 *   near it matter only once one does.
 * Both are supersets of what the lexicon matches (no word boundaries, any case), so the gate
 * never turns away a passage the detector would flag on its own.
 */

/**
 * The gate's patterns, made at build time. Between words they hold a space where the lexicon's
 * patterns hold `WORD_GAP`: written out, the gap would be a sixth of the content script's size.
 */
export interface GateSources {
  /** Stems of the phrases that start an NHS side or name a topic. */
  page: string;
  /** Topic names and NHS-data phrases: the NHS side, or a topic, on their own. */
  strong: string;
  /** NHS words, which make the NHS side with a data word. */
  weak: string;
  data: string;
  /** The stems that are NHS words themselves ("hospital") and in no strong phrase. */
  nhsWords: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so that a pattern is not cut short by a shorter one at the same place. */
const alternation = (sources: string[]) => [...new Set(sources)].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');

/**
 * A few stems that between them cover every phrase: each phrase has a word holding a stem, as the
 * lexicon matches it (`normalise`: separators vary, letters do not, apart from apostrophes, so a
 * stem never holds one). Stems make the page's scan fast; the passages around their hits are
 * then looked at more closely (`maySeed`), so a common stem ("health") costs little.
 */
export function gateStems(phrases: readonly string[]): string[] {
  const sorted = [...new Set(phrases.map(normalise))].filter(Boolean).sort((a, b) => a.length - b.length || a.localeCompare(b));
  const stems: string[] = [];
  for (const phrase of sorted) {
    const words = phrase.split(' ');
    if (words.some((word) => stems.some((stem) => word.includes(stem)))) continue;
    const candidates = words.map((word) => word.replace(/'.*$/, '')).filter((word) => word.length > 0);
    // The longest word is the least common in ordinary prose, so the gate opens least often.
    stems.push(candidates.reduce((longest, word) => (word.length > longest.length ? word : longest)));
  }
  return stems.sort();
}

/** The gate's patterns for the topics' names (`TopicVocabulary.terms.names`). */
export function gateSources(names: readonly string[]): GateSources {
  const sourceOf = (phrases: readonly string[]) => alternation(phrases.map((phrase) => phraseSource(normalise(phrase), ' ')));
  const weak = sourceOf(SHARED_TERMS.nhs);
  const data = sourceOf(SHARED_TERMS.data);
  // A strong phrase that holds an NHS word and a data word ("patient data") passes as those two:
  // leaving it out of the strong pattern changes no answer, and the pattern is half as long.
  const [weakPattern, dataPattern] = [new RegExp(weak, 'u'), new RegExp(data, 'u')];
  const strong = [...SHARED_TERMS['nhs-data'], ...names];
  const needed = strong.filter((phrase) => !(weakPattern.test(normalise(phrase)) && dataPattern.test(normalise(phrase))));
  const stems = gateStems([...strong, ...SHARED_TERMS.nhs]);
  const nhsWords = new Set(SHARED_TERMS.nhs.map(normalise));
  return {
    page: alternation(stems.map(escape)),
    strong: sourceOf(needed),
    weak,
    data,
    nhsWords: stems.filter((stem) => nhsWords.has(stem) && !needed.some((phrase) => normalise(phrase).includes(stem))),
  };
}

/** The gate's patterns for these topics, as the build makes them for the content script. */
export function gateSourcesOf(topics: readonly TopicVocabulary[]): GateSources {
  return gateSources(topics.flatMap((topic) => topic.terms.names));
}

export interface Gate {
  /** Where the page pattern matches in `text` (those that start in [from, to)), in order. */
  hits(text: string, from?: number, to?: number): number[];
  /** False when the passage cannot be about a topic on its own. */
  maySeed(text: string, nhsWordsOnly?: boolean): boolean;
  /**
   * True when the hit at `at` is an NHS word on its own ("hospital"). A passage whose hits are
   * all such words holds no strong phrase, so `maySeed` need only look for a data word.
   */
  nhsWordAt(text: string, at: number): boolean;
}

/** The gate from its patterns. Unicode case folding, as the lexicon's own patterns use. */
export function createGate(sources: GateSources): Gate {
  // A short pattern: cheap to compile with `i`, and the page's text need not be folded whole.
  const page = new RegExp(sources.page, 'giu');
  // How far a match can reach past the place it starts: the longest stem.
  const reach = Math.max(...sources.page.split('|').map((stem) => stem.replace(/\\/g, '').length)) - 1;
  const pattern = (source: string) => anyCasePattern(source.replaceAll(' ', WORD_GAP), 'u');
  const strong = pattern(sources.strong);
  const weak = pattern(sources.weak);
  const data = pattern(sources.data);
  const nhsWords = new Set(sources.nhsWords);
  const holds = (pattern: AnyCasePattern, text: string, folded: string | null) =>
    folded === null ? pattern.unfolded().test(text) : pattern.folded.test(folded);
  return {
    hits(text, from = 0, to = text.length) {
      const hits: number[] = [];
      const window = from === 0 && to >= text.length ? text : text.slice(from, to + reach);
      const end = to - from;
      page.lastIndex = 0;
      for (let m = page.exec(window); m && m.index < end; m = page.exec(window)) {
        hits.push(from + m.index);
        // Overlapping matches too: one begun in a passage must not hide the next passage's.
        page.lastIndex = m.index + 1;
      }
      return hits;
    },
    maySeed(text, nhsWordsOnly = false) {
      const folded = foldCase(text);
      if (nhsWordsOnly) return holds(data, text, folded);
      return holds(strong, text, folded) || (holds(weak, text, folded) && holds(data, text, folded));
    },
    nhsWordAt(text, at) {
      page.lastIndex = at;
      const m = page.exec(text);
      return m?.index === at && nhsWords.has(m[0].toLowerCase());
    },
  };
}
