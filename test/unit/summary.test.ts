import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/detect/summary';
import type { Mention } from '../../src/detect/types';

const mention = (text: string, phrases: [number, number][] = []): Mention => ({
  topic: 'home-office-mou',
  block: 0,
  start: 0,
  end: text.length,
  confidence: 0.9,
  phrases: phrases.map(([start, end]) => ({ start, end, kind: 'cue' })),
});

describe('summarise', () => {
  it('gives the passage with its white space collapsed, and its phrases once each', () => {
    const text = '  The  memorandum\nof understanding\u00a0ended.  The memorandum of understanding… ';
    const summary = summarise(text, mention(text, [[7, 34], [47, 74]]));
    expect(summary.passage).toBe('The memorandum of understanding ended. The memorandum of understanding…');
    expect(summary.phrases).toEqual(['memorandum of understanding']);
  });

  it('cuts a long passage to 600 characters with an ellipsis, even one that is mostly white space at first', () => {
    const long = 'word '.repeat(50_000);
    expect(summarise(long, mention(long)).passage).toBe(`${'word '.repeat(120).slice(0, 599)}…`);
    const airy = `${'a'.padEnd(3000, ' ')}b${'\n'.repeat(9000)}c ${'word '.repeat(50_000)}`;
    expect(summarise(airy, mention(airy)).passage).toBe(`a b c ${'word '.repeat(120)}`.slice(0, 599) + '…');
  });
});
