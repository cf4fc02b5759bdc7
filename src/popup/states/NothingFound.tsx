import { dataset } from '../../data/bundled';
import { formatDate, t } from '../../ui/i18n';

export function NothingFound() {
  return (
    <section>
      <h2>{t('nothingHeading')}</h2>
      <p>{t('nothingBody')}</p>
      <ul class="topics">
        {dataset.topics.map((topic) => (
          <li key={topic.id}>
            <strong>{topic.title}</strong>: {t('statusSince', [topic.status.label, formatDate(topic.status.since)])}
          </li>
        ))}
      </ul>
    </section>
  );
}
