import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerMessage, BuyerMessageList, NotificationTemplate, TemplatePreview } from '../src/contracts/notifications';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { paymentRequested } from '../src/domain/events';
import { and, eq } from 'drizzle-orm';
import { countRows, queryRows, sql } from '../src/server/db/client';
import { shipmentGroups } from '../src/server/db/schema/index';
import { refreshOrderSummary } from '../src/server/orders/summary-refresh';
import { queueDemoMessages } from '../src/server/notifications/demo';
import { runAutoConfirm } from '../src/server/scheduler/auto-confirm';
import { runUnpaidCancel } from '../src/server/scheduler/unpaid-cancel';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { appendEvents } from '../src/server/timeline/queries';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';
import { until } from './support/until';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Mutation<T = Record<string, unknown>> = { order: OrderDetail; result: T };

/**
 * Buyer messages with no channel set: every one goes to the development outbox, kept exactly as the
 * buyer would get it. Each moment is driven through the real API and read back from the message log.
 */
let server: TestServer;
let shopId: number;
let socks: number;

beforeAll(async () => {
  server = await startTestServer({ outbox: { pollMs: 20, backoffMs: [50, 50, 50], timeoutMs: 2_000 } });
  shopId = server.shop.shopId;
  ({ productId: socks } = await addProduct(server.database.db, shopId, { name: '면 양말', price: 12_000 }));
});
afterAll(() => server?.close());

