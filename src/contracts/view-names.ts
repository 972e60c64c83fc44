/**
 * The names of the tabs every shop starts with, in both languages. A tab's name is the shop's data
 * (staff rename tabs and make their own), so it is stored as written, in Korean for the seeded
 * ones; a tab that still carries its starting name reads in the reader's language ("전체" → "All").
 */
export const DEFAULT_VIEW_NAMES = {
  all: { ko: '전체', en: 'All' },
  awaitingPayment: { ko: '입금대기', en: 'Awaiting payment' },
  preparing: { ko: '상품준비중', en: 'Preparing' },
  readyToShip: { ko: '배송대기', en: 'Ready to ship' },
  shipping: { ko: '배송중', en: 'Shipping' },
  claims: { ko: '취소·반품 접수', en: 'Cancel & return requests' },
} as const;

const ENGLISH_OF = new Map<string, string>(Object.values(DEFAULT_VIEW_NAMES).map((n) => [n.ko, n.en]));

/** A tab's name as the reader reads it: a starting name in their language, any other name as written. */
export function viewLabel(name: string, lang: 'ko' | 'en'): string {
  return lang === 'en' ? (ENGLISH_OF.get(name) ?? name) : name;
}
