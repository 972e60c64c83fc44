import { and, eq, inArray } from 'drizzle-orm';
import { proposeRefund, type RefundAdjustments, type RefundInput, type RefundProposal } from '../../domain/refund-calculator';
import type { ShopPolicy } from '../../domain/shop-policy';
import { isActiveStatus, type UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { refundPayments, refunds, shops } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { OrderRows } from '../orders/read-queries';
import { summarizeOrder } from '../orders/summary';
import { policyOfOrder } from '../shops/policy';

/** One item's units in one place, with the address they ship (or shipped) to. */
export interface PlacedUnits {
  itemId: number;
  quantity: number;
  status: UnitStatus;
  addressId: number;
}

/** Every unit of the order with its address: claimed units count at the address they came from. */
export function placedUnits(rows: Pick<OrderRows, 'groups' | 'groupItems' | 'claims' | 'claimItems'>): PlacedUnits[] {
  const group = (id: number) => {
    const found = rows.groups.find((g) => g.id === id);
    if (!found) throw new Error(`shipment group ${id} is missing from the order's rows`);
    return found;
  };
  const claimStatus = (id: number) => {
    const found = rows.claims.find((c) => c.id === id);
    if (!found) throw new Error(`claim ${id} is missing from the order's rows`);
    return found.status as UnitStatus;
  };
  return [
    ...rows.groupItems.map((gi) => ({ itemId: gi.itemId, quantity: gi.quantity, status: group(gi.shipmentGroupId).status as UnitStatus, addressId: group(gi.shipmentGroupId).addressId })),
    ...rows.claimItems.map((ci) => ({ itemId: ci.itemId, quantity: ci.quantity, status: claimStatus(ci.claimId), addressId: group(ci.fromShipmentGroupId).addressId })),
  ];
}

/** Refund parts promised but not paid back yet (pending or failed), per payment. */
export async function outstandingByPayment(db: Executor, shopId: number, orderId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ paymentId: refundPayments.paymentId, amount: refundPayments.amount })
    .from(refundPayments)
    .innerJoin(refunds, and(eq(refunds.shopId, refundPayments.shopId), eq(refunds.id, refundPayments.refundId)))
    .where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.orderId, orderId), inArray(refunds.status, ['pending', 'failed']), inArray(refundPayments.status, ['pending', 'failed'])));
  const sums = new Map<number, number>();
  for (const r of rows) sums.set(r.paymentId, (sums.get(r.paymentId) ?? 0) + r.amount);
  return sums;
}

export async function loadShop(db: Executor, shopId: number) {
  const [shop] = await db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error(`shop ${shopId} vanished`);
  return shop;
}

export interface RefundFacts {
  rows: OrderRows;
  /** The policy the order was placed under: its refund follows its own fees, not today's. */
  policy: ShopPolicy;
  outstanding: Map<number, number>;
}

export async function loadRefundFacts(db: Executor, shopId: number, rows: OrderRows): Promise<RefundFacts> {
  // one after the other: inside a transaction, node-postgres runs one query at a time anyway
  const policy = await policyOfOrder(db, shopId, rows.order.id);
  return { rows, policy, outstanding: await outstandingByPayment(db, shopId, rows.order.id) };
}

/** The refund calculator's view of the order, for the units `claimed` leaving it. */
export function refundInputFor(
  facts: RefundFacts,
  claim: { kind: 'cancel' | 'return'; fault: 'buyer' | 'shop' | null },
  claimed: RefundInput['claimed'],
  adjustments: RefundAdjustments | undefined,
): RefundInput {
  const { rows, policy } = facts;
  const units = placedUnits(rows);
  const active = units.filter((u) => isActiveStatus(u.status));
  const sum = (list: PlacedUnits[]) => list.reduce((s, u) => s + u.quantity, 0);
  const o = rows.order;
  const orderTotal = summarizeOrder({
    couponDiscount: o.couponDiscount, pointsUsed: o.pointsUsed, shippingFee: o.shippingFee, remoteShippingFee: o.remoteShippingFee, feesAmount: o.feesAmount,
    items: rows.items, units, payments: rows.payments, shipments: [], claims: [], memos: [],
  }).totalAmount;
  return {
    kind: claim.kind,
    fault: claim.fault,
    policy: policy.shipping,
    returnShippingFee: policy.returnShippingFee,
    order: { couponDiscount: o.couponDiscount, pointsUsed: o.pointsUsed, shippingFee: o.shippingFee, remoteShippingFee: o.remoteShippingFee, feesAmount: o.feesAmount },
    items: rows.items.map((i) => ({
      itemId: i.id,
      name: i.optionName ? `${i.productName} (${i.optionName})` : i.productName,
      unitAmount: i.unitPrice - i.gradeDiscountPerUnit - i.manualDiscountPerUnit,
      activeQuantity: sum(active.filter((u) => u.itemId === i.id)),
      couponShare: i.couponShare,
      pointsShare: i.pointsShare,
    })),
    addresses: rows.addresses.map((a) => ({ addressId: a.id, postcode: a.postcode, activeQuantity: sum(active.filter((u) => u.addressId === a.id)) })),
    claimed,
    ledger: {
      orderTotal,
      paid: rows.payments.reduce((s, p) => s + p.capturedAmount, 0),
      refunded: rows.payments.reduce((s, p) => s + p.refundedAmount, 0),
      outstanding: [...facts.outstanding.values()].reduce((s, v) => s + v, 0),
    },
    adjustments,
  };
}

/** The proposal, or the calculator's refusal as an API error. */
export function proposeOrRefuse(input: RefundInput): RefundProposal {
  const result = proposeRefund(input);
  if (result.ok) return result.proposal;
  const { ok: _ok, code, ...details } = result;
  throw new AppError(code, details);
}
