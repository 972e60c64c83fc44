import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint } from '../src/contracts/webhooks';
import type { BulkJob } from '../src/contracts/bulk-jobs';
import type { CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentRequest } from '../src/contracts/payment-requests';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * Webhooks are written where timeline events are appended, so every route that changes an order
 * sends them: shipping by hand and by a bulk job, payment requests asked and paid.
 */
let server: TestServer;
let productId: number;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  server = await startTestServer({ outbox: { pollMs: 20, backoffMs: [40, 40, 40], timeoutMs: 2_000, allowPrivateNetworks: true } });
  ({ productId } = await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 30_000 }));
  await receiver.open();
  const endpoint = await server.storefront.post<WebhookEndpoint>('/api/v1/webhook-endpoints', { url: receiver.url, eventTypes: [...WEBHOOK_EVENT_TYPES] });
  receiver.secret = endpoint.body.secret;
});
afterAll(async () => {
  await server?.close();
  await receiver.close();
});

async function placeOrder(): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '이순신', phone: '010-5555-6666', guestPassword: 'pw12' },
    addresses: [seoulAddress()],
    items: [{ productId, quantity: 2 }],
    payment: cardPayment(60_000),
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function advance(order: OrderDetail, statuses: string[], shipment?: Record<string, string>): Promise<OrderDetail> {
  for (const to of statuses) {
    const changes = [{ shipmentGroupId: order.shipmentGroups[0]!.id, itemId: order.items[0]!.id, quantity: 2, to }];
    const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, ...(shipment ? { shipment } : {}) });
    expect(res.status).toBe(200);
    order = res.body.order;
  }
  return order;
}

/** The events delivered for an order (by webhook-id, once each), once `types` have all arrived. */
const received = (orderId: number, types: string[]) =>
  until(`${types.join(', ')} for order ${orderId}`, async () => {
    const events = receiver.eventsOf(orderId);
    return types.every((t) => events.some((e) => e.type === t)) && events;
  });

describe('webhooks from every route', () => {
  it('sends status moves and shipping by hand, with courier and tracking number', async () => {
    let order = await advance(await placeOrder(), ['preparing', 'ready_to_ship']);
    order = await advance(order, ['shipping'], { courier: 'CJ대한통운', trackingNumber: '640000000001' });
    // messages are separate deliveries that may arrive in any order: wait for the last move's update too
    const movedTo = (events: ReturnType<WebhookReceiver['eventsOf']>) =>
      events.filter((e) => e.type === 'order.updated').map((e) => (e.data.unitStatusChanges as Array<{ to: string }>).map((c) => c.to));
    const events = await until('shipment.shipped and every update', async () => {
      const all = receiver.eventsOf(order.id);
      return all.some((e) => e.type === 'shipment.shipped') && movedTo(all).length >= 3 && all;
    });
    expect(events.find((e) => e.type === 'shipment.shipped')!.data).toMatchObject({
      order: { id: order.id, version: order.version },
      shipment: { courier: 'CJ', trackingNumber: '640000000001' },
    });
    expect(movedTo(events)).toEqual(expect.arrayContaining([['preparing'], ['ready_to_ship'], ['shipping']]));
  });

  it('sends shipping done by a bulk job', async () => {
    const order = await advance(await placeOrder(), ['preparing', 'ready_to_ship']);
    const action = { type: 'ship', shipments: [{ orderId: order.id, courier: '한진택배', trackingNumber: '512345678902' }] };
    const job = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'orders', orderIds: [order.id] }, action });
    expect(job.status).toBe(202);
    const events = await received(order.id, ['shipment.shipped']);
    expect(events.find((e) => e.type === 'shipment.shipped')!.data).toMatchObject({ shipment: { courier: 'HANJIN', trackingNumber: '512345678902' } });
  });

  it('sends a payment request asked for and paid', async () => {
    let order = await placeOrder();
    // an edit leaves 10,000 owed, which staff then ask for
    const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
      expectedVersion: order.version,
      actions: [{ type: 'add_item', custom: { name: '보조배터리', unitPrice: 10_000 }, quantity: 1 }],
    });
    order = (await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version })).body.order;
    const asked = await server.owner.post<{ order: OrderDetail; result: PaymentRequest }>(`/api/v1/orders/${order.id}/payment-requests`, { expectedVersion: order.version, amount: 10_000, reason: '보조배터리 추가' });
    expect(asked.status).toBe(201);
    const requestId = asked.body.result.id;
    const paid = await server.owner.post(`/api/v1/orders/${order.id}/payment-requests/${requestId}/payments`, {
      expectedVersion: asked.body.order.version, method: 'bank_transfer', depositorName: '이순신',
    });
    expect(paid.status).toBe(201);
    await received(order.id, ['payment_request.created', 'payment_request.paid']);
    // each message travels on its own: the request's payment.captured may arrive after its paid event
    const events = await until(`both payments captured for order ${order.id}`, async () => {
      const all = receiver.eventsOf(order.id);
      return all.filter((e) => e.type === 'payment.captured').length >= 2 && all;
    });
    expect(events.find((e) => e.type === 'payment_request.created')!.data).toMatchObject({ paymentRequest: { id: requestId, amount: 10_000, reason: '보조배터리 추가' } });
    expect(events.find((e) => e.type === 'payment_request.paid')!.data).toMatchObject({ paymentRequest: { id: requestId, amount: 10_000 }, payment: { method: 'bank_transfer', amount: 10_000 } });
    expect(events.filter((e) => e.type === 'payment.captured')).toHaveLength(2);
    expect(receiver.hits.every((h) => h.verified)).toBe(true);
  });
});
