import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import type { WebhookEndpoint, WebhookMessageDetail, WebhookMessageList } from '../src/contracts/webhooks';
import { orderCreated } from '../src/domain/events';
import { countRows, openDatabase, queryRows, sql, type Database } from '../src/server/db/client';
import { claimDue } from '../src/server/outbox/delivery';
import { OutboxWorker } from '../src/server/outbox/worker';
import { standardTasks } from '../src/server/scheduler/tasks';
import { appendEvents } from '../src/server/timeline/queries';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';
import { verifyWebhook, WebhookReceiver } from './support/webhook-receiver';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

/**
 * Signed outbound webhooks over real HTTP both ways: Jumun's outbox worker POSTs to a receiver in
 * this test, which checks every signature with its own code. Backoff is made short by an option.
 */
let server: TestServer;
let shopId: number;
let productId: number;
const receiver = new WebhookReceiver();
let endpoint: WebhookEndpoint;

beforeAll(async () => {
  // the receiver listens on 127.0.0.1, which a production server refuses to call (network-guard.ts)
  server = await startTestServer({ outbox: { pollMs: 20, backoffMs: Array.from({ length: 40 }, () => 40), timeoutMs: 2_000, allowPrivateNetworks: true } });
  shopId = server.shop.shopId;
  ({ productId } = await addProduct(server.database.db, shopId, { name: '린넨 셔츠', price: 30_000 }));
  await receiver.open();
});
afterAll(async () => {
  await server?.close();
  await receiver.close();
});

const outboxCount = (orderId: number) => countRows(server.database.db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId} and order_id = ${orderId} and channel = 'webhook'`);
const messagesOf = (orderId: number) =>
  queryRows<{ id: string | number; message_id: string; event_type: string; status: string; attempts: number }>(
    server.database.db,
    sql`select id, message_id, event_type, status, attempts from outbox_messages where shop_id = ${shopId} and order_id = ${orderId} and channel = 'webhook' order by id`,
  );
const allDelivered = async (orderId: number) => {
  const rows = await messagesOf(orderId);
  return rows.length > 0 && rows.every((r) => r.status === 'delivered') && rows;
};

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

describe('webhook endpoints', () => {
  it('are registered by the storefront key with a secret, read, changed, rotated and deleted', async () => {
    const created = await server.storefront.post<WebhookEndpoint>('/api/v1/webhook-endpoints', { url: 'https://shop.example.kr/hooks', description: '스테이징', eventTypes: ['order.created'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'https://shop.example.kr/hooks', description: '스테이징', eventTypes: ['order.created'], enabled: true });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const id = created.body.id;
    // managers and owners read it too, secret included
    expect((await server.owner.get<WebhookEndpoint>(`/api/v1/webhook-endpoints/${id}`)).body.secret).toBe(created.body.secret);
    const patched = await server.owner.request<WebhookEndpoint>('PATCH', `/api/v1/webhook-endpoints/${id}`, { eventTypes: ['order.created', 'shipment.shipped'], enabled: false });
    expect(patched.body).toMatchObject({ eventTypes: ['order.created', 'shipment.shipped'], enabled: false });
    const rotated = await server.storefront.post<WebhookEndpoint>(`/api/v1/webhook-endpoints/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await server.storefront.get<{ endpoints: WebhookEndpoint[] }>('/api/v1/webhook-endpoints')).body.endpoints.map((e) => e.id)).toContain(id);
    expect((await server.storefront.request('DELETE', `/api/v1/webhook-endpoints/${id}`)).status).toBe(204);
    const gone = await server.storefront.get<ErrorBody>(`/api/v1/webhook-endpoints/${id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'WEBHOOK_ENDPOINT_NOT_FOUND']);
  });

  it('refuses URLs that are not http(s), carry credentials or are too long, and empty or unknown event lists', async () => {
    const refusal = async (body: Record<string, unknown>) => {
      const res = await server.storefront.post<ErrorBody>('/api/v1/webhook-endpoints', { eventTypes: ['order.created'], ...body });
      return [res.status, res.body.error.code];
    };
    expect(await refusal({ url: 'ftp://shop.example.kr/hooks' })).toEqual([422, 'WEBHOOK_URL_INVALID']);
    expect(await refusal({ url: 'javascript:alert(1)' })).toEqual([422, 'WEBHOOK_URL_INVALID']);
    expect(await refusal({ url: 'not a url' })).toEqual([422, 'WEBHOOK_URL_INVALID']);
    expect(await refusal({ url: 'https://user:secret@shop.example.kr/hooks' })).toEqual([422, 'WEBHOOK_URL_INVALID']);
    expect(await refusal({ url: `https://shop.example.kr/${'a'.repeat(2100)}` })).toEqual([422, 'WEBHOOK_URL_INVALID']);
    expect(await refusal({ url: 'https://shop.example.kr/hooks', eventTypes: [] })).toEqual([422, 'WEBHOOK_EVENT_TYPES_REQUIRED']);
    expect(await refusal({ url: 'https://shop.example.kr/hooks', eventTypes: ['order.deleted'] })).toEqual([400, 'VALIDATION_FAILED']);
    const staff = await server.addStaff('staff');
    const forbidden = await staff.post<ErrorBody>('/api/v1/webhook-endpoints', { url: 'https://shop.example.kr/hooks', eventTypes: ['order.created'] });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await server.storefront.get<{ endpoints: unknown[] }>('/api/v1/webhook-endpoints')).body.endpoints).toEqual([]);
  });
});

