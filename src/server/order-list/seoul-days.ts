/**
 * Calendar days as staff in Korea mean them. Korea keeps UTC+9 all year (no daylight saving), so
 * a Seoul day is a fixed 24-hour window and no time-zone database is needed.
 */
const SEOUL_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant a Seoul day (YYYY-MM-DD) begins. */
export function seoulDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(`not a date: ${day}`);
  return new Date(Date.UTC(y, m - 1, d) - SEOUL_OFFSET_MS);
}

/** The Seoul day (YYYY-MM-DD) that `instant` falls on. */
export function seoulDayOf(instant: Date): string {
  return new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(seoulDayStart(day).getTime() + SEOUL_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}
