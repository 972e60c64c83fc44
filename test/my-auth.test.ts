import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guestLookupUrl, memberHandoffUrl, signHandoffToken as storefrontSign } from '../examples/storefront/my-page';
import type { MySession } from '../src/contracts/my';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { demoStorefrontOf, keepStorefrontHandoffSecret, keepStorefrontKey } from '../src/server/demo-storefront';
import { checkHandoffToken, signHandoffToken, type HandoffClaims } from '../src/server/my/handoff';
import { createShop, type CreatedShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * How buyers get into My Page, over HTTP: a member handed over by the storefront with a signed
 * token (every way a token can be wrong answers the same 401), a guest looking an order up (every
 * wrong part answers the same 401; guessing is slowed, then locked, and written on the order's
 * staff timeline). Growing delays are "waited out" by moving the stored block into the past.
 *
 * The guest lookups come first: until the hand-off tests add a second shop, the installation has
 * one shop and a lookup may leave `shopId` out.
 */
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
const GUEST = { name: '박비회', phone: '010-5555-1234', password: 'guest-pass-1' };
let serial = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function placeOrder(orderer: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>(
    '/api/v1/orders',
    { orderer, addresses: [seoulAddress()], items: [{ custom: { name: '원목 액자', unitPrice: 30_000 }, quantity: 1 }], shippingFee: 0, payment: cardPayment(30_000) },
    { 'idempotency-key': `my-auth-${++serial}-${Date.now()}` },
  );
  if (res.status !== 201) throw new Error(`order not placed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const guestOrder = (phone = GUEST.phone) => placeOrder({ name: GUEST.name, phone, guestPassword: GUEST.password });

const lookUp = (body: Record<string, unknown>, client = server.anonymous()) => client.post<MySession & ErrorBody>('/api/v1/my/guest-lookups', body);
const guestEvents = async (orderId: number) =>
  (await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries.filter((e) => e.kind === 'event' && e.type === 'guest_lookup_failed');
/** As if the wait had passed: the order's stored block moves into the past. */
const waitOut = (orderNumber: string, shopId = server.shop.shopId) =>
  server.database.db.execute(sql`update sign_in_throttles set blocked_until = now() - interval '1 second' where subject = ${`guest-order:${shopId}:${orderNumber}`}`);
/** Every test's client comes from 127.0.0.1: its address count would otherwise carry over from test to test. */
const forgetAddress = () => server.database.db.execute(sql`delete from sign_in_throttles where subject like 'guest-address:%'`);

describe('비회원 주문조회 (guest lookup)', () => {
  beforeEach(forgetAddress);

  it('opens the order by its number, the orderer’s phone (any hyphenation) or name, and the password', async () => {
    const order = await guestOrder();
    for (const contact of ['010-5555-1234', '01055551234', ' 010 5555 1234 ', '+82 10-5555-1234', GUEST.name, ` ${GUEST.name} `]) {
      const client = server.anonymous();
      const res = await lookUp({ orderNumber: order.orderNumber, contact, password: GUEST.password }, client);
      expect([contact, res.status]).toEqual([contact, 200]);
      expect(res.body).toEqual({ buyer: 'guest', name: GUEST.name, shop: { id: server.shop.shopId, name: '테스트샵' }, orderNumber: order.orderNumber });
      expect(res.headers.getSetCookie().join()).toMatch(/jumun_buyer=.+HttpOnly.*SameSite=Lax/i);
      expect((await client.get<MySession>('/api/v1/my/session')).body).toMatchObject({ buyer: 'guest', orderNumber: order.orderNumber });
    }
    // stored without hyphens, looked up with them
    const bare = await guestOrder('01077778888');
    expect((await lookUp({ orderNumber: bare.orderNumber, contact: '010-7777-8888', password: GUEST.password })).status).toBe(200);
  });

  it('refuses a wrong password, phone, name or order number — and a member’s order — with one code and one message', async () => {
    const order = await guestOrder();
    expect((await server.storefront.put(`/api/v1/members/GM-${serial}`, { name: '김회원', phone: '010-3333-4444' })).status).toBe(201);
    const memberOrder = await placeOrder({ memberExternalId: `GM-${serial}`, name: '김회원', phone: '010-3333-4444' });
    const right = { orderNumber: order.orderNumber, contact: GUEST.phone, password: GUEST.password };
    const wrongs = [
      { ...right, password: 'guest-pass-2' },
      { ...right, contact: '010-5555-1235' },
      { ...right, contact: '박회원' },
      { ...right, orderNumber: '19990101-9999999' },
      { orderNumber: memberOrder.orderNumber, contact: '010-3333-4444', password: GUEST.password },
    ];
    const answers = [];
    for (const wrong of wrongs) answers.push(await lookUp(wrong));
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual(answers[0]!.body.error);
      expect(res.headers.getSetCookie().join()).not.toContain('jumun_buyer');
    }
    expect(answers[0]!.body.error.code).toBe('GUEST_LOOKUP_FAILED');
    // the failures on existing orders are on their staff timelines, never shown to the buyer
    const events = await guestEvents(order.id);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.kind === 'event' && e.buyerVisible === false && e.actor.kind === 'system')).toBe(true);
    expect(await guestEvents(memberOrder.id)).toHaveLength(1);
    // a staff member changing the order meanwhile is not told someone else did: the version stayed
    const detail = await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`);
    expect(detail.body.version).toBe(order.version);
    // the third failure on the order began its delay
    await waitOut(order.orderNumber);
    expect((await lookUp(right)).status).toBe(200);
  });

  it('slows guessing on an order from the 3rd failure, locks it at the 10th — the right password too — and writes each on its timeline', async () => {
    const order = await guestOrder();
    const wrong = { orderNumber: order.orderNumber, contact: GUEST.phone, password: 'not-it' };
    const right = { ...wrong, password: GUEST.password };
    for (let i = 0; i < 3; i++) expect((await lookUp(wrong)).body.error.code).toBe('GUEST_LOOKUP_FAILED');
    const slowed = await lookUp(right);
    expect([slowed.status, slowed.body.error.code]).toEqual([429, 'GUEST_LOOKUP_THROTTLED']);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    for (let i = 3; i < 10; i++) {
      await waitOut(order.orderNumber);
      await forgetAddress();
      expect((await lookUp(wrong)).body.error.code).toBe('GUEST_LOOKUP_FAILED');
    }
    const locked = await lookUp(right);
    expect([locked.status, locked.body.error.code]).toEqual([429, 'GUEST_LOOKUP_LOCKED']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(25 * 60);
    expect(locked.headers.getSetCookie().join()).not.toContain('jumun_buyer');

    const events = await guestEvents(order.id);
    expect(events).toHaveLength(10);
    const payloads = events.map((e) => (e.kind === 'event' ? e.payload : {}));
    expect(payloads.map((p) => p.failures).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(payloads.find((p) => p.failures === 10)).toMatchObject({ locked: true, clientAddress: '127.0.0.1' });
    expect(payloads.filter((p) => p.locked)).toHaveLength(1);
    const description = events.find((e) => e.kind === 'event' && e.payload.failures === 10);
    expect(description?.kind === 'event' && description.description).toContain('잠갔습니다');
  });

  it('slows a client address walking through many orders, whichever order it tries next', async () => {
    const order = await guestOrder();
    for (let i = 0; i < 10; i++) expect((await lookUp({ orderNumber: `20000101-${String(i).padStart(7, '0')}`, contact: GUEST.phone, password: 'guess' })).status).toBe(401);
    const refused = await lookUp({ orderNumber: order.orderNumber, contact: GUEST.phone, password: GUEST.password });
    expect([refused.status, refused.body.error.code]).toEqual([429, 'GUEST_LOOKUP_THROTTLED']);
    await forgetAddress();
    expect((await lookUp({ orderNumber: order.orderNumber, contact: GUEST.phone, password: GUEST.password })).status).toBe(200);
  });
});

