import type { TermKind, TopicVocabulary } from './types';

/**
 * Words that are the same for every topic: the NHS side of a passage and the act of sharing.
 * Topic vocabularies (names, partners, cues) come from the dataset.
 */
export const SHARED_TERMS: Record<'nhs-data' | 'nhs' | 'data' | 'sharing' | 'not-sharing', readonly string[]> = {
  'nhs-data': [
    'NHS Digital', 'NHSD', 'HSCIC', 'Health and Social Care Information Centre',
    'patient data', "patients' data", 'patient-level data', 'patient information', "patients' information",
    'patient details', "patients' details", 'patient records', "patients' records", 'patient addresses',
    "patients' addresses", "patients' names", 'confidential patient information',
    'health data', 'health record', 'health records', 'health information', 'medical record', 'medical records',
    'medical data', 'patient record', 'GP record', 'GP records', 'GP data', 'NHS record', 'NHS records', 'NHS data',
    'NHS patient data', 'hospital records', 'hospital data',
    'NHS number', 'NHS numbers', 'Personal Demographics Service', 'non-clinical data', 'non-clinical information',
    'demographic data', 'demographic information', 'national back office',
  ],
  nhs: [
    'NHS', 'National Health Service', 'NHS England', 'NHS trust', 'NHS trusts', 'hospital', 'hospitals',
    'GP', 'GPs', 'GP surgery', 'GP surgeries', 'GP practice', 'GP practices', 'patient', 'patients',
    'doctor', 'doctors', 'health service', 'Department of Health', 'DHSC',
  ],
  data: [
    'data', 'records', 'record', 'details', 'information', 'addresses', 'address', 'names',
    'data-sharing', 'date of birth', 'dates of birth', 'immigration status', 'debt', 'debts', 'bill', 'bills', 'charges',
  ],
  sharing: [
    'share', 'shares', 'shared', 'sharing', 'data-sharing', 'handed', 'handing', 'passed', 'passing', 'hand over', 'hands over', 'handed over',
    'handing over', 'handed to', 'hand to', 'pass on', 'passed on', 'passing on', 'passed to', 'passes to',
    'passing to', 'disclose', 'disclosed', 'discloses', 'disclosing', 'disclosure', 'disclosures',
    'transfer', 'transferred', 'transfers', 'supplied', 'supply', 'provided to', 'provide', 'gave access',
    'given access', 'access to', 'request', 'requests', 'requested', 'tracing', 'trace', 'traced',
    'give', 'gives', 'giving', 'gave', 'given', 'obtain', 'obtained', 'obtaining', 'inform', 'informed',
    'notify', 'notified', 'check', 'checks', 'checked', 'access', 'accessed', 'accessing', 'snooping', 'sold', 'sell', 'selling', 'made available', 'release', 'released', 'uploaded', 'extract', 'extraction',
    'collect', 'collected', 'collection', 'agreement', 'deal', 'contract', 'report', 'reported', 'reporting',
  ],
  // The longer phrase wins where two overlap (`findTerms`), so these hide the sharing word in them.
  'not-sharing': [
    'a share of', 'as a share', 'share of the', 'market share', 'fair share', 'share price', 'share prices', 'shares in',
    "lion's share",
  ],
};

export interface TermEntry {
  kind: TermKind;
  /** Set for topic terms; undefined for shared ones. */
  topic?: string;
}

export interface Lexicon {
  topics: readonly string[];
  /** Phrases in any case (matched over folded text, see `inAnyCase`), and all-caps acronyms matched as written. */
  anyCase: AnyCasePattern | null;
  exactCase: RegExp | null;
  /** Normalised phrase → what it means (a phrase may belong to several topics). */
  entries: Map<string, TermEntry[]>;
}

const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

/** All-caps acronyms (NHS, MoU aside) are matched only as written, so "nhs" or "ho" in prose never count. */
function isAcronym(phrase: string): boolean {
  return /^[\p{Lu}\p{N}]{2,}$/u.test(phrase) && phrase.length <= 6;
}

