import { and, eq, isNull } from 'drizzle-orm';
import type { OrderFilter, OrderSort } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import { normalizeSearchText } from '../src/domain/search-terms';
import type { Db } from '../src/server/db/client';
import { claimItems, claims, customers, memos, orderAddresses, orderItems, orders, payments, shipmentGroupItems, shipmentGroups } from '../src/server/db/schema/index';
import type { HttpClient } from './support/server';

/**
 * The brute-force side of the order-list tests: every order of a shop read from its own tables
 * (not from the cached list columns), and each filter condition evaluated in plain JavaScript from
 * the spec's words. The list API must select exactly what this selects.
 */
export interface OrderModel {
  order: typeof orders.$inferSelect;
  units: Set<string>;
  /** the reason codes of the order's claims, open or completed */
  claimReasons: Set<string>;
  firstPaymentMethod: string | null;
  memoTimes: Date[];
  memberName: string | null;
  postcodes: string[];
  recipients: Array<{ name: string; phone: string }>;
  productIds: number[];
  couriers: string[];
  trackingNumbers: string[];
}

const groupBy = <T extends { orderId: number }>(rows: T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.orderId, [...(map.get(r.orderId) ?? []), r]);
  return (id: number) => map.get(id) ?? [];
};

const str = (v: unknown, key: string): string | null => {
  const x = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : null;
  return typeof x === 'string' && x !== '' ? x : null;
};

export async function loadModels(db: Db, shopId: number): Promise<OrderModel[]> {
  const byShop = <T extends { shopId: unknown }>(t: T) => eq(t.shopId as typeof orders.shopId, shopId);
  const orderRows = await db.select().from(orders).where(byShop(orders));
  const addresses = groupBy(await db.select().from(orderAddresses).where(byShop(orderAddresses)).orderBy(orderAddresses.position));
  const items = groupBy(await db.select().from(orderItems).where(byShop(orderItems)));
  const groups = groupBy(await db.select().from(shipmentGroups).where(byShop(shipmentGroups)).orderBy(shipmentGroups.id));
  const groupItems = groupBy(await db.select().from(shipmentGroupItems).where(byShop(shipmentGroupItems)));
  const claimRows = groupBy(await db.select().from(claims).where(byShop(claims)));
  const claimItemRows = groupBy(await db.select().from(claimItems).where(byShop(claimItems)));
  const paymentRows = groupBy(await db.select().from(payments).where(byShop(payments)).orderBy(payments.id));
  const memoRows = groupBy(await db.select().from(memos).where(and(byShop(memos), isNull(memos.deletedAt))));
  const members = new Map((await db.select().from(customers).where(byShop(customers))).map((c) => [c.id, c.name]));
  return orderRows.map((order) => {
    const id = order.id;
    const units = new Set<string>();
    for (const gi of groupItems(id)) if (gi.quantity > 0) units.add(groups(id).find((g) => g.id === gi.shipmentGroupId)!.status);
    for (const ci of claimItemRows(id)) if (ci.quantity > 0) units.add(claimRows(id).find((c) => c.id === ci.claimId)!.status);
    return {
      order,
      units,
      claimReasons: new Set(claimRows(id).flatMap((c) => (c.reasonCode === null ? [] : [c.reasonCode]))),
      firstPaymentMethod: paymentRows(id)[0]?.method ?? null,
      memoTimes: memoRows(id).map((m) => m.createdAt),
      memberName: order.customerId === null ? null : (members.get(order.customerId) ?? null),
      postcodes: addresses(id).map((a) => a.postcode),
      recipients: addresses(id).map((a) => ({ name: a.recipientName, phone: a.recipientPhone })),
      productIds: items(id).flatMap((i) => (i.productId === null ? [] : [i.productId])),
      couriers: [...groups(id).map((g) => g.courier), ...claimRows(id).map((c) => str(c.reshipment, 'courier'))].filter((c): c is string => c !== null),
      trackingNumbers: [
        ...groups(id).map((g) => g.trackingNumber),
        ...claimRows(id).flatMap((c) => [str(c.pickup, 'trackingNumber'), str(c.reshipment, 'trackingNumber')]),
      ].filter((t): t is string => t !== null),
    };
  });
}

