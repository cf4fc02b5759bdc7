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