// ── member hand-off ──────────────────────────────────────────────────────────────────────────────

const MEMBER = { externalId: 'M-1001', name: '이회원', phone: '010-2468-1357' };
let secret: string;
let other: CreatedShop;
let otherSecret: string;

const nowSeconds = () => Math.floor(Date.now() / 1000);
let nonceSerial = 0;
const claims = (overrides: Partial<HandoffClaims> = {}): HandoffClaims => ({
  sub: MEMBER.externalId,
  iat: nowSeconds(),
  exp: nowSeconds() + 120,
  nonce: `nonce-${Date.now()}-${++nonceSerial}-abcdef`,
  ...overrides,
});
const token = (overrides: Partial<HandoffClaims> = {}, key = secret, shopId = server.shop.shopId) => signHandoffToken(shopId, key, claims(overrides));
const handOff = (t: string, client = server.anonymous()) => client.post<ErrorBody>('/api/v1/my/session/handoff', { token: t });
const browserEntry = (query: string) => fetch(`${server.baseUrl}/my/handoff?${query}`, { redirect: 'manual' });

describe('member hand-off', () => {
  beforeAll(async () => {
    expect((await server.storefront.put(`/api/v1/members/${MEMBER.externalId}`, { name: MEMBER.name, phone: MEMBER.phone })).status).toBe(201);
    other = await createShop(server.database.db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '남주인', ownerPassword: 'owner-password-2' });
    // the same storefront member id in the other shop is another member
    const otherStorefront = new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` });
    expect((await otherStorefront.put(`/api/v1/members/${MEMBER.externalId}`, { name: '다른회원' })).status).toBe(201);
  });

  it('is off until the owner makes a secret; the secret is shown once, managers see only whether it is set', async () => {
    expect((await server.owner.get('/api/v1/shop/handoff-secret')).body).toEqual({ configured: false, hint: null });
    expect((await handOff(token({}, 'no-secret-yet'))).body.error.code).toBe('HANDOFF_TOKEN_INVALID');
    const manager = await server.addStaff('manager');
    expect((await manager.post<ErrorBody>('/api/v1/shop/handoff-secret')).status).toBe(403);
    expect((await server.storefront.post<ErrorBody>('/api/v1/shop/handoff-secret')).status).toBe(403);
    const made = await server.owner.post<{ secret: string }>('/api/v1/shop/handoff-secret');
    expect(made.status).toBe(200);
    secret = made.body.secret;
    expect(secret).toMatch(/^jhs_[A-Za-z0-9_-]{43}$/);
    expect((await manager.get('/api/v1/shop/handoff-secret')).body).toEqual({ configured: true, hint: secret.slice(-4) });
    expect((await (await server.addStaff('staff')).get('/api/v1/shop/handoff-secret')).status).toBe(403);
    const otherOwner = await server.signIn(other.ownerEmail, 'owner-password-2');
    otherSecret = (await otherOwner.post<{ secret: string }>('/api/v1/shop/handoff-secret')).body.secret;
  });

  it('signs the member in with a cookie of their own that GET /api/v1/my/session reads', async () => {
    const client = server.anonymous();
    const res = await handOff(token(), client);
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/jumun_buyer=.+Path=\/.*HttpOnly.*SameSite=Lax/i);
    const session = await client.get<MySession>('/api/v1/my/session');
    expect(session.body).toEqual({ buyer: 'member', name: MEMBER.name, shop: { id: server.shop.shopId, name: '테스트샵' }, orderNumber: null });
    // signing out: the CSRF token from My Page's own route, the cookie cleared, the session gone
    const csrf = await client.get<{ token: string }>('/api/v1/my/csrf-token');
    expect((await client.post('/api/v1/my/session/logout', undefined, { 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await client.post('/api/v1/my/session/logout', undefined, { 'x-csrf-token': csrf.body.token })).status).toBe(204);
    expect((await client.get<ErrorBody>('/api/v1/my/session')).status).toBe(401);
  });

  it('refuses every faulty token with the same 401 HANDOFF_TOKEN_INVALID, saying nothing of what was wrong', async () => {
    const now = nowSeconds();
    const valid = token();
    const [shop, payload, signature] = valid.split('.') as [string, string, string];
    const flipped = `${shop}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const faulty: Record<string, string> = {
      expired: token({ iat: now - 400, exp: now - 100 }),
      'issued in the future': token({ iat: now + 120, exp: now + 200 }),
      'lives longer than 5 minutes': token({ iat: now, exp: now + 301 }),
      'bad signature': flipped,
      'payload changed after signing': `${shop}.${Buffer.from(JSON.stringify(claims({ sub: 'M-9999' }))).toString('base64url')}.${signature}`,
      'unknown member': token({ sub: 'M-404' }),
      'signed with another shop’s secret': token({}, otherSecret),
      'another shop named, this shop’s secret': token({}, secret, other.shopId),
      'short nonce': token({ nonce: 'too-short' }),
      'not a token': 'hello.world',
      'no such shop': token({}, secret, 999_999),
    };
    const answers = await Promise.all(Object.entries(faulty).map(async ([what, t]) => ({ what, res: await handOff(t) })));
    for (const { what, res } of answers) {
      expect([what, res.status, res.body.error.code]).toEqual([what, 401, 'HANDOFF_TOKEN_INVALID']);
      expect(res.body.error).toEqual({ code: 'HANDOFF_TOKEN_INVALID', message: answers[0]!.res.body.error.message });
      expect(res.headers.getSetCookie().join()).not.toContain('jumun_buyer');
    }
    // the valid one still works, once: its nonce is spent
    expect((await handOff(valid)).status).toBe(204);
    const replay = await handOff(valid);
    expect([replay.status, replay.body.error.code]).toEqual([401, 'HANDOFF_TOKEN_INVALID']);
  });

  it('judges time with 30 seconds of clock skew and at most 5 minutes of life', () => {
    const now = new Date('2026-12-01T03:00:00Z');
    const t = now.getTime() / 1000;
    const check = (c: Partial<HandoffClaims>) => checkHandoffToken(signHandoffToken(1, 's3cret', claims(c)), 's3cret', now);
    expect(check({ iat: t + 30, exp: t + 60 }).ok).toBe(true);
    expect(check({ iat: t + 31, exp: t + 60 })).toEqual({ ok: false, reason: 'issued in the future' });
    expect(check({ iat: t - 299, exp: t + 1 }).ok).toBe(true);
    expect(check({ iat: t - 300, exp: t })).toEqual({ ok: false, reason: 'expired' });
    expect(check({ iat: t, exp: t + 301 })).toEqual({ ok: false, reason: 'lifetime' });
    expect(checkHandoffToken(signHandoffToken(1, 's3cret', claims({ iat: t, exp: t + 60 })), 'other', now)).toEqual({ ok: false, reason: 'signature' });
  });

  it('lets a member’s browser in through GET /my/handoff, on to a My Page path only', async () => {
    const ok = await browserEntry(new URLSearchParams({ token: token(), next: '/my/orders/20261201-0000001' }).toString());
    expect([ok.status, ok.headers.get('location')]).toEqual([302, '/my/orders/20261201-0000001']);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('jumun_buyer='))!;
    const client = server.anonymous();
    client.setCookie('jumun_buyer', cookie.split(';')[0]!.slice('jumun_buyer='.length));
    expect((await client.get<MySession>('/api/v1/my/session')).body.buyer).toBe('member');
    for (const next of ['https://evil.example/my/', '//evil.example/my/', '/admin', '/my/../orders', '/my//evil.example', '/my\\evil']) {
      const res = await browserEntry(new URLSearchParams({ token: token(), next }).toString());
      expect([next, res.status, res.headers.get('location')]).toEqual([next, 302, '/my/orders']);
    }
    for (const query of [new URLSearchParams({ token: token({ sub: 'M-404' }), next: '/my/orders/1' }).toString(), '']) {
      const refused = await browserEntry(query);
      expect([refused.status, refused.headers.get('location')]).toEqual([302, '/my?error=handoff']);
      expect(refused.headers.getSetCookie().join()).not.toContain('jumun_buyer');
    }
  });

  it('takes tokens the demo storefront signs, and its links lead members and guests to the right door', async () => {
    const links = { jumunUrl: server.baseUrl, shopId: server.shop.shopId, handoffSecret: secret };
    expect((await handOff(storefrontSign(server.shop.shopId, secret, MEMBER.externalId))).status).toBe(204);
    const entry = memberHandoffUrl(links, MEMBER.externalId, '20261201-0000007')!;
    expect(entry.startsWith(`${server.baseUrl}/my/handoff?token=`)).toBe(true);
    const res = await fetch(entry, { redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/my/orders/20261201-0000007']);
    expect(memberHandoffUrl({ ...links, handoffSecret: null }, MEMBER.externalId)).toBeNull();
    expect(guestLookupUrl(links, '20261201-0000007')).toBe(`${server.baseUrl}/my?shop=${server.shop.shopId}&order=20261201-0000007`);
  });

  it('keeps buyers and staff apart: staff cookies and API keys open no buyer session, and each buyer sees only their own', async () => {
    expect((await server.owner.get<ErrorBody>('/api/v1/my/session')).body.error.code).toBe('UNAUTHENTICATED');
    expect((await server.storefront.get<ErrorBody>('/api/v1/my/session')).status).toBe(401);
    expect((await server.anonymous().get<ErrorBody>('/api/v1/my/session')).status).toBe(401);

    const order = await guestOrder();
    const guest = server.anonymous();
    expect((await lookUp({ shopId: server.shop.shopId, orderNumber: order.orderNumber, contact: GUEST.phone, password: GUEST.password }, guest)).status).toBe(200);
    const member = server.anonymous();
    expect((await handOff(token(), member)).status).toBe(204);
    expect((await guest.get<MySession>('/api/v1/my/session')).body).toMatchObject({ buyer: 'guest', name: GUEST.name, orderNumber: order.orderNumber });
    expect((await member.get<MySession>('/api/v1/my/session')).body).toMatchObject({ buyer: 'member', name: MEMBER.name, orderNumber: null });
    // a staff session in the same browser stays what it was
    const both = await server.signIn(server.shop.ownerEmail, 'owner-password-1');
    expect((await handOff(token(), both)).status).toBe(204);
    expect((await both.get('/api/v1/auth/me')).status).toBe(200);
    expect((await both.get<MySession>('/api/v1/my/session')).body.buyer).toBe('member');

    // a hand-off in the guest's browser ends the guest session (the old cookie opens nothing)
    const guestCookie = /jumun_buyer=([^;]+)/.exec(guest.cookieHeader)![1]!;
    expect((await handOff(token(), guest)).status).toBe(204);
    expect((await guest.get<MySession>('/api/v1/my/session')).body.buyer).toBe('member');
    const stale = server.anonymous();
    stale.setCookie('jumun_buyer', guestCookie);
    expect((await stale.get('/api/v1/my/session')).status).toBe(401);
  });

  it('with several shops, a guest lookup names its shop; another shop’s id finds nothing', async () => {
    const order = await guestOrder();
    const body = { orderNumber: order.orderNumber, contact: GUEST.phone, password: GUEST.password };
    const unnamed = await lookUp(body);
    expect([unnamed.status, unnamed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await lookUp({ ...body, shopId: other.shopId })).body.error.code).toBe('GUEST_LOOKUP_FAILED');
    expect((await lookUp({ ...body, shopId: server.shop.shopId })).status).toBe(200);
  });

  it('stops the old secret at once when the owner makes a new one', async () => {
    const before = token();
    const renewed = (await server.owner.post<{ secret: string }>('/api/v1/shop/handoff-secret')).body.secret;
    expect(renewed).not.toBe(secret);
    expect((await handOff(before)).body.error.code).toBe('HANDOFF_TOKEN_INVALID');
    secret = renewed;
    expect((await handOff(token())).status).toBe(204);
  });

  it('hands `npm start`’s demo storefront its shop’s secret, made only when the shop has none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jumun-demo-'));
    try {
      keepStorefrontKey(dataDir, other.apiKey);
      const storefront = demoStorefrontOf(dataDir, 3001)!;
      await keepStorefrontHandoffSecret(server.database.db, storefront);
      expect(readFileSync(storefront.handoffFile, 'utf8').trim()).toBe(otherSecret);
      // a shop without one (a data folder from before hand-off) gets one, kept on the next start
      const third = await createShop(server.database.db, { name: '세번째샵', ownerEmail: `third${Date.now()}@test.kr`, ownerName: '셋주인' });
      keepStorefrontKey(dataDir, third.apiKey);
      await keepStorefrontHandoffSecret(server.database.db, storefront);
      const made = readFileSync(storefront.handoffFile, 'utf8').trim();
      expect(made).toMatch(/^jhs_/);
      await keepStorefrontHandoffSecret(server.database.db, storefront);
      expect(readFileSync(storefront.handoffFile, 'utf8').trim()).toBe(made);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
