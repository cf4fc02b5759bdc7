import { dataset } from '../../data/bundled';
import { formatDate, t } from '../../ui/i18n';
import { TopicRecord } from '../../ui/TopicRecord';

/**
 * No passage on the page was flagged; every topic's record can still be browsed. On a page too
 * long to read whole (`truncated`), that holds for its first part only, and the popup says so.
 */
export function NothingFound({ truncated }: { truncated: boolean }) {
  return (
    <section>
      <h2>{t('nothingHeading')}</h2>
      {truncated && <p class="warning">{t('truncated')}</p>}
      <p>{t(truncated ? 'nothingBodyTruncated' : 'nothingBody')}</p>
      <ul class="browse">
        {dataset.topics.map((topic) => (
          <li key={topic.id}>
            <details data-topic={topic.id}>
              <summary>
                <h3 lang="en">{topic.title}</h3>
                <span class="muted"> — {t('statusSince', [topic.status.label, formatDate(topic.status.since)])}</span>
              </summary>
              <TopicRecord topic={topic} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
