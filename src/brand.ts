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
  /**
   * Where readers report a wrong match: a page for filing a new issue (e.g. a GitHub repository's
   * `/issues/new`), prefilled on use; or else an email address. With neither, no link is shown.
   */
  issueUrl?: string;
  email?: string;
  links: { label: string; url: string }[];
}

const PROJECT_BRAND: Brand = { name: 'Patient Data Context', links: [] };

// vite.config.ts defines __PDC_BRAND__ as the brand file's content, or null without one.
export const brand: Brand = __PDC_BRAND__ ?? PROJECT_BRAND;

export interface Report {
  title: string;
  body: string;
}

/**
 * Where "report a wrong match" leads: the issue page with the report filled in, else an email
 * with it, else nowhere (null). Opening it is the reader's own navigation; the extension sends
 * nothing.
 */
export function reportUrl(target: Pick<Brand, 'issueUrl' | 'email'>, report: Report): string | null {
  if (target.issueUrl) {
    const url = new URL(target.issueUrl);
    url.searchParams.set('title', report.title);
    url.searchParams.set('body', report.body);
    return url.href;
  }
  if (target.email) {
    // mailto wants %20 for spaces, which encodeURIComponent gives and URLSearchParams does not.
    const query = `subject=${encodeURIComponent(report.title)}&body=${encodeURIComponent(report.body)}`;
    return `mailto:${encodeURIComponent(target.email).replace('%40', '@')}?${query}`;
  }
  return null;
}
