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

/**
 * When a pending 가상계좌/무통장 payment is due: its own due date, else — a 무통장 without one — the
 * shop's bank_transfer_due_days after ordering (0: never). The unpaid-cancel job cancels by it and
 * the order-received message tells the buyer it.
 */
export function pendingPaymentDueAt(payment: { method: string; vaDueAt: Date | null }, orderedAt: Date, bankTransferDueDays: number): Date | null {
  if (payment.vaDueAt) return payment.vaDueAt;
  return payment.method === 'bank_transfer' && bankTransferDueDays > 0 ? new Date(orderedAt.getTime() + bankTransferDueDays * 86_400_000) : null;
}
