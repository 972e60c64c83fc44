import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { BulkJob } from '../src/contracts/bulk-jobs';
import type { refundListSchema } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import { startFakeTossServer, stopFakeTossServer } from './support/fake-toss-server';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';

/** 전체 취소 in bulk through Toss Payments (the fake, over HTTP): the job reports how each refund went. */
let server: TestServer;
let fake: Awaited<ReturnType<typeof startFakeTossServer>>;
let productId: number;
const secretKey = 'test_sk_bulk_refunds_1234';
const previousBase = process.env.TOSS_API_BASE;

beforeAll(async () => {
  fake = await startFakeTossServer({ secretKey });
  process.env.TOSS_API_BASE = fake.baseUrl;
  server = await startTestServer({ bulkJobs: { pollMs: 50 } });
  productId = (await addProduct(server.database.db, server.shop.shopId, { name: '울 코트', price: 60000 })).productId;
  // the shop's own Toss keys: its Toss payments are refunded through the fake
  const saved = await server.owner.put('/api/v1/settings/gateway', { provider: 'toss', clientKey: 'test_ck_bulkrefunds1234', secretKey });
  expect(saved.status).toBe(200);
}, 300_000);
afterAll(async () => {
  await server.close();
  await stopFakeTossServer(fake);
  if (previousBase === undefined) delete process.env.TOSS_API_BASE;
  else process.env.TOSS_API_BASE = previousBase;
});

async function placeTossOrder(name: string, quantity: number): Promise<OrderDetail> {
  const payment = cardPayment(60000 * quantity);
  fake.addPayment({ paymentKey: payment.gatewayTransactionId, orderId: `J-bulk-${payment.gatewayTransactionId}`, amount: payment.amount, method: 'card', status: 'DONE' });
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name, phone: '010-5555-0101', guestPassword: 'pw12' },
    addresses: [seoulAddress({ recipientName: name })],
    items: [{ productId, quantity }],
    payment,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function finished(jobId: number): Promise<BulkJob> {
  return until(`bulk job ${jobId} finished`, async () => {
    const job = (await server.owner.get<BulkJob>(`/api/v1/bulk-jobs/${jobId}`)).body;
    return ['done', 'failed', 'cancelled'].includes(job.status) ? job : null;
  });
}

const refundOf = async (orderId: number) => (await server.owner.get<z.infer<typeof refundListSchema>>(`/api/v1/orders/${orderId}/refunds`)).body.refunds[0];

describe('a bulk cancel reports its refunds', () => {
  it('counts refunds paid back, refused by the gateway and waiting for staff, in won, as they stand when read', async () => {
    const name = '환불보고';
    // the job cancels in order id order, one gateway call each: the first is refused, the second
    // goes unanswered (the refund stays pending for a retry), the third is paid back
    const declined = await placeTossOrder(name, 1);
    const unanswered = await placeTossOrder(name, 2);
    const paid = await placeTossOrder(name, 3);
    fake.failNext(400, 'NOT_CANCELABLE_PAYMENT', '취소할 수 없는 결제입니다.');
    fake.failNext(500);

    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'filter', filter: { keyword: name } }, action: { type: 'cancel', reason: '품절' } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'done', processed: 3, failed: 0 });
    expect(job.refunds).toEqual({
      succeeded: { count: 1, amount: 180000 },
      failed: { count: 1, amount: 60000 },
      manual: { count: 1, amount: 120000 },
    });
    // what the orders themselves say
    expect((await refundOf(declined.id))?.status).toBe('failed');
    expect((await refundOf(unanswered.id))?.status).toBe('pending');
    expect((await refundOf(paid.id))?.status).toBe('done');
    expect(fake.payment(paid.payments[0]!.gatewayTransactionId!)?.balanceAmount).toBe(0);

    // staff retry the unanswered refund on its order: the job's report follows
    const refund = (await refundOf(unanswered.id))!;
    const order = (await server.owner.get<OrderDetail>(`/api/v1/orders/${unanswered.id}`)).body;
    const retried = await server.owner.post(`/api/v1/orders/${unanswered.id}/refunds/${refund.id}/retry`, { expectedVersion: order.version });
    expect(retried.status).toBe(200);
    expect((await finished(job.id)).refunds).toEqual({
      succeeded: { count: 2, amount: 300000 },
      failed: { count: 1, amount: 60000 },
      manual: { count: 0, amount: 0 },
    });
  });

  it('has no refund report for other actions', async () => {
    const order = await placeTossOrder('메모만', 1);
    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'orders', orderIds: [order.id] }, action: { type: 'add_memo', body: '확인' } });
    expect((await finished(started.body.id)).refunds).toBeNull();
  });
});
