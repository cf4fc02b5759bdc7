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
 * Where a passage's text is cut into pieces of PIECE_CHARS at most: after the last white space in
 * each piece's last thousand characters, or at its very end where there is none. Analysed whole,
 * a passage that long holds a page up for hundreds of milliseconds and its mention is all of it.
 * A phrase across a cut goes unseen.
 */
export function pieceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let from = 0; text.length - from > PIECE_CHARS; from = ends[ends.length - 1]!) {
    const end = from + PIECE_CHARS;
    const space = text.slice(end - 1000, end).search(/\s\S*$/);
    ends.push(space < 0 ? end : end - 999 + space);
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
