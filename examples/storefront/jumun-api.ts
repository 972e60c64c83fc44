/**
 * The storefront's only way into Jumun: its public HTTP API with the shop's API key, which stays
 * on this server (the browser never sees it).
 */
export class JumunError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class JumunApi {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }
  /** Every POST that creates or spends something carries an Idempotency-Key: a retry never doubles it. */
  post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    return this.call<T>('POST', path, body, idempotencyKey);
  }

  private async call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}`, 'accept-language': 'ko' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
      throw new JumunError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `${method} ${path} → ${response.status}`, error?.details ?? {});
    }
    return parsed as T;
  }
}
