// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { analyseBlock, FAR, findMentions } from '../../src/detect/detector';
import { createGate, gateSources, type Gate } from '../../src/detect/gate';
import { buildLexicon } from '../../src/detect/lexicon';
import { extractPassages, groupPassages, passageAround, Places, readText, type Passage } from '../../src/page/extract';
import { besideUnbuilt, PageTracker } from '../../src/page/tracker';
import { NO_YIELD } from '../../src/page/slices';

const budget = (remaining = 1_000_000) => ({ remaining, truncated: false });
const texts = (passages: Passage[]) => passages.map((p) => p.text);
const topics = parseDataset(raw).topics;
const gate = createGate(gateSources(topics.flatMap((topic) => topic.terms.names)));
const lexicon = buildLexicon(topics);
/** A gate open on any text: for following the page's structure alone. */
const openGate: Gate = { hits: (text) => (text ? [0] : []), maySeed: () => true, nhsWordAt: () => false };

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('extractPassages', () => {
  it('gives one passage per block, in document order, with nested blocks apart', async () => {
    const body = page('<h1>Title</h1><div>Intro <em>text</em><p>Inner para</p>tail</div><ul><li>One</li><li>Two</li></ul>');
    expect(texts(await extractPassages(body, budget(), NO_YIELD))).toEqual(['Title', 'Intro text', 'Inner para', 'tail', 'One', 'Two']);
  });

  it('never reads scripts, styles, templates, form fields, editors or hidden elements', async () => {
    const body = page(
      '<p>kept</p><script>var secret = 1;</script><style>p{}</style><template><p>tpl</p></template>' +
        '<textarea>typed</textarea><select><option>opt</option></select><div contenteditable="true"><p>draft</p></div>' +
        '<div contenteditable="false"><p>not editable</p></div><p hidden>hidden</p><code>x = 1</code>',
    );
    expect(texts(await extractPassages(body, budget(), NO_YIELD))).toEqual(['kept', 'not editable']);
  });

  it('stops at the budget and says so', async () => {
    const body = page('<p>0123456789</p><p>abcdefghij</p>');
    const limited = budget(15);
    expect(texts(await extractPassages(body, limited, NO_YIELD))).toEqual(['0123456789', 'abcde']);
    expect(limited.truncated).toBe(true);
  });

  it('reads the same text, nodes and cut at the budget slice by slice as in one go', async () => {
    const body = page(Array.from({ length: 3000 }, (_, i) => `<p>Para ${i} <em>with</em> words</p>`).join(''));
    // A slicer whose slice is always over: the walk stops every 1,024 nodes.
    let turns = 0;
    const hurried = { deadline: () => -Infinity, maybeYield: async () => void turns++ };
    for (const remaining of [1_000_000, 50_000]) {
      const [sliced, whole] = [budget(remaining), budget(remaining)];
      const bySlice = await readText(body, sliced, hurried);
      const inOneGo = await readText(body, whole, NO_YIELD);
      expect(bySlice).toEqual(inOneGo);
      expect(sliced).toEqual(whole);
      expect(bySlice.text).toBe(body.textContent!.slice(0, bySlice.text.length));
      expect(bySlice.starts.every((start, i) => bySlice.text.startsWith(bySlice.nodes[i]!.data.slice(0, 20), start))).toBe(true);
    }
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('takes the same text with ranges as node by node, and node by node where a range gives other text', async () => {
    const body = page(Array.from({ length: 300 }, (_, i) => `<p>Para ${i} <em>with</em> words<script>x()</script></p>`).join(''));
    // Past its deadline at once: the walk stops every 1,024 nodes, so this is two slices.
    const hurried = { deadline: () => -Infinity, maybeYield: async () => {} };
    /** A range whose text is `text(theirs)`; what it gave is kept in `given`. */
    const rangeGiving = (text: (theirs: string) => string) => {
      const [range, given] = [document.createRange(), [] as string[]];
      const theirs = range.toString.bind(range);
      return { range: Object.assign(range, { toString: () => given[given.push(text(theirs())) - 1]! }), given };
    };
    for (const remaining of [1_000_000, 3_000]) {
      const nodeByNode = await readText(body, budget(remaining), hurried);
      if (remaining === 1_000_000) expect(nodeByNode.nodes.length).toBeGreaterThan(1024);
      const byRange = budget(remaining);
      const trusted = rangeGiving((theirs) => theirs);
      expect(await readText(body, byRange, hurried, { range: trusted.range })).toEqual(nodeByNode);
      expect(byRange.truncated).toBe(remaining < 1_000_000);
      // The text is what the range gave, slice by slice, never past the budget, and the range is left empty.
      expect(trusted.given.length).toBeGreaterThan(remaining < 1_000_000 ? 0 : 1);
      expect(trusted.given.join('')).toBe(nodeByNode.text);
      expect([trusted.range.collapsed, trusted.range.startContainer]).toEqual([true, document]);
      // A range that gives text of another length than the nodes walked is not trusted.
      const untrusted = rangeGiving(() => 'other text');
      expect(await readText(body, budget(remaining), hurried, { range: untrusted.range })).toEqual(nodeByNode);
      expect(untrusted.given.length).toBeGreaterThan(0);
    }
  });

  it('reads, for a shallow read, only the own text of the block: nested blocks are not entered', async () => {
    const main = page('<main>intro <em>words</em><p>first</p><ul><li>item</li></ul>tail</main>').firstElementChild!;
    const read = await readText(main, budget(), NO_YIELD, { shallow: true });
    expect(read.nodes.map((node) => node.data)).toEqual(['intro ', 'words', 'tail']);
    expect(read.text).toBe('intro wordstail');
  });

  it('keeps the white space between inline elements, so words stay apart', async () => {
    const body = page('<p>the <a href="#">Federated</a> <em>Data</em>\n<b>Platform</b></p>');
    expect(texts(await extractPassages(body, budget(), NO_YIELD))).toEqual(['the Federated Data\nPlatform']);
  });

  it('keeps a passage whole around skipped text inside it', async () => {
    const body = page('<p>NHS Digital <button>Share</button>passed records<script>x()</script> on</p>');
    const [passage, ...rest] = await extractPassages(body, budget(), NO_YIELD);
    expect([passage!.text, ...texts(rest)]).toEqual(['NHS Digital passed records on']);
    // Offsets still map to the nodes, with the skipped text left out.
    expect(passage!.nodes.map((n) => n.data)).toEqual(['NHS Digital ', 'passed records', ' on']);
    expect(passage!.starts).toEqual([0, 12, 26]);
  });

  it('maps passage offsets back to the text nodes they came from', async () => {
    const body = page('<p>NHS <b>Digital</b> shared data</p>');
    const [passage] = await extractPassages(body, budget(), NO_YIELD);
    expect(passage!.nodes.map((n) => n.data)).toEqual(['NHS ', 'Digital', ' shared data']);
    expect(passage!.starts).toEqual([0, 4, 11]);
  });
});

describe('passageAround', () => {
  it('finds, from any node, the text of the passage grouping puts it in', async () => {
    const body = page(
      '<h1>Title</h1>\n<div>Intro <em>NHS</em> <button>Share</button>data<p>Nested <a href="#">para</a></p>tail ' +
        '<script>x()</script>end</div><ul><li> One</li><li>Two <b>and</b> three</li></ul>' +
        // Blocks with nothing inside that starts a passage or is never read, beside ones with such.
        '<p>Leaf <i>one</i></p><button>Copy</button><p>Leaf two</p><p>Not <kbd>ctrl</kbd> leaf</p><p>x <span hidden>y</span> z</p>',
    );
    const read = await readText(body, budget(), NO_YIELD);
    const places = new Places(body);
    const passages = await groupPassages(read, places, NO_YIELD);
    let compared = 0;
    read.nodes.forEach((node, index) => {
      const passage = passages.find((p) => p.nodes.includes(node));
      const around = passageAround(read, places, index);
      if (!passage) return;
      compared++;
      // It may start with white space the passage leaves out.
      expect(around?.text.trimStart()).toBe(passage.text.trimStart());
    });
    expect(compared).toBe(passages.flatMap((p) => p.nodes).length);
    expect(texts(passages)).toEqual(['Title', 'Intro NHS data', 'Nested para', 'tail end', ' One', 'Two and three', 'Leaf one', 'Leaf two', 'Not  leaf', 'x  z']);
  });
});

describe('PageTracker', () => {
  const track = async (withGate = openGate) => {
    const tracker = new PageTracker(() => document.body, withGate, 1_000_000);
    await tracker.readAll(NO_YIELD);
    return tracker;
  };
  /** Runs `change` and hands the mutations it caused to the tracker. */
  const mutate = async (tracker: PageTracker, change: () => void) => {
    const observer = new MutationObserver(() => {});
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    change();
    const records = observer.takeRecords();
    observer.disconnect();
    return tracker.apply(records, NO_YIELD);
  };

  it('reads with a range what it reads node by node, on the first read and on added roots', async () => {
    page('<p>first <em>one</em></p><div id="feed"><p>two</p></div><script>x()</script><p>last</p>');
    const range = document.createRange();
    const taken = vi.spyOn(range, 'toString');
    const byRange = new PageTracker(() => document.body, openGate, 1_000_000, { range });
    await byRange.readAll(NO_YIELD);
    expect(taken).toHaveBeenCalledOnce();
    const added = () => document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<article><h2>New</h2><p>three <b>and</b> four</p></article>');
    expect(await mutate(byRange, added)).toBe(true);
    expect(taken).toHaveBeenCalledTimes(2);
    const nodeByNode = await track();
    expect(texts(byRange.passages)).toEqual(texts(nodeByNode.passages));
    expect(texts(byRange.passages)).toEqual(['first one', 'two', 'New', 'three and four', 'last']);
  });

  it('reads a block added and then filled in the same batch once', async () => {
    page('<p>first</p><div id="feed"></div>');
    const tracker = await track();
    expect(
      await mutate(tracker, () => {
        const block = document.createElement('p');
        document.getElementById('feed')!.append(block);
        block.append('added ', 'then filled');
        block.insertAdjacentHTML('beforeend', '<p>inside</p>');
      }),
    ).toBe(true);
    expect(texts(tracker.passages)).toEqual(['first', 'added then filled', 'inside']);
  });

  it('adds appended passages in document order and re-reads only what changed', async () => {
    page('<p id="a">first</p><ul id="feed"><li>one</li></ul><p id="z">last</p>');
    const tracker = await track();
    const untouched = tracker.passages[0];
    expect(await mutate(tracker, () => document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<li>two</li><li>three</li>'))).toBe(true);
    expect(texts(tracker.passages)).toEqual(['first', 'one', 'two', 'three', 'last']);
    expect(tracker.passages[0]).toBe(untouched);
  });

  it('puts added and moved passages where a full read would, wherever they land', async () => {
    const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('add', 'move', 'add-block-with-move') });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.array(change, { minLength: 1, maxLength: 6 }), async (count, changes) => {
        page(`<main>${Array.from({ length: count }, (_, i) => `<p>old ${i}</p>`).join('')}</main><footer><p>foot</p></footer>`);
        const tracker = await track();
        let made = 0;
        await mutate(tracker, () => {
          for (const { at, kind } of changes) {
            const blocks = [...document.querySelectorAll('p')];
            const target = blocks[at % blocks.length]!;
            if (kind === 'add') target.insertAdjacentHTML(at % 2 ? 'beforebegin' : 'afterend', `<p>new ${made++}</p>`);
            else if (kind === 'move') blocks[(at * 7) % blocks.length]!.before(target);
            else if (blocks[(at * 3) % blocks.length] !== target) {
              const section = document.createElement('section');
              section.append(target);
              blocks[(at * 3) % blocks.length]!.after(section);
            }
          }
        });
        const fresh = await track();
        expect(texts(tracker.passages)).toEqual(texts(fresh.passages));
        expect(tracker.chars).toBe(fresh.chars);
      }),
      { numRuns: 150 },
    );
  });

  it('follows edits to text and removals', async () => {
    page('<p id="a">first</p><p id="b">second</p><p id="c">third</p>');
    const tracker = await track();
    await mutate(tracker, () => {
      document.getElementById('a')!.firstChild!.textContent = 'FIRST';
      document.getElementById('b')!.remove();
    });
    expect(texts(tracker.passages)).toEqual(['FIRST', 'third']);
    expect(tracker.chars).toBe('FIRSTthird'.length);
  });

  it('re-reads only the own text of a block that text is added to, not the blocks inside it', async () => {
    page('<main id="m"><p>first</p><p>second</p></main>');
    const tracker = await track();
    const [first, second] = tracker.passages;
    await mutate(tracker, () => document.getElementById('m')!.append('loose text'));
    expect(texts(tracker.passages)).toEqual(['first', 'second', 'loose text']);
    // The paragraphs inside were not read again.
    expect(tracker.passages[0]).toBe(first);
    expect(tracker.passages[1]).toBe(second);
    expect(tracker.chars).toBe('firstsecondloose text'.length);
  });

  it('re-reads a passage whole when an inline element is inserted into it', async () => {
    page('<p id="a">NHS shared data</p>');
    const tracker = await track();
    await mutate(tracker, () => document.getElementById('a')!.append(document.createElement('b'), ' with the Home Office'));
    expect(texts(tracker.passages)).toEqual(['NHS shared data with the Home Office']);
  });

  it('reads a block moved into an added element once, in its new place', async () => {
    page('<p id="a">alpha</p><p id="b">beta</p>');
    const tracker = await track();
    await mutate(tracker, () => {
      const section = document.createElement('section');
      section.append(document.getElementById('a')!);
      document.body.append(section);
    });
    expect(texts(tracker.passages)).toEqual(['beta', 'alpha']);
  });

  it('marks the passages that pass the gate, and only those', async () => {
    page('<h1>Hospital waiting times</h1><p>Hospital records, <em>passed on</em></p><p>Household debt rose.</p><ul><li>Patient <b>data</b></li><li>Rain</li></ul>');
    const tracker = await track(gate);
    expect(tracker.passages.map((p) => [p.text, p.gated])).toEqual([
      ['Hospital waiting times', false],
      ['Hospital records, passed on', true],
      ['Household debt rose.', false],
      ['Patient data', true],
      ['Rain', false],
    ]);
  });

  it('marks a passage exactly when the gate lets its own text through, wherever the data words are', async () => {
    // NHS words and data words in the same passage, in the next one, in text never read, split by
    // inline markup, or past where the read stops.
    const part = fc.constantFrom(
      'Hospital', 'doctors', 'GP', 'records', 'addresses', 'debt', 'Patient data', 'the council', ' met on Monday. ', 'NHS Digital',
      '<em>staff</em>', '<a href="#">records</a>', '<script>var data = 1;</script>', '<button>Hospital details</button>', '<code>data</code>',
      '<span hidden>records</span>', '<b contenteditable>data</b>',
    );
    const block = fc.tuple(fc.constantFrom('p', 'li', 'div', 'td'), fc.array(part, { minLength: 1, maxLength: 5 })).map(([tag, parts]) => `<${tag}>${parts.join(' ')}</${tag}>`);
    // Blocks side by side, or one inside loose text of another.
    const html = fc.array(fc.oneof(block, block.map((inner) => `<div>Hospital ${inner} records</div>`)), { minLength: 1, maxLength: 12 }).map((blocks) => blocks.join(''));
    let gated = 0;
    await fc.assert(
      fc.asyncProperty(html, fc.option(fc.integer({ min: 1, max: 300 }), { nil: 1_000_000 }), async (markup, maxChars) => {
        page(markup);
        const tracker = new PageTracker(() => document.body, gate, maxChars);
        await tracker.readAll(NO_YIELD, true);
        const passages = await extractPassages(document.body, budget(maxChars), NO_YIELD);
        const expected = passages.map((p) => gate.maySeed(p.text));
        // A page with no passage past the gate has none built.
        if (!expected.includes(true)) expect(tracker.passages).toEqual([]);
        else {
          expect(tracker.passages.map((p) => p.text)).toEqual(texts(passages));
          expect(tracker.passages.map((p) => p.gated)).toEqual(expected);
        }
        gated += tracker.passages.filter((p) => p.gated).length;
      }),
      { numRuns: 300 },
    );
    expect(gated).toBeGreaterThan(100);
  });

  it('builds no passages on a page nothing can be flagged on, and reads it all once that changes', async () => {
    page('<p id="a">Household debt rose.</p><p>The Home Office said so.</p><p>Hospital waiting times rose.</p>');
    const tracker = await track(gate);
    expect(tracker.passages).toEqual([]);
    expect(tracker.chars).toBe('Household debt rose.The Home Office said so.Hospital waiting times rose.'.length);
    // A change that can flag nothing is followed without building anything.
    expect(await mutate(tracker, () => document.body.insertAdjacentHTML('beforeend', '<p>Google said so too.</p>'))).toBe(true);
    expect(tracker.passages).toEqual([]);
    // The first gated passage: the passages around it were never built, so the page is read again.
    expect(await mutate(tracker, () => document.body.insertAdjacentHTML('beforeend', '<p>NHS Digital shared it.</p>'))).toBe(true);
    expect(texts(tracker.passages)).toEqual(['Household debt rose.', 'The Home Office said so.', 'Hospital waiting times rose.', 'Google said so too.', 'NHS Digital shared it.']);
  });

  it('asks for a full read when a batch adds more than the wholesale threshold', async () => {
    page('<div id="list"></div>');
    const tracker = await track();
    const followed = await mutate(tracker, () => {
      const list = document.getElementById('list')!;
      for (let i = 0; i < 1500; i++) list.append(Object.assign(document.createElement('p'), { textContent: `item ${i}` }));
    });
    expect(followed).toBe(false);
  });
});

