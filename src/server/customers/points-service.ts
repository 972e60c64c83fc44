import { and, desc, eq, lt } from 'drizzle-orm';
import type { PointsHistory, PostPointsRequest, PostPointsResult } from '../../contracts/member-benefits';
import { readSnapshot, type Executor, type Tx } from '../db/client';
import { pointsLedger } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { StoredResponse } from '../idempotency/service';
import { recordPointsEntry } from '../orders/member-benefits';
import { requireCustomer } from './queries';

type Entry = typeof pointsLedger.$inferSelect;
type PostedKind = PostPointsRequest['kind'];

const toEntry = (e: Entry): PointsHistory['entries'][number] => ({ id: e.id, kind: e.kind, delta: e.delta, reason: e.reason, orderId: e.orderId, createdAt: e.createdAt.toISOString() });

/** earned adds; spent and expired take away; adjusted carries its own sign. */
export function deltaOf(kind: PostedKind, amount: number): number {
  return kind === 'spent' || kind === 'expired' ? -amount : amount;
}

/**
 * Posts what the storefront did with the member's points. The member's row is locked first, so two
 * posts at once cannot both spend the same balance; the balance never goes below 0.
 */
export async function postPoints(tx: Tx, shopId: number, externalId: string, input: PostPointsRequest, now: Date): Promise<StoredResponse<PostPointsResult>> {
  const member = await requireCustomer(tx, shopId, externalId, true);
  const delta = deltaOf(input.kind, input.amount);
  if (member.pointsBalance + delta < 0) throw new AppError('POINTS_EXCEED_BALANCE', { field: 'amount', balance: member.pointsBalance, delta });
  const { entry, balance } = await recordPointsEntry(tx, { shopId, customerId: member.id, orderId: null, delta, kind: input.kind, reason: input.reason, createdAt: now });
  return { status: 201, body: { entry: toEntry(entry), balance } };
}

/** The cursor is the id of the page's last (oldest) entry. */
function beforeId(cursor: string): number {
  const id = /^[1-9]\d{0,14}$/.test(cursor) ? Number(cursor) : NaN;
  if (!Number.isSafeInteger(id)) throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of the points history' });
  return id;
}

/** The balance and the entries, newest first, the storefront's and the orders' alike. */
export async function pointsHistory(db: Executor, shopId: number, externalId: string, query: { limit: number; cursor?: string | undefined }): Promise<PointsHistory> {
  return readSnapshot(db, async (tx) => {
    const member = await requireCustomer(tx, shopId, externalId);
    const rows = await tx
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.shopId, shopId), eq(pointsLedger.customerId, member.id), query.cursor ? lt(pointsLedger.id, beforeId(query.cursor)) : undefined))
      .orderBy(desc(pointsLedger.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { balance: member.pointsBalance, entries: page.map(toEntry), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
  });
}
