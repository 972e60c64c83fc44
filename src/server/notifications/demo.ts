import { and, desc, eq, inArray } from 'drizzle-orm';
import type { EventDraft, TimelineEvent } from '../../domain/events';
import type { Db } from '../db/client';
import { orders, timelineEvents } from '../db/schema/index';
import { queueBuyerMessages } from './queue';

/**
 * A demo shop's newest orders tell their buyers what happened to them, as if they had happened
 * now, so a new user finds real messages in the development outbox (메시지 발송 내역) at once.
 * The seed writes history directly, past the queue; this replays the newest orders' events into it.
 */
export async function queueDemoMessages(db: Db, shopId: number, orderCount = 20): Promise<number> {
  const newest = await db.select({ id: orders.id }).from(orders).where(eq(orders.shopId, shopId)).orderBy(desc(orders.orderedAt)).limit(orderCount);
  if (newest.length === 0) return 0;
  const rows = await db
    .select({ orderId: timelineEvents.orderId, payload: timelineEvents.payload })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.shopId, shopId), inArray(timelineEvents.orderId, newest.map((o) => o.id))))
    .orderBy(timelineEvents.id);
  const byOrder = new Map<number, EventDraft[]>();
  for (const r of rows) {
    const drafts = byOrder.get(r.orderId) ?? [];
    drafts.push({ event: r.payload as TimelineEvent, actor: { kind: 'system' }, buyerVisible: true });
    byOrder.set(r.orderId, drafts);
  }
  const entries = [...byOrder].map(([orderId, drafts]) => ({ orderId, drafts }));
  await db.transaction((tx) => queueBuyerMessages(tx, shopId, entries, new Date()));
  return entries.length;
}
