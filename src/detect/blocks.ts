import type { TextBlock } from './types';

/**
 * Passages of a plain-text file: each line is a passage, except that a hard-wrapped paragraph
 * (a long line that does not end a sentence, followed by one that starts in lower case) is kept whole.
 */
export function blocksFromPlainText(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lineBreak = /\r?\n/g;
  let lineStart = 0;
  let blockStart = -1;
  const lines: { start: number; end: number }[] = [];
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    lines.push({ start: lineStart, end: m.index });
    lineStart = m.index + m[0].length;
  }
  lines.push({ start: lineStart, end: text.length });

  let blockEnd = 0;
  lines.forEach((line, i) => {
    const content = text.slice(line.start, line.end);
    if (content.trim() === '') {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd, role: 'main' });
      blockStart = -1;
      return;
    }
    if (blockStart < 0) blockStart = line.start + (content.length - content.trimStart().length);
    blockEnd = line.start + content.trimEnd().length;
    const next = lines[i + 1];
    const nextContent = next ? text.slice(next.start, next.end).trimStart() : '';
    const wrapped = content.length >= 60 && !/[.!?:;"”’)]\s*$/.test(content) && /^[\p{Ll}]/u.test(nextContent);
    if (!wrapped) {
      blocks.push({ start: blockStart, end: blockEnd, role: 'main' });
      blockStart = -1;
    }
  });
  return blocks;
}

/** Characters analysed as one passage at most: a longer one (a log, a text file shown raw) is cut into pieces. */
export const PIECE_CHARS = 1 << 16;

/**
 * Where a piece may end, strongest first, and how far back from PIECE_CHARS each is looked for:
 * after a blank line, after a sentence, after a line, after any white space. No phrase or
 * sentence spans the first two, so a cut there loses nothing the detector would find; in a long
 * passage with neither (a log, a listing), a line is most often a record of its own.
 */
const PIECE_BREAKS: readonly [RegExp, number][] = [
  [/\n[^\S\n]*\n/g, 4096],
  [/[.!?]["'”’)\]]*\s/g, 4096],
  [/\n/g, 4096],
  [/\s/g, 1000],
];

/** Where the last match of `pattern` in text[from, to) ends, or -1. */
function lastMatchEnd(text: string, from: number, to: number, pattern: RegExp): number {
  const window = text.slice(from, to);
  let end = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) end = from + m.index + m[0].length;
  return end;
}

/**
 * Where a passage's text is cut into pieces of PIECE_CHARS at most: at the strongest break near
 * each piece's end (`PIECE_BREAKS`), or at its very end where there is none. Analysed whole, a
 * passage that long holds a page up for hundreds of milliseconds and its mention is all of it.
 * A phrase across a cut made at a line's end or a space goes unseen.
 */
export function pieceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let from = 0; text.length - from > PIECE_CHARS; from = ends[ends.length - 1]!) {
    const end = from + PIECE_CHARS;
    let cut = -1;
    for (const [pattern, reach] of PIECE_BREAKS) if (cut < 0) cut = lastMatchEnd(text, end - reach, end, pattern);
    ends.push(cut < 0 ? end : cut);
  }
  ends.push(text.length);
  return ends;
}

/** A block as the pieces its text (`text`, the block's own) is cut into. */
export function cutIntoPieces(block: TextBlock, text: string): TextBlock[] {
  const pieces: TextBlock[] = [];
  let start = block.start;
  for (const end of pieceEnds(text)) {
    pieces.push({ start, end: block.start + end, role: block.role });
    start = block.start + end;
  }
  return pieces;
}
