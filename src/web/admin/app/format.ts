import type { Dictionary } from './i18n';

const number = new Intl.NumberFormat('ko-KR');
export const formatNumber = (n: number) => number.format(n);

/** Integer won with thousands separators: 12,000원 (₩12,000 in English). */
export const formatWon = (t: Dictionary, amount: number) => (amount < 0 ? `-${t.common.won(number.format(-amount))}` : t.common.won(number.format(amount)));

const seoulParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO time as Asia/Seoul wall time, `2024-04-01 13:05`, whatever the browser's zone. */
export function formatSeoulDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = seoulParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
