/** npm run eval: the detector's scores on the labelled corpus, and every passage it got wrong. */
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { buildLexicon } from '../../src/detect/lexicon';
import { evaluate, loadCorpus } from './evaluate';

const scores = evaluate(buildLexicon(parseDataset(raw).topics), loadCorpus());
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`corpus: ${scores.entries} texts, ${scores.blocks} passages`);
console.log(`precision ${pct(scores.precision)}  recall ${pct(scores.recall)}  topic accuracy ${pct(scores.topicAccuracy)}`);
for (const miss of scores.misses) {
  console.log(`\n${miss.id} [${miss.block}] expected ${miss.expected ?? '-'}, got ${miss.got ?? '-'}\n  ${miss.text}`);
}
