import { topicById } from '../data/bundled';
import type { SelectionCheck } from '../messages';
import { formatCount, t } from '../ui/i18n';

/** What "Check with Patient Data Context" found in the text the reader selected. */
export function SelectionResult({ check }: { check: SelectionCheck }) {
  const { mentions, truncated, chars } = check.report;
  return (
    <section class="selection" aria-labelledby="selection-heading">
      <h2 id="selection-heading">{t('selectionHeading')}</h2>
      <blockquote>{check.excerpt}</blockquote>
      {truncated && <p class="warning">{t('selectionTruncated', formatCount(chars))}</p>}
      {mentions.length === 0 ? (
        <p>{t(truncated ? 'selectionNothingTruncated' : 'selectionNothing')}</p>
      ) : (
        <ul>
          {mentions.map((mention, index) => (
            <li key={index} data-topic={mention.topic}>
              <strong>{topicById(mention.topic)?.title ?? t('topicUnknown')}</strong>: {mention.passage}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