describe('deliveries', () => {
  let order: OrderDetail;

  beforeAll(async () => {
    const res = await server.storefront.post<WebhookEndpoint>('/api/v1/webhook-endpoints', {
      url: receiver.url,
      eventTypes: ['order.created', 'order.updated', 'payment.captured', 'claim.requested', 'claim.completed', 'refund.completed', 'shipment.shipped'],
    });
    endpoint = res.body;
    receiver.secret = endpoint.secret;
  });

  it('sends a new order and a partial cancel as signed events, each identified by its webhook-id', async () => {
    order = await placeOrder();
    const itemId = order.items[0]!.id;
    const items = [{ itemId, shipmentGroupId: order.shipmentGroups[0]!.id, quantity: 1 }];
    const cancel = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: order.version, items, reason: '고객 변심', complete: true });
    expect(cancel.status).toBe(201);
    const after = cancel.body.order;
    const rows = await until('every message delivered', () => allDelivered(order.id));
    expect(rows.map((r) => r.event_type).sort()).toEqual(['claim.completed', 'claim.requested', 'order.created', 'order.updated', 'payment.captured', 'refund.completed']);

    const events = receiver.eventsOf(order.id);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.message_id)));
    expect(receiver.hits.filter((h) => rows.some((r) => r.message_id === h.id)).every((h) => h.verified)).toBe(true);
    const byType = new Map(events.map((e) => [e.type, e.data]));
    expect(byType.get('order.created')).toMatchObject({ order: { id: order.id, number: order.orderNumber, version: order.version }, channel: 'own_mall', total: 60_000 });
    // each event carries the version its own change left (the refund is paid back in a change of its own)
    expect(byType.get('refund.completed')).toMatchObject({ order: { id: order.id, version: after.version } });
    expect(byType.get('claim.requested')).toMatchObject({ order: { id: order.id, version: order.version + 1 }, claim: { kind: 'cancel', items: [{ itemId, quantity: 1 }], reason: '기타: 고객 변심', reasonCode: 'other', reasonText: '고객 변심' } });
    expect(byType.get('claim.completed')).toMatchObject({ claim: { kind: 'cancel', status: 'cancelled' } });
    expect(byType.get('order.updated')).toMatchObject({ claimStatusChanges: expect.arrayContaining([expect.objectContaining({ to: 'cancelled' })]) });
    expect(byType.get('refund.completed')).toMatchObject({ refund: { method: expect.any(String), amount: expect.any(Number) } });
    const raw = receiver.hits.find((h) => h.id === rows[0]!.message_id)!;
    expect(JSON.parse(raw.body)).toMatchObject({ type: 'order.created', version: 1, occurredAt: expect.any(String) });
  });

  it('sends nothing for a memo, nor for a change that is refused or rolled back', async () => {
    const before = await outboxCount(order.id);
    expect((await server.owner.post(`/api/v1/orders/${order.id}/memos`, { body: '고객이 전화로 문의함' })).status).toBe(201);
    const stale = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items: [{ itemId: order.items[0]!.id, shipmentGroupId: order.shipmentGroups[0]!.id, quantity: 1 }], reason: '늦은 요청', complete: true,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'ORDER_VERSION_CONFLICT']);
    // a change whose transaction fails after its events (and their webhooks) were written
    await expect(
      server.database.db.transaction(async (tx) => {
        await appendEvents(tx, shopId, order.id, [orderCreated({ kind: 'system' }, { channel: 'own_mall', total: 1, itemCount: 1 })], new Date());
        expect(await countRows(tx, sql`select count(*) as n from outbox_messages where shop_id = ${shopId} and order_id = ${order.id} and channel = 'webhook'`)).toBe(before + 1);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await outboxCount(order.id)).toBe(before);
  });

  it('a tampered body or signature fails the receiver’s check', () => {
    const hit = receiver.hits.find((h) => h.verified)!;
    expect(verifyWebhook(endpoint.secret, hit.id, hit.timestamp, hit.body, hit.signature)).toBe(true);
    expect(verifyWebhook(endpoint.secret, hit.id, hit.timestamp, hit.body.replace('"version":1', '"version":2'), hit.signature)).toBe(false);
    expect(verifyWebhook(endpoint.secret, hit.id, String(Number(hit.timestamp) + 1), hit.body, hit.signature)).toBe(false);
    const [, mac = ''] = hit.signature.split(',');
    const flipped = `v1,${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect(verifyWebhook(endpoint.secret, hit.id, hit.timestamp, hit.body, flipped)).toBe(false);
    expect(verifyWebhook('whsec_' + Buffer.from('another key').toString('base64'), hit.id, hit.timestamp, hit.body, hit.signature)).toBe(false);
  });

  it('retries a receiver answering 500 with the same webhook-id until it answers 2xx', async () => {
    receiver.status = 500;
    const next = await placeOrder();
    // counted by the receiver: a message's attempts are counted when it is claimed, before it is sent
    await until('two refused attempts at each message', async () => {
      const rows = await messagesOf(next.id);
      return rows.length > 0 && rows.every((r) => receiver.hits.filter((h) => h.id === r.message_id && h.answered === 500).length >= 2);
    });
    receiver.status = 200;
    const rows = await until('delivered after the outage', () => allDelivered(next.id));
    for (const row of rows) {
      const hits = receiver.hits.filter((h) => h.id === row.message_id);
      expect(hits.map((h) => h.answered).slice(0, 2)).toEqual([500, 500]);
      expect(hits.at(-1)).toMatchObject({ answered: 200, verified: true });
      const detail = (await server.storefront.get<WebhookMessageDetail>(`/api/v1/webhook-messages/${row.id}`)).body;
      expect(detail).toMatchObject({ status: 'delivered', lastStatusCode: 200, messageId: row.message_id });
      expect(detail.attemptLog.map((a) => a.statusCode)).toEqual(hits.map((h) => h.answered));
      expect(detail.attemptLog[0]).toMatchObject({ error: 'HTTP 500', responseExcerpt: 'receiver is down', requestedBy: null });
    }
  });

  it('retries a receiver that is not listening, and delivers once it is back', async () => {
    await receiver.close();
    const next = await placeOrder();
    const id = Number((await until('a failed attempt', async () => (await messagesOf(next.id)).find((r) => r.attempts >= 2) ?? null)).id);
    const detail = (await server.storefront.get<WebhookMessageDetail>(`/api/v1/webhook-messages/${id}`)).body;
    expect(detail.attemptLog[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/fetch failed|ECONNREFUSED/) });
    await receiver.open();
    const rows = await until('delivered after the receiver came back', () => allDelivered(next.id));
    expect(receiver.eventsOf(next.id).map((e) => e.id).sort()).toEqual(rows.map((r) => r.message_id).sort());
  });

  it('lists an endpoint’s messages by cursor, and redelivers one now with the same id, logging who asked', async () => {
    const page = await server.owner.get<WebhookMessageList>(`/api/v1/webhook-endpoints/${endpoint.id}/messages?limit=3`);
    expect(page.body.messages).toHaveLength(3);
    const second = await server.owner.get<WebhookMessageList>(`/api/v1/webhook-endpoints/${endpoint.id}/messages?limit=3&cursor=${page.body.nextCursor}`);
    expect(second.body.messages[0]!.id).toBeLessThan(page.body.messages[2]!.id);
    const message = page.body.messages[0]!;
    const hitsBefore = receiver.hits.filter((h) => h.id === message.messageId).length;
    const res = await server.owner.post<WebhookMessageDetail>(`/api/v1/webhook-messages/${message.id}/redeliver`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(res.body.attemptLog.at(-1)).toMatchObject({ statusCode: 200, requestedBy: server.shop.ownerId });
    expect(receiver.hits.filter((h) => h.id === message.messageId)).toHaveLength(hitsBefore + 1);
    const missing = await server.owner.post<ErrorBody>('/api/v1/webhook-messages/999999999/redeliver');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'WEBHOOK_MESSAGE_NOT_FOUND']);
  });
});

describe('several workers over one outbox', () => {
  it('deliver each message exactly once in the normal case', async () => {
    await server.app.outbox.stop();
    const order = await placeOrder();
    // sixty more messages for the order, as a burst of changes would write
    await server.database.db.transaction(async (tx) => {
      const drafts = Array.from({ length: 60 }, () => orderCreated({ kind: 'system' }, { channel: 'own_mall', total: 1, itemCount: 1 }));
      await appendEvents(tx, shopId, order.id, drafts, new Date());
    });
    // on PostgreSQL each worker has its own pool, as two servers would; PGlite has one connection
    const [pool1, pool2] = await Promise.all([secondPool(), secondPool()]);
    try {
      const workers = [pool1, pool2].map((d) => new OutboxWorker(d.db, { batchSize: 4, timeoutMs: 2_000, allowPrivateNetworks: true }));
      await until('all delivered by the two workers', async () => {
        await Promise.all(workers.map((w) => w.tick()));
        return allDelivered(order.id);
      });
    } finally {
      await Promise.all([pool1, pool2].map((d) => (d === server.database ? undefined : d.close())));
    }
    const ids = (await messagesOf(order.id)).map((r) => r.message_id);
    expect(ids.length).toBeGreaterThanOrEqual(62);
    for (const id of ids) expect(receiver.hits.filter((h) => h.id === id)).toHaveLength(1);
  });
});

describe('leases and upkeep', () => {
  it('takes up a message whose server died after claiming it, once the lease ran out', async () => {
    const order = await placeOrder();
    // a server claims the messages and dies before sending: nothing else may take them meanwhile
    const claimed = await claimDue(server.database.db, 100, 1_000);
    expect(claimed.map((m) => m.orderId)).toContain(order.id);
    expect(await claimDue(server.database.db, 100, 1_000)).toEqual([]);
    const survivor = new OutboxWorker(server.database.db, { timeoutMs: 2_000, allowPrivateNetworks: true });
    await until('delivered by the survivor', async () => {
      await survivor.tick();
      return allDelivered(order.id);
    });
    for (const row of await messagesOf(order.id)) expect(receiver.hits.filter((h) => h.id === row.message_id)).toHaveLength(1);
  });

  it('fails what is queued for an endpoint switched off, and refuses to redeliver to it', async () => {
    const order = await placeOrder();
    const pending = await messagesOf(order.id);
    expect(pending.every((r) => r.status === 'pending')).toBe(true);
    const off = await server.storefront.request<WebhookEndpoint>('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: false });
    expect(off.body.enabled).toBe(false);
    expect((await messagesOf(order.id)).map((r) => r.status)).toEqual(pending.map(() => 'failed'));
    const refused = await server.owner.post<ErrorBody>(`/api/v1/webhook-messages/${pending[0]!.id}/redeliver`);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'WEBHOOK_ENDPOINT_DISABLED']);
    await server.storefront.request('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: true });
  });

  it('does not call a private address unless the operator allows it', async () => {
    const order = await placeOrder();
    const hits = receiver.hits.length;
    expect(await new OutboxWorker(server.database.db, { timeoutMs: 2_000 }).tick()).toBeGreaterThan(0);
    const [row] = await messagesOf(order.id);
    const detail = (await server.owner.get<WebhookMessageDetail>(`/api/v1/webhook-messages/${row!.id}`)).body;
    expect(detail).toMatchObject({ status: 'pending', attemptLog: [{ statusCode: null, error: expect.stringMatching(/private address/) }] });
    expect(receiver.hits).toHaveLength(hits);
  });

  it('prunes delivered messages and their attempts after 30 days, keeping newer ones', async () => {
    const { db } = server.database;
    const [old] = await queryRows<{ id: string | number }>(db, sql`select id from outbox_messages where shop_id = ${shopId} and status = 'delivered' order by id limit 1`);
    await db.execute(sql`update outbox_messages set created_at = now() - interval '31 days' where shop_id = ${shopId} and id = ${old!.id}`);
    const before = await countRows(db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId}`);
    const task = standardTasks(server.database.kind).find((t) => t.name === 'old-outbox-messages')!;
    expect(await task.run(db)).toMatchObject({ messages: 1, attempts: expect.any(Number) });
    expect(await countRows(db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId}`)).toBe(before - 1);
    expect(await countRows(db, sql`select count(*) as n from outbox_attempts where shop_id = ${shopId} and outbox_id = ${old!.id}`)).toBe(0);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await server.anonymous().get<{ paths: Record<string, unknown> }>('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/webhook-endpoints', '/api/v1/webhook-messages/{messageId}/redeliver']));
  });
});

/** Another connection pool to the test's database (PostgreSQL), or the same database (PGlite). */
async function secondPool(): Promise<Pick<Database, 'db' | 'close'>> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return server.database;
  const [row] = await queryRows<{ name: string }>(server.database.db, sql`select current_database() as name`);
  const url = new URL(serverUrl);
  url.pathname = `/${row!.name}`;
  return openDatabase({ databaseUrl: url.toString(), migrate: false });
}
