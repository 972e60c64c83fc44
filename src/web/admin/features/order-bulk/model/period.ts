import type { OrderPeriod } from '../../../../../contracts/order-filter';

/** Dates of the export's period picker, as Asia/Seoul calendar days (YYYY-MM-DD). */

const HOUR = 3_600_000;

/** The Seoul calendar day of a moment (Seoul has no daylight saving: UTC+9 all year). */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + 9 * HOUR).toISOString().slice(0, 10);
}

/** `day` moved by whole months, the day of month kept where it exists (3월 31일 − 1개월 = 2월 28/29일). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type PeriodPreset = 'today' | 'week' | 'month' | 'quarter';

/** From/to of a preset, both days included, ending today. */
export function presetRange(preset: PeriodPreset, now: Date): { from: string; to: string } {
  const to = seoulDay(now);
  switch (preset) {
    case 'today':
      return { from: to, to };
    case 'week':
      return { from: addDays(to, -6), to };
    case 'month':
      return { from: addMonths(to, -1), to };
    case 'quarter':
      return { from: addMonths(to, -3), to };
  }
}

/** The export's default: the last month by order date. */
export const defaultExportPeriod = (now: Date): OrderPeriod => ({ field: 'ordered', ...presetRange('month', now) });

export const periodIsValid = (p: OrderPeriod | null) => !p || !p.from || !p.to || p.from <= p.to;
