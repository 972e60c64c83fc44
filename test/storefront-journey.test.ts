import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogBatchResponse } from '../src/contracts/catalog';
import type { MemberBatchResult } from '../src/contracts/members';
import type { CheckoutQuote, OrderDetail } from '../src/contracts/orders';
import type { WebhookEndpoint, WebhookMessageList } from '../src/contracts/webhooks';
import { cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';
import { verifyWebhook, WebhookReceiver } from './support/webhook-receiver';

/**
 * A storefront's whole afternoon, through HTTP only with its API key: it syncs 1,000 products and
 * 1,000 members in batches with grades, a coupon and points, registers its webhook receiver, hands
 * in orders by its own ids (a member with grade, coupon and points; a guest), and hears, signed,
 * what staff do — including while its receiver is down for a while.
 */
let server: TestServer;
const receiver = new WebhookReceiver();
let endpoint: WebhookEndpoint;

beforeAll(async () => {
  // the receiver is on 127.0.0.1, which a production server refuses to call; retries come fast here
  server = await startTestServer({ outbox: { pollMs: 20, backoffMs: Array.from({ length: 40 }, () => 50), timeoutMs: 2_000, allowPrivateNetworks: true } });
  await receiver.open();
});
afterAll(async () => {
  await server?.close();
  await receiver.close();
});

const products = Array.from({ length: 1000 }, (_, i) => ({
  externalId: `SKU-${String(i).padStart(4, '0')}`,
  name: `데일리 코튼 티셔츠 ${i}`,
  price: 19_000 + (i % 10) * 1000,
  optionNames: ['사이즈'],
  options: ['S', 'M', 'L'].map((size) => ({ externalId: `SKU-${String(i).padStart(4, '0')}-${size}`, values: [{ name: '사이즈', value: size }], extraPrice: size === 'L' ? 1000 : 0, stock: 50 })),
}));
const members = Array.from({ length: 1000 }, (_, i) => ({
  externalId: `U${100000 + i}`,
  name: `회원${i}`,
  phone: `010-7${String(i).padStart(3, '0')}-${String(1000 + i).slice(-4)}`,
  email: `member${i}@shop.example`,
  grade: i % 3 === 0 ? '골드' : '일반',
}));

describe('a storefront connected in an afternoon', () => {
  it('syncs 1,000 products and 1,000 members in batches, and a second sync changes nothing', async () => {
    const sf = server.storefront;
    expect((await sf.put('/api/v1/member-grades/골드', { discountRate: 3 })).status).toBeLessThan(300);
    const first = await sf.post<CatalogBatchResponse>('/api/v1/catalog/products/batch', { products });
    expect(first.status).toBe(200);
    expect(first.body.counts).toMatchObject({ created: 1000, refused: 0 });
    expect((await sf.post<CatalogBatchResponse>('/api/v1/catalog/products/batch', { products })).body.counts).toMatchObject({ unchanged: 1000 });
    const synced = await sf.post<MemberBatchResult>('/api/v1/members/batch', { members });
    expect(synced.body.counts).toMatchObject({ created: 1000, refused: 0 });
    expect((await sf.post<MemberBatchResult>('/api/v1/members/batch', { members })).body.counts).toMatchObject({ unchanged: 1000 });

    expect((await sf.put('/api/v1/coupons/WELCOME-5000', { name: '첫 구매 5,000원', kind: 'fixed', value: 5000, minOrderAmount: 30_000, active: true })).status).toBe(201);
    expect((await sf.put('/api/v1/members/U100003/coupons/IC-U100003-1', { coupon: 'WELCOME-5000' })).status).toBe(201);
    const points = await sf.post<{ balance: number }>('/api/v1/members/U100003/points', { kind: 'earned', amount: 3000, reason: '리뷰 적립' }, { 'idempotency-key': 'review-U100003-1' });
    expect(points.body.balance).toBe(3000);
    // 4,000 upserts: a minute or more on CI's two shared cores
  }, 240_000);

  it('hands in a member order and a guest order by its own ids, priced as quoted', async () => {
    endpoint = (await server.storefront.post<WebhookEndpoint>('/api/v1/webhook-endpoints', { url: receiver.url, description: '자사몰', eventTypes: ['order.created', 'order.updated', 'claim.requested', 'claim.completed', 'refund.completed', 'payment.captured'] })).body;
    receiver.secret = endpoint.secret;

    const checkout = {
      orderer: { memberExternalId: 'U100003', name: '회원3', phone: '010-7003-1003' },
      addresses: [seoulAddress()],
      items: [{ productExternalId: 'SKU-0007', optionExternalId: 'SKU-0007-L', quantity: 2 }],
      discounts: { issuedCouponExternalId: 'IC-U100003-1', pointsUsed: 3000 },
    };
    const quote = await server.storefront.post<CheckoutQuote>('/api/v1/orders/quote', checkout);
    // 27,000 (26,000 + 1,000 for L) × 2 = 54,000; 골드 3% → 810 off each = 52,380; coupon 5,000; points 3,000
    expect(quote.body.totals).toMatchObject({ itemsSubtotal: 54_000, gradeDiscount: 1620, couponDiscount: 5000, pointsUsed: 3000, shippingFee: 0, total: 44_380 });
    const member = await server.storefront.post<OrderDetail>('/api/v1/orders', { ...checkout, payment: cardPayment(quote.body.totals.total) }, { 'idempotency-key': 'checkout-m-1' });
    expect(member.status).toBe(201);
    expect(member.body.orderer).toMatchObject({ isMember: true, gradeName: '골드' });
    expect((await server.storefront.get<{ balance: number }>('/api/v1/members/U100003/points')).body.balance).toBe(0);

    const guest = await server.storefront.post<OrderDetail>(
      '/api/v1/orders',
      { orderer: { name: '손님', phone: '010-1111-2222', guestPassword: 'guest-1' }, addresses: [seoulAddress()], items: [{ productExternalId: 'SKU-0001', optionExternalId: 'SKU-0001-S', quantity: 1 }], payment: cardPayment(23_000) },
      { 'idempotency-key': 'checkout-g-1' },
    );
    expect(guest.status).toBe(201);
    expect(guest.body.totals).toMatchObject({ itemsSubtotal: 20_000, shippingFee: 3000, orderTotal: 23_000 });
    await until('the new orders reported', async () => receiver.eventsOf(member.body.id).some((e) => e.type === 'order.created') && receiver.eventsOf(guest.body.id).length >= 2);
  });

  it('hears of a partial cancel by staff while its receiver is down, once it is back, each event by its webhook-id', async () => {
    const { body: list } = await server.owner.get<{ items: Array<{ id: number }> }>('/api/v1/orders?keyword=회원3&limit=5');
    const order = (await server.owner.get<OrderDetail>(`/api/v1/orders/${list.items[0]!.id}`)).body;
    await receiver.close();
    const cancel = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version,
      items: [{ itemId: order.items[0]!.id, shipmentGroupId: order.shipmentGroups[0]!.id, quantity: 1 }],
      reason: '고객 변심',
      complete: true,
    });
    expect(cancel.status).toBe(201);
    // the receiver is unreachable: every message of the cancel is tried and kept for later
    const pending = async () => {
      const { body } = await server.owner.get<WebhookMessageList>(`/api/v1/webhook-endpoints/${endpoint.id}/messages?limit=50`);
      const mine = body.messages.filter((m) => m.orderId === order.id && m.eventType !== 'order.created' && m.eventType !== 'payment.captured');
      return mine.length >= 4 && mine.every((m) => m.attempts > 0) && mine;
    };
    const waiting = await until('the cancel’s messages tried while the receiver is down', pending);
    expect(waiting.every((m) => m.status === 'pending')).toBe(true);

    await receiver.open();
    const delivered = await until('every message delivered once the receiver is back', async () => {
      const rows = await pending();
      return rows && rows.every((m) => m.status === 'delivered') && rows;
    });
    const types = receiver.eventsOf(order.id).map((e) => e.type);
    expect(new Set(types)).toEqual(new Set(['order.created', 'payment.captured', 'claim.requested', 'order.updated', 'claim.completed', 'refund.completed']));
    for (const message of delivered) expect(receiver.hits.filter((h) => h.id === message.messageId && h.answered < 300)).toHaveLength(1);
    expect(receiver.hits.filter((h) => h.answered < 300).every((h) => h.verified)).toBe(true);
  });

  it('tells a tampered delivery from a genuine one', () => {
    const genuine = receiver.hits.find((h) => h.verified)!;
    expect(verifyWebhook(endpoint.secret, genuine.id, genuine.timestamp, genuine.body, genuine.signature)).toBe(true);
    expect(verifyWebhook(endpoint.secret, genuine.id, genuine.timestamp, genuine.body.replace('"version":1', '"version":2'), genuine.signature)).toBe(false);
    expect(verifyWebhook(endpoint.secret, `${genuine.id}x`, genuine.timestamp, genuine.body, genuine.signature)).toBe(false);
    expect(verifyWebhook('whsec_' + Buffer.from('another secret').toString('base64'), genuine.id, genuine.timestamp, genuine.body, genuine.signature)).toBe(false);
  });
});
