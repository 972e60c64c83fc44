/**
 * The rows of a buyer's payment checkout (payment_checkouts): finding one the buyer may reach,
 * opening and closing it, and reading back what it settled. The use cases are in checkout-service.ts.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { MyCheckoutResult } from '../../contracts/my';
import { PAYMENT_METHOD_LABELS } from '../../domain/payment-methods';
import type { Executor } from '../db/client';
import { orders, paymentCheckouts, paymentRequests, payments, shops } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { isUniqueViolation } from '../idempotency/service';
import type { BuyerPrincipal } from '../my/principal';

export type CheckoutRow = typeof paymentCheckouts.$inferSelect;
export type RequestRow = typeof paymentRequests.$inferSelect;
export type CheckoutOrder = Pick<typeof orders.$inferSelect, 'id' | 'orderNumber' | 'ordererName'>;

/** Why a request cannot be paid now, as the error code the buyer is answered with; null: payable. */
export type NotPayable = 'PAYMENT_REQUEST_NOT_PENDING' | 'PAYMENT_REQUEST_EXPIRED';

export function notPayableReason(request: Pick<RequestRow, 'status' | 'dueAt'>, now: Date): NotPayable | null {
  if (request.status === 'expired') return 'PAYMENT_REQUEST_EXPIRED';
  if (request.status !== 'pending') return 'PAYMENT_REQUEST_NOT_PENDING';
  // The due date is the last moment to pay: a request due at 23:59:59 is payable until then.
  if (request.dueAt && request.dueAt.getTime() < now.getTime()) return 'PAYMENT_REQUEST_EXPIRED';
  return null;
}

/** The order's name at the gateway (Toss shows it in its window; at most 100 characters). */
export function checkoutOrderName(orderNumber: string, lang: Lang = 'ko'): string {
  return lang === 'en' ? `Additional payment (order ${orderNumber})` : `추가 결제 (주문 ${orderNumber})`;
}

/** A member reaches the checkouts of their own orders, a guest those of the one order looked up. */
function buyerOwns(buyer: BuyerPrincipal) {
  return buyer.buyer === 'member' ? eq(orders.customerId, buyer.customerId) : eq(orders.id, buyer.orderId);
}

/**
 * The checkout the gateway knows by `gatewayOrderId`, if it is one of this buyer's: another
 * buyer's, another shop's, or none answers the same 404.
 */
export async function findBuyerCheckout(db: Executor, buyer: BuyerPrincipal, gateway: string, gatewayOrderId: string): Promise<{ checkout: CheckoutRow; order: CheckoutOrder }> {
  const [row] = await db
    .select({ checkout: paymentCheckouts, order: { id: orders.id, orderNumber: orders.orderNumber, ordererName: orders.ordererName } })
    .from(paymentCheckouts)
    .innerJoin(orders, and(eq(orders.shopId, paymentCheckouts.shopId), eq(orders.id, paymentCheckouts.orderId)))
    .where(and(eq(paymentCheckouts.shopId, buyer.shopId), eq(paymentCheckouts.gateway, gateway), eq(paymentCheckouts.gatewayOrderId, gatewayOrderId), buyerOwns(buyer)))
    .limit(1);
  if (!row) throw new AppError('PAYMENT_CHECKOUT_NOT_FOUND', { orderId: gatewayOrderId });
  return row;
}

/** What the test gateway's window shows: the checkout with its shop's and order's names. */
export async function findWindowCheckout(db: Executor, shopId: number, gateway: string, gatewayOrderId: string) {
  const [row] = await db
    .select({ checkout: paymentCheckouts, orderNumber: orders.orderNumber, shopName: shops.name })
    .from(paymentCheckouts)
    .innerJoin(orders, and(eq(orders.shopId, paymentCheckouts.shopId), eq(orders.id, paymentCheckouts.orderId)))
    .innerJoin(shops, eq(shops.id, paymentCheckouts.shopId))
    .where(and(eq(paymentCheckouts.shopId, shopId), eq(paymentCheckouts.gateway, gateway), eq(paymentCheckouts.gatewayOrderId, gatewayOrderId)))
    .limit(1);
  return row ?? null;
}

