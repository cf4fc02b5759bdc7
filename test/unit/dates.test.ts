import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateLocale, formatDate } from '../../src/dates';

afterEach(() => vi.restoreAllMocks());

const everyMonth = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('dates from the dataset', () => {
  it('are British for English readers, at the precision the dataset gives', () => {
    expect(dateLocale('en-US')).toBe('en-GB');
    expect(formatDate('2018-11-09', 'en-GB')).toBe('9 November 2018');
    expect(formatDate('2018-05', 'en-GB')).toBe('May 2018');
    expect(formatDate('2016', 'en-GB')).toBe('2016');
  });

  it('are Welsh for Welsh readers', () => {
    expect(dateLocale('cy')).toBe('cy');
    expect(formatDate('2018-11-09', 'cy')).toBe('9 Tachwedd 2018');
  });

  it('are the same in Welsh when the engine has no Welsh data (as in Chromium) as when it has', () => {
    // Node carries full ICU data, so its Intl output is the reference.
    const dates = everyMonth.flatMap((month) => [`2019-${month}-01`, `2019-${month}-28`, `2019-${month}`]).concat('2019');
    const withIntl = dates.map((date) => formatDate(date, 'cy'));
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    expect(dates.map((date) => formatDate(date, 'cy'))).toEqual(withIntl);
  });
});
