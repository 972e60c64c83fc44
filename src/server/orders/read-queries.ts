import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Holder } from '../../domain/quantity-ledger';
import type { UnitStatus } from '../../domain/status';
import { readSnapshot, type Executor } from '../db/client';
import { claimItems, claims, orderAddresses, orderItems, orders, payments, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';

/** Everything the order detail shows, read in one snapshot of the order's rows. */
export async function loadOrderRows(db: Executor, shopId: number, orderId: number) {
  return (await loadOrderRowsOf(db, shopId, [orderId])).get(orderId) ?? null;
}

/** The rows of a batch by order: a lookup answering each order's rows (none: an empty list). */
export const groupByOrder = <T extends { orderId: number }>(rows: readonly T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.orderId);
    if (list) list.push(r);
    else map.set(r.orderId, [r]);
  }
  return (orderId: number) => map.get(orderId) ?? [];
};

/**
 * The rows of many orders with one query per table, for work done on a batch of orders (bulk
 * jobs); loadOrderRows is this with one id, so a batch and a single change read the same shape.
 */
export async function loadOrderRowsOf(db: Executor, shopId: number, orderIds: readonly number[]) {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return new Map<number, never>();
  // one snapshot: a change committed between two of these reads would show a torn order
  return readSnapshot(db, (tx) => readRows(tx, shopId, ids));
}

async function readRows(db: Executor, shopId: number, ids: readonly number[]) {
  const of = (t: OrderChild) => and(eq(t.shopId, shopId), inIds(t.orderId, ids));
  const orderRows = await db.select(ORDER_READ_COLUMNS).from(orders).where(and(eq(orders.shopId, shopId), inIds(orders.id, ids)));
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses to
  // overlap queries on it (PGlite would serialize them anyway).
  const addresses = groupByOrder(await db.select().from(orderAddresses).where(of(orderAddresses)).orderBy(asc(orderAddresses.position)));
  const items = groupByOrder(await db.select().from(orderItems).where(of(orderItems)).orderBy(asc(orderItems.position), asc(orderItems.id)));
  const groups = groupByOrder(await db.select().from(shipmentGroups).where(of(shipmentGroups)).orderBy(asc(shipmentGroups.id)));
  const groupItems = groupByOrder(await db.select().from(shipmentGroupItems).where(of(shipmentGroupItems)));
  const claimRows = groupByOrder(await db.select().from(claims).where(of(claims)).orderBy(asc(claims.id)));
  const claimItemRows = groupByOrder(await db.select().from(claimItems).where(of(claimItems)));
  const paymentRows = groupByOrder(await db.select().from(payments).where(of(payments)).orderBy(asc(payments.id)));
  return new Map(
    orderRows.map((order) => [
      order.id,
      {
        order,
        addresses: addresses(order.id),
        items: items(order.id),
        groups: groups(order.id),
        groupItems: groupItems(order.id),
        claims: claimRows(order.id),
        claimItems: claimItemRows(order.id),
        payments: paymentRows(order.id),
      },
    ]),
  );
}

/**
 * The order's columns but the keyword index (search grams and digit windows): arrays of hundreds
 * of entries per order that no reader of an order uses — they follow from search_text, which is
 * read — and that would cost a bulk batch's read more than the rest of the row.
 */
const { searchGrams: _grams, searchDigits: _digits, ...ORDER_READ_COLUMNS } = getTableColumns(orders);

type OrderChild = { shopId: AnyPgColumn; orderId: AnyPgColumn };

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
