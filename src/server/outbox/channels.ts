import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { webhookEndpoints, type outboxMessages } from '../db/schema/index';
import { guardedLookup, isBlockedHost, mayReachPrivately, type PrivateNetworkAllowance } from './network-guard';
import { webhookHeaders } from './signature';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
/** What a channel needs of a message it sends. */
export type ClaimedMessage = Pick<
  OutboxMessage,
  'shopId' | 'id' | 'messageId' | 'channel' | 'endpointId' | 'eventType' | 'orderId' | 'payload' | 'attempts' | 'dedupeKey' | 'providerMessageId' | 'createdAt'
>;

/** What one attempt came to: `delivered`, or why not (and whether trying again could help). */
export interface AttemptResult {
  delivered: boolean;
  /** false: no retry can succeed (the endpoint is gone or switched off); the message fails now. */
  retry: boolean;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  /** How it went out (buyer messages: `smtp`, `solapi`, `development`). */
  transport?: string | null;
  /**
   * The provider took it and will report delivery later: look again after `afterMs`. Not a failed
   * attempt (no backoff step is used up); the provider's id is kept so the next look asks, never resends.
   */
  awaitReport?: { providerMessageId: string; afterMs: number };
  /** This channel cannot reach the buyer; the channel hands the message to another (알림톡 → SMS) in `afterAttempt`. */
  fallback?: { reason: string };
}

/** How an attempt left the message. */
export type MessageStatus = 'pending' | 'delivered' | 'failed';

/**
 * One way out of the outbox: webhooks, and buyer messages (알림톡, SMS, e-mail), delivered,
 * retried and logged by the same worker.
 */
export interface OutboxChannel {
  deliver(db: Executor, message: ClaimedMessage, now: Date): Promise<AttemptResult>;
  /** Runs in the transaction that records the attempt (buyer messages: the timeline line, the fallback SMS). */
  afterAttempt?(tx: Executor, message: ClaimedMessage, result: AttemptResult, status: MessageStatus, at: Date): Promise<void>;
}

const EXCERPT_CHARS = 1_000;

interface Answer {
  status: number;
  excerpt: string;
}

/**
 * One POST over node:http(s) rather than fetch: its DNS lookup can be guarded (network-guard.ts),
 * and the whole exchange has one deadline. Only the first kilobyte of the answer is read.
 */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, allowPrivate: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (!allowPrivate && isBlockedHost(url.hostname)) return reject(new Error(`${url.hostname} is a private address`));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, ...(allowPrivate ? {} : { lookup: guardedLookup }) }, (res) => {
      let text = '';
      const done = () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, excerpt: text.slice(0, EXCERPT_CHARS) });
      };
      // a body cut short (our deadline, or the excerpt is full) still ends in 'close', with the status had
      res.on('error', () => undefined);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.length >= EXCERPT_CHARS) res.destroy();
      });
      res.on('end', done);
      res.on('close', done);
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
}

/**
 * POSTs the message's payload to its endpoint, signed with the endpoint's current secret (read at
 * send time: a rotated secret or corrected URL applies to retries). Redirects are not followed:
 * a 3xx is an answer the receiver must fix, not a second address to sign for.
 */
export function webhookChannel(timeoutMs: number, allowPrivateNetworks: PrivateNetworkAllowance): OutboxChannel {
  return {
    async deliver(db, message, now) {
      const [endpoint] = await db
        .select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, enabled: webhookEndpoints.enabled })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.shopId, message.shopId), eq(webhookEndpoints.id, message.endpointId ?? 0)));
      if (!endpoint || !endpoint.enabled) return { delivered: false, retry: false, statusCode: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted', responseExcerpt: null };
      const body = JSON.stringify(message.payload);
      const headers = { 'content-type': 'application/json', 'user-agent': 'Jumun-Webhooks/1', ...webhookHeaders(endpoint.secret, message.messageId, now, body) };
      try {
        const url = new URL(endpoint.url);
        const answer = await post(url, headers, body, timeoutMs, mayReachPrivately(url, allowPrivateNetworks));
        const ok = answer.status >= 200 && answer.status < 300;
        return { delivered: ok, retry: !ok, statusCode: answer.status, error: ok ? null : `HTTP ${answer.status}`, responseExcerpt: answer.excerpt };
      } catch (error) {
        return { delivered: false, retry: true, statusCode: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 500), responseExcerpt: null };
      }
    },
  };
}
