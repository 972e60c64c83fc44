import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitEditResult, CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentSummary } from '../src/contracts/payment-summary';
import { orders, refundPayments, refunds } from '../src/server/db/schema/index';
import { addMember, addProduct, cardPayment, jejuAddress, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let order: OrderDetail;
let transferPaymentId: number;
let requestId: number;

const summary = (lang = 'ko') => server.owner.get<PaymentSummary>(`/api/v1/orders/${order.id}/payment-summary`, { 'accept-language': lang });

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const shopId = server.shop.shopId;
  const { productId } = await addProduct(db, shopId, { name: '머그컵', price: 18_000 });
  const member = await addMember(db, shopId, { name: '김회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
  // 골드 3%: 2 × 17,460 = 34,920; coupon 10% = 3,492; points 2,000; shipping 3,000 + Jeju 3,000 → 35,428
  const created = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { customerId: member.customerId, name: '김회원', phone: '010-2222-3333' },
    addresses: [seoulAddress(), jejuAddress()],
    items: [
      { productId, quantity: 1, addressIndex: 0 },
      { productId, quantity: 1, addressIndex: 1 },
    ],
    discounts: { customerCouponId: member.customerCouponId, pointsUsed: 2000 },
    payment: cardPayment(35_428),
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  order = created.body;

  // 선물 포장 5,000: grade 150, then 10% 판매가 할인 of 4,850 = 485 → 4,365 more, paid by a deposit
  const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
    expectedVersion: order.version,
    actions: [
      { type: 'add_item', custom: { name: '선물 포장', unitPrice: 5000 }, quantity: 1 },
      { type: 'set_manual_discount', addedItem: 0, discount: { kind: 'rate', ratePercent: 10 } },
    ],
  });
  const committed = await server.owner.post<{ order: OrderDetail; result: CommitEditResult }>(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, {
    expectedVersion: order.version,
    paymentRequest: { reason: '선물 포장 추가' },
  });
  requestId = committed.body.result.paymentRequest!.id;
  const paid = await server.owner.post<{ result: { paymentId: number } }>(`/api/v1/orders/${order.id}/payment-requests/${requestId}/payments`, {
    expectedVersion: committed.body.order.version,
    method: 'bank_transfer',
    depositorName: '김회원',
    paidAt: '2026-11-27T09:30:00+09:00',
  });
  transferPaymentId = paid.body.result.paymentId;

  // A refund still waiting for its bank transfer, as the refunds module records one (a fixture here:
  // a pending refund has moved no money, so the ledger stays as it is).
  const [refund] = await db
    .insert(refunds)
    .values({
      shopId, orderId: order.id, amount: 4365, itemsAmount: 4365, shippingAmount: 0, couponRestored: 0, pointsRestored: 0, deductionAmount: 0,
      breakdown: { deductions: [] }, reason: '포장 취소 요청', method: 'bank_transfer', status: 'pending',
      refundAccount: { bank: 'KB국민은행', accountNumber: '123-456789-01234', holder: '김회원' },
    })
    .returning({ id: refunds.id });
  await db.insert(refundPayments).values({ shopId, orderId: order.id, refundId: refund!.id, paymentId: transferPaymentId, amount: 4365, status: 'pending' });
});
afterAll(() => server.close());

