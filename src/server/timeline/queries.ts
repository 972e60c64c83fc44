import type { EventDraft } from '../../domain/events';
import type { Executor } from '../db/client';
import { insertRecords } from '../db/insert-records';
import { timelineEvents } from '../db/schema/index';
import { queueBuyerMessages } from '../notifications/queue';
import { queueWebhooks } from '../outbox/write';
import { eventRow } from './event-row';

/**
 * Appends events in the caller's transaction: the change and its history commit together. The
 * webhooks and buyer messages the events call for are written here too, so every route that
 * records a change sends them (and a buyer no channel can reach is noted on the timeline).
 */
export async function appendEvents(tx: Executor, shopId: number, orderId: number, drafts: readonly EventDraft[], at: Date) {
  if (drafts.length === 0) return;
  await appendEventsOf(tx, shopId, [{ orderId, drafts }], at);
}

/** The events of many orders in one statement (a bulk job's batch). */
export async function appendEventsOf(tx: Executor, shopId: number, entries: ReadonlyArray<{ orderId: number; drafts: readonly EventDraft[] }>, at: Date) {
  const rows = entries.flatMap((e) => e.drafts.map((d) => eventRow(shopId, e.orderId, d, at)));
  await insertRecords(tx, timelineEvents, rows);
  await queueWebhooks(tx, shopId, entries, at);
  await queueBuyerMessages(tx, shopId, entries, at);
}
