import { and, eq, ne } from 'drizzle-orm';
import type { DepositResult } from '../../contracts/fulfillment';
import { depositConfirmed, depositReverted, statusesChanged, type Actor, type EventDraft } from '../../domain/events';
import { planWholeStatusMove } from '../../domain/fulfillment-plan';
import { findTransition } from '../../domain/status';
import type { Tx } from '../db/client';
import { payments, refundPayments } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { ChangeOutcome, OrderRow } from '../orders/mutation';
import { heldGroupsOf, releaseHeldUnits, withoutHeld } from '../payments/requests/held-units';
import { createdIds, loadClaimOrigins, loadGroups, writePlan } from './queries';

type PaymentRow = typeof payments.$inferSelect;

/** A bank's clock and ours differ a little; a deposit further in the future is a typo. */
const CLOCK_SKEW_MS = 5 * 60_000;

async function orderPayments(tx: Tx, order: OrderRow) {
  return tx.select().from(payments).where(and(eq(payments.shopId, order.shopId), eq(payments.orderId, order.id)));
}

/** The payment the request names, or the order's own one (not a later payment request) among `candidates`. */
function pick(all: readonly PaymentRow[], candidates: readonly PaymentRow[], paymentId: number | undefined): PaymentRow | undefined {
  if (paymentId !== undefined) {
    if (!all.some((p) => p.id === paymentId)) throw new AppError('PAYMENT_NOT_FOUND', { paymentId });
    return candidates.find((p) => p.id === paymentId);
  }
  const own = candidates.filter((p) => p.paymentRequestId === null);
  if (own.length > 1) throw new AppError('VALIDATION_FAILED', { field: 'paymentId', reason: 'the order has several such payments; name one' });
  return own[0];
}

/**
 * Moves every unit in `from` to `to` (whole groups, claim origins kept) and answers the status
 * events; null when no unit moved. Exported for gateway deposit notifications, which must move
 * units exactly as a deposit confirmed by hand does.
 *
 * Units an edit added that wait for their additional payment (held groups) are not the deposit's:
 * they stay 입금대기 unless the order's balance due is settled by now, and then they are released
 * (held_units_released). So the caller must record the deposit's money before calling this.
 */
export async function movedEvents(tx: Tx, order: OrderRow, from: 'awaiting_payment' | 'paid', to: 'awaiting_payment' | 'paid', actor: Actor, now: Date) {
  const held = new Set((await heldGroupsOf(tx, order.shopId, order.id)).map((h) => h.id));
  const groups = withoutHeld(await loadGroups(tx, order.shopId, order.id), held);
  const keep = new Set((await loadClaimOrigins(tx, order.shopId, order.id)).map((c) => c.fromShipmentGroupId));
  const plan = planWholeStatusMove(groups, from, to, keep);
  const kind = findTransition(from, to)?.kind;
  if (!kind) throw new Error(`${from} → ${to} is not in the status table`);
  const idOf = plan ? await writePlan(tx, order.shopId, order.id, groups, plan, now) : null;
  const moved = plan && idOf ? plan.moved : [];
  const released = to === 'paid' && held.size > 0 ? await releaseHeldUnits(tx, order, { changeId: null, requestId: null }, actor, now) : null;
  if (moved.length === 0 && !released?.units) return null;
  const movedInto = plan && idOf ? [...plan.moved.map((m) => idOf(m.toGroup)), ...createdIds(plan, idOf)] : [];
  return {
    units: moved.reduce((sum, m) => sum + m.quantity, 0) + (released?.units ?? 0),
    shipmentGroupIds: [...new Set([...movedInto, ...(released?.shipmentGroupIds ?? [])])],
    events: [...statusesChanged(actor, moved.map((m) => ({ ...m, kind }))), ...(released?.events ?? [])],
  };
}

/**
 * 입금 확인: the pending 무통장 or 가상계좌 payment is captured in full and every unit awaiting payment
 * becomes paid. Refused when there is no such payment or no unit awaits it.
 */
