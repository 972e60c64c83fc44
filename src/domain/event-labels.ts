/**
 * The words timeline descriptions put in place of codes: payment methods, gateways and their
 * statuses, claim kinds, notes the server stores in Korean; and money and times as each language
 * writes them (12,000원 / ₩12,000, Korean time). No code reaches a reader where a label exists.
 */
import type { ClaimKindName, TimelineEvent } from './events';
import { formatWon, type Won } from './money';
import { PAYMENT_METHOD_LABELS } from './payment-methods';

type Lang = 'ko' | 'en';

/** Payment methods, plus the ways a refund goes back (a timeline names both). */
const METHOD_LABELS: Record<string, { ko: string; en: string }> = {
  ...PAYMENT_METHOD_LABELS,
  points: { ko: '포인트', en: 'Points' },
  transfer: { ko: '계좌이체', en: 'Account transfer' },
  gateway_cancel: { ko: 'PG 취소', en: 'Gateway cancel' },
};
export const methodLabel = (m: string, lang: Lang): string => METHOD_LABELS[m]?.[lang] ?? m;
/** Payment gateways by the code a payment stores; an unknown one shows as itself. */
const GATEWAY_LABELS: Record<string, { ko: string; en: string }> = {
  test: { ko: '테스트 PG', en: 'test gateway' },
  toss: { ko: '토스페이먼츠', en: 'Toss Payments' },
};
/** Toss's payment statuses, as its notices name them. */
const GATEWAY_STATUS_LABELS: Record<string, { ko: string; en: string }> = {
  READY: { ko: '결제 대기', en: 'ready' },
  IN_PROGRESS: { ko: '결제 진행 중', en: 'in progress' },
  WAITING_FOR_DEPOSIT: { ko: '입금 대기', en: 'awaiting deposit' },
  DONE: { ko: '결제 완료', en: 'paid' },
  CANCELED: { ko: '결제 취소', en: 'cancelled' },
  PARTIAL_CANCELED: { ko: '부분 취소', en: 'partly cancelled' },
  ABORTED: { ko: '승인 실패', en: 'aborted' },
  EXPIRED: { ko: '기한 만료', en: 'expired' },
};
/** Notes the server writes on pending refunds, stored in Korean: their English for an English reader. */
const REFUND_NOTES_EN: Record<string, string> = {
  '계좌 송금 후 완료 처리 필요': 'mark it done after the bank transfer',
  'PG 응답이 없어 재시도가 필요합니다': 'the gateway did not answer; retry it',
};
export const CLAIM_KIND_LABELS: Record<ClaimKindName, { ko: string; en: string }> = {
  cancel: { ko: '취소', en: 'Cancel' },
  return: { ko: '반품', en: 'Return' },
  exchange: { ko: '교환', en: 'Exchange' },
};

export const gatewayLabel = (code: string, lang: Lang): string => GATEWAY_LABELS[code]?.[lang] ?? code;
export const gatewayStatusLabel = (status: string, lang: Lang): string => GATEWAY_STATUS_LABELS[status]?.[lang] ?? status;
export const refundNoteIn = (note: string, lang: Lang): string => (lang === 'ko' ? note : (REFUND_NOTES_EN[note] ?? note));

/** Integer won: 12,000원 in Korean, ₩12,000 in English (as the web apps write it). */
export function wonIn(amount: Won, lang: Lang): string {
  if (lang === 'ko') return formatWon(amount);
  const grouped = formatWon(Math.abs(amount)).replace('원', '');
  return `${amount < 0 ? '-' : ''}₩${grouped}`;
}

/**
 * Due dates are shown in Korean time. KST has no daylight saving, so a fixed +9 h offset is exact
 * and needs neither the clock nor the host's time zone.
 */
export function formatKst(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const PAYMENT_VOID_REASONS: Record<Extract<TimelineEvent, { type: 'payment_voided' }>['reason'], { ko: string; en: string }> = {
  request_paid: { ko: '요청이 이미 결제되어', en: 'the request had already been paid' },
  request_cancelled: { ko: '요청이 철회되어', en: 'the request had been withdrawn' },
  request_expired: { ko: '요청의 결제기한이 지나', en: 'the request was past its due date' },
};

