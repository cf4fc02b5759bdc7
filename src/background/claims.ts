/** The claims check for a page, run here because it needs the whole dataset, which the content script does not carry. */
import { checkClaims, type Claim } from '../claims';
import { dataset } from '../data/bundled';
import type { ClaimContext } from '../messages';

export function checkPageClaims(context: ClaimContext): Claim[] {
  const passages = context.passages.flatMap(({ topic, block }) => {
    const range = context.blocks[block];
    return range ? [{ topic, block, start: range.start, end: range.end }] : [];
  });
  return checkClaims(context.text, passages, dataset, { blocks: context.blocks, articleDate: context.articleDate });
}
