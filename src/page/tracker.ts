/**
 * Keeps the page's passages, in document order, up to date as the page changes: a full read
 * once, then only the blocks that mutations touched. Each passage carries its analysis, so the
 * detector runs again only on passages whose text is new.
 */
import { blockOf, extractPassages, isBlock, isInSkipped, type Passage, type ReadBudget } from './extract';
import type { Slicer } from './slices';

export interface Tracked<A> extends Passage {
  analysis: A;
}

/** More added nodes than this in one batch: the page changed wholesale, read it all again. */
export const WHOLESALE_CHANGE = 1000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export class PageTracker<A> {
  passages: Tracked<A>[] = [];
  truncated = false;
  private chars = 0;

  constructor(
    private readonly root: () => Element | null,
    private readonly analyse: (passage: Passage) => A,
    private readonly maxChars: number,
  ) {}

  private budget(): ReadBudget {
    return { remaining: this.maxChars - this.chars, truncated: this.truncated };
  }

  private track(passages: Passage[]): Tracked<A>[] {
    return passages.map((passage) => {
      this.chars += passage.text.length;
      return { ...passage, analysis: this.analyse(passage) };
    });
  }

  /** Reads the whole page again. */
  async readAll(slicer: Slicer): Promise<void> {
    const root = this.root();
    this.chars = 0;
    this.truncated = false;
    if (!root) {
      this.passages = [];
      return;
    }
    const budget = this.budget();
    const passages = await extractPassages(root, budget, slicer);
    this.truncated = budget.truncated;
    const tracked: Tracked<A>[] = [];
    for (let i = 0; i < passages.length; i += 64) {
      tracked.push(...this.track(passages.slice(i, i + 64)));
      await slicer.maybeYield();
    }
    this.passages = tracked;
  }

  /**
   * Applies one batch of mutations. Returns false when the batch is too large to follow piece
   * by piece; the caller then schedules one full read instead.
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
    this.passages = kept;
    for (const passage of this.track(fresh)) this.insertInOrder(passage);
    return true;
  }

  private insertInOrder(passage: Tracked<A>): void {
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
