import { and, asc, count, desc, eq, lt } from 'drizzle-orm';
import {
  MAX_WEBHOOK_ENDPOINTS,
  MAX_WEBHOOK_URL_LENGTH,
  type CreateWebhookEndpointRequest,
  type UpdateWebhookEndpointRequest,
  type WebhookEndpoint,
  type WebhookEndpointList,
  type WebhookEventType,
  type WebhookMessage,
  type WebhookMessageDetail,
  type WebhookMessageList,
} from '../../contracts/webhooks';
import type { Principal } from '../auth/principal';
import type { Db, Executor, Tx } from '../db/client';
import { outboxAttempts, outboxMessages, webhookEndpoints } from '../db/schema/index';
import { AppError } from '../http/errors';
import { claimOne, deliverClaimed, type DeliveryPolicy } from '../outbox/delivery';
import { isBlockedHost, mayReachPrivately, type PrivateNetworkAllowance } from '../outbox/network-guard';
import { newWebhookSecret } from '../outbox/signature';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type MessageRow = typeof outboxMessages.$inferSelect;

const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.eventTypes as WebhookEventType[],
  enabled: r.enabled,
  secret: r.secret,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const toMessage = (r: MessageRow): WebhookMessage => ({
  id: r.id,
  messageId: r.messageId,
  endpointId: r.endpointId,
  eventType: r.eventType,
  orderId: r.orderId,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
  lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Only http(s) (no file:, no javascript:), and no user:password — a credential in a URL ends up
 * in logs and screens; the signature is how a receiver knows the sender.
 */
function checkedUrl(value: string, allowPrivate: PrivateNetworkAllowance): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('WEBHOOK_URL_INVALID', { reason: 'not a URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('WEBHOOK_URL_INVALID', { reason: 'scheme', scheme: url.protocol.replace(':', '') });
  if (url.username || url.password) throw new AppError('WEBHOOK_URL_INVALID', { reason: 'credentials' });
  if (url.href.length > MAX_WEBHOOK_URL_LENGTH) throw new AppError('WEBHOOK_URL_INVALID', { reason: 'length', max: MAX_WEBHOOK_URL_LENGTH });
  // names that resolve to private addresses are refused when sent (network-guard.ts); these are plain now
  if (!mayReachPrivately(url, allowPrivate) && isBlockedHost(url.hostname)) throw new AppError('WEBHOOK_URL_INVALID', { reason: 'private address' });
  return url.href;
}

function checkedTypes(types: readonly WebhookEventType[]): WebhookEventType[] {
  if (types.length === 0) throw new AppError('WEBHOOK_EVENT_TYPES_REQUIRED');
  return [...new Set(types)];
}

async function requireEndpoint(db: Executor, shopId: number, endpointId: number, forUpdate = false): Promise<EndpointRow> {
  const query = db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.id, endpointId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('WEBHOOK_ENDPOINT_NOT_FOUND', { endpointId });
  return row;
}

export async function listEndpoints(db: Executor, p: Principal): Promise<WebhookEndpointList> {
  const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.shopId, p.shopId)).orderBy(asc(webhookEndpoints.id));
  return { endpoints: rows.map(toEndpoint) };
}

export async function readEndpoint(db: Executor, p: Principal, endpointId: number): Promise<WebhookEndpoint> {
  return toEndpoint(await requireEndpoint(db, p.shopId, endpointId));
}

export async function createEndpoint(tx: Tx, p: Principal, input: CreateWebhookEndpointRequest, now: Date, allowPrivate: PrivateNetworkAllowance): Promise<WebhookEndpoint> {
  const url = checkedUrl(input.url, allowPrivate);
  const eventTypes = checkedTypes(input.eventTypes);
  const [existing] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.shopId, p.shopId));
  if (Number(existing?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS) throw new AppError('TOO_MANY_WEBHOOK_ENDPOINTS', { max: MAX_WEBHOOK_ENDPOINTS });
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ shopId: p.shopId, url, description: input.description ?? '', secret: newWebhookSecret(), eventTypes, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('expected the new webhook endpoint row');
  return toEndpoint(row);
}

/** Switching an endpoint off stops what is queued for it too: it would only fail later, unasked. */
async function stopPending(tx: Tx, shopId: number, endpointId: number, reason: string) {
  await tx
    .update(outboxMessages)
    .set({ status: 'failed', lastError: reason })
    .where(and(eq(outboxMessages.shopId, shopId), eq(outboxMessages.endpointId, endpointId), eq(outboxMessages.status, 'pending')));
}

