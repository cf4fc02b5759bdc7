/**
 * Keeps the page's passages, in document order, up to date as the page changes: a full read
 * once, then only the blocks that mutations touched.
 *
 * The full read is one walk over the page's text and one look through it for the gate's stems
 * (detect/gate.ts), then a closer look at the passage around each hit. Only the passages that
 * pass it can be about a topic on their own, and no rule of the detector looks further than FAR
 * passages from one, so passages are built only around them: in runs of REACH_NODES nodes
 * either side. A page where none passes has no passages built at all. Between two runs lie
 * passages never built; the detector sees them as FAR empty places (`slots`), as far apart as any
 * rule can tell. A mention next to such a place asks for the page to be read whole (`readAll`).
 */
import { FAR } from '../detect/detector';
import type { Gate } from '../detect/gate';
import { PIECE_CHARS } from '../detect/blocks';
import { blockOf, extractPassages, groupNodes, isBlock, isInSkipped, nodeEnd, passageAround, piecesOf, Places, readText, type GroupedNodes, type PageText, type Passage, type ReadBudget } from './extract';
import type { Slicer } from './slices';

export interface Tracked extends Passage {
  /** The passage passed the gate: it may be about a topic on its own. */
  gated: boolean;
}

/** More added nodes than this in one batch: the page changed wholesale, read it all again. */
export const WHOLESALE_CHANGE = 1000;
/** Characters the gate looks through between two looks at the clock (about a millisecond). */
const GATE_WINDOW = 1 << 18;
/** Hits looked at closely, and passages marked, between two looks at the clock. */
const HITS_PER_CHECK = 16;
const PASSAGES_PER_CHECK = 128;
/**
 * Nodes either side of a gated passage whose passages are built: a news paragraph has a few, so
 * this is some dozens of passages, past FAR. Where it is not, the page is read whole.
 */
const REACH_NODES = 128;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Passages grouped from the read's nodes [from, to). */
type Run = GroupedNodes & { from: number; to: number };

/** True when slot `index` is next to passages never built. */
export function besideUnbuilt(slots: readonly (Tracked | null)[], index: number): boolean {
  return slots[index - 1] === null || slots[index + 1] === null;
}

export class PageTracker {
  /** Every passage built, in document order. */
  passages: Tracked[] = [];
  /** The passages with passages never built just before them. */
  #breaks = new Set<Tracked>();
  /** Passages never built lie after the last one built (on a page read without any, all of them). */
  #openEnd = false;
  truncated = false;
  /** Characters of the page's text read and held. */
  chars = 0;

  readonly #root: () => Element | null;
  readonly #gate: Gate;
  readonly #maxChars: number;
  /** Set to take the text with a range (`ReadOptions.range`), as a browser does it fast. */
  readonly #range: Range | undefined;

  constructor(root: () => Element | null, gate: Gate, maxChars: number, { range }: { range?: Range } = {}) {
    this.#root = root;
    this.#gate = gate;
    this.#maxChars = maxChars;
    this.#range = range;
  }

