/**
 * Who publishes this copy of the extension, and where its readers can reach them. The defaults
 * below are the project's own; an organisation's build replaces them. A link that is not
 * configured is not shown: the pages never fall back to an address nobody set.
 */

export interface BrandLink {
  label: string;
  url: string;
}

export interface Brand {
  name: string;
  /** The organisation that publishes this copy, if it is not the project itself. */
  organisation?: string;
  homepage?: string;
  /** A page for filing a new issue (e.g. a GitHub repository's `/issues/new`), prefilled on use. */
  issueUrl?: string;
  /** An address for reports, used when there is no issue page. */
  email?: string;
  links: BrandLink[];
}

export const brand: Brand = {
  name: 'Patient Data Context',
  links: [],
};

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
