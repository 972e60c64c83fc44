import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import { memos, orders } from '../db/schema/index';
import { listColumnsOf, type ListColumns } from '../order-list/list-columns';
import { memberNamesOf } from '../order-list/load-list-columns';
import { loadOrderRowsOf, unitsOf, type OrderRows } from './read-queries';
import { summarizeOrder, type OrderSummary } from './summary';
import { inIds } from '../order-list/sql-arrays';

type Refreshed = OrderSummary & { version: number };

/**
 * Recomputes the order's summary-cache columns from its rows, in the caller's transaction: the
 * cache never drifts from what it summarizes. Changes to the order bump its version; memos do not
 * (a note never conflicts with someone else's change to the order).
 */
export async function refreshOrderSummary(tx: Executor, shopId: number, orderId: number, now: Date, options: { bumpVersion?: boolean } = {}): Promise<Refreshed> {
  const refreshed = (await refreshOrderSummaries(tx, shopId, [orderId], now, options)).get(orderId);
  if (!refreshed) throw new Error(`order ${orderId} not found while refreshing its summary`);
  return refreshed;
}

/** The summary and list columns of an order from its rows: what the refresh writes. */
function cacheColumnsOf(rows: OrderRows, memoDates: readonly Date[], memberName: string | null): OrderSummary & ListColumns {
  const o = rows.order;
  const summary = summarizeOrder({
    couponDiscount: o.couponDiscount,
    pointsUsed: o.pointsUsed,
    shippingFee: o.shippingFee,
    remoteShippingFee: o.remoteShippingFee,
    feesAmount: o.feesAmount,
    items: rows.items,
    units: unitsOf(rows),
    payments: rows.payments,
    shipments: rows.groups,
    claims: rows.claims,
    memos: memoDates.map((createdAt) => ({ createdAt })),
  });
  // the search and filter columns move with the summary: an address or a tracking number changed
  // in this transaction is searchable when it commits
  const list = listColumnsOf({
    ordererName: o.ordererName,
    ordererPhone: o.ordererPhone,
    ordererEmail: o.ordererEmail,
    memberName,
    addresses: rows.addresses,
    items: rows.items,
    shipments: rows.groups,
    claims: rows.claims,
  });
  return { ...summary, ...list };
}

const ORDER_COLUMNS = getTableColumns(orders);

/**
 * The refresh of many orders at once (a bulk job's batch): one read per table and one UPDATE for
 * the whole batch, the rows handed over as a JSON record set. A single change is a batch of one,
 * so the two paths cannot write different caches.
 */
export async function refreshOrderSummaries(
  tx: Executor,
  shopId: number,
  orderIds: readonly number[],
  now: Date,
  { bumpVersion = true }: { bumpVersion?: boolean } = {},
): Promise<Map<number, Refreshed>> {
  const result = new Map<number, Refreshed>();
  if (orderIds.length === 0) return result;
  const rowsOf = await loadOrderRowsOf(tx, shopId, orderIds);
  const memoRows = await tx
    .select({ orderId: memos.orderId, createdAt: memos.createdAt })
    .from(memos)
    .where(and(eq(memos.shopId, shopId), inIds(memos.orderId, [...rowsOf.keys()]), isNull(memos.deletedAt)));
  const customerIds = [...rowsOf.values()].flatMap((r) => (r.order.customerId === null ? [] : [r.order.customerId]));
  const memberNames = await memberNamesOf(tx, shopId, customerIds);

  const memoDatesOf = new Map<number, Date[]>();
  for (const m of memoRows) memoDatesOf.set(m.orderId, [...(memoDatesOf.get(m.orderId) ?? []), m.createdAt]);
  const records: Array<{ id: number; columns: Record<string, unknown> }> = [];
  const computed = new Map<number, OrderSummary>();
  for (const [orderId, rows] of rowsOf) {
    const memoDates = memoDatesOf.get(orderId) ?? [];
    const columns = cacheColumnsOf(rows, memoDates, rows.order.customerId === null ? null : (memberNames.get(rows.order.customerId) ?? null));
    computed.set(orderId, columns);
    records.push({ id: orderId, columns: { ...columns } });
  }
  const first = records[0];
  if (!first) return result;

  const keys = Object.keys(first.columns);
  const column = (key: string) => {
    const c = ORDER_COLUMNS[key as keyof typeof ORDER_COLUMNS];
    if (!c) throw new Error(`the summary names ${key}, which orders does not have`);
    return c;
  };
  // jsonb_to_recordset matches keys to the record's column names: key the rows by column name
  const byColumnName = records.map((r) => Object.fromEntries([['id', r.id], ...keys.map((k) => [column(k).name, r.columns[k]])]));
  const recordType = sql.join([sql`id bigint`, ...keys.map((k) => sql`${sql.identifier(column(k).name)} ${sql.raw(column(k).getSQLType())}`)], sql`, `);
  const assignments: SQL[] = keys.map((k) => sql`${sql.identifier(column(k).name)} = v.${sql.identifier(column(k).name)}`);
  if (bumpVersion) assignments.push(sql`version = o.version + 1`, sql`updated_at = ${now.toISOString()}::timestamptz`);
  const updated = await queryRows<{ id: number | string; version: number }>(
    tx,
    sql`update orders as o set ${sql.join(assignments, sql`, `)}
        from jsonb_to_recordset(${JSON.stringify(byColumnName)}::jsonb) as v(${recordType})
        where o.shop_id = ${shopId} and o.id = v.id
        returning o.id, o.version`,
  );
  for (const row of updated) {
    const id = Number(row.id);
    const summary = computed.get(id);
    if (summary) result.set(id, { ...summary, version: Number(row.version) });
  }
  return result;
}
