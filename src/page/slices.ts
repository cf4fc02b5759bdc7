/**
 * Cooperative slicing: long loops call `maybeYield()` often; it gives the page's own work a turn
 * whenever the current slice has run past its budget, so no task blocks the page for long.
 */
export interface Slicer {
  maybeYield(): Promise<void>;
}

export function createSlicer(budgetMs = 8, signal?: AbortSignal): Slicer {
  let sliceStart = performance.now();
  return {
    async maybeYield() {
      if (performance.now() - sliceStart < budgetMs) return;
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      sliceStart = performance.now();
    },
  };
}
