import { balanceOf, derivePaymentStatus, type PaymentStatus } from '../../domain/ledger';
import { itemSummaryOf } from '../../domain/item-summary';
import type { Won } from '../../domain/money';
import { deriveOrderStatus, isActiveStatus, type OrderStatus, type UnitStatus } from '../../domain/status';

/**
 * What the `orders` summary-cache columns are derived from. The same function serves every change
 * (through refreshOrderSummary) and the seed generator, so the cache has one definition.
 */
export interface OrderFacts {
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
  remoteShippingFee: Won;
  feesAmount: Won;
  items: ReadonlyArray<{ id: number; productName: string; unitPrice: Won; gradeDiscountPerUnit: Won; manualDiscountPerUnit: Won }>;
  /** Every unit of every item: in a shipment group (with its status) or in a claim. */
  units: ReadonlyArray<{ itemId: number; status: UnitStatus; quantity: number }>;
  payments: ReadonlyArray<{ method: string; status: 'pending' | 'captured' | 'failed' | 'cancelled'; capturedAmount: Won; refundedAmount: Won; paidAt: Date | null }>;
  shipments: ReadonlyArray<{ shippedAt: Date | null; deliveredAt: Date | null }>;
  claims: ReadonlyArray<{ kind: 'cancel' | 'return' | 'exchange'; createdAt: Date }>;
  memos: ReadonlyArray<{ createdAt: Date }>;
}

export interface OrderSummary {
  orderStatus: OrderStatus;
  paymentStatus: PaymentStatus;
  unitStatuses: UnitStatus[];
  paymentMethod: string | null;
  itemsAmount: Won;
  gradeDiscount: Won;
  manualDiscount: Won;
  totalAmount: Won;
  paidAmount: Won;
  refundedAmount: Won;
  balanceDue: Won;
  itemSummary: string;
  itemCount: number;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelRequestedAt: Date | null;
  returnRequestedAt: Date | null;
  memoCount: number;
  lastMemoAt: Date | null;
}

const earliest = (dates: ReadonlyArray<Date | null>) => extreme(dates, (a, b) => a < b);
const latest = (dates: ReadonlyArray<Date | null>) => extreme(dates, (a, b) => a > b);
function extreme(dates: ReadonlyArray<Date | null>, better: (a: Date, b: Date) => boolean): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || better(d, best))) best = d;
  return best;
}

/**
 * Order total counts only active units (cancelled and returned units leave the total), with the
 * order's current coupon, points, shipping and claim fees: a refund lowers those by what it gives back, so
 * order total − balance due = paid − refunded holds after every change.
 */
export function summarizeOrder(facts: OrderFacts): OrderSummary {
  const activeQty = new Map<number, number>();
  const statuses = new Set<UnitStatus>();
  for (const u of facts.units) {
    if (u.quantity <= 0) continue;
    statuses.add(u.status);
    if (isActiveStatus(u.status)) activeQty.set(u.itemId, (activeQty.get(u.itemId) ?? 0) + u.quantity);
  }
  let itemsSubtotal = 0;
  let gradeDiscount = 0;
  let manualDiscount = 0;
  for (const item of facts.items) {
    const q = activeQty.get(item.id) ?? 0;
    itemsSubtotal += item.unitPrice * q;
    gradeDiscount += item.gradeDiscountPerUnit * q;
    manualDiscount += item.manualDiscountPerUnit * q;
  }
  const itemsAmount = itemsSubtotal - gradeDiscount - manualDiscount;
  const totalAmount = itemsAmount + facts.shippingFee + facts.remoteShippingFee + facts.feesAmount - facts.couponDiscount - facts.pointsUsed;
  const money = { orderTotal: totalAmount, payments: facts.payments };
  const { paid, refunded, balanceDue } = balanceOf(money);
  const first = facts.items[0];
  return {
    orderStatus: deriveOrderStatus(facts.units),
    paymentStatus: derivePaymentStatus(money),
    unitStatuses: [...statuses].sort(),
    paymentMethod: facts.payments[0]?.method ?? null,
    itemsAmount,
    gradeDiscount,
    manualDiscount,
    totalAmount,
    paidAmount: paid,
    refundedAmount: refunded,
    balanceDue,
    itemSummary: first ? itemSummaryOf(first.productName, facts.items.length) : '',
    itemCount: facts.items.length,
    paidAt: earliest(facts.payments.filter((p) => p.status === 'captured').map((p) => p.paidAt)),
    shippedAt: earliest(facts.shipments.map((s) => s.shippedAt)),
    deliveredAt: latest(facts.shipments.map((s) => s.deliveredAt)),
    cancelRequestedAt: latest(facts.claims.filter((c) => c.kind === 'cancel').map((c) => c.createdAt)),
    returnRequestedAt: latest(facts.claims.filter((c) => c.kind !== 'cancel').map((c) => c.createdAt)),
    ...memoColumnsOf(facts.memos),
  };
}

/** The memo part of the summary: all a memo's addition or deletion can change. */
export function memoColumnsOf(memos: ReadonlyArray<{ createdAt: Date }>): Pick<OrderSummary, 'memoCount' | 'lastMemoAt'> {
  return { memoCount: memos.length, lastMemoAt: latest(memos.map((m) => m.createdAt)) };
}
