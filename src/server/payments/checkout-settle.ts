/**
 * What happens to money the gateway has captured for a checkout: it pays the request, in the one
 * order mutation, or — when the request turned out no longer payable — it is cancelled at the
 * gateway and the void is written on the timeline. A capture is never left unaccounted for.
 */
import { and, eq } from 'drizzle-orm';
import { paymentVoided, type EventDraft } from '../../domain/events';
import type { Db, Tx } from '../db/client';
import { orders } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { buyerActor, type BuyerPrincipal } from '../my/principal';
import { mutateOrder, type ChangeOutcome, type OrderRow } from '../orders/mutation';
import { payPaymentRequest } from './requests/service';
import { closeCheckout, findRequest, lockCheckout, notPayableReason, updateCheckout, type CheckoutRow, type NotPayable } from './checkout-queries';
import type { CapturedPayment, PaymentGateway } from './gateways/gateway';

/** The checkout was closed by a twin call meanwhile (another confirm of the same window). */
export class CheckoutClosed extends Error {
  constructor(readonly checkout: CheckoutRow) {
    super(`checkout ${checkout.id} is ${checkout.status}`);
  }
}

/** The request could not be paid when the capture arrived; nothing was written. */
export class RequestNotPayable extends Error {
  constructor(
    readonly reason: NotPayable,
    readonly requestStatus: string,
  ) {
    super(reason);
  }
}

/** Marks a checkout whose void cancel has not gone through at the gateway yet: a replayed confirm tries it again. */
export const VOID_CANCEL_PENDING = 'VOID_CANCEL_PENDING';

const MAX_VERSION_RETRIES = 10;

/**
 * mutateOrder for a change the buyer did not base on a version they saw (a capture arriving, its
 * void): the change decides on the locked order, so the current version is as good as any, and a
 * version moved on meanwhile is simply read again.
 */
async function mutateCurrent<T>(db: Db, buyer: BuyerPrincipal, orderId: number, request: unknown, change: (tx: Tx, order: OrderRow, now: Date) => Promise<ChangeOutcome<T>>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const [row] = await db.select({ version: orders.version }).from(orders).where(and(eq(orders.shopId, buyer.shopId), eq(orders.id, orderId)));
    if (!row) throw new AppError('ORDER_NOT_FOUND', { orderId });
    try {
      const { result } = await mutateOrder(db, { principal: buyer, orderId, expectedVersion: row.version, idempotencyKey: undefined, request }, change);
      return result;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ORDER_VERSION_CONFLICT' || attempt >= MAX_VERSION_RETRIES) throw error;
    }
  }
}

/**
 * Pays the checkout's request with the captured payment and closes the checkout as paid, in ONE
 * order mutation: request, payment, balance due, summary and timeline commit together. Throws
 * CheckoutClosed when a twin settled it first, RequestNotPayable when the request is no longer
 * pending or past its due date (then nothing is written and the caller voids the capture).
 */
export async function recordCapture(db: Db, gatewayName: string, buyer: BuyerPrincipal, checkout: CheckoutRow, captured: CapturedPayment, lang: Lang): Promise<CheckoutRow> {
  return mutateCurrent(db, buyer, checkout.orderId, { route: 'my-checkout-confirm', checkoutId: checkout.id }, async (tx, order, now) => {
    // under the order's lock: a twin confirm of the same checkout waits here and then sees it closed
    const current = await lockCheckout(tx, checkout);
    if (current.status !== 'open') throw new CheckoutClosed(current);
    const request = await findRequest(tx, order.shopId, order.id, checkout.paymentRequestId, true);
    if (!request) throw new RequestNotPayable('PAYMENT_REQUEST_NOT_PENDING', 'missing');
    const reason = notPayableReason(request, now);
    if (reason) throw new RequestNotPayable(reason, request.status);
    const card = captured.cardCompany
      ? { company: captured.cardCompany, numberMasked: captured.cardNumberMasked ?? undefined, installmentMonths: captured.installmentMonths ?? 0 }
      : undefined;
    const paid = await payPaymentRequest(tx, {
      shopId: order.shopId,
      orderId: order.id,
      requestId: request.id,
      payment: {
        method: captured.method,
        amount: captured.amount,
        paidAt: (captured.paidAt ?? now).toISOString(),
        gateway: gatewayName,
        gatewayTransactionId: captured.gatewayTransactionId,
        card,
        easyPay: captured.easyPayProvider ? { provider: captured.easyPayProvider } : undefined,
      },
      actor: buyerActor(buyer),
      now,
      lang,
    });
    const closed = await closeCheckout(tx, current, { status: 'paid', paymentKey: captured.gatewayTransactionId, paymentId: paid.result.paymentId }, now);
    if (!closed) throw new Error(`checkout ${checkout.id} closed under its own lock`);
    return { events: paid.events, result: { ...current, status: 'paid' as const, paymentKey: captured.gatewayTransactionId, paymentId: paid.result.paymentId, completedAt: now } };
  });
}

const VOID_REASONS: Record<string, 'request_paid' | 'request_cancelled' | 'request_expired'> = {
  paid: 'request_paid',
  cancelled: 'request_cancelled',
};

/**
 * A capture for a request no longer payable: cancelled at the gateway for its whole amount (the
 * key is the checkout's, so a retry cancels once), then the checkout is closed as voided with a
 * payment_voided event, in its own transaction. When the cancel did not go through (the gateway
 * did not answer), the event says so for staff and a replayed confirm tries the cancel again.
 */
export async function voidCapture(db: Db, gateway: PaymentGateway, buyer: BuyerPrincipal, checkout: CheckoutRow, paymentKey: string, amount: number, cause: RequestNotPayable): Promise<{ cancelled: boolean }> {
  const cancel = await gateway.cancel({
    paymentKey,
    amount,
    reason: '추가 결제 요청이 더 이상 결제 대상이 아니어서 승인 즉시 취소',
    idempotencyKey: `checkout-void:${checkout.shopId}:${checkout.gatewayOrderId}`,
  });
  const cancelled = cancel.ok;
  const reason = VOID_REASONS[cause.requestStatus] ?? 'request_expired';
  const event = (): EventDraft => paymentVoided(buyerActor(buyer), { requestId: checkout.paymentRequestId, gateway: checkout.gateway, paymentKey, amount, reason, cancelled });
  try {
    await mutateCurrent(db, buyer, checkout.orderId, { route: 'my-checkout-void', checkoutId: checkout.id }, async (tx, _order, now) => {
      const current = await lockCheckout(tx, checkout);
      const failure = { failureCode: cancelled ? cause.reason : VOID_CANCEL_PENDING, failureMessage: cancelled ? null : cancel.ok ? null : `${cancel.code}: ${cancel.message}` };
      if (current.status === 'open') {
        await closeCheckout(tx, current, { status: 'voided', paymentKey, ...failure }, now);
        return { events: [event()], result: null };
      }
      // refused by a twin call of the same key that did not know of this capture: it is a void
      if (current.status === 'failed' && current.paymentKey === paymentKey) {
        await updateCheckout(tx, current, { status: 'voided', ...failure });
        return { events: [event()], result: null };
      }
      // voided before with the cancel still owed, and owed no more now: say so once
      if (current.status === 'voided' && current.paymentKey === paymentKey && current.failureCode === VOID_CANCEL_PENDING && cancelled) {
        await updateCheckout(tx, current, failure);
        return { events: [event()], result: null };
      }
      throw new CheckoutClosed(current);
    });
  } catch (error) {
    // a twin recorded this void already: nothing more to write
    if (!(error instanceof CheckoutClosed)) throw error;
  }
  return { cancelled };
}
