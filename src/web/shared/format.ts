/** Number, money and time formatting both web apps share: Korean grouping, Asia/Seoul wall time. */
const number = new Intl.NumberFormat('ko-KR');
export const formatNumber = (n: number) => number.format(n);

/** Integer won with thousands separators: 12,000원 in Korean, ₩12,000 in English. */
export function formatWonIn(lang: 'ko' | 'en', amount: number): string {
  const digits = number.format(Math.abs(amount));
  const text = lang === 'en' ? `₩${digits}` : `${digits}원`;
  return amount < 0 ? `-${text}` : text;
}

const seoulParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function seoul(iso: string | null): ((type: Intl.DateTimeFormatPartTypes) => string) | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = seoulParts.formatToParts(date);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** An ISO time as Asia/Seoul wall time, `2024-04-01 13:05`, whatever the browser's zone. */
export function formatSeoulDateTime(iso: string | null): string {
  const part = seoul(iso);
  return part ? `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}` : '';
}

/** The Asia/Seoul calendar day of an ISO time, `2024-04-01`. */
export function formatSeoulDate(iso: string | null): string {
  const part = seoul(iso);
  return part ? `${part('year')}-${part('month')}-${part('day')}` : '';
}
