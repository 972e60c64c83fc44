import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { OrderFilter, OrderPeriod, OrderSort } from '../../contracts/order-filter';
import { UNIT_STATUSES, type UnitStatus } from '../../domain/status';
import { queryRows, type Executor } from '../db/client';
import { claimItems, claims, orderItems, orders, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { whereOf } from '../order-list/queries';
import { LIST_ROW_COLUMNS, type ListRow } from '../order-list/rows';
import { orderByOf } from '../order-list/sort';
import { bigintArray } from '../order-list/sql-arrays';
import type { ExportItem } from './workbook-columns';

/** Which orders an export reads: a filter (and a period on top), or chosen ids. */
export interface ExportSelection {
  filter: OrderFilter;
  period?: OrderPeriod | undefined;
  orderIds?: readonly number[] | undefined;
  sort: OrderSort;
  /** A further condition ANDed on (the shipping export's: orders with units ready to go out). */
  also?: OrderFilter | undefined;
}

/**
 * The orders' condition, built only from whereOf: the export selects exactly what the list,
 * the tab counts and the bulk jobs select. A period is a second whereOf ANDed on, so a tab's own
 * period (최근 30일) and the period picked for the download both hold.
 */
function selectionWhere(shopId: number, selection: ExportSelection, now: Date): SQL {
  return and(
    whereOf(shopId, selection.filter, now),
    selection.period ? whereOf(shopId, { period: selection.period }, now) : undefined,
    selection.also ? whereOf(shopId, selection.also, now) : undefined,
    selection.orderIds ? sql`${orders.id} = any(${bigintArray([...selection.orderIds])})` : undefined,
  ) as SQL;
}

/**
 * Every matching order id in the export's sort order, read once: the filter is evaluated one time
 * for the whole file (the orders matching when the export started, none twice or lost when a
 * sort key changes meanwhile), as one short text (7 bytes an order) rather than a row per order.
 */
export async function orderIdsInOrder(db: Executor, shopId: number, selection: ExportSelection, now: Date): Promise<number[]> {
  const [row] = await queryRows<{ ids: string | null }>(
    db,
    sql`select string_agg(${orders.id}::text, ',' order by ${orderByOf(selection.sort)}) as ids from ${orders} where ${selectionWhere(shopId, selection, now)}`,
  );
  return row?.ids ? row.ids.split(',').map(Number) : [];
}

/**
 * The list rows of a page of ids, in the ids' order, one primary-key lookup each. Written as a
 * lateral join over the ids (LIMIT 1 keeps the planner from flattening it) because `id = any(…)`
 * is planned from statistics, and a database nobody has analyzed yet — a fresh PGlite, a server
 * without autovacuum — plans it as a scan of the shop's every order, for every page.
 */
export async function readOrderRows(db: Executor, shopId: number, ids: readonly number[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  const o = db.select(LIST_ROW_COLUMNS).from(orders).where(and(eq(orders.shopId, shopId), sql`${orders.id} = x.id`)).limit(1).as('o');
  const columns = Object.fromEntries(Object.keys(LIST_ROW_COLUMNS).map((key) => [key, o[key as keyof typeof LIST_ROW_COLUMNS]])) as typeof o._.selectedFields;
  return db
    .select(columns)
    .from(sql`unnest(${bigintArray([...ids])}) with ordinality as x(id, n)`)
    .innerJoinLateral(o, sql`true`)
    .orderBy(sql`x.n`);
}

interface ItemRow extends Record<string, unknown> {
  order_id: unknown;
  id: unknown;
  product_name: string;
  option_name: string | null;
  quantity: unknown;
  unit_price: unknown;
  units: unknown;
  courier: string | null;
  tracking_number: string | null;
}

const isUnitStatus = (s: unknown): s is UnitStatus => typeof s === 'string' && (UNIT_STATUSES as readonly string[]).includes(s);

/** json comes back parsed from both drivers; text in case a driver leaves it as a string. */
function unitsOf(value: unknown): ExportItem['units'] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((pair: unknown) => (Array.isArray(pair) && isUnitStatus(pair[0]) ? [{ status: pair[0], quantity: Number(pair[1]) }] : []));
}

/**
 * The items of a page of orders, in one query: each item with its units by status (shipment
 * groups and claims hold them) and its first tracked parcel. Driven by the page's ids like the
 * rows (OFFSET 0 is the fence here), every lookup goes through a (shop_id, order_id) index, a
 * few rows per item, whatever the statistics say.
 */
export async function readPageItems(db: Executor, shopId: number, orderIds: readonly number[]): Promise<Map<number, ExportItem[]>> {
  const byOrder = new Map<number, ExportItem[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await queryRows<ItemRow>(db, sql`
    select i.order_id, i.id, i.product_name, i.option_name, i.quantity, i.unit_price, u.units, p.courier, p.tracking_number
    from unnest(${bigintArray([...orderIds])}) with ordinality as x(order_id, n)
    join lateral (
      select * from ${orderItems} where shop_id = ${shopId} and order_id = x.order_id order by position, id offset 0) i on true
    left join lateral (
      select json_agg(json_build_array(x.status, x.quantity)) as units from (
        select g.status, gi.quantity from ${shipmentGroupItems} gi
          join ${shipmentGroups} g on g.shop_id = gi.shop_id and g.id = gi.shipment_group_id
          where gi.shop_id = i.shop_id and gi.order_id = i.order_id and gi.item_id = i.id
        union all
        select c.status, ci.quantity from ${claimItems} ci
          join ${claims} c on c.shop_id = ci.shop_id and c.id = ci.claim_id
          where ci.shop_id = i.shop_id and ci.order_id = i.order_id and ci.item_id = i.id) x) u on true
    left join lateral (
      select g.courier, g.tracking_number from ${shipmentGroupItems} gi
        join ${shipmentGroups} g on g.shop_id = gi.shop_id and g.id = gi.shipment_group_id
        where gi.shop_id = i.shop_id and gi.order_id = i.order_id and gi.item_id = i.id and g.tracking_number is not null
        order by g.id limit 1) p on true
    order by x.n, i.position, i.id`);
  for (const r of rows) {
    const orderId = Number(r.order_id);
    const item: ExportItem = {
      id: Number(r.id),
      productName: r.product_name,
      optionName: r.option_name,
      quantity: Number(r.quantity),
      unitPrice: Number(r.unit_price),
      units: unitsOf(r.units),
      courier: r.courier,
      trackingNumber: r.tracking_number,
    };
    const list = byOrder.get(orderId);
    if (list) list.push(item);
    else byOrder.set(orderId, [item]);
  }
  return byOrder;
}
