/**
 * Marks key phrases with the CSS Custom Highlight API: no element or attribute is added to the
 * page. The highlight names are random per page load, and the style sheet is adopted only while
 * there is something to mark. Where the API is missing, nothing is marked.
 */

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}
type HighlightConstructor = new () => { add(range: Range): void };

function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

/** The ranges added one by one: spread as arguments, a few hundred thousand overflow the stack. */
function highlightOf(Highlight: HighlightConstructor, ranges: readonly Range[]): unknown {
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  return highlight;
}

function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `h${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Highlighter {
  /** Replaces the marked phrases. */
  mark(ranges: Range[]): void;
  /** Briefly emphasises one passage (after "show on page"). */
  flash(range: Range): void;
  clear(): void;
}

export function createHighlighter(): Highlighter {
  // Looked up, and named, on first use: most pages have nothing to mark.
  let api: ReturnType<typeof highlightApi> | undefined;
  let markName = '';
  let flashName = '';
  const ready = () => {
    if (api === undefined) [api, markName, flashName] = [highlightApi(), randomName(), randomName()];
    return api;
  };
  let sheet: CSSStyleSheet | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const adoptSheet = () => {
    if (sheet) return;
    sheet = new CSSStyleSheet();
    // Yellow wash plus a dark-orange underline: readable on light and dark pages alike.
    sheet.replaceSync(
      `::highlight(${markName}){background-color:rgb(255 200 0 / 0.35);text-decoration:underline 2px rgb(200 90 0)}` +
        `::highlight(${flashName}){background-color:rgb(255 170 0 / 0.6)}`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  const dropSheet = () => {
    if (!sheet) return;
    const own = sheet;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
    sheet = null;
  };

  return {
    mark(ranges) {
      if (ranges.length === 0 && api === undefined) return;
      const found = ready();
      if (!found) return;
      if (ranges.length === 0) {
        found.registry.delete(markName);
        if (!flashTimer) dropSheet();
        return;
      }
      adoptSheet();
      found.registry.set(markName, highlightOf(found.Highlight, ranges));
    },
    flash(range) {
      const found = ready();
      if (!found) return;
      adoptSheet();
      clearTimeout(flashTimer);
      found.registry.set(flashName, highlightOf(found.Highlight, [range]));
      flashTimer = setTimeout(() => {
        found.registry.delete(flashName);
        flashTimer = undefined;
      }, 2000);
    },
    clear() {
      if (!api) return;
      clearTimeout(flashTimer);
      flashTimer = undefined;
      api.registry.delete(markName);
      api.registry.delete(flashName);
      dropSheet();
    },
  };
}
