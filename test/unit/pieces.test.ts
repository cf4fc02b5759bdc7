// @vitest-environment happy-dom
/** Passages too long to analyse whole, cut into pieces: where, and what the pieces hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { cutIntoPieces, PIECE_CHARS, pieceEnds } from '../../src/detect/blocks';
import { analyseBlock, findMentions, mentionSteps, PASSAGES_PER_STEP, type BlockAnalysis, type PassageSource } from '../../src/detect/detector';
import { createGate, gateSources, type Gate } from '../../src/detect/gate';
import { buildLexicon } from '../../src/detect/lexicon';
import { extractPassages, piecesOf, rangeIn } from '../../src/page/extract';
import { NO_YIELD } from '../../src/page/slices';
import { PageTracker } from '../../src/page/tracker';
import { readableTextOfPlainText } from '../../src/cli/readable-text';

const topics = parseDataset(raw).topics;
const lexicon = buildLexicon(topics);
const gate = createGate(gateSources(topics.flatMap((topic) => topic.terms.names)));
const RELEVANT = "NHS Digital passed patients' addresses to the Home Office under the memorandum of understanding.";

/** Text of words and white space, some of it long runs of either. */
const longText = fc
  .array(fc.oneof(fc.constantFrom('word ', 'x', '\n', '  ', '. ', 'end.\n', '\n \n', 'said.” '), fc.string({ maxLength: 3 }).map((s) => s.repeat(3000))), { maxLength: 120 })
  .map((parts) => parts.join('').repeat(4));

