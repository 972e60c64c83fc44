import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import type { BuyerPrincipal } from '../my/principal';
import { BUYER_SESSION_COOKIE, buyerFromSession } from '../my/session';
import type { Permission } from '../../domain/permissions';
import { allows, type Access, type Principal } from './principal';
import { principalFromApiKey, principalFromSession, SESSION_COOKIE } from './service';

/** One /api/v1 route and the access it declared. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route with its access rule, as registered (test/permissions.test.ts walks them all). */
    routeAccess: readonly RouteAccess[];
  }
  interface FastifyContextConfig {
    /** Every /api route declares who may call it; a route without it fails at start. */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The buyer of a `buyer` route (My Page); staff routes never set it. */
    buyer: BuyerPrincipal | null;
  }
}

/** The caller of an authenticated route; the access hook has already made sure there is one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

/**
 * For the few permissions that depend on what a request asks (a bulk job that cancels, a claim move
 * that reverts): the route's own rule let the caller in, this refuses the part it may not do.
 */
export function requirePermission(principal: Principal, permission: Permission) {
  if (!allows(principal, permission)) throw new AppError('FORBIDDEN', { needed: permission });
}

/** The buyer of a My Page route; the access hook has already made sure there is one. */
export function buyerOf(request: FastifyRequest): BuyerPrincipal {
  if (!request.buyer) throw new AppError('UNAUTHENTICATED');
  return request.buyer;
}

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('principal', null);
  app.decorateRequest('buyer', null);
  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api/v1')) {
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
      // a GET's automatic HEAD twin shares its rule
      for (const method of [route.method].flat()) if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
    }
    // the API reference tells buyer routes apart: they take the buyer's cookie, nothing else
    if (route.config?.access === 'buyer' && route.schema && !route.schema.security) route.schema.security = [{ buyerSession: [] }];
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (access === 'buyer') {
      // the buyer's own door: only the buyer cookie counts; a staff cookie or an API key opens nothing here
      const cookie = request.cookies[BUYER_SESSION_COOKIE];
      request.buyer = cookie ? await buyerFromSession(db, cookie, new Date()) : null;
      if (!request.buyer) throw new AppError('UNAUTHENTICATED');
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization) {
      // anything but a Bearer key counts as a wrong key (and is throttled like one)
      const key = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : authorization;
      request.principal = await principalFromApiKey(db, key, request.ip, new Date());
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      request.principal = cookie ? await principalFromSession(db, cookie, new Date()) : null;
      if (!request.principal) throw new AppError('UNAUTHENTICATED');
    }
    if (!allows(request.principal, access)) throw new AppError('FORBIDDEN', { needed: access });
  });
}
