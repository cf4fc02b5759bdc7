/**
 * What one page load cost, recorded over the Chrome DevTools Protocol:
 * - `Performance.getMetrics`: the page's ScriptDuration, RecalcStyleDuration and LayoutDuration;
 * - a CPU profile (V8 sampling profiler): time spent in the content script's own code;
 * - a trace of the main thread's tasks (and of script injections): the tasks in which the content
 *   script ran, and how long each took (a task is what keeps the page from answering input).
 *
 * ScriptDuration alone is not enough: Blink counts script entered from a task (the injected
 * script, a timer, an event) but not the promise continuations that run after it, and most of an
 * async content script runs in those. The profile and the trace see all of it.
 */
import type { CDPSession } from 'playwright-core';

/** Microseconds between profiler samples: fine enough for millisecond tasks, cheap enough not to skew them. */
const SAMPLING_INTERVAL_US = 200;
const EXTENSION_URL = 'chrome-extension://';

export interface LoadCost {
  /** CDP ScriptDuration, ms. */
  scriptDuration: number;
  /** CDP RecalcStyleDuration + LayoutDuration, ms. */
  styleLayout: number;
  /** Profiler samples in the content script's code (and what it calls), ms. */
  profiledScript: number;
  /** Main-thread time of the tasks in which the content script ran, as charged to it (`chargedTasks`), ms. */
  scriptTasks: number;
  /** The longest of those charges, ms. */
  longestScriptTask: number;
  /** Garbage collection inside that task, when it is charged whole, ms: a collection the page's own heap needs lands in whatever task runs then. */
  longestScriptTaskGc: number;
  /** Garbage collection inside the tasks charged whole, ms. */
  scriptTaskGc: number;
  /** The longest major garbage collection on the page's main thread, in any task, ms. */
  longestMajorGc: number;
  /** How many tasks the content script ran in. */
  taskCount: number;
  /** The longest task on the page's main thread, whatever ran in it, ms. */
  longestTask: number;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** One sample of script: when it was taken, the time it stands for (µs), and whether it was in the content script. */
export interface Sample {
  at: number;
  weight: number;
  ours: boolean;
}

/** The profiler's own nodes: no script ran in them. */
const NOT_SCRIPT = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/**
 * The samples taken in script, each marked as in an extension's script (a frame of its stack is
 * one; only one extension is loaded at a time) or not.
 */
function scriptSamples(profile: Profile): Sample[] {
  const parent = new Map<number, number>();
  const inExtension = new Map<number, boolean>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const isExtension = (id: number): boolean => {
    let known = inExtension.get(id);
    if (known === undefined) {
      const parentId = parent.get(id);
      known = byId.get(id)!.callFrame.url.startsWith(EXTENSION_URL) || (parentId !== undefined && isExtension(parentId));
      inExtension.set(id, known);
    }
    return known;
  };
  const samples: Sample[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    if (!NOT_SCRIPT.has(byId.get(id)!.callFrame.functionName)) samples.push({ at, weight: profile.timeDeltas[i + 1] ?? 0, ours: isExtension(id) });
  });
  return samples;
}

/** Every complete slice per renderer main thread, in time order, outer slices before the slices inside them. */
function mainThreadSlices(events: TraceEvent[]): Map<string, TraceEvent[]> {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const slices = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    let list = slices.get(thread);
    if (!list) slices.set(thread, (list = []));
    list.push(event);
  }
  for (const list of slices.values()) list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  return slices;
}

/**
 * The top-level slices of one thread: tasks, and the microtask checkpoints Blink runs between
 * them (where an extension's promise continuations can run).
 */
function topLevel(slices: TraceEvent[]): TraceEvent[] {
  // Keep the outermost slices only: what happens inside a task is part of it.
  let end = -Infinity;
  return slices.filter((task) => {
    if (task.ts < end) return false;
    end = task.ts + task.dur!;
    return true;
  });
}

/** A collection's pause (major, minor), or a step of incremental marking between them. */
const GC_SLICES = new Set(['MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL']);

/** Time spent collecting garbage inside a task, µs: `collections` in time order, outer ones first, each counted once. */
export function gcInside(task: TraceEvent, collections: readonly TraceEvent[]): number {
  const end = task.ts + task.dur!;
  let counted = -Infinity;
  let sum = 0;
  for (const gc of collections) {
    if (gc.ts < task.ts || gc.ts + gc.dur! > end || gc.ts < counted) continue;
    counted = gc.ts + gc.dur!;
    sum += gc.dur!;
  }
  return sum;
}

