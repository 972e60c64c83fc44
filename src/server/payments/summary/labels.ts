import type { Lang } from '../../http/errors';

type Labels = Record<string, { ko: string; en: string }>;

/** What staff read in the 결제 정보 panel; an unknown code shows as itself rather than failing. */
export const labelOf = (labels: Labels, code: string, lang: Lang): string => labels[code]?.[lang] ?? code;

export const PAYMENT_ROW_STATUS_LABELS: Labels = {
  pending: { ko: '결제대기', en: 'Pending' },
  captured: { ko: '결제완료', en: 'Captured' },
  failed: { ko: '결제실패', en: 'Failed' },
  cancelled: { ko: '결제취소', en: 'Cancelled' },
};

export const REFUND_METHOD_LABELS: Labels = {
  gateway: { ko: 'PG 결제취소', en: 'Gateway cancel' },
  bank_transfer: { ko: '계좌 환불', en: 'Bank transfer' },
  none: { ko: '환불금 없음', en: 'No money back' },
};

export const REFUND_STATUS_LABELS: Labels = {
  pending: { ko: '환불대기', en: 'Pending' },
  done: { ko: '환불완료', en: 'Refunded' },
  failed: { ko: '환불실패', en: 'Failed' },
  voided: { ko: '환불취소', en: 'Voided' },
};

/** 상세 결제 금액 rows, in the panel's order. */
export const AMOUNT_LABELS: Labels = {
  itemsSubtotal: { ko: '상품금액', en: 'Items' },
  gradeDiscount: { ko: '등급 할인', en: 'Grade discount' },
  couponDiscount: { ko: '쿠폰 할인', en: 'Coupon discount' },
  pointsUsed: { ko: '적립금 사용', en: 'Points used' },
  manualDiscount: { ko: '판매가 할인', en: 'Manual discount' },
  shippingFee: { ko: '배송비', en: 'Shipping' },
  remoteShippingFee: { ko: '도서산간 배송비', en: 'Remote-area shipping' },
  feesAmount: { ko: '반품·교환 비용', en: 'Claim fees' },
  orderTotal: { ko: '주문금액 합계', en: 'Order total' },
  paid: { ko: '결제금액', en: 'Paid' },
  refunded: { ko: '환불금액', en: 'Refunded' },
  netPaid: { ko: '실결제금액', en: 'Net paid' },
  balanceDue: { ko: '남은 결제금액', en: 'Balance due' },
};

export function installmentLabel(months: number | null, lang: Lang): string | null {
  if (months === null) return null;
  if (months === 0) return lang === 'ko' ? '일시불' : 'Lump sum';
  return lang === 'ko' ? `${months}개월` : `${months} months`;
}

/**
 * Shows about a quarter of the digits at each end (at most 3) and stars the rest, keeping the
 * dashes: "110-123456-78901" → "110-******-**901". Enough to recognise one's account, not to use it.
 */
export function maskAccountNumber(accountNumber: string): string {
  const digits = accountNumber.replace(/\D/g, '').length;
  const shown = Math.min(3, Math.floor(digits / 4));
  let seen = 0;
  return accountNumber.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= shown || seen > digits - shown ? d : '*';
  });
}
