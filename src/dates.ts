/** English readers get British dates ("9 November 2018"): the record is a UK one. */
export function dateLocale(uiLanguage: string): string {
  return uiLanguage.toLowerCase().startsWith('en') ? 'en-GB' : uiLanguage;
}

/** A date from the dataset ("2018-11-09", "2018-11" or "2018") in the given language. */
export function formatDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year) return iso;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}
