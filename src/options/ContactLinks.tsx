import browser from 'webextension-polyfill';
import { brand, reportUrl } from '../brand';
import { dataset } from '../data/bundled';
import { BrandLinks, hasBrandLinks } from '../ui/BrandLinks';
import { t } from '../ui/i18n';

/** "Report a wrong match" and who handed out this copy, each only when this copy has them. */
export function ContactLinks() {
  const report = reportUrl(brand, {
    title: t('reportTitle'),
    body: t('reportBody', [browser.runtime.getManifest().version, dataset.asOf]),
  });
  if (!report && !hasBrandLinks(brand)) return null;
  return (
    <section>
      <h2>{t('contactHeading')}</h2>
      {report && (
        <p>
          <a href={report} target="_blank" rel="noopener noreferrer">
            {t('reportWrongMatch')}
          </a>
          <span class="hint">{t('reportHint')}</span>
        </p>
      )}
      <BrandLinks brand={brand} />
    </section>
  );
}
