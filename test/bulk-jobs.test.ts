import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BULK_ACTION_TYPE_VALUES, type BulkJob, type BulkPreview } from '../src/contracts/bulk-jobs';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { BULK_ACTION_TYPES } from '../src/domain/bulk-actions';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string } };
type JobItems = { items: Array<{ orderId: number; orderNumber: string; outcome: string; reason: string | null; label: string | null }>; nextAfterOrderId: number | null };

let server: TestServer;
let socks: number;
const touched = new Set<number>();

beforeAll(async () => {
  // two batches side by side, as a server on PostgreSQL runs them
  server = await startTestServer({ bulkJobs: { pollMs: 50, batchSize: 3, concurrency: 2 } });
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

/** An order placed by the storefront under `name`; each test uses its own name to select its orders by keyword. */
async function placeOrder(name: string, payment: Record<string, unknown> = cardPayment(27000)): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name, phone: '010-2345-6789', guestPassword: '4321' },
    addresses: [seoulAddress({ recipientName: name })],
    items: [{ productId: socks, quantity: 2 }],
    payment,
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}
const bankTransfer = { method: 'bank_transfer', amount: 27000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '입금자' } };

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;

/** Moves every unit of the order's single group to `to` by hand, as staff would on the detail screen. */
async function moveAll(order: OrderDetail, to: string, shipment?: { courier: string; trackingNumber: string }): Promise<OrderDetail> {
  const group = order.shipmentGroups[0]!;
  const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/status-changes`, {
    expectedVersion: order.version,
    changes: group.items.map((u) => ({ shipmentGroupId: group.id, itemId: u.itemId, quantity: u.quantity, to })),
    ...(shipment ? { shipment } : {}),
  });
  expect(res.status).toBe(200);
  return res.body.order;
}
async function advance(order: OrderDetail, steps: string[]): Promise<OrderDetail> {
  let o = order;
  for (const to of steps) o = await moveAll(o, to, to === 'shipping' ? { courier: 'CJ대한통운', trackingNumber: `6400${o.id}0001` } : undefined);
  return o;
}
async function requestCancel(order: OrderDetail): Promise<OrderDetail> {
  const group = order.shipmentGroups[0]!;
  const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/cancellations`, {
    expectedVersion: order.version,
    items: group.items.map((u) => ({ shipmentGroupId: group.id, itemId: u.itemId, quantity: u.quantity })),
    reason: '고객 요청',
    complete: false,
  });
  expect(res.status).toBe(201);
  return res.body.order;
}

