import { describe, expect, it } from 'vitest';
import { brand, reportUrl } from '../../src/brand';

const report = { title: 'Wrong match: "care.data" & more', body: 'Page address:\n\nWhat is wrong: 100% off' };

describe('the "report a wrong match" link', () => {
  it('is a prefilled new-issue page when an issue page is configured', () => {
    const url = new URL(reportUrl({ issueUrl: 'https://example.org/project/issues/new?labels=wrong-match' }, report)!);
    expect(url.origin + url.pathname).toBe('https://example.org/project/issues/new');
    expect(url.searchParams.get('labels')).toBe('wrong-match');
    expect(url.searchParams.get('title')).toBe(report.title);
    expect(url.searchParams.get('body')).toBe(report.body);
  });

  it('prefers the issue page to an email address', () => {
    expect(reportUrl({ issueUrl: 'https://example.org/new', email: 'reports@example.org' }, report)).toMatch(/^https:\/\/example\.org\/new\?/);
  });

  it('is a prefilled email when only an address is configured, with spaces as %20', () => {
    const url = reportUrl({ email: 'reports@example.org' }, report)!;
    expect(url.startsWith('mailto:reports@example.org?subject=')).toBe(true);
    expect(url).not.toContain('+');
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('subject')).toBe(report.title);
    expect(query.get('body')).toBe(report.body);
  });

  it('is absent when neither is configured, as in the default brand', () => {
    expect(reportUrl({}, report)).toBeNull();
    expect(reportUrl(brand, report)).toBeNull();
  });
});