export async function confirmDeposit(
  tx: Tx,
  order: OrderRow,
  body: { paymentId?: number | undefined; depositorName?: string | undefined; depositedAt?: string | undefined },
  actor: Actor,
  now: Date,
): Promise<ChangeOutcome<DepositResult>> {
  const paidAt = body.depositedAt ? new Date(body.depositedAt) : now;
  if (paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('VALIDATION_FAILED', { field: 'depositedAt', reason: 'a deposit cannot be in the future' });
  const all = await orderPayments(tx, order);
  const payment = pick(all, all.filter((p) => p.status === 'pending' && (p.method === 'bank_transfer' || p.method === 'virtual_account')), body.paymentId);
  if (!payment) throw new AppError('NOTHING_AWAITS_PAYMENT', { paymentId: body.paymentId ?? null });

  const depositorName = body.depositorName ?? payment.depositorName;
  // the money first: whether held units are released depends on the balance after this deposit
  await tx
    .update(payments)
    .set({ status: 'captured', capturedAmount: payment.amount, paidAt, depositorName })
    .where(and(eq(payments.shopId, order.shopId), eq(payments.id, payment.id)));
  const moved = await movedEvents(tx, order, 'awaiting_payment', 'paid', actor, now);
  // refusing rolls the capture back with the rest of the transaction
  if (!moved) throw new AppError('NOTHING_AWAITS_PAYMENT', { paymentId: payment.id, reason: 'no unit awaits payment' });
  const events: EventDraft[] = [depositConfirmed(actor, { paymentId: payment.id, amount: payment.amount, depositorName }), ...moved.events];
  return { events, result: { paymentId: payment.id, amount: payment.amount, units: moved.units, shipmentGroupIds: moved.shipmentGroupIds } };
}

/**
 * Undoes a deposit confirmed by mistake. Only a 무통장 payment is confirmed by hand, so only it is
 * undone by hand, and only while undoing it cannot lose money: nothing refunded or being refunded,
 * no other money captured, and every unit of the order still exactly 결제완료. Anything else is a
 * cancel with a refund (REVERT_NEEDS_MONEY).
 */
export async function revertDeposit(tx: Tx, order: OrderRow, body: { paymentId?: number | undefined }, actor: Actor, now: Date): Promise<ChangeOutcome<DepositResult>> {
  const all = await orderPayments(tx, order);
  const payment = pick(all, all.filter((p) => p.status === 'captured' && p.capturedAmount > 0), body.paymentId);
  const needsMoney = (reason: string) => new AppError('REVERT_NEEDS_MONEY', { from: 'paid', to: 'awaiting_payment', reason });
  if (!payment) throw needsMoney('no captured payment to revert');
  if (payment.method !== 'bank_transfer') throw needsMoney(`a ${payment.method} payment is cancelled through its gateway with a refund`);
  const refunding = await tx
    .select({ refundId: refundPayments.refundId })
    .from(refundPayments)
    .where(and(eq(refundPayments.shopId, order.shopId), eq(refundPayments.paymentId, payment.id), ne(refundPayments.status, 'voided')));
  if (payment.refundedAmount > 0 || refunding.length > 0) throw needsMoney('the payment has refunds');
  if (all.some((p) => p.id !== payment.id && p.capturedAmount > 0)) throw needsMoney('other payments hold money');

  // units still waiting for an edit's additional payment are not this deposit's and stay as they are
  const held = new Set((await heldGroupsOf(tx, order.shopId, order.id)).map((h) => h.id));
  const groups = withoutHeld(await loadGroups(tx, order.shopId, order.id), held);
  const claimed = await loadClaimOrigins(tx, order.shopId, order.id);
  const notPaid = groups.filter((g) => g.status !== 'paid' && g.items.some((u) => u.quantity > 0));
  if (claimed.length > 0 || notPaid.length > 0) throw needsMoney('some units are no longer 결제완료');

  const moved = await movedEvents(tx, order, 'paid', 'awaiting_payment', actor, now);
  if (!moved) throw needsMoney('no unit is 결제완료');
  await tx
    .update(payments)
    .set({ status: 'pending', capturedAmount: 0, paidAt: null })
    .where(and(eq(payments.shopId, order.shopId), eq(payments.id, payment.id)));
  const events: EventDraft[] = [depositReverted(actor, { paymentId: payment.id, amount: payment.amount }), ...moved.events];
  return { events, result: { paymentId: payment.id, amount: payment.amount, units: moved.units, shipmentGroupIds: moved.shipmentGroupIds } };
}