/** A task, and how much of it is the content script's (µs). */
export interface Charged {
  task: TraceEvent;
  charge: number;
}

/**
 * The tasks the content script ran in, and what of each it is charged for. A task whose first
 * script was the content script's (its injection, its timers, the replies to its messages, the
 * microtask checkpoints after them) is charged whole: what else runs in it is work the script
 * caused. A task the page started (a page script that changes the document, after which the
 * content script's mutation observer runs as a microtask) is charged only the samples taken in the
 * content script. `injections` are tasks that injected the script, charged whole.
 */
export function chargedTasks(tasks: TraceEvent[], samples: Sample[], injections: number[]): Charged[] {
  const charged: Charged[] = [];
  let s = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (s < samples.length && samples[s]!.at < task.ts) s++;
    const inside: Sample[] = [];
    for (let k = s; k < samples.length && samples[k]!.at <= end; k++) inside.push(samples[k]!);
    const injected = injections.some((at) => at >= task.ts && at <= end);
    const own = inside.filter((sample) => sample.ours).reduce((sum, sample) => sum + sample.weight, 0);
    if (injected || inside[0]?.ours) charged.push({ task, charge: task.dur! });
    else if (own > 0) charged.push({ task, charge: Math.min(own, task.dur!) });
  }
  return charged;
}

export interface Recorder {
  /** Stops recording and works out what the content script cost. */
  stop(): Promise<LoadCost>;
}

/** Starts the profiler and the trace on a page; call before navigating. */
export async function startRecording(cdp: CDPSession): Promise<Recorder> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  // V8's own category for its garbage collector: the steps of incremental marking are only there.
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc'] }, transferMode: 'ReportEvents' });

  return {
    async stop() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);

      const samples = scriptSamples(profile);
      // A short script may run between two samples: its injection is in the trace too.
      const injections = events.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith(EXTENSION_URL)).map((e) => e.ts + e.dur! / 2);
      // The page's main thread is the one that ran the content script, or else the busiest.
      const slicesOf = new Map([...mainThreadSlices(events).values()].map((slices) => [topLevel(slices), slices]));
      const threads = [...slicesOf.keys()];
      const busy = (tasks: TraceEvent[]) => tasks.reduce((sum, task) => sum + task.dur!, 0);
      // Not `Math.max(...)`: a large page's load holds more tasks than a call takes arguments.
      const longestOf = (slices: TraceEvent[]) => slices.reduce((most, slice) => Math.max(most, slice.dur!), 0);
      const charges = new Map(threads.map((tasks) => [tasks, chargedTasks(tasks, samples, injections)]));
      const ranScript = (tasks: TraceEvent[]) => charges.get(tasks)?.length ?? 0;
      const pageTasks = threads.reduce((a, b) => (ranScript(b) > ranScript(a) || (ranScript(b) === ranScript(a) && busy(b) > busy(a)) ? b : a), []);
      const scriptTasks = charges.get(pageTasks) ?? [];
      const collections = (slicesOf.get(pageTasks) ?? []).filter((slice) => GC_SLICES.has(slice.name));
      const longest = scriptTasks.reduce<Charged | undefined>((a, b) => (!a || b.charge > a.charge ? b : a), undefined);
      // Only a task charged whole is charged its collections.
      const gcCharged = ({ task, charge }: Charged) => (charge === task.dur ? gcInside(task, collections) : 0);
      return {
        scriptDuration: metric('ScriptDuration'),
        styleLayout: metric('RecalcStyleDuration') + metric('LayoutDuration'),
        profiledScript: samples.filter((sample) => sample.ours).reduce((sum, sample) => sum + sample.weight, 0) / 1000,
        scriptTasks: scriptTasks.reduce((sum, { charge }) => sum + charge, 0) / 1000,
        longestScriptTask: (longest?.charge ?? 0) / 1000,
        scriptTaskGc: scriptTasks.reduce((sum, charged) => sum + gcCharged(charged), 0) / 1000,
        longestScriptTaskGc: longest ? gcCharged(longest) / 1000 : 0,
        longestMajorGc: longestOf(collections.filter((gc) => gc.name === 'MajorGC')) / 1000,
        longestTask: longestOf(pageTasks) / 1000,
        taskCount: scriptTasks.length,
      };
    },
  };
}
