import browser from 'webextension-polyfill';
import { dataset } from '../data/bundled';
import { datasetAge, STALE_AFTER_MONTHS } from '../data/freshness';
import { formatDate, t } from '../ui/i18n';

/** Which record this copy carries: its review date, format version and size, and the extension's version. */
export function DatasetInfo() {
  const rows: [string, string][] = [
    [t('datasetReviewed'), formatDate(dataset.asOf)],
    [t('datasetVersion'), String(dataset.schemaVersion)],
    [t('datasetSize'), t('datasetSizeValue', [String(dataset.topics.length), String(dataset.sources.length)])],
    [t('extensionVersion'), browser.runtime.getManifest().version],
  ];
  return (
    <section>
      <h2>{t('datasetHeading')}</h2>
      <dl class="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {datasetAge(dataset.asOf, new Date()).stale && (
        <p class="warning">{t('staleBody', [formatDate(dataset.asOf), String(STALE_AFTER_MONTHS)])}</p>
      )}
    </section>
  );
}
