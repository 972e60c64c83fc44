import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { customers } from '../db/schema/index';
import type { OrderRows } from '../orders/read-queries';
import { listColumnsOf, type ListColumns } from './list-columns';
import { inIds } from './sql-arrays';

/** The member's own name, searchable on their orders; null for guests. */
export async function memberNameOf(db: Executor, shopId: number, customerId: number | null): Promise<string | null> {
  if (customerId === null) return null;
  const [member] = await db.select({ name: customers.name }).from(customers).where(and(eq(customers.shopId, shopId), eq(customers.id, customerId)));
  return member?.name ?? null;
}

/** Members' own names by customer id, for a batch of orders. */
export async function memberNamesOf(db: Executor, shopId: number, customerIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.shopId, shopId), inIds(customers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The order-list columns of an order from its loaded rows, plus the member's name. */
export async function listColumnsOfRows(db: Executor, shopId: number, rows: Pick<OrderRows, 'order' | 'addresses' | 'items' | 'groups' | 'claims'>): Promise<ListColumns> {
  const o = rows.order;
  return listColumnsOf({
    ordererName: o.ordererName,
    ordererPhone: o.ordererPhone,
    ordererEmail: o.ordererEmail,
    memberName: await memberNameOf(db, shopId, o.customerId),
    addresses: rows.addresses,
    items: rows.items,
    shipments: rows.groups,
    claims: rows.claims,
  });
}
