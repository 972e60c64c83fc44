import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseShopSchema, loginRequestSchema, staffMeSchema } from '../../contracts/auth';
import { errorResponseSchema } from '../../contracts/errors';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { PERMISSION_NAMES } from '../../domain/permissions';
import { allows } from './principal';
import { findShopName } from './queries';
import { login, logout, SESSION_COOKIE, setSessionCookie } from './service';

export interface AuthRouteOptions {
  db: Db;
  secureCookies: boolean | 'auto';
  /** Sign-in attempts per client address per minute, whatever their outcome (a flood guard). */
  signInRateLimit?: number;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { db, secureCookies, signInRateLimit = 60 }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: signInRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '직원 로그인 (Staff sign-in)',
        security: [],
        description:
          'Sets the session cookie. Failed sign-ins are counted per account and per client address: after 5 failures on an account each ' +
          'next attempt waits twice as long (429 `SIGN_IN_THROTTLED` with `Retry-After`), after 10 the account is locked for 15 minutes ' +
          '(429 `SIGN_IN_LOCKED`; the shop owner can lift it). A refused attempt never says whether the password was right. ' +
          'When the e-mail and password open accounts in several shops and no `shopId` was sent, the answer is 200 `{ chooseShop: [{ id, name }] }` ' +
          'without a session: send the sign-in again with the chosen `shopId`.',
        body: loginRequestSchema,
        response: { 200: chooseShopSchema, 204: z.undefined(), 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const outcome = await login(db, request.body.email, request.body.password, new Date(), request.ip, request.body.shopId);
      if ('chooseShop' in outcome) return reply.code(200).send(outcome);
      setSessionCookie(reply, outcome.session, secureCookies);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/csrf-token',
    {
      config: { access: 'public', usesDatabase: false },
      schema: {
        tags: ['auth'],
        summary: 'CSRF 토큰 (The token cookie-authenticated changes carry)',
        security: [],
        description: 'Browser clients send it as `x-csrf-token` on every POST, PUT, PATCH and DELETE made with the session cookie. Requests with an API key need none.',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: '로그아웃 (Sign out)', security: [], response: { 204: z.undefined() } } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'orders.read' }, schema: { tags: ['auth'], summary: '로그인한 직원 (Signed-in staff)', response: { 200: staffMeSchema, 401: errorResponseSchema } } },
    async (request) => {
      const p = request.principal;
      if (p?.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'staff session required' });
      const shopName = (await findShopName(db, p.shopId)) ?? '';
      return { staff: { id: p.staffId, email: p.email, name: p.name, role: p.role }, shop: { id: p.shopId, name: shopName }, permissions: PERMISSION_NAMES.filter((name) => allows(p, name)) };
    },
  );
};
