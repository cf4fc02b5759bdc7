/** Turns the bench's measurements into bench/results.md. */
import type { LoadResult, VariantName } from './browsers';
import type { BatchCost } from './dynamic';
import type { DetectorRun } from './detector';
import type { MessageTimes } from './fixed-costs';
import type { ProbeTimes } from './probe';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value: number) => `${value.toFixed(1)}×`;
const kb = (chars: number) => (chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} KB`);

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

export interface BenchPage {
  label: string;
  /** "50 KB", "1 MB", "5 MB": pages of one size, with and without mentions. */
  size: string;
  path: string;
  /** Characters of text in the page. */
  chars: number;
  mentions: boolean;
}

export interface Results {
  date: string;
  chromium: string;
  node: string;
  cores: number;
  /** The machine's one-minute load average when the bench started. */
  loadAverage: number;
  runs: number;
  pages: BenchPage[];
  /** Pages no news site serves (`hostilePages`), loaded fewer times. */
  hostile: BenchPage[];
  /** Per page path and variant, one result per run. */
  loads: Map<string, Map<VariantName, LoadResult[]>>;
  fixedPage: BenchPage;
  startParts: ProbeTimes[];
  messages: { first: MessageTimes; second: MessageTimes }[];
  dynamic: { page: BenchPage; batches: BatchCost[] }[];
  popup: { page: BenchPage; times: number[] }[];
  size: { raw: number; gzip: number };
  detector: DetectorRun[];
  seconds: number;
}

const TARGETS = { largeRatio: 1.2, smallRatio: 2, longestTask: 50, gzipKb: 12 };

/** Median of one figure over the runs of a page with a variant. */
function figure(results: Results, page: BenchPage, variant: VariantName, pick: (load: LoadResult) => number): number {
  return median((results.loads.get(page.path)?.get(variant) ?? []).map(pick));
}

export function renderResults(r: Results): string {
  const scriptTime = (load: LoadResult) => load.scriptTasks;
  /** One variant's script time over another's, on a page. */
  const over = (page: BenchPage, variant: VariantName, base: VariantName) => figure(r, page, variant, scriptTime) / figure(r, page, base, scriptTime);
  const pageRatio = (page: BenchPage) => over(page, 'ours', 'floor');
  /** The load with the longest task, and so the worst run of a page. */
  const worstOf = (loads: readonly LoadResult[]) => loads.reduce((a, b) => (b.longestScriptTask > a.longestScriptTask ? b : a));
  const worstRun = (page: BenchPage) => worstOf(r.loads.get(page.path)?.get('ours') ?? []);
  const longestOurs = (page: BenchPage) => worstRun(page).longestScriptTask;
  /** A figure's medians with some variants, "a / b". */
  const across = (page: BenchPage, variants: readonly VariantName[], pick: (load: LoadResult) => number) =>
    variants.map((variant) => ms(figure(r, page, variant, pick))).join(' / ');
  const observed = (value: number) => (value > 0 ? ms(value) : '–');
  const found = (page: BenchPage) => {
    const counts = (r.loads.get(page.path)?.get('ours') ?? []).map((load) => load.flagged);
    return counts.includes(null) ? 'failed' : String(median(counts.map((count) => count ?? 0)));
  };

  const firstCells = (page: BenchPage) => [page.label, kb(page.chars), found(page), ms(figure(r, page, 'floor', scriptTime)), ms(figure(r, page, 'ours', scriptTime))];
  const loadRows = r.pages.map((page) => [
    ...firstCells(page),
    `**${ratio(pageRatio(page))}**`,
    `${across(page, ['floor', 'ours'], (load) => load.longestScriptTask)} (max ${ms(longestOurs(page))})`,
    String(figure(r, page, 'ours', (load) => load.taskCount)),
  ]);
  const markingRows = r.pages.map((page) => [
    page.label,
    ms(figure(r, page, 'floor', scriptTime)),
    ms(figure(r, page, 'marking', scriptTime)),
    ratio(over(page, 'marking', 'floor')),
    ms(figure(r, page, 'ours', scriptTime)),
    ratio(over(page, 'ours', 'marking')),
  ]);
  /** A run's longest task, and the garbage collection inside it. */
  const withGc = (load: LoadResult) => `${ms(load.longestScriptTask)} (${ms(load.longestScriptTaskGc)})`;
  const majorGc = (page: BenchPage) =>
    (['none', 'floor', 'ours'] as const).map((variant) => ms(Math.max(...(r.loads.get(page.path)?.get(variant) ?? []).map((load) => load.longestMajorGc)))).join(' / ');
  const hostileRows = r.hostile.map((page) => [...firstCells(page), withGc(worstRun(page)), majorGc(page)]);
  const worstHostile = worstOf(r.hostile.map(worstRun));
  const longestHostile = worstHostile.longestScriptTask;
  const detailRows = r.pages.map((page) => {
    const three = (pick: (load: LoadResult) => number) => across(page, ['none', 'floor', 'ours'], pick);
    return [
      page.label,
      three((load) => load.scriptDuration),
      across(page, ['floor', 'ours'], (load) => load.profiledScript),
      across(page, ['floor', 'ours'], (load) => load.scriptTaskGc),
      (['none', 'floor', 'ours'] as const)
        .map((variant) => `${ms(figure(r, page, variant, (load) => load.longestTask))} (${observed(figure(r, page, variant, (load) => load.longestPageTask))})`)
        .join(' / '),
      three((load) => load.styleLayout),
    ];
  });

  const fixed = r.fixedPage;
  const part = (pick: (times: ProbeTimes) => number) => ms(median(r.startParts.map(pick)));
  const message = (which: 'first' | 'second') =>
    `${ms(median(r.messages.map((m) => m[which].call)))} / ${ms(median(r.messages.map((m) => m[which].roundTrip)))}`;
  const fixedRows = [
    ['the floor, whole run', ms(figure(r, fixed, 'floor', scriptTime))],
    ['this extension, whole run', ms(figure(r, fixed, 'ours', scriptTime))],
    ['of which: loading the content script (parse, compile, evaluate; started nothing)', ms(figure(r, fixed, 'loaded', scriptTime))],
    ["of which: the gate's first look at a passage (its patterns, made at build time, compiled)", part((t) => t.firstGate)],
    ['of which: compiling the lexicon (`lexiconFrom`, from data the build works out, which the background sends; only on a page with a passage past the gate)', part((t) => t.compileLexicon)],
    ['of which: first scan with the lexicon (compiles its regexes)', part((t) => t.firstScan)],
    ['a later scan of the same sentence', part((t) => t.secondScan)],
    ["of which: the page's first report to the background: `sendMessage` call / round trip", message('first')],
    ['a second report: call / round trip', message('second')],
  ];

  const dynamicRows = r.dynamic.map(({ page, batches }) => {
    const perBatch = batches.map((batch) => batch.scriptTasks);
    const added = median(batches.map((batch) => batch.addedChars));
    return [
      page.label,
      String(batches.length),
      kb(added),
      ms(median(perBatch)),
      ms(Math.max(...perBatch)),
      ms((median(perBatch) / added) * 10_000),
      ms(Math.max(...batches.map((batch) => batch.longestScriptTask))),
      String(batches.filter((batch) => !batch.reported).length),
    ];
  });
  const smallestDynamic = median(r.dynamic[0]!.batches.map((batch) => batch.scriptTasks));
  const largestDynamic = median(r.dynamic.at(-1)!.batches.map((batch) => batch.scriptTasks));

  const detectorRows = r.detector.map((run) => [
    `${run.megabytes} MB`,
    ms(run.ms),
    (run.megabytes / (run.ms / 1000)).toFixed(0),
    ms(run.ms / run.megabytes),
    String(run.mentions),
  ]);

  const smallest = r.pages[0]!.size;
  const smallPages = r.pages.filter((page) => page.size === smallest);
  const largePages = r.pages.filter((page) => page.size !== smallest);
  const largest = r.pages.filter((page) => page.size === r.pages.at(-1)!.size);
  const worst = (pages: BenchPage[]) => Math.max(...pages.map(pageRatio));
  const longestOnLargest = Math.max(...largest.map(longestOurs));
  const typicalOnLargest = Math.max(...largest.map((page) => figure(r, page, 'ours', (load) => load.longestScriptTask)));
  const markingOverFloor = largePages.map((page) => over(page, 'marking', 'floor'));
  const gzipKb = r.size.gzip / 1024;
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const targetRows = [
    [`≤ ${TARGETS.largeRatio}× the floor on ${largePages[0]!.size}–${largest[0]!.size} pages`, `${ratio(Math.min(...largePages.map(pageRatio)))}–${ratio(worst(largePages))}`, verdict(worst(largePages) <= TARGETS.largeRatio)],
    [
      `(not a target) the marking floor on ${largePages[0]!.size}–${largest[0]!.size} pages`,
      `${ratio(Math.min(...markingOverFloor))}–${ratio(Math.max(...markingOverFloor))} the floor (see below)`,
      '',
    ],
    [`≤ ${TARGETS.smallRatio}× the floor on ${smallest} pages`, `${ratio(Math.min(...smallPages.map(pageRatio)))}–${ratio(worst(smallPages))}`, verdict(worst(smallPages) <= TARGETS.smallRatio)],
    [
      `no task over ${TARGETS.longestTask} ms on a ${largest[0]!.size} page`,
      `longest task running the script: ${ms(typicalOnLargest)} ms (median run), ${ms(longestOnLargest)} ms (worst run)`,
      verdict(longestOnLargest <= TARGETS.longestTask),
    ],
    [
      '(beyond the target) no task over the same on hostile pages',
      `${ms(longestHostile)} ms (worst run), of which ${ms(worstHostile.longestScriptTaskGc)} ms collecting garbage`,
      verdict(longestHostile <= TARGETS.longestTask),
    ],
    [`content script ≤ ${TARGETS.gzipKb} KB gzipped`, `${gzipKb.toFixed(1)} KB`, verdict(gzipKb <= TARGETS.gzipKb)],
  ];

  return `# Performance

