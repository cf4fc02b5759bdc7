/**
 * Cooperative slicing: long loops call `maybeYield()` often; it gives the page's own work a turn
 * whenever the current slice has run past its budget, so no task blocks the page for long.
 */
export interface Slicer {
  maybeYield(): Promise<void>;
  /** When the current slice should end (`performance.now()` time), for loops that check the clock themselves. */
  deadline(): number;
}

/** For callers with no page to give a turn to (the scan command, tests). */
export const NO_YIELD: Slicer = { maybeYield: async () => {}, deadline: () => Infinity };

export function createSlicer(budgetMs = 8, signal?: AbortSignal): Slicer {
  let sliceStart = performance.now();
  return {
    deadline: () => sliceStart + budgetMs,
    async maybeYield() {
      if (performance.now() - sliceStart < budgetMs) return;
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      sliceStart = performance.now();
    },
  };
}

/** Runs `steps` to their end, giving the page a turn between two of them whenever the slice's time is up. */
export async function runSteps<T>(steps: Generator<void, T>, slicer: Slicer): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() > slicer.deadline()) await slicer.maybeYield();
  }
}
