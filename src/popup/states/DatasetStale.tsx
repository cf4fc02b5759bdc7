import { dataset } from '../../data/bundled';
import { STALE_AFTER_MONTHS } from '../../data/freshness';
import { formatDate, t } from '../../ui/i18n';

/** Shown above any other state once the record is more than a year old: still usable, but say so. */
export function DatasetStale() {
  return (
    <div class="warning" role="note">
      <strong>{t('staleHeading')}</strong> {t('staleBody', [formatDate(dataset.asOf), String(STALE_AFTER_MONTHS)])}
    </div>
  );
}
