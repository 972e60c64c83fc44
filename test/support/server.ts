import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import type { BulkRunnerOptions } from '../../src/server/bulk-jobs/runner';
import type { OutboxWorkerOptions } from '../../src/server/outbox/worker';
import type { Database } from '../../src/server/db/client';
import { TestGateway } from '../../src/server/payments/gateways/test-gateway';
import type { StaffRole } from '../../src/domain/permissions';
import { createShop, createStaff, type CreatedShop } from '../../src/server/shops/service';
import { openTestDatabase } from './database';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The staff and the buyer session cookies (src/server/http/security.ts). */
const SESSION_COOKIES = ['jumun_session', 'jumun_buyer'];

/**
 * A client over real HTTP that behaves like the admin web app in a browser: it keeps its cookies,
 * and before its first change made with a session cookie it asks for the CSRF token and then sends
 * it with every change (the server refuses cookie-authenticated changes without it).
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  constructor(
    readonly baseUrl: string,
    private readonly defaults: Record<string, string> = {},
  ) {}

  /** The Cookie header this client would send (empty when it holds none). */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Headers a raw fetch needs to act as this client: its cookies and, for changes, the CSRF token. */
  async sessionHeaders(): Promise<Record<string, string>> {
    const headers: Record<string, string> = { ...this.defaults };
    if (this.hasSession && !headers.authorization) headers['x-csrf-token'] = await this.ensureCsrfToken();
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    return headers;
  }

  private async ensureCsrfToken(): Promise<string> {
    if (this.csrfToken) return this.csrfToken;
    const res = await this.request<{ token: string }>('GET', '/api/v1/auth/csrf-token');
    if (res.status !== 200) throw new Error(`no CSRF token: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrfToken = res.body.token;
    return this.csrfToken;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const all: Record<string, string> = { ...this.defaults, ...headers };
    if (body !== undefined) all['content-type'] = 'application/json';
    if (UNSAFE.has(method) && this.hasSession && !all.authorization && !('x-csrf-token' in headers)) all['x-csrf-token'] = await this.ensureCsrfToken();
    if (this.cookies.size > 0) all.cookie = this.cookieHeader;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
    this.keepCookies(response);
    const text = await response.text();
    const parsed = text && response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (text as T);
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Takes the cookies a response sets (and drops the ones it clears), as a browser would. */
  keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
      if (SESSION_COOKIES.includes(name)) this.csrfToken = null;
    }
  }

  /** Holds a staff or a buyer session cookie: its changes need the CSRF token. */
  private get hasSession(): boolean {
    return SESSION_COOKIES.some((name) => this.cookies.has(name));
  }

  /** Sets a cookie as if a response had set it (a buyer session opened outside HTTP, in a test). */
  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
    if (SESSION_COOKIES.includes(name)) this.csrfToken = null;
  }

  /** The same session (cookies and CSRF token) sent to another server of the same installation. */
  on(baseUrl: string): HttpClient {
    const twin = new HttpClient(baseUrl, this.defaults);
    for (const [name, value] of this.cookies) twin.cookies.set(name, value);
    twin.csrfToken = this.csrfToken;
    return twin;
  }

  get = <T = unknown>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body, headers);
  put = <T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('PUT', path, body, headers);
}

export interface TestServer {
  database: Database;
  app: FastifyInstance;
  baseUrl: string;
  shop: CreatedShop;
  /** The test payment gateway the server refunds through (its records in the server's database); tests inject failures with failNext. */
  gateway: TestGateway;
  /** A client signed in as the shop's owner. */
  owner: HttpClient;
  /** A client using the shop's storefront API key. */
  storefront: HttpClient;
  anonymous(): HttpClient;
  signIn(email: string, password: string): Promise<HttpClient>;
  addStaff(role: StaffRole): Promise<HttpClient>;
  /**
   * Stops the HTTP app (not the database) and starts a new one on the same port and database,
   * as a server restart would; `app` is the new one afterwards. Sessions live in the database.
   */
  restart(options?: ServerOptions): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The bulk-job worker's settings; `autoStart: false` leaves it stopped for a test to drive. */
  bulkJobs?: BulkRunnerOptions & { autoStart?: boolean };
  /** The outbox worker's settings (webhooks): a short poll and backoff for tests that deliver. */
  outbox?: OutboxWorkerOptions & { autoStart?: boolean };
  /**
   * When a list count is an estimate (maxExactCost 0: every count the counters cannot answer).
   * The time budget is seconds here by default: a loaded test machine must not turn a count of a
   * few dozen orders into an estimate.
   */
  counts?: { maxExactCost?: number; timeBudgetMs?: number };
  /** Export jobs: the runner's settings and the streaming limit (default: the server's). */
  exports?: AppOptions['exports'];
  /** The built web apps' folders (default: the repository's dist/). */
  web?: AppOptions['web'];
}

let staffCounter = 0;

/** A real server on a free port over a fresh database, with one shop, its owner and its API key. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const gateway = new TestGateway({ db: database.db });
  const app = await buildApp({ database, gateway, bulkJobs: options.bulkJobs ?? { pollMs: 100 }, outbox: options.outbox, counts: { timeBudgetMs: 5_000, ...options.counts }, exports: { pollMs: 100, ...options.exports }, web: options.web });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const shop = await createShop(database.db, { name: '테스트샵', ownerEmail: `owner${Date.now()}${Math.random().toString(36).slice(2, 6)}@test.kr`, ownerName: '김주인', ownerPassword: 'owner-password-1' });
  const signIn = async (email: string, password: string) => {
    const client = new HttpClient(baseUrl);
    const res = await client.post('/api/v1/auth/login', { email, password });
    if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  };
  const owner = await signIn(shop.ownerEmail, 'owner-password-1');
  const server: TestServer = {
    database,
    app,
    baseUrl,
    shop,
    gateway,
    owner,
    storefront: new HttpClient(baseUrl, { authorization: `Bearer ${shop.apiKey}` }),
    anonymous: () => new HttpClient(baseUrl),
    signIn,
    async addStaff(role) {
      const email = `${role}${++staffCounter}-${Date.now()}@test.kr`;
      await createStaff(database.db, shop.shopId, { email, name: `${role} 직원`, role, password: 'staff-password-1' });
      return signIn(email, 'staff-password-1');
    },
    async restart(next: ServerOptions = {}) {
      await server.app.close();
      server.app = await buildApp({ database, gateway, bulkJobs: next.bulkJobs ?? { pollMs: 100 }, outbox: next.outbox, counts: { timeBudgetMs: 5_000, ...next.counts }, exports: { pollMs: 100, ...next.exports }, web: next.web });
      await server.app.listen({ port: address.port, host: '127.0.0.1' });
    },
    async close() {
      await server.app.close();
      await database.close();
    },
  };
  return server;
}
