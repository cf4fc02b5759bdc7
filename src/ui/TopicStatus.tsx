import { dataset } from '../data/bundled';
import type { Topic } from '../data/schema';
import { formatDate, t } from './i18n';

/** A topic's current status and since when, with the date the record was last reviewed. */
export function TopicStatus({ topic }: { topic: Topic }) {
  return (
    <div class="status-banner">
      <p class="status">
        <strong>{t('statusSince', [topic.status.label, formatDate(topic.status.since)])}</strong>
      </p>
      <p class="as-of">{t('asOf', formatDate(dataset.asOf))}</p>
    </div>
  );
}
