/**
 * How old the dataset's facts are, for the popup and options page: they show `asOf` and warn when
 * the facts were last reviewed more than STALE_AFTER_MONTHS ago. Pure; works in any context.
 */

export const STALE_AFTER_MONTHS = 12;

export interface DatasetAge {
  /** Whole calendar months from asOf to now (0 when now is before asOf). */
  months: number;
  /** True once more than STALE_AFTER_MONTHS have passed since asOf. */
  stale: boolean;
}

function parseIsoDay(iso: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`asOf must be a date written YYYY-MM-DD, not ${JSON.stringify(iso)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`asOf is not a real date: ${JSON.stringify(iso)}`);
  }
  return { year, month, day };
}

/** The same day `months` later, clamped to the end of a shorter month (29 Feb + 12 → 28 Feb). */
function addMonths(date: { year: number; month: number; day: number }, months: number): number {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.day, lastDay));
}

/**
 * The age of facts reviewed on `asOf` (YYYY-MM-DD) at `now`, counted in UTC calendar days. The
 * dataset becomes stale on the day after asOf + 12 months: reviewed 2026-06-25, stale from
 * 2027-06-26.
 */
export function datasetAge(asOf: string, now: Date): DatasetAge {
  const start = parseIsoDay(asOf);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let months = (now.getUTCFullYear() - start.year) * 12 + (now.getUTCMonth() + 1 - start.month);
  if (months > 0 && addMonths(start, months) > today) months -= 1;
  months = Math.max(0, months);
  return { months, stale: today > addMonths(start, STALE_AFTER_MONTHS) };
}

/** The first day (YYYY-MM-DD, UTC) on which facts reviewed on `asOf` count as stale. */
export function staleFrom(asOf: string): string {
  const limit = addMonths(parseIsoDay(asOf), STALE_AFTER_MONTHS);
  return new Date(limit + 86_400_000).toISOString().slice(0, 10);
}
