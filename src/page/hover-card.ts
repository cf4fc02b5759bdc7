/**
 * A small card over a marked phrase: the topic, its status line and a way to the details.
 * Built on demand inside a closed shadow root, attached only while shown, removed after.
 */
import type { HoverCardText } from '../messages';

export interface Mark {
  range: Range;
  topic: string;
}

export interface HoverCardOptions {
  /** The card's lines for a topic; undefined when there are none to show. */
  describe(topic: string): Promise<HoverCardText | undefined>;
  onDetails(topic: string): void;
}

const HIDE_DELAY_MS = 300;

const STYLE = `
:host{all:initial}
.card{font:13px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff;border:1px solid #8a8a8a;border-radius:6px;box-shadow:0 4px 14px rgb(0 0 0/.25);padding:8px 10px;max-width:320px}
p{margin:0 0 2px}
.title{font-weight:600}
.as-of{color:#4a4a4a;margin-bottom:6px;font-size:12px}
button{font:inherit;color:#fff;background:#00548c;border:0;border-radius:4px;padding:3px 8px;cursor:pointer}
button:focus-visible{outline:3px solid #00548c;outline-offset:2px}
@media (prefers-color-scheme:dark){
.card{color:#ececec;background:#1c1c1e;border-color:#6a6a6a}
.as-of{color:#b8b8b8}
button{color:#0b1a26;background:#7cc4ff}
}`;

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDocument;
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export class HoverCard {
  #marks: Mark[] = [];
  #host: HTMLElement | null = null;
  /** The mark the card is for: shown, or its text on the way. */
  #wanted: Mark | null = null;
  #frame = 0;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;
  readonly #hosts = new WeakSet<Node>();

  readonly #options: HoverCardOptions;

  constructor(options: HoverCardOptions) {
    this.#options = options;
  }

  /** True for the card's own host nodes, shown or since removed, so the page watcher can ignore them. */
  owns(node: Node): boolean {
    return this.#hosts.has(node);
  }

  /** Replaces the marks; listens to the pointer only while there are marks. */
  setMarks(marks: Mark[]): void {
    this.#marks = marks;
    if (marks.length > 0 && !this.#listening) {
      document.addEventListener('mousemove', this.#onMove, { passive: true });
      document.addEventListener('keydown', this.#onKey);
      this.#listening = true;
    } else if (marks.length === 0 && this.#listening) {
      document.removeEventListener('mousemove', this.#onMove);
      document.removeEventListener('keydown', this.#onKey);
      this.#listening = false;
      this.hide();
    }
  }

  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.hide();
  };

  readonly #onMove = (event: MouseEvent) => {
    if (this.#frame) return;
    const { clientX, clientY } = event;
    const overCard = this.#host !== null && event.composedPath().includes(this.#host);
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (overCard) return this.#keep();
      const caret = caretAt(clientX, clientY);
      const mark = caret && this.#marks.find((m) => m.range.isPointInRange(caret.node, caret.offset));
      if (mark) this.#show(mark);
      else this.#scheduleHide();
    });
  };

  #keep(): void {
    clearTimeout(this.#hideTimer);
  }

  #scheduleHide(): void {
    // A card not shown yet is simply not wanted any more.
    if (!this.#host) {
      this.#wanted = null;
      return;
    }
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  #show(mark: Mark): void {
    this.#keep();
    if (this.#wanted === mark) return;
    this.#wanted = mark;
    void this.#options.describe(mark.topic).then((text) => {
      if (text && this.#wanted === mark) this.#render(mark, text);
    });
  }

  #render(mark: Mark, text: HoverCardText): void {
    this.#host?.remove();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    const line = (className: string, content: string) => {
      const p = document.createElement('p');
      p.className = className;
      p.textContent = content;
      return p;
    };
    const details = document.createElement('button');
    details.type = 'button';
    details.textContent = text.details;
    details.addEventListener('click', () => {
      this.#options.onDetails(mark.topic);
      this.hide();
    });
    card.append(line('title', text.title), line('status', text.status), line('as-of', text.asOf), details);
    shadow.append(style, card);

    const rect = mark.range.getBoundingClientRect();
    const top = rect.bottom + 6 + 120 < innerHeight ? rect.bottom + 6 : Math.max(4, rect.top - 126);
    const left = Math.min(Math.max(4, rect.left), Math.max(4, innerWidth - 330));
    host.style.cssText = `position:fixed;top:${top}px;left:${left}px;z-index:2147483647;`;
    this.#hosts.add(host);
    document.documentElement.append(host);
    this.#host = host;
  }

  hide(): void {
    clearTimeout(this.#hideTimer);
    this.#host?.remove();
    this.#host = null;
    this.#wanted = null;
  }
}
