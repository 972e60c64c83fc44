/**
 * An order the auto-confirm job has to find: a guest's order in the storefront's shop, shipped and
 * delivered through the API, then its delivery dated back 30 days — the one thing no API does, so
 * the e2e server (which holds the database) does it before the browser tests start. The browser
 * test then watches the job confirm it (e2e/my-page.spec.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sql, type Db } from '../../src/server/db/client';

export interface OldDelivery {
  shopId: number;
  orderNumber: string;
  phone: string;
  password: string;
  itemName: string;
}

export const oldDeliveryFile = (jumunPort: string) => `test-results/e2e-old-delivery-${jumunPort}.json`;
export const readOldDelivery = (jumunPort: string): OldDelivery => JSON.parse(readFileSync(oldDeliveryFile(jumunPort), 'utf8')) as OldDelivery;

type Order = { id: number; orderNumber: string; version: number; shipmentGroups: Array<{ id: number; status: string; items: Array<{ itemId: number; quantity: number }> }> };

async function call<T>(baseUrl: string, apiKey: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`e2e setup: ${path} answered ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function seedOldDelivery(baseUrl: string, apiKey: string, db: Db, shopId: number, jumunPort: string): Promise<void> {
  const guest = { shopId, phone: '010-5555-0909', password: 'guest-1234', itemName: '자동확정 머그컵' };
  let order = await call<Order>(baseUrl, apiKey, '/api/v1/orders', {
    channel: 'own_mall',
    orderer: { name: '오래된손님', phone: guest.phone, guestPassword: guest.password },
    addresses: [{ recipientName: '오래된손님', recipientPhone: guest.phone, postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '2층' }],
    items: [{ custom: { name: guest.itemName, unitPrice: 15000 }, quantity: 1, addressIndex: 0 }],
    shippingFee: 0,
    payment: { method: 'card', amount: 15000, status: 'paid', gateway: 'toss', gatewayTransactionId: `e2e-old-delivery-${Date.now()}`, card: { company: '신한카드', numberMasked: '5365-10**-****-1234', installmentMonths: 0 } },
  });
  const moves: Array<[string, string, Record<string, unknown>]> = [
    ['paid', 'preparing', {}],
    ['preparing', 'ready_to_ship', {}],
    ['ready_to_ship', 'shipping', { shipment: { courier: 'CJ대한통운', trackingNumber: '640199990001' } }],
    ['shipping', 'delivered', {}],
  ];
  for (const [from, to, extra] of moves) {
    const changes = order.shipmentGroups.filter((g) => g.status === from).flatMap((g) => g.items.map((i) => ({ shipmentGroupId: g.id, itemId: i.itemId, quantity: i.quantity, to })));
    order = (await call<{ order: Order }>(baseUrl, apiKey, `/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, ...extra })).order;
  }
  await db.execute(sql`update shipment_groups set delivered_at = now() - interval '30 days' where shop_id = ${shopId} and order_id = ${order.id}`);
  writeFileSync(oldDeliveryFile(jumunPort), JSON.stringify({ ...guest, orderNumber: order.orderNumber } satisfies OldDelivery));
}
