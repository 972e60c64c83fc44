import { and, eq } from 'drizzle-orm';
import type { PrivateNetworkAllowance } from './network-guard';
import { queryRows, sql, type Db } from '../db/client';
import { outboxAttempts, outboxMessages } from '../db/schema/index';
import type { AttemptResult, ClaimedMessage, OutboxChannel, OutboxMessage } from './channels';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/**
 * The wait after the 1st, 2nd … failed attempt; after the last one the message fails. About a day
 * in all: a receiver down overnight still gets everything, a dead one stops being knocked on.
 */
export const DEFAULT_BACKOFF_MS: readonly number[] = [10_000, MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];

export interface DeliveryPolicy {
  backoffMs: readonly number[];
  /** How long a claim holds a message: longer than one send may take, so only a dead server's claim expires. */
  leaseMs: number;
  /** Webhooks may go to loopback and private addresses (a shop's own network, tests); off by default. */
  allowPrivateNetworks: PrivateNetworkAllowance;
  channels: Readonly<Record<OutboxMessage['channel'], OutboxChannel>>;
}

/** The row as drizzle would read it, from a raw RETURNING (snake_case, strings for bigint on pg). */
interface RawMessage extends Record<string, unknown> {
  shop_id: number | string;
  id: number | string;
  message_id: string;
  channel: OutboxMessage['channel'];
  endpoint_id: number | string | null;
  event_type: string;
  order_id: number | string | null;
  payload: Record<string, unknown> | string;
  attempts: number;
  dedupe_key: string | null;
  provider_message_id: string | null;
  created_at: Date | string;
}

function messageOf(r: RawMessage): ClaimedMessage {
  return {
    shopId: Number(r.shop_id),
    id: Number(r.id),
    messageId: r.message_id,
    channel: r.channel,
    endpointId: r.endpoint_id === null ? null : Number(r.endpoint_id),
    eventType: r.event_type,
    orderId: r.order_id === null ? null : Number(r.order_id),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    attempts: Number(r.attempts),
    dedupeKey: r.dedupe_key,
    providerMessageId: r.provider_message_id,
    createdAt: new Date(r.created_at),
  };
}

/** What a claim answers of the claimed row `m` (both claims alias the table so). */
const RETURNING = sql.raw('m.shop_id, m.id, m.message_id, m.channel, m.endpoint_id, m.event_type, m.order_id, m.payload, m.attempts, m.dedupe_key, m.provider_message_id, m.created_at');
export type { ClaimedMessage };

/**
 * Claims up to `limit` due messages in one statement (its own short transaction): rows another
 * server is claiming right now are skipped, not waited for, and each claimed row's next_attempt_at
 * moves a lease ahead before anything is sent. A server killed mid-send leaves the message pending;
 * when the lease runs out any server takes it again (at least once; the webhook-id dedupes).
 * The attempt is counted at the claim, so a message that kills its sender still runs out of tries.
 */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
  const rows = await queryRows<RawMessage>(
    db,
    sql`update outbox_messages m set next_attempt_at = now() + ${leaseMs} * interval '1 millisecond', attempts = m.attempts + 1
        from (select shop_id, id from outbox_messages where status = 'pending' and next_attempt_at <= now()
              order by next_attempt_at limit ${limit} for update skip locked) due
        where m.shop_id = due.shop_id and m.id = due.id
        returning ${RETURNING}`,
  );
  return rows.map(messageOf);
}

/**
 * Claims one message by its row id for an immediate send (a staff redelivery), whatever its status.
 * A provider report it awaited is forgotten: a resend is a new send.
 */
export async function claimOne(db: Db, shopId: number, id: number, leaseMs: number): Promise<ClaimedMessage | null> {
  const [row] = await queryRows<RawMessage>(
    db,
    sql`update outbox_messages m set status = 'pending', next_attempt_at = now() + ${leaseMs} * interval '1 millisecond', attempts = m.attempts + 1, provider_message_id = null
        where m.shop_id = ${shopId} and m.id = ${id}
        returning ${RETURNING}`,
  );
  return row ? messageOf(row) : null;
}

/** Sends one claimed message and records the attempt with its outcome. */
export async function deliverClaimed(db: Db, policy: DeliveryPolicy, message: ClaimedMessage, requestedBy: number | null = null): Promise<AttemptResult> {
  const started = new Date();
  const channel = policy.channels[message.channel];
  let result: AttemptResult;
  try {
    result = await channel.deliver(db, message, started);
  } catch (error) {
    // a bug or a database hiccup while sending: logged as an attempt and retried like any failure
    result = { delivered: false, retry: true, statusCode: null, error: error instanceof Error ? error.message : String(error), responseExcerpt: null };
  }
  await recordAttempt(db, policy, message, result, started, requestedBy);
  return result;
}

async function recordAttempt(db: Db, policy: DeliveryPolicy, message: ClaimedMessage, result: AttemptResult, started: Date, requestedBy: number | null) {
  const finished = new Date();
  const wait = policy.backoffMs[message.attempts - 1];
  const awaiting = result.awaitReport;
  const status = result.delivered ? 'delivered' : awaiting || (result.retry && wait !== undefined && !result.fallback) ? 'pending' : 'failed';
  const where = and(eq(outboxMessages.shopId, message.shopId), eq(outboxMessages.id, message.id));
  // a look at a report that is still not in: no attempt to log, no try used up
  const stillWaiting = awaiting !== undefined && message.providerMessageId !== null;
  await db.transaction(async (tx) => {
    if (!stillWaiting) {
      await tx.insert(outboxAttempts).values({
        shopId: message.shopId,
        outboxId: message.id,
        attemptedAt: started,
        durationMs: Math.max(0, finished.getTime() - started.getTime()),
        statusCode: result.statusCode,
        error: result.error,
        responseExcerpt: result.responseExcerpt,
        requestedBy,
      });
    }
    const [updated] = await tx
      .update(outboxMessages)
      .set({
        status,
        ...(stillWaiting ? {} : { lastAttemptAt: started, lastStatusCode: result.statusCode, lastError: result.error }),
        ...(result.transport !== undefined ? { transport: result.transport } : {}),
        ...(status === 'delivered' ? { deliveredAt: finished } : {}),
        ...(awaiting ? { providerMessageId: awaiting.providerMessageId, nextAttemptAt: new Date(finished.getTime() + awaiting.afterMs), attempts: sql`${outboxMessages.attempts} - 1` } : {}),
        ...(status === 'pending' && !awaiting ? { nextAttemptAt: new Date(finished.getTime() + (wait ?? 0)) } : {}),
      })
      // a delivery another server already completed (its lease had expired under us) stays delivered
      .where(status === 'delivered' ? where : and(where, eq(outboxMessages.status, 'pending')))
      .returning({ id: outboxMessages.id });
    // the timeline line and any fallback are written once, by whoever settled the message
    if (updated && status !== 'pending') await policy.channels[message.channel].afterAttempt?.(tx, message, result, status, finished);
  });
}
