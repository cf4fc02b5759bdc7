import type { Brand } from '../brand';
import { t } from './i18n';

/** Whether this copy names an organisation or links: the project's own build does neither. */
export const hasBrandLinks = (brand: Brand): boolean => Boolean(brand.organisation) || brand.links.length > 0;

/**
 * Who handed out this copy, and their links: for an organisation's build (BRAND_FILE). The
 * project's own build has no organisation or links, so this shows nothing there.
 */
export function BrandLinks({ brand }: { brand: Brand }) {
  if (!hasBrandLinks(brand)) return null;
  const organisation = brand.homepage ? <a href={brand.homepage} target="_blank" rel="noopener noreferrer">{brand.organisation}</a> : brand.organisation;
  return (
    <div class="brand">
      {brand.organisation && <p>{t('brandFrom')} {organisation}</p>}
      {brand.links.length > 0 && (
        <ul>
          {brand.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">{link.label}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
