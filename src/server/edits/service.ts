import { and, eq } from 'drizzle-orm';
import { editActionsSchema, editPreviewSchema, type CommitEditResult, type CreateEditResponse, type Edit, type EditAction } from '../../contracts/edits';
import { orderEdited, type Actor, type EventDraft, type OrderEditChanges } from '../../domain/events';
import { replayOrderChange, type OrderChangePlan, type OrderChangePreview, type OrderChangeSnapshot } from '../../domain/order-change';
import { principalScope, type Principal } from '../auth/principal';
import { one, type Db, type Executor, type Tx } from '../db/client';
import { orderChanges, orders } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { runIdempotent } from '../idempotency/service';
import type { ChangeOutcome, OrderRow } from '../orders/mutation';
import { addPoints, loadUsableCoupon, markCouponUsed } from '../orders/member-benefits';
import type { OrderRows } from '../orders/read-queries';
import { createPaymentRequest } from '../payments/requests/service';
import { writeOrderChange } from './persist';
import { loadChangeSnapshot } from './snapshot';

/** Replays the actions; a refusal becomes the HTTP error of its code, naming the action refused. */
function replayOrRefuse(snapshot: OrderChangeSnapshot, actions: readonly EditAction[]): { preview: OrderChangePreview; plan: OrderChangePlan } {
  const r = replayOrderChange(snapshot, actions);
  if (!r.ok) throw new AppError(r.code, r.details);
  return r;
}

const toEdit = (row: typeof orderChanges.$inferSelect): Edit => ({
  editId: row.id,
  orderId: row.orderId,
  status: row.status,
  baseVersion: row.baseVersion,
  actions: editActionsSchema.parse(row.actions),
  preview: editPreviewSchema.parse(row.preview),
  createdAt: row.createdAt.toISOString(),
  committedAt: row.committedAt?.toISOString() ?? null,
});

export interface PreviewRequest {
  principal: Principal;
  orderId: number;
  idempotencyKey: string | undefined;
  body: { expectedVersion: number; actions: EditAction[] };
}

/**
 * 금액 계산: replays the actions over the order as it stands and stores the edit with its preview.
 * The order itself does not change (no version bump, no event); the order row is share-locked so
 * the preview is computed on one consistent version, the version the commit will insist on.
 */
export async function previewEdit(db: Db, req: PreviewRequest): Promise<{ edit: CreateEditResponse; replayed: boolean }> {
  const { principal, orderId, body } = req;
  const shopId = principal.shopId;
  const outcome = await runIdempotent<CreateEditResponse>(
    db,
    { shopId, scope: principalScope(principal), key: req.idempotencyKey, request: { route: 'POST /api/v1/orders/:orderId/edits', orderId, body } },
    async (tx) => {
      const now = new Date();
      const [order] = await tx.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))).for('share');
      if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });
      if (order.version !== body.expectedVersion) {
        throw new AppError('ORDER_VERSION_CONFLICT', { currentVersion: order.version, expectedVersion: body.expectedVersion, updatedAt: order.updatedAt.toISOString() });
      }
      const { snapshot } = await loadChangeSnapshot(tx, order, body.actions, now);
      const { preview } = replayOrRefuse(snapshot, body.actions);
      const rows = await tx
        .insert(orderChanges)
        .values({ shopId, orderId, actions: body.actions, preview, baseVersion: order.version, status: 'previewed', createdByStaffId: principal.kind === 'staff' ? principal.staffId : null, createdAt: now })
        .returning({ id: orderChanges.id });
      return { status: 201, body: { editId: one(rows, 'order change').id, baseVersion: order.version, preview } };
    },
  );
  return { edit: outcome.body, replayed: outcome.replayed };
}

export async function readEdit(db: Executor, shopId: number, orderId: number, editId: number): Promise<Edit> {
  const [row] = await db.select().from(orderChanges).where(and(eq(orderChanges.shopId, shopId), eq(orderChanges.orderId, orderId), eq(orderChanges.id, editId)));
  if (!row) throw new AppError('EDIT_NOT_FOUND', { editId });
  return toEdit(row);
}

