import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { analyseBlock, findMentions, mentionsFrom } from '../../src/detect/detector';
import { createGate, gateSources, gateStems } from '../../src/detect/gate';
import { buildLexicon, SHARED_TERMS } from '../../src/detect/lexicon';
import type { TermKind } from '../../src/detect/types';

const topics = parseDataset(raw).topics;
const lexicon = buildLexicon(topics);
const gate = createGate(gateSources(topics.flatMap((topic) => topic.terms.names)));

const phrasesOf = (...kinds: TermKind[]) =>
  [...lexicon.entries].filter(([, entries]) => entries.some((entry) => kinds.includes(entry.kind))).map(([phrase]) => phrase);
const anyCase = (phrase: string) => fc.constantFrom(phrase, phrase.toUpperCase(), phrase.replace(/\b\w/g, (c) => c.toUpperCase()));

/** A passage made of the lexicon's own phrases (in any case), filler and stray punctuation. */
const passage = fc
  .array(
    fc.oneof(
      fc.constantFrom(...phrasesOf('name', 'partner', 'cue', 'nhs-data', 'nhs', 'data', 'sharing')).chain(anyCase),
      fc.constantFrom(' ', ' ', ', ', '. ', '-', '\u00a0', '‑', ' – ', "'", '’', ' the ', ' said on Tuesday ', 'NHS', ' Home Office '),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const SEED = "NHS Digital passed patients' addresses to the Home Office under the memorandum of understanding.";
/** A cue of the Home Office agreement and nothing else: it counts only next to a flagged passage. */
const CUE = 'The memorandum of understanding was later withdrawn.';
const FILLER = 'Filler about the weather.';

const analyse = (text: string) => analyseBlock(lexicon, text, { start: 0, end: text.length, role: 'main' });

describe('the gate', () => {
  it('scans the page for a handful of stems, from the NHS side and the topic names', () => {
    const stems = gateStems([...SHARED_TERMS['nhs-data'], ...SHARED_TERMS.nhs, ...topics.flatMap((topic) => topic.terms.names)]);
    expect(stems).toEqual(expect.arrayContaining(['nhs', 'patient', 'hospital', 'gp', 'care.data', 'federated']));
    // "patients", "NHS Digital" and "GPDPR" are found through shorter stems.
    expect(stems).not.toEqual(expect.arrayContaining(['patients']));
    expect(stems.length).toBeLessThan(30);
  });

  it('lets through every passage that is about a topic on its own, at both steps', () => {
    let flagged = 0;
    fc.assert(
      fc.property(passage, fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (text, before, after) => {
        if (!analyse(text)?.verdict) return;
        flagged++;
        expect(gate.maySeed(text)).toBe(true);
        // Found in the page's text whatever stands either side of the passage.
        const hits = gate.hits(before + text + after);
        expect(hits.some((hit) => hit >= before.length && hit < before.length + text.length)).toBe(true);
      }),
      { numRuns: 8000 },
    );
    // The property must have been put to the test, not passed by never flagging (about 4% flag).
    expect(flagged).toBeGreaterThan(150);
  });

  it('finds nothing on a page with no NHS side and no topic name, however many topic words it has', () => {
    const text = 'The Home Office said the memorandum of understanding with Palantir and Google was shared with immigration enforcement.';
    expect(gate.hits(text)).toEqual([]);
    expect(gate.hits(`${text} Patients and the NHS.`)).toEqual([text.length + 1, text.length + 18]);
  });

  it('finds the same hits window by window as in one go, a stem across a window edge included', () => {
    const text = 'x'.repeat(95) + 'hospital records, NHS Digital and the Federated Data Platform'.repeat(30);
    const whole = gate.hits(text);
    const windowed = [0, 100, 200, 300].flatMap((from) => gate.hits(text, from, from + 100)).concat(gate.hits(text, 400));
    expect(windowed).toEqual(whole);
    expect(whole).toContain(95);
  });

  it('turns away a passage with an NHS word but no data word, or a stem alone', () => {
    for (const text of ['Hospital waiting times rose again in the autumn.', 'By Ruth Evans, health correspondent', 'National Insurance rises']) {
      expect(gate.hits(text).length).toBeGreaterThan(0);
      expect(gate.maySeed(text)).toBe(false);
    }
    expect(gate.maySeed('Hospital records were passed on.')).toBe(true);
    expect(gate.maySeed('The care.data scheme closed.')).toBe(true);
  });

  it('takes any run of spaces and hyphens between the words of a phrase, as the lexicon does', () => {
    for (const gap of [' ', '  ', '\u00a0', '-', '‑', ' – ']) {
      const text = `The Federated${gap}Data${gap}Platform went live.`;
      expect(analyse(text)?.hits.map((hit) => hit.term)).toContain('federated data platform');
      expect(gate.maySeed(text)).toBe(true);
    }
  });

  it('knows a hit that is an NHS word on its own from one that may start a strong phrase', () => {
    const text = 'Hospital staff, NHS Digital and health data';
    const [hospital, nhs, health] = gate.hits(text);
    expect(gate.nhsWordAt(text, hospital!)).toBe(true);
    expect(gate.nhsWordAt(text, nhs!)).toBe(false);
    expect(gate.nhsWordAt(text, health!)).toBe(false);
  });

  it('gives the same answer looking for a data word alone when every hit is an NHS word on its own', () => {
    let shortcut = 0;
    fc.assert(
      fc.property(passage, (text) => {
        const hits = gate.hits(text);
        if (hits.length === 0 || !hits.every((at) => gate.nhsWordAt(text, at))) return;
        shortcut++;
        expect(gate.maySeed(text, true)).toBe(gate.maySeed(text));
      }),
      { numRuns: 8000 },
    );
    expect(shortcut).toBeGreaterThan(200);
  });
});

describe('findMentions', () => {
  it('finds what mentionsFrom finds over every passage, from the gated passages and their neighbours', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(passage, fc.constantFrom(SEED, CUE, 'The Home Office shared its contract.', FILLER)), { maxLength: 60 }), (texts) => {
        const blocks = texts.map((text) => ({ start: 0, end: text.length, role: 'main' as const }));
        const everything = mentionsFrom(texts.map(analyse), blocks);
        const found = findMentions({
          count: texts.length,
          gated: texts.flatMap((text, i) => (gate.maySeed(text) ? [i] : [])),
          analyse: (i) => analyse(texts[i]!),
          block: (i) => blocks[i]!,
        });
        if (everything.some((mention) => mention.confidence < 0.6)) compared++;
        expect(found).toEqual(everything);
      }),
      { numRuns: 1500 },
    );
    // Cases where a passage was lent its topic, the part that needs the neighbours.
    expect(compared).toBeGreaterThan(150);
  });

  it('analyses only gated passages on a page that mentions nothing', () => {
    const texts = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 'Hospital records were kept on paper.' : 'Household debt rose, Google said.'));
    const asked: number[] = [];
    const found = findMentions({
      count: texts.length,
      gated: texts.flatMap((text, i) => (gate.maySeed(text) ? [i] : [])),
      analyse: (i) => (asked.push(i), analyse(texts[i]!)),
      block: () => ({ start: 0, end: 0, role: 'main' }),
    });
    expect(found).toEqual([]);
    expect(asked).toHaveLength(100);
  });

  it('follows a run of passages that each lend to the next, beyond the first neighbour', () => {
    const texts = [SEED, ...Array.from({ length: 12 }, () => CUE), FILLER];
    const blocks = texts.map((text) => ({ start: 0, end: text.length, role: 'main' as const }));
    const found = findMentions({ count: texts.length, gated: [0], analyse: (i) => analyse(texts[i]!), block: (i) => blocks[i]! });
    expect(found).toEqual(mentionsFrom(texts.map(analyse), blocks));
    expect(found.length).toBeGreaterThan(1);
  });
});
