import type { CreateOrderRequest } from '../../contracts/orders';
import type { payments } from '../db/schema/index';
import { AppError } from '../http/errors';

type PaymentInput = CreateOrderRequest['payment'];

/** The storefront reports the payment; the server checks it against the total it computed. */
export function checkPaymentInput(p: PaymentInput, total: number) {
  if (p.amount !== total) throw new AppError('PAYMENT_AMOUNT_MISMATCH', { expected: total, given: p.amount });
  const missing = (field: string) => new AppError('PAYMENT_DETAILS_REQUIRED', { method: p.method, field });
  if (p.method === 'points_only' && total !== 0) throw new AppError('PAYMENT_AMOUNT_MISMATCH', { expected: total, given: 0, reason: 'points_only needs a zero total' });
  if (p.status === 'awaiting_deposit' && p.method !== 'virtual_account' && p.method !== 'bank_transfer') {
    throw new AppError('PAYMENT_DETAILS_REQUIRED', { method: p.method, reason: 'only virtual_account and bank_transfer wait for a deposit' });
  }
  if (p.method === 'card' && !p.card) throw missing('card');
  if (p.method === 'virtual_account' && !p.virtualAccount) throw missing('virtualAccount');
  if (p.method === 'bank_transfer' && !p.bankTransfer) throw missing('bankTransfer');
  if (p.method === 'easy_pay' && !p.easyPay) throw missing('easyPay');
}

export function paymentRow(shopId: number, orderId: number, p: PaymentInput, now: Date): typeof payments.$inferInsert & { method: PaymentInput['method']; amount: number; capturedAmount: number; refundedAmount: number; status: 'pending' | 'captured'; paidAt: Date | null; vaDueAt: Date | null } {
  const captured = p.status === 'paid';
  const account = p.virtualAccount ?? p.bankTransfer;
  return {
    shopId,
    orderId,
    method: p.method,
    status: captured ? 'captured' : 'pending',
    amount: p.amount,
    capturedAmount: captured ? p.amount : 0,
    refundedAmount: 0,
    gateway: p.gateway ?? null,
    gatewayTransactionId: p.gatewayTransactionId ?? null,
    gatewayOrderId: p.gatewayOrderId ?? null,
    depositSecret: p.depositSecret ?? null,
    easyPayProvider: p.easyPay?.provider ?? null,
    cardCompany: p.card?.company ?? null,
    cardNumberMasked: p.card?.numberMasked ?? null,
    installmentMonths: p.card ? p.card.installmentMonths : null,
    vaBank: account?.bank ?? null,
    vaAccountNumber: account?.accountNumber ?? null,
    vaHolder: account?.holder ?? null,
    vaDueAt: account?.dueAt ? new Date(account.dueAt) : null,
    depositorName: p.bankTransfer?.depositorName ?? null,
    paidAt: captured ? (p.paidAt ? new Date(p.paidAt) : now) : null,
    createdAt: now,
  };
}
