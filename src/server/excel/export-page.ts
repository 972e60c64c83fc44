import { sql, type SQL } from 'drizzle-orm';
import type { OrderListItem } from '../../contracts/order-list';
import { UNIT_STATUSES, type UnitStatus } from '../../domain/status';
import { queryRows, type Executor } from '../db/client';
import type { Lang } from '../http/errors';
import { LIST_ROW_COLUMNS, listItemOf, type ListExtras, type ListRow } from '../order-list/rows';
import { bigintArray } from '../order-list/sql-arrays';
import type { ExportItem } from './workbook-columns';

/**
 * A page of an export read as four JSON texts — the orders with their first address and count,
 * their items, their parcels (shipment groups with the items in each) and their claimed units —
 * each one row of one text column. Built this way for where the page is read: on PGlite the
 * server's main thread runs the queries (the database lives there), and one text per query is
 * all it then handles; parsing it and making the rows is the worker's (pageFromText). Every
 * lookup is by order, through a (shop_id, order_id) index, driven by the page's ids in order
 * (OFFSET 0 keeps the planner from flattening the laterals into scans of whole tables); the
 * list's per-item lookups of units and parcels (three a item) were 70% of the time before.
 */
export interface PageText {
  orders: string | null;
  items: string | null;
  parcels: string | null;
  claims: string | null;
}

export interface Page {
  orders: OrderListItem[];
  items: Map<number, ExportItem[]>;
}

type ListKey = keyof typeof LIST_ROW_COLUMNS;
const LIST_KEYS = Object.keys(LIST_ROW_COLUMNS) as ListKey[];
/** Where each list column is in an order's JSON array; the extras follow them. */
const AT = Object.fromEntries(LIST_KEYS.map((k, i) => [k, i])) as Record<ListKey, number>;
const EXTRA = LIST_KEYS.length;
const listColumns = sql.join(
  LIST_KEYS.map((k) => sql.raw(`o.${LIST_ROW_COLUMNS[k].name}`)),
  sql`, `,
);

/**
 * An order's JSON array as the driver would have made its row: timestamps (JSON text) as Dates.
 * A literal object, not one built key by key: V8 gives it a fixed shape, which listItemOf reads
 * 100,000 times (built key by key it was ~30 µs an order).
 */
function listRowOf(v: readonly unknown[]): ListRow {
  const text = (key: ListKey) => v[AT[key]] as string;
  const number = (key: ListKey) => v[AT[key]] as number;
  const orNull = <T>(value: unknown) => (value === null ? null : (value as T));
  const date = (key: ListKey) => (v[AT[key]] === null ? null : new Date(v[AT[key]] as string));
  return {
    id: number('id'),
    version: number('version'),
    orderNumber: text('orderNumber'),
    orderedAt: new Date(text('orderedAt')),
    channel: text('channel'),
    ordererName: text('ordererName'),
    ordererPhone: text('ordererPhone'),
    ordererEmail: orNull<string>(v[AT.ordererEmail]),
    customerId: orNull<number>(v[AT.customerId]),
    gradeName: orNull<string>(v[AT.gradeName]),
    itemSummary: text('itemSummary'),
    itemCount: number('itemCount'),
    orderStatus: text('orderStatus'),
    paymentStatus: text('paymentStatus'),
    unitStatuses: v[AT.unitStatuses] as string[],
    paymentMethod: orNull<string>(v[AT.paymentMethod]),
    totalAmount: number('totalAmount'),
    paidAmount: number('paidAmount'),
    refundedAmount: number('refundedAmount'),
    balanceDue: number('balanceDue'),
    paidAt: date('paidAt'),
    shippedAt: date('shippedAt'),
    memoCount: number('memoCount'),
    lastMemoAt: date('lastMemoAt'),
  };
}

function pageQueries(shopId: number, ids: readonly number[]): Record<keyof PageText, SQL> {
  const x = sql`unnest(${bigintArray([...ids])}) with ordinality as x(id, n)`;
  return {
    orders: sql`select (select json_agg(json_build_array(${listColumns}, a.recipient_name, a.recipient_phone, a.postcode, a.address1, a.address2, a.delivery_note, a.address_count) order by x.n)
      from ${x}
      join lateral (select * from orders where shop_id = ${shopId} and id = x.id limit 1) o on true
      left join lateral (
        select recipient_name, recipient_phone, postcode, address1, address2, delivery_note, count(*) over () as address_count from order_addresses
        where shop_id = ${shopId} and order_id = x.id order by position limit 1) a on true)::text as j`,
    items: sql`select (select json_agg(json_build_array(i.order_id, i.id, i.product_name, i.option_name, i.quantity, i.unit_price) order by x.n, i.position, i.id)
      from ${x} join lateral (select * from order_items where shop_id = ${shopId} and order_id = x.id offset 0) i on true)::text as j`,
    parcels: sql`select (select json_agg(json_build_array(g.order_id, g.id, g.courier, g.tracking_number, g.status, g.item_id, g.quantity))
      from ${x} join lateral (
        select g.order_id, g.id, g.courier, g.tracking_number, g.status, gi.item_id, gi.quantity from shipment_groups g
        left join shipment_group_items gi on gi.shop_id = g.shop_id and gi.shipment_group_id = g.id
        where g.shop_id = ${shopId} and g.order_id = x.id offset 0) g on true)::text as j`,
    claims: sql`select (select json_agg(json_build_array(c.item_id, c.status, c.quantity))
      from ${x} join lateral (
        select ci.item_id, c.status, ci.quantity from claim_items ci join claims c on c.shop_id = ci.shop_id and c.id = ci.claim_id
        where ci.shop_id = ${shopId} and ci.order_id = x.id offset 0) c on true)::text as j`,
  };
}

