/**
 * The content script: reads the page once, runs the detector, marks key phrases (unless the user
 * turned highlights off) and reports to the background; then follows the page's changes in
 * batches. Kept small and free of the polyfill: it uses the native runtime API directly.
 */
import { analyseBlock, mentionSteps, type BlockAnalysis } from './detect/detector';
import { createGate } from './detect/gate';
import { lexiconFrom, type Lexicon } from './detect/lexicon';
import { claimContext, summarise } from './detect/summary';
import type { Mention } from './detect/types';
import { call, fail, ok, parseLexiconData, parsePopupToContent, type ContentToBackground, type HoverCardText, type PageReportMessage, type Result, MAX_REPORTED_MENTIONS } from './messages';
import { articleDate } from './page/article-date';
import { rangeIn, type Passage } from './page/extract';
import { createHighlighter } from './page/highlight';
import { HoverCard, type Mark } from './page/hover-card';
import { isPeripheral, isShown } from './page/placement';
import { scrollRangeIntoView } from './page/scroll';
import { createSlicer, runSteps, type Slicer } from './page/slices';
import { besideUnbuilt, PageTracker, type Tracked } from './page/tracker';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingsFrom, type Settings } from './settings';

/** Text beyond this is not read; the popup says the scan was capped. */
const MAX_CHARS = 6_000_000;
/** Phrases marked at most: a page flagged all through (a dump, a feed of the same story) is not marked all through. */
const MAX_MARKS = 5000;
/**
 * At most this much, summed over the marks, of the length of the text node each mark is in. The
 * browser paints a mark in a line that does not wrap (a log or a JSON file shown raw) at a cost of
 * the line's length: 450 marks in a 50,000-character line held the page up for a second.
 */
const MAX_MARKED_LENGTH = 1_000_000;
/** Quiet time after a page change before reading it, and after a wholesale change. */
const BATCH_DELAY_MS = 250;
const WHOLESALE_DELAY_MS = 1000;

interface NativeRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined): void;
  };
  id: string;
}
interface NativeStorage {
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
  onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
}
type NativeApi = { runtime: NativeRuntime; storage: NativeStorage };
const extensionGlobal = globalThis as unknown as {
  browser?: NativeApi;
  chrome?: NativeApi;
  pdcContentLoaded?: boolean;
  /** Set by the background just before it injects this script for a user's click. */
  pdcScanRequested?: boolean;
};
// Each API is touched only when needed: the browser builds an API's bindings on first use.
const api = (extensionGlobal.browser ?? extensionGlobal.chrome)!;
const send = (message: unknown) => api.runtime.sendMessage(message);

/**
 * The hover card, built the first time a page has something to mark. Its text comes from the
 * background the first time a reader hovers a topic's mark, once per topic.
 */
function createCard(): HoverCard {
  const texts = new Map<string, Promise<HoverCardText | undefined>>();
  // What comes back is checked as anything arriving is: four lines of text, or no card.
  const isText = (text: HoverCardText | null): text is HoverCardText =>
    !!text && [text.title, text.status, text.asOf, text.details].every((line) => typeof line === 'string');
  const describe = (topic: string) =>
    call<ContentToBackground, 'hover-card-text'>(send, 'hover-card-text', { topic }).then(
      (text) => (isText(text) ? text : undefined),
      () => undefined,
    );
  return new HoverCard({
    describe: (topic) => {
      if (!texts.has(topic)) texts.set(topic, describe(topic));
      return texts.get(topic)!;
    },
    onDetails: (topic) => void call<ContentToBackground, 'open-details'>(send, 'open-details', { topic }).catch(() => undefined),
  });
}