export async function findRequest(db: Executor, shopId: number, orderId: number, requestId: number, lock = false): Promise<RequestRow | null> {
  const query = db
    .select()
    .from(paymentRequests)
    .where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, orderId), eq(paymentRequests.id, requestId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function lockCheckout(tx: Executor, checkout: CheckoutRow): Promise<CheckoutRow> {
  const [row] = await tx
    .select()
    .from(paymentCheckouts)
    .where(and(eq(paymentCheckouts.shopId, checkout.shopId), eq(paymentCheckouts.id, checkout.id)))
    .for('update');
  if (!row) throw new Error(`checkout ${checkout.id} vanished`);
  return row;
}

/**
 * Closes a checkout that is still open (failed, paid or voided); answers whether this call closed
 * it, so that of two racing calls only one records the outcome.
 */
export async function closeCheckout(
  db: Executor,
  checkout: CheckoutRow,
  set: Pick<CheckoutRow, 'status'> & Partial<Pick<CheckoutRow, 'paymentKey' | 'paymentId' | 'failureCode' | 'failureMessage'>>,
  now: Date,
  /** Only if no paymentKey was ever tried on it: a tried one may have been captured and must be settled, not dropped. */
  untried = false,
): Promise<boolean> {
  const open = and(eq(paymentCheckouts.shopId, checkout.shopId), eq(paymentCheckouts.id, checkout.id), eq(paymentCheckouts.status, 'open'));
  const closed = await db
    .update(paymentCheckouts)
    .set({ ...set, completedAt: now })
    .where(untried ? and(open, isNull(paymentCheckouts.paymentKey)) : open)
    .returning({ id: paymentCheckouts.id });
  return closed.length > 0;
}

/**
 * Remembers on an open checkout the paymentKey about to be confirmed, BEFORE the gateway is asked:
 * if the answer is lost, the next attempt knows money may have been captured for this key and must
 * settle or void it rather than walk away. Answers 'first' (no attempt before), 'again' (the same
 * key was tried before), 'other' (another key is pending on it), or 'taken' (the key is another
 * checkout's).
 */
export async function claimAttempt(db: Executor, checkout: CheckoutRow, paymentKey: string): Promise<'first' | 'again' | 'other' | 'taken'> {
  if (checkout.paymentKey === paymentKey) return 'again';
  if (checkout.paymentKey !== null) return 'other';
  try {
    const claimed = await db
      .update(paymentCheckouts)
      .set({ paymentKey })
      .where(and(eq(paymentCheckouts.shopId, checkout.shopId), eq(paymentCheckouts.id, checkout.id), eq(paymentCheckouts.status, 'open'), or(isNull(paymentCheckouts.paymentKey), eq(paymentCheckouts.paymentKey, paymentKey))))
      .returning({ id: paymentCheckouts.id });
    return claimed.length > 0 ? 'first' : 'other';
  } catch (error) {
    if (isUniqueViolation(error)) return 'taken';
    throw error;
  }
}

export async function updateCheckout(db: Executor, checkout: CheckoutRow, set: Partial<Pick<CheckoutRow, 'status' | 'failureCode' | 'failureMessage'>>): Promise<void> {
  await db.update(paymentCheckouts).set(set).where(and(eq(paymentCheckouts.shopId, checkout.shopId), eq(paymentCheckouts.id, checkout.id)));
}

/** "신한카드 일시불", "KB국민카드 3개월 할부", "토스페이": how the buyer's payment reads. */
export function paymentLabel(p: { method: string; cardCompany: string | null; installmentMonths: number | null; easyPayProvider: string | null }, lang: Lang): string {
  const method = PAYMENT_METHOD_LABELS[p.method]?.[lang] ?? p.method;
  if (p.cardCompany) {
    const months = p.installmentMonths ?? 0;
    const plan = lang === 'en' ? (months > 0 ? `${months}-month installments` : 'lump sum') : months > 0 ? `${months}개월 할부` : '일시불';
    const card = `${p.cardCompany} ${plan}`;
    return p.easyPayProvider ? `${p.easyPayProvider} (${card})` : card;
  }
  return p.easyPayProvider ?? method;
}

const PAID_MESSAGE = { ko: '추가 결제가 완료되었습니다.', en: 'The additional payment is complete.' };

/** The answer for a paid checkout, read from the payment it recorded (the same on every replay). */
export async function paidResult(db: Executor, checkout: CheckoutRow, orderNumber: string, lang: Lang): Promise<MyCheckoutResult> {
  if (checkout.paymentId === null) throw new Error(`paid checkout ${checkout.id} has no payment`);
  const [payment] = await db
    .select({ method: payments.method, cardCompany: payments.cardCompany, installmentMonths: payments.installmentMonths, easyPayProvider: payments.easyPayProvider })
    .from(payments)
    .where(and(eq(payments.shopId, checkout.shopId), eq(payments.id, checkout.paymentId)));
  if (!payment) throw new Error(`payment ${checkout.paymentId} of checkout ${checkout.id} not found`);
  return { orderNumber, status: 'paid', amount: checkout.amount, methodLabel: paymentLabel(payment, lang), message: PAID_MESSAGE[lang] };
}
