import { t, type MessageKey } from '../ui/i18n';

const POINTS: MessageKey[] = ['storesNothingSent', 'storesTabResults', 'storesSettings', 'storesLinks'];

/** What the extension keeps, where, for how long, and that none of it leaves the browser. */
export function StorageInfo() {
  return (
    <section>
      <h2>{t('storesHeading')}</h2>
      <ul>
        {POINTS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
