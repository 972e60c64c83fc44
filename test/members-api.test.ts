import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerBenefits } from '../src/contracts/buyer-benefits';
import type { Coupon, IssuedCoupon, PointsHistory, PostPointsResult } from '../src/contracts/member-benefits';
import type { Grade, Member, MemberBatchResult, MemberList } from '../src/contracts/members';
import type { OrderDetail } from '../src/contracts/orders';
import { coupons, customerCoupons, customers, memberGrades, pointsLedger } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let api: HttpClient;
let shopId: number;

beforeAll(async () => {
  server = await startTestServer();
  api = server.storefront;
  shopId = server.shop.shopId;
});
afterAll(() => server.close());

/** Every members-API row of the shop, to prove a refusal wrote nothing. */
async function rowsOfShop() {
  const { db } = server.database;
  return JSON.stringify([
    await db.select().from(memberGrades).where(eq(memberGrades.shopId, shopId)).orderBy(asc(memberGrades.id)),
    await db.select().from(customers).where(eq(customers.shopId, shopId)).orderBy(asc(customers.id)),
    await db.select().from(coupons).where(eq(coupons.shopId, shopId)).orderBy(asc(coupons.id)),
    await db.select().from(customerCoupons).where(eq(customerCoupons.shopId, shopId)).orderBy(asc(customerCoupons.id)),
    await db.select().from(pointsLedger).where(eq(pointsLedger.shopId, shopId)).orderBy(asc(pointsLedger.id)),
  ]);
}

/** Sends the request and checks it was refused with `status` and `code`, leaving every row as it was. */
async function refusedUnchanged(send: () => Promise<{ status: number; body: unknown }>, status: number, code: string) {
  const before = await rowsOfShop();
  const res = await send();
  expect([res.status, (res.body as ErrorBody).error?.code]).toEqual([status, code]);
  expect(await rowsOfShop()).toBe(before);
  return res.body as ErrorBody;
}

const put = <T>(path: string, body: unknown, client = api, headers?: Record<string, string>) => client.request<T & ErrorBody>('PUT', path, body, headers);
const member = (externalId: string, client = api) => client.get<Member & ErrorBody>(`/api/v1/members/${externalId}`);
const points = (externalId: string, body: unknown, key: string, client = api) =>
  client.post<PostPointsResult & ErrorBody>(`/api/v1/members/${externalId}/points`, body, { 'idempotency-key': key });

