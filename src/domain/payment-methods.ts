/**
 * What staff and buyers read for each payment method: one table, so the timeline, the order list
 * and the payment panel never name the same method two ways.
 */
export const PAYMENT_METHOD_LABELS: Record<string, { ko: string; en: string }> = {
  card: { ko: '신용카드', en: 'Card' },
  virtual_account: { ko: '가상계좌', en: 'Virtual account' },
  bank_transfer: { ko: '무통장입금', en: 'Bank transfer' },
  easy_pay: { ko: '간편결제', en: 'Easy pay' },
  points_only: { ko: '적립금 전액결제', en: 'Points only' },
};
