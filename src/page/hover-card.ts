/**
 * A small card over a marked phrase: the topic, its status line and a way to the details.
 * Built on demand inside a closed shadow root, attached only while shown, removed after.
 */

export interface CardTopic {
  id: string;
  title: string;
  /** "Withdrawn since 9 November 2018", already formatted. */
  status: string;
}

export interface Mark {
  range: Range;
  topic: string;
}

export interface HoverCardOptions {
  /** The card's lines for a topic, formatted when first shown (date formatting is not free). */
  describe(topic: string): CardTopic | undefined;
  /** "Record as of …", already formatted. */
  asOf(): string;
  detailsLabel(): string;
  onDetails(topic: string): void;
}

const HIDE_DELAY_MS = 300;

const STYLE = `
:host { all: initial; }
.card { font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff; border: 1px solid #8a8a8a;
  border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.25); padding: 8px 10px; max-width: 320px; }
.title { font-weight: 600; margin: 0 0 2px; }
.status { margin: 0 0 2px; }
.as-of { color: #4a4a4a; margin: 0 0 6px; font-size: 12px; }
button { font: inherit; color: #fff; background: #00548c; border: 0; border-radius: 4px; padding: 3px 8px; cursor: pointer; }
button:focus-visible { outline: 3px solid #00548c; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { color: #ececec; background: #1c1c1e; border-color: #6a6a6a; }
  .as-of { color: #b8b8b8; }
  button { color: #0b1a26; background: #7cc4ff; }
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
  private marks: Mark[] = [];
  private host: HTMLElement | null = null;
  private shownFor: Mark | null = null;
  private frame = 0;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;
  private readonly hosts = new WeakSet<Node>();

  constructor(private readonly options: HoverCardOptions) {}

  /** True for the card's own host nodes, shown or since removed, so the page watcher can ignore them. */
  owns(node: Node): boolean {
    return this.hosts.has(node);
  }

  /** Replaces the marks; listens to the pointer only while there are marks. */
  setMarks(marks: Mark[]): void {
    this.marks = marks;
    if (marks.length > 0 && !this.listening) {
      document.addEventListener('mousemove', this.onMove, { passive: true });
      document.addEventListener('keydown', this.onKey);
      this.listening = true;
    } else if (marks.length === 0 && this.listening) {
      document.removeEventListener('mousemove', this.onMove);
      document.removeEventListener('keydown', this.onKey);
      this.listening = false;
      this.hide();
    }
  }

  private readonly onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.hide();
  };

  private readonly onMove = (event: MouseEvent) => {
    if (this.frame) return;
    const { clientX, clientY } = event;
    const overCard = this.host !== null && event.composedPath().includes(this.host);
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (overCard) return this.keep();
      const caret = caretAt(clientX, clientY);
      const mark = caret && this.marks.find((m) => m.range.isPointInRange(caret.node, caret.offset));
      if (mark) this.show(mark);
      else this.scheduleHide();
    });
  };

  private keep(): void {
    clearTimeout(this.hideTimer);
  }

  private scheduleHide(): void {
    if (!this.host) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private show(mark: Mark): void {
    this.keep();
    if (this.shownFor === mark && this.host) return;
    const topic = this.options.describe(mark.topic);
    if (!topic) return;
    this.hide();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    const line = (className: string, text: string) => {
      const p = document.createElement('p');
      p.className = className;
      p.textContent = text;
      return p;
    };
    const details = document.createElement('button');
    details.type = 'button';
    details.textContent = this.options.detailsLabel();
    details.addEventListener('click', () => {
      this.options.onDetails(topic.id);
      this.hide();
    });
    card.append(line('title', topic.title), line('status', topic.status), line('as-of', this.options.asOf()), details);
    shadow.append(style, card);

    const rect = mark.range.getBoundingClientRect();
    const top = rect.bottom + 6 + 120 < innerHeight ? rect.bottom + 6 : Math.max(4, rect.top - 126);
    const left = Math.min(Math.max(4, rect.left), Math.max(4, innerWidth - 330));
    host.style.cssText = `position:fixed;top:${top}px;left:${left}px;z-index:2147483647;`;
    this.hosts.add(host);
    document.documentElement.append(host);
    this.host = host;
    this.shownFor = mark;
  }

  hide(): void {
    clearTimeout(this.hideTimer);
    this.host?.remove();
    this.host = null;
    this.shownFor = null;
  }
}
