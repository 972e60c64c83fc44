import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, type OrderSort, type OrderSortField } from '../../contracts/order-filter';
import { orders } from '../db/schema/index';
import { AppError } from '../http/errors';
import { isUsableText } from '../http/input-guard';

/**
 * Sorting with keyset paging: the page after a cursor is `(key, id) < (cursor key, cursor id)`
 * (`>` ascending), one row comparison an index on (shop_id, key, id) serves as a range — no
 * OFFSET, so the 1,000th page costs what the first does, and rows inserted meanwhile neither
 * repeat nor vanish.
 *
 * Every key is non-null: a date that may be missing is coalesced to ±infinity so that orders
 * without it come last in both directions, and the keyset stays one comparison. Statuses sort by
 * their place in the workflow. `shape` is the direction of the index that serves the key
 * ('desc' = DESC NULLS LAST): a btree serves ORDER BY only with matching NULLS placement, so the
 * NULLS clause (meaningless for non-null keys) is chosen to match it, forward or backward.
 */
interface SortSpec {
  key: (direction: OrderSort['direction']) => SQL;
  type: 'timestamptz' | 'text' | 'bigint';
  shape: 'asc' | 'desc';
}

const column = (c: AnyPgColumn) => () => sql`${c}`;
const missingLast = (c: AnyPgColumn) => (direction: OrderSort['direction']) =>
  direction === 'desc' ? sql`coalesce(${c}, '-infinity'::timestamptz)` : sql`coalesce(${c}, 'infinity'::timestamptz)`;
const workflow = (c: AnyPgColumn, values: readonly string[]) => () =>
  sql`coalesce(array_position(${sql.raw(`'{${values.join(',')}}'::text[]`)}, ${c}), 0)::int8`;

const SORTS: Record<OrderSortField, SortSpec> = {
  orderedAt: { key: column(orders.orderedAt), type: 'timestamptz', shape: 'desc' },
  // orders_number_key (shop_id, order_number) is ascending
  orderNumber: { key: column(orders.orderNumber), type: 'text', shape: 'asc' },
  ordererName: { key: column(orders.ordererName), type: 'text', shape: 'asc' },
  channel: { key: column(orders.channel), type: 'text', shape: 'asc' },
  totalAmount: { key: column(orders.totalAmount), type: 'bigint', shape: 'desc' },
  paidAmount: { key: column(orders.paidAmount), type: 'bigint', shape: 'desc' },
  balanceDue: { key: column(orders.balanceDue), type: 'bigint', shape: 'desc' },
  // orders_awaiting_shipment_idx is on coalesce(paid_at, 'infinity') ASC: oldest payment first
  paidAt: { key: missingLast(orders.paidAt), type: 'timestamptz', shape: 'asc' },
  shippedAt: { key: missingLast(orders.shippedAt), type: 'timestamptz', shape: 'desc' },
  deliveredAt: { key: missingLast(orders.deliveredAt), type: 'timestamptz', shape: 'desc' },
  orderStatus: { key: workflow(orders.orderStatus, ORDER_STATUS_VALUES), type: 'bigint', shape: 'asc' },
  paymentStatus: { key: workflow(orders.paymentStatus, PAYMENT_STATUS_VALUES), type: 'bigint', shape: 'asc' },
  memoCount: { key: column(orders.memoCount), type: 'bigint', shape: 'desc' },
  // orders_last_memo_idx is on coalesce(last_memo_at, '-infinity') DESC
  lastMemoAt: { key: missingLast(orders.lastMemoAt), type: 'timestamptz', shape: 'desc' },
};

export function sortKeyOf(sort: OrderSort): SQL {
  return SORTS[sort.field].key(sort.direction);
}

export function orderByOf(sort: OrderSort): SQL {
  const spec = SORTS[sort.field];
  const nulls = (spec.shape === 'desc') === (sort.direction === 'desc') ? 'nulls last' : 'nulls first';
  const clause = sql.raw(`${sort.direction} ${nulls}`);
  return sql`${spec.key(sort.direction)} ${clause}, ${orders.id} ${clause}`;
}

export interface Cursor {
  /** the sort key of the last row as PostgreSQL prints it (exact to the microsecond) */
  key: string;
  id: number;
}

interface CursorBody {
  f: OrderSortField;
  d: OrderSort['direction'];
  k: string;
  i: number;
}

/** Opaque to clients; it names its sort so that a cursor is never applied to another one. */
export function encodeCursor(sort: OrderSort, cursor: Cursor): string {
  const body: CursorBody = { f: sort.field, d: sort.direction, k: cursor.key, i: cursor.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(value: string, sort: OrderSort): Cursor {
  let body: Partial<CursorBody> = {};
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString()) as Partial<CursorBody>;
  } catch {
    // falls through to the refusal below
  }
  if (body.f !== sort.field || body.d !== sort.direction || typeof body.k !== 'string' || !Number.isSafeInteger(body.i) || !validKey(SORTS[sort.field].type, body.k)) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of this sort' });
  }
  return { key: body.k, id: body.i as number };
}

/**
 * PostgreSQL's own output only (ISO DateStyle): a cursor never reaches SQL as something to interpret.
 * A forged one must not make the cast fail either: a real calendar time (no 30 February), a year
 * the contracts accept, an offset PostgreSQL knows, and a bigint in range.
 */
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d){0,2}$/;
const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;
function validTimestamp(key: string): boolean {
  const [, day = '', clock = ''] = TIMESTAMP.exec(key) ?? [];
  if (day < '1000-01-01') return false;
  const local = `${day}T${clock}`;
  const time = Date.parse(`${local}Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(local);
}
function validKey(type: SortSpec['type'], key: string): boolean {
  if (type === 'bigint') return /^-?\d{1,19}$/.test(key) && BigInt(key) >= INT8_MIN && BigInt(key) <= INT8_MAX;
  if (type === 'timestamptz') return key === 'infinity' || key === '-infinity' || validTimestamp(key);
  return key.length <= 500 && isUsableText(key);
}

/** The rows after `cursor` in `sort` order. */
export function afterCursor(sort: OrderSort, cursor: Cursor): SQL {
  const spec = SORTS[sort.field];
  const op = sql.raw(sort.direction === 'desc' ? '<' : '>');
  return sql`(${spec.key(sort.direction)}, ${orders.id}) ${op} (cast(${cursor.key} as ${sql.raw(spec.type)}), ${cursor.id})`;
}
