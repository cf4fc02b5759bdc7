import { pieceEnds } from '../detect/blocks';
import type { Slicer } from './slices';

/**
 * One passage read from the page: the text of a block element's own run of text nodes
 * (text inside a nested block forms a passage of its own), with the map back to those nodes.
 */
export interface Passage {
  element: Element;
  text: string;
  nodes: Text[];
  /** Where each node starts in `text`. */
  starts: number[];
  /** For a piece of a longer passage (`piecesOf`): where it starts in that passage's text. */
  offset?: number;
}

/** How much more text may be read; shared across calls so incremental reads respect the cap. */
export interface ReadBudget {
  remaining: number;
  truncated: boolean;
}

/**
 * Every text node under a root, in document order, and their text end to end: what the page
 * holds, before anything is known of its structure.
 */
export interface PageText {
  text: string;
  nodes: Text[];
  /** Where each node starts in `text`. */
  starts: number[];
}

/** Elements whose contents are never read: code, form fields, media, hidden templates. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'svg', 'math', 'canvas', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'head', 'title', 'code', 'kbd', 'samp',
]);

/** Elements that start a passage of their own. */
const BLOCKS = new Set([
  'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'caption', 'figcaption',
  'dd', 'dt', 'pre', 'div', 'section', 'article', 'main', 'aside', 'nav', 'footer', 'header', 'body',
  'ul', 'ol', 'dl', 'table', 'tr', 'figure', 'address', 'summary', 'details', 'form', 'fieldset', 'legend',
]);

// Numeric constants, so the module also runs over a DOM built outside a browser (the scan CLI).
const ELEMENT_NODE = 1;
const SHOW_ELEMENT = 1;
const SHOW_TEXT = 4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const NOT_WHITESPACE = /\S/;
/**
 * Nodes between two looks at the clock: walking one is cheap, grouping one may look up its
 * element and the elements above it (about a microsecond per look from the extension's world).
 */
const WALKED_PER_CHECK = 1024; // a power of two, for the walk's cheap test
const GROUPED_PER_CHECK = 128;

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.localName);
}

/** True for elements whose text is never read, nor anything inside them. */
export function isSkipped(element: Element): boolean {
  return SKIPPED.has(element.localName) || isHiddenOrEditable(element);
}

function isHiddenOrEditable(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when the node or one of its ancestors is never read (an editor, a template…). */
export function isInSkipped(node: Node): boolean {
  for (let element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (isSkipped(element)) return true;
  }
  return false;
}

/** The nearest block element at or above `element`. */
export function blockOf(element: Element): Element {
  let current = element;
  while (!isBlock(current) && current.parentElement) current = current.parentElement;
  return current;
}

/**
 * Reads every text node under `root` with the browser's own walker, in slices, until the budget
 * runs out. This is the one pass over the whole page; everything else works on what it returns,
 * so it does no more per node than keep the node and where its text starts. The text itself is
 * taken once per slice, by the browser, and joined once at the end (see `sliceText`).
 */
export async function readText(root: Element, budget: ReadBudget, slicer: Slicer, options: ReadOptions = {}): Promise<PageText> {
  const walker = options.shallow
    ? root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, { acceptNode: ownTextOnly })
    : root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  const range = options.shallow ? null : (options.range ?? null);
  const read: PageText = { text: '', nodes: [], starts: [] };
  const chunks: string[] = [];
  let length = 0;
  let chunk = { done: false, remaining: budget.remaining };
  while (!chunk.done && chunk.remaining > 0) {
    const [first, before] = [read.nodes.length, chunk.remaining];
    chunk = readNodes(walker, read, length, before, slicer.deadline());
    // The last node read may go past the budget: its text is cut where the budget ends.
    const cut = Math.max(0, -chunk.remaining);
    const text = sliceText(read.nodes, first, before - chunk.remaining - cut, cut, range);
    chunks.push(text);
    length += text.length;
    if (!chunk.done) await slicer.maybeYield();
  }
  read.text = chunks.join('');
  if (chunk.remaining < 0 || (!chunk.done && walker.nextNode())) budget.truncated = true;
  budget.remaining = Math.max(0, chunk.remaining);
  return read;
}