describe('PageTracker: slices', () => {
  it('gives the page a turn every few passages of the close look, however many hits each holds', async () => {
    for (const hitsPerPassage of [1, 2, 4, 8]) {
      page(Array.from({ length: 320 }, () => `<p>${'The hospital said so. '.repeat(hitsPerPassage)}</p>`).join(''));
      let turns = 0;
      const counting = { deadline: () => Infinity, maybeYield: async () => void turns++ };
      await new PageTracker(() => document.body, gate, 1_000_000).readAll(counting);
      // One look per passage (its other hits are in it), and a turn every 16 looks.
      expect(turns, `${hitsPerPassage} hits per passage`).toBeGreaterThanOrEqual(320 / 16);
    }
  });
});

describe('PageTracker: passages built only near gated ones', () => {
  const filler = (i: number) => `<p>Story ${i}: the <a href="#">council</a> met on Monday.</p>`;
  const many = (from: number, count: number) => Array.from({ length: count }, (_, i) => filler(from + i)).join('');
  const seed = "<p>NHS Digital passed patients' addresses to the Home Office.</p>";

  /** What the content script flags: over the slots, and over every passage once a mention reaches their end. */
  const flagged = async (tracker: PageTracker) => {
    const mentionsOf = () => {
      const slots = tracker.slots();
      const mentions = findMentions({
        count: slots.length,
        gated: slots.flatMap((passage, index) => (passage?.gated ? [index] : [])),
        analyse: (index) => (slots[index] ? analyseBlock(lexicon, slots[index].text, { start: 0, end: slots[index].text.length, role: 'main' }) : null),
        block: (index) => ({ start: 0, end: slots[index]?.text.length ?? 0, role: 'main' }),
      });
      return { slots, mentions };
    };
    let { slots, mentions } = mentionsOf();
    if (mentions.some((mention) => besideUnbuilt(slots, mention.block))) {
      await tracker.readAll(NO_YIELD, true);
      ({ slots, mentions } = mentionsOf());
    }
    return mentions.map((mention) => [mention.topic, slots[mention.block]!.text, mention.confidence]);
  };

  it('builds runs around gated passages, with the passages between them left unbuilt', async () => {
    page(`${many(0, 150)}${seed}${many(150, 150)}${seed}${many(300, 150)}`);
    const tracker = new PageTracker(() => document.body, gate, 1_000_000);
    await tracker.readAll(NO_YIELD);
    const built = tracker.passages;
    expect(built.length).toBeLessThan(200);
    expect(built.filter((passage) => passage.gated)).toHaveLength(2);
    const slots = tracker.slots();
    // Unbuilt before, between and after the two runs.
    expect(slots.map((slot) => (slot === null ? '_' : slot.gated ? 'G' : 'p')).join('').replace(/p+/g, 'p').replace(/_+/g, '_')).toBe('_pGp_pGp_');
  });

  it('leaves a new passage among those never built unbuilt, and reads again for a gated one there', async () => {
    page(`${seed}${many(0, 150)}`);
    const tracker = new PageTracker(() => document.body, gate, 1_000_000);
    await tracker.readAll(NO_YIELD);
    const before = texts(tracker.passages);
    const mutate = async (html: string) => {
      const observer = new MutationObserver(() => {});
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      document.body.insertAdjacentHTML('beforeend', html);
      const records = observer.takeRecords();
      observer.disconnect();
      return tracker.apply(records, NO_YIELD);
    };
    expect(await mutate('<p>Lunch was served.</p>')).toBe(true);
    expect(texts(tracker.passages)).toEqual(before);
    expect(await mutate('<p>Patient records were shared with immigration enforcement.</p>')).toBe(true);
    expect(tracker.passages.filter((passage) => passage.gated).map((passage) => passage.text)).toEqual([
      "NHS Digital passed patients' addresses to the Home Office.",
      'Patient records were shared with immigration enforcement.',
    ]);
    // Read again with every passage built: the next gated one is followed without a new read.
    expect(tracker.slots()).not.toContain(null);
    const kept = tracker.passages[0];
    expect(await mutate('<p>GP records were passed to the Home Office.</p>')).toBe(true);
    expect(tracker.passages[0]).toBe(kept);
    expect(tracker.passages.at(-1)?.gated).toBe(true);
  });

  it('reads again when a gated passage comes within reach of the end of its run', async () => {
    page(`${seed}${many(0, 80)}`);
    const tracker = new PageTracker(() => document.body, gate, 1_000_000);
    await tracker.readAll(NO_YIELD);
    const built = tracker.passages;
    // Just inside the run's end: the rules look past it.
    const nearEnd = built[built.length - 3]!.element;
    const observer = new MutationObserver(() => {});
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    nearEnd.insertAdjacentHTML('afterend', '<p>Patient records were shared with immigration enforcement.</p>');
    const records = observer.takeRecords();
    observer.disconnect();
    expect(await tracker.apply(records, NO_YIELD)).toBe(true);
    const slots = tracker.slots();
    const gated = slots.findIndex((slot) => slot?.text.startsWith('Patient records'));
    const unbuiltAfter = slots.indexOf(null, gated);
    expect(unbuiltAfter === -1 || unbuiltAfter - gated > FAR).toBe(true);
  });

  it('flags what building every passage flags', async () => {
    const paragraphs = [
      seed,
      '<p>Doctors said GP records were <em>shared</em> with immigration officials.</p>',
      '<p>The memorandum was later withdrawn.</p>',
      '<p>In 2017 the Home Office made 6,000 immigration tracing requests.</p>',
      '<p>Families with unpaid debts were refused at visa renewal.</p>',
      '<p>Hospital waiting times rose again.</p>',
      '<ul><li>One</li><li>Two <b>items</b></li></ul>',
      '<div>Loose text <span>and more</span></div>',
    ];
    // Runs of relevant paragraphs, far apart or close, in long stretches of filler.
    const chain = fc.nat(300).map((count) => [seed, ...Array<string>(count).fill('<p>The memorandum was later withdrawn.</p>')]);
    const stretch = fc.oneof(fc.array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 30 }), chain, fc.nat(150).map((count) => [many(0, count)]));
    const pages = fc.array(stretch, { maxLength: 8 }).map((stretches) => stretches.flat().join(''));
    const seen = { unbuilt: 0, wholeRead: 0 };
    await fc.assert(
      fc.asyncProperty(pages, async (html) => {
        page(html);
        const tracker = new PageTracker(() => document.body, gate, 1_000_000);
        await tracker.readAll(NO_YIELD);
        const unbuilt = tracker.slots().includes(null);
        const near = await flagged(tracker);
        if (unbuilt) seen.unbuilt++;
        if (unbuilt && !tracker.slots().includes(null)) seen.wholeRead++;
        await tracker.readAll(NO_YIELD, true);
        expect(near).toEqual(await flagged(tracker));
      }),
      { numRuns: 100 },
    );
    // Both ways were taken: pages with passages left unbuilt, and mentions that reached them.
    expect(seen.unbuilt).toBeGreaterThan(20);
    expect(seen.wholeRead).toBeGreaterThan(5);
  }, 60_000);
});

// Last in the file: happy-dom itself recurses when tearing such a tree down.
describe('a very deep page', () => {
  it('walks a tree 10,000 elements deep without overflowing the stack', async () => {
    let node: HTMLElement = page('');
    for (let i = 0; i < 10_000; i++) node = node.appendChild(document.createElement('div'));
    node.textContent = 'deepest';
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'after' }));
    expect(texts(await extractPassages(document.body, budget(), NO_YIELD))).toEqual(['deepest', 'after']);
  });
});