export async function updateEndpoint(tx: Tx, p: Principal, endpointId: number, input: UpdateWebhookEndpointRequest, now: Date, allowPrivate: PrivateNetworkAllowance): Promise<WebhookEndpoint> {
  const current = await requireEndpoint(tx, p.shopId, endpointId, true);
  const [row] = await tx
    .update(webhookEndpoints)
    .set({
      ...(input.url !== undefined ? { url: checkedUrl(input.url, allowPrivate) } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: checkedTypes(input.eventTypes) } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      updatedAt: now,
    })
    .where(and(eq(webhookEndpoints.shopId, p.shopId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  if (!row) throw new Error('expected the updated webhook endpoint row');
  if (current.enabled && !row.enabled) await stopPending(tx, p.shopId, endpointId, 'endpoint disabled');
  return toEndpoint(row);
}

/** The old secret stops working at once: the receiver must take the new one before the next delivery. */
export async function rotateSecret(tx: Tx, p: Principal, endpointId: number, now: Date): Promise<WebhookEndpoint> {
  await requireEndpoint(tx, p.shopId, endpointId, true);
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ secret: newWebhookSecret(), updatedAt: now })
    .where(and(eq(webhookEndpoints.shopId, p.shopId), eq(webhookEndpoints.id, endpointId)))
    .returning();
  if (!row) throw new Error('expected the rotated webhook endpoint row');
  return toEndpoint(row);
}

/** Deletes the endpoint; its messages stay in the log (until pruned), the pending ones failed. */
export async function deleteEndpoint(tx: Tx, p: Principal, endpointId: number): Promise<null> {
  await requireEndpoint(tx, p.shopId, endpointId, true);
  await stopPending(tx, p.shopId, endpointId, 'endpoint deleted');
  await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.shopId, p.shopId), eq(webhookEndpoints.id, endpointId)));
  return null;
}

/** Newest first, by row id: the cursor is the last id seen. */
export async function listMessages(db: Executor, p: Principal, endpointId: number, cursor: number | undefined, limit: number): Promise<WebhookMessageList> {
  await requireEndpoint(db, p.shopId, endpointId);
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.shopId, p.shopId), eq(outboxMessages.endpointId, endpointId), cursor === undefined ? undefined : lt(outboxMessages.id, cursor)))
    .orderBy(desc(outboxMessages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { messages: page.map(toMessage), nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

export async function readMessage(db: Executor, p: Principal, id: number): Promise<WebhookMessageDetail> {
  const [row] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.shopId, p.shopId), eq(outboxMessages.id, id), eq(outboxMessages.channel, 'webhook')));
  if (!row) throw new AppError('WEBHOOK_MESSAGE_NOT_FOUND', { messageId: id });
  const attempts = await db
    .select()
    .from(outboxAttempts)
    .where(and(eq(outboxAttempts.shopId, p.shopId), eq(outboxAttempts.outboxId, id)))
    .orderBy(asc(outboxAttempts.attemptedAt), asc(outboxAttempts.id));
  return {
    ...toMessage(row),
    payload: row.payload,
    attemptLog: attempts.map((a) => ({
      id: a.id,
      attemptedAt: a.attemptedAt.toISOString(),
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      error: a.error,
      responseExcerpt: a.responseExcerpt,
      requestedBy: a.requestedBy,
    })),
  };
}

/**
 * Sends the message again now, with the same webhook-id, and logs who asked. Sent in the request
 * rather than queued, so staff see the receiver's answer at once; a failure goes back to the
 * worker's schedule like any other.
 */
export async function redeliver(db: Db, policy: DeliveryPolicy, p: Principal, id: number): Promise<WebhookMessageDetail> {
  const [row] = await db.select().from(outboxMessages).where(and(eq(outboxMessages.shopId, p.shopId), eq(outboxMessages.id, id), eq(outboxMessages.channel, 'webhook')));
  if (!row) throw new AppError('WEBHOOK_MESSAGE_NOT_FOUND', { messageId: id });
  if (row.channel === 'webhook') {
    const [endpoint] = await db
      .select({ enabled: webhookEndpoints.enabled })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.shopId, p.shopId), eq(webhookEndpoints.id, row.endpointId ?? 0)));
    if (!endpoint) throw new AppError('WEBHOOK_ENDPOINT_NOT_FOUND', { endpointId: row.endpointId });
    if (!endpoint.enabled) throw new AppError('WEBHOOK_ENDPOINT_DISABLED', { endpointId: row.endpointId });
  }
  const claimed = await claimOne(db, p.shopId, id, policy.leaseMs);
  if (!claimed) throw new AppError('WEBHOOK_MESSAGE_NOT_FOUND', { messageId: id });
  await deliverClaimed(db, policy, claimed, p.kind === 'staff' ? p.staffId : null);
  return readMessage(db, p, id);
}