  /** The passages for the detector, in order, with FAR empty places wherever passages were never built. */
  slots(): (Tracked | null)[] {
    // Made at its full size at once: on a large page it is a large array, made anew each batch.
    const slots = new Array<Tracked | null>(this.passages.length + FAR * (this.#breaks.size + (this.#openEnd ? 1 : 0))).fill(null);
    let at = 0;
    for (const passage of this.passages) {
      if (this.#breaks.has(passage)) at += FAR;
      slots[at++] = passage;
    }
    return slots;
  }

  #budget(): ReadBudget {
    return { remaining: this.#maxChars - this.chars, truncated: this.truncated };
  }

  /** Reads the whole page again; `whole` builds every passage, not just those near gated ones. */
  async readAll(slicer: Slicer, whole = false): Promise<void> {
    const root = this.#root();
    this.chars = 0;
    this.truncated = false;
    this.passages = [];
    this.#breaks = new Set();
    this.#openEnd = false;
    if (!root) return;
    const budget = this.#budget();
    const read = await readText(root, budget, slicer, { range: this.#range });
    this.truncated = budget.truncated;
    this.chars = read.text.length;
    const hits: number[] = [];
    for (let from = 0; from < read.text.length; from += GATE_WINDOW) {
      // A look at the clock before each window: one is about a millisecond of work.
      await slicer.maybeYield();
      for (const hit of this.#gate.hits(read.text, from, from + GATE_WINDOW)) hits.push(hit);
    }
    const places = new Places(root);
    const seeds = await this.#seeds(read, places, hits, slicer);
    if (seeds.length === 0) {
      this.#openEnd = true;
      return;
    }
    await slicer.maybeYield();
    const nodes = read.nodes.length;
    /** Builds the passages `reach` nodes around the seeds; false when that builds too few of them. */
    const build = async (reach: number) => {
      const runs = await this.#runsAround(read, places, seeds, reach, slicer);
      this.passages = [];
      this.#breaks = new Set();
      if (!runs) return false;
      for (const run of runs) {
        const passages = await this.#markGated(read, run, seeds, slicer);
        if (run.from > 0 && passages[0]) this.#breaks.add(passages[0]);
        for (const passage of passages) this.passages.push(passage);
      }
      this.#openEnd = runs[runs.length - 1]!.to < nodes;
      return !this.#gatedNearUnbuilt();
    };
    // Passages so long that the nodes around a gated one hold too few of them: build them all.
    if (whole || !(await build(REACH_NODES))) await build(nodes);
    // The first report starts in a task of its own.
    await slicer.maybeYield();
  }

  /** The node of each hit whose passage may be about a topic on its own, one per passage. */
  async #seeds(read: PageText, places: Places, hits: readonly number[], slicer: Slicer): Promise<number[]> {
    const seeds: number[] = [];
    let node = 0;
    let checkedTo = 0;
    // Counted apart from the hits: most of them fall in a passage already looked at.
    let looked = 0;
    for (let k = 0; k < hits.length; k++) {
      const hit = hits[k]!;
      if (hit < checkedTo) continue;
      if (++looked % HITS_PER_CHECK === 0) await slicer.maybeYield();
      while (node + 1 < read.starts.length && read.starts[node + 1]! <= hit) node++;
      const passage = passageAround(read, places, node);
      checkedTo = passage?.end ?? hit + 1;
      if (!passage) continue;
      let last = k;
      while (last + 1 < hits.length && hits[last + 1]! < checkedTo) last++;
      // Most hits are NHS words alone ("hospital"): then only a data word can make a seed.
      let nhsWordsOnly = true;
      for (let h = k; h <= last && nhsWordsOnly; h++) nhsWordsOnly = this.#gate.nhsWordAt(read.text, hits[h]!);
      // A passage to be cut into pieces passes unread: its pieces are gated one by one (`#addPieces`).
      if (passage.text.length > PIECE_CHARS || this.#gate.maySeed(passage.text, nhsWordsOnly)) seeds.push(node);
    }
    return seeds;
  }

  /**
   * The runs of passages around the seeds: `reach` nodes either side of each, merged where
   * they meet. A run's first and last passages may be cut by its ends, so they are left out
   * unless the end is the page's own. Null when that leaves a seed's own passage out.
   */
  async #runsAround(read: PageText, places: Places, seeds: readonly number[], reach: number, slicer: Slicer): Promise<Run[] | null> {
    const nodes = read.nodes.length;
    const windows: { from: number; to: number }[] = [];
    for (const seed of seeds) {
      const from = Math.max(0, seed - reach);
      const to = Math.min(nodes, seed + reach + 1);
      const last = windows[windows.length - 1];
      if (last && from <= last.to) last.to = to;
      else windows.push({ from, to });
    }
    const runs: Run[] = [];
    for (const window of windows) {
      const grouped = await groupNodes(read, places, window, slicer);
      const cut = <T>(list: T[]) => list.slice(window.from > 0 ? 1 : 0, window.to < nodes ? -1 : undefined);
      runs.push({ ...window, passages: cut(grouped.passages), firsts: cut(grouped.firsts), lasts: cut(grouped.lasts) });
    }
    // A seed's passage longer than the nodes around it was cut: it is not built, so build them all.
    // Seeds and passages are both in order: one walk through each, as a page may hold thousands.
    const [firsts, lasts] = [runs.flatMap((run) => run.firsts), runs.flatMap((run) => run.lasts)];
    let k = 0;
    const built = (seed: number) => {
      while (k < lasts.length && lasts[k]! < seed) k++;
      return firsts[k]! <= seed;
    };
    return seeds.every(built) ? runs : null;
  }

  /**
   * Marks the passages that may be about a topic on their own: those that hold a seed, found
   * by the close look around the hits. The read's text has every node, passages only theirs: a
   * passage whose nodes are not end to end in the read (it has skipped text inside) is looked at
   * again, as its words may meet across the gap. (Among passages never built, a phrase whose
   * stem a script cuts in two goes unseen.)
   */
  async #markGated(read: PageText, grouped: GroupedNodes, seeds: readonly number[], slicer: Slicer): Promise<Tracked[]> {
    let seed = 0;
    const marked: Tracked[] = [];
    for (const [k, passage] of grouped.passages.entries()) {
      if (k % PASSAGES_PER_CHECK === PASSAGES_PER_CHECK - 1) await slicer.maybeYield();
      const [first, last] = [grouped.firsts[k]!, grouped.lasts[k]!];
      while (seed < seeds.length && seeds[seed]! < first) seed++;
      const holdsSeed = seed < seeds.length && seeds[seed]! <= last;
      const joined = nodeEnd(read, last) - read.starts[first]! !== passage.text.length;
      if (passage.text.length > PIECE_CHARS) await this.#addPieces(passage, marked, slicer);
      // Marked in place: a copy of each costs on a large page.
      else marked.push(Object.assign(passage, { gated: holdsSeed || (joined && this.#gate.maySeed(passage.text)) }));
    }
    return marked;
  }

  /**
   * Adds the pieces of a passage too long to analyse whole to `into`. The detector analyses each
   * piece as a passage of its own, so each is gated by its own text, in a step of its own: looked
   * through whole, a passage that long would be one long step.
   */
  async #addPieces(passage: Passage, into: Tracked[], slicer: Slicer): Promise<void> {
    for (const piece of piecesOf(passage)) {
      await slicer.maybeYield();
      into.push(Object.assign(piece, { gated: this.#gate.maySeed(piece.text) }));
    }
  }

  /**
   * Applies one batch of mutations. Returns false when the batch is too large to follow piece
   * by piece; the caller then schedules one full read instead. A passage that lands among
   * passages never built is left unbuilt, unless it passes the gate: that batch, or one that
   * brings a gated passage near passages never built, is followed at once by a full read that
   * builds every passage.
   */
  async apply(records: readonly MutationRecord[], slicer: Slicer): Promise<boolean> {
    const dirtyBlocks = new Set<Element>();
    const addedRoots: Element[] = [];
    let added = 0;
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) dirtyBlocks.add(blockOf(parent));
        continue;
      }
      if (record.type !== 'childList' || record.target.nodeType !== ELEMENT_NODE) continue;
      const target = record.target as Element;
      if (record.removedNodes.length > 0) {
        removed = true;
        dirtyBlocks.add(blockOf(target));
      }
      for (const node of record.addedNodes) {
        added++;
        if (!node.isConnected) continue;
        if (node.nodeType === TEXT_NODE) dirtyBlocks.add(blockOf(target));
        else if (node.nodeType === ELEMENT_NODE) {
          addedRoots.push(node as Element);
          if (!isBlock(node as Element)) dirtyBlocks.add(blockOf(target));
        }
      }
    }
    if (added > WHOLESALE_CHANGE) return false;

    // Roots inside other roots are read with them; a node added, then moved, is read once.
    const unique = [...new Set(addedRoots)];
    const roots = unique.filter((root) => !unique.some((other) => other !== root && other.contains(root)) && !isInSkipped(root));
    // Passages inside an added root (a block moved into it, or added and then filled) are read with
    // the root. A set of the roots' elements keeps this in proportion to what was added, not to the page.
    const inRoots = new Set<Element>(roots);
    if (dirtyBlocks.size > 0) for (const root of roots) for (const element of root.querySelectorAll('*')) inRoots.add(element);
    const blocks = [...dirtyBlocks].filter((block) => block.isConnected && !inRoots.has(block) && !isInSkipped(block));

    // Only added nodes (a feed growing): no passage changed, as a block moved into a root was removed first.
    if (dirtyBlocks.size > 0 || removed) {
      this.#removeStale(
        (passage) => dirtyBlocks.has(passage.element) || inRoots.has(passage.element) || (removed && !passage.element.isConnected),
      );
    }

    const fresh: Passage[] = [];
    const budget = this.#budget();
    // Pushed one by one: spread as arguments, a root of a few hundred thousand passages overflows the stack.
    for (const block of blocks) for (const passage of await extractPassages(block, budget, slicer, { shallow: true })) fresh.push(passage);
    for (const root of roots) {
      // Text directly in an inline root belongs to the enclosing block, re-read above.
      for (const passage of await extractPassages(root, budget, slicer, { range: this.#range })) if (root.contains(passage.element)) fresh.push(passage);
    }
    this.truncated = this.truncated || budget.truncated;
    let readAgain = false;
    const tracked: Tracked[] = [];
    for (const passage of fresh) {
      this.chars += passage.text.length;
      if (passage.text.length > PIECE_CHARS) await this.#addPieces(passage, tracked, slicer);
      else tracked.push(Object.assign(passage, { gated: this.#gate.maySeed(passage.text) }));
    }
    for (const passage of tracked) {
      // Among passages never built, one that cannot be flagged on its own stays unbuilt; a
      // gated one needs the passages around it, which were never built.
      if (!this.#insertInOrder(passage)) readAgain ||= passage.gated;
    }
    // Read the page once and build every passage: a page that grows (a live blog, a feed) grows
    // where none were built, and is then followed piece by piece, not read again each time.
    if (readAgain || this.#gatedNearUnbuilt()) await this.readAll(slicer, true);
    return true;
  }

  /** Drops the passages a change touched; passages never built before one dropped are before the next one kept. */
  #removeStale(stale: (passage: Passage) => boolean): void {
    let unbuilt = false;
    this.passages = this.passages.filter((passage) => {
      unbuilt ||= this.#breaks.delete(passage);
      if (stale(passage)) {
        this.chars -= passage.text.length;
        return false;
      }
      if (unbuilt) this.#breaks.add(passage);
      unbuilt = false;
      return true;
    });
    this.#openEnd ||= unbuilt;
  }

  /** Puts a new passage in its place among those built; false when that place is among passages never built. */
  #insertInOrder(passage: Tracked): boolean {
    const first = passage.nodes[0];
    const comesBefore = (index: number) => {
      const other = this.passages[index]!.nodes[0];
      return first && other ? (other.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 : false;
    };
    // Its place is the first passage it comes before. Pages grow near their end, and comparing
    // nodes far apart walks the siblings between them: so gallop back from the end, then search.
    let lo = 0;
    let hi = this.passages.length;
    for (let step = 1; hi > 0; step *= 2) {
      const probe = Math.max(0, hi - step);
      if (!comesBefore(probe)) {
        lo = probe + 1;
        break;
      }
      hi = probe;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comesBefore(mid)) hi = mid;
      else lo = mid + 1;
    }
    const next = this.passages[lo];
    if (next ? this.#breaks.has(next) : this.#openEnd) return false;
    this.passages.splice(lo, 0, passage);
    return true;
  }

  /** True when a gated passage has passages never built within FAR of it: rules may look there. */
  #gatedNearUnbuilt(): boolean {
    const { passages } = this;
    if (this.#breaks.size === 0 && !this.#openEnd) return false;
    const unbuiltBefore = (index: number) => this.#breaks.has(passages[index]!) || (index === passages.length && this.#openEnd);
    return passages.some((passage, g) => {
      if (!passage.gated) return false;
      for (let k = Math.max(0, g - FAR + 1); k <= Math.min(passages.length, g + FAR); k++) if (unbuiltBefore(k)) return true;
      return false;
    });
  }
}