/**
 * The text of nodes [first, end) of a read but the last `cut` characters, `expected` in all,
 * taken in the slice that walked them, before the page can change. With a range
 * (`ReadOptions.range`), one string from the browser; otherwise node by node. A range holds
 * every text node between its ends, so it serves only a walk that takes each one (not a shallow
 * one), and what it gives is checked against the lengths the walk saw.
 */
function sliceText(nodes: readonly Text[], first: number, expected: number, cut: number, range: Range | null): string {
  if (first === nodes.length) return '';
  const last = nodes[nodes.length - 1]!;
  const end = last.length - cut;
  if (range) {
    range.setStart(nodes[first]!, 0);
    range.setEnd(last, end);
    const text = range.toString();
    // Left empty at the document's start: a range keeps the nodes it spans, and the page's
    // changes to them must move it.
    range.setEnd(last.ownerDocument, 0);
    if (text.length === expected) return text;
  }
  let text = '';
  for (let i = first; i < nodes.length - 1; i++) text += nodes[i]!.data;
  return text + last.data.slice(0, end);
}

/** For a shallow read: a block's own text, never entering a nested block (a page's `main` may hold thousands). */
function ownTextOnly(node: Node): number {
  if (node.nodeType !== ELEMENT_NODE) return FILTER_ACCEPT;
  return isBlock(node as Element) ? FILTER_REJECT : FILTER_SKIP;
}

/**
 * The walk itself, a plain loop kept apart from the slicing so that the engine optimises it:
 * from `length` characters read, the nodes and where their text starts, up to the end, the
 * deadline, or the budget's end (below zero when the last node goes past it).
 * One step can still overrun the deadline on a page of very many nodes: from the extension's
 * world, each node reached gets a wrapper kept in Blink's table for that world, which grows by
 * doubling in one go (a pause of about 10 ms at 65,536 wrappers, 20 ms at 131,072, on 2 cores).
 */
function readNodes(walker: TreeWalker, read: PageText, length: number, remaining: number, deadline: number): { done: boolean; remaining: number } {
  const { nodes, starts } = read;
  let done = true;
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    // The length alone: no string is made for the node's text.
    const size = node.length;
    nodes.push(node);
    starts.push(length);
    length += size;
    remaining -= size;
    if (remaining <= 0 || ((nodes.length & (WALKED_PER_CHECK - 1)) === 0 && performance.now() > deadline)) {
      done = false;
      break;
    }
  }
  return { done, remaining };
}

/** Where a text node's parent sits: the block it belongs to, or null when it is never read. */
type Place = Element | null;

/**
 * Where the elements under one root sit, each looked up once: most text nodes share their
 * parent with the node before. Iterative, as a page may nest elements 10,000 deep.
 */
export class Places {
  readonly #known = new Map<Element, Place>();
  #lastParent: Node | null = null;
  #lastPlace: Place = null;
  constructor(readonly root: Element) {}

  /** The block a text node belongs to, or null when it is never read. */
  ofNode(node: Text): Place {
    const parent = node.parentNode;
    if (parent !== this.#lastParent) {
      this.#lastParent = parent;
      this.#lastPlace = parent && parent.nodeType === ELEMENT_NODE ? this.#of(parent as Element) : null;
    }
    return this.#lastPlace;
  }

  #of(element: Element): Place {
    const path: Element[] = [];
    let place: Place | undefined;
    // Each step asks for the parent once: from the extension's world, every DOM call costs.
    for (let at: Element | null = element; at; at = at === this.root ? null : at.parentElement) {
      place = this.#known.get(at);
      if (place !== undefined) break;
      path.push(at);
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const at = path[k]!;
      const name = at.localName;
      if (place === null || SKIPPED.has(name) || isHiddenOrEditable(at)) place = null;
      // The top of the read: an inline root belongs to the block around it.
      else if (place === undefined) place = blockOf(at);
      else if (BLOCKS.has(name)) place = at;
      this.#known.set(at, place);
    }
    return place!;
  }
}