async function place(payment: Record<string, unknown> = cardPayment(39_000), orderer: Record<string, unknown> = {}, items = [{ productId: socks, quantity: 3 }]): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한가람', phone: '010-7777-8888', email: 'garam@example.kr', guestPassword: '4321', ...orderer },
    addresses: [seoulAddress()],
    items,
    payment,
  });
  expect(res.status).toBe(201);
  return res.body;
}
const detail = async (id: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${id}`)).body;

/** The order's messages once none is pending (oldest first), waiting for at least `count`. */
async function settled(order: OrderDetail, count: number): Promise<BuyerMessage[]> {
  return until(`${count} messages of ${order.orderNumber} settled`, async () => {
    const res = await server.owner.get<BuyerMessageList>(`/api/v1/buyer-messages?orderNumber=${encodeURIComponent(order.orderNumber)}&limit=100`);
    const list = res.body.messages;
    return list.length >= count && list.every((m) => m.status !== 'pending') && [...list].reverse();
  });
}
const ofMoment = (messages: BuyerMessage[], moment: string, channel = 'alimtalk') => messages.filter((m) => m.moment === moment && m.channel === channel);

describe('buyer messages in the development outbox', () => {
  it('tells a card order’s buyer by 알림톡 and e-mail, kept as they would read it, with the sends on the staff timeline only', async () => {
    const order = await place();
    const messages = await settled(order, 2);
    expect(messages.map((m) => [m.moment, m.channel, m.status, m.transport])).toEqual([
      ['order_received', 'alimtalk', 'delivered', 'development'],
      ['order_received', 'email', 'delivered', 'development'],
    ]);
    const [talk, mail] = messages as [BuyerMessage, BuyerMessage];
    expect(talk.text).toContain(`주문번호: ${order.orderNumber}`);
    expect(talk.text).toContain('결제금액: 39,000원');
    expect(talk.text).toContain('결제수단: 신용카드');
    expect(talk.recipient).toBe('010-****-8888');
    expect(mail.subject).toBe(`[테스트샵] 주문이 접수되었습니다 (${order.orderNumber})`);
    expect(mail.html).toContain('한가람님, 안녕하세요.');
    expect(mail.recipient).toMatch(/^ga\*+@example\.kr$/);

    const timeline = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=all`)).body.entries;
    const sent = timeline.flatMap((e) => (e.kind === 'event' && e.type === 'buyer_message_sent' ? [e] : []));
    expect(sent.map((e) => e.description).sort()).toEqual([
      '[주문 접수] 010-****-8888로 알림톡을 보냈습니다 (개발용 발송함에 보관, 실제 발송 없음)',
      '[주문 접수] ga***@example.kr로 이메일을 보냈습니다 (개발용 발송함에 보관, 실제 발송 없음)',
    ]);
    expect(sent.every((e) => e.buyerVisible === false)).toBe(true);
    // the order's changes (what a conflict banner lists) leave the messages out; they have their own filter
    const typesOf = async (only: string) => (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=${only}`)).body.entries.map((e) => (e.kind === 'event' ? e.type : 'memo'));
    expect(await typesOf('events')).toEqual(['payment_captured', 'order_created']);
    expect(await typesOf('messages')).toEqual(['buyer_message_sent', 'buyer_message_sent']);
  });

  it('gives a 무통장 buyer the account, amount and due date, then confirms the deposit', async () => {
    const order = await place({ method: 'bank_transfer', amount: 39_000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '한가람' } });
    const [received] = ofMoment(await settled(order, 2), 'order_received');
    expect(received!.text).toContain('입금계좌: 국민은행 123-45-6789 (예금주 테스트샵)');
    expect(received!.text).toContain('입금금액: 39,000원');
    expect(received!.text).toMatch(/입금기한: \d{4}-\d{2}-\d{2} \d{2}:\d{2}까지/);
    const confirmed = await server.owner.post(`/api/v1/orders/${order.id}/deposit-confirmations`, { expectedVersion: order.version, depositorName: '한가람' });
    expect(confirmed.status).toBe(200);
    const [deposit] = ofMoment(await settled(order, 4), 'deposit_confirmed');
    expect(deposit!.text).toContain('입금금액: 39,000원');
  });

  it('asks for an additional payment with a link that opens the order on My Page, signed in to that order only', async () => {
    let order = await place(cardPayment(39_000));
    // an edit adds a power bank the buyer has not paid for: staff ask for it
    const edit = await server.owner.post<{ editId: number }>(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions: [{ type: 'add_item', custom: { name: '보조배터리', unitPrice: 30_000 }, quantity: 1 }] });
    expect((await server.owner.post(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version })).status).toBe(200);
    order = await detail(order.id);
    // 66,000원 of goods ship free: 27,000원 more is owed
    expect(order.totals.balanceDue).toBe(27_000);
    const asked = await server.owner.post<Mutation<{ id: number }>>(`/api/v1/orders/${order.id}/payment-requests`, { expectedVersion: order.version, amount: 27_000, reason: '보조배터리 추가', dueAt: '2026-12-31T23:59:00+09:00' });
    expect(asked.status).toBe(201);
    const [request] = ofMoment(await settled(order, 4), 'payment_requested');
    expect(request!.text).toContain('요청금액: 27,000원');
    expect(request!.text).toContain('사유: 보조배터리 추가');
    expect(request!.text).toContain('결제기한: 2026-12-31 23:59까지');
    const link = /(http:\/\/\S+\/my\/m\/\S+)/.exec(request!.text)?.[1];
    expect(link).toBeDefined();

    const browser = new HttpClient(server.baseUrl);
    const opened = await fetch(`${server.baseUrl}${new URL(link!).pathname}`, { redirect: 'manual' });
    browser.keepCookies(opened);
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`/my/orders/${encodeURIComponent(order.orderNumber)}`);
    const mine = await browser.get<{ orderNumber: string; paymentRequests: Array<{ id: number; amount: number }> }>(`/api/v1/my/orders/${encodeURIComponent(order.orderNumber)}`);
    expect(mine.status).toBe(200);
    expect(mine.body.paymentRequests).toEqual([expect.objectContaining({ id: asked.body.result.id, amount: 27_000 })]);
    // the link opens that order only
    const other = await place();
    expect((await browser.get(`/api/v1/my/orders/${encodeURIComponent(other.orderNumber)}`)).status).toBe(404);
    // a made-up or tampered link leads to the lookup page, signed in to nothing new
    const forged = await fetch(`${server.baseUrl}/my/m/${shopId}.not-a-real-secret`, { redirect: 'manual' });
    expect([forged.status, forged.headers.get('location')]).toEqual([302, '/my?error=link']);
  });

  it('tells each parcel of a split shipment apart, with courier, number and tracking link', async () => {
    let order = await place(cardPayment(39_000));
    const g = order.shipmentGroups[0]!.id;
    const item = order.items[0]!.id;
    const move = async (quantity: number, to: string, shipment?: Record<string, string>) => {
      const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes: [{ shipmentGroupId: g, itemId: item, quantity, to }], ...(shipment ? { shipment } : {}) });
      expect(res.status).toBe(200);
      order = res.body.order;
    };
    await move(3, 'preparing');
    await move(3, 'ready_to_ship');
    await move(2, 'shipping', { courier: 'CJ대한통운', trackingNumber: '640000000001' });
    await move(1, 'shipping', { courier: '한진택배', trackingNumber: '512300001111' });
    const shipped = ofMoment(await settled(order, 6), 'shipped');
    expect(shipped.map((m) => /택배사: (.+)\n송장번호: (\d+)/.exec(m.text)?.slice(1))).toEqual([
      ['CJ대한통운', '640000000001'],
      ['한진택배', '512300001111'],
    ]);
    expect(shipped[0]!.text).toContain('상품: 면 양말 2개');
    expect(shipped[0]!.text).toContain('https://trace.cjlogistics.com/next/tracking.html?wblNo=640000000001');
    expect(shipped[1]!.text).toContain('상품: 면 양말 1개');
  });

  it('tells a cancel and its refund, with how the money comes back', async () => {
    const order = await place(cardPayment(39_000));
    const items = [{ itemId: order.items[0]!.id, shipmentGroupId: order.shipmentGroups[0]!.id, quantity: 3 }];
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: order.version, items, reason: '고객 변심', complete: true });
    expect(res.status).toBe(201);
    const messages = await settled(order, 6);
    expect(ofMoment(messages, 'cancel_accepted')[0]!.text).toContain('취소 상품: 면 양말 3개');
    const refund = ofMoment(messages, 'refund_completed')[0]!;
    expect(refund.text).toContain('환불금액: 39,000원');
    expect(refund.text).toContain('환불방법: 신용카드 결제 취소');
  });

  it('tells a return and an exchange accepted, and the exchange’s parcel on its way', async () => {
    const order = await place(cardPayment(39_000), {}, [{ productId: socks, quantity: 3 }]);
    const { db } = server.database;
    const at = new Date();
    await db.update(shipmentGroups).set({ status: 'delivered', courier: 'CJ', trackingNumber: '640100000001', shippedAt: at, deliveredAt: at }).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, order.id)));
    await db.transaction((tx) => refreshOrderSummary(tx, shopId, order.id, at));
    let current = await detail(order.id);
    const units = (quantity: number) => [{ itemId: current.items[0]!.id, shipmentGroupId: current.shipmentGroups[0]!.id, quantity }];
    const step = async (claimId: number, body: Record<string, unknown>) => {
      const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/claims/${claimId}/status`, { expectedVersion: current.version, ...body });
      expect(res.status).toBe(200);
      current = res.body.order;
    };
    const pickup = { name: '김반품', phone: '010-9876-5432', postcode: '48058', address1: '부산광역시 해운대구 센텀중앙로 79' };
    const returned = await server.owner.post<Mutation<{ claim: { id: number } }>>(`/api/v1/orders/${order.id}/returns`, { expectedVersion: current.version, items: units(1), reasonCode: 'defective', pickup, restock: false });
    expect(returned.status).toBe(201);
    current = returned.body.order;
    await step(returned.body.result.claim.id, { to: 'return_collecting' });
    const exchanged = await server.owner.post<Mutation<{ claim: { id: number } }>>(`/api/v1/orders/${order.id}/exchanges`, { expectedVersion: current.version, items: units(1), reasonCode: 'change_of_mind', pickup });
    expect(exchanged.status).toBe(201);
    current = exchanged.body.order;
    const exchangeId = exchanged.body.result.claim.id;
    await step(exchangeId, { to: 'exchange_collecting' });
    await step(exchangeId, { to: 'exchange_collected' });
    await step(exchangeId, { to: 'exchange_reshipped', reshipment: { courier: '롯데택배', trackingNumber: '309912345678' } });
    const messages = await settled(order, 8);
    expect(ofMoment(messages, 'return_accepted')[0]!.text).toMatch(/반품 상품: 면 양말 1개\n사유: 상품 불량/);
    expect(ofMoment(messages, 'exchange_accepted')[0]!.text).toMatch(/교환 상품: 면 양말 1개\n사유: 단순 변심/);
    const parcel = ofMoment(messages, 'exchange_shipped')[0]!.text;
    expect(parcel).toContain('택배사: 롯데택배\n송장번호: 309912345678');
    expect(parcel).toContain('InvNo=309912345678');
  });

  it('tells a purchase confirmed by the auto-confirm job and an unpaid order cancelled by its job, each once', async () => {
    const { db } = server.database;
    const delivered = await place(cardPayment(39_000));
    const at = new Date(Date.now() - 10 * 86_400_000);
    await db.update(shipmentGroups).set({ status: 'delivered', courier: 'CJ', trackingNumber: '640100000002', shippedAt: at, deliveredAt: at }).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, delivered.id)));
    await db.transaction((tx) => refreshOrderSummary(tx, shopId, delivered.id, at));
    await runAutoConfirm(db);
    expect(ofMoment(await settled(delivered, 4), 'purchase_auto_confirmed')[0]!.text).toContain('상품: 면 양말 3개');

    const unpaid = await place({ method: 'bank_transfer', amount: 39_000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '한가람' } });
    await db.execute(sql`update payments set va_due_at = now() - interval '1 hour' where shop_id = ${shopId} and order_id = ${unpaid.id}`);
    // the server's own scheduler may get there first: either way the order is cancelled once
    await runUnpaidCancel(db, server.gateway);
    const messages = await settled(unpaid, 4);
    expect(messages.map((m) => m.moment)).toEqual(['order_received', 'order_received', 'unpaid_cancelled', 'unpaid_cancelled']);
    expect(ofMoment(messages, 'unpaid_cancelled')[0]!.text).toContain('주문금액: 39,000원');
  });

  it('skips a channel the buyer cannot be reached on, noting why; switches turn a moment off', async () => {
    const order = await place(cardPayment(39_000), { email: undefined, phone: '02-123-4567' });
    const timeline = await until('skips noted', async () => {
      const entries = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=all`)).body.entries.flatMap((e) => (e.kind === 'event' && e.type === 'buyer_message_skipped' ? [e] : []));
      return entries.length === 2 && entries;
    });
    expect(timeline.map((e) => e.description).sort()).toEqual(['[주문 접수] 알림톡을 보내지 않았습니다: 휴대폰 번호가 아님', '[주문 접수] 이메일을 보내지 않았습니다: 이메일 없음']);
    expect(await countRows(server.database.db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId} and order_id = ${order.id}`)).toBe(0);

    const off = await server.owner.request('PATCH', '/api/v1/notification-settings', { moments: { order_received: { alimtalk: false, email: false } } });
    expect(off.status).toBe(200);
    const quiet = await place();
    // a memo afterwards proves the change committed; neither it nor the order sends anything
    expect((await server.owner.post(`/api/v1/orders/${quiet.id}/memos`, { body: '포장 꼼꼼히' })).status).toBe(201);
    expect(await countRows(server.database.db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId} and order_id = ${quiet.id}`)).toBe(0);
    expect((await server.owner.request('PATCH', '/api/v1/notification-settings', { moments: { order_received: { alimtalk: true, email: true } } })).status).toBe(200);
  });

  it('writes nothing for a change that rolled back, and a message once however often its change is replayed', async () => {
    const order = await place();
    await settled(order, 2);
    const { db } = server.database;
    const outbox = () => countRows(db, sql`select count(*) as n from outbox_messages where shop_id = ${shopId} and order_id = ${order.id}`);
    const before = await outbox();
    const [request] = await queryRows<{ id: number }>(db, sql`insert into payment_requests (shop_id, order_id, amount, reason, status) values (${shopId}, ${order.id}, 1000, '포장비', 'pending') returning id`);
    const draft = paymentRequested({ kind: 'system' }, { requestId: Number(request!.id), amount: 1000, reason: '포장비' });
    await expect(
      db.transaction(async (tx) => {
        await appendEvents(tx, shopId, order.id, [draft], new Date());
        throw new Error('the change fails after its events were written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await outbox()).toBe(before);
    for (let i = 0; i < 2; i++) await db.transaction((tx) => appendEvents(tx, shopId, order.id, [draft], new Date()));
    expect(await outbox()).toBe(before + 2); // 알림톡 and e-mail, once each
  });
});

describe('templates', () => {
  it('are the shop’s to word, checked for unknown variables, previewed on a real order and restored', async () => {
    const order = await place();
    const path = '/api/v1/notification-templates/shipped/alimtalk';
    const unknown = await server.owner.request<ErrorBody>('PUT', path, { body: '#{주문번호} #{배송예정일}' });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details?.unknown]).toEqual([400, 'NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE', ['배송예정일']]);
    const saved = await server.owner.request<NotificationTemplate>('PUT', path, { body: '#{주문자명}님, #{택배사} #{송장번호}로 보냈어요.', templateCode: 'SHIP_01' });
    expect(saved.body).toMatchObject({ isDefault: false, templateCode: 'SHIP_01' });
    const preview = await server.owner.post<TemplatePreview>('/api/v1/notification-templates/preview', { moment: 'shipped', channel: 'sms', body: '#{주문번호} #{주문자명}님 발송: #{택배사}', orderNumber: order.orderNumber });
    expect(preview.body).toEqual({ orderNumber: order.orderNumber, subject: null, text: `${order.orderNumber} 한가람님 발송: CJ대한통운`, html: null, smsKind: 'SMS' });
    const viewer = await server.addStaff('viewer');
    expect((await viewer.request('PUT', path, { body: '안녕' })).status).toBe(403);
    const restored = await server.owner.request<NotificationTemplate>('DELETE', path);
    expect(restored.body).toMatchObject({ isDefault: true, templateCode: null });
    expect(restored.body.body).toContain('#{배송조회링크}');
  });
});

describe('resend', () => {
  it('sends a message again at a staff member’s word, logging the attempt as theirs', async () => {
    const order = await place();
    const [talk] = await settled(order, 2);
    const res = await server.owner.post<{ status: string; transport: string }>(`/api/v1/buyer-messages/${talk!.id}/resend`);
    expect(res.body).toEqual({ status: 'delivered', transport: 'development', error: null });
    const log = (await server.owner.get<{ attemptLog: Array<{ requestedBy: string | null }> }>(`/api/v1/buyer-messages/${talk!.id}`)).body.attemptLog;
    expect(log.map((a) => a.requestedBy)).toEqual(['김주인', null]);
    expect((await detail(order.id)).id).toBe(order.id);
  });
});

describe('the demo shop', () => {
  it('shows its newest orders’ messages in the development outbox from the first start', async () => {
    const { db } = server.database;
    const demo = await createShop(db, { name: '데모샵', ownerEmail: `demo${Date.now()}@test.kr`, ownerName: '데모주인', ownerPassword: 'owner-password-1' });
    await seedOrders(db, { shopId: demo.shopId, orders: 30, now: new Date() });
    expect(await queueDemoMessages(db, demo.shopId)).toBe(20);
    const count = (where: ReturnType<typeof sql>) => countRows(db, sql`select count(*) as n from outbox_messages where shop_id = ${demo.shopId} and ${where}`);
    // every one of the 20 newest orders has at least its 주문 접수 알림톡
    expect(await count(sql`event_type = 'order_received' and channel = 'alimtalk'`)).toBe(20);
    await until('the demo messages kept in the development outbox', async () => (await count(sql`status = 'pending'`)) === 0);
    expect(await count(sql`transport = 'development' and status = 'delivered'`)).toBe(await count(sql`true`));
  });
});
