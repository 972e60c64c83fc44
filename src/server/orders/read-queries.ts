import { and, asc, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Holder } from '../../domain/quantity-ledger';
import type { UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { claimItems, claims, orderAddresses, orderItems, orders, payments, shipmentGroupItems, shipmentGroups } from '../db/schema/index';

type OrderChild = { shopId: AnyPgColumn; orderId: AnyPgColumn };
const byOrder = (t: OrderChild, shopId: number, orderId: number) => and(eq(t.shopId, shopId), eq(t.orderId, orderId));

/** Everything the order detail shows, read in one snapshot of the order's rows. */
export async function loadOrderRows(db: Executor, shopId: number, orderId: number) {
  const [order] = await db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
  if (!order) return null;
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses to
  // overlap queries on it (PGlite would serialize them anyway).
  const addresses = await db.select().from(orderAddresses).where(byOrder(orderAddresses, shopId, orderId)).orderBy(asc(orderAddresses.position));
  const items = await db.select().from(orderItems).where(byOrder(orderItems, shopId, orderId)).orderBy(asc(orderItems.position), asc(orderItems.id));
  const groups = await db.select().from(shipmentGroups).where(byOrder(shipmentGroups, shopId, orderId)).orderBy(asc(shipmentGroups.id));
  const groupItems = await db.select().from(shipmentGroupItems).where(byOrder(shipmentGroupItems, shopId, orderId));
  const claimRows = await db.select().from(claims).where(byOrder(claims, shopId, orderId)).orderBy(asc(claims.id));
  const claimItemRows = await db.select().from(claimItems).where(byOrder(claimItems, shopId, orderId));
  const paymentRows = await db.select().from(payments).where(byOrder(payments, shopId, orderId)).orderBy(asc(payments.id));
  return { order, addresses, items, groups, groupItems, claims: claimRows, claimItems: claimItemRows, payments: paymentRows };
}

export type OrderRows = NonNullable<Awaited<ReturnType<typeof loadOrderRows>>>;

/** Every unit of the order with the status of the shipment group or claim that holds it. */
export function unitsOf(rows: Pick<OrderRows, 'groups' | 'groupItems' | 'claims' | 'claimItems'>): Array<{ itemId: number; status: UnitStatus; quantity: number; holder: Holder }> {
  const statusOf = (list: ReadonlyArray<{ id: number; status: string }>, id: number) => {
    const found = list.find((x) => x.id === id);
    if (!found) throw new Error(`unit holder ${id} is missing from the order's rows`);
    return found.status as UnitStatus;
  };
  return [
    ...rows.groupItems.map((gi) => ({ itemId: gi.itemId, quantity: gi.quantity, status: statusOf(rows.groups, gi.shipmentGroupId), holder: { kind: 'shipment' as const, id: gi.shipmentGroupId } })),
    ...rows.claimItems.map((ci) => ({ itemId: ci.itemId, quantity: ci.quantity, status: statusOf(rows.claims, ci.claimId), holder: { kind: 'claim' as const, id: ci.claimId } })),
  ];
}
