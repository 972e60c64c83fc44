import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { webhookEndpoints, type outboxMessages } from '../db/schema/index';
import { webhookHeaders } from './signature';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** What one attempt came to: `delivered`, or why not (and whether trying again could help). */
export interface AttemptResult {
  delivered: boolean;
  /** false: no retry can succeed (the endpoint is gone or switched off); the message fails now. */
  retry: boolean;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/**
 * One way out of the outbox. Webhooks are the first; buyer messages (알림톡, SMS, e-mail) will be
 * channels beside it, delivered, retried and logged by the same worker.
 */
export interface OutboxChannel {
  deliver(db: Executor, message: OutboxMessage, now: Date): Promise<AttemptResult>;
}

const EXCERPT_CHARS = 1_000;

/** Reads at most a few kilobytes of the answer: the log keeps an excerpt, a huge body is not ours to download. */
async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, EXCERPT_CHARS);
}

/**
 * POSTs the message's payload to its endpoint, signed with the endpoint's current secret (read at
 * send time: a rotated secret or corrected URL applies to retries). Redirects are not followed:
 * a 3xx is an answer the receiver must fix, not a second address to sign for.
 */
export function webhookChannel(timeoutMs: number): OutboxChannel {
  return {
    async deliver(db, message, now) {
      const [endpoint] = await db
        .select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, enabled: webhookEndpoints.enabled })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.shopId, message.shopId), eq(webhookEndpoints.id, message.endpointId ?? 0)));
      if (!endpoint || !endpoint.enabled) return { delivered: false, retry: false, statusCode: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted', responseExcerpt: null };
      const body = JSON.stringify(message.payload);
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Jumun-Webhooks/1', ...webhookHeaders(endpoint.secret, message.messageId, now, body) },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const excerpt = await excerptOf(response).catch(() => null);
        const ok = response.status >= 200 && response.status < 300;
        return { delivered: ok, retry: !ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, responseExcerpt: excerpt };
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        const reason = timedOut ? `no answer within ${timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`;
        return { delivered: false, retry: true, statusCode: null, error: reason.slice(0, 500), responseExcerpt: null };
      }
    },
  };
}
