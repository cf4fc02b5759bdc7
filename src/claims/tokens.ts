/**
 * Words, numbers and punctuation with their offsets, the sentences they form, and phrase lookup.
 * The claims check reads tokens, not raw text: its patterns are plain code over a list, so no
 * regular expression ever has to backtrack over a page.
 */

export interface Token {
  /** As written. */
  text: string;
  /** Lower case, straight apostrophes, no possessive ("People’s" → "people"); punctuation as written. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
  /** Whitespace sits right before it: false for the "–" in "24–25" and the "." in "care.data". */
  spaced: boolean;
  /** A line break sits before it. */
  newline: boolean;
}

// Linear by construction: three alternatives, each one character class repeated once; no nested
// quantifiers. A number may take trailing separators ("2016.") which are split off below.
const TOKEN = /\d[\d,.]*|[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*|\S/gu;

export function normalise(word: string): string {
  return word.toLowerCase().replace(/[’‘]/g, "'").replace(/'s$|'$/, '');
}

/** The tokens of text[start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  let previousEnd = 0;
  const push = (value: string, at: number, kind: Token['kind']) => {
    const gap = slice.slice(previousEnd, at);
    tokens.push({
      text: value,
      norm: kind === 'punct' ? value : normalise(value),
      start: start + at,
      end: start + at + value.length,
      kind,
      spaced: at === 0 || gap.length > 0,
      newline: gap.includes('\n'),
    });
    previousEnd = at + value.length;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const value = m[0];
    if (/^\d/.test(value)) {
      // "2016." and "8,127," end a sentence or clause: keep the separators as punctuation.
      let digits = value;
      while (digits.endsWith(',') || digits.endsWith('.')) digits = digits.slice(0, -1);
      push(digits, m.index, 'number');
      for (let i = digits.length; i < value.length; i++) push(value[i]!, m.index + i, 'punct');
    } else {
      push(value, m.index, /^[\p{L}\p{M}]/u.test(value) ? 'word' : 'punct');
    }
  }
  return tokens;
}

/** Punctuation that joins the words around it ("data-sharing", "care.data", "2024/342", "24–25"). */
export function isJoiner(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  return !!token && token.kind === 'punct' && '-‐‑–/.'.includes(token.text) && !token.spaced && !!next && !next.spaced;
}

/** Punctuation that ends a clause: a date or number beyond it belongs to something else. */
export function isClauseBreak(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind !== 'punct') return false;
  if (',;:()[]—'.includes(token.text)) return true;
  return '-–'.includes(token.text) && token.spaced;
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Words that a full stop follows without ending the sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'sr', 'jr', 'rev', 'gen', 'lt', 'col', 'sgt', 'vs', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * No real sentence is longer; a run without full stops (a table, a list) is cut into pieces this
 * long, which keeps the work per sentence bounded and the whole check linear in the text.
 */
export const MAX_SENTENCE_TOKENS = 120;

/** Sentences as [first, end) token index ranges: split at . ! ? before a new start, and at line breaks. */
export function sentences(tokens: readonly Token[]): [number, number][] {
  const ranges: [number, number][] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next?.newline || i + 1 - first >= MAX_SENTENCE_TOKENS) {
      ranges.push([first, i + 1]);
      first = i + 1;
      continue;
    }
    const token = tokens[i]!;
    if (!SENTENCE_END.has(token.text) || !next?.spaced || /^[\p{Ll}]/u.test(next.text)) continue;
    const previous = tokens[i - 1];
    // "Dr. Wollaston", "J. Smith", "e.g. The": a full stop after a title, a month or a single letter.
    const abbreviation = previous && (ABBREVIATIONS.has(previous.norm) || /^\p{L}$/u.test(previous.text));
    if (token.text === '.' && abbreviation) continue;
    ranges.push([first, i + 1]);
    first = i + 1;
  }
  if (first < tokens.length) ranges.push([first, tokens.length]);
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Phrases.

/** A phrase as the normalised words it is made of: "data-sharing" and "data sharing" alike. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.kind !== 'punct')
    .map((t) => t.norm);
}

/** The index of the token after `words` when they start at token i, else -1. Joiners and brackets are skipped. */
function matchWords(tokens: readonly Token[], i: number, words: readonly string[], end = tokens.length): number {
  let at = i;
  for (const word of words) {
    while (at < end && (isJoiner(tokens, at) || '()'.includes(tokens[at]!.text))) at++;
    if (at >= end || tokens[at]!.norm !== word) return -1;
    at++;
  }
  return at;
}

export interface PhraseHit<T> {
  first: number;
  /** Index after the last token. */
  end: number;
  value: T;
}

/** Phrases looked up by their first word, so a sentence is read once whatever the number of phrases. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  add(phrase: string, value: T): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    this.byFirst.set(words[0]!, list);
  }

  /** Every phrase in tokens[first, end). */
  find(tokens: readonly Token[], first: number, end: number): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = first; i < end; i++) {
      const token = tokens[i]!;
      if (token.kind === 'punct') continue;
      for (const entry of this.byFirst.get(token.norm) ?? []) {
        const after = matchWords(tokens, i, entry.words, end);
        if (after > 0) hits.push({ first: i, end: after, value: entry.value });
      }
    }
    return hits;
  }
}
