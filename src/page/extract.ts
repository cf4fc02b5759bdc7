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
}

/** How much more text may be read; shared across calls so incremental reads respect the cap. */
export interface ReadBudget {
  remaining: number;
  truncated: boolean;
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

// Numeric node types, so the module also runs over a DOM built outside a browser (the scan CLI).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NOT_WHITESPACE = /\S/;

export function isBlock(element: Element): boolean {
  return BLOCKS.has(element.localName);
}

/** True for elements whose text is never read, nor anything inside them. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
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

export interface ExtractOptions {
  /** Read only `root`'s own text: do not enter nested block elements. */
  shallow?: boolean;
}

/**
 * Reads the text under `root` in document order, in slices. Walks iteratively (a 10,000-deep
 * tree must not overflow the stack) and stops when the budget runs out.
 */
export async function extractPassages(root: Element, budget: ReadBudget, slicer: Slicer, options: ExtractOptions = {}): Promise<Passage[]> {
  const passages: Passage[] = [];
  const blockCache = new Map<Element, Element>();
  let current: Passage | null = null;
  let visited = 0;

  const blockFor = (parent: Element): Element => {
    let block = blockCache.get(parent);
    if (!block) blockCache.set(parent, (block = blockOf(parent)));
    return block;
  };

  let node: Node | null = root.firstChild;
  while (node && budget.remaining > 0) {
    if (++visited % 512 === 0) await slicer.maybeYield();
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const textNode = node as Text;
      const parent = textNode.parentElement;
      if (parent && NOT_WHITESPACE.test(textNode.data)) {
        const block = blockFor(parent);
        if (!current || block !== current.element) {
          current = { element: block, text: '', nodes: [], starts: [] };
          passages.push(current);
        }
        const data = textNode.data.length > budget.remaining ? textNode.data.slice(0, budget.remaining) : textNode.data;
        current.nodes.push(textNode);
        current.starts.push(current.text.length);
        current.text += data;
        budget.remaining -= data.length;
        if (data.length < textNode.data.length) budget.truncated = true;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      descend = element.firstChild !== null && !isSkipped(element) && !(options.shallow && isBlock(element));
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  if (node && budget.remaining <= 0) budget.truncated = true;
  return passages;
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
