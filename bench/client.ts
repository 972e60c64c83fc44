/**
 * A JSON client over real HTTP that behaves as the admin web app does: it keeps the cookies the
 * server sets and, for changes made with its session, sends the CSRF token it asked for once.
 */
export class BenchClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const res = await this.raw('POST', '/api/v1/auth/login', { email, password });
    if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const token = await this.json<{ token: string }>('GET', '/api/v1/auth/csrf-token');
    this.csrfToken = token.token;
  }

  async json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await this.raw(method, path, body);
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async raw(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': 'ko' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const send = () => fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const res = await send().catch((error: unknown) => {
      // A kept-alive socket the server closed as the request went out: after the bench's own
      // VACUUM (PGlite, in this process) held the event loop, both sides' idle timers fire at once.
      // A read is safe to send again; a change is not (it may have arrived).
      if (isReset(error) && isRead(method, path)) return send();
      throw error;
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 1) continue;
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return res;
  }
}

const isRead = (method: string, path: string) => method === 'GET' || /\/(search|count|preview)$/.test(path);
const isReset = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
};