describe('grades', () => {
  it('creates, updates and lists grades by name; refuses bad rates writing nothing', async () => {
    const created = await put<Grade>(`/api/v1/member-grades/${encodeURIComponent('다이아')}`, { discountRate: 7.5 });
    expect([created.status, created.body]).toEqual([201, { name: '다이아', discountRate: 7.5, position: 4 }]);
    const again = await put<Grade>(`/api/v1/member-grades/${encodeURIComponent('다이아')}`, { discountRate: 7.5 });
    expect([again.status, again.body.position]).toEqual([200, 4]);
    expect((await put<Grade>(`/api/v1/member-grades/${encodeURIComponent('다이아')}`, { discountRate: 8.25, position: 9 })).body).toEqual({ name: '다이아', discountRate: 8.25, position: 9 });
    const list = await api.get<{ grades: Grade[] }>('/api/v1/member-grades');
    expect(list.body.grades.map((g) => g.name)).toEqual(['일반', '실버', '골드', 'VIP', '다이아']);
    for (const discountRate of [101, -1, 1.234, '5']) {
      await refusedUnchanged(() => put('/api/v1/member-grades/VIP', { discountRate }), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('members', () => {
  it('creates a member with a normalised phone and lower-case e-mail, replaces it, and reads it back', async () => {
    const created = await put<Member>('/api/v1/members/m-100', { name: '김회원', phone: '+82 10 1234 5678', email: ' Kim@Shop.KR ', grade: '골드' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ externalId: 'm-100', name: '김회원', phone: '010-1234-5678', email: 'kim@shop.kr', grade: { name: '골드', discountRate: 3 }, pointsBalance: 0, availableCoupons: 0 });
    const same = await put<Member>('/api/v1/members/m-100', { name: '김회원', phone: '01012345678', email: 'kim@shop.kr', grade: '골드' });
    expect([same.status, same.body.updatedAt]).toEqual([200, created.body.updatedAt]);
    // PUT is the whole member: what is left out is cleared
    const replaced = await put<Member>('/api/v1/members/m-100', { name: '김회원' });
    expect(replaced.body).toMatchObject({ phone: null, email: null, grade: null, customerId: created.body.customerId });
    expect((await member('m-100')).body).toEqual(replaced.body);
    expect((await member('nobody')).body.error.code).toBe('MEMBER_NOT_FOUND');
  });

  it('refuses an unknown grade, a taken e-mail and malformed fields, writing nothing', async () => {
    await put('/api/v1/members/m-200', { name: '박메일', email: 'park@shop.kr' });
    const grade = await refusedUnchanged(() => put('/api/v1/members/m-201', { name: '이등급', grade: '플래티넘' }), 422, 'MEMBER_GRADE_UNKNOWN');
    expect(grade.error.details).toMatchObject({ field: 'grade', grade: '플래티넘' });
    const taken = await refusedUnchanged(() => put('/api/v1/members/m-201', { name: '이메일', email: 'PARK@shop.kr' }), 409, 'MEMBER_EMAIL_TAKEN');
    expect(taken.error.details).toMatchObject({ field: 'email', heldBy: 'm-200' });
    await refusedUnchanged(() => put('/api/v1/members/m-200', { name: '박메일', email: 'park@shop.kr', grade: '없는등급' }), 422, 'MEMBER_GRADE_UNKNOWN');
    for (const body of [{ name: '' }, { name: '전화', phone: '12345' }, { name: '메일', email: 'not-mail' }, { name: '추가', points: 100 }]) {
      await refusedUnchanged(() => put('/api/v1/members/m-202', body), 400, 'VALIDATION_FAILED');
    }
    await refusedUnchanged(() => put('/api/v1/members/bad%20id', { name: '공백' }), 400, 'VALIDATION_FAILED');
  });

  it('syncs 1,000 members in a batch, re-syncs them unchanged, and reports each row of a mixed batch', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ externalId: `sync-${i}`, name: `회원${i}`, phone: `0101234${String(i).padStart(4, '0')}`, email: `sync${i}@shop.kr`, grade: i % 2 ? '실버' : null }));
    const first = await api.post<MemberBatchResult>('/api/v1/members/batch', { members: rows });
    expect([first.status, first.body.counts]).toEqual([200, { created: 1000, updated: 0, unchanged: 0, refused: 0 }]);
    expect(first.body.results[999]).toEqual({ index: 999, externalId: 'sync-999', outcome: 'created' });
    const before = await rowsOfShop();
    const again = await api.post<MemberBatchResult>('/api/v1/members/batch', { members: rows });
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 1000, refused: 0 });
    expect(await rowsOfShop()).toBe(before);
    expect((await member('sync-7')).body).toMatchObject({ name: '회원7', phone: '010-1234-0007', grade: { name: '실버' } });

    const found = await api.get<MemberList>('/api/v1/members?keyword=01012340007');
    expect(found.body.items.map((m) => m.externalId)).toEqual(['sync-7']);
    const page = await api.get<MemberList>('/api/v1/members?keyword=sync-99&limit=5');
    expect(page.body.items.map((m) => m.externalId)).toEqual(['sync-99', 'sync-990', 'sync-991', 'sync-992', 'sync-993']);
    const next = await api.get<MemberList>(`/api/v1/members?keyword=sync-99&limit=5&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((m) => m.externalId)).toEqual(['sync-994', 'sync-995', 'sync-996', 'sync-997', 'sync-998']);
    expect((await api.get<ErrorBody>('/api/v1/members?cursor=abc')).body.error.code).toBe('VALIDATION_FAILED');

    const mixed = await api.post<MemberBatchResult>(
      '/api/v1/members/batch',
      {
        members: [
          { externalId: 'sync-1', name: '회원1 개명', grade: '실버' },
          { externalId: 'sync-2', name: '', grade: '실버' },
          { externalId: 'sync-3', name: '회원3', grade: '없음' },
          { externalId: 'sync-4', name: '회원4', email: 'sync5@shop.kr' },
          { externalId: 'sync-1', name: '두 번째' },
          { externalId: 'new-1', name: '새회원' },
          { externalId: 42, name: '숫자 id' },
        ],
      },
      { 'accept-language': 'en' },
    );
    expect(mixed.body.results.map((r) => [r.externalId, r.outcome, r.error?.code])).toEqual([
      ['sync-1', 'updated', undefined],
      ['sync-2', 'refused', 'VALIDATION_FAILED'],
      ['sync-3', 'refused', 'MEMBER_GRADE_UNKNOWN'],
      ['sync-4', 'refused', 'MEMBER_EMAIL_TAKEN'],
      ['sync-1', 'refused', 'MEMBER_BATCH_DUPLICATE'],
      ['new-1', 'created', undefined],
      [null, 'refused', 'VALIDATION_FAILED'],
    ]);
    expect(mixed.body.results[3]!.error!.message).toBe('Another member of the shop has this e-mail address.');
    // the refused rows left their members as they were
    expect((await member('sync-2')).body).toMatchObject({ name: '회원2', grade: null });
    expect((await member('sync-4')).body).toMatchObject({ name: '회원4', email: 'sync4@shop.kr' });
    expect((await member('sync-1')).body).toMatchObject({ name: '회원1 개명', email: null });
    await refusedUnchanged(() => api.post('/api/v1/members/batch', { members: [] }), 400, 'VALIDATION_FAILED');
    await refusedUnchanged(() => api.post('/api/v1/members/batch', { members: Array.from({ length: 1001 }, () => ({})) }), 400, 'VALIDATION_FAILED');
  });
});

describe('coupons and issued coupons', () => {
  it('defines coupons by the storefront’s id and refuses impossible rules', async () => {
    const fixed = await put<Coupon>('/api/v1/coupons/WELCOME5000', { name: '가입 5,000원', kind: 'fixed', value: 5000, minOrderAmount: 30_000, active: true });
    expect([fixed.status, fixed.body]).toMatchObject([201, { externalId: 'WELCOME5000', kind: 'fixed', value: 5000, maxDiscount: null, minOrderAmount: 30_000, active: true }]);
    const rate = { name: '15% 할인', kind: 'rate', value: 15, maxDiscount: 20_000, validFrom: '2026-01-01T00:00:00+09:00', validUntil: '2099-01-01T00:00:00+09:00', active: true };
    expect((await put<Coupon>('/api/v1/coupons/RATE15', rate)).status).toBe(201);
    expect((await put<Coupon>('/api/v1/coupons/RATE15', rate)).status).toBe(200);
    expect((await api.get<Coupon>('/api/v1/coupons/RATE15')).body).toMatchObject({ validFrom: '2025-12-31T15:00:00.000Z', maxDiscount: 20_000 });
    expect((await api.get<{ coupons: Coupon[] }>('/api/v1/coupons')).body.coupons.map((c) => c.externalId)).toEqual([null, null, null, 'WELCOME5000', 'RATE15']);
    expect((await api.get<ErrorBody>('/api/v1/coupons/NOPE')).body.error.code).toBe('COUPON_DEFINITION_NOT_FOUND');
    for (const body of [{ ...rate, value: 150 }, { ...rate, value: 12.5 }, { ...rate, validUntil: '2025-01-01T00:00:00+09:00' }, { ...rate, kind: 'bogo' }, { ...rate, active: undefined }]) {
      await refusedUnchanged(() => put('/api/v1/coupons/RATE15', body), 400, 'VALIDATION_FAILED');
    }
  });

  it('issues, re-issues as a no-op, re-points and withdraws; a used coupon stays as the order used it', async () => {
    await put('/api/v1/members/c-1', { name: '최쿠폰', phone: '010-5555-6666' });
    await put('/api/v1/members/c-2', { name: '정다른' });
    await put('/api/v1/coupons/OFF', { name: '중지된 쿠폰', kind: 'fixed', value: 1000, active: false });
    const issued = await put<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-1', { coupon: 'WELCOME5000', expiresAt: '2099-12-31T23:59:59+09:00' });
    expect([issued.status, issued.body]).toMatchObject([201, { externalId: 'iss-1', memberExternalId: 'c-1', status: 'available', usable: true, coupon: { externalId: 'WELCOME5000' } }]);
    const before = await rowsOfShop();
    expect((await put('/api/v1/members/c-1/coupons/iss-1', { coupon: 'WELCOME5000', expiresAt: '2099-12-31T14:59:59Z' })).status).toBe(200);
    expect(await rowsOfShop()).toBe(before);
    expect((await put<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-1', { coupon: 'RATE15' })).body).toMatchObject({ coupon: { externalId: 'RATE15' }, expiresAt: null });
    await refusedUnchanged(() => put('/api/v1/members/c-2/coupons/iss-1', { coupon: 'RATE15' }), 409, 'ISSUED_COUPON_OTHER_MEMBER');
    await refusedUnchanged(() => put('/api/v1/members/c-1/coupons/iss-2', { coupon: 'NOPE' }), 422, 'COUPON_UNKNOWN');
    await refusedUnchanged(() => put('/api/v1/members/c-1/coupons/iss-2', { coupon: 'OFF' }), 422, 'COUPON_INACTIVE');
    await refusedUnchanged(() => put('/api/v1/members/nobody/coupons/iss-2', { coupon: 'RATE15' }), 404, 'MEMBER_NOT_FOUND');

    await put('/api/v1/members/c-1/coupons/iss-2', { coupon: 'WELCOME5000' });
    await put('/api/v1/members/c-1/coupons/iss-3', { coupon: 'WELCOME5000' });
    expect((await member('c-1')).body.availableCoupons).toBe(3);
    const withdrawn = await api.post<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-3/withdraw');
    expect(withdrawn.body).toMatchObject({ status: 'expired', usable: false });
    expect((await api.post<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-3/withdraw')).status).toBe(200);
    await refusedUnchanged(() => api.post('/api/v1/members/c-2/coupons/iss-2/withdraw'), 404, 'ISSUED_COUPON_NOT_FOUND');
    await refusedUnchanged(() => api.post('/api/v1/members/c-1/coupons/iss-9/withdraw'), 404, 'ISSUED_COUPON_NOT_FOUND');
    expect((await api.get<ErrorBody>('/api/v1/members/nobody/coupons')).body.error.code).toBe('MEMBER_NOT_FOUND');
    expect((await member('c-1')).body.availableCoupons).toBe(2);
    expect((await api.get<{ coupons: IssuedCoupon[] }>('/api/v1/members/c-1/coupons')).body.coupons.map((c) => [c.externalId, c.status])).toEqual([
      ['iss-3', 'expired'],
      ['iss-2', 'available'],
      ['iss-1', 'available'],
    ]);

    // the staff's buyer-benefits screen lists what the storefront issued; an order then uses one
    const { customerId, name, phone } = (await member('c-1')).body;
    const order = await placeOrder({ customerId, name, phone });
    const shown = await server.owner.get<BuyerBenefits>(`/api/v1/orders/${order.id}/buyer-benefits`);
    expect(shown.body.coupons.map((c) => c.customerCouponId).sort()).toEqual([issued.body.customerCouponId, (await put<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-2', { coupon: 'WELCOME5000' })).body.customerCouponId].sort());
    await placeOrder({ customerId, name, phone }, { discounts: { customerCouponId: issued.body.customerCouponId } });
    await refusedUnchanged(() => put('/api/v1/members/c-1/coupons/iss-1', { coupon: 'WELCOME5000' }), 409, 'ISSUED_COUPON_USED');
    await refusedUnchanged(() => api.post('/api/v1/members/c-1/coupons/iss-1/withdraw'), 409, 'ISSUED_COUPON_USED');
    expect((await put<IssuedCoupon>('/api/v1/members/c-1/coupons/iss-1', { coupon: 'RATE15' })).body).toMatchObject({ status: 'used', usedOrderId: expect.any(Number) });
  });
});

/** Places an order as a storefront would, paying the total the server names when asked with a wrong amount. */
async function placeOrder(orderer: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<OrderDetail> {
  const body = (amount: number) => ({ orderer, addresses: [seoulAddress()], items: [{ custom: { name: '니트 가디건', unitPrice: 60_000 }, quantity: 1 }], payment: cardPayment(amount), ...extra });
  const probe = await api.post<ErrorBody>('/api/v1/orders', body(1));
  const res = await api.post<OrderDetail>('/api/v1/orders', body(probe.body.error.details!.expected as number));
  if (res.status !== 201) throw new Error(`order refused: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('points', () => {
  it('posts entries once per Idempotency-Key, keeps the balance at or above 0, and pages the history', async () => {
    await put('/api/v1/members/p-1', { name: '한포인트' });
    await refusedUnchanged(() => api.post('/api/v1/members/p-1/points', { kind: 'earned', amount: 100, reason: '키 없음' }), 400, 'VALIDATION_FAILED');
    const earned = await points('p-1', { kind: 'earned', amount: 5000, reason: '구매 적립' }, 'k-1');
    expect([earned.status, earned.body.balance, earned.body.entry]).toMatchObject([201, 5000, { kind: 'earned', delta: 5000, reason: '구매 적립', orderId: null }]);
    const replay = await points('p-1', { reason: '구매 적립', amount: 5000, kind: 'earned' }, 'k-1');
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.body]).toEqual([201, 'true', earned.body]);
    await refusedUnchanged(() => points('p-1', { kind: 'earned', amount: 9000, reason: '구매 적립' }, 'k-1'), 422, 'IDEMPOTENCY_KEY_REUSED');
    const over = await refusedUnchanged(() => points('p-1', { kind: 'spent', amount: 5001, reason: '사용' }, 'k-2'), 422, 'POINTS_EXCEED_BALANCE');
    expect(over.error.details).toMatchObject({ balance: 5000, delta: -5001 });
    await refusedUnchanged(() => points('p-1', { kind: 'adjusted', amount: -6000, reason: '정정' }, 'k-3'), 422, 'POINTS_EXCEED_BALANCE');
    for (const body of [{ kind: 'earned', amount: -5, reason: '음수' }, { kind: 'spent', amount: 0, reason: '영' }, { kind: 'used', amount: 5, reason: '주문' }, { kind: 'earned', amount: 1.5, reason: '소수' }, { kind: 'earned', amount: 5, reason: ' ' }]) {
      await refusedUnchanged(() => points('p-1', body, 'k-bad'), 400, 'VALIDATION_FAILED');
    }
    await refusedUnchanged(() => points('nobody', { kind: 'earned', amount: 5, reason: '없음' }, 'k-4'), 404, 'MEMBER_NOT_FOUND');
    expect((await points('p-1', { kind: 'spent', amount: 1200, reason: '매장 사용' }, 'k-5')).body.balance).toBe(3800);
    expect((await points('p-1', { kind: 'adjusted', amount: -800, reason: '정정' }, 'k-6')).body.balance).toBe(3000);
    expect((await points('p-1', { kind: 'expired', amount: 3000, reason: '소멸' }, 'k-7')).body).toMatchObject({ balance: 0, entry: { kind: 'expired', delta: -3000 } });
    expect((await member('p-1')).body.pointsBalance).toBe(0);

    const first = await api.get<PointsHistory>('/api/v1/members/p-1/points?limit=3');
    expect([first.body.balance, first.body.entries.map((e) => e.delta)]).toEqual([0, [-3000, -800, -1200]]);
    const rest = await api.get<PointsHistory>(`/api/v1/members/p-1/points?limit=3&cursor=${first.body.nextCursor}`);
    expect([rest.body.entries.map((e) => [e.kind, e.delta]), rest.body.nextCursor]).toEqual([[['earned', 5000]], null]);
  });

  it('keeps one balance under concurrent posts and creates a member once under concurrent PUTs', async () => {
    const created = await Promise.all(Array.from({ length: 5 }, () => put<Member>('/api/v1/members/race-1', { name: '동시' })));
    expect(created.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(created.map((r) => r.body.customerId)).size).toBe(1);
    await points('race-1', { kind: 'earned', amount: 1000, reason: '적립' }, 'race-earn');
    const spends = await Promise.all(Array.from({ length: 5 }, (_, i) => points('race-1', { kind: 'spent', amount: 300, reason: '사용' }, `race-spend-${i}`)));
    expect(spends.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422]);
    const twins = await Promise.all(Array.from({ length: 3 }, () => points('race-1', { kind: 'earned', amount: 50, reason: '중복' }, 'race-twin')));
    expect(twins.map((r) => r.body.entry.id)).toEqual(Array(3).fill(twins[0]!.body.entry.id));
    const history = await api.get<PointsHistory>('/api/v1/members/race-1/points');
    expect([history.body.balance, history.body.entries.reduce((sum, e) => sum + e.delta, 0), history.body.entries.length]).toEqual([150, 150, 5]);
  });
});

describe('access and shops', () => {
  it('lets API keys, managers and owners in; viewers and staff are refused; another shop sees 404', async () => {
    await put('/api/v1/members/a-1', { name: '접근' });
    for (const role of ['viewer', 'staff'] as const) {
      const client = await server.addStaff(role);
      expect((await member('a-1', client)).status).toBe(403);
      await refusedUnchanged(() => put('/api/v1/members/a-2', { name: '거절' }, client), 403, 'FORBIDDEN');
    }
    const manager = await server.addStaff('manager');
    expect((await put<Member>('/api/v1/members/a-2', { name: '매니저 등록' }, manager)).status).toBe(201);
    expect((await server.owner.get<Member>('/api/v1/members/a-2')).body.name).toBe('매니저 등록');
    expect((await member('a-1', server.anonymous())).status).toBe(401);

    const other = await createShop(server.database.db, { name: '옆가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '옆주인', ownerPassword: 'other-password-1' });
    const theirs = new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` });
    expect((await member('a-1', theirs)).body.error.code).toBe('MEMBER_NOT_FOUND');
    expect((await api.get<ErrorBody>('/api/v1/coupons/WELCOME5000', { authorization: `Bearer ${other.apiKey}` })).status).toBe(404);
    await refusedUnchanged(() => points('p-1', { kind: 'earned', amount: 5, reason: '남의 회원' }, 'x-1', theirs), 404, 'MEMBER_NOT_FOUND');
    await refusedUnchanged(() => theirs.post('/api/v1/members/c-1/coupons/iss-2/withdraw'), 404, 'MEMBER_NOT_FOUND');
    // the same storefront id in another shop is another member
    expect((await put<Member>('/api/v1/members/a-1', { name: '옆가게 회원' }, theirs)).status).toBe(201);
    expect((await member('a-1')).body.name).toBe('접근');
    expect((await theirs.get<MemberList>('/api/v1/members')).body.items.map((m) => m.externalId)).toEqual(['a-1']);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = await server.anonymous().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    for (const [path, method] of [
      ['/api/v1/member-grades/{name}', 'put'],
      ['/api/v1/members/batch', 'post'],
      ['/api/v1/members/{externalId}', 'put'],
      ['/api/v1/members', 'get'],
      ['/api/v1/coupons/{externalId}', 'put'],
      ['/api/v1/members/{externalId}/coupons/{issuedExternalId}', 'put'],
      ['/api/v1/members/{externalId}/coupons/{issuedExternalId}/withdraw', 'post'],
      ['/api/v1/members/{externalId}/points', 'post'],
    ] as const) {
      expect(doc.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