function start(settings: Settings): void {
  const highlighter = createHighlighter();
  let card: HoverCard | null = null;
  let marks: Mark[] = [];
  let highlights = settings.highlights;
  // Asked for and compiled the first time a passage passes the gate (`publish`): most pages never need it.
  let lexicon: Lexicon | null = null;
  // A passage is analysed once; the tracker replaces the passages a change touches.
  const analyses = new WeakMap<Passage, BlockAnalysis | null>();
  const analyse = (passage: Passage): BlockAnalysis | null => {
    let analysis = analyses.get(passage);
    if (analysis === undefined) {
      analysis = analyseBlock(lexicon!, passage.text, { start: 0, end: passage.text.length, role: 'main' });
      // Placement is costly to check, so only passages with a topic phrase are looked at.
      if (analysis && (!isShown(passage.element) || isPeripheral(passage.element))) analysis = null;
      analyses.set(passage, analysis);
    }
    return analysis;
  };
  const tracker = new PageTracker(() => document.body, createGate(__PDC_GATE__), MAX_CHARS, { range: document.createRange() });
  let mentions: Mention[] = [];
  // The passages the mentions point into, as the detector last saw them.
  let slots: (Tracked | null)[] = [];
  let lastReport = '';
  let pending: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let generation = new AbortController();
  // The document's address without its fragment: a jump to #section is not a new page.
  const pageKey = () => location.href.split('#')[0]!;
  let page = pageKey();
  // The page's publication day, looked up once per page it shows, and only if a date needs it.
  let published: { day: string | undefined } | undefined;

  const schedule = (task: () => void, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      task();
    }, delay);
  };

  /**
   * Work runs one task at a time, in order, so a batch is never lost to a newer one. A full read
   * supersedes everything queued before it: it aborts them and drops the pending mutations.
   */
  function enqueue(task: (slicer: Slicer) => Promise<boolean>): void {
    const { signal } = generation;
    queue = queue.then(async () => {
      if (signal.aborted) return;
      // One slicer for the task and the report after it: together they yield every 8 ms.
      const slicer = createSlicer(8, signal);
      try {
        if ((await task(slicer)) && !signal.aborted) await publish(slicer);
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          // Never throw into the page: a failed scan leaves the page as it was.
          console.debug('Patient Data Context: scan failed', error);
        }
      }
    });
  }

  /** `whole` builds every passage: a mention reached the end of those built around gated ones. */
  function readAll(whole = false): void {
    generation.abort();
    generation = new AbortController();
    pending = [];
    enqueue(async (slicer) => {
      await tracker.readAll(slicer, whole);
      return true;
    });
  }

  /** Marks the key phrases and arms the hover card over them; with highlights off, neither. */
  function showMarks(): void {
    const shown = highlights ? marks : [];
    highlighter.mark(shown.map((mark) => mark.range));
    if (shown.length > 0) card ??= createCard();
    card?.setMarks(shown);
  }

  /** Finds the mentions, marks them and reports, in steps short enough to keep the page responsive. */
  async function publish(slicer: Slicer): Promise<void> {
    const seen = tracker.slots();
    // A plain loop: on a page of 40,000 passages, a small array per passage is garbage each batch.
    const gated: number[] = [];
    for (let index = 0; index < seen.length; index++) if (seen[index]?.gated) gated.push(index);
    // Compiling the lexicon takes a few milliseconds: in a slice before the analyses, not in theirs.
    if (!lexicon && gated.length > 0) {
      const data = parseLexiconData(await call<ContentToBackground, 'lexicon'>(send, 'lexicon', {}));
      if (!data) throw new Error('No lexicon');
      lexicon = lexiconFrom(data);
      await slicer.maybeYield();
    }
    const found = await runSteps(
      mentionSteps({
        count: seen.length,
        gated,
        analyse: (index) => (seen[index] ? analyse(seen[index]) : null),
        block: (index) => ({ start: 0, end: seen[index]?.text.length ?? 0, role: 'main' }),
      }),
      slicer,
    );
    // A topic lent along a run of passages may go on past those built: build them all.
    if (found.some((mention) => besideUnbuilt(seen, mention.block))) return readAll(true);
    await slicer.maybeYield();
    mentions = found;
    slots = seen;
    // The popup lists the first ones of a page with very many; the popup's indexes stay the same.
    const reported = mentions.slice(0, MAX_REPORTED_MENTIONS);
    // Marked: what the popup lists, up to MAX_MARKS phrases (each mark costs every hover a look).
    const marked: Mark[] = [];
    let markedLength = 0;
    // Summed up in the same slices: on a page flagged all through, 500 summaries took 15 ms in one step.
    const summaries: PageReportMessage['mentions'] = [];
    for (const mention of reported) {
      for (const phrase of mention.phrases) {
        if (marked.length === MAX_MARKS || markedLength > MAX_MARKED_LENGTH) break;
        const range = rangeIn(seen[mention.block]!, phrase.start, phrase.end);
        if (!range) continue;
        markedLength += (range.startContainer as Text).length;
        if (markedLength <= MAX_MARKED_LENGTH) marked.push({ range, topic: mention.topic });
      }
      summaries.push(summarise(seen[mention.block]!.text, mention));
      await slicer.maybeYield();
    }
    marks = marked;
    showMarks();
    await slicer.maybeYield();
    const report: PageReportMessage = {
      mentions: summaries,
      flagged: mentions.length,
      truncated: tracker.truncated,
      chars: tracker.chars,
      context: claimContext(seen, reported, () => (published ??= { day: articleDate(document) }).day),
    };
    const serialised = JSON.stringify(report);
    if (serialised === lastReport) return;
    lastReport = serialised;
    await call<ContentToBackground, 'page-report'>(send, 'page-report', report);
  }

  function onNavigation(): void {
    if (pageKey() === page) return;
    page = pageKey();
    // A new page in the same document: start afresh, and always report (the badge was cleared).
    published = undefined;
    pending = [];
    lastReport = '';
    mentions = [];
    slots = [];
    marks = [];
    highlighter.clear();
    card?.setMarks([]);
    schedule(readAll, BATCH_DELAY_MS);
  }

  function applyPending(): void {
    const batch = pending;
    pending = [];
    enqueue(async (slicer) => {
      if (await tracker.apply(batch, slicer)) return true;
      // Wholesale change: one deferred full read instead of many partial ones.
      schedule(readAll, WHOLESALE_DELAY_MS);
      return false;
    });
  }

  /** The card's own host coming and going is not a page change. */
  const isOwn = (record: MutationRecord) => {
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return card !== null && nodes.length > 0 && nodes.every((node) => card!.owns(node));
  };

  function onMutations(records: MutationRecord[]): void {
    if (pageKey() !== page) return onNavigation();
    const changes = records.filter((record) => !isOwn(record));
    if (changes.length === 0) return;
    // One by one: a copy of the whole batch on each callback grows with the batch, and spread
    // as arguments a callback of a few hundred thousand records overflows the stack.
    for (const change of changes) pending.push(change);
    // At most one batch per delay, even while a feed keeps growing.
    if (timer === undefined) schedule(applyPending, BATCH_DELAY_MS);
  }

  function showMention(index: number): boolean {
    const mention = mentions[index];
    const passage = mention && slots[mention.block];
    if (!mention || !passage?.element.isConnected) return false;
    // A piece of a long passage may lie far from its element's middle: the page goes to its first phrase.
    const phrase = mention.phrases[0];
    const first = passage.offset !== undefined && phrase && rangeIn(passage, phrase.start, phrase.end);
    if (first) scrollRangeIntoView(first);
    else passage.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const range = rangeIn(passage, 0, passage.text.length);
    // Not in a text node so long that a line of it that does not wrap would cost every paint (MAX_MARKED_LENGTH).
    if (range && (range.startContainer as Text).length <= MAX_MARKED_LENGTH) highlighter.flash(range);
    return true;
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== api.runtime.id) return undefined;
    const parsed = parsePopupToContent(message);
    if (!parsed) return undefined;
    let reply: Result<boolean>;
    try {
      reply = ok(parsed.type === 'ping' || showMention(parsed.payload.index));
    } catch (error) {
      reply = fail(error);
    }
    sendResponse(reply);
    return undefined;
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.highlights) return;
    highlights = settingsFrom({ highlights: changes.highlights.newValue }).highlights;
    showMarks();
  });

  new MutationObserver(onMutations).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  addEventListener('popstate', onNavigation);
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', onNavigation);
  readAll();
}

// Injected twice (declared for the site and then clicked), it must still run only once.
if (!extensionGlobal.pdcContentLoaded && document.body) {
  extensionGlobal.pdcContentLoaded = true;
  void api.storage.local
    .get(SETTING_KEYS)
    .then(settingsFrom, () => ({ ...DEFAULT_SETTINGS }))
    .then((settings) => {
      // "Only when I click": the script declared for news sites stays registered, but reads
      // nothing until a click injects it again. The flag is read now, as a click may come meanwhile.
      if (settings.runMode === 'on-click' && !extensionGlobal.pdcScanRequested) {
        extensionGlobal.pdcContentLoaded = false;
        return;
      }
      start(settings);
    });
}