Written by \`npm run bench\` on ${r.date}: Chromium ${r.chromium} (headless), Node ${r.node}, ${r.cores} cores
(load average ${r.loadAverage.toFixed(1)} at the start), ${r.runs} runs per page load (medians), ${Math.round(r.seconds)} s in all.
Figures move with the machine and whatever else it runs: compare figures from the same run, not
across runs.

## Targets

${table(['target', 'measured', ''], targetRows)}

## Page load: this extension against the floor

The **floor** is an extension the bench writes: its content script, declared for the same sites
and also run at \`document_idle\`, walks every text node once with a \`TreeWalker\` and
concatenates the text — the least a content script that reads a page can do.

This extension walks the page the same way, keeping each node and its length (the text comes in
one string per slice, from a \`Range\`), then looks through the whole text
for the gate's stems (\`src/detect/gate.ts\`). A page where no passage around a hit could be about
a topic on its own stops there; on other pages passages are built only around the gated ones,
and only those, and those near them, are analysed. Every page of the bench holds NHS words
("hospital", "doctors"), so every one of them goes past the first step.

**Script time** is the total main-thread time of the tasks in which the content script ran
(from a trace; a task counts when the V8 sampling profiler caught the script in it, or when it
injected the script; the microtask checkpoints Blink runs between tasks count as tasks). A task
whose first script was the content script's counts whole: it holds loading the script, its
promise continuations, and the garbage collection and style work it causes inside those tasks.
A task the page started, in which the content script's mutation observer then ran, counts only
for the samples taken in the content script (the page's own work is not the script's). The ratio is this extension's over the
floor's. "Found" is the number of passages this extension flagged, or "failed" when the
scan failed or the background did not accept its report (the badge and popup then show nothing
for the page).

${table(['page', 'text', 'found', 'floor, ms', 'this, ms', 'ratio', 'longest task, ms: floor / this (max of runs)', 'tasks'], loadRows)}

### The least a script that can mark what it finds can do

The floor reads the page and lets it go. A script that is to mark a phrase it finds in the text
must also know which node each part of the text came from, and it must look through the text.
The **marking floor**, another extension the bench writes, does only that: the floor's walk,
keeping each node and where its text starts, then one look through the text for the gate's stems
(the same pattern this extension looks for first), and it keeps what it found to the end, as this
extension does. Whatever this extension does past it is the work of finding, checking and marking
the mentions themselves.

${table(['page', 'floor, ms', 'marking floor, ms', 'marking floor / floor', 'this, ms', 'this / marking floor'], markingRows)}

Details, medians for no extension / the floor / this extension:

- **ScriptDuration** is CDP \`Performance.getMetrics\`' own figure. It counts script entered from a
  task (the injected script, timers, events) but **not the promise continuations** that follow,
  where most of an async content script runs: it is far below the script time above.
- **Sampled script** is the profiler's samples inside the content script's own code.
- **Garbage collection** is the collections' pauses (minor and major) and the steps of incremental
  marking inside the tasks that count whole for the script, part of its script time.
- **Longest task on the page**, whatever ran in it (mostly the page's own parsing and layout),
  from the trace; in brackets, what a \`PerformanceObserver('longtask')\` registered before
  navigation reported (tasks of 50 ms or more; – for none). The observer misses long tasks the
  trace shows, and with an extension's content script on the page it reported none at all: the
  trace is the figure to trust.
- **Style + layout** is CDP RecalcStyleDuration + LayoutDuration over the whole load.

${table(['page', 'ScriptDuration, ms', 'sampled script, ms (floor / this)', 'garbage collection, ms (floor / this)', 'longest task on the page, ms (observer)', 'style + layout, ms'], detailRows)}

## Hostile pages

Pages no news site would serve, but any page can be: each pushes one step of the script far past
what news holds. Every paragraph flagged (every passage analysed, every mention marked); one
passage longer than all the text the script reads (6 million characters); words the gate stops
at all through one passage; one long passage with a button (text the script never reads) in
every line, after a flagged paragraph, so that the script builds it and looks through it with
its words joined across the buttons; as many flagged passages as the text read can hold, each a
sentence (each look over all the passages goes through over 100,000). The script may take longer on them, but must not hold the page up:
the figure that matters is the longest task. "Found" counts the passages flagged (the report
lists the first 500 of them). Medians of ${r.loads.get(r.hostile[0]?.path ?? '')?.get('ours')?.length ?? 0} runs; the longest task is the worst run's.

A page this large keeps a large heap, and V8 collects it in a pause of tens to hundreds of
milliseconds at some point of the load: with no extension, in the page's own tasks; with one, often in
the extension's, as the pause lands in whatever script runs when it is due. So the longest task
is shown with the garbage collection inside it (in brackets), and the last column gives the
longest major collection on the page, in any task, for each variant (worst run).

${table(['page', 'text', 'found', 'floor, ms', 'this, ms', 'longest task, ms (of which garbage collection)', 'longest major collection, ms: none / floor / this'], hostileRows)}

## Fixed costs, on the ${fixed.label} page

The whole runs are script times as above. Loading is the built extension with its start skipped.
The gate, lexicon and scans are timed inside a fresh page (a bundle of the same modules,
medians of ${r.startParts.length}). Messages are sent from the content script's own world to the
real background, with the report this page gives (medians of ${r.messages.length} fresh pages): the
call is main-thread time in the page, the round trip is mostly spent in the background. The hover
card's text, dates formatted, comes from the background too, on a reader's first hover of a topic:
the page never sets up \`Intl.DateTimeFormat\`.

${table(['part', 'ms'], fixedRows)}

## A page that keeps growing

After a page without mentions was read, ${r.dynamic[0]!.batches.length} batches of paragraphs are appended
to it (the first paragraph of each batch is about the Home Office agreement, so one more passage
is flagged each time), waiting each time for the extension's new report. Script time per batch
as above. The page before holds nothing that could be flagged, so it was read without building
passages; the first batch brings the first passage past the gate, and the page is then read
again, once, to build the passages around it: that batch is the "most" column.

${table(['page before', 'batches', 'text added per batch', 'ms per batch (median)', 'most', 'ms per 10 KB added', 'longest task, ms', 'reports refused'], dynamicRows)}

A batch on the largest page costs ${ratio(largestDynamic / smallestDynamic)} what it costs on the smallest.

## Popup

Time from the start of the popup's navigation until its first section (results, or "nothing
found") is in the document, opened as a tab for a page already read; medians of ${r.popup[0]?.times.length ?? 0}.

${table(['page', 'the popup shows', 'ms'], r.popup.map(({ page, times }) => [page.label, page.mentions ? 'its results' : '"nothing found"', ms(median(times))]))}

## Content script size

\`dist/chrome/src/content.js\`: ${(r.size.raw / 1024).toFixed(1)} KB, ${gzipKb.toFixed(1)} KB gzipped (level 9).

## The detector alone, in Node

\`detect\` with the dataset's vocabulary over plain text (paragraphs, one in 200 about NHS data),
lexicon built beforehand; medians of ${r.runs}.

${table(['text', 'ms', 'MB/s', 'ms per MB', 'mentions'], detectorRows)}
`;
}