describe('pieceEnds', () => {
  it('leaves a passage of PIECE_CHARS or fewer whole', () => {
    expect(pieceEnds('')).toEqual([0]);
    expect(pieceEnds('a b'.padEnd(PIECE_CHARS, 'c'))).toEqual([PIECE_CHARS]);
  });

  it('cuts longer ones into pieces of PIECE_CHARS at most that cover it, at the strongest break near the end of a piece', () => {
    // Each break, with how far back from a piece's end it counts: blank line, sentence end, line end, white space.
    const breaks: [RegExp, number][] = [[/\n[^\S\n]*\n/, 4096], [/[.!?]["'”’)\]]*\s/, 4096], [/\n/, 4096], [/\s/, 1000]];
    const endsWith = (pattern: RegExp, text: string) => new RegExp(`(?:${pattern.source})$`).test(text);
    fc.assert(
      fc.property(longText, (text) => {
        const ends = pieceEnds(text);
        expect(ends.at(-1)).toBe(text.length);
        let from = 0;
        for (const end of ends) {
          if (text.length > 0) expect(end).toBeGreaterThan(from);
          expect(end - from).toBeLessThanOrEqual(PIECE_CHARS);
          if (end < text.length) {
            const limit = from + PIECE_CHARS;
            const found = breaks.find(([pattern, reach]) => pattern.test(text.slice(limit - reach, limit)));
            if (!found) expect(end).toBe(limit);
            else {
              // Right after such a break, with none of its kind whole between the cut and the limit.
              const [pattern, reach] = found;
              expect(endsWith(pattern, text.slice(limit - reach, end))).toBe(true);
              expect(pattern.test(text.slice(end, limit))).toBe(false);
            }
          }
          from = end;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('cuts after a sentence rather than inside one, so a phrase at the limit stays in one piece', () => {
    // "NHS Digital" would straddle the limit; a sentence ends 2,000 characters before it.
    const before = 'word '.repeat((PIECE_CHARS - 2000) / 5 - 1) + 'end. ';
    const text = before + 'x'.repeat(2000 - 6) + ' ' + RELEVANT + ' ' + 'word '.repeat(100);
    expect(text.indexOf('NHS Digital')).toBeLessThan(PIECE_CHARS);
    expect(text.indexOf('NHS Digital') + 'NHS Digital'.length).toBeGreaterThan(PIECE_CHARS - 5);
    const ends = pieceEnds(text);
    expect(ends[0]).toBe(before.length);
    const pieces = ends.map((end, k) => text.slice(ends[k - 1] ?? 0, end));
    expect(pieces.some((piece) => piece.includes('NHS Digital passed'))).toBe(true);
  });

  it('cuts a log without sentence ends after a line rather than inside one', () => {
    const line = 'a log line about the buses and the weather, no end mark\n';
    const before = line.repeat(Math.floor((PIECE_CHARS - 100) / line.length));
    // The space between "NHS" and "Digital" is the last one before the limit.
    const text = `${before}${'w'.repeat(PIECE_CHARS - 5 - before.length)} NHS Digital passed on addresses\n${line.repeat(10)}`;
    expect(text.indexOf(' Digital')).toBe(PIECE_CHARS - 1);
    const ends = pieceEnds(text);
    expect(ends[0]).toBe(before.length);
    expect(text.slice(ends[0], ends[1])).toContain('NHS Digital');
  });

  it('cuts a block of the scan command the same way, end to end', () => {
    const text = `${'word '.repeat(40_000)}`;
    const blocks = cutIntoPieces({ start: 10, end: 10 + text.length, role: 'main' }, text);
    expect(blocks.map((block) => block.end - 10)).toEqual(pieceEnds(text));
    expect(blocks[0]!.start).toBe(10);
    blocks.slice(1).forEach((block, k) => expect(block.start).toBe(blocks[k]!.end));
    expect(readableTextOfPlainText(text).blocks).toHaveLength(blocks.length);
  });
});

describe('piecesOf', () => {
  it('gives pieces whose text is the passage, each with the nodes it is in, ranges and all', async () => {
    // Nodes either side of the cuts, and one node across two of them.
    const nodes = ['short ', 'word '.repeat(20_000), '<b>bold</b> ', 'word '.repeat(30_000), `${RELEVANT} `];
    document.body.innerHTML = `<pre>${nodes.join('')}</pre>`;
    const [passage] = await extractPassages(document.body, { remaining: 1e7, truncated: false }, NO_YIELD);
    const pieces = [...piecesOf(passage!)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((piece) => piece.text).join('')).toBe(passage!.text);
    let offset = 0;
    for (const piece of pieces) {
      expect(piece.offset).toBe(offset);
      offset += piece.text.length;
      expect(piece.element).toBe(passage!.element);
      expect(piece.starts[0]).toBeLessThanOrEqual(0);
      expect(piece.starts.slice(1).every((start) => start > 0 && start < piece.text.length)).toBe(true);
      // The start and end of each piece, marked on the page, are its own text.
      for (const [start, end] of [[0, 12], [piece.text.length - 12, piece.text.length]] as const) {
        expect(rangeIn(piece, start, end)!.toString()).toBe(piece.text.slice(start, end));
      }
    }
  });
});

describe('PageTracker with a passage too long to analyse whole', () => {
  it('holds its pieces as passages, each gated by its own text, and they cover the passage', async () => {
    const filler = 'The council met to talk about bus lanes and the library. ';
    const text = `${filler.repeat(2000)}${RELEVANT} ${filler.repeat(2000)}`;
    document.body.innerHTML = `<pre>${text}</pre><p>${RELEVANT}</p>`;
    const tracker = new PageTracker(() => document.body, gate, 1e7);
    await tracker.readAll(NO_YIELD);
    const [last, ...pieces] = [tracker.passages.at(-1)!, ...tracker.passages.slice(0, -1)];
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.length).toBe(pieceEnds(text).length);
    expect(pieces.map((piece) => piece.gated)).toEqual(pieces.map((piece) => gate.maySeed(piece.text)));
    expect(pieces.filter((piece) => piece.gated)).toHaveLength(1);
    expect(last.text).toBe(RELEVANT);
    expect(tracker.chars).toBe(text.length + RELEVANT.length);
    // The detector flags the piece that says it, and the passage after.
    const slots = tracker.slots();
    const found = findMentions({
      count: slots.length,
      gated: slots.flatMap((slot, index) => (slot?.gated ? [index] : [])),
      analyse: (index) => analyseBlock(lexicon, slots[index]!.text, { start: 0, end: slots[index]!.text.length, role: 'main' }),
      block: (index) => ({ start: 0, end: slots[index]!.text.length, role: 'main' }),
    });
    expect(found.map((mention) => slots[mention.block]!.text.includes(RELEVANT))).toEqual([true, true]);
    expect(found[1]!.block).toBe(slots.length - 1);
  });
});

describe('PageTracker following a page that adds a passage too long to analyse whole', () => {
  it('puts its pieces in order where the passage goes, each gated by its own text', async () => {
    document.body.innerHTML = `<p>${RELEVANT}</p><div id="feed"></div><p>${RELEVANT} Last.</p>`;
    const tracker = new PageTracker(() => document.body, gate, 1e7);
    await tracker.readAll(NO_YIELD);
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const text = `${'Weather and bus news. '.repeat(8000)}${RELEVANT} ${'More about the buses. '.repeat(8000)}`;
    document.getElementById('feed')!.innerHTML = `<pre>${text}</pre>`;
    expect(await tracker.apply(observer.takeRecords(), NO_YIELD)).toBe(true);
    observer.disconnect();
    const texts = tracker.passages.map((passage) => passage.text);
    expect(texts[0]).toBe(RELEVANT);
    expect(texts.at(-1)).toBe(`${RELEVANT} Last.`);
    expect(texts.slice(1, -1).join('')).toBe(text);
    expect(texts.length - 2).toBe(pieceEnds(text).length);
    const pieces = tracker.passages.slice(1, -1);
    expect(pieces.map((piece) => piece.gated)).toEqual(pieces.map((piece) => gate.maySeed(piece.text)));
    expect(pieces.filter((piece) => piece.gated)).toHaveLength(1);
  });
});

describe('PageTracker gating a passage too long to analyse whole', () => {
  /** A long passage with text never read inside it, so its words may meet across the gaps. */
  const joinedLog = (lines: number) => Array.from({ length: lines }, (_, k) => `Line ${k} of the log, about the buses.<button>x</button>\n`).join('');

  it('looks through no more than a piece between two turns of the page', async () => {
    document.body.innerHTML = `<p>${RELEVANT}</p><pre>${joinedLog(12_000)}</pre>`;
    // Characters the gate looked through since the page's last turn, and the most of them.
    let [looked, most] = [0, 0];
    const counting: Gate = { ...gate, maySeed: (text, nhsWordsOnly) => ((most = Math.max(most, (looked += text.length))), gate.maySeed(text, nhsWordsOnly)) };
    const turns = { deadline: () => Infinity, maybeYield: async () => void (looked = 0) };
    const tracker = new PageTracker(() => document.body, counting, 1e7);
    await tracker.readAll(turns);
    expect(tracker.passages.filter((passage) => passage.offset !== undefined).length).toBeGreaterThan(5);
    expect(most).toBeLessThanOrEqual(PIECE_CHARS);
  });

  it('finds a phrase whose words meet across text never read, in the piece that holds it', async () => {
    // "Hospi" and "tal" meet only once the button between them is left out: the read's text holds no stem there.
    document.body.innerHTML = `<p>${RELEVANT}</p><pre>${joinedLog(1500)}Hospi<button>x</button>tal records were passed on.\n${joinedLog(1500)}</pre>`;
    const tracker = new PageTracker(() => document.body, gate, 1e7);
    await tracker.readAll(NO_YIELD);
    const pieces = tracker.passages.filter((passage) => passage.offset !== undefined);
    expect(pieces.filter((piece) => piece.gated).map((piece) => piece.text.includes('Hospital records'))).toEqual([true]);
  });
});

describe('mentionSteps', () => {
  it('pauses after each passage it analyses, and finds what findMentions finds', () => {
    const texts = [RELEVANT, 'Filler.', 'The memorandum of understanding was withdrawn.', RELEVANT, 'More filler.', 'Unrelated news.'];
    let analysed = 0;
    const source: PassageSource = {
      count: texts.length,
      gated: [0, 3],
      analyse: (index) => {
        analysed++;
        return analyseBlock(lexicon, texts[index]!, { start: 0, end: texts[index]!.length, role: 'main' });
      },
      block: (index) => ({ start: 0, end: texts[index]!.length, role: 'main' }),
    };
    const steps = mentionSteps(source);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      pauses++;
      expect(analysed).toBeLessThanOrEqual(pauses);
    }
    expect(analysed).toBeGreaterThan(2);
    const mentions = step.value;
    expect(mentions.map((mention) => mention.block)).toEqual([0, 2, 3]);
    expect(findMentions(source)).toEqual(mentions);
  });

  it('looks over a page flagged all through in steps of a bounded size, and finds every passage', () => {
    const count = 20_000;
    const flagged = analyseBlock(lexicon, RELEVANT, { start: 0, end: RELEVANT.length, role: 'main' })!;
    // Every look at a passage, its analysis or its place, counted in the step it falls in.
    let looks = 0;
    const counted = (): BlockAnalysis => ({
      get hits() {
        looks++;
        return flagged.hits;
      },
      get verdict() {
        looks++;
        return flagged.verdict;
      },
    });
    const source: PassageSource = {
      count,
      gated: Array.from({ length: count }, (_, index) => index),
      analyse: counted,
      block: () => {
        looks++;
        return { start: 0, end: RELEVANT.length, role: 'main' };
      },
    };
    const steps = mentionSteps(source);
    let most = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      most = Math.max(most, looks);
      looks = 0;
    }
    most = Math.max(most, looks);
    expect(step.value).toHaveLength(count);
    expect(most).toBeLessThanOrEqual(4 * PASSAGES_PER_STEP);
  });
});