/**
 * The text of the passage that holds node `index` of a read, found without grouping the rest:
 * its neighbours under the same block, either way, past any skipped text. It may start with
 * white space the passage leaves out. Null when the node is never read.
 */
export function passageAround(read: PageText, places: Places, index: number): { text: string; end: number } | null {
  const block = places.ofNode(read.nodes[index]!);
  if (block === null) return null;
  // Each neighbour's place, looked up once: 1 in the passage, 0 skipped, -1 another block.
  const belongs = (at: number) => {
    const place = places.ofNode(read.nodes[at]!);
    return place === block ? 1 : place === null ? 0 : -1;
  };
  const skipped: number[] = [];
  let first = index;
  for (let at = index - 1; at >= 0; at--) {
    const belonging = belongs(at);
    if (belonging < 0) break;
    if (belonging > 0) first = at;
    else skipped.push(at);
  }
  let last = index;
  for (let at = index + 1; at < read.nodes.length; at++) {
    const belonging = belongs(at);
    if (belonging < 0) break;
    if (belonging > 0) last = at;
    else skipped.push(at);
  }
  const end = nodeEnd(read, last);
  // A set: a long passage may hold thousands of skipped nodes.
  const inside = new Set(skipped.filter((at) => at > first && at < last));
  if (inside.size === 0) return { text: read.text.slice(read.starts[first]!, end), end };
  let text = '';
  for (let at = first; at <= last; at++) if (!inside.has(at)) text += nodeText(read, at);
  return { text, end };
}

/** Where node `index`'s text ends in the read's text. */
export function nodeEnd(read: PageText, index: number): number {
  return index + 1 < read.nodes.length ? read.starts[index + 1]! : read.text.length;
}

/** Node `index`'s text as read (the last one may have been cut by the budget). */
function nodeText(read: PageText, index: number): string {
  return read.text.slice(read.starts[index]!, nodeEnd(read, index));
}

export interface ReadOptions {
  /** Read only the root's own text: nested blocks are neither walked nor grouped. */
  shallow?: boolean;
  /**
   * A range to take each slice's text with, in one string. In a browser this is the cheaper way
   * by far: a node's text asked for node by node makes a string per node, each kept until the
   * slice's text is joined, and on a large page collecting them costs the page tens of
   * milliseconds. A DOM built outside a browser (the scan command's) may do ranges slowly. One
   * range serves every read: the document moves each of its ranges as the page changes.
   */
  range?: Range;
}

/**
 * Groups a read into passages: a run of text nodes under the same block is one passage.
 * A passage starts at text that is not all white space; white space inside it is kept, so
 * words either side of an inline element stay apart ("Federated <em>Data</em> Platform").
 */
export async function groupPassages(read: PageText, places: Places, slicer: Slicer, options: ReadOptions = {}): Promise<Passage[]> {
  return (await groupNodes(read, places, { from: 0, to: read.nodes.length }, slicer, options)).passages;
}

/** Passages grouped from some of a read's nodes, with the index of each one's first and last node. */
export interface GroupedNodes {
  passages: Passage[];
  firsts: number[];
  lasts: number[];
}

/**
 * `groupPassages` over the read's nodes [from, to) alone. A passage that runs past either end is
 * cut there: the caller knows whether an end is the page's own.
 */
