import { and, eq } from 'drizzle-orm';
import type { PaymentRequest, RecordRequestPayment } from '../../../contracts/payment-requests';
import { paymentCaptured, paymentRequestCancelled, paymentRequested, type Actor } from '../../../domain/events';
import type { Principal } from '../../auth/principal';
import { one, type Executor } from '../../db/client';
import { paymentRequests, payments } from '../../db/schema/index';
import { AppError, type Lang } from '../../http/errors';
import type { ChangeOutcome, OrderRow } from '../../orders/mutation';
import { loadOrderRows } from '../../orders/read-queries';
import { releaseHeldUnits, unitsHeldFor } from './held-units';
import { moneyPositionOf, toPaymentRequest } from './queries';

export interface NewPaymentRequest {
  amount: number;
  reason: string;
  dueAt?: string | undefined;
  /** The edit whose additional amount this asks for: paying it releases the units that edit holds. */
  orderChangeId?: number | undefined;
}

/**
 * 추가 결제 요청, in the caller's order mutation: the amount must be owed and not already asked
 * for (pending payments and requests), so the buyer is never asked twice for the same won.
 */
export async function createPaymentRequest(tx: Executor, order: OrderRow, input: NewPaymentRequest, principal: Principal, actor: Actor, now: Date, lang: Lang): Promise<ChangeOutcome<PaymentRequest>> {
  const rows = await loadOrderRows(tx, order.shopId, order.id);
  if (!rows) throw new Error(`order ${order.id} vanished inside its own mutation`);
  const position = await moneyPositionOf(tx, rows);
  if (input.amount > position.requestable) {
    throw new AppError('PAYMENT_REQUEST_EXCEEDS_BALANCE', { amount: input.amount, requestable: position.requestable, balanceDue: position.balanceDue, awaitingPayment: position.awaitingPayment });
  }
  const row = one(
    await tx
      .insert(paymentRequests)
      .values({
        shopId: order.shopId, orderId: order.id, amount: input.amount, reason: input.reason, dueAt: input.dueAt ? new Date(input.dueAt) : null,
        status: 'pending', createdByStaffId: principal.kind === 'staff' ? principal.staffId : null, orderChangeId: input.orderChangeId ?? null, createdAt: now,
      })
      .returning(),
    'payment request',
  );
  const held = row.orderChangeId === null ? 0 : heldCount(await unitsHeldFor(tx, order.shopId, order.id, row.orderChangeId));
  return { events: [paymentRequested(actor, { requestId: row.id, amount: row.amount, reason: row.reason })], result: toPaymentRequest(row, null, lang, held) };
}

const heldCount = (units: ReadonlyArray<{ quantity: number }>) => units.reduce((n, u) => n + u.quantity, 0);

/** The request, locked: paying and cancelling the same request cannot both win. */
async function lockRequest(tx: Executor, shopId: number, orderId: number, requestId: number) {
  const [row] = await tx
    .select()
    .from(paymentRequests)
    .where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, orderId), eq(paymentRequests.id, requestId)))
    .for('update');
  if (!row) throw new AppError('PAYMENT_REQUEST_NOT_FOUND', { requestId });
  if (row.status !== 'pending') throw new AppError('PAYMENT_REQUEST_NOT_PENDING', { requestId, status: row.status });
  return row;
}

/**
 * Withdraws a pending request. Units its edit holds stay held (입금대기, the order still owes for
 * them) unless the caller removes them too (withdraw-service.ts).
 */
export async function cancelPaymentRequest(tx: Executor, order: OrderRow, requestId: number, reason: string | undefined, actor: Actor, lang: Lang): Promise<ChangeOutcome<PaymentRequest>> {
  const row = await lockRequest(tx, order.shopId, order.id, requestId);
  const cancelled = await tx.update(paymentRequests).set({ status: 'cancelled' }).where(and(eq(paymentRequests.shopId, order.shopId), eq(paymentRequests.id, row.id))).returning();
  const held = row.orderChangeId === null ? 0 : heldCount(await unitsHeldFor(tx, order.shopId, order.id, row.orderChangeId));
  return {
    events: [paymentRequestCancelled(actor, { requestId: row.id, amount: row.amount, reason: reason ?? null })],
    result: toPaymentRequest(one(cancelled, 'payment request'), null, lang, held),
  };
}

export interface PayRequestInput {
  shopId: number;
  orderId: number;
  requestId: number;
  /** How it was paid: staff recording a deposit they saw, or a gateway-confirmed payment from My Page. */
  payment: Omit<RecordRequestPayment, 'expectedVersion'>;
  actor: Actor;
  now: Date;
  lang: Lang;
}

/**
 * Settles a pending request with a captured payment that points at it, in the caller's
 * transaction, which must hold the order's lock (mutateOrder does). Staff recording a deposit and
 * My Page confirming a gateway payment both come through here, so a request is paid exactly once
 * and the balance due falls by the same rule either way. Then the units the request's edit held
 * become 결제완료, and every held unit of the order does once the balance due is settled.
 */
export async function payPaymentRequest(tx: Executor, input: PayRequestInput): Promise<ChangeOutcome<{ request: PaymentRequest; paymentId: number }>> {
  const { shopId, orderId, payment: p, now } = input;
  const request = await lockRequest(tx, shopId, orderId, input.requestId);
  if (p.amount !== undefined && p.amount !== request.amount) throw new AppError('PAYMENT_AMOUNT_MISMATCH', { expected: request.amount, given: p.amount });
  if (p.method === 'bank_transfer' && !p.depositorName) throw new AppError('PAYMENT_DETAILS_REQUIRED', { method: p.method, field: 'depositorName' });
  const paidAt = p.paidAt ? new Date(p.paidAt) : now;
  const paymentId = one(
    await tx
      .insert(payments)
      .values({
        shopId, orderId, paymentRequestId: request.id, method: p.method, status: 'captured', amount: request.amount, capturedAmount: request.amount, refundedAmount: 0,
        gateway: p.gateway ?? null, gatewayTransactionId: p.gatewayTransactionId ?? null, easyPayProvider: p.easyPay?.provider ?? null,
        cardCompany: p.card?.company ?? null, cardNumberMasked: p.card?.numberMasked ?? null, installmentMonths: p.card ? p.card.installmentMonths : null,
        vaBank: p.virtualAccount?.bank ?? null, vaAccountNumber: p.virtualAccount?.accountNumber ?? null, vaHolder: p.virtualAccount?.holder ?? null,
        depositorName: p.depositorName ?? null, paidAt, createdAt: now,
      })
      .returning({ id: payments.id }),
    'payment',
  ).id;
  const paid = await tx.update(paymentRequests).set({ status: 'paid', paidAt }).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.id, request.id))).returning();
  const released = await releaseHeldUnits(tx, { shopId, id: orderId }, { changeId: request.orderChangeId, requestId: request.id }, input.actor, now);
  return {
    events: [paymentCaptured(input.actor, { paymentId, method: p.method, amount: request.amount, requestId: request.id }), ...released.events],
    result: { request: toPaymentRequest(one(paid, 'payment request'), paymentId, input.lang), paymentId },
  };
}