async function waitForJob(jobId: number, client: HttpClient = server.owner): Promise<BulkJob> {
  for (let i = 0; i < 400; i++) {
    const res = await client.get<BulkJob>(`/api/v1/bulk-jobs/${jobId}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed' || res.body.status === 'cancelled') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`bulk job ${jobId} did not finish`);
}

const byKeyword = (keyword: string) => ({ kind: 'filter', filter: { keyword } });

async function eventsOf(orderId: number, type: string) {
  const res = await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline`);
  return res.body.entries.filter((e) => e.kind === 'event' && e.type === type);
}

describe('bulk processing (일괄 처리)', () => {
  it('names the same actions as the domain', () => {
    expect([...BULK_ACTION_TYPE_VALUES]).toEqual([...BULK_ACTION_TYPES]);
  });

  it('previews how many will really be processed with the rest grouped by reason, then processes exactly those', async () => {
    const name = '일괄가람';
    const paid = [await placeOrder(name), await placeOrder(name), await placeOrder(name)];
    const preparing = await advance(await placeOrder(name), ['preparing']);
    const shipping = [await advance(await placeOrder(name), ['preparing', 'ready_to_ship', 'shipping']), await advance(await placeOrder(name), ['preparing', 'ready_to_ship', 'shipping'])];
    const cancelAsked = await requestCancel(await placeOrder(name));
    const unpaid = await placeOrder(name, bankTransfer);
    const request = { selection: byKeyword('일괄가'), action: { type: 'start_preparing' } };

    const preview = await server.owner.post<BulkPreview>('/api/v1/bulk-jobs/preview', request);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ matched: 8, willProcess: 3, excluded: 5, summary: '8건 중 3건 처리, 5건 제외' });
    expect(preview.body.exclusions.map((e) => [e.label, e.count])).toEqual([
      ['이미 배송중', 2],
      ['아직 입금대기', 1],
      ['이미 상품준비중', 1],
      ['취소·반품·교환 처리 중', 1],
    ]);
    const english = await server.owner.post<BulkPreview>('/api/v1/bulk-jobs/preview', request, { 'accept-language': 'en' });
    expect(english.body.exclusions[0]!.label).toBe('Already shipping');

    const before = new Map<number, OrderDetail>();
    for (const o of [preparing, ...shipping, cancelAsked, unpaid]) before.set(o.id, await detail(o.id));
    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', request);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ total: 8, actionLabel: '상품준비중 처리' });
    const job = await waitForJob(started.body.id);
    expect(job).toMatchObject({ status: 'done', total: 8, done: 8, processed: 3, skipped: 5, failed: 0 });
    expect(job.reasons.map((r) => [r.label, r.count])).toEqual(preview.body.exclusions.map((e) => [e.label, e.count]));

    for (const o of paid) {
      const now = await detail(o.id);
      expect([now.orderStatus, now.version]).toEqual(['preparing', o.version + 1]);
      const moves = await eventsOf(o.id, 'statuses_changed');
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ actor: { kind: 'staff', name: '김주인' } });
    }
    // the orders left out are exactly as they were
    for (const [id, was] of before) expect(await detail(id)).toEqual(was);

    const skipped = await server.owner.get<JobItems>(`/api/v1/bulk-jobs/${job.id}/items?outcome=skipped`);
    expect(skipped.body.items).toHaveLength(5);
    expect(skipped.body.items.find((i) => i.orderId === unpaid.id)).toMatchObject({ orderNumber: unpaid.orderNumber, reason: 'not_yet:awaiting_payment', label: '아직 입금대기' });
    const pages = await server.owner.get<JobItems>(`/api/v1/bulk-jobs/${job.id}/items?limit=5`);
    expect(pages.body.items).toHaveLength(5);
    const rest = await server.owner.get<JobItems>(`/api/v1/bulk-jobs/${job.id}/items?limit=5&afterOrderId=${pages.body.nextAfterOrderId}`);
    expect([rest.body.items.length, rest.body.nextAfterOrderId]).toEqual([3, null]);

    const recent = await server.owner.get<{ items: BulkJob[] }>('/api/v1/bulk-jobs');
    expect(recent.body.items[0]!.id).toBe(job.id);
  });

  it('ships chosen orders each with its own tracking number, leaving out the ones without one', async () => {
    const name = '송장나래';
    const ready = [await advance(await placeOrder(name), ['preparing', 'ready_to_ship']), await advance(await placeOrder(name), ['preparing', 'ready_to_ship'])];
    const noTracking = await advance(await placeOrder(name), ['preparing', 'ready_to_ship']);
    const stillPreparing = await advance(await placeOrder(name), ['preparing']);
    const action = {
      type: 'ship',
      shipments: [
        { orderId: ready[0]!.id, courier: 'CJ대한통운', trackingNumber: '012345678901' },
        { orderId: ready[1]!.id, courier: ' 한진 ', trackingNumber: '512345678902' },
        { orderId: stillPreparing.id, courier: '한진택배', trackingNumber: '512345678903' },
      ],
    };
    const selection = { kind: 'orders', orderIds: [...ready, noTracking, stillPreparing].map((o) => o.id) };
    const preview = await server.owner.post<BulkPreview>('/api/v1/bulk-jobs/preview', { selection, action });
    expect(preview.body).toMatchObject({ matched: 4, willProcess: 2 });
    expect(preview.body.exclusions.map((e) => e.label).sort()).toEqual(['송장번호 없음', '아직 상품준비중']);

    const job = await waitForJob((await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection, action })).body.id);
    expect(job).toMatchObject({ processed: 2, skipped: 2 });
    const first = await detail(ready[0]!.id);
    expect(first.orderStatus).toBe('shipping');
    // couriers are stored as a change by hand stores them: the code, whatever the spelling
    expect(first.shipmentGroups[0]).toMatchObject({ status: 'shipping', courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '012345678901' });
    expect((await detail(ready[1]!.id)).shipmentGroups[0]).toMatchObject({ courier: 'HANJIN', courierLabel: '한진택배' });
    expect(await eventsOf(first.id, 'tracking_assigned')).toHaveLength(1);
    // the new tracking number is searchable at once, leading zero and all
    const found = await server.owner.get<OrderListResponse>('/api/v1/orders?keyword=012345678901');
    expect(found.body.items.map((i) => i.id)).toEqual([first.id]);
    expect(found.body.items[0]).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운' });
    const byCourier = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter: { keyword: name, couriers: ['한진택배'] } });
    expect(byCourier.body.items.map((i) => i.id)).toEqual([ready[1]!.id]);
    expect((await detail(noTracking.id)).orderStatus).toBe('ready_to_ship');
  });

  it('confirms 무통장 deposits in bulk: the payment is captured and the units become 결제완료', async () => {
    const name = '입금다솜';
    const waiting = [await placeOrder(name, bankTransfer), await placeOrder(name, bankTransfer)];
    const card = await placeOrder(name);
    const job = await waitForJob((await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: byKeyword(name), action: { type: 'confirm_deposit' } })).body.id);
    expect(job).toMatchObject({ processed: 2, skipped: 1 });
    expect(job.reasons[0]!.label).toBe('이미 결제완료');
    for (const o of waiting) {
      const now = await detail(o.id);
      expect([now.orderStatus, now.paymentStatus, now.totals.balanceDue]).toEqual(['paid', 'paid', 0]);
      expect(now.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 27000, depositorName: '입금자' });
      expect(await eventsOf(o.id, 'deposit_confirmed')).toHaveLength(1);
    }
    expect(await detail(card.id)).toMatchObject({ version: card.version });
  });

  it('adds a memo to every matching order, signed by the staff member, and only staff may', async () => {
    const name = '메모한솔';
    const orders = [await placeOrder(name), await advance(await placeOrder(name), ['preparing', 'ready_to_ship', 'shipping'])];
    const staff = await server.addStaff('staff');
    const job = await waitForJob((await staff.post<BulkJob>('/api/v1/bulk-jobs', { selection: byKeyword(name), action: { type: 'add_memo', body: '포장 시 선물용 리본' } })).body.id, staff);
    expect(job).toMatchObject({ processed: 2, skipped: 0 });
    for (const o of orders) {
      const now = await detail(o.id);
      expect([now.memoCount, now.version]).toEqual([1, o.version]);
      const memos = await server.owner.get<TimelineResponse>(`/api/v1/orders/${o.id}/timeline?only=memos`);
      expect(memos.body.entries[0]).toMatchObject({ kind: 'memo', body: '포장 시 선물용 리본', actor: { kind: 'staff', name: 'staff 직원' } });
    }
    const byKey = await server.storefront.post<ErrorBody>('/api/v1/bulk-jobs', { selection: byKeyword(name), action: { type: 'add_memo', body: 'x' } });
    expect([byKey.status, byKey.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('cancels in full with the refund paid back through the gateway, leaving shipped orders out', async () => {
    const name = '취소보람';
    const paid = [await placeOrder(name), await advance(await placeOrder(name), ['preparing'])];
    const shipped = await advance(await placeOrder(name), ['preparing', 'ready_to_ship', 'shipping']);
    const job = await waitForJob((await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: byKeyword(name), action: { type: 'cancel', reason: '품절' } })).body.id);
    expect(job).toMatchObject({ processed: 2, skipped: 1 });
    expect(job.reasons.map((r) => r.label)).toEqual(['이미 배송중']);
    for (const o of paid) {
      const now = await detail(o.id);
      expect([now.orderStatus, now.paymentStatus, now.totals.refunded, now.totals.balanceDue]).toEqual(['cancelled', 'refunded', 27000, 0]);
      expect(now.payments[0]).toMatchObject({ refundedAmount: 27000 });
    }
    expect((await detail(shipped.id)).version).toBe(shipped.version);
  });

  it('resumes after a restart where the last committed batch stopped, processing every order once', async () => {
    const name = '재시작';
    const orders: OrderDetail[] = [];
    for (let i = 0; i < 7; i++) orders.push(await placeOrder(name));
    await server.restart({ bulkJobs: { autoStart: false, batchSize: 3 } });
    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: byKeyword(name), action: { type: 'start_preparing' } });
    expect(started.body.status).toBe('queued');
    // one batch, then the process "dies": the job is left running with 3 of 7 done
    await server.app.bulkJobRunner.runNextJob({ maxBatches: 1 });
    const halfway = (await server.owner.get<BulkJob>(`/api/v1/bulk-jobs/${started.body.id}`)).body;
    expect(halfway).toMatchObject({ status: 'running', done: 3, processed: 3 });

    await server.restart({ bulkJobs: { pollMs: 50, batchSize: 3, staleAfterMs: 200 } });
    const job = await waitForJob(started.body.id);
    expect(job).toMatchObject({ status: 'done', total: 7, done: 7, processed: 7, skipped: 0 });
    for (const o of orders) {
      expect((await detail(o.id)).version).toBe(o.version + 1);
      expect(await eventsOf(o.id, 'statuses_changed')).toHaveLength(1);
    }
  });

  it('answers the same job for a repeated Idempotency-Key, and clear errors for bad requests', async () => {
    const name = '멱등하루';
    await placeOrder(name);
    const request = { selection: byKeyword(name), action: { type: 'add_memo', body: '한 번만' } };
    const first = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', request, { 'idempotency-key': 'bulk-memo-1' });
    const again = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', request, { 'idempotency-key': 'bulk-memo-1' });
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await waitForJob(first.body.id)).processed).toBe(1);

    const none = await server.owner.post<ErrorBody>('/api/v1/bulk-jobs', { selection: byKeyword('없는이름'), action: { type: 'start_preparing' } });
    expect([none.status, none.body.error.code]).toEqual([422, 'BULK_NOTHING_MATCHES']);
    const badAction = await server.owner.post<ErrorBody>('/api/v1/bulk-jobs/preview', { selection: byKeyword(name), action: { type: 'teleport' } });
    expect([badAction.status, badAction.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const missing = await server.owner.get<ErrorBody>('/api/v1/bulk-jobs/999999');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'BULK_JOB_NOT_FOUND']);
    const viewer = await server.addStaff('viewer');
    const forbidden = await viewer.post<ErrorBody>('/api/v1/bulk-jobs', request);
    expect(forbidden.status).toBe(403);
    const finished = await server.owner.post<ErrorBody>(`/api/v1/bulk-jobs/${first.body.id}/cancel`);
    expect([finished.status, finished.body.error.code]).toEqual([409, 'BULK_JOB_FINISHED']);
  });
});
