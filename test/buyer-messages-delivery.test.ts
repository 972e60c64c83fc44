import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerMessage, BuyerMessageList, DeliveryOutcome, NotificationSettings } from '../src/contracts/notifications';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { queryRows, sql } from '../src/server/db/client';
import { createSolapiProvider } from '../src/server/notifications/solapi';
import { OutboxWorker, type OutboxWorkerOptions } from '../src/server/outbox/worker';
import { startFakeSolapi, type FakeSolapi } from './support/fake-solapi';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { until } from './support/until';

/**
 * Buyer messages out through real channels: a real SMTP server on loopback and a fake Solapi that
 * checks signatures and answers as Solapi documents (accepted, then a delivery report). The outbox
 * retries, falls back from 알림톡 to SMS, and sends each message once, with two workers at it.
 */
let server: TestServer;
let fake: FakeSolapi;
let sink: SmtpSink;
let socks: number;
let outbox: OutboxWorkerOptions;

beforeAll(async () => {
  [fake, sink] = await Promise.all([startFakeSolapi(), startSmtpSink()]);
  outbox = {
    pollMs: 20,
    backoffMs: Array.from({ length: 60 }, () => 50),
    timeoutMs: 2_000,
    buyerMessages: { messenger: (s) => createSolapiProvider({ apiKey: s.apiKey, apiSecret: s.apiSecret, sender: s.sender, baseUrl: fake.url, timeoutMs: 3_000 }), reportPollMs: 50 },
  };
  server = await startTestServer({ outbox });
  ({ productId: socks } = await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12_000 }));
  const settings = await server.owner.request<NotificationSettings>('PATCH', '/api/v1/notification-settings', {
    email: { host: sink.host, port: sink.port, secure: false, user: sink.user, password: sink.password, from: '테스트샵 <shop@test.kr>' },
    messaging: { apiKey: fake.apiKey, apiSecret: fake.apiSecret, sender: fake.sender, pfId: fake.pfId },
  });
  expect(settings.status).toBe(200);
  expect(settings.body.messaging).toMatchObject({ source: 'shop', apiSecretSet: true, pfId: fake.pfId });
  expect(JSON.stringify(settings.body)).not.toContain(fake.apiSecret);
  expect(JSON.stringify(settings.body)).not.toContain(sink.password);
  // the settings form sends back what it read, secrets left out: the channel keeps working as it was
  const read = (await server.owner.get<NotificationSettings>('/api/v1/notification-settings')).body.messaging;
  const resaved = await server.owner.request<NotificationSettings>('PATCH', '/api/v1/notification-settings', { messaging: { apiKey: read.apiKey, sender: read.sender, pfId: read.pfId } });
  expect(resaved.body.messaging).toMatchObject({ apiKey: fake.apiKey, apiSecretSet: true, sender: fake.sender });
  const template = await server.owner.request('PUT', '/api/v1/notification-templates/order_received/alimtalk', {
    body: '[#{쇼핑몰명}] 주문이 접수되었습니다.\n주문번호: #{주문번호}\n결제금액: #{결제금액}',
    templateCode: 'ORDER_RECEIVED_V1',
  });
  expect(template.status).toBe(200);
  fake.registerTemplate('ORDER_RECEIVED_V1', '[#{쇼핑몰명}] 주문이 접수되었습니다.\n주문번호: #{주문번호}\n결제금액: #{결제금액}');
});
afterAll(async () => {
  await server?.close();
  await Promise.all([fake?.close(), sink?.close()]);
});

async function place(phone = '010-7777-8888'): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한가람', phone, email: 'garam@example.kr', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 3 }],
    payment: cardPayment(39_000),
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function settled(order: OrderDetail, count: number): Promise<BuyerMessage[]> {
  return until(`${count} messages of ${order.orderNumber} settled`, async () => {
    const list = (await server.owner.get<BuyerMessageList>(`/api/v1/buyer-messages?orderNumber=${encodeURIComponent(order.orderNumber)}&limit=100`)).body.messages;
    return list.length >= count && list.every((m) => m.status !== 'pending') && [...list].reverse();
  });
}
/** What the provider registered (accepted) for an order, by type. */
const received = (order: OrderDetail, type?: string) => fake.messages.filter((m) => m.text.includes(order.orderNumber) && m.statusCode !== undefined && /^[234]/.test(String(m.statusCode)) && (!type || m.type === type));
const mailsOf = (order: OrderDetail) => sink.mails.filter((m) => m.subject.includes(order.orderNumber));