export async function groupNodes(read: PageText, places: Places, range: { from: number; to: number }, slicer: Slicer, options: ReadOptions = {}): Promise<GroupedNodes> {
  const grouped: GroupedNodes = { passages: [], firsts: [], lasts: [] };
  // The passage being read, as indexes into the read; its text is taken when it is complete.
  let element: Element | null = null;
  let indexes: number[] = [];
  let gap = false;
  let joined = false;
  const close = () => {
    if (!element) return;
    grouped.passages.push(passageOf(read, element, indexes, joined));
    grouped.firsts.push(indexes[0]!);
    grouped.lasts.push(indexes[indexes.length - 1]!);
    element = null;
  };
  const { nodes } = read;
  for (let i = range.from; i < range.to; i++) {
    if (i % GROUPED_PER_CHECK === GROUPED_PER_CHECK - 1) await slicer.maybeYield();
    const block = places.ofNode(nodes[i]!);
    // Skipped text (a button, a script) leaves the passage around it whole.
    if (block === null) {
      gap = true;
      continue;
    }
    if (block === element) {
      joined ||= gap;
      gap = false;
      indexes.push(i);
      continue;
    }
    close();
    if ((options.shallow && block !== places.root) || !NOT_WHITESPACE.test(nodeText(read, i))) continue;
    element = block;
    indexes = [i];
    gap = joined = false;
  }
  close();
  return grouped;
}

/** A passage from the nodes of a read it holds; its text is one slice of the read's unless skipped text lies inside. */
function passageOf(read: PageText, element: Element, indexes: readonly number[], joined: boolean): Passage {
  const nodes = indexes.map((i) => read.nodes[i]!);
  if (!joined) {
    const from = read.starts[indexes[0]!]!;
    const to = nodeEnd(read, indexes[indexes.length - 1]!);
    return { element, nodes, text: read.text.slice(from, to), starts: indexes.map((i) => read.starts[i]! - from) };
  }
  const starts: number[] = [];
  let text = '';
  for (const i of indexes) {
    starts.push(text.length);
    text += nodeText(read, i);
  }
  return { element, nodes, text, starts };
}

/**
 * Reads the text under `root` in document order, in slices, as passages. Stops when the
 * budget runs out.
 */
export async function extractPassages(root: Element, budget: ReadBudget, slicer: Slicer, options: ReadOptions = {}): Promise<Passage[]> {
  return groupPassages(await readText(root, budget, slicer, options), new Places(root), slicer, options);
}

/**
 * A passage as the pieces the detector analyses one by one (`pieceEnds`): each with the nodes its
 * text is in, the first of which may start before it. One at a time, as a caller may give the
 * page a turn between two: a passage that long may have tens of thousands of nodes.
 */
export function* piecesOf(passage: Passage): Generator<Passage> {
  const { element, nodes, starts } = passage;
  let from = 0;
  let first = 0;
  for (const to of pieceEnds(passage.text)) {
    while (first + 1 < nodes.length && starts[first + 1]! <= from) first++;
    let last = first;
    while (last + 1 < nodes.length && starts[last + 1]! < to) last++;
    yield { element, text: passage.text.slice(from, to), nodes: nodes.slice(first, last + 1), starts: starts.slice(first, last + 1).map((start) => start - from), offset: from };
    from = to;
  }
}

/** Index of the node holding `offset` (binary search over node starts). */
function nodeAt(passage: Passage, offset: number): number {
  let lo = 0;
  let hi = passage.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (passage.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A live Range over the passage's text[start, end), or null if its nodes have left the page. */
export function rangeIn(passage: Passage, start: number, end: number): Range | null {
  const first = nodeAt(passage, start);
  const last = nodeAt(passage, Math.max(start, end - 1));
  const startNode = passage.nodes[first];
  const endNode = passage.nodes[last];
  if (!startNode?.isConnected || !endNode?.isConnected) return null;
  try {
    const range = document.createRange();
    range.setStart(startNode, Math.min(start - passage.starts[first]!, startNode.length));
    range.setEnd(endNode, Math.min(end - passage.starts[last]!, endNode.length));
    return range;
  } catch {
    return null; // the page changed the node's text since it was read
  }
}

/** False once any of the passage's nodes has left the page or its block. */
export function isIntact(passage: Passage): boolean {
  return passage.element.isConnected && passage.nodes.every((node) => node.isConnected);
}
