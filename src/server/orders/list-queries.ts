import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { OrderListResponse } from '../../contracts/orders';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../domain/status';
import { countRows, type Executor } from '../db/client';
import { orders } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';

interface Cursor {
  orderedAt: Date;
  id: number;
}

/** Opaque to clients: the sort key of the last row of the page (keyset paging, no OFFSET). */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.orderedAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  const [at, id] = Buffer.from(value, 'base64url').toString().split('|');
  const orderedAt = new Date(at ?? '');
  const n = Number(id);
  if (Number.isNaN(orderedAt.getTime()) || !Number.isSafeInteger(n)) throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  return { orderedAt, id: n };
}

/** Newest first. The full filter spec, tabs and sorting by any column come with the order list. */
export async function listOrders(db: Executor, shopId: number, limit: number, cursor: string | undefined, lang: Lang): Promise<OrderListResponse> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.shopId, shopId),
        after ? or(lt(orders.orderedAt, after.orderedAt), and(eq(orders.orderedAt, after.orderedAt), lt(orders.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const total = await countRows(db, sql`select count(*) as n from ${orders} where ${orders.shopId} = ${shopId}`);
  return {
    items: page.map((o) => ({
      id: o.id,
      orderNumber: o.orderNumber,
      orderedAt: o.orderedAt.toISOString(),
      channel: o.channel,
      ordererName: o.ordererName,
      ordererPhone: o.ordererPhone,
      isMember: o.customerId !== null,
      itemSummary: o.itemSummary,
      orderStatus: o.orderStatus,
      orderStatusLabel: ORDER_STATUS_LABELS[o.orderStatus as OrderStatus]?.[lang] ?? o.orderStatus,
      paymentStatus: o.paymentStatus,
      paymentMethod: o.paymentMethod,
      totalAmount: o.totalAmount,
      balanceDue: o.balanceDue,
      memoCount: o.memoCount,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ orderedAt: last.orderedAt, id: last.id }) : null,
    total,
  };
}
