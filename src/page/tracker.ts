/**
 * Keeps the page's passages, in document order, up to date as the page changes: a full read
 * once, then only the blocks that mutations touched.
 *
 * The full read is one walk over the page's text and one look through it for the gate's stems
 * (detect/gate.ts), then a closer look at the passage around each hit. A page where none of them
 * could be about a topic on its own is left at that: nothing on it can be flagged, so no passage
 * is built. Otherwise the text is grouped into passages, each marked with whether it passed the
 * gate, for the detector to look at closely.
 */
import type { Gate } from '../detect/gate';
import { blockOf, extractPassages, groupPassages, isBlock, isInSkipped, nodeEnd, passageAround, Places, readText, type PageText, type Passage, type ReadBudget } from './extract';
import type { Slicer } from './slices';

export interface Tracked extends Passage {
  /** The passage passed the gate: it may be about a topic on its own. */
  gated: boolean;
}

/** More added nodes than this in one batch: the page changed wholesale, read it all again. */
export const WHOLESALE_CHANGE = 1000;
/** Characters the gate looks through between two looks at the clock (about a millisecond). */
const GATE_WINDOW = 1 << 18;
/** Hits looked at closely between two looks at the clock. */
const HITS_PER_CHECK = 64;
const PASSAGES_PER_CHECK = 256;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export class PageTracker {
  passages: Tracked[] = [];
  truncated = false;
  /** Characters of the page's text read and held. */
  chars = 0;
  /** The last full read found no passage that could be about a topic on its own, so it built none. */
  private ungrouped = false;

  constructor(
    private readonly root: () => Element | null,
    private readonly gate: Gate,
    private readonly maxChars: number,
  ) {}

  private budget(): ReadBudget {
    return { remaining: this.maxChars - this.chars, truncated: this.truncated };
  }

  /** Reads the whole page again. */
  async readAll(slicer: Slicer): Promise<void> {
    const root = this.root();
    this.chars = 0;
    this.truncated = false;
    this.passages = [];
    if (!root) return;
    const budget = this.budget();
    const read = await readText(root, budget, slicer);
    this.truncated = budget.truncated;
    this.chars = read.text.length;
    const hits: number[] = [];
    for (let from = 0; from < read.text.length; from += GATE_WINDOW) {
      for (const hit of this.gate.hits(read.text, from, from + GATE_WINDOW)) hits.push(hit);
      await slicer.maybeYield();
    }
    const places = new Places(root);
    this.ungrouped = !(await this.anyMaySeed(read, places, hits, slicer));
    if (this.ungrouped) return;
    await slicer.maybeYield();
    this.passages = await this.markGated(read, await groupPassages(read, places, slicer), hits, slicer);
    // The first report starts in a task of its own.
    await slicer.maybeYield();
  }

  /** True when a passage around one of the gate's hits may be about a topic on its own. */
  private async anyMaySeed(read: PageText, places: Places, hits: readonly number[], slicer: Slicer): Promise<boolean> {
    let node = 0;
    let checkedTo = 0;
    for (let k = 0; k < hits.length; k++) {
      const hit = hits[k]!;
      if (hit < checkedTo) continue;
      if (k % HITS_PER_CHECK === HITS_PER_CHECK - 1) await slicer.maybeYield();
      while (node + 1 < read.starts.length && read.starts[node + 1]! <= hit) node++;
      const passage = passageAround(read, places, node);
      if (passage && this.gate.maySeed(passage.text)) return true;
      checkedTo = passage?.end ?? hit + 1;
    }
    return false;
  }

  /**
   * Marks the passages that hold a hit and may be about a topic on their own. The read's text
   * has every node, passages only theirs: a passage whose nodes are not end to end in the read
   * (it has skipped text inside) is looked at whether or not it holds a hit, as its words may
   * meet across the gap.
   */
  private async markGated(read: PageText, passages: Passage[], hits: readonly number[], slicer: Slicer): Promise<Tracked[]> {
    let node = 0;
    let hit = 0;
    const marked: Tracked[] = [];
    for (const passage of passages) {
      if (marked.length % PASSAGES_PER_CHECK === PASSAGES_PER_CHECK - 1) await slicer.maybeYield();
      while (read.nodes[node] !== passage.nodes[0]) node++;
      const start = read.starts[node]!;
      node += passage.nodes.length - 1;
      while (read.nodes[node] !== passage.nodes[passage.nodes.length - 1]) node++;
      const end = nodeEnd(read, node);
      while (hit < hits.length && hits[hit]! < start) hit++;
      const holdsHit = (hit < hits.length && hits[hit]! < end) || end - start !== passage.text.length;
      // Marked in place: the passages are new, and a copy of each costs on a large page.
      marked.push(Object.assign(passage, { gated: holdsHit && this.gate.maySeed(passage.text) }));
    }
    return marked;
  }

  /**
   * Applies one batch of mutations. Returns false when the batch is too large to follow piece
   * by piece; the caller then schedules one full read instead. A batch that brings the first
   * passage past the gate to a page read without passages is followed by a full read at once.
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

    // Roots inside other roots are read with them.
    const roots = addedRoots.filter((root) => !addedRoots.some((other) => other !== root && other.contains(root)) && !isInSkipped(root));
    const blocks = [...dirtyBlocks].filter((block) => block.isConnected && !isInSkipped(block));

    // Passages inside an added root (a block moved into it) are read again with the root. A set
    // of the roots' elements keeps this check in proportion to what was added, not to the page.
    const inRoots = new Set<Element>(roots);
    for (const root of roots) for (const element of root.querySelectorAll('*')) inRoots.add(element);
    const stale = (passage: Passage) =>
      dirtyBlocks.has(passage.element) || inRoots.has(passage.element) || (removed && !passage.element.isConnected);
    const kept = this.passages.filter((passage) => {
      if (!stale(passage)) return true;
      this.chars -= passage.text.length;
      return false;
    });

    const fresh: Passage[] = [];
    const budget = this.budget();
    for (const block of blocks) fresh.push(...(await extractPassages(block, budget, slicer, { shallow: true })));
    for (const root of roots) {
      const passages = await extractPassages(root, budget, slicer);
      // Text directly in an inline root belongs to the enclosing block, re-read above.
      fresh.push(...passages.filter((passage) => root.contains(passage.element)));
    }
    this.truncated = this.truncated || budget.truncated;
    const tracked = fresh.map((passage) => ({ ...passage, gated: this.gate.maySeed(passage.text) }));
    // The passages next to the page's first gated one were never built: read the page, once.
    if (this.ungrouped && tracked.some((passage) => passage.gated)) {
      await this.readAll(slicer);
      return true;
    }
    for (const passage of tracked) this.chars += passage.text.length;
    this.passages = kept;
    if (!this.ungrouped) for (const passage of tracked) this.insertInOrder(passage);
    return true;
  }

  private insertInOrder(passage: Tracked): void {
    const first = passage.nodes[0];
    let lo = 0;
    let hi = this.passages.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.passages[mid]!.nodes[0];
      const before = first && other ? (other.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 : false;
      if (before) hi = mid;
      else lo = mid + 1;
    }
    this.passages.splice(lo, 0, passage);
  }
}
