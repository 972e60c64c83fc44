import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../contracts/errors';
import { guestLookupRequestSchema, handoffRequestSchema, mySessionSchema, type MySession } from '../../contracts/my';
import { buyerOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { orders, shops } from '../db/schema/index';
import { AppError } from '../http/errors';
import { lookUpGuestOrder } from './guest-lookup';
import { redeemHandoffToken } from './handoff';
import type { BuyerPrincipal } from './principal';
import { BUYER_SESSION_COOKIE, buyerFromSession, createBuyerSession, endBuyerSession } from './session';
import { redeemMessageLink } from '../notifications/links';

export interface MyAuthRouteOptions {
  db: Db;
  secureCookies: boolean | 'auto';
  /** Sign-in attempts per client address per minute, whatever their outcome (a flood guard, as for staff). */
  signInRateLimit?: number;
}

const tags = ['my-page'];

/**
 * Where the browser entry may send a signed-in member on: a My Page path only (never another
 * site, never a staff page), without `..` or `//` tricks. Anything else lands on the order list.
 */
export function myPageDestination(next: string | undefined): string {
  if (next && /^\/my\/[A-Za-z0-9\-._~/%?=&]*$/.test(next) && !next.includes('..') && !next.includes('//')) return next;
  return '/my/orders';
}

async function shopName(db: Db, shopId: number): Promise<string> {
  const [shop] = await db.select({ name: shops.name }).from(shops).where(eq(shops.id, shopId)).limit(1);
  return shop?.name ?? '';
}

async function mySessionOf(db: Db, buyer: BuyerPrincipal): Promise<MySession> {
  let orderNumber: string | null = null;
  if (buyer.buyer === 'guest') {
    const [order] = await db.select({ orderNumber: orders.orderNumber }).from(orders).where(and(eq(orders.shopId, buyer.shopId), eq(orders.id, buyer.orderId))).limit(1);
    orderNumber = order?.orderNumber ?? null;
  }
  return { buyer: buyer.buyer, name: buyer.name, shop: { id: buyer.shopId, name: await shopName(db, buyer.shopId) }, orderNumber };
}

/**
 * How a buyer gets a My Page session and leaves it: a member handed over by the storefront
 * (src/server/my/handoff.ts), a guest who looks an order up (guest-lookup.ts). The cookie is the
 * buyer's own (`jumun_buyer`), apart from staff's; the CSRF check covers it like staff's.
 */
export const myAuthRoutes: FastifyPluginAsyncZod<MyAuthRouteOptions> = async (app, { db, secureCookies, signInRateLimit = 60 }) => {
  const floodGuard = { max: signInRateLimit, timeWindow: '1 minute' };

  /** Sets the new session's cookie; a session the browser held before (a guest's, another member's) ends. */
  const openSession = async (request: FastifyRequest, reply: FastifyReply, session: { cookie: string; expiresAt: Date }) => {
    const previous = request.cookies[BUYER_SESSION_COOKIE];
    if (previous) await endBuyerSession(db, previous);
    reply.setCookie(BUYER_SESSION_COOKIE, session.cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: session.expiresAt });
  };

  const reaches = async (buyer: BuyerPrincipal, orderId: number) => {
    if (buyer.buyer === 'guest') return buyer.orderId === orderId;
    const [order] = await db.select({ customerId: orders.customerId }).from(orders).where(and(eq(orders.shopId, buyer.shopId), eq(orders.id, orderId))).limit(1);
    return order?.customerId === buyer.customerId;
  };

  const redeem = async (request: FastifyRequest, token: string) => {
    const redemption = await redeemHandoffToken(db, token, new Date());
    // the answer never says which part failed; the server's log does, for whoever runs it
    if (!redemption.ok) request.log.info({ reason: redemption.reason }, 'member hand-off refused');
    return redemption;
  };

  app.post(
    '/api/v1/my/session/handoff',
    {
      config: { access: 'public', rateLimit: floodGuard },
      schema: {
        tags,
        summary: '회원 자동 로그인 (A storefront hands its signed-in member over to My Page)',
        security: [],
        description:
          'Takes a hand-off token the storefront signed with the shop’s hand-off secret (docs/integration.md, "My Page: signing members in") ' +
          'and sets the buyer session cookie. Any fault — signature, expiry, reuse, unknown member, a shop without a secret — answers ' +
          '401 `HANDOFF_TOKEN_INVALID`. Browsers normally arrive through `GET /my/handoff?token=…` instead.',
        body: handoffRequestSchema,
        response: { 204: z.undefined(), 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const redemption = await redeem(request, request.body.token);
      if (!redemption.ok) throw new AppError('HANDOFF_TOKEN_INVALID');
      await openSession(request, reply, redemption);
      return reply.code(204).send();
    },
  );

  // The door of a buyer message's link (결제하기, 주문 확인): the link's secret opens that one order, as a guest lookup would.
  app.get(
    '/my/m/:token',
    { config: { access: 'public', rateLimit: floodGuard }, schema: { hide: true, params: z.object({ token: z.string().max(200) }) } },
    async (request, reply) => {
      const now = new Date();
      const link = await redeemMessageLink(db, request.params.token, now);
      if (!link) return reply.redirect('/my?error=link', 302);
      const held = request.cookies[BUYER_SESSION_COOKIE];
      const current = held ? await buyerFromSession(db, held, now) : null;
      // a buyer already signed in to this order (a member who owns it, or its guest) stays as they are
      if (!(current && current.shopId === link.shopId && (await reaches(current, link.orderId)))) {
        await openSession(request, reply, await createBuyerSession(db, { shopId: link.shopId, buyer: 'guest', orderId: link.orderId }, now));
      }
      return reply.redirect(myPageDestination(link.path), 302);
    },
  );

  // The browser's door from the storefront: a plain link (or redirect) the storefront sends its member to.
  app.get(
    '/my/handoff',
    {
      config: { access: 'public', rateLimit: floodGuard },
      schema: {
        hide: true,
        querystring: z.object({ token: z.string().max(2000).optional(), next: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      const token = request.query.token;
      const redemption = token ? await redeem(request, token) : null;
      if (!redemption?.ok) return reply.redirect('/my?error=handoff', 302);
      await openSession(request, reply, redemption);
      return reply.redirect(myPageDestination(request.query.next), 302);
    },
  );

  app.post(
    '/api/v1/my/guest-lookups',
    {
      config: { access: 'public', rateLimit: floodGuard },
      schema: {
        tags,
        summary: '비회원 주문조회 (A guest opens their order)',
        security: [],
        description:
          'Order number, the orderer’s phone number (any hyphenation) or name, and the order password given at checkout. Any wrong part ' +
          'answers 401 `GUEST_LOOKUP_FAILED`, never saying which. Failures are counted per order and per client address: from the 3rd on an ' +
          'order each next attempt waits longer (429 `GUEST_LOOKUP_THROTTLED` with `Retry-After`), the 10th locks the order’s lookups for ' +
          '30 minutes (429 `GUEST_LOOKUP_LOCKED`); failures appear on the order’s staff timeline. `shopId` may be left out on an ' +
          'installation with one shop. Member orders are opened through the storefront’s hand-off, not here.',
        body: guestLookupRequestSchema,
        response: { 200: mySessionSchema, 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const guest = await lookUpGuestOrder(db, request.body, request.ip, new Date());
      await openSession(request, reply, guest);
      return { buyer: 'guest' as const, name: guest.name, shop: { id: guest.shopId, name: await shopName(db, guest.shopId) }, orderNumber: guest.orderNumber };
    },
  );

  app.get(
    '/api/v1/my/session',
    {
      config: { access: 'buyer' },
      schema: {
        tags,
        summary: '로그인한 구매자 (The signed-in buyer)',
        description: 'A member, or a guest with the one order they looked up. Staff sessions and API keys do not count here (401).',
        security: [{ buyerSession: [] }],
        response: { 200: mySessionSchema, 401: errorResponseSchema },
      },
    },
    async (request) => mySessionOf(db, buyerOf(request)),
  );

  app.post(
    '/api/v1/my/session/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: '구매자 로그아웃 (The buyer signs out)', security: [], description: 'Needs `x-csrf-token` like every change made with a session cookie.', response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const cookie = request.cookies[BUYER_SESSION_COOKIE];
      if (cookie) await endBuyerSession(db, cookie);
      reply.clearCookie(BUYER_SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/my/csrf-token',
    {
      config: { access: 'public', usesDatabase: false },
      schema: {
        tags,
        summary: 'CSRF 토큰 (The token My Page sends with every change)',
        security: [],
        description: 'My Page sends it as `x-csrf-token` on every POST, PUT, PATCH and DELETE made with the buyer session cookie.',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );
};
