import browser from 'webextension-polyfill';
import { brand, reportUrl } from '../brand';
import { dataset } from '../data/bundled';
import { t } from '../ui/i18n';

const external = { target: '_blank', rel: 'noopener noreferrer' } as const;

/** "Report a wrong match" and the publisher's links, each only when this copy has one configured. */
export function ContactLinks() {
  const report = reportUrl(brand, {
    title: t('reportTitle'),
    body: t('reportBody', [browser.runtime.getManifest().version, dataset.asOf]),
  });
  const links = [...(brand.homepage ? [{ label: t('homepage'), url: brand.homepage }] : []), ...brand.links];
  if (!report && links.length === 0) return null;
  return (
    <section>
      <h2>{t('contactHeading')}</h2>
      {report && (
        <p>
          <a href={report} {...external}>
            {t('reportWrongMatch')}
          </a>
          <span class="hint">{t('reportHint')}</span>
        </p>
      )}
      {links.length > 0 && (
        <ul>
          {links.map((link) => (
            <li key={link.url}>
              <a href={link.url} {...external}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
