/**
 * Who this copy of the extension comes from, for the popup and options page. The project's own
 * builds show the defaults below; an organisation's build (`BRAND_FILE=brand.json npm run build`,
 * see scripts/brand.ts) puts its own name, organisation and links in their place.
 */
export interface Brand {
  name: string;
  /** The organisation handing out this copy. */
  organisation?: string;
  homepage?: string;
  links: { label: string; url: string }[];
}

const PROJECT_BRAND: Brand = { name: 'Patient Data Context', links: [] };

// vite.config.ts defines __PDC_BRAND__ as the brand file's content, or null without one.
export const brand: Brand = __PDC_BRAND__ ?? PROJECT_BRAND;