/** The Seoul calendar day of an instant, as text: periods compare days, not instants. */
export const seoulDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
const dayMinus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Postcode prefixes by province, written out again here on purpose (not imported). */
const PROVINCE_OF: Array<[number, number, string]> = [
  [1, 9, 'seoul'], [10, 18, 'gyeonggi'], [21, 23, 'incheon'], [24, 26, 'gangwon'], [27, 29, 'chungbuk'], [30, 30, 'sejong'], [31, 33, 'chungnam'],
  [34, 35, 'daejeon'], [36, 40, 'gyeongbuk'], [41, 43, 'daegu'], [44, 45, 'ulsan'], [46, 49, 'busan'], [50, 53, 'gyeongnam'], [54, 56, 'jeonbuk'],
  [57, 60, 'jeonnam'], [61, 62, 'gwangju'], [63, 63, 'jeju'],
];
const ISLANDS: Array<[number, number]> = [[40200, 40240], [23004, 23010], [23100, 23116], [23124, 23136], [58800, 58866], [58953, 58958], [53031, 53033], [53089, 53104]];
export function regionsOf(postcode: string): string[] {
  const n = Number(postcode);
  const province = PROVINCE_OF.find(([a, b]) => Math.floor(n / 1000) >= a && Math.floor(n / 1000) <= b)?.[2];
  return [...(province ? [province] : []), ...(ISLANDS.some(([a, b]) => n >= a && n <= b) ? ['island'] : [])];
}

const PERIOD_DATE: Record<string, (m: OrderModel) => Date | null> = {
  ordered: (m) => m.order.orderedAt,
  paid: (m) => m.order.paidAt,
  shipped: (m) => m.order.shippedAt,
  delivered: (m) => m.order.deliveredAt,
  cancel_requested: (m) => m.order.cancelRequestedAt,
  return_requested: (m) => m.order.returnRequestedAt,
  memo_written: (m) => (m.memoTimes.length ? new Date(Math.max(...m.memoTimes.map((t) => t.getTime()))) : null),
};

function keywordMatches(m: OrderModel, keyword: string): boolean {
  const raw = keyword.trim();
  if (raw.length >= 8 && m.order.orderNumber.startsWith(raw)) return true;
  const k = normalizeSearchText(raw);
  if (!k) return false;
  const fields = [m.order.ordererName, m.memberName, m.order.ordererEmail, m.order.ordererPhone, ...m.recipients.flatMap((r) => [r.name, r.phone]), ...m.trackingNumbers];
  return fields.some((f) => f !== null && normalizeSearchText(f).includes(k));
}

const any = <T>(values: readonly T[] | undefined, test: (v: T) => boolean) => !values || values.length === 0 || values.some(test);

/** The filter spec evaluated from the order's rows, condition by condition. */
export function expectedMatch(m: OrderModel, f: OrderFilter, now: Date): boolean {
  const o = m.order;
  const today = seoulDay(now);
  if (!any(f.unitStatuses, (s) => m.units.has(s)) || !any(f.claimStatuses, (s) => m.units.has(s))) return false;
  if (!any(f.claimReasons, (r) => m.claimReasons.has(r))) return false;
  if (!any(f.orderStatuses, (s) => o.orderStatus === s) || !any(f.paymentStatuses, (s) => o.paymentStatus === s)) return false;
  if (!any(f.channels, (c) => (c === 'external' ? o.channel !== 'own_mall' : o.channel === c))) return false;
  if (f.memberType && (o.customerId !== null) !== (f.memberType === 'member')) return false;
  if (!any(f.paymentMethods, (p) => m.firstPaymentMethod === p)) return false;
  if (f.period) {
    const date = PERIOD_DATE[f.period.field]!(m);
    if (!date) return false;
    const day = seoulDay(date);
    const from = f.period.lastDays ? dayMinus(today, f.period.lastDays - 1) : f.period.from;
    const to = f.period.lastDays ? today : f.period.to;
    if ((from && day < from) || (to && day > to)) return false;
  }
  if (f.amount?.min !== undefined && o.totalAmount < f.amount.min) return false;
  if (f.amount?.max !== undefined && o.totalAmount > f.amount.max) return false;
  if (f.shippingDelayDays !== undefined) {
    const waiting = ['paid', 'preparing', 'ready_to_ship'].some((s) => m.units.has(s));
    if (!waiting || !o.paidAt || seoulDay(o.paidAt) > dayMinus(today, f.shippingDelayDays)) return false;
  }
  if (f.hasMemo !== undefined && (m.memoTimes.length > 0) !== f.hasMemo) return false;
  if (!any(f.couriers, (c) => m.couriers.includes(c)) || !any(f.productIds, (p) => m.productIds.includes(p))) return false;
  if (!any(f.regions, (r) => m.postcodes.some((p) => regionsOf(p).includes(r)))) return false;
  return !f.keyword?.trim() || keywordMatches(m, f.keyword);
}

/** Every page of a search through the API, in the order the API gave them. */
export async function searchAll(client: HttpClient, filter: OrderFilter, sort?: OrderSort, limit = 50): Promise<{ ids: number[]; totals: number[]; pages: number }> {
  const ids: number[] = [];
  const totals: number[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const res = await client.post<OrderListResponse>('/api/v1/orders/search', { filter, ...(sort ? { sort } : {}), limit, ...(cursor ? { cursor } : {}) });
    if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.items.map((i) => i.id));
    totals.push(res.body.total!);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { ids, totals, pages };
}
