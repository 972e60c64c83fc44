import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import { memos, orders } from '../db/schema/index';
import { listColumnsOf, type ListColumns } from '../order-list/list-columns';
import { memberNamesOf } from '../order-list/load-list-columns';
import { groupByOrder, loadOrderRowsOf, unitsOf, type OrderRows } from './read-queries';
import { memoColumnsOf, summarizeOrder, type OrderSummary } from './summary';
import { inIds } from '../order-list/sql-arrays';

type Refreshed = OrderSummary & { version: number };

/**
 * Recomputes the order's summary-cache columns from its rows, in the caller's transaction: the
 * cache never drifts from what it summarizes. Every change to the order bumps its version (memos
 * refresh their own columns with refreshMemoSummaries and bump nothing).
 */
export async function refreshOrderSummary(tx: Executor, shopId: number, orderId: number, now: Date): Promise<Refreshed> {
  const refreshed = (await refreshOrderSummaries(tx, shopId, [orderId], now)).get(orderId);
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

/** The keyword index follows from search_text (searchTermsOf derives both from it): it changes with it. */
const FOLLOWS_SEARCH_TEXT = ['searchGrams', 'searchDigits'];

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

/** Adds to `changed` the cache columns whose computed value differs from the stored one. */
function noteChanges(stored: object, columns: object, changed: Set<string>): void {
  const before = stored as Record<string, unknown>;
  const after = columns as Record<string, unknown>;
  for (const key of Object.keys(after)) {
    if (changed.has(key) || FOLLOWS_SEARCH_TEXT.includes(key)) continue;
    if (!sameValue(before[key], after[key])) {
      changed.add(key);
      if (key === 'searchText') for (const k of FOLLOWS_SEARCH_TEXT) changed.add(k);
    }
  }
}

/** Each order's live memos' dates: what the memo columns are computed from. */
async function memoDatesOf(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<(orderId: number) => Date[]> {
  const rows = await tx
    .select({ orderId: memos.orderId, createdAt: memos.createdAt })
    .from(memos)
    .where(and(eq(memos.shopId, shopId), inIds(memos.orderId, orderIds), isNull(memos.deletedAt)));
  const of = groupByOrder(rows);
  return (orderId) => of(orderId).map((m) => m.createdAt);
}

/**
 * After memos alone changed (added or deleted, by hand or in bulk): the memo columns, by the same
 * definition as the whole refresh, without reading and rewriting the rest of the order — a memo
 * changes nothing else, and a bulk memo job over thousands of orders would otherwise recompute and
 * rewrite every order's search columns. The version stays (a note conflicts with no one's change).
 */
export async function refreshMemoSummaries(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<void> {
  if (orderIds.length === 0) return;
  const datesOf = await memoDatesOf(tx, shopId, orderIds);
  const records = [...new Set(orderIds)].map((id) => {
    const { memoCount, lastMemoAt } = memoColumnsOf(datesOf(id).map((createdAt) => ({ createdAt })));
    return { id, memo_count: memoCount, last_memo_at: lastMemoAt?.toISOString() ?? null };
  });
  await tx.execute(sql`
    update orders as o set memo_count = v.memo_count, last_memo_at = v.last_memo_at
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(id bigint, memo_count integer, last_memo_at timestamptz)
    where o.shop_id = ${shopId} and o.id = v.id`);
}

/**
 * What the cache columns of each order should hold now, beside what the order row holds (but the
 * keyword index, which follows search_text): the refresh writes the difference, and tests compare.
 */
export async function computeCacheColumns(tx: Executor, shopId: number, orderIds: readonly number[]) {
  const rowsOf = await loadOrderRowsOf(tx, shopId, orderIds);
  const memoDates = await memoDatesOf(tx, shopId, [...rowsOf.keys()]);
  const customerIds = [...rowsOf.values()].flatMap((r) => (r.order.customerId === null ? [] : [r.order.customerId]));
  const memberNames = await memberNamesOf(tx, shopId, customerIds);
  const result = new Map<number, { stored: OrderRows['order']; columns: OrderSummary & ListColumns }>();
  for (const [orderId, rows] of rowsOf) {
    const memberName = rows.order.customerId === null ? null : (memberNames.get(rows.order.customerId) ?? null);
    result.set(orderId, { stored: rows.order, columns: cacheColumnsOf(rows, memoDates(orderId), memberName) });
  }
  return result;
}

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
): Promise<Map<number, Refreshed>> {
  const result = new Map<number, Refreshed>();
  if (orderIds.length === 0) return result;
  const computed = await computeCacheColumns(tx, shopId, orderIds);
  if (computed.size === 0) return result;
  const changed = new Set<string>();
  for (const { stored, columns } of computed.values()) noteChanges(stored, columns, changed);

  // Only the columns that changed for some order of the batch are written: a status move leaves
  // the keyword index as it was, and its arrays are most of a row's bytes to send and parse.
  const keys = [...changed];
  const column = (key: string) => {
    const c = ORDER_COLUMNS[key as keyof typeof ORDER_COLUMNS];
    if (!c) throw new Error(`the summary names ${key}, which orders does not have`);
    return c;
  };
  // jsonb_to_recordset matches keys to the record's column names: key the rows by column name
  const names = keys.map((k) => [k, column(k).name] as const);
  const byColumnName = [...computed].map(([id, { columns }]) => {
    const values = columns as unknown as Record<string, unknown>;
    return Object.fromEntries([['id', id], ...names.map(([k, name]) => [name, values[k]])]);
  });
  const recordType = sql.join([sql`id bigint`, ...keys.map((k) => sql`${sql.identifier(column(k).name)} ${sql.raw(column(k).getSQLType())}`)], sql`, `);
  const assignments: SQL[] = keys.map((k) => sql`${sql.identifier(column(k).name)} = v.${sql.identifier(column(k).name)}`);
  assignments.push(sql`version = o.version + 1`, sql`updated_at = ${now.toISOString()}::timestamptz`);
  const updated = await queryRows<{ id: number | string; version: number }>(
    tx,
    sql`update orders as o set ${sql.join(assignments, sql`, `)}
        from jsonb_to_recordset(${JSON.stringify(byColumnName)}::jsonb) as v(${recordType})
        where o.shop_id = ${shopId} and o.id = v.id
        returning o.id, o.version`,
  );
  for (const row of updated) {
    const id = Number(row.id);
    const summary = computed.get(id)?.columns;
    if (summary) result.set(id, { ...summary, version: Number(row.version) });
  }
  return result;
}
