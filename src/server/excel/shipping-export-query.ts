import { sql } from 'drizzle-orm';
import { EXPORTABLE_PARCEL_STATUSES } from '../../contracts/shipping-export';
import type { ExportParcel, ParcelItem } from '../../domain/courier-export-formats';
import { seoulMinute } from '../../domain/spreadsheet-values';
import { queryRows, type Executor } from '../db/client';
import { orderAddresses, orderItems, orders, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { bigintArray, textArray } from '../order-list/sql-arrays';

interface ParcelRow extends Record<string, unknown> {
  parcel_id: unknown;
  order_number: string;
  ordered_ms: unknown;
  orderer_name: string;
  orderer_phone: string;
  recipient_name: string;
  recipient_phone: string;
  postcode: string;
  address1: string;
  address2: string;
  delivery_note: string | null;
  items: unknown;
}

/** json comes back parsed from both drivers; text in case a driver leaves it as a string. */
function itemsOf(value: unknown): ParcelItem[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown) => {
    if (!Array.isArray(entry)) return [];
    const [itemId, productName, optionName, quantity] = entry as [unknown, unknown, unknown, unknown];
    return [{ itemId: Number(itemId), productName: String(productName), optionName: typeof optionName === 'string' && optionName !== '' ? optionName : null, quantity: Number(quantity) }];
  });
}

/**
 * The parcels of a page of orders, in the orders' order, then by address position and group id:
 * every shipment group whose units are 결제완료, 상품준비중 or 배송대기 and not held for an
 * additional payment, with its address, its order's numbers and its items. Driven by the page's
 * ids through (shop_id, order_id) indexes, like the order export's item query.
 */
export async function readPageParcels(db: Executor, shopId: number, orderIds: readonly number[]): Promise<ExportParcel[]> {
  if (orderIds.length === 0) return [];
  const rows = await queryRows<ParcelRow>(db, sql`
    select g.id as parcel_id, o.order_number, (extract(epoch from o.ordered_at) * 1000)::float8 as ordered_ms, o.orderer_name, o.orderer_phone,
           a.recipient_name, a.recipient_phone, a.postcode, a.address1, a.address2, a.delivery_note, it.items
    from unnest(${bigintArray([...orderIds])}) with ordinality as x(order_id, n)
    join ${orders} o on o.shop_id = ${shopId} and o.id = x.order_id
    join ${shipmentGroups} g on g.shop_id = ${shopId} and g.order_id = x.order_id
      and g.status = any(${textArray([...EXPORTABLE_PARCEL_STATUSES])}) and g.held_for_change_id is null
    join ${orderAddresses} a on a.shop_id = g.shop_id and a.id = g.address_id
    join lateral (
      select json_agg(json_build_array(i.id, i.product_name, i.option_name, gi.quantity) order by i.position, i.id) as items
      from ${shipmentGroupItems} gi join ${orderItems} i on i.shop_id = gi.shop_id and i.id = gi.item_id
      where gi.shop_id = g.shop_id and gi.shipment_group_id = g.id and gi.quantity > 0) it on it.items is not null
    order by x.n, a.position, g.id`);
  return rows.map((r) => ({
    parcelId: Number(r.parcel_id),
    orderNumber: r.order_number,
    orderedAt: seoulMinute(new Date(Number(r.ordered_ms))),
    ordererName: r.orderer_name,
    ordererPhone: r.orderer_phone,
    recipientName: r.recipient_name,
    recipientPhone: r.recipient_phone,
    postcode: r.postcode,
    addressRoad: r.address1,
    addressDetail: r.address2,
    deliveryMemo: r.delivery_note,
    items: itemsOf(r.items),
  }));
}
