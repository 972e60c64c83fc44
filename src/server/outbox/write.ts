import { and, eq } from 'drizzle-orm';
import { WEBHOOK_PAYLOAD_VERSION } from '../../contracts/webhooks';
import type { EventDraft } from '../../domain/events';
import type { Executor } from '../db/client';
import { insertRecords } from '../db/insert-records';
import { orders, outboxMessages, webhookEndpoints } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';
import { newMessageId } from './signature';
import { webhookEventsOf, type WebhookEvent } from './webhook-events';

type OutboxRow = typeof outboxMessages.$inferInsert;

/**
 * Writes the webhooks of a change into the outbox, in the change's own transaction (called where
 * its timeline events are appended): a rolled-back change sends nothing, a committed one is sure
 * to be delivered. One row per event and subscribed endpoint, each with its own webhook-id.
 *
 * Cost when nobody listens: nothing for events no webhook reports (memos), else one lookup of the
 * shop's enabled endpoints by the primary key's leading shop_id.
 */
export async function queueWebhooks(tx: Executor, shopId: number, entries: ReadonlyArray<{ orderId: number; drafts: readonly EventDraft[] }>, at: Date): Promise<void> {
  const reported = entries.map((e) => ({ orderId: e.orderId, events: webhookEventsOf(e.drafts) })).filter((e) => e.events.length > 0);
  if (reported.length === 0) return;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.enabled, true)));
  const listening = (event: WebhookEvent) => endpoints.filter((e) => e.eventTypes.includes(event.type));
  const wanted = reported.filter((e) => e.events.some((event) => listening(event).length > 0));
  if (wanted.length === 0) return;
  // the refresh of the order's summary ran before its events were appended: this is the new version
  const facts = await tx
    .select({ id: orders.id, number: orders.orderNumber, version: orders.version })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), inIds(orders.id, wanted.map((e) => e.orderId))));
  const orderOf = new Map(facts.map((o) => [o.id, o]));
  const rows: OutboxRow[] = [];
  for (const { orderId, events } of wanted) {
    const order = orderOf.get(orderId);
    if (!order) throw new Error(`order ${orderId} vanished while its webhooks were written`);
    for (const event of events) {
      const payload = { type: event.type, version: WEBHOOK_PAYLOAD_VERSION, occurredAt: at.toISOString(), data: { order, ...event.data } };
      for (const endpoint of listening(event)) {
        rows.push({ shopId, messageId: newMessageId(), channel: 'webhook', endpointId: endpoint.id, eventType: event.type, orderId, payload, nextAttemptAt: at, createdAt: at });
      }
    }
  }
  await insertRecords(tx, outboxMessages, rows);
}