function summaryOf(rows: OrderRows, plan: OrderChangePlan, preview: OrderChangePreview, added: OrderEditChanges['added']): OrderEditChanges {
  const nameOf = (itemId: number) => rows.items.find((i) => i.id === itemId)?.productName ?? `#${itemId}`;
  return {
    added,
    quantities: plan.quantityChanges.map((c) => ({ itemId: c.itemId, productName: nameOf(c.itemId), from: c.from, to: c.to })),
    couponName: preview.couponApplied?.name ?? null,
    pointsUsed: preview.pointsSpent,
  };
}

export interface CommitInput {
  editId: number;
  paymentRequest?: { reason: string; dueAt?: string | undefined } | undefined;
  principal: Principal;
  actor: Actor;
  lang: Lang;
}

/**
 * Commits a previewed edit inside the order mutation (the order row is locked and its version
 * checked against the caller's). The edit must still be based on this very version, and its
 * stored actions are replayed again here: points, coupons and stock may have moved since the
 * preview, and only what holds now is written.
 *
 * The payment request is created only when staff ask for it (`paymentRequest`): some collect an
 * additional amount another way (cash at pickup, a phone order), and a request the buyer sees on
 * My Page should be a decision, not a side effect. The result always says what is owed.
 *
 * While the edit leaves the buyer owing, the units it adds wait in held 입금대기 groups (the plan
 * says which; persist marks them with this edit) whether or not a request is made: paying the
 * request releases them, and so does any payment that settles the balance due.
 */
export async function commitEdit(tx: Tx, order: OrderRow, input: CommitInput, now: Date): Promise<ChangeOutcome<CommitEditResult>> {
  const shopId = order.shopId;
  const [edit] = await tx.select().from(orderChanges).where(and(eq(orderChanges.shopId, shopId), eq(orderChanges.orderId, order.id), eq(orderChanges.id, input.editId))).for('update');
  if (!edit) throw new AppError('EDIT_NOT_FOUND', { editId: input.editId });
  if (edit.status !== 'previewed') throw new AppError('EDIT_NOT_PREVIEWED', { editId: edit.id, status: edit.status });
  if (edit.baseVersion !== order.version) {
    throw new AppError('ORDER_VERSION_CONFLICT', { currentVersion: order.version, baseVersion: edit.baseVersion, reason: 'the order changed after this edit was previewed' });
  }
  const actions = editActionsSchema.parse(edit.actions);
  const { snapshot, rows } = await loadChangeSnapshot(tx, order, actions, now);
  const { preview, plan } = replayOrRefuse(snapshot, actions);

  const added = await writeOrderChange(tx, rows, plan, preview, edit.id, now);
  if (preview.couponApplied && order.customerId !== null) {
    const coupon = await loadUsableCoupon(tx, shopId, order.customerId, preview.couponApplied.customerCouponId, now);
    await markCouponUsed(tx, shopId, coupon.issued.id, order.id, now);
    await tx.update(orders).set({ customerCouponId: coupon.issued.id, couponName: coupon.rule.name }).where(and(eq(orders.shopId, shopId), eq(orders.id, order.id)));
  }
  if (preview.pointsSpent > 0 && order.customerId !== null) await addPoints(tx, shopId, order.customerId, -preview.pointsSpent, '주문 수정 사용', order.id, now);
  await tx.update(orderChanges).set({ status: 'committed', committedAt: now, preview }).where(and(eq(orderChanges.shopId, shopId), eq(orderChanges.id, edit.id)));

  const events: EventDraft[] = [
    orderEdited(input.actor, { changeId: edit.id, totalBefore: preview.totalsBefore.total, totalAfter: preview.totalsAfter.total, changes: summaryOf(rows, plan, preview, added) }),
  ];
  let paymentRequest: CommitEditResult['paymentRequest'] = null;
  if (input.paymentRequest && preview.additionalPayment > 0) {
    const requested = await createPaymentRequest(tx, order, { amount: preview.additionalPayment, ...input.paymentRequest, orderChangeId: edit.id }, input.principal, input.actor, now, input.lang);
    events.push(...requested.events);
    paymentRequest = requested.result;
  }
  return {
    events,
    result: {
      editId: edit.id,
      preview,
      additionalPayment: preview.additionalPayment,
      paymentRequest,
      refundProposal: preview.refundProposal > 0 ? { amount: preview.refundProposal } : null,
    },
  };
}
