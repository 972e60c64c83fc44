import { Agent, request } from 'node:http';
import { ERROR_CATALOG } from '../../../src/contracts/errors';
import type { HttpClient } from '../server';
import { sendOverSocket } from './protocol';
import type { Auth, RequestSpec } from './request-parts';
import type { World } from './world';

export interface Answer {
  status: number;
  body: string;
  /** The connection ended without an answer (the server may close on a body over its limit). */
  networkError?: string;
}

const BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Sends exactly the bytes of a spec over node:http (not fetch/HttpClient: they would re-encode the
 * path, refuse non-ASCII header bytes, or fix the body up), with the caller's credentials added.
 */
export class Sender {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  private readonly cache = new Map<HttpClient, Record<string, string>>();
  constructor(private readonly world: World) {}

  private async headersOf(client: HttpClient) {
    let headers = this.cache.get(client);
    if (!headers) this.cache.set(client, (headers = await client.sessionHeaders()));
    return headers;
  }

  /** Session credentials go to the logout route as the logout session's, never the owner's (the run signs in once). */
  private async credentials(auth: Auth, target: string): Promise<Record<string, string>> {
    const { server, viewer, otherShop, logoutSession, buyer, buyerLogoutSession } = this.world;
    // My Page routes open to a buyer's session only: there it stands in for the good credentials
    if (target.startsWith('/api/v1/my/')) return this.buyerCredentials(auth, target.startsWith('/api/v1/my/session/logout') ? buyerLogoutSession : buyer);
    const logout = target.startsWith('/api/v1/auth/logout');
    const session = logout ? logoutSession : server.owner;
    switch (auth) {
      case 'owner':
        return this.headersOf(session);
      case 'api':
        return { authorization: `Bearer ${server.shop.apiKey}` };
      case 'viewer':
        return this.headersOf(logout ? logoutSession : viewer);
      case 'otherShop':
        return { authorization: `Bearer ${otherShop.apiKey}` };
      case 'noCsrf':
        return { cookie: (await this.headersOf(session)).cookie ?? '' };
      case 'crossOrigin':
        return { ...(await this.headersOf(session)), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
      case 'junkSession':
        return { cookie: 'jumun_session=not-a-session%00; jumun_csrf=junk' };
      case 'anonymous':
        return {};
    }
  }

  /** The same kinds of credentials for a buyer route: the buyer's session (with and without CSRF, from elsewhere), a junk one, none. */
  private async buyerCredentials(auth: Auth, session: HttpClient): Promise<Record<string, string>> {
    switch (auth) {
      case 'owner':
      case 'viewer':
        return this.headersOf(session);
      case 'api':
        return { authorization: `Bearer ${this.world.server.shop.apiKey}` };
      case 'otherShop':
        return { authorization: `Bearer ${this.world.otherShop.apiKey}` };
      case 'noCsrf':
        return { cookie: (await this.headersOf(session)).cookie ?? '' };
      case 'crossOrigin':
        return { ...(await this.headersOf(session)), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
      case 'junkSession':
        return { cookie: 'jumun_buyer=not-a-session%00; jumun_csrf=junk' };
      case 'anonymous':
        return {};
    }
  }

  async send(spec: RequestSpec): Promise<Answer> {
    const credentials = await this.credentials(spec.auth, spec.target);
    return spec.protocol ? sendOverSocket(this.world.server.baseUrl, spec, spec.protocol, credentials) : this.raw(spec, credentials);
  }

  private raw(spec: RequestSpec, credentials: Record<string, string>): Promise<Answer> {
    const url = new URL(this.world.server.baseUrl);
    // a raw header list gets no Host from Node: HTTP/1.1 requires it
    const headers: Array<[string, string]> = [['host', url.host], ...Object.entries(credentials), ...spec.headers];
    // as fetch does: a body-less POST says so (Node would otherwise send it chunked, an empty body of no type)
    if (spec.body !== undefined) headers.push(['content-length', String(spec.body.length)]);
    else if (spec.method !== 'GET' && spec.method !== 'DELETE') headers.push(['content-length', '0']);
    return new Promise((resolve) => {
      const req = request({ host: url.hostname, port: url.port, method: spec.method, path: spec.target, agent: this.agent, headers: headers.flat() }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 0, body: '', networkError: e.message }));
      });
      req.on('error', (e) => resolve({ status: 0, body: '', networkError: e.message }));
      req.end(spec.body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

const ERROR_CODES = new Set(Object.keys(ERROR_CATALOG));

/** What is wrong with an answer, whatever the request: null when it is a 2xx or a well-formed refusal. */
export function answerProblem(spec: RequestSpec, answer: Answer): string | null {
  if (answer.networkError) {
    // closing the connection on a body over the limit is how a server refuses to read it
    if ((spec.body?.length ?? 0) > BODY_LIMIT) return null;
    return `no answer: ${answer.networkError}`;
  }
  const { status } = answer;
  if (status >= 200 && status < 300) return null;
  if (status >= 500) return `answered ${status}: ${answer.body.slice(0, 300)}`;
  if (status < 400) return `answered ${status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return `answered ${status} with a body that is not JSON: ${JSON.stringify(answer.body.slice(0, 200))}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || typeof error.code !== 'string' || !ERROR_CODES.has(error.code)) return `answered ${status} without a catalogued error code: ${answer.body.slice(0, 300)}`;
  if (typeof error.message !== 'string' || error.message.trim() === '') return `answered ${status} ${error.code} without a message`;
  const catalogued = ERROR_CATALOG[error.code as keyof typeof ERROR_CATALOG].status;
  if (catalogued !== status) return `answered ${status} with ${error.code}, catalogued as ${catalogued}`;
  return null;
}

export const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;
