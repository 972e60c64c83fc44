import { and, eq, isNull } from 'drizzle-orm';
import type { Memo } from '../../contracts/timeline';
import { memoAdded, memoDeleted, memoEdited, type Actor } from '../../domain/events';
import { allows, principalScope, type Principal } from '../auth/principal';
import { one, type Db, type Tx } from '../db/client';
import { memos, orders } from '../db/schema/index';
import { AppError } from '../http/errors';
import { runIdempotent } from '../idempotency/service';
import { refreshMemoSummaries } from '../orders/summary-refresh';
import { appendEvents } from '../timeline/queries';

type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

function staffOnly(p: Principal): StaffPrincipal {
  if (p.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'memos are written by staff' });
  return p;
}

const toMemo = (m: typeof memos.$inferSelect): Memo => ({
  id: m.id,
  orderId: m.orderId,
  body: m.body,
  authorStaffId: m.authorStaffId,
  authorName: m.authorName,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt?.toISOString() ?? null,
});

/** Locks the order so concurrent memos keep memo_count exact; answers 404 for another shop's order. */
async function lockOrder(tx: Tx, shopId: number, orderId: number) {
  const [order] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))).for('no key update');
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });
}

async function findLiveMemo(tx: Tx, shopId: number, orderId: number, memoId: number) {
  const [memo] = await tx
    .select()
    .from(memos)
    .where(and(eq(memos.shopId, shopId), eq(memos.orderId, orderId), eq(memos.id, memoId), isNull(memos.deletedAt)));
  if (!memo) throw new AppError('NOT_FOUND', { memoId });
  return memo;
}

interface MemoRequest {
  principal: Principal;
  orderId: number;
  idempotencyKey: string | undefined;
}

/** Memo changes: one transaction with their timeline event and the order's memo count. */
async function memoChange(db: Db, req: MemoRequest, request: unknown, work: (tx: Tx, staff: StaffPrincipal, actor: Actor, now: Date) => Promise<Memo>) {
  const staff = staffOnly(req.principal);
  const actor: Actor = { kind: 'staff', id: staff.staffId, name: staff.name };
  const outcome = await runIdempotent<Memo>(db, { shopId: staff.shopId, scope: principalScope(staff), key: req.idempotencyKey, request: { orderId: req.orderId, request } }, async (tx) => {
    const now = new Date();
    await lockOrder(tx, staff.shopId, req.orderId);
    const memo = await work(tx, staff, actor, now);
    await refreshMemoSummaries(tx, staff.shopId, [req.orderId]);
    return { status: 200, body: memo };
  });
  return { memo: outcome.body, replayed: outcome.replayed };
}

export function addMemo(db: Db, req: MemoRequest, body: string) {
  return memoChange(db, req, { op: 'add', body }, async (tx, staff, actor, now) => {
    const rows = await tx
      .insert(memos)
      .values({ shopId: staff.shopId, orderId: req.orderId, authorStaffId: staff.staffId, authorName: staff.name, body, createdAt: now })
      .returning();
    const memo = one(rows, 'memo');
    await appendEvents(tx, staff.shopId, req.orderId, [memoAdded(actor, { memoId: memo.id })], now);
    return toMemo(memo);
  });
}

/** Only the author edits a memo: it is their note, signed with their name. */
export function editMemo(db: Db, req: MemoRequest, memoId: number, body: string) {
  return memoChange(db, req, { op: 'edit', memoId, body }, async (tx, staff, actor, now) => {
    const memo = await findLiveMemo(tx, staff.shopId, req.orderId, memoId);
    if (memo.authorStaffId !== staff.staffId) throw new AppError('FORBIDDEN', { reason: 'only the author edits a memo' });
    const rows = await tx.update(memos).set({ body, updatedAt: now }).where(and(eq(memos.shopId, staff.shopId), eq(memos.id, memoId))).returning();
    await appendEvents(tx, staff.shopId, req.orderId, [memoEdited(actor, { memoId })], now);
    return toMemo(one(rows, 'memo'));
  });
}

/** The author, or a manager or owner, deletes a memo; it leaves the timeline but its events stay. */
export function deleteMemo(db: Db, req: MemoRequest, memoId: number) {
  return memoChange(db, req, { op: 'delete', memoId }, async (tx, staff, actor, now) => {
    const memo = await findLiveMemo(tx, staff.shopId, req.orderId, memoId);
    if (memo.authorStaffId !== staff.staffId && !allows(staff, 'memos.moderate')) throw new AppError('FORBIDDEN', { reason: 'only the author or a manager deletes a memo' });
    const rows = await tx.update(memos).set({ deletedAt: now }).where(and(eq(memos.shopId, staff.shopId), eq(memos.id, memoId))).returning();
    await appendEvents(tx, staff.shopId, req.orderId, [memoDeleted(actor, { memoId })], now);
    return toMemo(one(rows, 'memo'));
  });
}
