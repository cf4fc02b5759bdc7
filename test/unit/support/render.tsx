/** Rendering helpers for component tests (happy-dom). */
import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe-core over a rendered component and fails on any serious or critical violation.
 * Colour contrast needs real layout, so it is left to the browser test (test/e2e/ui.test.ts).
 */
export async function expectNoSeriousViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