/**
 * The page's four texts. Without `pause` the four queries go at once (PostgreSQL: four pooled
 * connections, the server's cores in parallel). With it they go one after another, and `pause`
 * runs after each with how long it took (PGlite: its main thread leaves the database to other
 * requests for a while).
 */
export async function readPageText(db: Executor, shopId: number, ids: readonly number[], pause?: (queryMs: number) => Promise<void>): Promise<PageText> {
  const text: PageText = { orders: null, items: null, parcels: null, claims: null };
  if (ids.length === 0) return text;
  const queries = pageQueries(shopId, ids);
  const keys = ['orders', 'items', 'parcels', 'claims'] as const;
  const run = async (key: (typeof keys)[number]) => {
    const [row] = await queryRows<{ j: string | null }>(db, queries[key]);
    text[key] = row?.j ?? null;
  };
  if (!pause) {
    await Promise.all(keys.map(run));
    return text;
  }
  for (const key of keys) {
    const started = performance.now();
    await run(key);
    await pause(performance.now() - started);
  }
  return text;
}

const isUnitStatus = (s: unknown): s is UnitStatus => typeof s === 'string' && (UNIT_STATUSES as readonly string[]).includes(s);
const rowsOf = (text: string | null): unknown[][] => (text ? (JSON.parse(text) as unknown[][]) : []);
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The parcel of the lowest id with a tracking number, if any. */
interface Parcel {
  id: number;
  courier: string | null;
  trackingNumber: string;
}
const earlier = (a: Parcel | undefined, b: Parcel): Parcel => (a && a.id < b.id ? a : b);

/** The rows of a page, as the list shows them (listItemOf), with their items: what readPageAt answered before. */
export function pageFromText(text: PageText, lang: Lang, now: Date, personal: 'masked' | 'shown'): Page {
  const orderParcel = new Map<number, Parcel>();
  const itemParcel = new Map<number, Parcel>();
  const units = new Map<number, ExportItem['units']>();
  const addUnits = (itemId: number, status: unknown, quantity: unknown) => {
    if (!isUnitStatus(status)) return;
    const list = units.get(itemId);
    const unit = { status, quantity: Number(quantity) };
    if (list) list.push(unit);
    else units.set(itemId, [unit]);
  };
  for (const [orderId, groupId, courier, tracking, status, itemId, quantity] of rowsOf(text.parcels)) {
    const parcel = tracking === null ? null : { id: Number(groupId), courier: textOrNull(courier), trackingNumber: String(tracking) };
    if (parcel) orderParcel.set(Number(orderId), earlier(orderParcel.get(Number(orderId)), parcel));
    if (itemId === null) continue;
    addUnits(Number(itemId), status, quantity);
    if (parcel) itemParcel.set(Number(itemId), earlier(itemParcel.get(Number(itemId)), parcel));
  }
  for (const [itemId, status, quantity] of rowsOf(text.claims)) addUnits(Number(itemId), status, quantity);

  const items = new Map<number, ExportItem[]>();
  const quantities = new Map<number, number>();
  for (const [orderId, id, productName, optionName, quantity, unitPrice] of rowsOf(text.items)) {
    const order = Number(orderId);
    const parcel = itemParcel.get(Number(id));
    const item: ExportItem = {
      id: Number(id),
      productName: String(productName),
      optionName: textOrNull(optionName),
      quantity: Number(quantity),
      unitPrice: Number(unitPrice),
      units: units.get(Number(id)) ?? [],
      courier: parcel?.courier ?? null,
      trackingNumber: parcel?.trackingNumber ?? null,
    };
    quantities.set(order, (quantities.get(order) ?? 0) + item.quantity);
    const list = items.get(order);
    if (list) list.push(item);
    else items.set(order, [item]);
  }

  const orders = rowsOf(text.orders).map((v) => {
    const row = listRowOf(v);
    const parcel = orderParcel.get(row.id);
    const extras: ListExtras = {
      order_id: row.id,
      recipient_name: textOrNull(v[EXTRA]),
      recipient_phone: textOrNull(v[EXTRA + 1]),
      postcode: textOrNull(v[EXTRA + 2]),
      address1: textOrNull(v[EXTRA + 3]),
      address2: textOrNull(v[EXTRA + 4]),
      delivery_note: textOrNull(v[EXTRA + 5]),
      address_count: v[EXTRA + 6] ?? 0,
      quantity: quantities.get(row.id) ?? 0,
      courier: parcel?.courier ?? null,
      tracking_number: parcel?.trackingNumber ?? null,
    };
    return listItemOf(row, extras, lang, now, personal);
  });
  return { orders, items };
}

/** A page read and made in one place (a streamed export, or the worker on PostgreSQL). */
export async function readPageAt(db: Executor, shopId: number, ids: readonly number[], lang: Lang, now: Date, personal: 'masked' | 'shown'): Promise<Page> {
  return pageFromText(await readPageText(db, shopId, ids), lang, now, personal);
}
