import { and, eq } from 'drizzle-orm';
import { checkLedger } from '../../domain/quantity-ledger';
import type { Executor } from '../db/client';
import { refundPayments } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';
import { loadOrderRows, loadOrderRowsOf, unitsOf, type OrderRows } from './read-queries';
import { summarizeOrder } from './summary';

/** The refund parts of an order that the audit needs: which payment, how much, paid out or not. */
export type RefundPartFacts = ReadonlyArray<{ paymentId: number; status: string; amount: number }>;

/**
 * The invariants claims and refunds must keep, checked on an order's rows; empty when sound.
 * Tests call it after every step; it is cheap enough to run on any order an operator doubts.
 * 1. every item's units (shipment groups + claims) sum to its quantity;
 * 2. the cached totals equal a fresh summary, and order total − balance due = paid − refunded;
 * 3. no payment is refunded beyond what it captured, and its refunded amount is exactly the parts
 *    of refunds paid out against it;
 * 4. the items' coupon and points shares sum to the order's coupon discount and points used.
 */
export function auditRows(rows: OrderRows, parts: RefundPartFacts): string[] {
  const problems: string[] = [];
  const units = unitsOf(rows);
  for (const p of checkLedger(rows.items, units)) problems.push(`quantity ledger: ${JSON.stringify(p)}`);

  const o = rows.order;
  const fresh = summarizeOrder({
    couponDiscount: o.couponDiscount, pointsUsed: o.pointsUsed, shippingFee: o.shippingFee, remoteShippingFee: o.remoteShippingFee, feesAmount: o.feesAmount,
    items: rows.items, units, payments: rows.payments, shipments: [], claims: [], memos: [],
  });
  for (const key of ['totalAmount', 'paidAmount', 'refundedAmount', 'balanceDue'] as const) {
    if (fresh[key] !== o[key]) problems.push(`cached ${key} ${o[key]} differs from ${fresh[key]}`);
  }
  if (o.totalAmount - o.balanceDue !== o.paidAmount - o.refundedAmount) problems.push('order total − balance due ≠ paid − refunded');

  for (const p of rows.payments) {
    if (p.refundedAmount < 0 || p.refundedAmount > p.capturedAmount) problems.push(`payment ${p.id} refunded ${p.refundedAmount} of ${p.capturedAmount} captured`);
    const paidOut = parts.filter((r) => r.paymentId === p.id && r.status === 'done').reduce((s, r) => s + r.amount, 0);
    if (paidOut !== p.refundedAmount) problems.push(`payment ${p.id} refunded ${p.refundedAmount} but its paid refund parts sum to ${paidOut}`);
  }
  const shares = rows.items.reduce((s, i) => ({ coupon: s.coupon + i.couponShare, points: s.points + i.pointsShare }), { coupon: 0, points: 0 });
  if (shares.coupon !== o.couponDiscount) problems.push(`item coupon shares ${shares.coupon} ≠ coupon discount ${o.couponDiscount}`);
  if (shares.points !== o.pointsUsed) problems.push(`item points shares ${shares.points} ≠ points used ${o.pointsUsed}`);
  return problems;
}

export async function auditOrder(db: Executor, shopId: number, orderId: number): Promise<string[]> {
  const rows = await loadOrderRows(db, shopId, orderId);
  if (!rows) return [`order ${orderId} not found`];
  const parts = await db.select().from(refundPayments).where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.orderId, orderId)));
  return auditRows(rows, parts);
}

/**
 * auditOrder for many orders, reading each table once for all of them (a few thousand orders
 * audited one by one would be a few thousand round trips per table). Only orders with problems
 * are in the answer.
 */
export async function auditOrders(db: Executor, shopId: number, orderIds: readonly number[]): Promise<Map<number, string[]>> {
  const found = await loadOrderRowsOf(db, shopId, orderIds);
  const parts = orderIds.length === 0 ? [] : await db.select().from(refundPayments).where(and(eq(refundPayments.shopId, shopId), inIds(refundPayments.orderId, [...orderIds])));
  const partsOf = new Map<number, typeof parts>();
  for (const p of parts) partsOf.set(p.orderId, [...(partsOf.get(p.orderId) ?? []), p]);
  const problems = new Map<number, string[]>();
  for (const id of new Set(orderIds)) {
    const rows = found.get(id);
    const list = rows ? auditRows(rows, partsOf.get(id) ?? []) : [`order ${id} not found`];
    if (list.length > 0) problems.set(id, list);
  }
  return problems;
}
