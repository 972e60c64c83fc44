import { and, desc, eq, inArray, isNull, like, notLike } from 'drizzle-orm';
import type { TimelineResponse } from '../../contracts/timeline';
import { describeEvent, type TimelineEvent } from '../../domain/events';
import type { Principal } from '../auth/principal';
import { readSnapshot, type Executor } from '../db/client';
import { memos, orderItems, orders, staff, timelineEvents } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';

/**
 * The order's history, newest first: typed events (described in the reader's language) and the
 * live memos inline. Memo events (added/edited/deleted) stay in the history; the memo body shows once.
 */
export async function readTimeline(db: Executor, principal: Principal, orderId: number, only: TimelineOnly, lang: Lang): Promise<TimelineResponse> {
  return readSnapshot(db, (tx) => readTimelineInSnapshot(tx, principal, orderId, only, lang));
}

type TimelineOnly = 'all' | 'memos' | 'events' | 'messages';

/**
 * `events` are the changes of the order (what a conflict banner lists); the buyer messages a change
 * sent are their own filter, `messages`, and both are in `all`.
 */
function messagesOnly(only: TimelineOnly) {
  if (only === 'events') return notLike(timelineEvents.type, 'buyer\\_message\\_%');
  if (only === 'messages') return like(timelineEvents.type, 'buyer\\_message\\_%');
  return undefined;
}

async function readTimelineInSnapshot(db: Executor, principal: Principal, orderId: number, only: TimelineOnly, lang: Lang): Promise<TimelineResponse> {
  const shopId = principal.shopId;
  const [order] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });
  const events =
    only === 'memos'
      ? []
      : await db
          .select()
          .from(timelineEvents)
          .where(and(eq(timelineEvents.shopId, shopId), eq(timelineEvents.orderId, orderId), messagesOnly(only)))
          .orderBy(desc(timelineEvents.id));
  const memoRows =
    only === 'events' || only === 'messages'
      ? []
      : await db.select().from(memos).where(and(eq(memos.shopId, shopId), eq(memos.orderId, orderId), isNull(memos.deletedAt))).orderBy(desc(memos.id));
  // events name items by id; the reader sees "린넨 셔츠 / 블랙 1개"
  const items = only === 'memos' ? [] : await db.select({ id: orderItems.id, productName: orderItems.productName, optionName: orderItems.optionName }).from(orderItems).where(and(eq(orderItems.shopId, shopId), eq(orderItems.orderId, orderId)));
  const itemNames = new Map(items.map((i) => [i.id, i.optionName ? `${i.productName} / ${i.optionName}` : i.productName]));
  const roleOf = await staffRoles(db, shopId, [...events.flatMap((e) => (e.actorKind === 'staff' && e.actorId !== null ? [e.actorId] : [])), ...memoRows.map((m) => m.authorStaffId)]);
  const me = principal.kind === 'staff' ? principal.staffId : null;
  const entries: TimelineResponse['entries'] = [
    ...events.map((e) => ({
      kind: 'event' as const,
      id: e.id,
      type: e.type,
      at: e.createdAt.toISOString(),
      actor: { kind: e.actorKind, id: e.actorId, name: e.actorName, role: e.actorKind === 'staff' && e.actorId !== null ? (roleOf.get(e.actorId) ?? null) : null },
      description: describeEvent(e.payload as TimelineEvent, lang, itemNames),
      buyerVisible: e.buyerVisible,
      payload: e.payload as Record<string, unknown>,
    })),
    ...memoRows.map((m) => ({
      kind: 'memo' as const,
      id: m.id,
      at: m.createdAt.toISOString(),
      actor: { kind: 'staff' as const, id: m.authorStaffId, name: m.authorName, role: roleOf.get(m.authorStaffId) ?? null },
      body: m.body,
      updatedAt: m.updatedAt?.toISOString() ?? null,
      editable: m.authorStaffId === me,
    })),
  ];
  // Newest first; an event and a memo written in the same transaction keep memo after its event.
  return { entries: entries.sort((a, b) => (a.at === b.at ? (a.kind === b.kind ? b.id - a.id : a.kind === 'memo' ? -1 : 1) : a.at < b.at ? 1 : -1)) };
}

/** The roles of the staff members a history names, so it reads "김대표 (대표)", not one word for everyone. */
async function staffRoles(db: Executor, shopId: number, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<number, (typeof staff.$inferSelect)['role']>();
  const rows = await db.select({ id: staff.id, role: staff.role }).from(staff).where(and(eq(staff.shopId, shopId), inArray(staff.id, unique)));
  return new Map(rows.map((r) => [r.id, r.role]));
}
