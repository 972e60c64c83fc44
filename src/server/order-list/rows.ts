import { sql } from 'drizzle-orm';
import { CHANNEL_LABELS } from '../../contracts/order-filter';
import type { OrderListItem } from '../../contracts/order-list';
import { fullAddress } from '../../domain/courier-export-formats';
import { courierLabel } from '../../domain/couriers';
import { itemSummaryIn } from '../../domain/item-summary';
import { PAYMENT_STATUS_LABELS, type PaymentStatus } from '../../domain/ledger';
import { ORDER_STATUS_LABELS, qualifiedStatusLabel, UNIT_STATUSES, type OrderStatus, type UnitStatus } from '../../domain/status';
import { queryRows, type Executor } from '../db/client';
import { orderAddresses, orderItems, orders, shipmentGroups } from '../db/schema/index';
import type { Lang } from '../http/errors';
import { PAYMENT_METHOD_LABELS } from '../../domain/payment-methods';
import { labelOf } from '../payments/summary/labels';
import { maskListItem } from '../orders/personal-masking';
import { shippingDelayDaysOf } from './shipping-delay';
import { bigintArray } from './sql-arrays';

/** The `orders` columns a list row shows (never the search columns, which are only for finding). */
export const LIST_ROW_COLUMNS = {
  id: orders.id,
  version: orders.version,
  orderNumber: orders.orderNumber,
  orderedAt: orders.orderedAt,
  channel: orders.channel,
  ordererName: orders.ordererName,
  ordererPhone: orders.ordererPhone,
  ordererEmail: orders.ordererEmail,
  customerId: orders.customerId,
  gradeName: orders.gradeName,
  itemSummary: orders.itemSummary,
  itemCount: orders.itemCount,
  orderStatus: orders.orderStatus,
  paymentStatus: orders.paymentStatus,
  unitStatuses: orders.unitStatuses,
  paymentMethod: orders.paymentMethod,
  totalAmount: orders.totalAmount,
  paidAmount: orders.paidAmount,
  refundedAmount: orders.refundedAmount,
  balanceDue: orders.balanceDue,
  paidAt: orders.paidAt,
  shippedAt: orders.shippedAt,
  memoCount: orders.memoCount,
  lastMemoAt: orders.lastMemoAt,
};

export type ListRow = Pick<typeof orders.$inferSelect, keyof typeof LIST_ROW_COLUMNS>;

const isUnitStatus = (s: string): s is UnitStatus => (UNIT_STATUSES as readonly string[]).includes(s);

/** What a list row shows from other tables than `orders` (pageExtras reads them for a page). */
export interface ListExtras {
  order_id: unknown;
  recipient_name: string | null;
  recipient_phone: string | null;
  postcode: string | null;
  address1: string | null;
  address2: string | null;
  delivery_note: string | null;
  address_count: unknown;
  quantity: unknown;
  courier: string | null;
  tracking_number: string | null;
}

/**
 * What the page's rows need from other tables — the first recipient, the number of addresses,
 * the units ordered, the first tracked parcel — in one round trip of indexed lookups per page id
 * (at most 200), whatever the size of the shop. Joined after the page is cut, never inside the
 * page query, where a sorted plan would evaluate them for every matching order.
 */
async function pageExtras(db: Executor, shopId: number, ids: number[]): Promise<Map<number, ListExtras>> {
  const rows = await queryRows<ListExtras & Record<string, unknown>>(db, sql`
    select x.id as order_id, a.recipient_name, a.recipient_phone, a.postcode, a.address1, a.address2, a.delivery_note,
           coalesce(a.address_count, 0) as address_count,
           coalesce(q.quantity, 0) as quantity, p.courier, p.tracking_number
    from unnest(${bigintArray(ids)}) as x(id)
    left join lateral (
      select recipient_name, recipient_phone, postcode, address1, address2, delivery_note, count(*) over () as address_count from ${orderAddresses}
      where shop_id = ${shopId} and order_id = x.id order by position limit 1) a on true
    left join lateral (select sum(quantity) as quantity from ${orderItems} where shop_id = ${shopId} and order_id = x.id) q on true
    left join lateral (
      select courier, tracking_number from ${shipmentGroups}
      where shop_id = ${shopId} and order_id = x.id and tracking_number is not null order by id limit 1) p on true`);
  return new Map(rows.map((r) => [Number(r.order_id), r]));
}

/**
 * The rows as the list shows them; `now` is the request's "today" (배송지연 days). Personal data
 * comes masked (lists never show it); only an export by someone allowed, and recorded, asks for it shown.
 */
export async function toListItems(db: Executor, shopId: number, rows: readonly ListRow[], lang: Lang, now: Date, personal: 'masked' | 'shown' = 'masked'): Promise<OrderListItem[]> {
  if (rows.length === 0) return [];
  const extras = await pageExtras(db, shopId, rows.map((r) => r.id));
  return rows.map((o) => listItemOf(o, extras.get(o.id), lang, now, personal));
}

/** One list row from its `orders` columns and its extras: the list's and the export's mapping. */
export function listItemOf(o: ListRow, x: ListExtras | undefined, lang: Lang, now: Date, personal: 'masked' | 'shown'): OrderListItem {
  const item: OrderListItem = {
    id: o.id,
    version: o.version,
    orderNumber: o.orderNumber,
    orderedAt: o.orderedAt.toISOString(),
    channel: o.channel,
    channelLabel: labelOf(CHANNEL_LABELS, o.channel, lang),
    ordererName: o.ordererName,
    ordererPhone: o.ordererPhone,
    ordererEmail: o.ordererEmail,
    isMember: o.customerId !== null,
    customerId: o.customerId,
    gradeName: o.gradeName,
    recipientName: x?.recipient_name ?? null,
    recipientPhone: x?.recipient_phone ?? null,
    recipientPostcode: x?.postcode ?? null,
    recipientAddress: x?.address1 ? fullAddress(x.address1, x.address2 ?? '') : null,
    deliveryMemo: x?.delivery_note?.trim() ? x.delivery_note.trim() : null,
    addressCount: Number(x?.address_count ?? 0),
    itemSummary: itemSummaryIn(o.itemSummary, o.itemCount, lang),
    itemCount: o.itemCount,
    quantity: Number(x?.quantity ?? 0),
    orderStatus: o.orderStatus,
    orderStatusLabel: ORDER_STATUS_LABELS[o.orderStatus as OrderStatus]?.[lang] ?? o.orderStatus,
    paymentStatus: o.paymentStatus,
    paymentStatusLabel: PAYMENT_STATUS_LABELS[o.paymentStatus as PaymentStatus]?.[lang] ?? o.paymentStatus,
    unitStatuses: o.unitStatuses.map((status) => ({ status, label: isUnitStatus(status) ? qualifiedStatusLabel(status, lang) : status })),
    paymentMethod: o.paymentMethod,
    paymentMethodLabel: o.paymentMethod === null ? null : labelOf(PAYMENT_METHOD_LABELS, o.paymentMethod, lang),
    totalAmount: o.totalAmount,
    paidAmount: o.paidAmount,
    refundedAmount: o.refundedAmount,
    balanceDue: o.balanceDue,
    courier: x?.courier ?? null,
    courierLabel: x?.courier ? courierLabel(x.courier, lang) : null,
    trackingNumber: x?.tracking_number ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    memoCount: o.memoCount,
    lastMemoAt: o.lastMemoAt?.toISOString() ?? null,
    shippingDelayDays: shippingDelayDaysOf(o, now),
  };
  return personal === 'shown' ? item : maskListItem(item, x?.address1 ?? null);
}
