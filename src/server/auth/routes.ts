import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, staffMeSchema } from '../../contracts/auth';
import { errorResponseSchema } from '../../contracts/errors';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { findShopName } from './queries';
import { login, logout, SESSION_COOKIE } from './service';

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; secureCookies: boolean }> = async (app, { db, secureCookies }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: '직원 로그인 (Staff sign-in)', body: loginRequestSchema, response: { 204: z.undefined(), 401: errorResponseSchema } },
    },
    async (request, reply) => {
      const session = await login(db, request.body.email, request.body.password, new Date());
      reply.setCookie(SESSION_COOKIE, session.cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: session.expiresAt });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: '로그아웃 (Sign out)', response: { 204: z.undefined() } } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'read' }, schema: { tags: ['auth'], summary: '로그인한 직원 (Signed-in staff)', response: { 200: staffMeSchema, 401: errorResponseSchema } } },
    async (request) => {
      const p = request.principal;
      if (p?.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'staff session required' });
      const shopName = (await findShopName(db, p.shopId)) ?? '';
      return { staff: { id: p.staffId, email: p.email, name: p.name, role: p.role }, shop: { id: p.shopId, name: shopName } };
    },
  );
};
