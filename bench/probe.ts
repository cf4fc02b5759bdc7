/**
 * Runs inside a page (bundled by bench/fixed-costs.ts): times the parts of the content script's
 * start that do not depend on the page — the gate's first look, compiling the lexicon and the first
 * scans with it (the browser compiles a regex the first time it runs).
 */
import { findTerms } from '../src/detect/detector';
import { createGate, type GateSources } from '../src/detect/gate';
import { lexiconFrom, type LexiconData } from '../src/detect/lexicon';

export interface ProbeTimes {
  /** Building the gate and its first look at a passage: what every page read pays. */
  firstGate: number;
  /** `lexiconFrom` over the data the build works out. */
  compileLexicon: number;
  firstScan: number;
  secondScan: number;
}

export function timeStartParts(lexiconData: LexiconData, gateSources: GateSources, sample: string): ProbeTimes {
  const before = performance.now();
  const gate = createGate(gateSources);
  gate.maySeed(sample);
  gate.hits(sample);
  const t0 = performance.now();
  const lexicon = lexiconFrom(lexiconData);
  const t1 = performance.now();
  findTerms(lexicon, sample);
  const t2 = performance.now();
  findTerms(lexicon, sample);
  const t3 = performance.now();
  return { firstGate: t0 - before, compileLexicon: t1 - t0, firstScan: t2 - t1, secondScan: t3 - t2 };
}
