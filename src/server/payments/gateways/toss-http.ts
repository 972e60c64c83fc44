/**
 * One HTTP call to the Toss API, with every way it can go wrong sorted into declined (Toss said
 * no, and meant it) and unavailable (we do not know, or it will pass).
 */
import { declined, ok, unavailable, type GatewayResult } from './gateway';
import { tossErrorSchema, tossPaymentSchema, type TossPayment } from './toss-payment';

export interface TossHttpOptions {
  secretKey: string;
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/**
 * Toss codes that come with a 4xx but mean "try again": PROVIDER_ERROR is documented as a
 * temporary error (400, 일시적인 오류), and a bad or unknown key (401/400) is our configuration,
 * which someone fixes and then retries; marking a refund finally failed for either would be wrong.
 */
const RETRYABLE_CODES = new Set(['PROVIDER_ERROR', 'UNAUTHORIZED_KEY', 'INVALID_API_KEY', 'FORBIDDEN_CONSECUTIVE_REQUEST']);

/** Basic auth with the secret key as user name and an empty password: base64('secretKey:'). */
export function tossAuthorization(secretKey: string): string {
  return `Basic ${Buffer.from(`${secretKey}:`, 'utf8').toString('base64')}`;
}

export async function tossRequest(
  options: TossHttpOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<GatewayResult<TossPayment>> {
  const headers: Record<string, string> = { Authorization: tossAuthorization(options.secretKey), ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    // The timeout covers reading the body too: a server that sends headers and then stalls is
    // as unknown an outcome as one that never answers.
    const signal = AbortSignal.timeout(options.timeoutMs);
    response = await options.fetch(`${options.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return unavailable('TIMEOUT', `토스페이먼츠가 ${options.timeoutMs}ms 안에 응답하지 않았습니다.`);
    }
    return unavailable('NETWORK_ERROR', `토스페이먼츠에 연결하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
  }

  const json = parseJson(text);
  if (response.ok) {
    const payment = tossPaymentSchema.safeParse(json);
    // A 2xx we cannot read may still have moved money: unknown, not declined.
    if (!payment.success) return unavailable('INVALID_RESPONSE', '토스페이먼츠 응답을 해석하지 못했습니다.');
    return ok(payment.data);
  }
  const error = tossErrorSchema.safeParse(json);
  const code = error.success ? error.data.code : `HTTP_${response.status}`;
  const message = error.success ? error.data.message : `토스페이먼츠가 HTTP ${response.status}로 응답했습니다.`;
  // 409 (a request with this key still in flight) and 429 (rate limit) pass by themselves.
  if (response.status >= 500 || response.status === 409 || response.status === 429 || RETRYABLE_CODES.has(code)) {
    return unavailable(code, message);
  }
  return declined(code, message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
