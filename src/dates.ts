/** English readers get British dates ("9 November 2018"): the record is a UK one. */
export function dateLocale(uiLanguage: string): string {
  return uiLanguage.toLowerCase().startsWith('en') ? 'en-GB' : uiLanguage;
}

/**
 * Welsh month names as CLDR gives them, for engines whose Intl data leaves Welsh out (Chromium's
 * does, and would print "November 9, 2018"). Welsh writes dates day, month, year.
 */
const WELSH_MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];

/** A date from the dataset ("2018-11-09", "2018-11" or "2018") in the given language. */
export function formatDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year) return iso;
  if (locale.toLowerCase().startsWith('cy') && Intl.DateTimeFormat.supportedLocalesOf(locale).length === 0) {
    return [day, month && WELSH_MONTHS[month - 1], year].filter(Boolean).join(' ');
  }
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}