describe('buyer messages through SMTP and Solapi', () => {
  it('sends the 알림톡 with its registered template code and the e-mail with text and HTML parts', async () => {
    const order = await place();
    const messages = await settled(order, 2);
    expect(messages.map((m) => [m.channel, m.status, m.transport])).toEqual([
      ['alimtalk', 'delivered', 'solapi'],
      ['email', 'delivered', 'smtp'],
    ]);
    const [talk] = received(order, 'ATA');
    expect(talk).toMatchObject({ to: '01077778888', from: fake.sender, kakaoOptions: expect.objectContaining({ pfId: fake.pfId, templateId: 'ORDER_RECEIVED_V1' }) });
    expect(talk!.text).toBe(`[테스트샵] 주문이 접수되었습니다.\n주문번호: ${order.orderNumber}\n결제금액: 39,000원`);
    const [mail] = mailsOf(order);
    expect(mail).toMatchObject({ subject: `[테스트샵] 주문이 접수되었습니다 (${order.orderNumber})`, to: 'garam@example.kr' });
    expect(mail!.text).toContain('결제금액: 39,000원');
    expect(mail!.html).toContain('39,000원');
  });

  it('falls back to a text message when the buyer does not use KakaoTalk, and says so on the timeline', async () => {
    fake.failAlimtalkTo('01099990000', '3104');
    const order = await place('010-9999-0000');
    const messages = await settled(order, 3);
    const talk = messages.find((m) => m.channel === 'alimtalk')!;
    const sms = messages.find((m) => m.channel === 'sms')!;
    expect([talk.status, sms.status, sms.fallbackOf]).toEqual(['failed', 'delivered', talk.id]);
    const texts = received(order).filter((m) => m.type !== 'ATA');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: '01099990000' });
    expect(texts[0]!.text).toContain(`주문(${order.orderNumber})이 접수되었습니다`);
    const entries = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=all`)).body.entries;
    const descriptions = entries.flatMap((e) => (e.kind === 'event' && e.type.startsWith('buyer_message') ? [e.description] : []));
    expect(descriptions).toContain('[주문 접수] 알림톡을 보내지 못해 010-****-0000으로 문자를 대신 보냅니다 (솔라피 3104: 카카오톡 미사용자)');
    expect(descriptions).toContain('[주문 접수] 010-****-0000으로 문자를 보냈습니다');
  });

  it('waits out a provider and mail server outage, then delivers each message once', async () => {
    fake.outage(true);
    sink.tempFail(true);
    try {
      const order = await place();
      await until('both messages retried at least twice', async () => {
        const rows = await queryRows<{ attempts: number; status: string }>(server.database.db, sql`select attempts, status from outbox_messages where shop_id = ${server.shop.shopId} and order_id = ${order.id}`);
        return rows.length === 2 && rows.every((r) => r.status === 'pending' && Number(r.attempts) >= 2) && rows;
      });
      fake.outage(false);
      sink.tempFail(false);
      const messages = await settled(order, 2);
      expect(messages.map((m) => m.status)).toEqual(['delivered', 'delivered']);
      expect(received(order, 'ATA')).toHaveLength(1);
      expect(mailsOf(order)).toHaveLength(1);
    } finally {
      fake.outage(false);
      sink.tempFail(false);
    }
  });

  it('sends each message once with two servers’ workers at the outbox', async () => {
    const second = new OutboxWorker(server.database.db, outbox);
    second.start();
    try {
      const orders = await Promise.all(Array.from({ length: 6 }, () => place()));
      for (const order of orders) await settled(order, 2);
      for (const order of orders) {
        expect(received(order, 'ATA')).toHaveLength(1);
        expect(mailsOf(order)).toHaveLength(1);
      }
    } finally {
      await second.stop();
    }
  });

  it('test-sends through the channel as set, and resends a message on request', async () => {
    const test = await server.owner.post<DeliveryOutcome>('/api/v1/notification-test-sends', { channel: 'email', to: 'owner@example.kr' });
    expect(test.body).toEqual({ status: 'delivered', transport: 'smtp', error: null });
    expect(sink.mails.some((m) => m.to === 'owner@example.kr' && m.subject === '[테스트샵] 테스트 메시지')).toBe(true);
    const bad = await server.owner.post<{ error: { code: string } }>('/api/v1/notification-test-sends', { channel: 'sms', to: '02-123-4567' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'NOTIFICATION_RECIPIENT_INVALID']);

    const order = await place();
    const [talk] = await settled(order, 2);
    expect((await server.owner.post<DeliveryOutcome>(`/api/v1/buyer-messages/${talk!.id}/resend`)).body.status).toMatch(/^(delivered|pending)$/);
    await until('the resend registered', async () => received(order, 'ATA').length === 2);
  });
});
