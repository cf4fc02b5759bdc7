import { describe, expect, it } from 'vitest';
import { chargedTasks, gcInside, type Sample, type TraceEvent } from '../../bench/recording';

/** A task from `from` to `to` ms (trace times are in µs). */
const task = (from: number, to: number, name = 'RunTask'): TraceEvent => ({ name, ph: 'X', pid: 1, tid: 1, ts: from * 1000, dur: (to - from) * 1000 });
/** Samples of 1 ms each, at the given ms, in the content script or not. */
const samples = (...list: [number, boolean][]): Sample[] => list.map(([at, ours]) => ({ at: at * 1000, weight: 1000, ours }));

describe('the bench: what of a task the content script is charged for', () => {
  it('charges a task whole when the script ran first in it, or injected it, and only its samples in a task the page started', () => {
    const tasks = [task(0, 10), task(20, 30), task(40, 50), task(60, 70), task(80, 90)];
    const charged = chargedTasks(
      tasks,
      // Its own task; the page changing the document, then the script's mutation observer; the page alone; no sample at all.
      samples([1, true], [2, false], [21, false], [22, false], [28, true], [29, true], [61, false]),
      [45_000],
    );
    expect(charged.map(({ task: t, charge }) => [t.ts / 1000, charge / 1000])).toEqual([
      [0, 10],
      [20, 2],
      [40, 10],
    ]);
  });

  it('counts the garbage collections inside a task once each, and none that lie outside it or only partly in it', () => {
    // A marking step inside a pause is part of the pause.
    const collections = [task(2, 5, 'MajorGC'), task(3, 4, 'V8.GC_MC_INCREMENTAL'), task(6, 7, 'MinorGC'), task(9, 12, 'MinorGC'), task(20, 30, 'MajorGC')];
    expect(gcInside(task(0, 10), collections)).toBe(4000);
    expect(gcInside(task(40, 50), collections)).toBe(0);
  });
});