export function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/[’‘`]/g, "'").replace(/[\s\u00a0\-‐‑–]+/g, ' ').trim();
}

/** What the space between two words of a phrase matches: any run of spaces and hyphens. */
export const WORD_GAP = '[\\s\\u00a0\\-‐‑–]+';

/**
 * One phrase as a regex source: spaces and hyphens between words match any run of either,
 * apostrophes match either form. Literals only, so matching stays linear (no nested quantifiers).
 */
export function phraseSource(phrase: string, gap = WORD_GAP): string {
  return keySource(isAcronym(phrase) ? phrase : normalise(phrase), gap);
}

/** `phraseSource` of a phrase already in its lexicon form (normalised, or an acronym). */
function keySource(key: string, gap = WORD_GAP): string {
  return key
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join(gap);
}

/** One pattern for distinct phrase keys, longest first, so "NHS Digital" wins over "NHS" at the same place. */
function alternationSource(keys: string[]): string | null {
  if (keys.length === 0) return null;
  const body = [...keys].sort((a, b) => b.length - a.length).map((key) => keySource(key)).join('|');
  return `(?<!${LETTER_OR_DIGIT})(?:${body})(?!${LETTER_OR_DIGIT})`;
}

function alternation(phrases: string[], flags: string): RegExp | null {
  const source = alternationSource(phrases);
  return source === null ? null : new RegExp(source, flags);
}

/**
 * A pattern of lower-case phrases to match in any case. Matching folded text with a pattern
 * that ignores no case is the same as matching the text with `i`, and far cheaper to compile
 * (`i` with `u` costs the engine some 10 ms for the whole lexicon); the `i` pattern is built
 * only for text that folding would lengthen.
 */
export interface AnyCasePattern {
  folded: RegExp;
  unfolded(): RegExp;
}

export function anyCasePattern(source: string, flags: string): AnyCasePattern {
  let unfolded: RegExp | undefined;
  return { folded: new RegExp(source, flags), unfolded: () => (unfolded ??= new RegExp(source, `${flags}i`)) };
}

/**
 * Text with its case folded as Unicode folds it for ASCII letters (lower case, and the long s as
 * s), or null where that changes its length ("İ" lowers to two characters): offsets must hold.
 */
export function foldCase(text: string): string | null {
  const folded = text.toLowerCase().replace(/ſ/g, 's');
  return folded.length === text.length ? folded : null;
}

/** The pattern and subject that match `text` in any case, at the same offsets. */
export function inAnyCase(pattern: AnyCasePattern, text: string): { regex: RegExp; subject: string } {
  const folded = foldCase(text);
  return folded === null ? { regex: pattern.unfolded(), subject: text } : { regex: pattern.folded, subject: folded };
}

/**
 * The lexicon as plain data: each meaning (a shared kind, "nhs", or a topic's, "partner
 * home-office-mou") with its keys (normalised phrases, acronyms as written). The content script
 * gets it worked out at build time, and only compiles it (`lexiconFrom`).
 */
export interface LexiconData {
  topics: string[];
  meanings: Record<string, string[]>;
}

export function lexiconData(topics: readonly TopicVocabulary[]): LexiconData {
  const meanings: Record<string, string[]> = {};
  const add = (meaning: string, phrases: readonly string[]) => {
    const keys = phrases.map((phrase) => phrase.trim()).filter(Boolean).map((phrase) => (isAcronym(phrase) ? phrase : normalise(phrase)));
    meanings[meaning] = [...new Set([...(meanings[meaning] ?? []), ...keys])];
  };
  for (const [kind, phrases] of Object.entries(SHARED_TERMS)) add(kind, phrases);
  for (const topic of topics) {
    add(`name ${topic.id}`, topic.terms.names);
    add(`partner ${topic.id}`, topic.terms.partners);
    add(`cue ${topic.id}`, topic.terms.cues);
  }
  return { topics: topics.map((topic) => topic.id), meanings };
}

export function lexiconFrom({ topics, meanings }: LexiconData): Lexicon {
  const entries = new Map<string, TermEntry[]>();
  for (const [meaning, keys] of Object.entries(meanings)) {
    const [kind, topic] = meaning.split(' ') as [TermKind, string | undefined];
    const entry: TermEntry = topic ? { kind, topic } : { kind };
    for (const key of keys) {
      const list = entries.get(key);
      if (list) list.push(entry);
      else entries.set(key, [entry]);
    }
  }
  // Normalising lowers every key but the acronyms.
  const keys = [...entries.keys()];
  const anyCaseSource = alternationSource(keys.filter((key) => key === key.toLowerCase()));
  return {
    topics,
    anyCase: anyCaseSource === null ? null : anyCasePattern(anyCaseSource, 'gu'),
    exactCase: alternation(keys.filter((key) => key !== key.toLowerCase()), 'gu'),
    entries,
  };
}

export function buildLexicon(topics: readonly TopicVocabulary[]): Lexicon {
  return lexiconFrom(lexiconData(topics));
}
