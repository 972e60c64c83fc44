import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** Session cookies the CSRF check protects: staff's and the buyer's (My Page). */
export const SESSION_COOKIE_NAMES = ['jumun_session', 'jumun_buyer'];
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  /** `true`: the session cookies are always Secure; `'auto'`: when the request came over HTTPS (behind a proxy too). */
  secureCookies: boolean | 'auto';
  /** Origins besides the app's own that may send cookie-authenticated changes (e.g. a dev server). */
  allowedOrigins?: readonly string[];
  /** Third-party sources My Page's pages (/my, /my/…) may use, e.g. a PG's payment window SDK; nothing else gets them. */
  myPageSources?: ExtraSources;
}

export interface ExtraSources {
  script?: readonly string[];
  frame?: readonly string[];
  connect?: readonly string[];
}

const isMyPage = (url: string | undefined) => url !== undefined && /^\/my(?:[/?#]|$)/.test(url);

/** A CSP source list entry that names `sources` on My Page's pages only (helmet calls it per response). */
function onMyPage(sources: readonly string[] | undefined) {
  const value = (sources ?? []).join(' ');
  return (req: { url?: string }) => (isMyPage(req.url) ? value : '');
}

/**
 * Content-Security-Policy for the admin (and later My Page): our own scripts only; inline style
 * attributes and <style> tags are Mantine's way of styling. Never framed by anyone. No
 * upgrade-insecure-requests: the app is also served over plain HTTP on a LAN or localhost.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** The app's own origin as the browser sees it (behind a proxy: the forwarded protocol and host). */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * A browser tells where a request comes from: `Origin` on changes, and Fetch Metadata
 * (`Sec-Fetch-Site`) in current browsers. A change sent from another site, or a sibling subdomain
 * (same-site is not same-origin), is refused whatever it carries, sign-in included. Requests with
 * neither header do not come from a browser page (curl, a storefront's server).
 */
function checkOrigin(request: FastifyRequest, allowed: ReadonlySet<string>) {
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
  const site = request.headers['sec-fetch-site'];
  const fromElsewhere = site === 'cross-site' || site === 'same-site';
  if (origin === undefined && !fromElsewhere) return;
  if (origin !== undefined && allowed.has(origin)) return;
  if (!fromElsewhere && origin === ownOrigin(request)) return;
  throw new AppError('CROSS_ORIGIN_REQUEST', { origin: origin ?? null, secFetchSite: site ?? null });
}

const hasSessionCookie = (request: FastifyRequest) => SESSION_COOKIE_NAMES.some((name) => request.cookies[name] !== undefined);

/**
 * Everything a browser needs to be told or checked, for every route at once:
 * - security headers (@fastify/helmet): CSP, nosniff, frame-ancestors/X-Frame-Options, Referrer-Policy;
 * - `Cache-Control: no-store` on every API answer (they carry names, phones and addresses);
 * - changes from another origin are refused (Fetch Metadata / Origin);
 * - changes authenticated by a session cookie need the CSRF token (@fastify/csrf-protection):
 *   `GET /api/v1/auth/csrf-token`, then `x-csrf-token` on every POST/PUT/PATCH/DELETE — body-less
 *   ones included. An API key (Authorization header) is never sent by a browser on its own, so
 *   requests carrying one need neither.
 * - @fastify/rate-limit, for routes that opt in (sign-in): a per-process flood guard in front of
 *   the database-backed throttle that does the counting every server shares.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions) {
  const extra = options.myPageSources;
  const directives = extra
    ? {
        ...CSP_DIRECTIVES,
        scriptSrc: [...CSP_DIRECTIVES.scriptSrc, onMyPage(extra.script)],
        frameSrc: ["'self'", onMyPage(extra.frame)],
        connectSrc: [...CSP_DIRECTIVES.connectSrc, onMyPage(extra.connect)],
      }
    : CSP_DIRECTIVES;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  await app.register(fastifyCsrf, {
    cookieKey: 'jumun_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: options.secureCookies },
    getToken: (request) => {
      const value = request.headers[CSRF_HEADER];
      return typeof value === 'string' ? value : undefined;
    },
  });

  const allowed = new Set(options.allowedOrigins ?? []);
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method) || request.headers.authorization !== undefined) return;
    checkOrigin(request, allowed);
    if (hasSessionCookie(request)) await verifyCsrf(app, request, reply);
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

function verifyCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    app.csrfProtection(request, reply, (error?: Error) => (error ? reject(new AppError('CSRF_TOKEN_INVALID')) : resolve()));
  });
}