describe('GET /api/v1/orders/{orderId}/payment-summary (결제 정보)', () => {
  it('breaks the money down to the won: grade, coupon, points, manual discount, shipping and two payments', async () => {
    const res = await summary();
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.amounts).toEqual({
      itemsSubtotal: 41_000,
      gradeDiscount: 1230,
      couponDiscount: 3492,
      couponName: '10% 할인 (최대 10,000원)',
      pointsUsed: 2000,
      manualDiscount: 485,
      shippingFee: 3000,
      remoteShippingFee: 3000,
      feesAmount: 0,
      orderTotal: 39_793,
      paid: 39_793,
      refunded: 0,
      netPaid: 39_793,
      balanceDue: 0,
    });
    expect([s.paymentStatus, s.paymentStatusLabel]).toEqual(['paid', '결제완료']);
    const rows = Object.fromEntries(s.amountRows.map((r) => [r.key, r]));
    expect(rows.couponDiscount).toEqual({ key: 'couponDiscount', label: '쿠폰 할인', amount: -3492, note: '10% 할인 (최대 10,000원)' });
    expect(rows.gradeDiscount).toMatchObject({ label: '등급 할인', amount: -1230, note: '골드' });
    expect(rows.netPaid).toMatchObject({ label: '실결제금액', amount: 39_793 });
    // the rows down to the total add up to it
    const upToTotal = s.amountRows.slice(0, s.amountRows.findIndex((r) => r.key === 'orderTotal'));
    expect(upToTotal.reduce((n, r) => n + r.amount, 0)).toBe(s.amounts.orderTotal);
    const [row] = await server.database.db.select().from(orders).where(and(eq(orders.shopId, server.shop.shopId), eq(orders.id, order.id)));
    expect(row!.totalAmount - row!.balanceDue).toBe(s.amounts.paid - s.amounts.refunded);
  });

  it('lists every payment with its gateway, card and deposit details', async () => {
    const { payments } = (await summary()).body;
    expect(payments).toHaveLength(2);
    expect(payments[0]).toMatchObject({
      method: 'card', methodLabel: '신용카드', status: 'captured', statusLabel: '결제완료', amount: 35_428, capturedAmount: 35_428, refundedAmount: 0,
      paidAt: '2026-11-26T01:15:00.000Z', gateway: 'toss', cardCompany: '신한카드', cardNumberMasked: '5365-10**-****-1234', installmentMonths: 3,
      installmentLabel: '3개월', paymentRequestId: null, virtualAccount: null,
    });
    expect(payments[0]!.gatewayTransactionId).toMatch(/^tviva/);
    expect(payments[1]).toMatchObject({
      id: transferPaymentId, method: 'bank_transfer', methodLabel: '무통장입금', amount: 4365, depositorName: '김회원', paidAt: '2026-11-27T00:30:00.000Z', paymentRequestId: requestId,
    });
  });

  it('shows refunds with their breakdown and a partly masked refund account, and the payment requests', async () => {
    const s = (await summary()).body;
    expect(s.refunds).toEqual([
      expect.objectContaining({
        amount: 4365, itemsAmount: 4365, method: 'bank_transfer', methodLabel: '계좌 환불', status: 'pending', statusLabel: '환불대기', reason: '포장 취소 요청',
        refundAccount: { bank: 'KB국민은행', accountNumberMasked: '123-******-**234', holder: '김회원' }, executedAt: null, deductions: [],
        parts: [{ paymentId: transferPaymentId, amount: 4365, status: 'pending', gatewayCancelId: null }],
      }),
    ]);
    expect(s.paymentRequests).toEqual([expect.objectContaining({ id: requestId, amount: 4365, status: 'paid', statusLabel: '결제완료', paymentId: transferPaymentId })]);
  });

  it('speaks English on request and answers 404 for an unknown order', async () => {
    const s = (await summary('en')).body;
    expect(s.amountRows.map((r) => r.label).slice(0, 3)).toEqual(['Items', 'Grade discount', 'Coupon discount']);
    expect([s.payments[0]!.methodLabel, s.payments[0]!.installmentLabel, s.paymentStatusLabel, s.refunds[0]!.statusLabel]).toEqual(['Card', '3 months', 'Paid', 'Pending']);
    const missing = await server.owner.get<{ error: { code: string } }>('/api/v1/orders/99999999/payment-summary');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    const viewer = await server.addStaff('viewer');
    expect((await viewer.get(`/api/v1/orders/${order.id}/payment-summary`)).status).toBe(200);
  });
});
