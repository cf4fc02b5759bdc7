/**
 * The detector alone, in Node, over large plain texts: how fast it reads, and whether its time
 * grows in step with the text.
 */
import raw from '../src/data/dataset.json';
import { parseDataset } from '../src/data/schema';
import { blocksFromPlainText } from '../src/detect/blocks';
import { detect } from '../src/detect/detector';
import { buildLexicon } from '../src/detect/lexicon';
import { plainText } from './pages';
import { median } from './report';

export interface DetectorRun {
  megabytes: number;
  /** Median time of `detect` over the whole text, ms. */
  ms: number;
  mentions: number;
}

export function timeDetector(sizes: readonly number[], runs: number): DetectorRun[] {
  const lexicon = buildLexicon(parseDataset(raw).topics);
  // Warm up once, so the first size does not carry compiling the regexes and the detector.
  const warmUp = plainText(sizes[0]! * 1_000_000);
  detect(lexicon, warmUp, blocksFromPlainText(warmUp));
  return sizes.map((megabytes) => {
    const text = plainText(megabytes * 1_000_000);
    const blocks = blocksFromPlainText(text);
    const times: number[] = [];
    let mentions = 0;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      mentions = detect(lexicon, text, blocks).length;
      times.push(performance.now() - start);
    }
    return { megabytes, ms: median(times), mentions };
  });
}
