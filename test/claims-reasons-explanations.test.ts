import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDto, ClaimResult, RefundDto, RefundProposalDto } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentSummary } from '../src/contracts/payment-summary';
import type { TimelineResponse } from '../src/contracts/timeline';
import { claims, refunds, shipmentGroups } from '../src/server/db/schema/index';
import { auditOrder } from '../src/server/orders/audit';
import { refreshOrderSummary } from '../src/server/orders/summary-refresh';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

/**
 * Issue 12: a refund says why each figure is what it is (in the preview, on the refund's record, in
 * the payment summary, in the request's language), and staff claims carry a preset reason code.
 */
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation = { order: OrderDetail; result: ClaimResult };

let server: TestServer;
let knit: { productId: number };
let socks: { productId: number };
const busan = { name: '김반품', phone: '010-9876-5432', postcode: '48058', address1: '부산광역시 해운대구 센텀중앙로 79', address2: '101동 202호' };

beforeAll(async () => {
  server = await startTestServer();
  knit = await addProduct(server.database.db, server.shop.shopId, { name: '울 니트', price: 40000 });
  socks = await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 });
});
afterAll(() => server.close());

/** 울 니트 40,000 + 면 양말 12,000, shipped free (52,000 ≥ 50,000), paid by card. */
async function place(): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, addresses: [seoulAddress()],
    items: [{ productId: knit.productId, quantity: 1 }, { productId: socks.productId, quantity: 1 }], payment: cardPayment(52000),
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function delivered(order: OrderDetail): Promise<OrderDetail> {
  const at = new Date();
  await server.database.db
    .update(shipmentGroups)
    .set({ status: 'delivered', courier: 'CJ대한통운', trackingNumber: '640100000001', shippedAt: at, deliveredAt: at })
    .where(and(eq(shipmentGroups.shopId, server.shop.shopId), eq(shipmentGroups.orderId, order.id)));
  await server.database.db.transaction((tx) => refreshOrderSummary(tx, server.shop.shopId, order.id, at));
  return (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
}

const units = (o: OrderDetail, itemIndex: number) => {
  const item = o.items[itemIndex]!;
  return [{ itemId: item.id, shipmentGroupId: o.shipmentGroups.find((g) => g.items.some((i) => i.itemId === item.id))!.id, quantity: 1 }];
};
const texts = (lines: ReadonlyArray<{ text: string }>) => lines.map((l) => l.text);

describe('refunds that explain themselves', () => {
  it('a partial cancel’s preview says why shipping is now charged, in either language', async () => {
    const o = await place();
    const body = { items: units(o, 1) };
    const ko = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${o.id}/cancellations/preview`, body);
    expect(ko.status).toBe(200);
    expect(ko.body).toMatchObject({ itemsAmount: 12000, shippingChange: 3000, amount: 9000 });
    expect(texts(ko.body.explanation)).toEqual(['면 양말 1개를 취소합니다 (개당 12,000원 × 1 = 12,000원)', '남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다']);
    expect(ko.body.explanation[1]).toMatchObject({ component: 'shippingChange', code: 'shipping_now_due', amount: 3000, figures: { remaining: 40000, threshold: 50000, fee: 3000 } });
    const en = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${o.id}/cancellations/preview`, body, { 'accept-language': 'en' });
    expect(en.body.explanation[1]!.text).toBe('The remaining items, 40,000원, fall below the free-shipping threshold of 50,000원, so a shipping fee of 3,000원 is charged');
    // staff waive it: the adjustment is named beside the proposal
    const waived = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${o.id}/cancellations/preview`, { ...body, refund: { shippingChange: 0 } });
    expect(texts(waived.body.explanation)).toContain('직원이 조정: 배송비 부과 3,000원 → 0원');
  });

  it('a completed buyer’s-fault return stores its explanation with the refund and shows it on every read', async () => {
    let o = await delivered(await place());
    const requested = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/returns`, {
      expectedVersion: o.version, items: [...units(o, 0), ...units(o, 1)], reasonCode: 'change_of_mind', pickup: busan, restock: true,
    });
    expect(requested.status).toBe(201);
    // no fault given: a change of mind is the buyer's
    expect(requested.body.result.claim).toMatchObject({ fault: 'buyer', reasonCode: 'change_of_mind', reasonText: null, reason: '단순 변심' });
    o = requested.body.order;
    const claimId = requested.body.result.claim!.id;
    for (const to of ['return_collecting', 'return_collected']) {
      o = (await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/claims/${claimId}/status`, { expectedVersion: o.version, to })).body.order;
    }
    const preview = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${o.id}/claims/${claimId}/complete/preview`, {});
    expect(texts(preview.body.explanation)).toContain('구매자 귀책 반품: 왕복 배송비 6,000원 차감');

    const done = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/claims/${claimId}/complete`, { expectedVersion: o.version });
    expect(done.status).toBe(200);
    expect(done.body.result.proposal).toMatchObject({ deduction: 6000, amount: 46000 });
    const expected = ['울 니트 1개를 반품합니다 (개당 40,000원 × 1 = 40,000원)', '면 양말 1개를 반품합니다 (개당 12,000원 × 1 = 12,000원)', '구매자 귀책 반품: 왕복 배송비 6,000원 차감'];
    expect(texts(done.body.result.proposal!.explanation)).toEqual(expected);
    expect(texts(done.body.result.refund!.explanation)).toEqual(expected);

    // stored as codes and figures, no words: they are rendered on read in the reader's language
    const [row] = await server.database.db.select().from(refunds).where(and(eq(refunds.shopId, server.shop.shopId), eq(refunds.id, done.body.result.refund!.id)));
    expect(row!.explanation).toContainEqual({ component: 'deduction', code: 'return_shipping_deducted', fault: 'buyer', legs: 2, fee: 6000, amount: 6000 });
    expect(JSON.stringify(row!.explanation)).not.toContain('차감');

    const list = await server.owner.get<{ refunds: RefundDto[] }>(`/api/v1/orders/${o.id}/refunds`, { 'accept-language': 'en' });
    expect(texts(list.body.refunds[0]!.explanation)).toContain("Return by the buyer's fault: round-trip shipping of 6,000원 deducted");
    const summary = await server.owner.get<PaymentSummary>(`/api/v1/orders/${o.id}/payment-summary`);
    expect(summary.body.refunds[0]).toMatchObject({ reason: '단순 변심' });
    expect(texts(summary.body.refunds[0]!.explanation)).toEqual(expected);
    expect(await auditOrder(server.database.db, server.shop.shopId, o.id)).toEqual([]);
  });
});

describe('preset claim reasons for staff claims', () => {
  it('refuses 기타 without words and a request with no reason at all, changing nothing', async () => {
    const o = await place();
    const post = (body: Record<string, unknown>) => server.owner.post<ErrorBody>(`/api/v1/orders/${o.id}/cancellations`, { expectedVersion: o.version, items: units(o, 0), complete: false, ...body });
    const bare = await post({ reasonCode: 'other' });
    expect([bare.status, bare.body.error.code]).toEqual([400, 'CLAIM_REASON_TEXT_REQUIRED']);
    expect(bare.body.error.message).toBe('사유가 기타이면 내용을 입력하세요.');
    const blank = await post({ reasonCode: 'other', reasonText: '   ' });
    expect([blank.status, blank.body.error.code]).toEqual([400, 'CLAIM_REASON_TEXT_REQUIRED']);
    const none = await post({});
    expect([none.status, none.body.error.code]).toEqual([400, 'CLAIM_REASON_REQUIRED']);
    const unknown = await post({ reasonCode: 'bored' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const after = await server.owner.get<OrderDetail>(`/api/v1/orders/${o.id}`);
    expect(after.body.version).toBe(o.version);
  });

  it('keeps the code and the words, reads the label on the timeline, and keeps older free-text requests as 기타', async () => {
    const o = await place();
    const coded = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/cancellations`, {
      expectedVersion: o.version, items: units(o, 0), complete: false, reasonCode: 'late_delivery', reasonText: '출고 지연 안내 후 취소',
    });
    expect(coded.status).toBe(201);
    expect(coded.body.result.claim).toMatchObject({ reasonCode: 'late_delivery', reasonText: '출고 지연 안내 후 취소', reason: '배송 지연: 출고 지연 안내 후 취소' });
    const legacy = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/cancellations`, { expectedVersion: coded.body.order.version, items: units(o, 1), complete: false, reason: '고객 요청' });
    expect(legacy.status).toBe(201);
    expect(legacy.body.result.claim).toMatchObject({ reasonCode: 'other', reasonText: '고객 요청', reason: '기타: 고객 요청' });

    const stored = await server.database.db.select({ code: claims.reasonCode, text: claims.reasonText }).from(claims).where(and(eq(claims.shopId, server.shop.shopId), eq(claims.orderId, o.id)));
    expect(stored).toEqual(expect.arrayContaining([{ code: 'late_delivery', text: '출고 지연 안내 후 취소' }, { code: 'other', text: '고객 요청' }]));
    const inEnglish = await server.owner.get<{ claims: ClaimDto[] }>(`/api/v1/orders/${o.id}/claims`, { 'accept-language': 'en' });
    expect(inEnglish.body.claims.map((c) => c.reason)).toEqual(expect.arrayContaining(['Late delivery: 출고 지연 안내 후 취소', 'Other: 고객 요청']));

    const timeline = async (lang: string) => (await server.owner.get<TimelineResponse>(`/api/v1/orders/${o.id}/timeline?only=events`, { 'accept-language': lang })).body.entries;
    const requestedLines = (entries: TimelineResponse['entries']) => entries.flatMap((e) => (e.kind === 'event' && e.type === 'claim_requested' ? [e.description] : []));
    expect(requestedLines(await timeline('ko')).some((d) => d.endsWith('(배송 지연: 출고 지연 안내 후 취소)'))).toBe(true);
    expect(requestedLines(await timeline('en')).some((d) => d.endsWith('(Late delivery: 출고 지연 안내 후 취소)'))).toBe(true);
    expect(requestedLines(await timeline('en')).join(' ')).not.toContain('late_delivery');
  });

  it('lets an exchange take its fault from the reason, or from staff', async () => {
    const o = await delivered(await place());
    const shop = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/exchanges`, { expectedVersion: o.version, items: units(o, 0), reasonCode: 'defective', pickup: busan });
    expect(shop.status).toBe(201);
    expect(shop.body.result.claim).toMatchObject({ fault: 'shop', reasonCode: 'defective', reason: '상품 불량' });
    const overridden = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/exchanges`, {
      expectedVersion: shop.body.order.version, items: units(o, 1), reasonCode: 'wrong_item', fault: 'buyer', pickup: busan,
    });
    expect(overridden.body.result.claim).toMatchObject({ fault: 'buyer', reasonCode: 'wrong_item' });
  });
});
