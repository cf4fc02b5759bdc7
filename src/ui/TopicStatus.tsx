import type { Topic } from '../data/schema';
import { formatDate, t } from './i18n';

/** A topic's current status and since when, with the dataset's review date. */
export function TopicStatus({ topic, asOf }: { topic: Topic; asOf: string }) {
  return (
    <p class="status">
      <strong>{t('statusSince', [topic.status.label, formatDate(topic.status.since)])}</strong>
      <span class="as-of"> · {t('asOf', formatDate(asOf))}</span>
    </p>
  );
}
